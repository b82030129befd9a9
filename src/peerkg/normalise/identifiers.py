"""DOIs and ISSNs: normalise and validate.

DOIs are returned bare and lower case, validated against Crossref's pattern; ISSNs are
returned as ``NNNN-NNNC`` with the mod-11 check digit verified.
"""

from __future__ import annotations

import re

from peerkg.normalise.text import normalise_hyphens

__all__ = ["DOI_PATTERN", "normalise_doi", "doi_url", "normalise_issn", "issn_is_valid",
           "issn_check_digit"]

DOI_PATTERN = re.compile(r"^10\.[0-9]{4,9}/[-._;()/:a-z0-9]+$")
_DOI_PREFIXES = re.compile(
    r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+)", re.IGNORECASE)
_ISSN = re.compile(r"^([0-9]{4})-?([0-9]{3}[0-9X])$")


def normalise_doi(text: str | None) -> str | None:
    """The bare, lower-case DOI in ``text``, or None when it is not a valid DOI.

    >>> normalise_doi("https://doi.org/10.1108/MHSI-05-2019-060")
    '10.1108/mhsi-05-2019-060'
    >>> normalise_doi("DOI: 10.1108/20428301211205892 ")
    '10.1108/20428301211205892'
    >>> normalise_doi("doi:10.12/xyz") is None  # registrant code too short
    True
    """
    if text is None:
        return None
    value = normalise_hyphens(text).strip()
    for _ in range(3):  # "DOI: https://doi.org/…"
        stripped = _DOI_PREFIXES.sub("", value).strip()
        if stripped == value:
            break
        value = stripped
    value = re.sub(r"\s+", "", value).lower().rstrip(".,;")
    return value if DOI_PATTERN.match(value) else None


def doi_url(doi: str) -> str:
    """The resolver URL of a DOI (normalised first).

    >>> doi_url("10.1108/MHSI-05-2019-060")
    'https://doi.org/10.1108/mhsi-05-2019-060'
    """
    bare = normalise_doi(doi)
    if bare is None:
        raise ValueError(f"not a valid DOI: {doi!r}")
    return f"https://doi.org/{bare}"


def issn_check_digit(first7: str) -> str:
    """The mod-11 check character for the first seven digits of an ISSN.

    >>> issn_check_digit("2042830")
    '8'
    """
    if len(first7) != 7 or not first7.isdigit():
        raise ValueError(f"need seven digits, got {first7!r}")
    total = sum(int(d) * w for d, w in zip(first7, range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalise_issn(text: str | None) -> str | None:
    """``NNNN-NNNC`` when ``text`` holds a well-formed ISSN with a correct check digit, else None.

    >>> normalise_issn("ISSN: 2042-8308")
    '2042-8308'
    >>> normalise_issn("20428309") is None
    True
    >>> normalise_issn("1755 6228")
    '1755-6228'
    """
    if text is None:
        return None
    value = normalise_hyphens(text).strip().upper()
    value = re.sub(r"^(?:E-?|P-?|ONLINE\s+|PRINT\s+)?ISSN\s*:?\s*", "", value)
    value = re.sub(r"\s+", "-", value.strip())
    m = _ISSN.match(value)
    if not m:
        return None
    digits, last = m.group(1) + m.group(2)[:3], m.group(2)[3]
    if issn_check_digit(digits) != last:
        return None
    return f"{m.group(1)}-{m.group(2)}"


def issn_is_valid(text: str | None) -> bool:
    """Whether ``text`` is a well-formed ISSN with a correct check digit.

    >>> issn_is_valid("2042-8308"), issn_is_valid("2042-8309")
    (True, False)
    """
    return normalise_issn(text) is not None
