"""What the resolve stage decides: plain frozen records, no RDF, no IRIs.

Nodes are named by *keys* (:class:`WorkId`, :class:`StatementId`, :class:`AgentId`); ``peerkg.rdf.iri``
is the one place a key becomes an IRI, and ``peerkg.rdf.mapping`` turns the decisions into nodes of the
links graph (see docs/data-model.md): a :class:`WorkMerge` or a person :class:`LinkDecision` becomes a
``psmh:LinkDecision``, an :class:`Inference` a ``psmh:Inference``, a :class:`Resolution` the
``psmh:resolutionStatus`` of an in-text pointer. Every decision and inference carries the rule that made
it, a score/confidence in 0..1 (floats rounded to 2 places), an :class:`Evidence` text (which may name
nodes by key: the mapping spells them as IRIs) and the ids of everything it involved.

Matching functions take ids they do not look into: the build passes keys, tests may pass plain strings.

Conventions: character offsets are 0-based, end-exclusive, into the text the record names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Union

from peerkg.model.cited import CitedWork
from peerkg.model.journals import JournalIdentity
from peerkg.model.page import PersonName

__all__ = [
    "AgentId", "Decisions", "Evidence", "Inference", "InTextCitation", "LinkDecision", "MentionAgent",
    "PageDecisions", "PersonCluster", "PersonMention", "Pointer", "RecordRef", "Resolution", "ResolutionStatus",
    "StatementId", "WorkId", "WorkKey", "WorkMatch", "WorkMerge", "CitedEntry", "CitedMerge", "mention_id",
]


# --- keys: what node IRIs are minted from ----------------------------------------------------

@dataclass(frozen=True, order=True)
class WorkId:
    """The key of one work node.

    ``scheme`` "doi": ``parts`` = (the bare DOI,); "key": ``parts`` = the rule and the values of the best
    key its records offer (hashed into the IRI); "cited": a work known only from a reference entry,
    ``citing`` the work whose list holds it and ``parts`` = (the entry's position,).
    """

    scheme: str
    parts: tuple[str, ...]
    citing: WorkId | None = None

    def __str__(self) -> str:
        text = f"{self.scheme}:{'/'.join(self.parts)}"
        return f"{self.citing}/reference/{text}" if self.citing is not None else text


@dataclass(frozen=True, order=True)
class StatementId:
    """The key of one citation statement: the work it is about, the page (first 16 hex digits of its
    SHA-256) and the statement's position on that page."""

    work: WorkId
    source16: str
    position: int

    def __str__(self) -> str:
        return f"{self.work}/statement/{self.source16}-{self.position}"


@dataclass(frozen=True, order=True)
class AgentId:
    """The key of a person (``key`` = the name key of the fullest name, "repper-julie") or an
    organisation (``key`` = its name as written; the IRI slugs it)."""

    key: str
    organisation: bool = False

    def __str__(self) -> str:
        return f"{'organization' if self.organisation else 'person'}:{self.key}"


NodeId = Union[WorkId, StatementId, str]  # noqa: UP007 - a runtime alias, str: a caller's own ids
"""What matching functions accept as ids: keys in a build, any string in a test."""

Part = Union[str, WorkId, StatementId, tuple]  # noqa: UP007


@dataclass(frozen=True)
class Evidence:
    """A human-readable evidence text whose node names are keys.

    ``parts`` are text (``str``), single nodes (keys) and lists of nodes (a ``tuple`` of keys, shown
    comma-separated in the order of their spelling). :meth:`render` spells each key with the given
    function (the mapping passes the IRI minter); ``str()`` shows plain-string ids as they are.
    """

    parts: tuple[Part, ...] = ()

    @classmethod
    def of(cls, *parts: Part | Evidence) -> Evidence:
        flat: list[Part] = []
        for part in parts:
            for piece in (part.parts if isinstance(part, Evidence) else (part,)):
                if isinstance(piece, str) and flat and isinstance(flat[-1], str):
                    flat[-1] += piece
                else:
                    flat.append(piece)
        return cls(tuple(flat))

    def render(self, spell: Callable[[object], str] = str) -> str:
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, tuple):
                out.append(", ".join(sorted(spell(p) for p in part)))
            else:
                out.append(spell(part))
        return "".join(out)

    def __str__(self) -> str:
        return self.render()

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __bool__(self) -> bool:
        return any(self.parts)


@dataclass(frozen=True, order=True)
class RecordRef:
    """One work record of a build: the page (its index in the build) and the work on the page."""

    page: int
    index: int


def mention_id(source16: str, work_index: int, position: int, reference: int | None = None) -> str:
    """The id of one author mention: page, work on the page, (reference entry,) author position."""
    ref = f":ref{reference}" if reference is not None else ""
    return f"{source16}:{work_index}{ref}:{position}"


@dataclass(frozen=True)
class InTextCitation:
    """One author-year citation found in running text.

    ``text`` is ``source[start:end]``: the citation itself ("Repper et al., 2013",
    "Onken et al. (2002)"), without the enclosing parentheses of a parenthetical group or the
    prefix ("see, e.g."). ``group_start``/``group_end`` delimit the whole parenthesised group it
    belongs to (equal to start/end for a narrative citation without a group).
    """

    text: str
    start: int
    end: int
    names: tuple[str, ...]  # family names or organisation names, in order
    et_al: bool = False
    year: int | None = None  # None when the page lost it: "(Beales & Wilson )"
    year_suffix: str | None = None
    locator: str | None = None  # "p. 1", "6"
    prefix: str | None = None  # "see", "see, e.g."
    narrative: bool = False  # "Onken et al. (2002)" vs "(Onken et al., 2002)"
    group_start: int = 0
    group_end: int = 0


@dataclass(frozen=True)
class WorkKey:
    """What work matching needs to know about one work description (from any record).

    ``id`` is the caller's id for the description (a :class:`WorkId` in a build, "source16#hit3", …).
    Family names are as printed; matching folds case, accents and punctuation itself.
    """

    id: NodeId
    doi: str | None = None
    title: str | None = None
    year: int | None = None
    first_author_family: str | None = None
    author_families: tuple[str, ...] = ()  # all authors in order (organisation names too)
    venue: str | None = None  # journal / book / newspaper title
    issn: str | None = None
    volume: str | None = None
    issue: str | None = None
    year_suffix: str | None = None  # "2012a" in a reference list
    et_al: bool = False  # author_families is incomplete (a reference printed "et al.")
    abstract: str | None = None  # the abstract text, when a page shows it (matched only when ≥ 20 words)


@dataclass(frozen=True)
class WorkMatch:
    """A decision that two work descriptions are the same work."""

    left: NodeId  # WorkKey.id
    right: NodeId
    rule: str  # "doi", "title-year", "authors-abstract", "title-authors", "author-year-venue"
    score: float
    evidence: str


class ResolutionStatus:
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True)
class Resolution:
    """What an in-text citation points to.

    ``status``: "resolved" (``work_id`` set; exactly one candidate fits), "ambiguous" (several
    fit; ``candidates`` lists them) or "unresolved" (none fits, or the citation lacks what is
    needed to decide — ``candidates`` then lists the works that fit the part that is there).
    """

    citation: str  # the citation text
    status: str
    work_id: NodeId | None = None
    candidates: tuple[NodeId, ...] = ()
    rule: str = ""
    score: float = 0.0
    evidence: Evidence = field(default_factory=Evidence)


@dataclass(frozen=True)
class PersonMention:
    """One occurrence of a name as an author of a work.

    ``source_id`` + ``work_id`` identify the author list it comes from: two mentions from the
    same list are different people by definition and are never merged.
    ``coauthor_families``: the family (or organisation) names of the other authors of that list; ``journals``
    and ``topics`` the context a same-full-name merge may rest on.
    """

    id: str
    name: PersonName
    work_id: NodeId
    coauthor_families: tuple[str, ...] = ()
    source_id: str | None = None
    journals: frozenset[str] = frozenset()  # the work's journal: its ISSN and title key, when known
    topics: frozenset[str] = frozenset()  # the concepts the work is about (thesaurus IRIs), when tagged


@dataclass(frozen=True)
class LinkDecision:
    """A merge of two mentions (or a mention into a cluster), with its evidence."""

    subject: str  # mention id merged ...
    object: str  # ... with this mention id
    rule: str
    score: float
    evidence: Evidence
    involved: tuple[NodeId, ...] = ()  # further ids the evidence rests on (works, co-author mentions)


@dataclass(frozen=True)
class PersonCluster:
    """One real person (or organisation): the mentions that name them and why they were merged."""

    key: str  # stable key for the IRI: name_key of the fullest name, e.g. "repper-julie"
    name: PersonName  # the fullest name seen (full given name preferred over initials)
    mention_ids: tuple[str, ...]
    work_ids: tuple[NodeId, ...]
    is_organisation: bool = False
    decisions: tuple[LinkDecision, ...] = ()

    @property
    def agent(self) -> AgentId:
        """The node the cluster's mentions name."""
        if self.is_organisation or not self.name.family:
            return AgentId(self.name.display, organisation=True)
        return AgentId(self.key)


@dataclass(frozen=True)
class Inference:
    """A fact the pages imply but do not print (goes to the links graph, never a page graph).

    ``values`` are (key, value) pairs in order, e.g. (("author", "Beales"), ("author", "Wilson"))
    or (("title", "Mental Health and Social Inclusion"), ("issn", "2042-8308")).
    ``evidence_ids`` names what the evidence rests on (statement positions, DOIs, …) as text, ``sources``
    the nodes among them.
    """

    subject: NodeId  # the node the inference is about
    property: str  # "authors", "journal"
    values: tuple[tuple[str, str], ...]
    rule: str
    confidence: float
    evidence: str
    evidence_ids: tuple[str, ...] = ()
    sources: tuple[NodeId, ...] = ()  # the statements (…) the evidence rests on, in order

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.values if k == key), None)

    def all(self, key: str) -> tuple[str, ...]:
        return tuple(v for k, v in self.values if k == key)


# --- the resolve stage's result ---------------------------------------------------------------

@dataclass(frozen=True)
class WorkMerge:
    """Two work records (on different pages) found to describe one work."""

    first: RecordRef
    second: RecordRef
    work: WorkId
    rule: str
    score: float
    evidence: str


@dataclass(frozen=True)
class CitedMerge:
    """Two reference entries (in the lists of different work records) found to cite one work that no page
    describes: ``first``/``second`` are (citing record, entry position); without ``second``, one entry
    found to cite the work ``work`` a page describes (only its first author and year fit)."""

    first: tuple[RecordRef, int]
    second: tuple[RecordRef, int] | None
    work: WorkId
    rule: str
    score: float
    evidence: str


@dataclass(frozen=True)
class CitedEntry:
    """A reference-list entry and the work node it cites: the work another page describes (``matched``:
    same DOI, title and year, …) or a node of its own."""

    ref: RecordRef  # the citing work record
    position: int  # the entry's position in the list
    cited: CitedWork  # the entry as the parse stage read it
    work: WorkId
    matched: bool


@dataclass(frozen=True)
class Pointer:
    """An in-text citation found in a work's body or in a citation statement, and what it resolves to."""

    ref: RecordRef
    context: WorkId | StatementId  # the work or statement whose text holds it
    number: int  # 1-based, per citing work record
    citation: InTextCitation
    resolution: Resolution


@dataclass(frozen=True)
class MentionAgent:
    """The person or organisation an author mention names, and the fullest form of a person's name
    (a page writing a shorter form keeps it only as the name as written)."""

    mention: str
    agent: AgentId
    fullest: PersonName | None = None


@dataclass(frozen=True)
class PageDecisions:
    """What resolution decided for one page: all a page's mapping needs."""

    works: tuple[WorkId, ...]  # the node of each work record of the page, in record order
    cited: tuple[CitedEntry, ...] = ()  # page order: work record, then entry position
    pointers: tuple[Pointer, ...] = ()
    agents: tuple[MentionAgent, ...] = ()
    # (work record, entry position) → the path segment of its reference entry ("2-<page>"), for entries that
    # another page's list of the same work holds at that position with another text; others use the position
    reference_segments: tuple[tuple[int, int, str], ...] = ()

    @cached_property
    def agent_of(self) -> Mapping[str, MentionAgent]:
        return {a.mention: a for a in self.agents}

    @cached_property
    def segment_of(self) -> Mapping[tuple[int, int], str]:
        return {(i, position): segment for i, position, segment in self.reference_segments}


@dataclass(frozen=True)
class Decisions:
    """The one result of :func:`peerkg.resolve.resolve`: per page what its records resolve to, and the
    decisions that span pages (work merges, people, implied facts) with their evidence."""

    pages: tuple[PageDecisions, ...]
    merges: tuple[WorkMerge, ...] = ()
    cited_merges: tuple[CitedMerge, ...] = ()  # reference entries of several lists joined into one work
    people: tuple[PersonCluster, ...] = ()
    inferences: tuple[Inference, ...] = ()
    journals: JournalIdentity = field(default_factory=JournalIdentity)  # the node of each printed journal
    mention_labels: Mapping[str, str] = field(default_factory=dict, hash=False)  # mention id -> "name (where)"

    @property
    def works(self) -> frozenset[WorkId]:
        return frozenset(w for page in self.pages for w in page.works)
