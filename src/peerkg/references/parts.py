"""Pieces for :mod:`peerkg.references.rules`: splitting, word lists, classification."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from peerkg.model import CitedWork, PersonName, WorkType
from peerkg.normalise import names
from peerkg.normalise.names import parse_name

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|winter")

PLACES = frozenset(x.casefold() for x in (
    "London", "New York", "New York, NY", "Oxford", "Cambridge", "Manchester", "Edinburgh", "Glasgow",
    "Birmingham", "Leeds", "Nottingham", "Bristol", "Brighton", "Hove", "Abingdon", "Basingstoke",
    "Maidenhead", "Chichester", "Cardiff", "Belfast", "Dublin", "Bingley", "Ross-on-Wye", "Sheffield",
    "Liverpool", "Newcastle", "York", "Exeter", "Norwich", "Leicester", "Southampton", "Durham",
    "Washington", "Washington, DC", "Chicago", "Boston", "Philadelphia", "San Francisco", "Baltimore",
    "Thousand Oaks", "Los Angeles", "Rockville", "Toronto", "Ottawa", "Vancouver", "Montreal",
    "Melbourne", "Sydney", "Auckland", "Wellington", "Geneva", "Berlin", "Paris", "Amsterdam",
    "Heidelberg", "Munich", "Vienna", "Zurich", "Copenhagen", "Stockholm", "Oslo", "Milton Keynes",
    "Harlow", "Buckingham", "Lyme Regis", "Monmouth", "Dordrecht", "New Jersey", "Hoboken",
))
_STATES = frozenset(re.split(r"\s+", (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)))
_NEWSPAPER = re.compile(
    r"\b(?:guardian|times|observer|telegraph|independent|daily\s+\w+|evening\s+standard|gazette|herald|"
    r"tribune|chronicle|scotsman|washington\s+post|new\s+statesman|sunday\s+\w+|bbc\s+news)\b",
    re.IGNORECASE)
_NOT_NEWSPAPER = re.compile(r"\bjournal|review|bulletin|quarterly|proceedings\b", re.IGNORECASE)
_REPORT = re.compile(
    r"\b(?:report|review\s+for|literature\s+review|briefing|working\s+paper|discussion\s+paper|"
    r"occasional\s+paper|policy\s+paper|white\s+paper|green\s+paper|guidance|guideline|strategy|"
    r"evaluation|framework|consultation|research\s+network|factsheet|toolkit)\b", re.IGNORECASE)
_COMMERCIAL = re.compile(
    r"\b(?:press|publish\w*|books?|routledge|sage|wiley|springer|elsevier|palgrave|macmillan|"
    r"jessica\s+kingsley|penguin|mcgraw|guilford|norton|pearson|blackwell|bailli[eè]re|churchill|"
    r"polity|harper\w*|random\s+house|emerald|taylor\s*(?:&|and)\s*francis|pccs|karnac|hodder|"
    r"arnold|lippincott|mosby|saunders|vintage|academic|verlag|edizioni|éditions)\b", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?\s?-?\s?){1,4}$")
_VANC_NAME = re.compile(r"^(?P<family>.+?)\s+(?P<init>[A-Z]{1,4})$")
_SPLIT_PEOPLE = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|und)\s+|\s*&\s*")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:vs|e\.g|i\.e|St|Dr|Dept|Inc|Ltd|Co|Univ|No|Vol|pp|Mr|Mrs|Ms|Prof|"
                     r"Jr|Sr|ed|eds|Ed|Eds|al|cf|etc))$")
_STOP = frozenset(re.split(r"\s+", (
    "vol volume no nos issue iss pp p pages page in ed eds edn edition editor editors "
    "available at from online retrieved accessed viewed on chapter chap ch doi https http dx "
    "org www et al and und n d nd html htm"
)))


@lru_cache(maxsize=16384)
def is_organisation_name(text: str) -> bool:
    """:func:`peerkg.normalise.names.is_organisation_name`, remembered (reference lists repeat names)."""
    return names.is_organisation_name(text)


_FULL_STOP = re.compile(r"\.\s+")
_FAMILY_INITIALS = re.compile(r"[A-Z][^\W\d_]+,\s*(?:[A-Z]\.?\s?)+(?:,|$|\s|&|and)")
_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s.-])[A-Z][a-z]?\.$")
_COMMA_INITIAL = re.compile(r",\s*[A-Z]\.")
_SENTENCE_END = re.compile(r"[.?!](?=\s|$)")
_COMMA = re.compile(r",\s")
_SEPARATOR = re.compile(r"[,.;](?=\s|$)")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_PLACE_STATE = re.compile(r"[a-z .'-]+,\s*[a-z]{2}")
_PLACE_PUBLISHER = re.compile(r"(?P<place>[A-Z][\w .'-]+?(?:,\s*[A-Z]{2})?)\s*:\s*(?P<pub>.+)")
_ALNUM = re.compile(r"[^\W_]+")
_STATE_COLON = re.compile(r"([A-Z]{2})\s*:\s*\S")
#: a place name not on the list: one to four capitalised words ("Isle of Lewis", "Newcastle upon Tyne")
_PLACE_NAME = re.compile(r"[A-Z][^\W\d_]+(?:[-'][^\W\d_]+)?(?:\s+(?:of|upon|on|[A-Z][^\W\d_]+(?:-[^\W\d_]+)?)){0,3}")


#: container titles that contain commas (so segment splitting must not cut them)
KNOWN_CONTAINERS = (
    "The Journal of Mental Health Training, Education and Practice",
    "Journal of Mental Health Training, Education and Practice",
    "Mental Health, Religion & Culture", "Health, Risk & Society",
    "Journal of Psychosocial Nursing and Mental Health Services",
)


def known_container(text: str) -> str | None:
    return next((c for c in KNOWN_CONTAINERS if c in text), None)


def split_sentences(text: str) -> list[str]:
    """Split at ``. `` (Vancouver: initials carry no dots, so every full stop ends a part)."""
    return [p.strip(" .") for p in _FULL_STOP.split(text.strip()) if p.strip(" .")]


def looks_like_authors(text: str) -> bool:
    value = text.strip(" .,")
    return 0 < len(value) <= 250 and bool(
        _FAMILY_INITIALS.search(value)
        or is_organisation_name(value))


def _person(piece: str, given_first: bool) -> PersonName:
    piece = piece.strip(" ,;:")
    if piece.endswith(".") and not _ENDS_WITH_INITIAL.search(piece):
        piece = piece[:-1]
    if is_organisation_name(piece):
        return PersonName(as_written=piece, is_organisation=True)
    v = _VANC_NAME.match(piece)
    if v and not given_first:
        return PersonName(as_written=piece, family=v.group("family"), given=v.group("init"))
    return parse_name(piece, "given-first" if given_first else "auto")


def split_people(text: str, given_first: bool = False) -> tuple[PersonName, ...]:
    """Split an author list into names ("Basset, T., Faulkner, A. and Stamou, E.", "Repper J,
    Carter T", "Mind", "J. Smith & K. Jones" with ``given_first``)."""
    text = text.strip(" ,;:")
    if not text.strip(" ."):
        return ()
    if not _COMMA_INITIAL.search(text) and is_organisation_name(text):
        return (PersonName(as_written=text.rstrip(". "), is_organisation=True),)
    pieces = [p for p in _SPLIT_PEOPLE.split(text) if p and p.strip(" .")]
    out: list[PersonName] = []
    i = 0
    paired = not any(_INITIALS.match(p.strip()) for p in pieces) and len(pieces) % 2 == 0 and all(
        len(p.split()) == 1 and not is_organisation_name(p) for p in pieces) and not given_first
    while i < len(pieces):
        piece = pieces[i].strip()
        nxt = pieces[i + 1].strip() if i + 1 < len(pieces) else None
        if nxt is not None and (_INITIALS.match(nxt) or paired) and not given_first:
            out.append(PersonName(as_written=f"{piece}, {nxt}", family=piece, given=nxt))
            i += 2
            continue
        out.append(_person(piece, given_first))
        i += 1
    return tuple(out)


def _scan(text: str, opener: str, closer: str, start: int) -> int | None:
    """Index of the first ``closer`` after ``start`` that ends a quotation."""
    for m in re.finditer(re.escape(closer), text[start:]):
        j = start + m.start()
        after = text[j + 1: j + 2]
        if closer != "’" or after == "" or not after.isalnum():
            return j
    return None


def quoted_prefix(body: str) -> tuple[str, str] | None:
    """(title, rest) when ``body`` starts with a quoted title."""
    if not body:
        return None
    pairs = {"“": "”", '"': '"', "‘": "’", "'": "'", "„": "“", "«": "»"}
    closer = pairs.get(body[0])
    if closer is None:
        return None
    j = _scan(body, body[0], closer, 1)
    if j is None:
        return None
    return body[1:j].strip().rstrip(",."), body[j + 1:]


def _depth_ok(text: str, idx: int) -> bool:
    before = text[:idx]
    return before.count("(") <= before.count(")") and before.count("[") <= before.count("]")


def sentence_end(body: str) -> int | None:
    """Where an unquoted (APA) title ends: index after ``?``/``!`` or at the ``.``."""
    for m in _SENTENCE_END.finditer(body):
        i = m.start()
        if not _depth_ok(body, i):
            continue
        if body[i] == "." and _ABBREV.search(body[:i]):
            continue
        return i + 1 if body[i] in "?!" else i
    return None


def top_level_comma(body: str) -> int | None:
    for m in _COMMA.finditer(body):
        if _depth_ok(body, m.start()):
            return m.start()
    return None


def split_segments(text: str) -> list[str]:
    parts: list[str] = []
    last = 0
    for m in _SEPARATOR.finditer(text):
        i = m.start()
        if not _depth_ok(text, i) or (text[i] == "." and _ABBREV.search(text[:i])):
            continue
        parts.append(text[last:i])
        last = i + 1
    parts.append(text[last:])
    out: list[str] = []
    for p in parts:
        seg = _bare(_SPACES.sub(" ", p))
        if not seg or not _WORD.search(seg):
            continue
        if seg in _STATES and out and is_place(out[-1]):
            out[-1] = f"{out[-1]}, {seg}"
            continue
        state = _STATE_COLON.match(seg)
        if state and state.group(1) in _STATES and out and _PLACE_NAME.fullmatch(out[-1]):
            out[-1] = f"{out[-1]}, {seg}"  # "Brattleboro, VT: Peach Press": the state belongs to the place
            continue
        out.append(seg)
    return out


def _bare(seg: str) -> str:
    """``seg`` without the brackets, colons and spaces around it, keeping a bracket that closes inside
    it ("Clinical guideline [CG178]", "Toronto (ON)")."""
    left = seg.lstrip(" ()[]:")
    bare = left.rstrip(" ()[]:")
    tail = left[len(bare):]
    for opener, closer in (("(", ")"), ("[", "]")):
        if bare.count(opener) > bare.count(closer) and tail.startswith(closer):
            bare += closer
    return bare


def is_place(seg: str) -> bool:
    value = seg.strip().casefold()
    return value in PLACES or bool(_PLACE_STATE.fullmatch(value)
                                   and value[-2:].upper() in _STATES)


def place_publisher(seg: str) -> tuple[str, str] | None:
    m = _PLACE_PUBLISHER.fullmatch(seg)
    if m and (is_place(m.group("place")) or (
            _PLACE_NAME.fullmatch(m.group("place").strip()) and is_commercial_publisher(m.group("pub")))):
        return m.group("place").strip(), m.group("pub").strip()  # "Isle of Lewis: P&P Press" too
    return None


def is_publisher(seg: str) -> bool:
    return bool(_COMMERCIAL.search(seg)) or is_organisation_name(seg)


def is_commercial_publisher(seg: str) -> bool:
    return bool(_COMMERCIAL.search(seg))


def is_newspaper(container: str) -> bool:
    return bool(container) and bool(_NEWSPAPER.search(container)) and not _NOT_NEWSPAPER.search(container)


def is_report(text: str) -> bool:
    return bool(text) and bool(_REPORT.search(text))


def tidy(value: object) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", str(value)).strip().strip(",;:").strip()
    text = text.rstrip(".").strip() if not text.endswith("..") else text
    return text or None


def field_text(work: CitedWork) -> str:
    """All text the fields of ``work`` hold (names as written, pages as written, …), for checks."""
    parts: list[str] = [work.label or ""]
    parts += [a.as_written for a in work.authors] + [a.as_written for a in work.container_editors]
    for value in (work.date_detail, work.title, work.container_title, work.volume, work.issue,
                  work.chapter, work.edition, work.publisher, work.place, work.url, work.accessed,
                  work.doi, work.genre, work.pages.as_written if work.pages else None,
                  str(work.year) + (work.year_suffix or "") if work.year else None):
        parts.append(value or "")
    return " ".join(parts + list(work.link_text) + list(work.unparsed))


def tokens(text: str) -> list[str]:
    return _ALNUM.findall(text.casefold())


def missing_words(work: CitedWork, cleaned: str, skip: frozenset[str]) -> list[str]:
    """The words of ``cleaned`` that no field of ``work`` holds (``skip``: label words nobody keeps)."""
    have = set(tokens(field_text(work)))
    return [t for t in tokens(cleaned) if t not in have and t not in skip]


def penalties(work: CitedWork, unparsed: tuple[str, ...] | list[str], *, no_year: float = 0.25,
              no_authors: float = 0.0) -> float:
    """How much a reading's confidence drops below its reader's base score for what it left out:
    ``unparsed`` words, no year, no title, no work type, and (when ``no_authors`` is given) no authors.
    Both readers call it (the rules from 1.0, the CRF from its mean token probability)."""
    score = 0.25 if unparsed else 0.0
    if work.year is None and not work.no_date:
        score += no_year
    if not work.title:
        score += 0.25
    if work.work_type is WorkType.WORK:
        score += 0.15
    if not work.authors:
        score += no_authors
    return score


def finish(work: CitedWork, cleaned: str) -> CitedWork:
    """Guard against dropped text, then score the parse (the rule reader's base score is 1.0)."""
    missing = missing_words(work, cleaned, _STOP)
    unparsed = work.unparsed
    if missing:
        unparsed = (*unparsed, " ".join(dict.fromkeys(missing)))
    score = 1.0 - penalties(work, unparsed, no_authors=0.1)
    return with_fields(work, unparsed=unparsed, confidence=round(max(score, 0.05), 2))


def with_fields(work: CitedWork, **changes: object) -> CitedWork:
    """``work`` with ``changes`` (what :func:`dataclasses.replace` does, without its per-call look at the
    class's fields: CitedWork has plain fields only)."""
    return CitedWork(**{**work.__dict__, **changes})  # type: ignore[arg-type]


_THESIS = re.compile(r"thesis|dissertation|\bph\.?\s?d\b|doctoral|dphil|dclinpsy", re.IGNORECASE)


def work_type(f: Mapping[str, object], genre: str | None = None) -> WorkType:
    """The type of a cited work, read off the fields a reader found.

    ``f`` holds the fields by name (``title``, ``container``, ``volume``, ``issue``, ``pages``,
    ``publisher``, ``edition``, ``url``, ``accessed``) and what the reader saw around them:
    ``in_book`` (editors, "In", a chapter number), ``dated`` (a day or month where a newspaper prints
    it), ``internet`` / ``web`` (an "[Internet]" or "online" label), ``editors_first`` (the leading names
    edited the work), ``own_publisher`` (the one organisation author published it) and
    ``guess_journal`` (a titled piece in a container is an article). ``genre`` is a printed genre
    ("PhD thesis", "Report").
    """
    container, title = str(f.get("container") or ""), str(f.get("title") or "")
    if genre and _THESIS.search(genre):
        return WorkType.THESIS
    if f.get("internet") and f.get("url") and not f.get("volume"):
        return WorkType.WEB_PAGE
    if is_newspaper(container):
        return WorkType.NEWSPAPER_ARTICLE
    if f.get("in_book"):
        return WorkType.BOOK_CHAPTER
    if f.get("dated") and container and not f.get("volume"):
        return WorkType.NEWSPAPER_ARTICLE
    if container and (f.get("volume") or f.get("issue")):
        return WorkType.JOURNAL_ARTICLE
    if genre or is_report(container) or (is_report(title) and not container):
        return WorkType.REPORT
    if container and f.get("publisher"):
        return WorkType.BOOK_CHAPTER
    if container and f.get("pages"):
        return WorkType.JOURNAL_ARTICLE
    if title and f.get("publisher") and not container:
        # an organisation (not a press) issuing a titled work: a report; else a book
        publisher = str(f["publisher"])
        issuer = is_organisation_name(publisher) and not is_commercial_publisher(publisher)
        if (issuer or f.get("own_publisher")) and not (f.get("edition") or f.get("editors_first")):
            return WorkType.REPORT
        return WorkType.BOOK
    if title and (f.get("url") or f.get("accessed") or f.get("web")):
        return WorkType.WEB_PAGE
    if container and title and f.get("guess_journal"):
        return WorkType.JOURNAL_ARTICLE if not f.get("url") else WorkType.WEB_PAGE
    return WorkType.WORK
