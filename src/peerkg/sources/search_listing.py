"""Parser for publisher search-results listings (seed 001).

A listing states a total ("1 – 10 of over 73000") and prints hits. Each hit opens with a kind line
("Article", "Book part"…) followed by ``Publication date: …``, then the authors ("A, B and C",
given names first), a teaser, sometimes an unlabelled number, ``Abstract`` (headings on their own
lines, or none), ``Details`` (venue line, ``Type:``, ``ISSN:``) and ``Keywords``. Listings print no
titles. Every non-blank line gets exactly one :class:`LineNote`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from peerkg.errors import ParseError
from peerkg.model import (
    CountKind,
    LineNote,
    LineStatus,
    PageRecord,
    PersonName,
    StatedCount,
    Venue,
    WorkRecord,
    WorkType,
)
from peerkg.model import SourceKind as _SourceKind
from peerkg.normalise.abstracts import heading_key, parse_glued_abstract, parse_lined_abstract
from peerkg.normalise.dates import parse_date
from peerkg.normalise.identifiers import normalise_doi, normalise_issn
from peerkg.normalise.names import PARTICLES, parse_name, split_authors
from peerkg.normalise.pages import parse_pages
from peerkg.normalise.text import clean

KIND = _SourceKind.SEARCH_LISTING

_TOTAL_BODY = (
    r"^(?:search\s+)?(?:(?:showing|displaying|results|items)\s*:?\s*)?(?P<a>\d[\d,]*)\s*[\u2013\u2014\u2010\u2011\u2212-]+\s*"
    r"(?P<b>\d[\d,]*)\s+of\s+(?:(?P<q>over|about|more than|approximately|nearly|around|at least)\s+)?"
    r"(?P<n>\d[\d,]*)")
_TOTAL = re.compile(_TOTAL_BODY + r"(?:\s+results?)?\.?$", re.IGNORECASE)
# the total glued to the first hit's author line ("Search results 1 – 10 of 11Author: Ward Matthew,…")
_GLUED_TOTAL = re.compile(_TOTAL_BODY + r"(?P<rest>Authors?\s*:.*)$", re.IGNORECASE)
# a compact hit opens with its author list, family name first ("Author: Ward Matthew,Cordle Hannah")
_AUTHOR_LIST = re.compile(r"^Authors?\s*:\s*(?P<names>\S.*)$")
_VENUE_LINE = re.compile(r",\s*(?:vol(?:ume)?\.?\s*[\w-]+|\d+\s*\(\w+\))", re.IGNORECASE)
_DETAIL_LABEL = re.compile(r"^(?:Type|ISSN|Print ISSN|Online ISSN|e-?ISSN|DOI)\s*:", re.IGNORECASE)
_DATE = re.compile(r"^(?:Publication|Published)\s*date\s*:?\s*(?P<d>.*)$", re.IGNORECASE)
_FIGURE = re.compile(r"^\d[\d,]*$")
_KINDS = {"article": WorkType.JOURNAL_ARTICLE, "journal article": WorkType.JOURNAL_ARTICLE,
          "research article": WorkType.JOURNAL_ARTICLE, "book part": WorkType.BOOK_CHAPTER,
          "chapter": WorkType.BOOK_CHAPTER, "book chapter": WorkType.BOOK_CHAPTER,
          "book": WorkType.BOOK, "report": WorkType.REPORT, "editorial": WorkType.EDITORIAL}
_VOL_ISSUE = [
    re.compile(r"vol(?:ume)?\.?\s*(?P<v>[\w-]+)\s*,?\s*(?:issue|number|iss|no)\.?\s*(?P<i>[\w-]+)", re.I),
    re.compile(r"(?<![\w.])(?P<v>\d+)\s*:\s*(?P<i>\d+[\w-]*)"),
    re.compile(r"(?<![\w.])(?P<v>\d+)\s*\((?P<i>[\w-]+)\)"),
    re.compile(r"vol(?:ume)?\.?\s*(?P<v>[\w-]+)(?P<i>)", re.I),
]
_VENUE_SPLIT = re.compile(r",\s*(?=vol(?:ume)?\b|\d+\s*[:(]|pp?\.)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?)\]\"\u201d\u2019\u2026]$")


def detect(text: str) -> float:
    """Structural score: repeated ``Publication date:`` lines and an "N – M of T" total."""
    lines = [clean(ln) for ln in text.splitlines()]
    dates = sum(bool(_DATE.match(ln)) for ln in lines)
    score = 0.0
    if any(_TOTAL.match(ln) for ln in lines):
        score += 0.45
    score += min(dates, 3) * 0.15
    score += min(sum(ln == "Details" for ln in lines), 2) * 0.05
    if any(_GLUED_TOTAL.match(ln) for ln in lines):
        score += 0.45
    if sum(bool(_AUTHOR_LIST.match(ln)) or bool(_GLUED_TOTAL.match(ln)) for ln in lines) >= 2:
        score += 0.15 + 0.15 * (sum(ln.lower() in _KINDS for ln in lines) >= 2)
    return round(min(score, 1.0), 4)


@dataclass
class _Hit:
    position: int
    kind: str | None = None
    date_text: str | None = None
    authors: list[PersonName] = field(default_factory=list)
    teaser: str | None = None
    figures: list[StatedCount] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    venue_line: str | None = None
    article_type: str | None = None
    issn: str | None = None
    doi: str | None = None
    keywords: list[str] = field(default_factory=list)
    block: str = "head"  # head, abstract, details, keywords


@dataclass
class _Page:
    source: str
    notes: list[LineNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hits: list[_Hit] = field(default_factory=list)
    total: StatedCount | None = None
    last_what: str = ""
    last_text: str = ""
    cut_in: str = ""  # "hit N abstract"/"hit N teaser" when the page stops inside that field

    def note(self, number: int, line: str, status: LineStatus, what: str) -> None:
        self.notes.append(LineNote(line=number, status=status, what=what, text=line))
        self.last_what, self.last_text = what, line


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _looks_like_names(line: str) -> bool:
    """A line of personal names: short, no sentence punctuation, capitalised tokens."""
    if len(line) > 200 or _SENTENCE_END.search(line) and not line.endswith("."):
        return False
    names = split_authors(line, "and")
    if not names:
        return False
    for name in names:
        tokens = name.split()
        if not 1 <= len(tokens) <= 5:
            return False
        if not all(t[0].isupper() or t.lower() in PARTICLES for t in tokens):
            return False
    return not re.search(r"\b(?:the|of|is|are|this|paper)\b", line, re.IGNORECASE)


def _starts_hit(lines: list[tuple[int, str]], i: int, hit: _Hit | None) -> bool:
    """A kind line followed by a publication-date line; or a known kind line ("Article", "Book part")
    right after the previous hit's details or keywords, when the page lost the date line."""
    line = lines[i][1]
    if _AUTHOR_LIST.match(line):
        return hit is None or hit.block != "head" or bool(hit.authors) or hit.teaser is not None
    if _DATE.match(line) or _TOTAL.match(line) or len(line.split()) > 4:
        return False
    if i + 1 < len(lines) and _DATE.match(lines[i + 1][1]):
        return True
    return hit is not None and hit.block in ("details", "keywords") and line.lower() in _KINDS


def _compact_authors(hit: _Hit, names: str) -> None:
    hit.authors = [parse_name(x, "auto" if "," in x and " " not in x.strip() else "family-first")
                   for x in split_authors(names, "auto")]


def _stripped_line(page: _Page, hit: _Hit, number: int, line: str) -> bool:
    """A line of a hit whose 'Abstract', 'Details' and 'Keywords' headings the page lost; True when read."""
    n = hit.position
    if hit.teaser is not None and not hit.abstract and parse_glued_abstract(line).sections:
        hit.abstract.append(line)
        hit.block = "head"
        page.note(number, line, LineStatus.MAPPED, f"hit {n} abstract (no heading)")
        return True
    if _DETAIL_LABEL.match(line) or (hit.venue_line is None and _VENUE_LINE.search(line)
                                     and len(line) <= 200 and not _SENTENCE_END.search(line)):
        hit.block = "details"
        _details_line(page, hit, number, line)
        return True
    return False


def _head_line(page: _Page, hit: _Hit, number: int, line: str) -> None:
    n = hit.position
    if (hit.teaser is not None or hit.authors) and _stripped_line(page, hit, number, line):
        return
    if hit.kind is None and hit.teaser is None and line.lower() in _KINDS:
        hit.kind = line
        page.note(number, line, LineStatus.MAPPED, f"hit {n} kind")
    elif (hit.date_text is None and hit.teaser is None and len(line.split()) <= 4
          and parse_date(line) is not None):
        hit.date_text = line
        page.note(number, line, LineStatus.MAPPED, f"hit {n} date (no label)")
    elif _FIGURE.match(line):
        hit.figures.append(StatedCount(kind=CountKind.LISTING_FIGURE, value=_int(line), as_written=line))
        page.note(number, line, LineStatus.MAPPED, f"hit {n} listing figure")
    elif not hit.authors and hit.teaser is None and _looks_like_names(line):
        # "A, B and C" given names first; "Smith, M. K. and Jones, P." (family, initials) is read as such
        hit.authors = [parse_name(x, "auto" if "," in x else "given-first") for x in split_authors(line, "auto")]
        page.note(number, line, LineStatus.MAPPED, f"hit {n} authors")
    elif hit.teaser is None:
        hit.teaser = line
        page.note(number, line, LineStatus.MAPPED, f"hit {n} teaser")
    else:
        page.note(number, line, LineStatus.SKIPPED, f"unrecognised line in hit {n}")


def _details_line(page: _Page, hit: _Hit, number: int, line: str) -> None:
    n = hit.position
    label, _, value = line.partition(":")
    key = label.strip().lower() if _ else ""
    if key == "type":
        hit.article_type = value.strip()
        page.note(number, line, LineStatus.MAPPED, f"hit {n} article type")
    elif key in ("issn", "print issn", "online issn", "eissn", "e-issn"):
        issn = normalise_issn(value)
        if issn is None:
            page.problems.append(f"line {number}: hit {n} ISSN {value.strip()!r} fails its check digit"
                                 " or is malformed; not kept")
            page.note(number, line, LineStatus.SKIPPED, f"hit {n} invalid ISSN (not kept)")
        else:
            hit.issn = hit.issn or issn
            page.note(number, line, LineStatus.MAPPED, f"hit {n} issn")
    elif key == "doi":
        hit.doi = normalise_doi(value)
        page.note(number, line, LineStatus.MAPPED, f"hit {n} doi")
    elif hit.venue_line is None:
        hit.venue_line = line
        page.note(number, line, LineStatus.MAPPED, f"hit {n} venue")
    elif (hit.issn or hit.article_type) and not hit.keywords and not _SENTENCE_END.search(line) and "," in line:
        hit.keywords.extend(k.strip() for k in re.split(r"[;,]", line) if k.strip())
        hit.block = "keywords"
        page.note(number, line, LineStatus.MAPPED, f"hit {n} keywords (no heading)")
    else:
        page.note(number, line, LineStatus.SKIPPED, f"unrecognised details line in hit {n}")


def _abstract_line(page: _Page, hit: _Hit, number: int, line: str) -> None:
    hit.abstract.append(line)
    key = heading_key(line)
    if key is not None:
        page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} abstract {key} heading")
        return
    current = next((heading_key(x) for x in reversed(hit.abstract) if heading_key(x)), None)
    suffix = f" {current}" if current else ""
    page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} abstract{suffix}")


def _total_line(page: _Page, number: int, line: str, m: re.Match[str]) -> None:
    count = StatedCount(kind=CountKind.SEARCH_RESULTS, value=_int(m.group("n")), as_written=line,
                        qualifier=(m.group("q") or "").lower() or None,
                        range_start=_int(m.group("a")), range_end=_int(m.group("b")))
    if page.total is None:
        page.total = count
        page.note(number, line, LineStatus.MAPPED, "search total")
    elif (count.value, count.range_start, count.range_end) == (
            page.total.value, page.total.range_start, page.total.range_end):
        page.note(number, line, LineStatus.MAPPED, "search total (repeated)")
    else:
        page.problems.append(f"line {number}: second total {line!r} differs from "
                             f"{page.total.as_written!r}; first kept")
        page.note(number, line, LineStatus.SKIPPED, "conflicting repeated total")


def parse(text: str, source: str = "<text>") -> PageRecord:
    """Parse a search-results listing into a :class:`PageRecord` with one work per hit."""
    page = _Page(source=source)
    lines = [(i, clean(raw)) for i, raw in enumerate(text.splitlines(), start=1) if clean(raw)]
    hit: _Hit | None = None
    for idx, (number, line) in enumerate(lines):
        glued = _GLUED_TOTAL.match(line)
        if glued:
            total = line[: glued.start("rest")]
            _total_line(page, number, total, _TOTAL.match(total) or glued)
            page.notes.pop()
            hit = _Hit(position=len(page.hits) + 1)
            page.hits.append(hit)
            _compact_authors(hit, _AUTHOR_LIST.match(glued["rest"])["names"])
            page.note(number, line, LineStatus.MAPPED, f"search total; hit {hit.position} authors")
            continue
        m = _TOTAL.match(line)
        if m:
            _total_line(page, number, line, m)
            if hit is not None:
                hit.block = "closed"
            continue
        lowered = line.lower().rstrip(":")
        lost_head = (lowered == "abstract" and hit is not None and hit.block in ("details", "keywords")
                     and bool(hit.abstract))
        if lost_head:  # a second abstract after this hit's details: the next hit lost its head lines
            page.problems.append(f"line {number}: an 'Abstract' heading after hit {hit.position}'s details: "
                                 f"a new hit whose kind, date and author lines are missing")
        if lost_head or _starts_hit(lines, idx, hit) or (_DATE.match(line) and (hit is None or hit.date_text)):
            hit = _Hit(position=len(page.hits) + 1)
            page.hits.append(hit)
            if lost_head:
                hit.block = "abstract"
                page.note(number, line, LineStatus.SKIPPED, "section heading")
                continue
            if (am := _AUTHOR_LIST.match(line)) is not None:
                _compact_authors(hit, am["names"])
                page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} authors")
                continue
            if not _DATE.match(line):
                hit.kind = line
                page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} kind")
                continue
        dm = _DATE.match(line)
        if hit is not None and dm and hit.date_text is None:
            hit.date_text = dm.group("d").strip()
            page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} date")
            continue
        if hit is None or hit.block == "closed":
            page.note(number, line, LineStatus.SKIPPED, "page chrome")
            continue
        if lowered in ("abstract", "details", "keywords"):
            hit.block = lowered
            page.note(number, line, LineStatus.SKIPPED, "section heading")
        elif hit.block == "head":
            _head_line(page, hit, number, line)
        elif hit.block == "abstract":
            _abstract_line(page, hit, number, line)
        elif hit.block == "details":
            _details_line(page, hit, number, line)
        else:
            hit.keywords.extend(k.strip() for k in re.split(r"[;,]", line) if k.strip())
            page.note(number, line, LineStatus.MAPPED, f"hit {hit.position} keywords")
    if not page.hits and page.total is None:
        raise ParseError("no search total and no hits found", source=source,
                         hint="a listing states 'N – M of T' and prints hits with 'Publication date:'")
    partial = _check_cut(page)
    works = tuple(_work(page, h) for h in page.hits)
    return PageRecord(kind=KIND, works=works, counts=(page.total,) if page.total else (),
                      lines=tuple(page.notes), partial=partial, problems=tuple(page.problems))


def _check_cut(page: _Page) -> bool:
    cut = False
    if re.search(r"(?:teaser|abstract)", page.last_what) and page.last_what.startswith("hit"):
        tail = page.last_text.rstrip()
        if not _SENTENCE_END.search(tail) and not heading_key(tail):
            page.problems.append(f"page ends mid-field ({page.last_what}): text stops at {tail[-30:]!r}")
            page.cut_in = " ".join(page.last_what.split()[:3])
            cut = True
    total = page.total
    if total and total.range_start and total.range_end and total.range_end >= total.range_start:
        shown = total.range_end - total.range_start + 1
        if len(page.hits) < shown:
            page.problems.append(f"the page states items {total.range_start}-{total.range_end} but "
                                 f"shows {len(page.hits)} hits")
            cut = True
        elif len(page.hits) > shown:
            page.problems.append(f"the page states {shown} items but shows {len(page.hits)} hits")
    return cut


def _venue(page: _Page, hit: _Hit) -> tuple[Venue | None, str | None]:
    """The venue and the page range (as written) of a hit."""
    if hit.venue_line is None and hit.issn is None:
        return None, None
    title, volume, issue, pages_text, ahead = None, None, None, None, False
    if hit.venue_line:
        line = hit.venue_line
        parts = _VENUE_SPLIT.split(line, maxsplit=1)
        title = parts[0].strip(" ,") or None
        rest = parts[1] if len(parts) > 1 else ""
        if "ahead-of-print" in line.lower() or "ahead of print" in line.lower():
            ahead = True
        elif rest:
            for pattern in _VOL_ISSUE:
                m = pattern.search(rest)
                if m:
                    volume, issue = m.group("v"), (m.group("i") or None)
                    break
            pm = re.search(r"pp?\.\s*(\S+)", rest)
            pages_text = pm.group(1).rstrip(",") if pm else None
            if volume is None and pages_text is None:
                page.problems.append(f"hit {hit.position}: venue line {line!r}: volume/issue unread")
        if title is not None and re.fullmatch(r"(?i)vol.*|\d+\s*[:(].*", title):
            title = None
    return Venue(title=title, issn=hit.issn, volume=volume, issue=issue, ahead_of_print=ahead), pages_text


def _work(page: _Page, hit: _Hit) -> WorkRecord:
    issued = parse_date(hit.date_text) if hit.date_text else None
    if hit.date_text is None:
        page.problems.append(f"hit {hit.position}: no publication date line")
    if hit.date_text and issued is None:
        page.problems.append(f"hit {hit.position}: unreadable publication date {hit.date_text!r}")
    abstract = None
    if hit.abstract:
        abstract = parse_lined_abstract(hit.abstract)
        if not abstract.sections and len(hit.abstract) == 1:
            glued = parse_glued_abstract(hit.abstract[0])
            abstract = replace(glued, text=abstract.text) if glued.sections else abstract
        if page.cut_in == f"hit {hit.position} abstract":
            abstract = replace(abstract, truncated=True)
    venue, pages_text = _venue(page, hit)
    kind = hit.kind.lower() if hit.kind else ""
    return WorkRecord(
        work_type=_KINDS.get(kind, WorkType.WORK), title=None, authors=tuple(hit.authors),
        issued=issued, doi=hit.doi, venue=venue, pages=parse_pages(pages_text) if pages_text else None,
        abstract=abstract, teaser=hit.teaser, keywords=tuple(hit.keywords),
        article_type=hit.article_type, kind_as_written=hit.kind, counts=tuple(hit.figures),
        position=hit.position)
