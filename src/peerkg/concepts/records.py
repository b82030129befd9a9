"""Plain records of the peer-support thesaurus and of concept tags (no rdflib here).

A :class:`Tag` says that a concept occurs in one field of a work, with the evidence a user can check:
the exact words matched, their character offsets into the field's text (0-based, end-exclusive), up to
32 characters either side (for a W3C Web Annotation ``oa:TextQuoteSelector``), the rule that decided
"about" or "mentions", and a score in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SCHEMES = ("model", "setting", "theme", "population", "organisation", "place")
"""The schemes of the thesaurus, in the order reports list them."""

CONTEXT_CHARS = 32
"""How many characters of context a tag keeps on each side (``prefix`` / ``suffix``)."""


class LabelKind(StrEnum):
    PREF = "prefLabel"
    ALT = "altLabel"
    HIDDEN = "hiddenLabel"


class Relation(StrEnum):
    """How a field relates to a concept: it is *about* the concept, or only *mentions* it."""

    ABOUT = "about"
    MENTIONS = "mentions"


@dataclass(frozen=True)
class Label:
    text: str
    language: str  # BCP 47 tag of the literal ("en", "de")
    kind: LabelKind


@dataclass(frozen=True)
class Concept:
    """One SKOS concept of the thesaurus."""

    iri: str
    scheme: str  # the scheme's short name ("model", "setting", ...)
    slug: str
    pref_label: str  # the English preferred label
    definition: str
    labels: tuple[Label, ...]
    broader: tuple[str, ...] = ()  # IRIs
    close_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tag:
    """One hit: a concept's label found in one field of a work, with its evidence.

    ``field`` names where the text came from: ``title``, ``teaser``, ``abstract`` (unstructured),
    ``abstract/{heading}`` (``abstract/purpose``, ``abstract/findings``...), ``body`` or
    ``statement/{position}``. ``text[start:end] == words`` for the field's ``text``. ``rule`` and ``weight``
    say what this hit alone shows (see :mod:`peerkg.concepts.tagger`); ``relation`` is *about* when the hit
    alone makes the work about the concept. ``origin`` is the index of the record (of the work's records on
    different pages) whose field holds the hit.
    """

    concept: str  # IRI
    scheme: str
    relation: Relation
    field: str
    words: str  # exactly as in the text
    start: int
    end: int
    prefix: str  # up to CONTEXT_CHARS characters before ``start``
    suffix: str  # up to CONTEXT_CHARS characters after ``end``
    rule: str  # "title", "aim", "purpose", "lead", "finding", "sentence", "reported", "negation", ...
    score: float  # in [0, 1], from the weight
    label: str = ""  # the thesaurus label that matched
    label_kind: LabelKind = LabelKind.PREF
    language: str = "en"  # language of the text (and of the label used)
    sentence: int = 0  # 0-based index of the sentence of the field holding the match
    weight: float = 0.0  # what the hit adds towards "about" (2 make it)
    origin: int = 0

    @property
    def is_about(self) -> bool:
        return self.relation is Relation.ABOUT


@dataclass(frozen=True)
class WorkConcept:
    """A concept at work level: whether the work is about it or mentions it, why, and every hit.

    ``rule`` is the work-level decision: the rule of the one hit that made it *about* ("title", "aim",
    "purpose", "lead", "finding"), "recurs" (hits in several sentences add up), "narrower-about" (a narrower
    concept is about: this broader one is then a mention), "root" (peer support itself, never about) or,
    for a mention, the strongest hit's rule. ``weight`` is the sum over the work's sentences.
    """

    concept: str
    scheme: str
    relation: Relation
    tags: tuple[Tag, ...]
    rule: str = ""
    weight: float = 0.0

    @property
    def score(self) -> float:
        return max((t.score for t in self.tags), default=0.0)

    @property
    def hit_count(self) -> int:
        return len(self.tags)

    @property
    def strongest(self) -> Tag:
        """The hit a reader should see first: the heaviest, then the earliest field, then the earliest words."""
        return min(self.tags, key=lambda t: (-t.weight, -t.score, field_rank(t.field), t.origin, t.start))


FIELD_ORDER = ("title", "abstract/purpose", "abstract", "abstract/design-methodology-approach", "abstract/findings",
               "abstract/conclusions", "abstract/practical-implications", "abstract/social-implications",
               "abstract/research-limitations-implications", "abstract/originality-value", "abstract/background",
               "teaser", "body")


def field_rank(field: str) -> tuple[int, int]:
    """Order of fields on a work's page (statements last, by position)."""
    if field in FIELD_ORDER:
        return (FIELD_ORDER.index(field), 0)
    if field.startswith("statement/"):
        tail = field.split("/", 1)[1]
        return (len(FIELD_ORDER) + 1, int(tail) if tail.isdigit() else 0)
    return (len(FIELD_ORDER), 0)
