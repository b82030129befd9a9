"""A reference-list string read into the work it describes (the parse stage's reading of references)."""

from __future__ import annotations

from dataclasses import dataclass

from peerkg.model.page import PageRange, PersonName, WorkType

__all__ = ["STRONG_FIELD", "CitedWork"]

STRONG_FIELD = 0.8  # a parsed field below this confidence is recorded but never used to match works


@dataclass(frozen=True)
class CitedWork:
    """A reference-list entry parsed into the work it describes.

    Strings are as printed, except ``url`` (hyphen look-alikes repaired to "-"), ``doi``
    (bare, lower case) and ``pages`` (``start``/``end`` expanded; ``as_written`` as printed).
    ``unparsed`` holds every piece of the string that no field took, so nothing is dropped.
    ``field_confidence`` gives, per field that is set, how sure the parser is of it (0..1; the
    tagger's lowest token probability in the field); linking trusts only strong fields.
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
    genre: str | None = None  # the kind of work as printed: "PhD thesis", "dissertation", "Report"
    link_text: tuple[str, ...] = ()  # link labels printed with the entry ("PubMed", "Google Scholar")
    field_confidence: tuple[tuple[str, float], ...] = ()  # ("title", 0.98), … for the fields set

    def strong(self, name: str) -> bool:
        """Whether a set field is sure enough to match works on (no recorded confidence counts as sure)."""
        c = self.confidence_of(name)
        return c is None or c >= STRONG_FIELD

    def confidence_of(self, name: str) -> float | None:
        """The confidence of one field ("title", "authors", "year", "doi", …), None when it is not set."""
        return next((c for k, c in self.field_confidence if k == name), None)
