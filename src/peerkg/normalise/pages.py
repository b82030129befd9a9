"""Page ranges as printed in references and venue lines."""

from __future__ import annotations

import re

from peerkg.model import PageRange
from peerkg.normalise.text import normalise_hyphens

__all__ = ["parse_pages"]

_LABEL = re.compile(r"^\s*(?:pp?\.?|pages?)\s*", re.IGNORECASE)
_RANGE = re.compile(r"^([A-Za-z]{0,3})(\d+)\s*-{1,2}\s*([A-Za-z]{0,3})(\d+)$")
_SINGLE = re.compile(r"^[A-Za-z]{0,3}\d+[A-Za-z]?$")


def _expand(start: str, end: str) -> str:
    """Expand an abbreviated end page: ("123", "9") -> "129", ("33", "7") -> "37"."""
    if len(end) < len(start) and int(start[-len(end):]) <= int(end):
        return start[: len(start) - len(end)] + end
    if len(end) < len(start):  # "98-102" written "98-2"? ambiguous: roll over the prefix
        prefix = int(start[: len(start) - len(end)]) + 1
        return f"{prefix}{end}"
    return end


def parse_pages(text: str | None) -> PageRange | None:
    """A :class:`PageRange` from ``text`` or None when it holds no page numbers.

    Abbreviated end pages are expanded; any hyphen look-alike counts as a dash.

    >>> parse_pages("pp. 33\u20107")
    PageRange(start='33', end='37', as_written='pp. 33\u20107')
    >>> parse_pages("1234-56").end
    '1256'
    >>> parse_pages("e123")
    PageRange(start='e123', end=None, as_written='e123')
    """
    if text is None:
        return None
    written = text.strip()
    value = _LABEL.sub("", normalise_hyphens(written).replace("\u2014", "-")).strip().rstrip(".,;")
    m = _RANGE.match(value)
    if m:
        pre1, start, pre2, end = m.groups()
        if pre2 and pre2 != pre1:
            return None
        full_end = _expand(start, end)
        return PageRange(start=pre1 + start, end=(pre2 or pre1) + full_end, as_written=written)
    if _SINGLE.match(value) and any(c.isdigit() for c in value):
        return PageRange(start=value, end=None, as_written=written)
    return None
