"""Citation styles as templates: each renders a :class:`Record` as labelled segments.

House styles of the publishers of this literature: Emerald (Harvard), APA 6 and 7, BPS, Vancouver
(NLM/ICMJE), AMA, Chicago author-date, MLA 9, Taylor & Francis, Springer, Wiley, Elsevier Harvard,
Nature, IEEE, BMC's old style, Cambridge "cited by" lists, plain Harvard variants and the
Vancouver/Harvard mixes real lists show. Each template draws its small variations (dash, quotes,
DOI form, initials spacing) from the random generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from peerkg.references.synth import render as R
from peerkg.references.synth.author_date import apa, cambridge, chicago, emerald, harvard, springer, wiley
from peerkg.references.synth.author_title import ieee, mixed, mla, vancouver
from peerkg.references.synth.records import Record

Style = Callable[[Record, random.Random], R.Out]

STYLES: dict[str, Style] = {
    "emerald": emerald,
    "apa7": apa,
    "apa6": lambda r, rng: apa(r, rng, version=6),
    "bps": lambda r, rng: apa(r, rng, version=6, bps=True),
    "vancouver": vancouver,
    "ama": lambda r, rng: vancouver(r, rng, ama=True),
    "chicago": chicago,
    "tandf": lambda r, rng: chicago(r, rng, tandf=True),
    "mla": mla,
    "springer": springer,
    "wiley": wiley,
    "cambridge": cambridge,
    "harvard": harvard,
    "mixed": mixed,
    "ieee": ieee,
}

#: how often each style is drawn (the literature's common styles more often)
WEIGHTS = {
    "emerald": 3,
    "apa7": 3,
    "apa6": 2,
    "bps": 1,
    "vancouver": 3,
    "ama": 1,
    "chicago": 2,
    "tandf": 1,
    "mla": 1,
    "springer": 2,
    "wiley": 1,
    "cambridge": 2,
    "harvard": 3,
    "mixed": 3,
    "ieee": 3,
}
