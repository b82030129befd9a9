"""Personal and corporate author names: split lists, split names, make stable keys.

Names keep the parts the page gives: an initial stays an initial ("J."), never expanded.
"""

from __future__ import annotations

import re

from peerkg.model import PersonName
from peerkg.normalise.keys import slug
from peerkg.normalise.text import clean

__all__ = ["parse_name", "split_authors", "name_key", "is_organisation_name", "PARTICLES",
           "ORDERS", "STYLES"]

ORDERS = ("auto", "family-first", "given-first", "comma")
STYLES = ("auto", "and", "comma", "family-initials")

#: Lower-case surname particles that belong to the family name ("van der Berg", "de la Cruz").
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la",
                       "le", "ten", "ter", "dos", "das", "bin", "ibn", "al", "el", "st", "st."})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

_ORG_WORDS = re.compile(
    r"\b(?:task\s*force|trust|centre|center|council|university|nhs|association|network|"
    r"department|ministry|foundation|organi[sz]ation|institute|group|services?|society|"
    r"committee|commission|board|agency|alliance|collaborative|college|school|hospital|"
    r"government|office|consortium|company|ltd|inc|plc|press|publishing|charity|partnership|"
    r"coalition|federation|movement|project|team|unit)\b", re.IGNORECASE)
_KNOWN_ORGS = frozenset({"mind", "rethink", "together", "nsun", "who", "emerald", "nice",
                         "samhsa", "oecd", "unicef", "rethink mental illness", "scottish recovery"})
_INITIAL = re.compile(r"^(?:[A-Z]\.?-?){1,3}$|^(?:[A-Z]\.){1,3}$")
_AND = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s+and\s+|\s*&\s*)\s*", re.IGNORECASE)


def _is_initials(token: str) -> bool:
    return bool(_INITIAL.match(token.replace(" ", "")))


def is_organisation_name(text: str) -> bool:
    """Whether ``text`` looks like a corporate author rather than a person.

    >>> is_organisation_name("Mental Health Task Force"), is_organisation_name("Mind")
    (True, True)
    >>> is_organisation_name("Together/NSUN/University of Nottingham")
    True
    >>> is_organisation_name("Faulkner Alison"), is_organisation_name("Repper, J.")
    (False, False)
    """
    value = clean(text)
    if not value:
        return False
    if value.lower() in _KNOWN_ORGS or "/" in value:
        return True
    if _ORG_WORDS.search(value):
        return True
    if re.fullmatch(r"[A-Z]{2,8}", value) and value not in {"II", "III", "IV"}:
        return True  # bare acronym: "NSUN", "NICE"
    return bool(re.search(r"\b(?:of|for)\b", value) and len(value.split()) >= 3)


def _family_span(tokens: list[str], from_end: bool) -> int:
    """How many tokens the family name takes (particles included)."""
    if from_end:
        n = 1
        while n < len(tokens) and tokens[-n - 1].lower() in PARTICLES:
            n += 1
        return n
    n = 0
    while n < len(tokens) - 1 and tokens[n].lower() in PARTICLES:
        n += 1
    return n + 1


def parse_name(text: str, order: str = "auto") -> PersonName:
    """Split one name into family and given parts.

    ``order``: ``"family-first"`` ("Faulkner Alison"), ``"given-first"`` ("Alison Faulkner"),
    ``"comma"`` ("Faulkner, A.") or ``"auto"`` (comma form when there is a comma; family first
    when the initials come last; else given first).

    >>> parse_name("Faulkner Alison", "family-first")
    PersonName(as_written='Faulkner Alison', family='Faulkner', given='Alison', is_organisation=False)
    >>> parse_name("van der Berg, J.").family
    'van der Berg'
    >>> parse_name("Benjamin Thomas Gray").given
    'Benjamin Thomas'
    >>> parse_name("Mind").is_organisation
    True
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}, got {order!r}")
    written = clean(text)
    value = written.strip(" ,;")
    if not value:
        return PersonName(as_written=written)
    if is_organisation_name(value):
        return PersonName(as_written=written, is_organisation=True)
    if "," in value and order in ("auto", "comma"):
        family, _, given = value.partition(",")
        given = given.strip(" ,")
        if given.lower() in _SUFFIXES:
            return parse_name(family, "given-first")
        return PersonName(as_written=written, family=family.strip() or None, given=given or None)
    tokens = value.replace(",", " ").split()
    tokens = [t for t in tokens if t.lower() not in _SUFFIXES] or tokens
    if len(tokens) == 1:
        return PersonName(as_written=written, family=tokens[0])
    if order == "auto":
        initials_last = _is_initials(tokens[-1]) and not _is_initials(tokens[0])
        order = "family-first" if initials_last else "given-first"
    if order == "family-first":
        n = _family_span(tokens, from_end=False)
        family, given = tokens[:n], tokens[n:]
    else:
        n = _family_span(tokens, from_end=True)
        given, family = tokens[:-n], tokens[-n:]
    return PersonName(as_written=written, family=" ".join(family),
                      given=" ".join(given) or None)


def split_authors(text: str, style: str = "auto") -> list[str]:
    """Split an author list into the names as written.

    ``style``: ``"and"`` ("A, B and C", "A & B"), ``"comma"`` (bare commas:
    "Faulkner Alison,Basset Thurstine"), ``"family-initials"`` ("Basset, T., Faulkner, A. and
    Repper, J.") or ``"auto"``.

    >>> split_authors("Benjamin Thomas Gray, Matthew Sisto and Renee Conley", "and")
    ['Benjamin Thomas Gray', 'Matthew Sisto', 'Renee Conley']
    >>> split_authors("Faulkner Alison,Basset Thurstine", "comma")
    ['Faulkner Alison', 'Basset Thurstine']
    >>> split_authors("Basset, T., Faulkner, A. and Stamou, E.")
    ['Basset, T.', 'Faulkner, A.', 'Stamou, E.']
    >>> split_authors("Smith, Mary K.; O'Hagan, Mary")
    ['Smith, Mary K.', "O'Hagan, Mary"]
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, got {style!r}")
    value = clean(text).strip(" ,;")
    if not value:
        return []
    if ";" in value and style in ("auto", "comma", "family-initials"):
        # semicolons separate whole names ("Smith, Mary K.; O'Hagan, Mary"): commas stay inside
        pieces = [p.strip() for p in value.split(";") if p.strip()]
        last = _AND.split(pieces[-1]) if style == "auto" else [pieces[-1]]
        return [p for p in (*pieces[:-1], *last) if p.strip(" ,")]
    if style == "auto":
        if _looks_family_initials(value):
            style = "family-initials"
        elif re.search(r"\s(?:and|&)\s|&", value, re.IGNORECASE):
            style = "and"
        else:
            style = "comma"
    if style == "family-initials":
        return _pair_family_initials(value)
    parts: list[str] = []
    for chunk in _AND.split(value) if style == "and" else [value]:
        parts.extend(p.strip() for p in chunk.split(","))
    return [p for p in parts if p]


def _pieces(value: str) -> list[str]:
    return [p.strip() for p in re.split(r",|\s+and\s+|\s*&\s*", value, flags=re.IGNORECASE)
            if p.strip()]


def _looks_family_initials(value: str) -> bool:
    pieces = _pieces(value)
    return len(pieces) >= 2 and any(_is_initials(p) for p in pieces[1:]) and not _is_initials(pieces[0])


def _pair_family_initials(value: str) -> list[str]:
    """Join each family name with the initials that follow it; other pieces stand alone."""
    pieces, out, i = _pieces(value), [], 0
    while i < len(pieces):
        if (i + 1 < len(pieces) and _is_initials(pieces[i + 1]) and not _is_initials(pieces[i])
                and not is_organisation_name(pieces[i])):  # "Mind, A" (page cut): not a name
            out.append(f"{pieces[i]}, {pieces[i + 1]}")
            i += 2
        else:
            out.append(pieces[i])
            i += 1
    return out


def name_key(name: PersonName) -> str:
    """A lower-case ASCII slug ``family-given`` (accents stripped; initials as letters).

    >>> name_key(PersonName("Faulkner Alison", "Faulkner", "Alison"))
    'faulkner-alison'
    >>> name_key(PersonName("Repper, J.", "Repper", "J."))
    'repper-j'
    >>> name_key(PersonName("Mind", is_organisation=True))
    'mind'
    """
    if name.is_organisation or not name.family:
        return slug(name.as_written)
    return slug(f"{name.family} {name.given or ''}")
