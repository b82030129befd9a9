"""Building blocks of the style templates: labelled segments, names, dates, page ranges.

A rendered reference is a list of ``(text, label)`` segments; the label is the field the text came
from (``O`` for the style's punctuation and marker words). Labels of names: ``af``/``ag`` (an
author's family / given part), ``as`` (what separates authors, and "et al."); ``ef``/``eg``/``es``
the same for editors.
"""

from __future__ import annotations

import random

from peerkg.references.synth.records import Person, Record

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Out:
    """The segments of one reference as it is rendered."""

    def __init__(self) -> None:
        self.segs: list[tuple[str, str]] = []

    def add(self, text: str | None, label: str = "O") -> Out:
        if text and label == "O" and text[0] == "." and self.segs and self.segs[-1][0][-1:] in ("?", "!", "."):
            text = text[1:]  # "What helps?." is never printed
        if text:
            self.segs.append((text, label))
        return self

    def o(self, text: str) -> Out:
        return self.add(text, "O")

    def text(self) -> str:
        return "".join(t for t, _ in self.segs)


def initials(given: tuple[str, ...], dots: bool = True, space: bool = True) -> str:
    parts = []
    for g in given:
        bits = [b for b in g.split("-") if b]
        if dots:
            parts.append("-".join(b[0].upper() + "." for b in bits))
        else:
            parts.append("".join(b[0].upper() for b in bits))
    return (" " if space and dots else "").join(parts)


def name(out: Out, p: Person, fmt: str, role: str = "a", rng: random.Random | None = None) -> None:
    """One name in ``fmt``: "F, I." "F, I.I." "F I" (Vancouver) "F I." "F, G" "G F" "I. F" "I.F" "F G"."""
    f, g = role + "f", role + "g"
    if p.org or not p.given:
        out.add(p.family, f)
        return
    caps = rng is not None and rng.random() < 0.03
    family = p.family.upper() if caps else p.family
    if fmt == "F, I.":
        out.add(family, f).add(", " + initials(p.given), g)
    elif fmt == "F, I.I.":
        out.add(family, f).add(", " + initials(p.given, space=False), g)
    elif fmt == "F I":
        out.add(family, f).add(" " + initials(p.given, dots=False), g)
    elif fmt == "F I.":
        out.add(family, f).add(" " + initials(p.given, space=False), g)
    elif fmt == "F, G":
        out.add(family, f).add(", " + " ".join(p.given), g)
    elif fmt == "F G":
        out.add(family, f).add(" " + " ".join(p.given), g)
    elif fmt == "G F":
        out.add(" ".join(p.given), g).o(" ").add(family, f)
    elif fmt == "I.F":
        out.add(initials(p.given, space=False), g).o(" ").add(family, f)
    else:  # "I. F"
        out.add(initials(p.given), g).o(" ").add(family, f)


def names(
    out: Out,
    ps: tuple[Person, ...],
    first: str,
    rest: str | None = None,
    sep: str = ", ",
    last: str = " and ",
    role: str = "a",
    max_n: int = 99,
    keep: int | None = None,
    etal: str = " et al.",
    rng: random.Random | None = None,
) -> None:
    """A name list: ``first`` format for the first name, ``rest`` for the others; more than ``max_n``
    names print the first ``keep`` and ``etal``."""
    rest = rest or first
    cut = len(ps) > max_n
    shown = ps[: (keep or max_n)] if cut else ps
    for i, p in enumerate(shown):
        if i:
            out.add(last if (i == len(shown) - 1 and not cut) else sep, role + "s")
        name(out, p, first if i == 0 else rest, role, rng)
    if cut:
        out.add(etal, role + "s")


def year_text(r: Record) -> str:
    if r.year is None:
        return r.extra.get("nodate", "n.d.")
    if "years" in r.extra:  # a volume spanning two years: "1956/7"
        return r.extra["years"]
    return f"{r.year}{r.suffix or ''}"


def page_range(r: Record, dash: str = "-", abbreviate: bool = False) -> str | None:
    if not r.pages:
        return None
    start, end = r.pages
    if end is None:
        return start
    if abbreviate and len(end) == len(start):
        i = 0
        while i < len(end) - 1 and end[i] == start[i]:
            i += 1
        end = end[i:]
    return f"{start}{dash}{end}"


def dash(rng: random.Random) -> str:
    return rng.choice(("-", "-", "–", "–", "‐", "—"))


def quotes(rng: random.Random, curly: bool = True) -> tuple[str, str]:
    if curly:
        return rng.choice((("“", "”"), ("“", "”"), ('"', '"'), ("‘", "’")))
    return rng.choice((('"', '"'), ('"', '"'), ("“", "”")))


def doi_text(r: Record, rng: random.Random, forms: tuple[str, ...] = ("url",)) -> tuple[str, str]:
    """(prefix, DOI as printed): "https://doi.org/10…", "doi:10…", "DOI: 10…", "http://dx.doi.org/10…"."""
    assert r.doi
    form = rng.choice(forms)
    if form == "url":
        return "", rng.choice(
            ("https://doi.org/", "https://doi.org/", "http://dx.doi.org/", "https://dx.doi.org/")
        ) + r.doi
    if form == "doi:":
        return rng.choice(("doi:", "doi: ", "DOI: ", "doi ", "DOI ")), r.doi
    return "", r.doi


def accessed_text(r: Record, fmt: str) -> str:
    assert r.accessed
    y, m, d = r.accessed
    if fmt == "dmy":
        return f"{d} {MONTHS[m - 1]} {y}"
    if fmt == "mdy":
        return f"{MONTHS[m - 1]} {d}, {y}"
    if fmt == "ymd":
        return f"{y} {MON[m - 1]} {d}"
    return f"{d} {MON[m - 1]}. {y}"


def title_case(text: str) -> str:
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "at", "by", "with", "from", "but", "vs"}
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if w and (i == 0 or w.casefold() not in small or out[-1].endswith(":")) and w[0].islower():
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def title_as(r: Record, case: str) -> str:
    return title_case(r.title) if case == "title" else r.title


def venue(r: Record, abbrev: bool) -> str:
    return (r.container_abbrev or r.container or "") if abbrev else (r.container or "")


def place_pub(out: Out, r: Record, order: str = "place: pub") -> None:
    """ "London: Routledge" / "Routledge, London" / "Routledge"."""
    if order == "place: pub":
        if r.place:
            out.add(r.place, "place").o(": ")
        out.add(r.publisher, "publisher")
    else:
        out.add(r.publisher, "publisher")
        if r.place:
            out.o(", ").add(r.place, "place")


def edition(out: Out, r: Record, word: str, before: str = " ") -> None:
    if r.edition:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(r.edition, "th")
        out.o(before).add(f"{r.edition}{suffix}", "edition").o(f" {word}")


def tail_url(out: Out, r: Record, rng: random.Random, lead: str, acc_fmt: str, acc_words: str) -> None:
    if r.url:
        out.o(lead).add(r.url, "url")
    if r.accessed:
        out.o(acc_words.split("|")[0]).add(accessed_text(r, acc_fmt), "accessed").o(acc_words.split("|")[1])
