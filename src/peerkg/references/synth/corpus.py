"""Labelled training sequences: record → style → damage → tokens with the label of their field."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from peerkg.references.synth.damage import damage
from peerkg.references.synth.records import record
from peerkg.references.synth.styles import STYLES, WEIGHTS
from peerkg.references.tokens import tokenize


@dataclass(frozen=True)
class Example:
    style: str
    text: str
    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def label_tokens(segs: list[tuple[str, str]]) -> Example:
    text = "".join(t for t, _ in segs)
    chars: list[str] = []
    for t, lab in segs:
        chars.extend([lab] * len(t))
    toks = tokenize(text)
    return Example("", text, tuple(t.text for t in toks), tuple(chars[t.start] for t in toks))


def examples(n: int, seed: int, damaged: bool = True) -> Iterator[Example]:
    """``n`` labelled strings; the same ``seed`` gives the same strings."""
    rng = random.Random(seed)
    names = sorted(STYLES)
    weights = [WEIGHTS[s] for s in names]
    for _ in range(n):
        style = rng.choices(names, weights)[0]
        segs = STYLES[style](record(rng), rng).segs
        if damaged:
            segs = damage(segs, rng)
        ex = label_tokens(segs)
        yield Example(style, ex.text, ex.tokens, ex.labels)
