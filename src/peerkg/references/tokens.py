"""Reference strings → tokens → CRF features.

Tokens are word runs, digit runs, URLs, DOIs and single punctuation characters, each with its
character span in the string, so a field is always a slice of the printed text. Splitting letters
from digits undoes scrape damage such as ``2013Google Scholar`` without any rule about it.

Features are plain strings (what CRFsuite reads): the token's form and shape, word lists of this
literature (months, places, publishers, journal words, markers such as ``pp.``/``Vol.``/``In``), the
brackets and quotes it stands in, what came before it in the string (a year, a closing quote,
how many full stops), and the same for its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from peerkg.references import lexicon as lx

__all__ = ["Token", "tokenize", "features"]

_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:)\]])"
    r"|(?P<doi>10\.\d{4,9}/[^\s\"<>]*[^\s\"<>.,;)\]])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<num>\d+)"
    r"|(?P<other>\S)")
_OPEN_Q = frozenset("“\"«„")
_CLOSE_Q = frozenset("”\"»“")


class Token(NamedTuple):
    """One token and its character span in the string (a tuple: cheap to make, forty to a string)."""

    text: str
    start: int
    end: int
    kind: str  # "url", "doi", "word", "num", "other"
    space_before: bool


def tokenize(text: str) -> list[Token]:
    matches = list(_TOKEN.finditer(text))
    spans = [m.span() for m in matches]
    ends = [0, *(e for _, e in spans[:-1])] if spans else []
    make = tuple.__new__  # Token's own __new__ is a Python function: a tenth of the time per token
    return [make(Token, (m.group(), s, e, m.lastgroup or "other", s > before or s == 0))
            for m, (s, e), before in zip(matches, spans, ends, strict=True)]


@lru_cache(maxsize=65536)
def _word_features(text: str, kind: str) -> tuple[bytes, ...]:
    """Features of a token on its own, as the UTF-8 bytes CRFsuite reads (cached: reference lists repeat
    their words, and bytes need no encoding on the way into the tagger)."""
    low = text.casefold()
    f = [f"w={low}", f"k={kind}"]
    if kind == "word":
        shape = "C" if text[0].isupper() else "l"
        if text.isupper():
            shape = "U1" if len(text) == 1 else ("U2" if len(text) <= 3 else "U")
        elif text[0].isupper() and any(c.isupper() for c in text[1:]):
            shape = "M"  # McDonald, DClinPsy
        f.append(f"s={shape}")
        f.append(f"len={min(len(text), 8)}")
        f.append(f"suf={low[-3:]}")
        if low in lx.MONTHS:
            f.append("month")
        if low in lx.PARTICLES:
            f.append("particle")
        if low in lx.GIVEN:
            f.append("given")
        if low in lx.FAMILY:
            f.append("family")
        if low in lx.CONTAINER_WORDS:
            f.append("venue")
        if low in lx.PUBLISHER_WORDS:
            f.append("press")
        if low in lx.PLACE_WORDS:
            f.append("place")
        if low in lx.ORG_WORDS:
            f.append("org")
        if low in lx.STOPWORDS:
            f.append("stop")
        if low in lx.MARKERS:
            f.append(f"mk={lx.MARKERS[low]}")
        if low in lx.NOTE_WORDS:
            f.append("note")
        if low in lx.GENRE_WORDS:
            f.append("genre")
        if re.fullmatch(r"(?:st|nd|rd|th)", low):
            f.append("ordsuf")
    elif kind == "num":
        n = len(text)
        f.append(f"d={min(n, 6)}")
        if n == 4 and 1500 <= int(text) <= 2099:
            f.append("yearlike")
        if n <= 2:
            f.append("small")
        if text[0] == "0":
            f.append("lead0")
    elif kind == "other":
        f.append(f"p={text}")
    return tuple(x.encode() for x in f)


@lru_cache(maxsize=65536)
def _as_neighbour(low: str) -> tuple[bytes, bytes, bytes, bytes]:
    """What a word tells the tokens around it: ``w-2=`` / ``w-1=`` to the two after it, ``w1=`` / ``w2=`` to
    the two before it."""
    return (f"w-2={low}".encode(), f"w-1={low}".encode(), f"w1={low}".encode(), f"w2={low}".encode())


@lru_cache(maxsize=256)
def _shape_as_neighbour(shape: bytes) -> tuple[bytes, bytes]:
    return b"s-1=" + shape, b"s1=" + shape


@lru_cache(maxsize=65536)
def _word(text: str, kind: str) -> tuple[tuple[bytes, ...], str, tuple[bytes, ...], tuple[bytes, bytes]]:
    """Everything a token gives, looked up once: its own features, its lower-case form, what it tells its
    neighbours and its shape as they see it."""
    own = _word_features(text, kind)
    low = text.casefold() if kind not in ("url", "doi") else kind
    return own, low, _as_neighbour(low), _shape_as_neighbour(own[2] if len(own) > 2 else own[1])


_POS = tuple(f"pos={k}".encode() for k in range(5))
_STOPS = tuple(f"stops={k}".encode() for k in range(5))
_FIRST = (b"i=0", b"i=1", b"i=2")
_SPACED = {True: b"sp", False: b"nosp"}
_NEXT_SPACED = {True: b"w+1sp=sp", False: b"w+1sp=no"}
_BOUND = (b"w-2=BOUND", b"w-1=BOUND", b"w1=BOUND", b"w2=BOUND")
_YEAR_NUM = re.compile(r"1[5-9]\d\d|20\d\d")
_STATEFUL = frozenset("()[].?") | _OPEN_Q | _CLOSE_Q


def features(tokens: list[Token]) -> list[list[bytes]]:
    """One feature list per token: its own, its context's and its neighbours' (UTF-8 bytes).

    The context features (inside brackets or quotes, full stops so far, after a year, a closing quote or
    "In") are rebuilt only at the tokens that change them.
    """
    n = len(tokens)
    if not n:
        return []
    own, lows, near, shapes = zip(*[_word(t.text, t.kind) for t in tokens], strict=True)
    m2, m1, p1, p2 = _BOUND
    window: list[tuple[bytes, ...]] = list(zip(
        [m2, m2][:n] + [x[0] for x in near[:-2]], [m1] + [x[1] for x in near[:-1]], [b""] + [x[0] for x in shapes[:-1]],
        [x[2] for x in near[1:]] + [p1], [x[1] for x in shapes[1:]] + [b""], [x[3] for x in near[2:]] + [p2, p2][:n],
        strict=True))
    last = n - 1
    for end in {0, last}:  # no shape feature past the ends
        window[end] = tuple(x for x in window[end] if x)
    heads = [(_SPACED[t.space_before], _POS[(5 * i) // n]) for i, t in enumerate(tokens)]
    for i in range(min(n, 3)):
        heads[i] = (*heads[i], _FIRST[i])
    heads[last] = (*heads[last], b"last")
    nexts = [(_NEXT_SPACED[t.space_before],) for t in tokens[1:]] + [()]
    states = _states(tokens, lows)
    return [[*o, *h, *s, *w, *x] for o, h, s, w, x in zip(own, heads, states, window, nexts, strict=True)]


def _states(tokens: list[Token], lows: Sequence[str]) -> list[tuple[bytes, ...]]:
    """The context features of each token: what the tokens before it opened or passed."""
    out: list[tuple[bytes, ...]] = []
    paren = bracket = stops = 0
    quote = seen_year = seen_close_q = seen_in = False
    state: tuple[bytes, ...] = (_STOPS[0],)
    for i, t in enumerate(tokens):
        out.append(state)
        # state after this token
        x = t.text
        if x in _STATEFUL:
            if x == "(":
                paren += 1
            elif x == ")":
                paren = max(0, paren - 1)
            elif x == "[":
                bracket += 1
            elif x == "]":
                bracket = max(0, bracket - 1)
            elif x in _OPEN_Q and not quote:
                quote = True
            elif x in _CLOSE_Q and quote:
                quote = False
                seen_close_q = True
            elif x == "." or x == "?":
                stops += 1
        elif t.kind == "num" and len(x) == 4 and _YEAR_NUM.fullmatch(x):
            seen_year = True
        elif lows[i] == "in":
            seen_in = True
        else:
            continue
        state = tuple(name for name, on in (
            (b"paren", paren), (b"bracket", bracket), (b"quote", quote), (_STOPS[min(stops, 4)], True),
            (b"after_year", seen_year), (b"after_quote", seen_close_q), (b"after_in", seen_in)) if on)
    return out
