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
from peerkg.references.synth.records import Record

Style = Callable[[Record, random.Random], R.Out]


def _title(r: Record, case: str) -> str:
    return R.title_case(r.title) if case == "title" else r.title


def _venue(r: Record, abbrev: bool) -> str:
    return (r.container_abbrev or r.container or "") if abbrev else (r.container or "")


def _place_pub(out: R.Out, r: Record, order: str = "place: pub") -> None:
    """ "London: Routledge" / "Routledge, London" / "Routledge"."""
    if order == "place: pub":
        if r.place:
            out.add(r.place, "place").o(": ")
        out.add(r.publisher, "publisher")
    else:
        out.add(r.publisher, "publisher")
        if r.place:
            out.o(", ").add(r.place, "place")


def _edition(out: R.Out, r: Record, word: str, before: str = " ") -> None:
    if r.edition:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(r.edition, "th")
        out.o(before).add(f"{r.edition}{suffix}", "edition").o(f" {word}")


def _tail_url(out: R.Out, r: Record, rng: random.Random, lead: str, acc_fmt: str, acc_words: str) -> None:
    if r.url:
        out.o(lead).add(r.url, "url")
    if r.accessed:
        out.o(acc_words.split("|")[0]).add(R.accessed_text(r, acc_fmt), "accessed").o(acc_words.split("|")[1])


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
        out.add(_title(r, "title"), "title")
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
        _edition(out, r, "ed.", ", ")
        out.o(", ")
        _place_pub(out, r, "pub, place")
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
        _edition(out, r, "ed.", ", ")
        if r.series:
            out.o(", ").add(r.series, "container")
        if r.publisher:
            out.o(", ")
            _place_pub(out, r, "pub, place")
    if r.doi and r.kind != "article":
        out.o(", doi: ").add(r.doi, "doi")
    _tail_url(out, r, rng, ", available at: ", "dmy", " (accessed |)")
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
            _edition(out, r, "ed., ", "")
        out.o("pp. ").add(R.page_range(r, "–"), "pages").o("). ")
        if version == 6:
            _place_pub(out, r)
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
            _edition(out, r, "ed.", "")
            out.o(")")
        if r.series:
            out.o(" (").add(r.series, "container").o(")")
        out.o(". ")
        if version == 6 and r.place:
            _place_pub(out, r)
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
        _tail_url(out, r, rng, " Available from: ", "ymd", " [cited |]")
        return out
    _edition(out, r, "ed", ". ")
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
    title = _title(r, "title")
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
        _place_pub(out, r)
        out.o(".")
    elif r.kind == "thesis":
        out.o(" ").add(r.degree, "genre").o(", ").add(r.publisher, "publisher").o(".")
    elif r.kind == "newspaper":
        out.o(" ").add(r.container, "container").o(", ").add(f"{R.MONTHS[(r.month or 1) - 1]} {r.day}", "date").o(".")
    elif r.kind in ("book", "report"):
        _edition(out, r, "ed.", " ")
        if r.edition:
            out.o(".")
        if r.publisher:
            out.o(" ")
            _place_pub(out, r)
            out.o(".")
    elif r.container:
        out.o(" ").add(r.container, "container").o(".")
    if r.accessed:
        out.o(" Accessed ").add(R.accessed_text(r, "mdy"), "accessed").o(".")
    if r.url:
        out.o(" ").add(r.url, "url").o(".")
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
    title = _title(r, "title")
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
        _edition(out, r, "ed.", " ")
        if r.edition:
            out.o(",")
        out.o(" ").add(r.publisher, "publisher").o(", ").add(year, "year").o(".")
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
        _edition(out, r, "edn", ", ")
        out.o(". ")
        _place_pub(out, r, "pub, place")
        out.o(", pp ").add(R.page_range(r, "–"), "pages")
        return out
    if r.kind == "thesis":
        out.o(". ").add(r.degree, "genre").o(", ").add(r.publisher, "publisher")
        return out
    if r.kind in ("book", "report"):
        _edition(out, r, "edn", ", ")
        if r.publisher:
            out.o(". ")
            _place_pub(out, r, "pub, place")
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
    _edition(out, r, "edn", "")
    if r.edition:
        out.o(". ")
    _place_pub(out, r, "pub, place")
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
        out.o(" (eds.) " if len(r.editors) > 1 else " (ed.) ").add(r.container, "container").o(sep)
        _place_pub(out, r)
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
    _edition(out, r, "edn", "")
    if r.edition:
        out.o(sep)
    _place_pub(out, r, rng.choice(("place: pub", "pub, place")))
    out.o(".")
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
}
