"""Dates as pages print them, kept as precise as printed (day, month or year)."""

from __future__ import annotations

import calendar
import re

from peerkg.model import PartialDate
from peerkg.normalise.text import normalise_hyphens

__all__ = ["parse_date", "MONTHS"]

MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    MONTHS[calendar.month_name[_n].lower()] = _n
    MONTHS[calendar.month_abbr[_n].lower()] = _n
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_LABEL = re.compile(
    r"^\s*(?:(?:first\s+)?(?:published|publication|issued|online|date)[\s_-]*(?:online|date)?"
    r"(?:\s*[:\-]\s*|\s*)(?=[0-9A-Za-z]))", re.IGNORECASE)
_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),
    re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})$",
               re.IGNORECASE),
    re.compile(r"^" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$",
               re.IGNORECASE),
    re.compile(r"^" + _MONTH + r",?\s+(?P<year>\d{4})$", re.IGNORECASE),
    re.compile(r"^(?P<year>\d{4})$"),
]


def _month_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return MONTHS.get(value.lower().rstrip("."))


def parse_date(text: str | None) -> PartialDate | None:
    """A :class:`PartialDate` from ``text`` (with ``as_written`` = the stripped input) or None.

    Labels such as "Publication date:" or a glued "Published date" are dropped. Impossible dates
    (31 February, month 13) and years outside 1000-2999 give None.

    >>> parse_date("15 June 2012").iso()
    '2012-06-15'
    >>> parse_date("Published date15 May 2019").iso()
    '2019-05-15'
    >>> parse_date("May 2019").iso(), parse_date("2015").iso()
    ('2019-05', '2015')
    >>> parse_date("31 February 2012") is None
    True
    """
    if text is None:
        return None
    written = text.strip()
    value = normalise_hyphens(written)
    value = _LABEL.sub("", value).strip().rstrip(".,;")
    value = re.sub(r"\s+", " ", value)
    for pattern in _PATTERNS:
        m = pattern.match(value)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if not 1000 <= year <= 2999:
            return None
        month = _month_number(groups["month"]) if groups.get("month") else None
        day = int(groups["day"]) if groups.get("day") else None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and (month is None or day > calendar.monthrange(year, month)[1] or day < 1):
            return None
        return PartialDate(year=year, month=month, day=day, as_written=written)
    return None
