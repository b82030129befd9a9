"""The structures a page shows, each tied to the page kind it is typical of.

Detection explains itself with these: the report says which structures were found on a page
("author block", "numbered reference list", "citation statement", …), and a page that fits no kind
fully is read by the parsers of the kinds its structures belong to. One pass over the lines; each
regular expression sees at most the first :data:`MAX_CUE_LINE` characters of a line, so the cost is
linear in the size of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peerkg.model import SourceKind
from peerkg.normalise.abstracts import HEADINGS
from peerkg.normalise.text import clean

MAX_CUE_LINE = 400

_HEADING = "|".join(re.escape(h) for h in sorted(HEADINGS, key=len, reverse=True))


@dataclass(frozen=True)
class Cue:
    name: str
    kind: SourceKind | None  # None: found on pages of several kinds
    pattern: re.Pattern[str]


def _cue(name: str, kind: SourceKind | None, pattern: str, flags: int = 0) -> Cue:
    return Cue(name, kind, re.compile(pattern, flags))


CUES: tuple[Cue, ...] = (
    _cue("author block", SourceKind.ARTICLE_PAGE, r"^Authors?\s*:"),
    _cue("declared reference count", SourceKind.ARTICLE_PAGE,
         r"^References?\s*:?\s*\d+\s*(?:articles?|publications?)\.?$", re.IGNORECASE),
    _cue("numbered reference list", SourceKind.ARTICLE_PAGE,
         r"^\[?\d{1,4}[.)\]]\s+\S.*\((?:1[89]|20)\d\d[a-z]?\)"),
    _cue("abstract heading", None, r"^Abstract\b"),
    _cue("structured abstract", None, rf"^(?:Abstract\s*:?\s*)?(?:{_HEADING})(?:\s*[\u2013\u2014:-]\s*|\s*$|(?=[A-Z]))",
         re.IGNORECASE),
    _cue("search total", SourceKind.SEARCH_LISTING,
         r"^(?:search\s+)?(?:results\s*)?\d[\d,]*\s*[\u2013\u2014-]\s*\d[\d,]*\s+of\s+", re.IGNORECASE),
    _cue("publication date line", SourceKind.SEARCH_LISTING, r"^Publication\s*date\s*:", re.IGNORECASE),
    _cue("citation statement", SourceKind.CITATION_REPORT, r"^[\u201c\"](?:\u2026|\.\.\.)?.{20,}"),
    _cue("citation type", SourceKind.CITATION_REPORT,
         r"(?:^|Section\s*:.*)(?:supporting|mentioning|contrasting|unclassified)$", re.IGNORECASE),
    _cue("confidence line", SourceKind.CITATION_REPORT, r"^confidence\s*:?\s*\d", re.IGNORECASE),
    _cue("header field", SourceKind.FULL_TEXT,
         r"^(?:Published date|Publication date|Pages|DOI|Subject Matter)\s*:?\s*\S"),
    _cue("running header or footer", SourceKind.FULL_TEXT,
         r"(?:\u2022\s*Vol(?:ume)?\.?\s*\d|\bVOL\.\s*\d+\s+NO\.|\d+:\d+\s*\u00a9|\u00a9.*\bISSN\b)"),
    _cue("venue line", None, r"\bvol(?:ume)?\.?\s*\d+\s*,?\s*(?:no|issue)\.?\s*\d", re.IGNORECASE),
)


def structures(text: str) -> tuple[str, ...]:
    """The names of the structures found in ``text``, in the order of :data:`CUES`."""
    found: set[str] = set()
    for raw in text.splitlines():
        line = clean(raw[: 2 * MAX_CUE_LINE])[:MAX_CUE_LINE]
        if not line:
            continue
        for cue in CUES:
            if cue.name not in found and cue.pattern.search(line):
                found.add(cue.name)
    return tuple(c.name for c in CUES if c.name in found)


def kinds_of(names: tuple[str, ...]) -> dict[SourceKind, int]:
    """How many of the structures ``names`` are typical of each page kind (kinds with none left out)."""
    counts: dict[SourceKind, int] = {}
    for cue in CUES:
        if cue.name in names and cue.kind is not None:
            counts[cue.kind] = counts.get(cue.kind, 0) + 1
    return counts
