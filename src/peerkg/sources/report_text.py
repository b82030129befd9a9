"""Text helpers for citation-statement reports: abstract headings ("Purpose – …") and language."""

from __future__ import annotations

import re

from peerkg.model import AbstractSection
from peerkg.normalise.abstracts import HEADINGS

OPEN_QUOTES = "\u201c\u201e\"\u00ab"
CLOSE_QUOTES = "\u201d\u201c\"\u00bb"
ELLIPSES = ("\u2026", "...")

# Structured-abstract headings with their canonical keys ("Purpose – …"): the shared table.
_HEADINGS = HEADINGS
_HEADING_RE = re.compile(
    r"(?:(?<=^)|(?<=\s))(?P<h>" + "|".join(re.escape(h) for h in sorted(_HEADINGS, key=len, reverse=True))
    + r")\s*[\u2013\u2014:-]\s+",
    re.IGNORECASE)

_DE = frozenset(re.findall(r"\S+", "der die das und ist nicht von zu den mit eine einer eines auf dem des "
                           "sich auch es wird sind für über bei nach oder ihrer ihre wie jedoch bis im zur "
                           "zum dass werden wurde kann als noch aus einem"))
_EN = frozenset(re.findall(r"\S+", "the and of is to that for with on are was be by this it as from have "
                           "not which their been an at or can its these were has"))


def detect_language(text: str) -> str:
    """"de" when German stop words outnumber English ones, else "en" (a small heuristic)."""
    words = re.findall(r"[a-zäöüß]+", text.lower())
    de = sum(w in _DE for w in words)
    en = sum(w in _EN for w in words)
    return "de" if de > en else "en"


def report_sections(text: str) -> tuple[AbstractSection, ...]:
    """The sections of a report abstract whose headings are followed by a dash or colon.

    Headings are capitalised as printed ("Results – …", never "… the results – …"), and the abstract
    counts as structured only when it opens with one."""
    found = [m for m in _HEADING_RE.finditer(text) if m["h"][:1].isupper()]
    if not found or text[: found[0].start()].strip():
        return ()
    sections = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        sections.append(AbstractSection(
            heading=_HEADINGS[re.sub(r"\s+", " ", m["h"].lower())], heading_as_written=m["h"],
            text=text[m.end():end].strip(), position=i + 1))
    return tuple(sections)


def unquote(raw: str) -> tuple[str, bool, bool]:
    """A statement's text without its quotes and "…" marks, and whether it was cut at start/end."""
    if raw[:1] in OPEN_QUOTES:
        raw = raw[1:]
    if raw[-1:] in CLOSE_QUOTES:
        raw = raw[:-1]
    raw = raw.strip()
    start = end = False
    for e in ELLIPSES:
        if raw.startswith(e):
            raw, start = raw[len(e):].lstrip(), True
        if raw.endswith(e):
            raw, end = raw[: -len(e)].rstrip(), True
    return raw, start, end
