"""Matching and minting keys: the one definition of each, used by resolution and IRI minting alike.

Two records describe the same thing when their keys are equal, and a node's IRI is minted from the same
keys, so a difference between "the key resolution compares" and "the key the IRI is made from" cannot
arise. Every function here is pure and total (``None`` and the empty string give the empty key).

* :func:`fold` — quotes and dashes unified, accents stripped, case folded: the base of every key.
* :func:`title_key` — titles, abstracts and venue names: :func:`fold`, punctuation to spaces, spaces collapsed.
* :func:`family_key` — family (and organisation) names: letters and digits of :func:`fold` only.
* :func:`slug` — the lower-case ASCII path segment of an IRI: ``"Mental Health"`` → ``"mental-health"``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["family_key", "fold", "slug", "title_key"]

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
                        | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str | None) -> str:
    """Quotes and dashes unified, compatibility forms and accents taken apart and dropped, case folded.

    >>> fold("José’s CAFÉ")
    "jose's cafe"
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def title_key(title: str | None) -> str:
    """The key titles (and abstracts, venue names) compare on.

    >>> title_key("Harnessing the ‘lived experience’: formalising…")
    'harnessing the lived experience formalising'
    """
    return " ".join(_PUNCTUATION.sub(" ", fold(title)).split())


def family_key(name: str | None) -> str:
    """Family names compare on letters and digits only: "O'Hagan" = "OHagan", "Müller" = "Muller".

    >>> family_key("O’Hagan"), family_key("Lloyd-Evans"), family_key("Lawton-Smith") == family_key("Smith")
    ('ohagan', 'lloydevans', False)
    """
    return _NOT_ALNUM.sub("", fold(name))


def slug(text: str | None) -> str:
    """Lower-case ASCII slug: ``"Psychiatry and Mental health"`` → ``"psychiatry-and-mental-health"``.

    >>> slug("Repper, J."), slug("Ça va – bien"), slug("…")
    ('repper-j', 'ca-va-bien', '')
    """
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
