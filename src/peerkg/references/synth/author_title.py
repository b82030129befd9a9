"""Styles where the title follows the names and the year comes late: Vancouver (NLM/ICMJE) and AMA, MLA 9,
IEEE and the Vancouver/Harvard mixes (BMC's old style, Nature)."""

from __future__ import annotations

import random

from peerkg.references.synth import render as R
from peerkg.references.synth.records import Record


def vancouver(r: Record, rng: random.Random, ama: bool = False) -> R.Out:
    out = R.Out()
    if ama:
        R.names(out, r.authors, "F I", max_n=6, keep=3, etal=", et al", rng=rng)
    else:
        R.names(out, r.authors, "F I", last=", ", max_n=6, keep=6, etal=", et al", rng=rng)
    if r.authors_are_editors:
        out.o(", editors" if len(r.authors) > 1 else ", editor")
    out.o(". ").add(r.title, "title")
    year = R.year_text(r)
    if r.kind == "article":
        out.o(". ").add(r.container_abbrev, "container").o(". ").add(year, "year")
        if r.month and not ama:
            out.o(" ").add(R.MON[r.month - 1], "date")
        out.o(";").add(r.volume, "volume")
        if r.issue:
            out.o("(").add(r.issue, "issue").o(")")
        pr = R.page_range(r, "-", abbreviate=not ama)
        if pr:
            out.o(":").add(pr, "pages")
        out.o(".")
        if r.doi:
            out.o(rng.choice((" doi:", " doi: ", " https://doi.org/"))).add(r.doi, "doi")
        return out
    web = r.kind == "web" or (r.url and r.kind == "report")
    if web and ama and r.accessed and rng.random() < 0.6:
        out.o(". Published ").add(year, "year").o(". Accessed ").add(R.accessed_text(r, "mdy"), "accessed").o(". ")
        out.add(r.url, "url")
        return out
    if web:
        out.o(" [Internet]")
    if r.kind == "thesis":
        out.o(" [").add(rng.choice(("dissertation", "PhD thesis", "thesis")) if ama is False else r.degree, "genre").o(
            "]"
        )
    if r.kind == "chapter":
        out.o(". In: ")
        R.names(out, r.editors, "F I", last=", ", role="e", rng=rng)
        out.o(", editors" if len(r.editors) > 1 else ", editor").o(". ").add(r.container, "container")
    if r.kind == "newspaper":
        out.o(". ").add(r.container, "container").o(". ").add(year, "year").o(" ").add(
            f"{R.MON[(r.month or 1) - 1]} {r.day}", "date"
        ).o(".")
        R.tail_url(out, r, rng, " Available from: ", "ymd", " [cited |]")
        return out
    R.edition(out, r, "ed", ". ")
    out.o(". ")
    if r.place or r.publisher:
        if r.place:
            out.add(r.place, "place").o(": ")
        out.add(r.publisher or (r.container if web else None), "publisher").o("; ")
    out.add(year, "year")
    if web and r.accessed:
        out.o(" [cited ").add(R.accessed_text(r, "ymd"), "accessed").o("]")
    if r.kind == "chapter":
        out.o(". p. ").add(R.page_range(r, "-"), "pages")
    out.o(".")
    if r.url:
        out.o(" Available from: ").add(r.url, "url")
    return out


def mla(r: Record, rng: random.Random) -> R.Out:
    out = R.Out()
    if len(r.authors) >= 3:
        R.names(out, r.authors[:1], "F, G", rng=rng)
        out.add(", et al", "as")
    else:
        R.names(out, r.authors, "F, G", "G F", last=", and ", rng=rng)
    if r.authors_are_editors:
        out.o(", editors" if len(r.authors) > 1 else ", editor")
    out.o(". ")
    title = R.title_as(r, "title")
    if r.kind in ("article", "chapter", "newspaper", "web"):
        out.o("“").add(title, "title").o(".”" if not title.endswith("?") else "”")
    else:
        out.add(title, "title").o(".")
    year = R.year_text(r)
    if r.kind == "article":
        out.o(" ").add(r.container, "container").o(", vol. ").add(r.volume, "volume")
        if r.issue:
            out.o(", no. ").add(r.issue, "issue")
        out.o(", ").add(year, "year")
        pr = R.page_range(r, "-")
        if pr:
            out.o(", pp. " if r.pages and r.pages[1] else ", p. ").add(pr, "pages")
        if r.doi:
            out.o(", ").add("https://doi.org/" + r.doi if rng.random() < 0.5 else "doi:" + r.doi, "doi")
        out.o(".")
        return out
    if r.kind == "chapter":
        out.o(" ").add(r.container, "container").o(", edited by ")
        R.names(out, r.editors, "G F", last=" and ", role="e", rng=rng)
        out.o(", ").add(r.publisher, "publisher").o(", ").add(year, "year").o(", pp. ").add(
            R.page_range(r, "-"), "pages"
        ).o(".")
    elif r.kind == "thesis":
        out.o(" ").add(r.publisher, "publisher").o(", ").add(year, "year").o(". ").add(r.degree, "genre").o(".")
    elif r.kind == "newspaper":
        out.o(" ").add(r.container, "container").o(", ").add(f"{r.day} {R.MON[(r.month or 1) - 1]}.", "date").o(
            " "
        ).add(year, "year")
        if r.url:
            out.o(", ").add(r.url, "url")
        out.o(".")
        return out
    elif r.kind == "web":
        if r.container:
            out.o(" ").add(r.container, "container").o(",")
        out.o(" ").add(year, "year")
        if r.url:
            out.o(", ").add(r.url, "url")
        out.o(".")
        if r.accessed:
            out.o(" Accessed ").add(R.accessed_text(r, "dMy"), "accessed").o(".")
        return out
    else:
        R.edition(out, r, "ed.", " ")
        if r.edition:
            out.o(",")
        out.o(" ").add(r.publisher, "publisher").o(", ").add(year, "year").o(".")
    if r.url:
        out.o(" ").add(r.url, "url").o(".")
    return out


def mixed(r: Record, rng: random.Random) -> R.Out:
    """Vancouver/Harvard mixes: BMC's old style ``Repper J, Carter T: Title. J Ment Health 2011, 20(4):392-411.``,
    ``Austin JL: Title. Proc Aristot Soc 1956;57:1-30.``, ``Repper J, Carter T (2011) Title. J Ment Health 20:392–411``,
    Nature ``Repper, J. & Carter, T. Title. J. Ment. Health 20, 392–411 (2011).``"""
    out = R.Out()
    variant = rng.choice(("bmc", "colon", "paren", "nature", "ieee"))
    if r.kind not in ("article",):
        variant = rng.choice(("paren", "colon"))
    if variant == "nature":
        R.names(out, r.authors, "F, I.", sep=", ", last=" & ", max_n=5, keep=1, etal=" et al.", rng=rng)
        out.o(" ").add(r.title, "title").o(". ")
        abbrev = r.container_abbrev or r.container or ""
        if rng.random() < 0.5:
            abbrev = " ".join(
                w + "."
                if len(w) > 2
                and w not in ("BMC", "BMJ", "PLoS", "One")
                and not w[0].islower()
                and w == w.title()
                and w not in abbrev.split()[-1:]
                else w
                for w in abbrev.split()
            )
        out.add(abbrev, "container").o(" ").add(r.volume, "volume")
        pr = R.page_range(r, "–")
        if pr:
            out.o(", ").add(pr, "pages")
        out.o(" (").add(R.year_text(r), "year").o(").")
        return out
    if variant == "ieee":
        R.names(out, r.authors, "I. F", sep=", ", last=", and " if len(r.authors) > 2 else " and ", rng=rng)
        out.o(", “").add(r.title, "title").o(",” ").add(r.container, "container").o(", vol. ").add(r.volume, "volume")
        if r.issue:
            out.o(", no. ").add(r.issue, "issue")
        pr = R.page_range(r, "–")
        if pr:
            out.o(", pp. ").add(pr, "pages")
        out.o(", ").add(R.year_text(r), "year").o(".")
        return out
    R.names(out, r.authors, "F I", last=", ", rng=rng)
    if variant == "paren":
        out.o(" (").add(R.year_text(r), "year").o(") ")
    else:
        out.o(": ")
    out.add(r.title, "title").o(". ")
    if r.kind == "article":
        out.add(r.container_abbrev, "container").o(" ")
        if variant == "bmc":
            out.add(R.year_text(r), "year").o(", ").add(r.volume, "volume")
            if r.issue:
                out.o("(").add(r.issue, "issue").o(")")
            sep = ":"
        elif variant == "colon":
            out.add(R.year_text(r), "year").o(";").add(r.volume, "volume")
            sep = ":"
        else:
            out.add(r.volume, "volume")
            if r.issue:
                out.o("(").add(r.issue, "issue").o(")")
            sep = ":"
        pr = R.page_range(r, "-")
        if pr:
            out.o(sep).add(pr, "pages")
        out.o(rng.choice((".", "")))
        return out
    if r.kind == "chapter":
        out.o("In: ").add(r.container, "container").o(". Edited by ")
        R.names(out, r.editors, "F I", last=", ", role="e", rng=rng)
        out.o(". ")
    if r.kind == "thesis":
        out.add(r.degree, "genre").o(". ")
    if r.kind in ("newspaper", "web") and r.container:
        out.add(r.container, "container").o(". ")
    if r.place:
        out.add(r.place, "place").o(": ")
    out.add(r.publisher, "publisher")
    if variant == "colon":
        out.o(rng.choice(("; ", ", "))).add(R.year_text(r), "year")
    if r.kind == "chapter" and r.pages:
        out.o(rng.choice((":", ", pp. "))).add(R.page_range(r, "-"), "pages")
    if r.url:
        out.o(". ").add(r.url, "url")
    out.o(".")
    return out
