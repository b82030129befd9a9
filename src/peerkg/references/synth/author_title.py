"""Styles where the title follows the names and the year comes late: Vancouver (NLM/ICMJE) and AMA, MLA 9,
IEEE and the Vancouver/Harvard mixes (BMC's old style, Nature)."""

from __future__ import annotations

import random
import re

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


#: IEEE prints the country (or US state and country) after the city
_IEEE_PLACES = {
    "New York": "New York, NY, USA", "Boston": "Boston, MA, USA", "Chicago": "Chicago, IL, USA",
    "Baltimore": "Baltimore, MD, USA", "Philadelphia": "Philadelphia, PA, USA", "Minneapolis": "Minneapolis, MN, USA",
    "San Francisco": "San Francisco, CA, USA", "Los Angeles": "Los Angeles, CA, USA", "Geneva": "Geneva, Switzerland",
    "Ottawa": "Ottawa, ON, Canada", "Toronto": "Toronto, ON, Canada", "Sydney": "Sydney, NSW, Australia",
    "Berlin": "Berlin, Germany", "Cham": "Cham, Switzerland", "Dordrecht": "Dordrecht, The Netherlands",
    "Amsterdam": "Amsterdam, The Netherlands", "Dublin": "Dublin, Ireland", "Wellington": "Wellington, New Zealand",
    "Nelson": "Nelson, New Zealand",
}
_CONFERENCES = (
    "Int. Conf. Digital Mental Health", "Annu. Meeting Amer. Psychiatric Assoc.", "Eur. Conf. Mental Health",
    "CHI Conf. Human Factors in Computing Systems", "Int. Conf. Pervasive Computing Technologies for Healthcare",
    "AMIA Annu. Symp.", "Int. Workshop Health Text Mining and Information Analysis",
    "IEEE Int. Conf. Bioinformatics and Biomedicine", "Annu. Conf. Int. Soc. Research on Internet Interventions",
)
_CONFERENCE_PLACES = (
    "Lisbon, Portugal", "Montreal, QC, Canada", "Glasgow, U.K.", "Honolulu, HI, USA", "Barcelona, Spain",
    "Trento, Italy", "Seoul, South Korea", "Melbourne, VIC, Australia", "Virtual Event", "San Diego, CA, USA",
)


def _ieee_place(place: str, rng: random.Random) -> str:
    if place in _IEEE_PLACES:
        return _IEEE_PLACES[place]
    if re.search(r", [A-Z]{2}$", place):
        return place + ", USA"
    if "(" in place:
        return place
    return place + rng.choice((", U.K.", ", U.K.", ", UK", ", England"))


def _ieee_publisher(pub: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        pub = re.sub(r"\bUniversity\b", "Univ.", pub).replace("Publishers", "Publ.").replace(" Publishing", " Publ.")
    return pub


def _ieee_journal(r: Record, rng: random.Random) -> str:
    """The abbreviation with its full stops: "J Ment Health" → "J. Ment. Health"."""
    abbrev = r.container_abbrev or r.container or ""
    if rng.random() < 0.2:
        return r.container or abbrev
    full = [w.casefold() for w in re.findall(r"[^\W\d_]+", r.container or "")]
    out = []
    for w in abbrev.split():
        low = w.casefold()
        cut = low not in full and any(f.startswith(low) for f in full) and w[0].isupper()
        out.append(w + "." if cut and not w.endswith(".") else w)
    return " ".join(out)


def _ieee_date(r: Record, with_day: bool = False) -> str:
    if not r.month:
        return ""
    mon = R.MON[r.month - 1] + ("" if r.month == 5 else ".")
    return f"{mon} {r.day}," if with_day and r.day else mon


def ieee(r: Record, rng: random.Random) -> R.Out:
    """IEEE: ``J. Repper and T. Carter, “Title,” J. Ment. Health, vol. 20, no. 4, pp. 392–411, Aug. 2011.``;
    books ``M. Slade, Title. Cambridge, U.K.: Cambridge Univ. Press, 2009.``; chapters ``…,” in Book, A. Ed,
    Ed. Place: Publisher, 2017, pp. 1–9.``; theses ``…,” Ph.D. dissertation, Univ. of X, Place, 2011.``"""
    out = R.Out()
    n = len(r.authors)
    R.names(out, r.authors, "I. F" if rng.random() < 0.85 else "I.F", sep=", ",
            last=", and " if n > 2 else " and ", max_n=6, keep=1, etal=" et al.", rng=rng)
    if r.authors_are_editors:
        out.o(", Eds., " if n > 1 else ", Ed., ")
    else:
        out.o(", ")
    year = R.year_text(r)
    quoted = r.kind in ("article", "chapter", "thesis", "newspaper", "web") or (
        r.kind == "report" and rng.random() < 0.7)
    if quoted:
        out.o("“").add(r.title, "title").o(",” " if r.title[-1:] not in "?!" or rng.random() < 0.4 else "” ")
    else:
        out.add(R.title_as(r, "title"), "title")
    dash = rng.choice(("–", "–", "-"))
    if r.kind == "article":
        out.add(_ieee_journal(r, rng), "container").o(", vol. ").add(r.volume, "volume")
        if r.issue:
            out.o(", no. ").add(r.issue, "issue")
        pr = R.page_range(r, dash)
        if pr:
            out.o(", pp. " if r.pages and r.pages[1] else rng.choice((", p. ", ", Art. no. "))).add(pr, "pages")
        out.o(", ")
        if r.month:
            out.add(_ieee_date(r), "date").o(" ")
        out.add(year, "year")
        if r.doi and rng.random() < 0.6:
            out.o(", doi: ").add(r.doi, "doi")
        out.o(".")
        return out
    place = _ieee_place(r.place, rng) if r.place else None
    publisher = _ieee_publisher(r.publisher, rng) if r.publisher else None
    if r.kind == "chapter" and rng.random() < 0.25:  # a conference paper
        out.o("in ").add("Proc. " + rng.choice(_CONFERENCES), "container").o(", ")
        out.add(rng.choice(_CONFERENCE_PLACES), "place").o(", ").add(year, "year")
        out.o(", pp. ").add(R.page_range(r, dash), "pages").o(".")
        return out
    if r.kind == "chapter":
        out.o("in ").add(r.container, "container")
        if r.edition:
            R.edition(out, r, "ed.", ", ")
        out.o(", ")
        R.names(out, r.editors, "I. F", sep=", ", last=", and " if len(r.editors) > 2 else " and ", role="e", rng=rng)
        out.o(", Eds. " if len(r.editors) > 1 else ", Ed. ")
    elif r.kind in ("book", "report") and not quoted:
        if r.edition:
            R.edition(out, r, "ed.", ", ")
        out.o(". ")
    if r.kind in ("book", "chapter") or (r.kind == "report" and not quoted):
        if place:
            out.add(place, "place").o(": ")
        out.add(publisher, "publisher").o(", ").add(year, "year")
        if r.kind == "chapter":
            out.o(", pp. ").add(R.page_range(r, dash), "pages")
        if r.doi and rng.random() < 0.5:
            out.o(", doi: ").add(r.doi, "doi")
        out.o(".")
        return out
    if r.kind == "thesis":
        degree = rng.choice(("Ph.D. dissertation", "Ph.D. thesis", "M.S. thesis", "M.Sc. thesis", r.degree or "thesis"))
        out.add(degree, "genre").o(", ").add(publisher, "publisher")
        if place:
            out.o(", ").add(place, "place")
        out.o(", ").add(year, "year").o(".")
        return out
    if r.kind == "report":
        out.add(publisher, "publisher")
        if place:
            out.o(", ").add(place, "place")
        if rng.random() < 0.3:
            out.o(", ").add(rng.choice(("Tech. Rep.", "Rep.", "Res. Rep.", "White Paper")), "genre")
        out.o(", ").add(year, "year").o(".")
        if r.url:
            out.o(" [Online]. Available: ").add(r.url, "url")
        return out
    if r.kind == "newspaper":
        out.add(r.container, "container").o(", ").add(_ieee_date(r, with_day=True), "date").o(" ").add(year, "year")
        out.o(".")
        if r.url:
            out.o(" [Online]. Available: ").add(r.url, "url")
        return out
    # a web page
    if r.container:
        out.add(r.container, "container").o(". ")
    if rng.random() < 0.5 or not r.accessed:
        out.add(year, "year").o(". [Online]. Available: ").add(r.url, "url")
        if r.accessed:
            out.o(" (accessed ").add(R.accessed_text(r, "mdy"), "accessed").o(").")
    else:
        out.add(r.url, "url").o(" (accessed ").add(R.accessed_text(r, "mdy"), "accessed").o(").")
    return out
