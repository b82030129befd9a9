"""What scraping does to reference strings, applied to labelled segments.

Page ranges that lost their dash (``112834``), words glued at a lost space (``2013Google Scholar``),
line-break hyphens (``recov- ery``), dropped punctuation, link-label tails ("PubMed CrossRef Google
Scholar"), straight quotes for curly ones and the reverse. Labels move with the characters, so the
damaged string is labelled as exactly as the clean one.
"""

from __future__ import annotations

import random
import re

Segs = list[tuple[str, str]]

TAILS = (
    " PubMed CrossRef Google Scholar",
    " CrossRef Google Scholar",
    " Google Scholar",
    "Google Scholar",
    " CrossRef",
    " [PubMed] [Google Scholar]",
    " [Google Scholar]",
    " [CrossRef] [Google Scholar]",
    " Medline",
    " Web of Science®Google Scholar",
    " Web of Science",
    " PubMed",
    " [PMC free article] [PubMed]",
    " Find this resource:",
    " Link",
    " CrossRefPubMed",
    " ISI",
    " Google Scholar CrossRef",
    "CrossRef",
    " Article PubMed Google Scholar",
    " PubMed Google Scholar",
    " Cited Here",
)


def lose_dash(segs: Segs, rng: random.Random) -> Segs:
    return [(re.sub(r"(?<=\d)\s*[-–‐—]\s*(?=\d)", "", t) if lab == "pages" else t, lab) for t, lab in segs]


def glue(segs: Segs, rng: random.Random) -> Segs:
    """Delete one space where the characters either side differ in kind (so no two words merge)."""
    text = "".join(t for t, _ in segs)
    spots = [
        m.start()
        for m in re.finditer(r" ", text)
        if 0 < m.start() < len(text) - 1
        and _kind(text[m.start() - 1]) != _kind(text[m.start() + 1])
        and not re.search(r"(?:https?://|www\.)\S*$", text[: m.start()])
    ]
    if not spots:
        return segs
    return _delete(segs, rng.choice(spots))


def _kind(c: str) -> str:
    return "d" if c.isdigit() else ("a" if c.isalpha() else "p")


def _delete(segs: Segs, at: int) -> Segs:
    out: Segs = []
    pos = 0
    for t, lab in segs:
        if pos <= at < pos + len(t):
            t = t[: at - pos] + t[at - pos + 1 :]
            pos += 1
        pos += len(t)
        out.append((t, lab))
    return [(t, lab) for t, lab in out if t]


def tail(segs: Segs, rng: random.Random) -> Segs:
    return [*segs, (rng.choice(TAILS), "note")]


def hyphenate(segs: Segs, rng: random.Random) -> Segs:
    """A line-break hyphen inside one long word of the title or container: ``recov- ery``."""
    out = list(segs)
    cands = [i for i, (t, lab) in enumerate(segs) if lab in ("title", "container") and re.search(r"[a-z]{8,}", t)]
    if not cands:
        return segs
    i = rng.choice(cands)
    t, lab = out[i]
    words = [m for m in re.finditer(r"[a-z]{8,}", t)]
    m = rng.choice(words)
    cut = m.start() + rng.randint(3, len(m.group()) - 3)
    out[i] = (t[:cut] + rng.choice(("- ", "-\u00a0", "- ")) + t[cut:], lab)
    return out


def drop_punctuation(segs: Segs, rng: random.Random) -> Segs:
    cands = [i for i, (t, lab) in enumerate(segs) if lab == "O" and re.search(r"[.,;:]", t)]
    if not cands:
        return segs
    i = rng.choice(cands)
    t, lab = segs[i]
    new = re.sub(r"[.,;:]", "", t, count=1)
    if not new.strip() and i + 1 < len(segs) and i > 0:
        new = " "
    out = list(segs)
    out[i] = (new, lab)
    return [(x, y) for x, y in out if x]


def swap_quotes(segs: Segs, rng: random.Random) -> Segs:
    table = str.maketrans({"“": '"', "”": '"'}) if rng.random() < 0.5 else str.maketrans({"’": "'", "‘": "'"})
    return [(t.translate(table) if lab == "O" else t, lab) for t, lab in segs]


def no_space_after_comma(segs: Segs, rng: random.Random) -> Segs:
    return [
        (t.replace(", ", ",") if lab in ("ag", "eg", "as", "es") and rng.random() < 0.5 else t, lab) for t, lab in segs
    ]


DAMAGE = (
    (lose_dash, 0.07),
    (glue, 0.1),
    (tail, 0.18),
    (hyphenate, 0.05),
    (drop_punctuation, 0.1),
    (swap_quotes, 0.1),
    (no_space_after_comma, 0.03),
)


def damage(segs: Segs, rng: random.Random) -> Segs:
    for fn, p in DAMAGE:
        if rng.random() < p:
            segs = fn(segs, rng)
    if rng.random() < 0.05:  # two kinds of damage in one string is common in scrapes
        segs = glue(segs, rng)
    return segs
