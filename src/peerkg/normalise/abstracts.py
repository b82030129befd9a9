"""Structured abstracts: recognise their headings, glued or on their own lines.

Headings are mapped to the canonical keys of the abstract-heading scheme: Emerald's seven (``purpose``,
``design-methodology-approach``, ``findings``, ``research-limitations-implications``,
``practical-implications``, ``social-implications``, ``originality-value``), their usual synonyms in other
publishers' structured abstracts (Objective → purpose, Methods → design, Results → findings, …) and
``background`` and ``conclusions``; the heading as printed and each section's text are kept.
"""

from __future__ import annotations

import re

from peerkg.model import Abstract, AbstractSection

__all__ = ["HEADINGS", "heading_key", "parse_glued_abstract", "parse_lined_abstract"]

#: Canonical key by heading as printed (lower case, spaces collapsed).
HEADINGS: dict[str, str] = {
    "purpose": "purpose",
    "design/methodology/approach": "design-methodology-approach",
    "design / methodology / approach": "design-methodology-approach",
    "findings": "findings",
    "research limitations/implications": "research-limitations-implications",
    "research limitations / implications": "research-limitations-implications",
    "practical implications": "practical-implications",
    "social implications": "social-implications",
    "originality/value": "originality-value",
    "originality / value": "originality-value",
    # the same sections under the headings other publishers print (IMRaD and friends): the scheme's altLabels
    "aim": "purpose", "aims": "purpose", "objective": "purpose", "objectives": "purpose",
    "method": "design-methodology-approach", "methods": "design-methodology-approach",
    "methodology": "design-methodology-approach",
    "results": "findings",
    "limitations": "research-limitations-implications",
    "research limitations": "research-limitations-implications",
    "research implications": "research-limitations-implications",
    "implications for practice": "practical-implications",
    "background": "background", "context": "background",
    "conclusion": "conclusions", "conclusions": "conclusions",
}

_HEADING_ALT = "|".join(
    h[0].upper() + "(?i:" + re.escape(h[1:]).replace(r"\ ", r"\s+") + ")"
    for h in sorted(HEADINGS, key=len, reverse=True))
# A heading glued to its text: at the start or after the end of a sentence, followed by an
# optional colon or dash and then the capital (or quote/digit) that opens the section text.
_GLUED = re.compile(
    rf"(?:^|(?<=[.!?)\]\"\u201d\u2019\s]))(?P<h>{_HEADING_ALT})(?:\s*[:\u2013\u2014-]\s*|\s*)"
    r"(?=[A-Z0-9\"\u201c\u2018(])")
_TRUNCATED = re.compile(r"(?:\u2026|\.\.\.|Show more|Read more)\s*$", re.IGNORECASE)


def heading_key(text: str) -> str | None:
    """The canonical key of a heading as printed, or None.

    >>> heading_key("Design/methodology/approach"), heading_key("Research limitations/implications")
    ('design-methodology-approach', 'research-limitations-implications')
    >>> heading_key("Results"), heading_key("Background"), heading_key("Peer support") is None
    ('findings', 'background', True)
    """
    return HEADINGS.get(re.sub(r"\s+", " ", text.strip().rstrip(":").strip()).lower())


def _truncated(text: str) -> bool:
    return bool(_TRUNCATED.search(text))


def parse_glued_abstract(text: str, language: str = "en") -> Abstract:
    """An :class:`Abstract` from one run of text whose headings may be glued to their text.

    The abstract counts as structured only when it opens with a heading.

    >>> a = parse_glued_abstract("PurposeTo look.FindingsWe saw.")
    >>> [(s.heading, s.text) for s in a.sections]
    [('purpose', 'To look.'), ('findings', 'We saw.')]
    >>> parse_glued_abstract("Peer support is old. Findings matter.").sections
    ()
    """
    stripped = text.strip()
    matches = list(_GLUED.finditer(stripped))
    if not matches or matches[0].start() != 0:
        return Abstract(text=stripped, truncated=_truncated(stripped), language=language)
    sections: list[AbstractSection] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stripped)
        heading = m.group("h")
        sections.append(AbstractSection(
            heading=heading_key(heading) or heading.lower(), heading_as_written=heading,
            text=stripped[m.end():end].strip(), position=i + 1))
    return Abstract(text=stripped, sections=tuple(sections), truncated=_truncated(stripped),
                    language=language)


def parse_lined_abstract(lines: list[str], language: str = "en") -> Abstract:
    """An :class:`Abstract` from lines where each heading stands on its own line.

    Lines before the first heading (or all lines when there is none) form unstructured text.
    ``text`` is the lines joined with newlines, headings included as printed.

    >>> a = parse_lined_abstract(["Purpose", "To look.", "Findings", "We saw."])
    >>> [(s.position, s.heading, s.text) for s in a.sections]
    [(1, 'purpose', 'To look.'), (2, 'findings', 'We saw.')]
    """
    kept = [line.strip() for line in lines if line.strip()]
    whole = "\n".join(kept)
    if not kept or heading_key(kept[0]) is None:
        return Abstract(text=whole, truncated=_truncated(whole), language=language)
    sections: list[AbstractSection] = []
    heading: str | None = None
    body: list[str] = []

    def flush() -> None:
        if heading is not None:
            sections.append(AbstractSection(
                heading=heading_key(heading) or heading.lower(), heading_as_written=heading,
                text=" ".join(body), position=len(sections) + 1))

    for line in kept:
        if heading_key(line) is not None:
            flush()
            heading, body = line, []
        else:
            body.append(line)
    flush()
    return Abstract(text=whole, sections=tuple(sections), truncated=_truncated(whole),
                    language=language)
