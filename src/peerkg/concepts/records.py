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
    """One occurrence of a concept in one field of a work, with its evidence.

    ``field`` names where the text came from: ``title``, ``teaser``, ``abstract`` (unstructured),
    ``abstract/{heading}`` (``abstract/purpose``, ``abstract/findings``...), ``body`` or
    ``statement/{position}``. ``text[start:end] == words`` for the field's ``text``.
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
    rule: str  # e.g. "about-field", "key-sentence", "repeated", "passing", "contrast", "negation"
    score: float
    label: str = ""  # the thesaurus label that matched
    label_kind: LabelKind = LabelKind.PREF
    language: str = "en"  # language of the text (and of the label used)
    sentence: int = 0  # 0-based index of the sentence of the field holding the match

    @property
    def is_about(self) -> bool:
        return self.relation is Relation.ABOUT


@dataclass(frozen=True)
class WorkConcept:
    """A concept at work level: "about" when any of its tags is "about", with all its tags as evidence."""

    concept: str
    scheme: str
    relation: Relation
    tags: tuple[Tag, ...]

    @property
    def score(self) -> float:
        return max((t.score for t in self.tags), default=0.0)
