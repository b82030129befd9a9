"""The records parsers produce: plain frozen dataclasses, no RDF.

A parser turns the text of one page into one :class:`PageRecord`. Everything a page states is
either a field of a record here or a :class:`LineNote` saying why a line was skipped. Nothing in
this module knows about predicates: ``peerkg.rdf.mapping`` is the only place that decides them.

Conventions
-----------
* Strings are as printed on the page unless the field name says ``normalised``/``canonical``.
* Character offsets are 0-based, end-exclusive, into the text of the field they name.
* Line numbers are 1-based, as editors show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class SourceKind(StrEnum):
    """The kinds of page peerkg reads. The value is the kind's stable name (used in IRIs and reports)."""

    ARTICLE_PAGE = "article-page"  # scholar-index article page with reference list (seed 000)
    SEARCH_LISTING = "search-listing"  # publisher search-results listing (seed 001)
    CITATION_REPORT = "citation-report"  # citation-statements report (seed 002)
    FULL_TEXT = "full-text"  # full-text page of an article or editorial (seed 003)


class WorkType(StrEnum):
    """What kind of work a record describes. Mapped to one FaBiO class each."""

    JOURNAL_ARTICLE = "journal-article"
    EDITORIAL = "editorial"
    BOOK_CHAPTER = "book-chapter"
    BOOK = "book"
    REPORT = "report"
    NEWSPAPER_ARTICLE = "newspaper-article"
    WEB_PAGE = "web-page"
    THESIS = "thesis"
    WORK = "work"  # kind not stated and not derivable


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the page states it (``month``/``day`` are None when not stated)."""

    year: int
    month: int | None = None
    day: int | None = None
    as_written: str = ""

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` depending on precision."""
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True)
class PersonName:
    """A name as written on a page, with the parts the page gives.

    ``given`` keeps what the page gives: a full given name ("Alison", "Benjamin Thomas") or
    initials ("J.", "A. B."). Never expand an initial. ``is_organisation`` marks corporate
    authors ("Mind", "Mental Health Task Force").
    """

    as_written: str
    family: str | None = None
    given: str | None = None
    is_organisation: bool = False

    @property
    def display(self) -> str:
        if self.is_organisation or not self.family:
            return self.as_written.strip()
        return f"{self.given} {self.family}" if self.given else self.family


@dataclass(frozen=True)
class PageRange:
    start: str
    end: str | None = None
    as_written: str = ""


@dataclass(frozen=True)
class Venue:
    """Where a work appeared: a journal issue (or the journal, ahead of print), a book, a newspaper."""

    title: str | None = None
    issn: str | None = None  # normalised, check digit verified ("2042-8308")
    volume: str | None = None
    issue: str | None = None
    ahead_of_print: bool = False
    publisher: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class AbstractSection:
    """One section of a structured abstract.

    ``heading`` is the canonical key: purpose, design-methodology-approach, findings,
    research-limitations-implications, practical-implications, social-implications, originality-value.
    """

    heading: str
    heading_as_written: str
    text: str
    position: int  # 1-based


@dataclass(frozen=True)
class Abstract:
    text: str  # the whole abstract as shown (sections joined with their headings as printed)
    sections: tuple[AbstractSection, ...] = ()
    truncated: bool = False  # the page cut it ("… Show more", "…")
    language: str = "en"


class CountKind(StrEnum):
    """What a count stated on a page counts. Recorded as stated, never recomputed."""

    SEARCH_RESULTS = "search-results"  # "1 – 10 of over 73000"
    REFERENCES = "references"  # "Reference20 articles." / "References 10 publications"
    CITED_BY = "cited-by"  # "Cited by 30 publications"
    CITATION_STATEMENTS = "citation-statements"  # "(46 citation statements)"
    SUPPORTING = "supporting"  # citation-type counts
    MENTIONING = "mentioning"
    CONTRASTING = "contrasting"
    UNCLASSIFIED = "unclassified"
    LISTING_FIGURE = "unlabelled-listing-figure"  # the unlabelled number some listing hits show


@dataclass(frozen=True)
class StatedCount:
    kind: CountKind
    value: int
    as_written: str
    qualifier: str | None = None  # "over", "about"… when the page qualifies the number
    range_start: int | None = None  # "1 – 10 of …": first and last item shown
    range_end: int | None = None


@dataclass(frozen=True)
class ReferenceEntry:
    """One entry of a reference list, as printed, with its position in the list (1-based)."""

    position: int
    text: str
    label: str | None = None  # the printed number/label ("1.") if any


@dataclass(frozen=True)
class CitationStatement:
    """A citing sentence about the page's work, as on a citation-statements report."""

    position: int  # 1-based, page order
    text: str
    language: str  # BCP 47 tag ("en", "de")
    type_label: str  # as given: "supporting", "mentioning", "contrasting", "unclassified"
    confidence: Decimal | None = None  # 99% -> Decimal("0.99")
    section: str | None = None  # citing section title when given
    truncated_start: bool = False  # the page shows "…" before the text
    truncated_end: bool = False
    duplicate_of: int | None = None  # position of an identical earlier statement on the page


@dataclass(frozen=True)
class Footnote:
    marker: str  # "1"
    offset: int  # where the marker stands in the body text


@dataclass(frozen=True)
class WorkRecord:
    """One work a page describes (the page's main work, or one listing hit)."""

    work_type: WorkType
    title: str | None = None
    authors: tuple[PersonName, ...] = ()
    issued: PartialDate | None = None
    doi: str | None = None  # bare, lower case
    venue: Venue | None = None
    pages: PageRange | None = None
    publisher: str | None = None
    abstract: Abstract | None = None
    teaser: str | None = None  # listing teaser (usually cut with "…")
    subjects: tuple[str, ...] = ()  # subject headings as printed, in page order
    keywords: tuple[str, ...] = ()
    article_type: str | None = None  # as printed: "Research Article", "Editorial"
    kind_as_written: str | None = None  # listing hit kind: "Article", "Book part"
    references_declared: int | None = None
    references: tuple[ReferenceEntry, ...] = ()
    counts: tuple[StatedCount, ...] = ()
    statements: tuple[CitationStatement, ...] = ()
    body: str | None = None  # full text shown (lines joined, hyphenation as printed)
    footnotes: tuple[Footnote, ...] = ()
    position: int | None = None  # 1-based position in a listing
    language: str = "en"


class LineStatus(StrEnum):
    MAPPED = "mapped"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class LineNote:
    """What became of one non-blank line of the page: mapped to a field, or skipped with a reason."""

    line: int
    status: LineStatus
    what: str  # the field ("title", "hit 3 abstract") or the reason it was skipped ("advertising")
    text: str = ""


@dataclass(frozen=True)
class PageRecord:
    """Everything one page states, as parsed."""

    kind: SourceKind
    works: tuple[WorkRecord, ...]
    counts: tuple[StatedCount, ...] = ()  # page-level counts (listing total)
    lines: tuple[LineNote, ...] = ()
    partial: bool = False  # the page is cut short or fits no kind fully; the records hold what was recovered
    problems: tuple[str, ...] = ()  # human-readable notes on what could not be read
    confidence: float | None = None  # detection score of ``kind`` in [0, 1], None when the kind was given
    evidence: tuple[str, ...] = ()  # the structures detection found ("author block", "reference list", …)


@dataclass(frozen=True)
class SourceDocument:
    """The bytes a page came from, for provenance."""

    name: str  # file name (or URL)
    sha256: str
    size: int
    kind: SourceKind | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
