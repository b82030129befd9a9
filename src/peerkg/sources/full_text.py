"""Parser for full-text pages of an article or editorial (source kind ``full-text``, like seed 003).

Layout: a header of labelled fields, the labels glued to their values ("Pages61-63",
"DOIhttps://doi.org/…", "AuthorRachel Perkins,Julie Repper") or spaced ("DOI: 10.…"), in any order
and any of them missing; then the body (the byline and title may be repeated at its start), with
page furniture ("PAG E 61", lone "j" separators), a running journal name in capitals, a footer
line ("DOI … VOL. 23 NO. 2 2019, pp. 61-63, © Publisher, ISSN …"), the article type ("Editorial"),
and paywall and cookie text, which are skipped.

The body keeps the lines as printed (joined with "\\n"), footnote markers ("UK[1]") included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from peerkg.errors import ParseError
from peerkg.model import (
    Abstract,
    Footnote,
    LineNote,
    LineStatus,
    PageRange,
    PageRecord,
    PartialDate,
    PersonName,
    SourceKind,
    Venue,
    WorkRecord,
    WorkType,
)
from peerkg.normalise.abstracts import heading_key, parse_glued_abstract
from peerkg.normalise.dates import parse_date
from peerkg.normalise.identifiers import normalise_doi, normalise_issn
from peerkg.normalise.names import parse_name, split_authors
from peerkg.normalise.pages import parse_pages
from peerkg.normalise.text import clean, publisher_name
from peerkg.sources.citation_report import detect_language

KIND = SourceKind.FULL_TEXT

# label as printed (longest first) -> field
_LABELS = {
    "Online publication date": "issued", "Publication date": "issued", "Published date": "issued",
    "Date published": "issued", "Date": "date", "Pages": "pages", "Page": "pages", "DOI": "doi",
    "Authors": "authors", "Author": "authors", "Subject Matter": "subjects", "Subjects": "subjects",
    "Keywords": "keywords", "Journal": "journal", "ISSN": "issn", "Volume": "volume", "Issue": "issue",
    "Article type": "article_type", "Publisher": "publisher",
}
_LABEL_ORDER = sorted(_LABELS, key=len, reverse=True)
_DETECT_LABELS = ("published date", "publication date", "date", "pages", "doi", "author", "authors",
                  "subject matter", "volume", "issue", "issn")

_FURNITURE = re.compile(r"^(?:.|P\s*A\s*G\s*E\s*\d+|page\s+\d+(?:\s+of\s+\d+)?|\d{1,4})$", re.IGNORECASE)
_FOOTER_CUES = (r"\bVOL(?:UME)?\.?\s*\d", r"\bNO\.?\s*\d", r"\bpp?\.\s*\d", r"\bISSN\b", "\u00a9")
_PAYWALL = re.compile(
    r"to continue reading|request (?:your|a) (?:free )?trial|subscribe (?:now|to)|^(?:log|sign) ?in\b"
    r"|access through your institution|purchase (?:this )?(?:article|access)|buy (?:this )?article"
    r"|^(?:rent|buy)$", re.IGNORECASE)
_COOKIE = re.compile(r"cookie|^accept(?: all)?(?: cookies)?$|privacy policy", re.IGNORECASE)
_CAPS = re.compile(r"^[A-Z&][A-Z&'\-,:. ]{6,}[A-Z]$")
_FOOTNOTE = re.compile(r"\[(\d{1,3})\]")
# Running heads and footers naming the journal: "Mental Health and Social Inclusion • Volume 14 Issue 2 •
# May 2010 © Pier Professional Ltd 7" and "14 The Mental Health Review 1:4 ©Pavilion Publishing (Brighton)
# 1996"; the printed page number (at either end) belongs to neither journal nor publisher.
_RUNNING = (
    re.compile(r"^(?:\d{1,4}\s+)?(?P<journal>[A-Z][^\u2022|]{3,120}?)\s*[\u2022|]\s*Vol(?:ume)?\.?\s*(?P<volume>\w+)"
               r"\s*,?\s*(?:Issue|No\.?|Number)\s*(?P<issue>\w+)\s*[\u2022|]\s*(?P<date>[^\u00a9\u2022|]*?)\s*"
               r"\u00a9\s*(?P<publisher>.+)$"),
    re.compile(r"^(?:\d{1,4}\s+)?(?P<journal>[A-Z][A-Za-z&',\- ]{3,120}?)\s+(?P<volume>\d{1,4}):(?P<issue>\d{1,3})"
               r"\s*\u00a9\s*(?P<publisher>.+?)\s+(?P<date>(?:19|20)\d\d)(?:\s+\d{1,4})?$"),
)
_KEYWORDS_LINE = re.compile(r"^Key\s?words?\s*[:\u2013\u2014-]?\s*(?P<value>[A-Z].*)$")
_PAPER_TYPE = re.compile(r"^(?:Paper|Article)\s+type\s*[:\u2013\u2014-]?\s*(?P<value>\S.*)$", re.IGNORECASE)
_REFERENCE_ENTRY = re.compile(r"^\[?\d{1,4}[.)\]]\s+\S.*\((?:1[89]|20)\d\d[a-z]?\)")

# article type as printed -> work type; any other line-long type is not recognised as one.
_ARTICLE_TYPES = {
    "editorial": WorkType.EDITORIAL, "guest editorial": WorkType.EDITORIAL,
    "research paper": WorkType.JOURNAL_ARTICLE, "research article": WorkType.JOURNAL_ARTICLE,
    "article": WorkType.JOURNAL_ARTICLE, "original article": WorkType.JOURNAL_ARTICLE,
    "viewpoint": WorkType.JOURNAL_ARTICLE, "book review": WorkType.JOURNAL_ARTICLE,
    "case study": WorkType.JOURNAL_ARTICLE, "conceptual paper": WorkType.JOURNAL_ARTICLE,
    "literature review": WorkType.JOURNAL_ARTICLE, "general review": WorkType.JOURNAL_ARTICLE,
    "technical paper": WorkType.JOURNAL_ARTICLE, "commentary": WorkType.JOURNAL_ARTICLE,
    "review article": WorkType.JOURNAL_ARTICLE, "opinion": WorkType.JOURNAL_ARTICLE,
    "perspective": WorkType.JOURNAL_ARTICLE, "short communication": WorkType.JOURNAL_ARTICLE,
}


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in ("and", "et", "al")]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _is_footer(s: str) -> bool:
    return sum(bool(re.search(cue, s, re.IGNORECASE)) for cue in _FOOTER_CUES) >= 2


def _label(s: str) -> tuple[str, str] | None:
    """``(field, value)`` when ``s`` is a labelled header field whose value reads as that field."""
    for label in _LABEL_ORDER:  # longest first, but a shorter label may fit where a longer does not
        if s[: len(label)].casefold() != label.casefold():
            continue
        m = re.match(r"(\s*:\s*|\s+|)(.*)$", s[len(label):])
        if m is not None and (found := _check(_LABELS[label], m[1], m[2].strip())):
            return found
    return None


def _check(name: str, sep: str, value: str) -> tuple[str, str] | None:
    checks: dict[str, Callable[[str], bool]] = {
        "issued": lambda v: parse_date(v) is not None, "date": lambda v: parse_date(v) is not None,
        "pages": lambda v: parse_pages(v) is not None and bool(re.match(r"^(?:pp?\.?\s*)?\w?\d", v)),
        "doi": lambda v: normalise_doi(v) is not None, "issn": lambda v: normalise_issn(v) is not None,
        "volume": lambda v: bool(re.fullmatch(r"\w{1,10}", v)) and any(c.isdigit() for c in v),
        "issue": lambda v: bool(re.fullmatch(r"\w{1,10}", v)) and any(c.isdigit() for c in v),
    }
    if not value:
        return None
    check = checks.get(name)
    if check is not None:
        return (name, value) if check(value) else None
    # free-text fields: a glued or spaced value must start like a name or heading
    if ":" in sep or value[0].isupper():
        return name, value
    return None


def detect(text: str) -> float:
    """How much ``text`` looks like a full-text page (structural cues only)."""
    lines = [clean(ln) for ln in text.splitlines() if ln.strip()]
    score = 0.0
    seen: set[str] = set()
    for ln in lines[:15]:
        label = next((k for k in _LABEL_ORDER if ln[: len(k)].casefold() == k.casefold()), "")
        if label.casefold() in _DETECT_LABELS and label.casefold() not in seen and _label(ln):
            seen.add(label.casefold())
            score += 0.12 if re.match(r"\s|:", ln[len(label):]) else 0.15
    if any(_is_footer(ln) and re.search(r"\bDOI\b|\bISSN\b", ln, re.IGNORECASE) for ln in lines):
        score += 0.45
    if any(re.fullmatch(r"P\s*A\s*G\s*E\s*\d+", ln) for ln in lines):
        score += 0.1
    wrapped = sum(50 <= len(ln) <= 130 and not ln.endswith(".") for ln in lines)
    if wrapped >= 8:
        score += 0.2
    if any(_PAYWALL.search(ln) for ln in lines):
        score += 0.05
    return min(score, 1.0)


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.raw = text.splitlines()
        self.notes: dict[int, LineNote] = {}
        self.problems: list[str] = []
        self.f: dict[str, str] = {}  # header fields as printed
        self.title: str | None = None
        self.issued: PartialDate | None = None
        self.pages: PageRange | None = None
        self.doi: str | None = None
        self.authors: tuple[PersonName, ...] = ()
        self.subjects: tuple[str, ...] = ()
        self.keywords: tuple[str, ...] = ()
        self.venue: dict[str, str] = {}
        self.article_type: str | None = None
        self.body: list[str] = []
        self.abstract: list[str] = []
        self.in_abstract = False
        self.in_header = True
        self.after_paywall = False

    def note(self, n: int, status: LineStatus, what: str, text: str) -> None:
        self.notes.setdefault(n, LineNote(line=n, status=status, what=what, text=text))

    def set_venue(self, key: str, value: str, n: int) -> None:
        old = self.venue.get(key)
        if old is None:
            self.venue[key] = value
        elif old.casefold() != value.casefold():
            self.problems.append(f"line {n}: {key} {value!r} differs from {old!r}; first kept")

    # -- fields ----------------------------------------------------------------------------
    def header_field(self, n: int, s: str, name: str, value: str) -> None:
        what = name
        if name in ("issued", "date"):
            date = parse_date(value)
            if self.issued is None:
                self.issued, what = date, "issued"
            elif date == self.issued or (date and date.iso() == self.issued.iso()):
                what = "issued (repeat)"
            else:
                self.problems.append(f"line {n}: date {value!r} differs from the published date; not used")
                self.note(n, LineStatus.SKIPPED, "second date, differs from the published date", s)
                return
        elif name == "pages":
            self.pages = self.pages or parse_pages(value)
        elif name == "doi":
            self.doi_value(n, normalise_doi(value), "header")
        elif name == "authors":
            self.authors = tuple(parse_name(a, order="comma" if "," in a else "given-first")
                                 for a in split_authors(value))
        elif name in ("subjects", "keywords"):
            items = tuple(clean(x) for x in re.split(r"\s*[,;]\s*", value) if x.strip())
            setattr(self, name, items)
        elif name == "journal":
            self.set_venue("title", value, n)
        elif name == "issn":
            self.set_venue("issn", normalise_issn(value) or "", n)
        elif name in ("volume", "issue", "publisher"):
            self.set_venue(name, value, n)
        elif name == "article_type":
            self.article_type = self.article_type or value
        self.note(n, LineStatus.MAPPED, what, s)

    def doi_value(self, n: int, doi: str | None, where: str) -> None:
        if doi is None:
            return
        if self.doi is None:
            self.doi = doi
        elif doi != self.doi:
            self.problems.append(f"line {n}: {where} DOI {doi} differs from the header DOI {self.doi}; "
                                 "header kept")

    def footer(self, n: int, s: str) -> None:
        found: list[str] = []
        rest = s
        if m := re.search(r"\bDOI\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?(10\.\S+?)(?=,?\s|,|$)", s, re.I):
            self.doi_value(n, normalise_doi(m[1]), "footer")
            found.append("doi")
            rest = rest.replace(m[0], " ")
        if m := re.search(r"\bISSN\s*:?\s*([0-9]{4}\s*[-\u2010-\u2013]?\s*[0-9]{3}[0-9Xx])", rest):
            issn = normalise_issn(m[1])
            if issn:
                self.set_venue("issn", issn, n)
                found.append("ISSN")
            else:
                self.problems.append(f"line {n}: ISSN {m[1]!r} fails its check digit; not used")
            rest = rest.replace(m[0], " ")
        if m := re.search(r"\bVOL(?:UME)?\.?\s*(\w+)", rest, re.I):
            self.set_venue("volume", m[1], n)
            found.append("volume")
        if m := re.search(r"\bNO\.?\s*(\w+)", rest, re.I):
            self.set_venue("issue", m[1], n)
            found.append("issue")
        if m := re.search(r"\bpp?\.\s*(\w+(?:\s*[-\u2010-\u2013]\s*\w+)?)", rest):
            self.pages = self.pages or parse_pages(m[1])
            found.append("pages")
            rest = rest.replace(m[0], " ")
        if (m := re.search(r"\u00a9\s*(?:(?:19|20)\d\d\s*,?\s*)?([^,]+)", rest)) and publisher_name(m[1])[0]:
            self.set_venue("publisher", publisher_name(m[1])[0] or "", n)
            found.append("publisher")
            rest = rest.replace(m[0], " ")
        if m := re.search(r"\b(1[89]\d\d|2[01]\d\d)\b", rest):
            if self.issued is None:
                self.issued = PartialDate(year=int(m[1]), as_written=m[1])
            elif self.issued.year != int(m[1]):
                self.problems.append(f"line {n}: footer year {m[1]} differs from {self.issued.iso()}")
            found.append("year")
        self.note(n, LineStatus.MAPPED, "footer: " + ", ".join(found), s)

    def running(self, n: int, s: str, m: re.Match[str]) -> None:
        """A running head or footer: journal, volume, issue, date and publisher; the page number dropped."""
        found = ["journal", "volume", "issue"]
        self.set_venue("title", clean(m["journal"]), n)
        self.set_venue("volume", m["volume"], n)
        self.set_venue("issue", m["issue"], n)
        publisher, place = publisher_name(m["publisher"])
        if publisher:
            self.set_venue("publisher", publisher, n)
            found.append("publisher")
        if place:
            self.set_venue("place", place, n)
            found.append("place")
        date = parse_date(m["date"]) if m["date"].strip() else None
        if date is not None:
            if self.issued is None:
                self.issued = date
            elif date.year != self.issued.year:
                self.problems.append(f"line {n}: running-head date {m['date']!r} differs from {self.issued.iso()}")
            found.append("date")
        self.note(n, LineStatus.MAPPED, "running head: " + ", ".join(found), s)

    def abstract_line(self, n: int, s: str) -> bool:
        """The structured abstract printed in the body ("Abstract", "Purpose – …", "Keywords …",
        "Paper type …"); True when ``s`` belonged to it."""
        if (m := _KEYWORDS_LINE.match(s)) is not None and (self.in_abstract or not self.body):
            self.keywords = self.keywords or tuple(clean(x) for x in re.split(r"\s*[,;]\s*", m["value"]) if x.strip())
            self.note(n, LineStatus.MAPPED, "keywords", s)
            return True
        if (m := _PAPER_TYPE.match(s)) is not None and (self.in_abstract or not self.body or self.keywords):
            self.article_type = self.article_type or m["value"]
            self.note(n, LineStatus.MAPPED, "article type", s)
            self.in_abstract = False
            return True
        if not self.body and re.fullmatch(r"Abstract\s*:?", s):
            self.in_abstract = True
            self.in_header = False
            self.note(n, LineStatus.SKIPPED, "section heading", s)
            return True
        if self.in_abstract:
            ends = bool(self.abstract) and len(s.split()) <= 4 and not s.endswith(".") and heading_key(s) is None
            if not ends:
                self.abstract.append(s)
                self.note(n, LineStatus.MAPPED, "abstract", s)
                return True
            self.in_abstract = False
        return False

    # -- lines -----------------------------------------------------------------------------
    def classify(self, n: int, s: str, near_furniture: bool) -> bool:
        """Note ``s`` if it is anything but body text; True when it was noted."""
        running = next((m for p in _RUNNING if (m := p.match(s))), None)
        if running is not None:
            self.running(n, s, running)
        elif _COOKIE.search(s):
            self.note(n, LineStatus.SKIPPED, "cookie banner", s)
        elif _PAYWALL.search(s):
            self.after_paywall = True
            self.note(n, LineStatus.SKIPPED, "paywall", s)
        elif _is_footer(s) and not _REFERENCE_ENTRY.match(s):
            self.footer(n, s)
        elif _FURNITURE.match(s):
            self.note(n, LineStatus.SKIPPED, "page furniture", s)
        elif _CAPS.match(s) and (near_furniture or (self.in_header and self.title is not None)):
            if "title" not in self.venue:
                self.venue["title"] = s
                self.note(n, LineStatus.MAPPED, "venue title (as printed)", s)
            elif _same(s, self.venue["title"]):
                self.note(n, LineStatus.MAPPED, "venue title (repeat)", s)
            else:
                self.note(n, LineStatus.SKIPPED, "page furniture (running head)", s)
        elif s.casefold() in _ARTICLE_TYPES and (self.article_type is None or _same(s, self.article_type)):
            what = "article type" if self.article_type is None else "article type (repeat)"
            self.article_type = s
            self.note(n, LineStatus.MAPPED, what, s)
        elif self.after_paywall:
            self.note(n, LineStatus.SKIPPED, "page chrome after paywall", s)
        else:
            return False
        return True

    def line(self, n: int, s: str, near_furniture: bool, next_s: str) -> None:
        if self.in_header and (lab := _label(s)):
            self.header_field(n, s, *lab)
            return
        if self.abstract_line(n, s) or self.classify(n, s, near_furniture):
            return
        if not self.body:
            if self.title and _same(s, self.title):
                self.note(n, LineStatus.MAPPED, "title (repeat)", s)
                return
            byline = sorted(w for a in self.authors for w in _words(a.as_written))
            if byline and sorted(_words(s)) == byline:
                self.note(n, LineStatus.MAPPED, "authors (byline repeat)", s)
                self.in_header = False
                return
            # a title stands alone: a line whose next line goes on in lower case is wrapped prose
            if self.in_header and self.title is None and _title_like(s) and not next_s[:1].islower():
                self.title = s
                self.note(n, LineStatus.MAPPED, "title", s)
                return
        self.in_header = False
        self.note(n, LineStatus.MAPPED, "body", s)
        self.body.append(s)

    def run(self) -> PageRecord:
        nonblank = [(n, clean(ln)) for n, ln in enumerate(self.raw, start=1) if ln.strip()]
        furniture = {i for i, (_, s) in enumerate(nonblank) if _FURNITURE.match(s) or _is_footer(s)}
        for i, (n, s) in enumerate(nonblank):
            next_s = nonblank[i + 1][1] if i + 1 < len(nonblank) else ""
            self.line(n, s, near_furniture=bool({i - 1, i + 1} & furniture), next_s=next_s)
        return self.result()

    def result(self) -> PageRecord:
        body = "\n".join(self.body) or None
        venue = Venue(title=self.venue.get("title"), issn=self.venue.get("issn") or None,
                      volume=self.venue.get("volume"), issue=self.venue.get("issue"),
                      publisher=self.venue.get("publisher"), place=self.venue.get("place")) if self.venue else None
        abstract: Abstract | None = None
        if self.abstract:
            joined = " ".join(self.abstract)
            glued = parse_glued_abstract(joined)
            abstract = Abstract(text="\n".join(self.abstract), sections=glued.sections, truncated=glued.truncated)
        if not (self.doi or self.issued or self.authors or venue or self.pages):
            raise ParseError("no DOI, date, authors, pages or journal details found", source=self.source,
                             hint="is this a full-text article page?")
        work_type = WorkType.JOURNAL_ARTICLE
        if self.article_type:
            work_type = _ARTICLE_TYPES.get(self.article_type.casefold(), WorkType.JOURNAL_ARTICLE)
        footnotes = tuple(Footnote(marker=m[1], offset=m.start()) for m in _FOOTNOTE.finditer(body or ""))
        work = WorkRecord(
            work_type=work_type, title=self.title, authors=self.authors, issued=self.issued, doi=self.doi,
            venue=venue, pages=self.pages, publisher=venue.publisher if venue else None, abstract=abstract,
            subjects=self.subjects, keywords=self.keywords, article_type=self.article_type, body=body,
            footnotes=footnotes, language=detect_language(body) if body else "en")
        notes = tuple(sorted(self.notes.values(), key=lambda x: x.line))
        return PageRecord(kind=KIND, works=(work,), lines=notes, problems=tuple(self.problems))


def _title_like(s: str) -> bool:
    return len(s) <= 250 and not re.search(r"[.;]\s+[A-Z]", s) and any(c.isalpha() for c in s)


def parse(text: str, source: str = "<text>") -> PageRecord:
    """Parse a full-text page into one :class:`WorkRecord` (pure)."""
    return _Parser(text, source).run()
