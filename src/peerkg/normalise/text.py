"""Unicode and whitespace clean-up for text as printed on a page.

Nothing here changes what a page says: quotes stay curly, dashes stay dashes. Only
normalisation form, runs of whitespace and hyphen look-alikes inside URLs are touched.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "repair_url", "HYPHENS", "normalise_hyphens", "publisher_name", "split_glued"]

#: Hyphen look-alikes that PDF/HTML converters put where an ASCII hyphen was meant.
HYPHENS = "\u2010\u2011\u2012\u2013\u2212\u00ad"

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def clean(text: str) -> str:
    """NFC-normalise, collapse runs of spaces (incl. no-break spaces) and strip.

    Quotes and dashes are kept as printed.

    >>> clean("  Saving\u00a0 the   day  ")
    'Saving the day'
    >>> clean("\u201cUs\u201d")
    '\u201cUs\u201d'
    """
    text = unicodedata.normalize("NFC", text)
    text = _SPACE.sub(" ", text)
    return "\n".join(part.strip() for part in text.split("\n")).strip()


def normalise_hyphens(text: str) -> str:
    """Replace U+2010/U+2011/U+2012/U+2013/U+2212 (and soft hyphens) by ``-``.

    >>> normalise_hyphens("33\u20107")
    '33-7'
    """
    return text.translate({ord(c): "-" for c in HYPHENS})


def repair_url(text: str) -> str:
    """Replace hyphen look-alikes by ``-`` inside the URLs of ``text`` (and only there).

    >>> repair_url("available at: www.together\u2010uk.org.")
    'available at: www.together-uk.org.'
    >>> repair_url("peer\u2010run www.a\u2011b.net")
    'peer\u2010run www.a-b.net'
    """
    return _URL.sub(lambda m: normalise_hyphens(m.group(0)), text)


def split_glued(text: str, labels: list[str] | tuple[str, ...]) -> list[tuple[str | None, str]]:
    """Split ``text`` at each of ``labels`` glued to the following text (labels must be printed as
    given, case-sensitively). Returns ``(label, text)`` pairs in page order; text before the first
    label comes with label ``None`` (omitted when empty).

    >>> split_glued("PurposeTo see.FindingsWe saw.", ["Purpose", "Findings"])
    [('Purpose', 'To see.'), ('Findings', 'We saw.')]
    """
    if not labels:
        return [(None, text)] if text else []
    alternatives = "|".join(re.escape(lab) for lab in sorted(labels, key=len, reverse=True))
    pattern = re.compile(f"({alternatives})")
    parts = pattern.split(text)
    out: list[tuple[str | None, str]] = []
    if parts[0]:
        out.append((None, parts[0]))
    for i in range(1, len(parts), 2):
        out.append((parts[i], parts[i + 1]))
    return out


_PLACE = re.compile(r"^(?P<name>.+?)\s*\((?P<place>[A-Z][\w .'-]+)\)$")
_PUBLISHER_NOISE = re.compile(
    r"^(?:\u00a9|\(c\)|copyright)\s*|\s*(?:,?\s*(?:19|20)\d\d)?(?:\s+\d{1,4})?\s*[.,;]?$", re.IGNORECASE)


def publisher_name(text: str) -> tuple[str | None, str | None]:
    """A publisher's name and place from a copyright or running-footer fragment: the ``©`` sign, a year
    and the printed page number that running footers glue on are not part of the name.

    >>> publisher_name("\u00a9 Pier Professional Ltd 7")
    ('Pier Professional Ltd', None)
    >>> publisher_name("\u00a9Pavilion Publishing (Brighton) 1996")
    ('Pavilion Publishing', 'Brighton')
    >>> publisher_name("Emerald Publishing Limited")
    ('Emerald Publishing Limited', None)
    """
    name = clean(text)
    for _ in range(3):  # "© … 1996 14": sign, year and page number, in any order at the ends
        stripped = _PUBLISHER_NOISE.sub("", name).strip()
        if stripped == name:
            break
        name = stripped
    place = None
    if (m := _PLACE.match(name)) is not None:
        name, place = m["name"].strip(), m["place"].strip()
    return (name or None), place
