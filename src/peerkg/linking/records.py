"""Records the linking step produces: plain frozen dataclasses, no RDF.

``peerkg.rdf.mapping`` turns them into nodes of the links graph (see docs/data-model.md):
a :class:`LinkDecision` becomes a ``psmh:LinkDecision``, an :class:`Inference` a
``psmh:Inference``, a :class:`Resolution` the ``psmh:resolutionStatus`` of an in-text pointer.
Every decision and inference carries the rule that made it, a score/confidence in 0..1
(floats rounded to 2 places; map them to xsd:decimal via ``Decimal(str(score))``), a
human-readable evidence text and the ids of everything it involved.

Conventions: character offsets are 0-based, end-exclusive, into the text the record names.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerkg.model import PageRange, PersonName, WorkType

__all__ = [
    "CitedWork",
    "InTextCitation",
    "WorkKey",
    "WorkMatch",
    "Resolution",
    "ResolutionStatus",
    "PersonMention",
    "PersonCluster",
    "LinkDecision",
    "Inference",
]


@dataclass(frozen=True)
class CitedWork:
    """A reference-list entry parsed into the work it describes.

    Strings are as printed, except ``url`` (hyphen look-alikes repaired to "-"), ``doi``
    (bare, lower case) and ``pages`` (``start``/``end`` expanded; ``as_written`` as printed).
    ``unparsed`` holds every piece of the string that no field took, so nothing is dropped.
    """

    text: str  # the reference as given to the parser
    work_type: WorkType = WorkType.WORK
    authors: tuple[PersonName, ...] = ()
    et_al: bool = False  # the author list ends with "et al."
    authors_are_editors: bool = False  # "Smith, J. (Ed.) (2010), …": the leading names edited it
    year: int | None = None
    year_suffix: str | None = None  # "2012a" -> "a"
    no_date: bool = False  # "(n.d.)"
    date_detail: str | None = None  # "June 11" (newspaper), "2008, June 11" detail part
    title: str | None = None
    container_title: str | None = None  # journal, book, newspaper, report series, website
    container_editors: tuple[PersonName, ...] = ()  # "In: Smith, J. (Ed.), Book…"
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    chapter: str | None = None  # "(Chapter 6)" -> "6"
    edition: str | None = None  # "2nd ed." -> "2nd"
    publisher: str | None = None
    place: str | None = None
    url: str | None = None
    accessed: str | None = None  # "(accessed 3 May 2019)" as written
    doi: str | None = None
    label: str | None = None  # the printed list number ("1.") when the string starts with one
    style: str = "unknown"  # "harvard" (Emerald), "apa", "vancouver", "unknown"
    unparsed: tuple[str, ...] = ()
    confidence: float = 0.0  # how sure the parser is of its segmentation (0..1)


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

    ``id`` is the caller's id for the description (a work IRI, "source16#hit3", …).
    Family names are as printed; matching folds case, accents and punctuation itself.
    """

    id: str
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

    left: str  # WorkKey.id
    right: str
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
    work_id: str | None = None
    candidates: tuple[str, ...] = ()
    rule: str = ""
    score: float = 0.0
    evidence: str = ""


@dataclass(frozen=True)
class PersonMention:
    """One occurrence of a name as an author of a work.

    ``source_id`` + ``work_id`` identify the author list it comes from: two mentions from the
    same list are different people by definition and are never merged.
    ``coauthor_families``: the family (or organisation) names of the other authors of that list.
    """

    id: str
    name: PersonName
    work_id: str
    coauthor_families: tuple[str, ...] = ()
    source_id: str | None = None


@dataclass(frozen=True)
class LinkDecision:
    """A merge of two mentions (or a mention into a cluster), with its evidence."""

    subject: str  # mention id merged ...
    object: str  # ... with this mention id
    rule: str
    score: float
    evidence: str
    involved: tuple[str, ...] = ()  # further ids the evidence rests on (works, co-author mentions)


@dataclass(frozen=True)
class PersonCluster:
    """One real person (or organisation): the mentions that name them and why they were merged."""

    key: str  # stable key for the IRI: name_key of the fullest name, e.g. "repper-julie"
    name: PersonName  # the fullest name seen (full given name preferred over initials)
    mention_ids: tuple[str, ...]
    work_ids: tuple[str, ...]
    is_organisation: bool = False
    decisions: tuple[LinkDecision, ...] = ()


@dataclass(frozen=True)
class Inference:
    """A fact the pages imply but do not print (goes to the links graph, never a page graph).

    ``values`` are (key, value) pairs in order, e.g. (("author", "Beales"), ("author", "Wilson"))
    or (("title", "Mental Health and Social Inclusion"), ("issn", "2042-8308")).
    ``evidence_ids`` names what the evidence rests on (statement positions, DOIs, …).
    """

    subject: str  # the id of the node the inference is about
    property: str  # "authors", "journal"
    values: tuple[tuple[str, str], ...]
    rule: str
    confidence: float
    evidence: str
    evidence_ids: tuple[str, ...] = ()

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.values if k == key), None)

    def all(self, key: str) -> tuple[str, ...]:
        return tuple(v for k, v in self.values if k == key)
