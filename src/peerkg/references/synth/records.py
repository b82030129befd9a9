"""Random bibliographic records of this literature (what a reference describes, before any style)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from peerkg.references.synth import pools as P
from peerkg.references.synth import titles as T

_QUOTES = ("it gave me hope", "we are all in this together", "being there", "a foot in both camps",
           "nothing about us without us")
_SUBTITLES = ("theory and practice", "a handbook", "international perspectives", "a guide for practitioners",
              "critical perspectives", "lessons from the field")

KINDS = (
    "article",
    "article",
    "article",
    "article",
    "article",
    "book",
    "book",
    "chapter",
    "chapter",
    "report",
    "report",
    "thesis",
    "thesis",
    "web",
    "web",
    "newspaper",
)


@dataclass(frozen=True)
class Person:
    family: str
    given: tuple[str, ...] = ()  # full given names ("Mary", "Ann"); empty for an organisation
    org: bool = False


@dataclass(frozen=True)
class Record:
    kind: str  # article, book, chapter, report, thesis, web, newspaper
    authors: tuple[Person, ...]
    year: int | None
    title: str
    editors: tuple[Person, ...] = ()
    authors_are_editors: bool = False
    suffix: str | None = None
    month: int | None = None
    day: int | None = None
    container: str | None = None
    container_abbrev: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: tuple[str, str | None] | None = None
    publisher: str | None = None
    place: str | None = None
    edition: int | None = None
    degree: str | None = None
    series: str | None = None
    doi: str | None = None
    url: str | None = None
    accessed: tuple[int, int, int] | None = None  # (year, month, day)
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def person(rng: random.Random) -> Person:
    r = rng.random()
    if r < 0.08:
        family = rng.choice(P.PARTICLE_FAMILIES)
    elif r < 0.14:
        family = f"{rng.choice(P.FAMILIES)}-{rng.choice(P.FAMILIES)}"
    elif r < 0.17:
        family = f"{rng.choice(P.FAMILIES)} {rng.choice(P.FAMILIES)}"
    else:
        family = rng.choice(P.FAMILIES)
    n_given = 1 if rng.random() < 0.7 else 2
    return Person(family=family, given=tuple(rng.choice(P.GIVEN) for _ in range(n_given)))


def people(rng: random.Random, low: int = 1, high: int = 8) -> tuple[Person, ...]:
    n = min(rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 9, 12)), high)
    return tuple(person(rng) for _ in range(max(low, n)))


def organisation(rng: random.Random) -> Person:
    return Person(family=rng.choice(P.ORGANISATIONS), org=True)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def article_title(rng: random.Random) -> str:
    t, s, p = rng.choice(T.TOPICS), rng.choice(T.SETTINGS), rng.choice(T.POPULATIONS)
    d, n = rng.choice(T.DESIGNS), rng.choice(T.NOUNS)
    forms = (
        f"{t} for {p}: {d}",
        f"{t} in {s}: {d}",
        f"{n} of {t} in {s}",
        f"{n} of {t} for {p}",
        f"{t} and {rng.choice(T.TOPICS)}: {d}",
        f"what makes {t} work? {d}",
        f"{t}, {rng.choice(T.TOPICS)} and {rng.choice(T.TOPICS)} in {s}",
        f"‘{rng.choice(_QUOTES)}’: {n} of {t}",
        f"{n} of {t}: {d}",
        f"is {t} effective for {p}?",
        f"{t} in {s}",
        f"{d} of {t} for {p} in {s}",
        f"{t} ({rng.choice(('PEER', 'ENRICH', 'SUPPORT', 'PROSPER'))}): {d}",
        f"{n} of {t} in {s}, {rng.randint(2005, 2022)}-{rng.randint(2010, 2024)}",
        f"{t} in {rng.choice(T.PLACES_TITLE)}: {rng.choice(T.SUBTITLES)}",
        f"{n} of {t} for {p}: {rng.choice(T.SUBTITLES)}",
        f"{t} in {s}: {rng.choice(T.SUBTITLES)}",
        f"{rng.choice(T.QUOTED)} and {t}: {rng.choice(T.SUBTITLES)}",
        f"defining {rng.choice(T.QUOTED)}: {d}",
        f"{rng.choice(T.QUOTED)} in {s}",
        f"is {t} effective? {_cap(d)}",
        f"{n} of {t}, {rng.choice(T.TOPICS)}, and {rng.choice(T.TOPICS)}: {rng.choice(T.SUBTITLES)}",
    )
    title = _cap(rng.choice(forms))
    if rng.random() < 0.5:  # APA 7 and many journals capitalise the subtitle
        title = re.sub(r"([:?]) ([a-z])", lambda m: f"{m.group(1)} {m.group(2).upper()}", title)
    return title


def _pages(rng: random.Random) -> tuple[str, str | None]:
    r = rng.random()
    if r < 0.06:
        return (f"e{rng.randint(1000, 99999)}", None)
    if r < 0.1:
        return (str(rng.randint(1, 400)), None)
    start = rng.choice((rng.randint(1, 120), rng.randint(100, 999), rng.randint(1000, 2999)))
    return (str(start), str(start + rng.randint(1, 25)))


def _doi(rng: random.Random, year: int) -> str:
    prefix = rng.choice(
        (
            "10.1108",
            "10.1080",
            "10.1176",
            "10.1037",
            "10.1186",
            "10.1111",
            "10.1007",
            "10.1177",
            "10.1016",
            "10.1371",
            "10.1002",
            "10.3109",
        )
    )
    tail = rng.choice(
        (
            f"jmhtep-{rng.randint(1, 12):02d}-{year}-{rng.randint(1, 99):04d}",
            f"09638237.{year}.{rng.randint(100000, 999999)}",
            f"appi.ps.{rng.randint(201000000, 202099999)}",
            f"s12888-0{rng.randint(10, 24)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9)}",
            f"prj0000{rng.randint(100, 999)}",
            f"inm.{rng.randint(10000, 99999)}",
            f"journal.pone.0{rng.randint(100000, 299999)}",
            f"S0140-6736({rng.randint(10, 23)}){rng.randint(10000, 99999)}-{rng.randint(0, 9)}",
            f"0020764020{rng.randint(100000, 999999)}",
        )
    )
    return f"{prefix}/{tail}"


def _web(rng: random.Random) -> str:
    domain = rng.choice(P.DOMAINS)
    path = rng.choice(
        (
            "information-support/types-of-mental-health-problems/peer-support",
            "about-us/our-values",
            "peer-support",
            "wp-content/uploads/2014/02/Defining-Peer-Support.pdf",
            "publications/peer-support",
            "brss-tacs/recovery-support-tools/peers",
            "resources/peer-workers.pdf",
            f"news/{rng.randint(2008, 2023)}/peer-support-workers",
            "advice-and-information/living-with-mental-illness",
        )
    )
    scheme = rng.choice(("https://", "http://", "", "https://"))
    return f"{scheme}{domain}/{path}"


def record(rng: random.Random, kind: str | None = None) -> Record:
    kind = kind or rng.choice(KINDS)
    year = rng.randint(1970, 2025)
    suffix = rng.choice("ab") if rng.random() < 0.05 else None
    nodate = rng.random() < 0.03
    common = {"year": None if nodate else year, "suffix": None if nodate else suffix}
    if rng.random() < 0.05:
        common["extra"] = {"nodate": "forthcoming" if rng.random() < 0.3 else "n.d."}
    elif rng.random() < 0.02 and not nodate:
        common["extra"] = {"years": f"{year}/{str(year + 1)[-rng.choice((1, 2)):]}"}
    if kind == "article":
        title, abbrev = rng.choice(P.JOURNALS)
        vol = str(rng.choice((rng.randint(1, 80), rng.randint(1, 80), rng.randint(80, 400))))
        issue = (
            str(rng.randint(1, 12) if rng.random() < 0.95 else rng.randint(100, 10200)) if rng.random() < 0.8 else None
        )
        if issue and rng.random() < 0.04:
            issue = f"{issue}-{int(issue) + 1}"
        authors = people(rng) if rng.random() < 0.95 else (organisation(rng),)
        if rng.random() < 0.03:
            authors = (*authors, organisation(rng))
        return Record(
            kind=kind,
            authors=authors,
            title=article_title(rng),
            container=title,
            container_abbrev=abbrev,
            volume=vol,
            issue=issue,
            pages=_pages(rng),
            doi=_doi(rng, year) if rng.random() < 0.45 else None,
            month=rng.randint(1, 12) if rng.random() < 0.2 else None,
            **common,
        )  # type: ignore[arg-type]
    if kind in ("book", "chapter"):
        pub, places = rng.choice(P.PUBLISHERS)
        book = (
            _cap(rng.choice(T.BOOK_TITLES))
            if rng.random() < 0.5
            else _cap(
                f"{rng.choice(T.TOPICS)}: {rng.choice(_SUBTITLES)}"
            )
        )
        edition = rng.choice((2, 2, 3, 4, 5)) if rng.random() < 0.18 else None
        if kind == "book":
            eds = rng.random() < 0.15
            return Record(
                kind=kind,
                authors=people(rng, high=4),
                authors_are_editors=eds,
                title=book,
                publisher=pub,
                place=rng.choice(places) if rng.random() < 0.85 else None,
                edition=edition,
                doi=_doi(rng, year) if rng.random() < 0.08 else None,
                **common,
            )  # type: ignore[arg-type]
        start = rng.randint(1, 400)
        return Record(
            kind=kind,
            authors=people(rng, high=4),
            title=article_title(rng),
            container=book,
            editors=people(rng, high=4),
            pages=(str(start), str(start + rng.randint(8, 30))),
            publisher=pub,
            place=rng.choice(places) if rng.random() < 0.85 else None,
            edition=edition,
            doi=_doi(rng, year) if rng.random() < 0.1 else None,
            **common,
        )  # type: ignore[arg-type]
    if kind == "report":
        issuer = organisation(rng)
        authors = (issuer,) if rng.random() < 0.6 else people(rng, high=5)
        pub = issuer.family if rng.random() < 0.8 else rng.choice(P.ORGANISATIONS)
        series = None
        if rng.random() < 0.2:
            series = rng.choice(
                (
                    f"ImROC Briefing {rng.randint(1, 20)}",
                    f"Briefing {rng.randint(1, 60)}",
                    f"Research Report {rng.randint(1, 300)}",
                    f"Clinical Guideline CG{rng.randint(100, 199)}",
                    f"Occasional Paper OP{rng.randint(50, 120)}",
                )
            )
        return Record(
            kind=kind,
            authors=authors,
            title=_cap(rng.choice(T.REPORT_TITLES)),
            publisher=pub,
            place=P.ISSUER_PLACES.get(pub, rng.choice(("London", "Edinburgh", "Geneva", "Ottawa")))
            if rng.random() < 0.7
            else None,
            series=series,
            url=_web(rng) if rng.random() < 0.3 else None,
            accessed=(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.2 else None,
            **common,
        )  # type: ignore[arg-type]
    if kind == "thesis":
        uni = rng.choice(P.UNIVERSITIES)
        return Record(
            kind=kind,
            authors=(person(rng),),
            title=article_title(rng),
            degree=rng.choice(P.DEGREES),
            publisher=uni,
            place=rng.choice(("London", "Nottingham", "Manchester", "Toronto", "Boston, MA", None, None)),
            url=_web(rng) if rng.random() < 0.15 else None,
            **common,
        )  # type: ignore[arg-type]
    if kind == "newspaper":
        return Record(
            kind=kind,
            authors=people(rng, high=2),
            title=_cap(article_title(rng)),
            container=rng.choice(P.NEWSPAPERS),
            month=rng.randint(1, 12),
            day=rng.randint(1, 28),
            pages=(str(rng.randint(1, 40)), None) if rng.random() < 0.2 else None,
            url=_web(rng) if rng.random() < 0.5 else None,
            **common,
        )  # type: ignore[arg-type]
    org = organisation(rng)
    return Record(
        kind="web",
        authors=(org,) if rng.random() < 0.7 else people(rng, high=3),
        title=rng.choice(T.WEB_TITLES),
        container=org.family if rng.random() < 0.3 else None,
        url=_web(rng),
        accessed=(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.75 else None,
        **common,
    )  # type: ignore[arg-type]
