"""Journal titles: the best-formed of the variants pages print for one journal.

A running head prints ``MENTALHEALTH AND SOCIAL INCLUSION``, a listing ``Mental Health and Social
Inclusion``: the preferred title is the variant in mixed case (not all capitals), then the one with the
most words (words glued by a lost space count less), then the one most pages print, then the first in
alphabetical order — so the choice does not depend on the order of the pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from peerkg.normalise.keys import title_key

__all__ = ["journal_key", "preferred_title"]

_WORD = re.compile(r"[^\W\d_]+")
_AMPERSAND = re.compile(r"\s*&\s*")


def journal_key(title: str | None) -> str:
    """The key printed variants of one journal title share: case, accents, punctuation, a leading "The",
    "&" for "and" and lost or added spaces do not count.

    >>> journal_key("MENTALHEALTH AND SOCIAL INCLUSION") == journal_key("Mental Health & Social Inclusion")
    True
    >>> journal_key("The Mental Health Review"), journal_key("Mental Health Review Journal")
    ('mentalhealthreview', 'mentalhealthreviewjournal')
    """
    words = title_key(_AMPERSAND.sub(" and ", title or "")).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return "".join(words)


def _form(title: str) -> tuple[bool, int]:
    letters = [c for c in title if c.isalpha()]
    mixed = any(c.islower() for c in letters) and any(c.isupper() for c in letters)
    return mixed, len(_WORD.findall(title))


def preferred_title(variants: Iterable[str]) -> str | None:
    """The best-formed title among ``variants`` (as printed, repeats counted), None when there is none.

    >>> preferred_title(["MENTALHEALTH AND SOCIAL INCLUSION", "Mental Health and Social Inclusion",
    ...                  "MENTAL HEALTH AND SOCIAL INCLUSION"])
    'Mental Health and Social Inclusion'
    >>> preferred_title(["The Mental Health Review", "The mental health review", "The Mental Health Review"])
    'The Mental Health Review'
    """
    counts = Counter(v for v in variants if v and v.strip())
    if not counts:
        return None
    return min(counts, key=lambda v: (not _form(v)[0], -_form(v)[1], -counts[v], v))
