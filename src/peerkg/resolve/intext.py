"""Author-year in-text citations in running text (editorial bodies, citation statements).

Two forms are found:

* **parenthetical** groups ``(see, e.g. Chamberlin, 1978; OHagan, 2014)``: the group is split
  at ``;`` and each item parsed as ``[prefix] names [et al.] [,] year[suffix] [, locator]``;
* **narrative** citations ``Onken et al. (2002)``, ``Repper and Carter (2011)``.

An item is a citation only if it has capitalised names *and* a year — or, when the page lost the
year, an empty year slot: ``(Beales & Wilson )`` (whitespace or a comma before the closing
parenthesis after two or more names / "et al."). So ``(NHS)``, ``(IPS)``, ``(a member of staff)``,
``(2012)`` and years in prose ("20122016", "by 2016") never match.
Connectors: ``,``, ``&``, ``and``, ``und`` (German), ``et``. ``et al`` with or without the dot.
"""

from __future__ import annotations

import re

from peerkg.model import InTextCitation

__all__ = ["find_citations", "parse_citation_item"]

_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = rf"{_UP}[^\W\d_]*(?:['’\-][^\W\d_]+)*"  # Repper, OHagan, O'Hagan, Lloyd-Evans
_PARTICLE = r"(?:(?:van|von|de|der|den|du|da|di|la|le|ten|ter)\s+)"
_ORG_JOIN = r"(?:\s+(?:of|for|the|on)\s+|\s+)"
# a name in a parenthetical item: one or more capitalised words ("Mental Health Task Force",
# "Rebeiro Gruhl", "Department of Health")
_NAME_P = rf"{_PARTICLE}*{_WORD}(?:{_ORG_JOIN}{_WORD})*"
# a name in a narrative citation: one word (with particles); multiword runs would swallow the
# sentence ("Indeed Slade")
_NAME_N = rf"{_PARTICLE}*{_WORD}"
_SEP = r"(?:\s*,\s*(?:(?:and|und|&)\s+)?|\s+(?:and|und)\s+|\s*&\s*)"
_ETAL = r"(?P<etal>\s+et\s*al\b\.?)"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d{2})(?P<suffix>[a-z])?(?![\d])"
_LOCATOR = r"(?P<locator>(?:pp?\.|S\.|para\.|ch\.|chapter)?\s*\d+(?:\s*[-–‐]\s*\d+)?)"
_PREFIX = (r"(?P<prefix>(?i:see\s+also|see|cf\.|vgl\.|siehe|e\.\s?g\.|for\s+example|for\s+a\s+review\s+see)"
           r"(?:\s*,?\s*(?:e\.\s?g\.|also))?\s*[,:]?\s+)")

_ITEM = re.compile(
    rf"^\s*{_PREFIX}?(?P<names>{_NAME_P}(?:{_SEP}{_NAME_P})*){_ETAL}?"
    rf"(?:\s*,?\s*{_YEAR}(?:\s*[,:]\s*{_LOCATOR})?|(?P<slot>\s+|\s*,\s*))\s*$",
    re.UNICODE,
)
_GROUP = re.compile(r"\(([^()]*)\)")
_NARRATIVE = re.compile(
    rf"(?<![\w(])(?P<names>{_NAME_N}(?:(?:\s*,\s*{_NAME_N})*\s*,?\s+(?:and|und|&)\s+{_NAME_N})?)"
    rf"{_ETAL}?\s*\(\s*{_YEAR}(?:\s*[,:]\s*{_LOCATOR})?\s*\)",
    re.UNICODE,
)
_SPLIT_NAMES = re.compile(r"\s*,\s*(?:(?:and|und|&)\s+)?|\s+(?:and|und)\s+|\s*&\s*")
#: capitalised words that start sentences or label things, never an author in a narrative citation
_NOT_NAMES = frozenset(re.split(
    r"\s+",
    "in the see as by for and but also this that these those however indeed recently since from "
    "with table figure fig section chapter appendix act version phase study wave year until before "
    "after during between today here there when where while although thus hence our their its "
    "et al of on at to a an",
))


def _names(text: str) -> tuple[str, ...]:
    parts = [re.sub(r"\s+", " ", p).strip() for p in _SPLIT_NAMES.split(text)]
    return tuple(p for p in parts if p)


def _valid_names(names: tuple[str, ...]) -> bool:
    if not names:
        return False
    for n in names:
        first = n.split()[0].lower()
        if first in _NOT_NAMES:
            return False
    return True


def parse_citation_item(item: str) -> dict[str, object] | None:
    """Parse one item of a parenthetical group (no parentheses, no ``;``).

    Returns the parts (``names``, ``et_al``, ``year``, ``suffix``, ``locator``, ``prefix``,
    ``span``: offsets of the citation proper within ``item``) or None when it is no citation.

    >>> parse_citation_item("see, e.g. Chamberlin, 1978")["names"]
    ('Chamberlin',)
    >>> parse_citation_item("NHS") is None
    True
    """
    m = _ITEM.match(item)
    if not m:
        return None
    names = _names(m.group("names"))
    # keyword-looking capitals ("See") must not be names; all-caps acronyms alone are not authors
    if not _valid_names(names):
        return None
    year = m.group("year")
    # a lost year is accepted only with an empty year slot after a real author list
    if year is None and (m.group("slot") is None or not (len(names) >= 2 or m.group("etal"))):
        return None
    start = m.start("names")
    end = m.end("locator") if m.group("locator") else (m.end("suffix") if m.group("suffix") else (
        m.end("year") if year else (m.end("etal") if m.group("etal") else m.end("names"))))
    prefix = m.group("prefix")
    return {
        "names": names,
        "et_al": bool(m.group("etal")),
        "year": int(year) if year else None,
        "suffix": m.group("suffix"),
        "locator": re.sub(r"\s+", " ", m.group("locator").strip()) if m.group("locator") else None,
        "prefix": re.sub(r"[\s,:]+$", "", prefix.strip()) if prefix else None,
        "span": (start, end),
    }


def _parenthetical(text: str) -> list[InTextCitation]:
    out: list[InTextCitation] = []
    for g in _GROUP.finditer(text):
        inner_start = g.start(1)
        pos = 0
        content = g.group(1)
        for item in content.split(";"):
            parsed = parse_citation_item(item)
            if parsed is not None:
                s, e = parsed["span"]  # type: ignore[misc]
                start, end = inner_start + pos + s, inner_start + pos + e
                out.append(InTextCitation(
                    text=text[start:end], start=start, end=end,
                    names=parsed["names"],  # type: ignore[arg-type]
                    et_al=bool(parsed["et_al"]),
                    year=parsed["year"],  # type: ignore[arg-type]
                    year_suffix=parsed["suffix"],  # type: ignore[arg-type]
                    locator=parsed["locator"],  # type: ignore[arg-type]
                    prefix=parsed["prefix"],  # type: ignore[arg-type]
                    narrative=False, group_start=g.start(), group_end=g.end(),
                ))
            pos += len(item) + 1
    return out


def _narrative(text: str, taken: list[tuple[int, int]]) -> list[InTextCitation]:
    out: list[InTextCitation] = []
    for m in _NARRATIVE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        names = _names(m.group("names"))
        if not _valid_names(names):
            continue
        out.append(InTextCitation(
            text=m.group(0), start=m.start(), end=m.end(), names=names,
            et_al=bool(m.group("etal")), year=int(m.group("year")), year_suffix=m.group("suffix"),
            locator=re.sub(r"\s+", " ", m.group("locator").strip()) if m.group("locator") else None,
            prefix=None, narrative=True, group_start=m.start(), group_end=m.end(),
        ))
    return out


def find_citations(text: str) -> tuple[InTextCitation, ...]:
    """All author-year citations in ``text``, in text order.

    >>> [c.text for c in find_citations("as Onken et al. (2002) found (see Repper and Carter, 2011)")]
    ['Onken et al. (2002)', 'Repper and Carter, 2011']
    """
    paren = _parenthetical(text)
    narrative = _narrative(text, [(c.group_start, c.group_end) for c in paren])
    return tuple(sorted(paren + narrative, key=lambda c: (c.start, c.end)))
