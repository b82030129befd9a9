"""Author-date styles: the year follows the names (Emerald, APA 6/7 and BPS, Chicago and Taylor & Francis,
Springer, Wiley, Cambridge "cited by" lists, plain Harvard variants)."""

from __future__ import annotations

import random

from peerkg.references.synth import render as R
from peerkg.references.synth.records import Record


def emerald(r: Record, rng: random.Random) -> R.Out:
    out = R.Out()
    R.names(out, r.authors, "F, I." if rng.random() < 0.8 else "F, I.I.", last=" and ", rng=rng)
    if r.authors_are_editors:
        out.o(" (Eds)" if len(r.authors) > 1 else " (Ed.)")
    out.o(" (").add(R.year_text(r), "year").o("), ")
    q1, q2 = R.quotes(rng)
    if r.kind in ("article", "chapter", "web", "newspaper") or (r.kind == "report" and r.url):
        out.o(q1).add(r.title, "title").o(q2)
    else:
        out.add(R.title_as(r, "title"), "title")
    if r.kind == "article":
        out.o(", ").add(r.container, "container")
        out.o(", Vol. ").add(r.volume, "volume")
        if r.issue:
            out.o(" No. ").add(r.issue, "issue")
        pr = R.page_range(r, R.dash(rng), abbreviate=rng.random() < 0.3)
        if pr:
            out.o(", pp. " if r.pages and r.pages[1] else ", p. ").add(pr, "pages")
    elif r.kind == "chapter":
        out.o(", in ")
        R.names(out, r.editors, "F, I.", role="e", rng=rng)
        out.o(" (Eds), " if len(r.editors) > 1 else " (Ed.), ").add(r.container, "container")
        R.edition(out, r, "ed.", ", ")
        out.o(", ")
        R.place_pub(out, r, "pub, place")
        out.o(", pp. ").add(R.page_range(r, R.dash(rng)), "pages")
    elif r.kind == "thesis":
        out.o(", ").add(r.degree, "genre").o(", ").add(r.publisher, "publisher")
        if r.place:
            out.o(", ").add(r.place, "place")
    elif r.kind == "newspaper":
        out.o(", ").add(r.container, "container").o(", ").add(f"{r.day} {R.MONTHS[(r.month or 1) - 1]}", "date")
        if r.pages:
            out.o(", p. ").add(r.pages[0], "pages")
    elif r.kind == "web":
        if r.container:
            out.o(", ").add(r.container, "container")
    else:
        R.edition(out, r, "ed.", ", ")
        if r.series:
            out.o(", ").add(r.series, "container")
        if r.publisher:
            out.o(", ")
            R.place_pub(out, r, "pub, place")
    if r.doi and r.kind != "article":
        out.o(", doi: ").add(r.doi, "doi")
    R.tail_url(out, r, rng, ", available at: ", "dmy", " (accessed |)")
    out.o(".")
    if r.doi and r.kind == "article" and rng.random() < 0.4:
        p, d = R.doi_text(r, rng, ("url", "doi:"))
        out.o(" " + p).add(d, "doi")
    return out


def apa(r: Record, rng: random.Random, version: int = 7, bps: bool = False) -> R.Out:
    out = R.Out()
    last = " & " if bps else ", & "
    if version == 7:
        R.names(out, r.authors, "F, I.", last=last, max_n=20, keep=19, etal=", . . . ", rng=rng)
    else:
        R.names(out, r.authors, "F, I.", last=last, max_n=7, keep=6, etal=", et al.", rng=rng)
    if r.authors_are_editors:
        out.o(" (Eds.)." if len(r.authors) > 1 else " (Ed.).")
    if r.kind == "newspaper":
        out.o(" (").add(R.year_text(r), "year").o(", ").add(f"{R.MONTHS[(r.month or 1) - 1]} {r.day}", "date").o("). ")
    else:
        out.o(" (").add(R.year_text(r), "year").o("). ")
    out.add(r.title, "title")
    if r.kind == "article":
        out.o(". ").add(r.container, "container").o(", ").add(r.volume, "volume")
        if r.issue:
            out.o("(").add(r.issue, "issue").o(")")
        pr = R.page_range(r, rng.choice(("–", "-", "–")))
        if pr:
            out.o(", ").add(pr, "pages")
        out.o(".")
        if r.doi:
            p, d = R.doi_text(r, rng, ("url",) if version == 7 else ("doi:", "url"))
            out.o(" " + p).add(d, "doi")
        return out
    if r.kind == "chapter":
        out.o(". In ")
        R.names(out, r.editors, "I. F", last=" & " if len(r.editors) == 2 else ", & ", role="e", rng=rng)
        out.o(" (Eds.), " if len(r.editors) > 1 else " (Ed.), ").add(r.container, "container")
        out.o(" (")
        if r.edition:
            R.edition(out, r, "ed., ", "")
        out.o("pp. ").add(R.page_range(r, "–"), "pages").o("). ")
        if version == 6:
            R.place_pub(out, r)
        else:
            out.add(r.publisher, "publisher")
        out.o(".")
    elif r.kind == "thesis":
        if version == 7:
            out.o(" [").add(r.degree, "genre").o(", ").add(r.publisher, "publisher").o("]")
            if rng.random() < 0.5:
                out.o(". ").add(
                    rng.choice(
                        (
                            "ProQuest Dissertations and Theses Global",
                            "Nottingham eTheses",
                            "White Rose eTheses Online",
                            "Enlighten: Theses",
                            "UCL Discovery",
                            "Research Repository",
                        )
                    ),
                    "container",
                )
        else:
            out.o(" (").add(r.degree, "genre").o(")")
        out.o(".")
        if version == 6:
            out.o(" ").add(r.publisher, "publisher").o(".")
    elif r.kind in ("book", "report"):
        if r.edition:
            out.o(" (")
            R.edition(out, r, "ed.", "")
            out.o(")")
        if r.series:
            out.o(" (").add(r.series, "container").o(")")
        out.o(". ")
        if version == 6 and r.place:
            R.place_pub(out, r)
            out.o(".")
        elif not (r.kind == "report" and r.authors and r.authors[0].family == r.publisher):
            out.add(r.publisher, "publisher").o(".")
    elif r.kind == "newspaper":
        out.o(". ").add(r.container, "container").o(".")
    else:
        out.o(".")
        if r.container:
            out.o(" ").add(r.container, "container").o(".")
    if r.doi and r.kind != "article":
        p, d = R.doi_text(r, rng)
        out.o(" " + p).add(d, "doi")
    if r.url:
        if version == 6 or (r.accessed and rng.random() < 0.5):
            if r.accessed:
                out.o(" Retrieved ").add(R.accessed_text(r, "mdy"), "accessed").o(", from ")
            else:
                out.o(" Retrieved from ")
        else:
            out.o(" ")
        out.add(r.url, "url")
    return out


def chicago(r: Record, rng: random.Random, tandf: bool = False) -> R.Out:
    out = R.Out()
    if tandf:
        R.names(out, r.authors, "F, I.", "I. F", last=", and " if len(r.authors) > 2 else ", and ", rng=rng)
    else:
        R.names(
            out, r.authors, "F, G", "G F", last=", and " if len(r.authors) > 2 else " and ", max_n=10, keep=7, rng=rng
        )
    if r.authors_are_editors:
        out.o(", eds." if len(r.authors) > 1 else ", ed.")
    out.o(". ").add(R.year_text(r), "year").o(". ")
    q1, q2 = R.quotes(rng)
    title = R.title_as(r, "title")
    if r.kind in ("article", "chapter", "newspaper", "web"):
        out.o(q1).add(title, "title").o("." + q2 if not title.endswith("?") else q2)
    else:
        out.add(title, "title").o(".")
    if r.kind == "article":
        out.o(" ").add(r.container, "container").o(" ").add(r.volume, "volume")
        if r.issue:
            out.o(" (").add(r.issue, "issue").o(")")
        pr = R.page_range(r, "–")
        if pr:
            out.o(": ").add(pr, "pages")
        out.o(".")
        if r.doi:
            p, d = R.doi_text(r, rng, ("url", "doi:") if tandf else ("url",))
            out.o(" " + p).add(d, "doi").o("." if tandf else "")
        return out
    if r.kind == "chapter":
        out.o(" In ").add(r.container, "container").o(", edited by ")
        R.names(out, r.editors, "G F", last=", and " if len(r.editors) > 2 else " and ", role="e", rng=rng)
        out.o(", ").add(R.page_range(r, "–"), "pages").o(". ")
        R.place_pub(out, r)
        out.o(".")
    elif r.kind == "thesis":
        out.o(" ").add(r.degree, "genre").o(", ").add(r.publisher, "publisher").o(".")
    elif r.kind == "newspaper":
        out.o(" ").add(r.container, "container").o(", ").add(f"{R.MONTHS[(r.month or 1) - 1]} {r.day}", "date").o(".")
    elif r.kind in ("book", "report"):
        R.edition(out, r, "ed.", " ")
        if r.edition:
            out.o(".")
        if r.publisher:
            out.o(" ")
            R.place_pub(out, r)
            out.o(".")
    elif r.container:
        out.o(" ").add(r.container, "container").o(".")
    if r.accessed:
        out.o(" Accessed ").add(R.accessed_text(r, "mdy"), "accessed").o(".")
    if r.url:
        out.o(" ").add(r.url, "url").o(".")
    return out


def springer(r: Record, rng: random.Random) -> R.Out:
    out = R.Out()
    R.names(out, r.authors, "F I", last=", ", rng=rng)
    if r.authors_are_editors:
        out.o(" (eds)" if len(r.authors) > 1 else " (ed)")
    out.o(" (").add(R.year_text(r), "year").o(") ").add(r.title, "title")
    if r.kind == "article":
        out.o(". ").add(r.container_abbrev if rng.random() < 0.6 else r.container, "container").o(" ").add(
            r.volume, "volume"
        )
        if r.issue:
            out.o("(").add(r.issue, "issue").o(")")
        pr = R.page_range(r, "–")
        if pr:
            out.o(":").add(pr, "pages")
        if r.doi:
            out.o(". ").add("https://doi.org/" + r.doi, "doi")
        return out
    if r.kind == "chapter":
        out.o(". In: ")
        R.names(out, r.editors, "F I", last=", ", role="e", rng=rng)
        out.o(" (eds) " if len(r.editors) > 1 else " (ed) ").add(r.container, "container")
        R.edition(out, r, "edn", ", ")
        out.o(". ")
        R.place_pub(out, r, "pub, place")
        out.o(", pp ").add(R.page_range(r, "–"), "pages")
        return out
    if r.kind == "thesis":
        out.o(". ").add(r.degree, "genre").o(", ").add(r.publisher, "publisher")
        return out
    if r.kind in ("book", "report"):
        R.edition(out, r, "edn", ", ")
        if r.publisher:
            out.o(". ")
            R.place_pub(out, r, "pub, place")
    if r.kind == "newspaper":
        out.o(". ").add(r.container, "container").o(", ").add(f"{r.day} {R.MONTHS[(r.month or 1) - 1]}", "date")
    if r.url:
        out.o(". ").add(r.url, "url")
    if r.accessed:
        out.o(". Accessed ").add(R.accessed_text(r, "dmy"), "accessed")
    return out


def wiley(r: Record, rng: random.Random) -> R.Out:
    """Wiley's Harvard (nursing journals): ``Repper J. & Carter T. (2011) Title. Journal 20, 392–411.``"""
    out = R.Out()
    R.names(out, r.authors, "F I.", last=" & ", rng=rng)
    if r.authors_are_editors:
        out.o(" (eds)" if len(r.authors) > 1 else " (ed.)")
    out.o(" (").add(R.year_text(r), "year").o(") ").add(r.title, "title").o(". ")
    if r.kind == "article":
        out.add(r.container, "container").o(" ").add(r.volume, "volume")
        pr = R.page_range(r, "–")
        if pr:
            out.o(", ").add(pr, "pages")
        out.o(".")
        return out
    if r.kind == "chapter":
        out.o("In ").add(r.container, "container").o(" (")
        R.names(out, r.editors, "F I.", last=" & ", role="e", rng=rng)
        out.o(" eds), pp. ").add(R.page_range(r, "–"), "pages").o(". ")
    elif r.kind == "thesis":
        out.add(r.degree, "genre").o(", ").add(r.publisher, "publisher").o(".")
        return out
    elif r.kind == "newspaper":
        out.add(r.container, "container").o(", ").add(f"{r.day} {R.MONTHS[(r.month or 1) - 1]}", "date").o(".")
        return out
    elif r.kind == "web":
        if r.url:
            out.o("Available at: ").add(r.url, "url")
        if r.accessed:
            out.o(" (accessed ").add(R.accessed_text(r, "dmy"), "accessed").o(")")
        out.o(".")
        return out
    R.edition(out, r, "edn", "")
    if r.edition:
        out.o(". ")
    R.place_pub(out, r, "pub, place")
    out.o(".")
    return out


def cambridge(r: Record, rng: random.Random) -> R.Out:
    """Cambridge Core "cited by" lists.

    ``Family, Given Family, Given and Family, Given 2016. Title. Journal, Vol. 20, Issue. 4, p. 392.``
    """
    out = R.Out()
    R.names(out, r.authors, "F, G", sep=" ", last=" and ", rng=rng)
    out.o(" ").add(R.year_text(r), "year").o(". ").add(r.title, "title").o(". ")
    if r.kind == "article":
        out.add(r.container, "container").o(", Vol. ").add(r.volume, "volume")
        if r.issue:
            out.o(", Issue. ").add(r.issue, "issue")
        if r.pages:
            out.o(", p. ").add(r.pages[0], "pages")
        out.o(".")
    elif r.kind == "chapter":
        out.add(r.container, "container").o(".").o(" p. ").add(r.pages[0] if r.pages else None, "pages").o(".")
    else:
        out.add(r.publisher, "publisher").o(".")
    return out


def harvard(r: Record, rng: random.Random) -> R.Out:
    """Plain Harvard variants: ``Smith, J. 2019. Title. Journal 14(3): 153-60.``, ``Smith, J. (2019) Title,
    Journal, 19, 389-390.``, Elsevier ``Smith, J., Jones, K., 2019. Title. Journal 20, 392–411.``"""
    out = R.Out()
    variant = rng.choice(("bare", "comma", "elsevier", "paren"))
    R.names(
        out,
        r.authors,
        "F, I." if variant != "paren" else rng.choice(("F I", "F, I.")),
        last=", " if variant == "elsevier" else rng.choice((" and ", " & ")),
        rng=rng,
    )
    if r.authors_are_editors:
        out.o(" (eds)" if len(r.authors) > 1 else " (ed.)")
    if variant == "bare":
        out.o(" ").add(R.year_text(r), "year").o(". ")
    elif variant == "elsevier":
        out.o(", ").add(R.year_text(r), "year").o(". ")
    else:
        out.o(" (").add(R.year_text(r), "year").o(") ")
    sep = ", " if variant == "comma" else ". "
    out.add(r.title, "title").o(sep)
    if r.kind == "article":
        out.add(r.container, "container")
        if variant == "comma":
            out.o(", ").add(r.volume, "volume")
            if r.issue and rng.random() < 0.5:
                out.o("(").add(r.issue, "issue").o(")")
            pr = R.page_range(r, "-")
            if pr:
                out.o(", ").add(pr, "pages")
        elif variant == "bare":
            out.o(" ").add(r.volume, "volume")
            if r.issue:
                out.o("(").add(r.issue, "issue").o(")")
            pr = R.page_range(r, "-", abbreviate=True)
            if pr:
                out.o(": ").add(pr, "pages")
        else:
            out.o(rng.choice((" ", ", "))).add(r.volume, "volume")
            if r.issue and variant == "paren":
                out.o("(").add(r.issue, "issue").o(")")
            pr = R.page_range(r, "–")
            if pr:
                out.o(", " if variant == "elsevier" else ": ").add(pr, "pages")
        out.o(".")
        if r.doi and rng.random() < 0.5:
            out.o(" ").add("https://doi.org/" + r.doi, "doi")
        return out
    if r.kind == "chapter":
        out.o("In: " if rng.random() < 0.5 else "In ")
        R.names(out, r.editors, "F, I.", last=" and ", role="e", rng=rng)
        if rng.random() < 0.3:  # Cite Them Right without brackets: "In: Hall, S. and du Gay, P. eds. Title."
            out.o(" eds. " if len(r.editors) > 1 else " ed. ")
        else:
            out.o(" (eds.) " if len(r.editors) > 1 else " (ed.) ")
        out.add(r.container, "container").o(sep)
        R.place_pub(out, r)
        out.o(", pp. ").add(R.page_range(r, "-"), "pages").o(".")
        return out
    if r.kind == "thesis":
        out.add(r.degree, "genre").o(sep).add(r.publisher, "publisher").o(".")
        return out
    if r.kind == "newspaper":
        out.add(r.container, "container").o(sep).add(f"{r.day} {R.MONTHS[(r.month or 1) - 1]}", "date").o(".")
        return out
    if r.kind == "web":
        out.o("Available at: " if r.url else "").add(r.url, "url")
        if r.accessed:
            out.o(" [Accessed ").add(R.accessed_text(r, "dmy"), "accessed").o("]")
        out.o(".")
        return out
    R.edition(out, r, "edn", "")
    if r.edition:
        out.o(sep)
    R.place_pub(out, r, rng.choice(("place: pub", "pub, place")))
    out.o(".")
    return out
