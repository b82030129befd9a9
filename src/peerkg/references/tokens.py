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
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "url", "doi", "word", "num", "other"
    space_before: bool


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    last = 0
    for m in _TOKEN.finditer(text):
        out.append(Token(m.group(), m.start(), m.end(), m.lastgroup or "other",
                         m.start() > last or m.start() == 0))
        last = m.end()
    return out


@lru_cache(maxsize=65536)
def _word_features(text: str, kind: str) -> tuple[str, ...]:
    """Features of a token on its own (cached: reference lists repeat their words)."""
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
    return tuple(f)


def features(tokens: list[Token]) -> list[list[str]]:
    """One feature list per token: its own, its context's and its neighbours'."""
    n = len(tokens)
    own = [_word_features(t.text, t.kind) for t in tokens]
    lows = [t.text.casefold() if t.kind not in ("url", "doi") else t.kind for t in tokens]
    shapes = [o[2] if len(o) > 2 else o[1] for o in own]
    out: list[list[str]] = []
    paren = bracket = 0
    quote = False
    seen_year = seen_close_q = seen_in = False
    stops = 0
    for i, t in enumerate(tokens):
        f = list(own[i])
        f.append("sp" if t.space_before else "nosp")
        f.append(f"pos={min(4, (5 * i) // n)}")
        if i < 3:
            f.append(f"i={i}")
        if i == n - 1:
            f.append("last")
        if paren:
            f.append("paren")
        if bracket:
            f.append("bracket")
        if quote:
            f.append("quote")
        f.append(f"stops={min(stops, 4)}")
        if seen_year:
            f.append("after_year")
        if seen_close_q:
            f.append("after_quote")
        if seen_in:
            f.append("after_in")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}={lows[j]}")
                if d in (-1, 1):
                    f.append(f"s{d}={shapes[j]}")
            else:
                f.append(f"w{d}=BOUND")
        if i + 1 < n:
            f.append(f"w+1sp={'sp' if tokens[i + 1].space_before else 'no'}")
        out.append(f)
        # state after this token
        x = t.text
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
        if t.kind == "num" and len(x) == 4 and 1500 <= int(x) <= 2099:
            seen_year = True
        if lows[i] == "in":
            seen_in = True
    return out
