"""Parser for citation-statements report pages (source kind ``citation-report``, like seed 002).

A report page describes one work (year, DOI, title, abstract) and lists the statements other
works make about it: a quoted citing sentence, the citing section glued to the citation type
("Section: Discussionmentioning") and a confidence ("confidence: 99%"). Counts are recorded as
the page states them: the four unlabelled numbers under "Citation Types" (supporting,
mentioning, contrasting, unclassified — the widget's fixed order), "Cited by N publications",
"(N citation statements)", "References N publications".

Every non-blank line gets one :class:`LineNote`. Facet widgets whose numbers the page does not
label (Paper Sections, Year Published, …) are skipped, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from peerkg.errors import ParseError
from peerkg.model import (
    Abstract,
    CitationStatement,
    CountKind,
    LineNote,
    LineStatus,
    PageRecord,
    PartialDate,
    SourceKind,
    StatedCount,
    Venue,
    WorkRecord,
    WorkType,
)
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.text import clean
from peerkg.sources.report_text import CLOSE_QUOTES, ELLIPSES, OPEN_QUOTES, detect_language, report_sections, unquote

__all__ = ["KIND", "TYPES", "detect", "detect_language", "parse"]

KIND = SourceKind.CITATION_REPORT

TYPES = ("supporting", "mentioning", "contrasting", "unclassified")
_TYPE_KIND = {t: CountKind(t) for t in TYPES}  # the count kinds carry the type names

# "Section: Discussionmentioning", "Section: Methods supporting", "mentioning"
_TYPE_LINE = re.compile(
    r"^(?:Section\s*:\s*(?P<section>.*?))?\s*(?P<type>supporting|mentioning|contrasting|unclassified)$",
    re.IGNORECASE)
_SECTION_ONLY = re.compile(r"^Section\s*:\s*(?P<section>.+)$", re.IGNORECASE)
_CONFIDENCE = re.compile(r"^confidence\s*:?\s*(?P<value>\d{1,3}(?:[.,]\d+)?)\s*%$", re.IGNORECASE)

# count lines stand alone ("Cited by 30 publications", "(46 citation statements)") or together
_CITED_BY = re.compile(r"^Cited\s+by\s+(?P<n>\d[\d,]*)\s+publications?", re.IGNORECASE)
_STATEMENTS = re.compile(
    r"(?:^|(?<=publications)|(?<=publication))\s*\(?\s*(?P<n>\d[\d,]*)\s+citation\s+statements?\s*\)?\s*$",
    re.IGNORECASE)
_REFERENCES = re.compile(r"^References?\s*:?\s*(?P<n>\d[\d,]*)\s+publications?$", re.IGNORECASE)
_LABELLED_TYPE_COUNT = re.compile(
    r"^(?P<type>supporting|mentioning|contrasting|unclassified)\s*:?\s*(?P<n>\d[\d,]*)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d[\d,]*$")
_YEAR = re.compile(r"^(?:1[89]|2[01])\d\d$")
_DOI = re.compile(r"^DOI\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)
_ABSTRACT = re.compile(r"^Abstract\b\s*:?\s*(?P<value>.*)$")
_SHOW_MORE = re.compile(r"\s*(?:\u2026|\.\.\.)?\s*Show\s+more\s*$", re.IGNORECASE)
_VENUE = re.compile(r"^(?:Journal|Published\s+in|Source)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)

_FACETS = ("paper sections", "citation types", "year published", "publication types", "relationship",
           "authors", "journals", "section", "sections")
_TABS = ("citations", "references", "statements")
_CHROME = re.compile(
    r"^\||view full text|\|\s*cite$|sign up .*alerts?|help me understand|^search citation statements"
    r"|^order\s+by\b|^select(?:\.\.\.|\u2026)$|^show\s+(?:more|less)$|^(?:share|export|download|cite)$"
    r"|^(?:next|previous|load more)\b", re.IGNORECASE)

def detect(text: str) -> float:
    """How much ``text`` looks like a citation-statements report (structural cues only)."""
    score = 0.0
    lines = [clean(ln) for ln in text.splitlines() if ln.strip()]
    type_lines = sum(bool(_TYPE_LINE.match(ln)) and ln.lower().startswith("section") for ln in lines)
    bare_types = sum(ln.lower() in TYPES for ln in lines)
    confidences = sum(bool(_CONFIDENCE.match(ln)) for ln in lines)
    quotes = sum(ln[:1] in OPEN_QUOTES and len(ln) > 20 for ln in lines)
    score += min(type_lines, 3) * 0.15 + min(bare_types, 3) * 0.08 + min(confidences, 3) * 0.1
    score += min(quotes, 3) * 0.03
    if any(_CITED_BY.search(ln) for ln in lines):
        score += 0.2
    if any(re.search(r"\d\s+citation\s+statements?", ln, re.IGNORECASE) for ln in lines):
        score += 0.2
    if any(ln.lower() == "citation types" for ln in lines):
        score += 0.15
    return min(score, 1.0)


@dataclass
class _Statement:
    text_lines: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False
    type_label: str | None = None
    section: str | None = None
    confidence: Decimal | None = None
    extra_lines: list[tuple[int, str, str]] = field(default_factory=list)  # (line, what, text)


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.lines = text.splitlines()
        self.notes: dict[int, LineNote] = {}
        self.problems: list[str] = []
        self.partial = False
        self.year: PartialDate | None = None
        self.doi: str | None = None
        self.title: str | None = None
        self.title_lines: list[int] = []
        self.venue: str | None = None
        self.abstract_parts: list[str] = []
        self.abstract_open = False
        self.abstract_truncated = False
        self.counts: list[StatedCount] = []
        self.type_counts: list[tuple[int, str]] = []  # numbers under "Citation Types"
        self.loose: list[tuple[int, str]] = []  # a run of unlabelled numbers outside facets
        self.references: int | None = None
        self.statements: list[CitationStatement] = []
        self.current: _Statement | None = None
        self.zone = "header"  # header | facet | body
        self.facet = ""

    # -- notes -----------------------------------------------------------------------------
    def note(self, n: int, status: LineStatus, what: str, text: str) -> None:
        if n not in self.notes:
            self.notes[n] = LineNote(line=n, status=status, what=what, text=text)

    def mapped(self, n: int, what: str, text: str) -> None:
        self.note(n, LineStatus.MAPPED, what, text)

    def skipped(self, n: int, why: str, text: str) -> None:
        self.note(n, LineStatus.SKIPPED, why, text)

    # -- statements ------------------------------------------------------------------------
    def finish_statement(self, at_end: bool = False) -> None:
        st, self.current = self.current, None
        if st is None:
            return
        first = st.text_lines[0][0]
        if st.type_label is None:
            why = "page ends inside" if at_end else "no citation type for"
            self.problems.append(f"{why} the citation statement starting at line {first}; not recorded")
            if at_end:
                self.partial = True
            for n, t in st.text_lines:
                self.skipped(n, "incomplete citation statement", t)
            for n, _, t in st.extra_lines:
                self.skipped(n, "incomplete citation statement", t)
            return
        raw, start, end = unquote(clean(" ".join(t for _, t in st.text_lines)))
        pos = len(self.statements) + 1
        dup = next((s.position for s in self.statements if s.duplicate_of is None and s.text == raw
                    and s.section == st.section and s.type_label == st.type_label), None)
        self.statements.append(CitationStatement(
            position=pos, text=raw, language=detect_language(raw), type_label=st.type_label,
            confidence=st.confidence, section=st.section, truncated_start=start, truncated_end=end,
            duplicate_of=dup))
        for n, t in st.text_lines:
            self.mapped(n, f"statement {pos} text", t)
        for n, what, t in st.extra_lines:
            self.mapped(n, f"statement {pos} {what}", t)

    def statement_line(self, n: int, s: str) -> bool:
        """Handle ``s`` if it belongs to a statement; False when it is something else."""
        st = self.current
        if st is not None and not st.closed:
            if _TYPE_LINE.match(s) or _CONFIDENCE.match(s) or _SECTION_ONLY.match(s):
                st.closed = True
                self.problems.append(f"line {st.text_lines[0][0]}: citation statement has no closing quote")
            else:
                st.text_lines.append((n, s))
                st.closed = s[-1] in CLOSE_QUOTES
                return True
        if s[:1] in OPEN_QUOTES:
            self.finish_statement()
            self.current = _Statement(text_lines=[(n, s)], closed=len(s) > 1 and s[-1] in CLOSE_QUOTES)
            self.zone = "body"
            return True
        if st is None:
            return False
        m = _TYPE_LINE.match(s)
        if m and st.type_label is None:
            st.type_label = m["type"].lower()
            st.section = (m["section"] or "").strip() or st.section
            what = "section and type" if st.section and m["section"] else "type"
            st.extra_lines.append((n, what, s))
            return True
        m = _SECTION_ONLY.match(s)  # the section line may come before or after the type line
        if m and not _TYPE_LINE.match(s) and st.section is None:
            st.section = m["section"].strip()
            st.extra_lines.append((n, "section", s))
            return True
        m = _CONFIDENCE.match(s)
        if m and st.confidence is None:
            st.confidence = Decimal(m["value"].replace(",", ".")) / Decimal(100)  # "99%" -> 0.99
            st.extra_lines.append((n, "confidence", s))
            return True
        self.finish_statement()
        return False

    # -- counts ----------------------------------------------------------------------------
    def add_count(self, kind: CountKind, value: str, as_written: str) -> StatedCount:
        count = StatedCount(kind=kind, value=int(value.replace(",", "")), as_written=as_written)
        self.counts.append(count)
        return count

    def flush_loose(self) -> None:
        run, self.loose = self.loose, []
        if not run:
            return
        stated = [v for _, v in self.type_counts[:4]]
        if len(self.type_counts) == 4 and [v for _, v in run] == stated:
            for (n, t), kind in zip(run, TYPES, strict=True):
                self.mapped(n, f"{kind} count (duplicate of the citation-type counts)", t)
            return
        if len(run) == 4 and len(self.type_counts) == 4:
            self.problems.append(
                f"lines {run[0][0]}-{run[-1][0]}: numbers differ from the citation-type counts")
        for n, t in run:
            self.skipped(n, "unlabelled number", t)

    # -- lines -----------------------------------------------------------------------------
    def line(self, n: int, s: str) -> None:
        if self.statement_line(n, s):
            return
        low = s.lower()
        if not _NUMBER.match(s):
            self.flush_loose()
        if self.abstract_open and _SHOW_MORE.fullmatch(s):
            self.abstract_truncated = True
            self.skipped(n, "show-more link", s)
            return
        if _CHROME.search(s):
            self.skipped(n, "page chrome", s)
            return
        counted = self.count_line(s)
        if counted:
            self.zone = "body"
            self.mapped(n, counted, s)
            return
        if low in _FACETS:
            self.zone, self.facet = "facet", low
            self.skipped(n, "facet heading", s)
            return
        if low in _TABS:
            self.zone = "body"
            self.skipped(n, "tab label (page chrome)", s)
            return
        if _NUMBER.match(s):
            self.number_line(n, s)
            return
        if self.abstract_open and self.zone == "header":
            self.abstract_parts.append(s)
            self.mapped(n, "abstract", s)
            return
        if m := _DOI.match(s):
            self.doi_line(n, s, m["value"])
            return
        if (m := _ABSTRACT.match(s)) and self.zone == "header" and not self.abstract_parts:
            self.abstract_open = True
            if m["value"].strip():
                self.abstract_parts.append(m["value"].strip())
            self.mapped(n, "abstract", s)
            return
        if (m := _VENUE.match(s)) and self.venue is None:
            self.venue = m["value"].strip()
            self.mapped(n, "venue title", s)
            return
        if self.zone == "header" and self.title is None and not self.abstract_parts:
            self.title = s
            self.title_lines.append(n)
            self.mapped(n, "title", s)
            return
        if self.title_wraps(n, s):
            self.title = f"{self.title} {s}"
            self.title_lines.append(n)
            self.mapped(n, "title (continued)", s)
            return
        if self.zone == "facet":
            self.skipped(n, "facet widget values, unlabelled", s)
            return
        self.skipped(n, "unrecognised line", s)

    def title_wraps(self, n: int, s: str) -> bool:
        """``s`` goes on with the title on the line before (no blank line between, no abstract yet)."""
        return (self.zone == "header" and self.title is not None and not self.abstract_parts
                and bool(self.title_lines) and self.title_lines[-1] == n - 1
                and self.lines[n - 2].strip() != "" and self.title[-1:] not in ".!?"
                and len(s) <= 200 and len(self.title) <= 500)

    def count_line(self, s: str) -> str:
        whats: list[str] = []
        if m := _CITED_BY.search(s):
            self.add_count(CountKind.CITED_BY, m["n"], m.group(0).strip())
            whats.append("cited-by count")
        if m := _STATEMENTS.search(s):
            self.add_count(CountKind.CITATION_STATEMENTS, m["n"], m.group(0).strip())
            whats.append("citation-statements count")
        if m := _REFERENCES.match(s):
            self.references = self.add_count(CountKind.REFERENCES, m["n"], s).value
            whats.append("references count")
        if m := _LABELLED_TYPE_COUNT.match(s):
            self.add_count(_TYPE_KIND[m["type"].lower()], m["n"], s)
            whats.append(f"{m['type'].lower()} count")
        return "; ".join(whats)

    def number_line(self, n: int, s: str) -> None:
        if self.zone == "facet" and self.facet == "citation types":
            i = len(self.type_counts)
            self.type_counts.append((n, s))
            if i < len(TYPES):  # the widget's fixed order: supporting, mentioning, contrasting, unclassified
                self.add_count(_TYPE_KIND[TYPES[i]], s, s)
                self.mapped(n, f"{TYPES[i]} count", s)
            else:
                self.problems.append(f"line {n}: more than four numbers under the citation types")
                self.skipped(n, "unlabelled number", s)
        elif self.zone == "facet":
            self.skipped(n, "facet widget values, unlabelled", s)
        elif self.zone == "header" and self.year is None and _YEAR.match(s):
            self.year = PartialDate(year=int(s), as_written=s)
            self.mapped(n, "issued (year)", s)
        else:
            self.loose.append((n, s))

    def doi_line(self, n: int, s: str, value: str) -> None:
        doi = normalise_doi(value)
        if doi is None:
            self.problems.append(f"line {n}: not a DOI: {value!r}")
            self.skipped(n, "unreadable DOI", s)
        elif self.doi is None:
            self.doi = doi
            self.mapped(n, "doi", s)
        elif doi == self.doi:
            self.mapped(n, "doi (repeat)", s)
        else:
            self.problems.append(f"line {n}: second DOI {doi} differs from {self.doi}; first kept")
            self.skipped(n, "conflicting DOI", s)

    # -- result ----------------------------------------------------------------------------
    def run(self) -> PageRecord:
        for n, raw in enumerate(self.lines, start=1):
            s = clean(raw)
            if not s:
                if self.abstract_parts:
                    self.abstract_open = False
                continue
            self.line(n, s)
        self.finish_statement(at_end=True)
        self.flush_loose()
        for n, raw in enumerate(self.lines, start=1):  # safety net: every line accounted once
            if raw.strip() and n not in self.notes:
                self.skipped(n, "unrecognised line", clean(raw))
        abstract = self.build_abstract()
        if not (self.doi or self.statements or self.counts or abstract):
            raise ParseError("no DOI, abstract, counts or citation statements found", source=self.source,
                             hint="is this a citation-statements report page?")
        # The report page states no publication type. A journal named on the page makes the work
        # a journal article; reading one off the DOI's shape would be an inference the page does
        # not state, so otherwise the work stays WORK (linking may learn more from other pages).
        work = WorkRecord(
            work_type=WorkType.JOURNAL_ARTICLE if self.venue else WorkType.WORK,
            title=self.title, issued=self.year, doi=self.doi,
            venue=Venue(title=self.venue) if self.venue else None, abstract=abstract,
            references_declared=self.references, counts=tuple(self.counts),
            statements=tuple(self.statements))
        notes = tuple(sorted(self.notes.values(), key=lambda x: x.line))
        return PageRecord(kind=KIND, works=(work,), lines=notes,
                          partial=self.partial, problems=tuple(self.problems))

    def build_abstract(self) -> Abstract | None:
        text = clean(" ".join(self.abstract_parts))
        if _SHOW_MORE.search(text):
            text = _SHOW_MORE.sub("", text).rstrip()
            self.abstract_truncated = True
        for e in ELLIPSES:
            if text.endswith(e):
                text, self.abstract_truncated = text[: -len(e)].rstrip(), True
        if not text:
            return None
        return Abstract(text=text, sections=report_sections(text), truncated=self.abstract_truncated,
                        language=detect_language(text))


def parse(text: str, source: str = "<text>") -> PageRecord:
    """Parse a citation-statements report page into one :class:`WorkRecord` (pure)."""
    return _Parser(text, source).run()
