"""Parser for scholar-index article pages (seed 000).

The page prints a title, then labelled blocks: ``Author:`` (names family first, bare commas),
``Abstract`` (structured headings glued to their text), ``Publisher``, ``Subject`` (comma list),
``Reference20 articles.`` followed by numbered reference strings, and finally a block of site
advertising. Labels may be missing or in another order, the title may be missing and the page may
be cut short; the parser keeps what it recovers and accounts for every non-blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerkg.errors import ParseError
from peerkg.model import (
    CountKind,
    LineNote,
    LineStatus,
    PageRecord,
    PersonName,
    ReferenceEntry,
    SourceKind,
    StatedCount,
    Venue,
    WorkRecord,
    WorkType,
)
from peerkg.normalise.abstracts import parse_glued_abstract
from peerkg.normalise.dates import parse_date
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.names import parse_name, split_authors
from peerkg.normalise.text import clean

KIND = SourceKind.ARTICLE_PAGE

CHROME = "site advertising/chrome"

_LABELS: dict[str, str] = {
    "author": "authors", "authors": "authors", "abstract": "abstract", "publisher": "publisher",
    "subject": "subjects", "subjects": "subjects", "keywords": "keywords", "keyword": "keywords",
    "doi": "doi", "journal": "journal", "source": "journal", "type": "type",
    "document type": "type", "publication date": "date", "published": "date", "date": "date",
}
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*(?::\s*(?P<value>.*))?$")
_REFERENCES = re.compile(
    r"^References?\s*(?::\s*)?(?P<n>\d+)?\s*(?P<unit>articles?|publications?|references?|items?)?"
    r"\.?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<label>\[?\d{1,4}[.)\]])\s*(?P<text>\S.*)$")
# An unnumbered (APA/Harvard) entry opens with "Family, I." or a name/organisation then "(2014)".
_ENTRY_START = re.compile(
    r"^(?:(?:van|von|de|der|den|du|la|le|di|da)\s+)*"
    r"(?:[A-Z][^\s,()]*(?:\s+[A-Za-z][^\s,()]*){0,3},\s+(?:[A-Z]\.[\s,-]*)+"
    r"|[A-Z\u00c0-\u024f][^()]{0,150}?\(\s*(?:(?:1[89]|20)\d\d[a-z]?|n\.\s?d\.)\s*\))")
# A stored copy may start part-way: at an affiliation list ("1 School of …, University of …, UK") or
# inside the numbered reference list (an entry with its year in parentheses).
_AFFILIATION = re.compile(
    r"^(?:\d{1,2}|[*\u2020\u2021a-z])?\s*(?:[A-Z][\w'&.-]*\s+){0,6}?"
    r"(?:Department|School|Faculty|Institute|Centre|Center|College|University|Hospital|Trust|Division|Unit)\b"
    r"[^.]*,[^.]*$")
_REFERENCE_ENTRY = re.compile(r"^\[?\d{1,4}[.)\]]\s+\S.*\((?:1[89]|20)\d\d[a-z]?\)")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_CHROME = re.compile(
    r"^(?:TOP|Back to top|www\.globalauthorid\.com)$|^Copyright\s*(?:\u00a9|\(c\))|ICP\s*\u5907|"
    r"\u4eac\u516c\u7f51\u5b89\u5907", re.IGNORECASE)
_TYPES = {"journal article": WorkType.JOURNAL_ARTICLE, "article": WorkType.JOURNAL_ARTICLE,
          "research article": WorkType.JOURNAL_ARTICLE, "editorial": WorkType.EDITORIAL,
          "book chapter": WorkType.BOOK_CHAPTER, "chapter": WorkType.BOOK_CHAPTER,
          "book": WorkType.BOOK, "report": WorkType.REPORT}
_END_OK = re.compile(r"[.!?)\]\"\u201d\u2019\u2026]$")
_ENDS_WITH_LINK = re.compile(r"(?:https?://|www\.|doi:\s*)\S+$", re.IGNORECASE)  # APA entries end so


def _is_chrome(line: str) -> bool:
    cjk = len(_CJK.findall(line))
    return bool(_CHROME.search(line)) or (cjk > 0 and cjk >= 0.3 * len(line.replace(" ", "")))


def _label(line: str) -> tuple[str, str] | None:
    """(field, value on the same line) when ``line`` is a block label."""
    m = _REFERENCES.match(line)
    if m:
        return "references", line
    m = _LABEL.match(line)
    if not m:
        return None
    name = m.group("label").strip().lower()
    if name not in _LABELS:
        return None
    value = m.group("value")
    if value is None and line.strip().lower() != name:
        return None
    return _LABELS[name], (value or "").strip()


def _looks_like_prose(line: str) -> bool:
    return (len(line.split()) > 12 or bool(re.search(r"[a-z]\.\s+[A-Z]", line))
            or bool(re.search(r"\b(?:is|was|has|have|are|were|works|worked|leads|led)\b", line)))


def detect(text: str) -> float:
    """Structural score in [0, 1]: labelled author/abstract/publisher/subject/reference blocks."""
    lines = [clean(ln) for ln in text.splitlines()]
    score = 0.0
    if any(re.match(r"^Authors?:", ln) for ln in lines):
        score += 0.35
    if 1 <= sum(ln == "Abstract" for ln in lines) <= 2:
        score += 0.2
    if any(re.match(r"^References?\s*\d+\s*(?:articles?|publications?)\.?$", ln, re.I) for ln in lines):
        score += 0.35
    score += 0.1 * sum(ln in ("Publisher", "Subject", "Subjects") for ln in lines)
    if sum(bool(_REFERENCE_ENTRY.match(ln[:400])) for ln in lines) >= 2:
        score += 0.3
    if sum(ln.startswith("Publication date:") for ln in lines) >= 2:
        score *= 0.2
    return round(min(score, 1.0), 4)


@dataclass
class _State:
    notes: list[LineNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    title: str | None = None
    authors: list[PersonName] = field(default_factory=list)
    abstract_lines: list[str] = field(default_factory=list)
    publisher: str | None = None
    subjects: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    doi: str | None = None
    journal: str | None = None
    type_as_written: str | None = None
    issued_text: str | None = None
    declared: StatedCount | None = None
    refs: list[list[str]] = field(default_factory=list)  # [label, text]
    last_field: str | None = None
    last_text: str = ""

    def note(self, number: int, line: str, status: LineStatus, what: str) -> None:
        self.notes.append(LineNote(line=number, status=status, what=what, text=line))
        if status is LineStatus.MAPPED:
            self.last_field, self.last_text = what, line


def _split_list(value: str) -> list[str]:
    """Split on commas outside parentheses, keeping items as printed."""
    items, depth, current = [], 0, ""
    for ch in value:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [clean(i) for i in items if clean(i)]


def _authors(value: str) -> list[PersonName]:
    names = split_authors(value, "auto")
    return [parse_name(n, "comma" if "," in n else "family-first") for n in names]


def _value(state: _State, block: str, value: str, number: int, line: str) -> None:
    """Map ``value`` (from ``line``) to the field of ``block``."""
    if block == "authors":
        if state.authors and _looks_like_prose(value):
            state.note(number, line, LineStatus.SKIPPED, "author biography (not mapped)")
            return
        state.authors.extend(_authors(value))
    elif block == "abstract":
        state.abstract_lines.append(value)
    elif block == "publisher":
        if state.publisher is not None:
            state.note(number, line, LineStatus.SKIPPED, "second publisher line (not mapped)")
            return
        state.publisher = value
    elif block == "subjects":
        state.subjects.extend(_split_list(value))
    elif block == "keywords":
        state.keywords.extend(_split_list(value.replace(";", ",")))
    elif block == "doi":
        state.doi = normalise_doi(value)
        if state.doi is None:
            state.problems.append(f"line {number}: not a valid DOI: {value!r}")
    elif block == "journal":
        state.journal = value
    elif block == "type":
        state.type_as_written = value
    elif block == "date":
        state.issued_text = value
    state.note(number, line, LineStatus.MAPPED, block.rstrip("s") if block == "authors" else block)


def _reference_line(state: _State, number: int, line: str) -> None:
    m = _NUMBERED.match(line)
    if m:
        state.refs.append([m.group("label"), m.group("text")])
        state.note(number, line, LineStatus.MAPPED, f"reference {len(state.refs)}")
    elif state.refs and not (state.refs[-1][0] == "" and _ENTRY_START.match(line)):
        state.refs[-1][1] += " " + line
        state.note(number, line, LineStatus.MAPPED, f"reference {len(state.refs)} (continued)")
    else:
        state.refs.append(["", line])
        state.note(number, line, LineStatus.MAPPED, f"reference {len(state.refs)}")


def _work_type(state: _State) -> WorkType:
    if state.type_as_written:
        return _TYPES.get(state.type_as_written.lower(), WorkType.WORK)
    if state.abstract_lines or state.refs or state.declared or state.journal or state.subjects:
        return WorkType.JOURNAL_ARTICLE
    return WorkType.WORK


def _check_cut(state: _State, block: str | None, block_filled: bool) -> bool:
    """Whether the page ends mid-field; records a problem when it does."""
    if block is not None and not block_filled:
        state.problems.append(f"page ends after the {block!r} label with no value: cut short?")
        return True
    if state.last_field in ("title", "abstract") or (state.last_field or "").startswith("reference"):
        tail = state.last_text.rstrip()
        is_ref = (state.last_field or "").startswith("reference")
        if tail and not _END_OK.search(tail) and not (is_ref and _ENDS_WITH_LINK.search(tail)):
            state.problems.append(
                f"page ends mid-field ({state.last_field}): text stops at {tail[-30:]!r}")
            return True
    return False


def parse(text: str, source: str = "<text>") -> PageRecord:
    """Parse an article page into a :class:`PageRecord` holding one work."""
    state = _State()
    block: str | None = None
    block_filled = True
    in_chrome = False
    seen_content = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean(raw)
        if not line:
            continue
        found = _label(line)
        if found is not None and not (in_chrome and found[0] != "references" and _is_chrome(line)):
            in_chrome = False
            if block is not None and not block_filled:
                state.problems.append(f"line {number}: the {block!r} label has no value")
            block, value = found
            seen_content = True
            if block == "references":
                m = _REFERENCES.match(line)
                if m and m.group("n"):
                    state.declared = StatedCount(kind=CountKind.REFERENCES, value=int(m.group("n")),
                                                 as_written=line)
                state.note(number, line, LineStatus.MAPPED,
                           "references declared" if state.declared else "section heading")
                block_filled = True
                continue
            if value:
                _value(state, block, value, number, line)
                block_filled = True
            else:
                state.note(number, line, LineStatus.SKIPPED, "section heading")
                block_filled = False
            continue
        if in_chrome or _is_chrome(line):
            in_chrome = True
            state.note(number, line, LineStatus.SKIPPED, CHROME)
            continue
        if block is None and _AFFILIATION.match(line) and not state.refs:
            state.note(number, line, LineStatus.SKIPPED, "affiliation (peerkg records no affiliations)")
            seen_content = True
            continue
        if block is None and _REFERENCE_ENTRY.match(line):
            block = "references"
            state.problems.append(f"line {number}: a numbered reference list with no heading: the page "
                                  "starts part-way into it")
        if block is None:
            if state.title is None and not seen_content:
                state.title = line
                state.note(number, line, LineStatus.MAPPED, "title")
            else:
                state.note(number, line, LineStatus.SKIPPED, "unlabelled line before any label")
            seen_content = True
            continue
        block_filled = True
        if block == "references":
            _reference_line(state, number, line)
        else:
            _value(state, block, line, number, line)
    if not state.notes or all(n.status is LineStatus.SKIPPED for n in state.notes):
        raise ParseError("no article data found on the page", source=source,
                         hint="an article page has a title and labelled blocks such as 'Author:'")
    partial = _check_cut(state, None if in_chrome else block, block_filled)
    return _record(state, partial)


def _record(state: _State, partial: bool) -> PageRecord:
    abstract = parse_glued_abstract(" ".join(state.abstract_lines)) if state.abstract_lines else None
    if abstract is not None and partial and state.last_field == "abstract":
        abstract = type(abstract)(text=abstract.text, sections=abstract.sections, truncated=True,
                                  language=abstract.language)
    issued = parse_date(state.issued_text) if state.issued_text else None
    if state.issued_text and issued is None:
        state.problems.append(f"unreadable date: {state.issued_text!r}")
    references = tuple(ReferenceEntry(position=i, text=t, label=lab or None)
                       for i, (lab, t) in enumerate(state.refs, start=1))
    work = WorkRecord(
        work_type=_work_type(state), title=state.title, authors=tuple(state.authors),
        issued=issued, doi=state.doi,
        venue=Venue(title=state.journal) if state.journal else None,
        publisher=state.publisher, abstract=abstract, subjects=tuple(state.subjects),
        keywords=tuple(state.keywords), article_type=state.type_as_written,
        references_declared=state.declared.value if state.declared else None,
        references=references, counts=(state.declared,) if state.declared else ())
    return PageRecord(kind=KIND, works=(work,), lines=tuple(state.notes), partial=partial,
                      problems=tuple(state.problems))
