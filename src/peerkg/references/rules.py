"""Rule-based reading of reference-list strings → :class:`CitedWork` records.

Styles: Emerald/Harvard (``Surname, I. (Year), “Title”, Journal, Vol. 11 No. 2, pp. 33-7.``),
APA (``Surname, I., & Other, J. (2019). Title. Journal, 14(3), 153–160. https://doi.org/…``),
Harvard without parentheses (``Surname, I. 2019. Title. Journal 14(3): 153-60.``) and
Vancouver (``Surname I, Other J. Title. Journal. 2019;14(3):153-60.``).

The parser works by *taking* pieces out of the string: identifiers (DOI, URL, "accessed …"),
labelled parts ("(Chapter 6)", "2nd edn", "Vol. 11 No. 2", "pp. 33-7", "14(3)", "In: … (Eds)"),
then the author list and year, the title, and finally the remaining comma/period separated
segments, which are classified (place, publisher, container, newspaper date). Every piece not
taken lands in ``unparsed``: as a last guard, any alphanumeric token of the input found in no
field is added to ``unparsed`` too, so nothing is ever silently dropped.
"""

from __future__ import annotations

import re

from peerkg.model import CitedWork, PageRange, PersonName, WorkType
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.pages import parse_pages
from peerkg.normalise.text import clean, normalise_hyphens
from peerkg.references import parts as rp
from peerkg.references.fields import pages_from

__all__ = ["parse_reference", "field_text"]

_H = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen look-alikes and dashes in ranges
_LABEL = re.compile(r"^\s*(\[\d{1,4}\]|\d{1,4}[.)])\s+")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:?\s*)?\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_URL = re.compile(
    r"(?:\b(?:available\s+(?:at|from|online)|retrieved\s+from|online|from)\s*:?\s*)?"
    r"<?((?:https?://|www\.)[^\s<>]+)>?", re.IGNORECASE)
_ACCESSED = re.compile(r"[(\[]?\s*\b(?:accessed|viewed|retrieved)\s*(?:on\s*)?:?\s*([^)\]]*?\d{4})\s*[)\]]?",
                       re.IGNORECASE)
_CHAPTER = re.compile(r"\(?\b(?:chapter|chap\.|ch\.)\s*(\d+|[IVXLC]+)\b\)?", re.IGNORECASE)
_EDITION = re.compile(
    r"\(?\b(\d+(?:st|nd|rd|th)|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]evised)\s+"
    r"(?:edn\.?|ed\.|edition)\)?", re.IGNORECASE)
_YEAR_PAREN = re.compile(
    r"\(\s*(?:(?P<year>(?:1[5-9]|20)\d{2})(?P<suffix>[a-z])?(?:\s*,\s*(?P<detail>[^)]*))?"
    r"|(?P<nd>n\.\s?d\.?|no date|in press|forthcoming|undated))\s*\)", re.IGNORECASE)
_YEAR_BARE = re.compile(r"(?<=[.,])\s+(?P<year>(?:1[5-9]|20)\d{2})(?P<suffix>[a-z])?[.,](?=\s|$)")
_VANCOUVER = re.compile(
    rf"(?P<year>(?:1[5-9]|20)\d{{2}})(?P<detail>\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*;\s*"
    rf"(?P<vol>[\w]+)?(?:\s*\((?P<iss>[\w{_H}/ ]+)\))?\s*(?::\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?"
    rf"(?:\s*[{_H}]\s*[A-Za-z]?\d+)?))?")
_VANC_BOOK = re.compile(
    r"(?<=\.)\s*(?P<place>[A-Z][^.:;]{1,40}):\s*(?P<pub>[^.;]+);\s*(?P<year>(?:1[5-9]|20)\d{2})\b\.?")
_VOL_NO = re.compile(
    r"\b[Vv]ol(?:ume)?\.?\s*(?P<vol>\w+(?:-\w+)*)(?:\s*,?\s*(?:[Nn]os?|[Ii]ss(?:ue)?|[Nn]umber)\.?\s*"
    rf"(?P<iss>\w+(?:[{_H}/]\w+)*))?|\b(?:[Nn]o|[Ii]ssue)\.?\s+(?P<iss2>\d+(?:[{_H}/]\d+)?)\b")
_PAGES = re.compile(
    rf"\(?\b(?:pp?\.|pages?)\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[{_H}]\s*[A-Za-z]?\d+)?)\)?")
_VOL_ISS = re.compile(
    rf"(?<![\w.(])(?P<vol>\d{{1,4}})\s*\((?P<iss>[\w{_H}/ ]{{1,12}})\)"
    rf"(?:\s*[,:]\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[{_H}]\s*[A-Za-z]?\d+)?)(?=\s*[.,;]|\s*$))?")
_IN = re.compile(
    r"(?:^|(?<=[,.]))\s*(?:In:?|in:|in(?=\s+[^()]+\((?:[Ee]ds?|[Ee]ditors?)\.?\)))\s+"
    r"(?:(?P<eds>[^()]+?)\s*\((?:[Ee]ds?|[Ee]ditors?)\.?\)\s*[,:]?\s*)?")
_EDS = re.compile(r"\s*\((?:[Ee]ds?|[Ee]ditors?|[Ee]d)\.?\)\s*[.,]?\s*$")
_ETAL = re.compile(r",?\s*\bet\s+al\b\.?", re.IGNORECASE)
_NEWS_DATE = re.compile(
    rf"^(?:(?:{rp.MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{rp.MONTHS})\.?)"
    rf"(?:,?\s+\d{{4}})?$|^(?:{rp.MONTHS})\.?(?:\s+\d{{4}})?$", re.IGNORECASE)
_LOST_DASH = re.compile(r"(pp\.?\s*)?(\d{5,8})")
#: link labels a scraped list prints after a reference ("PubMed CrossRef Google Scholar")
_LINK_TAIL = re.compile(
    r"(?<=[.)\]\d])(?:\s*\[?(?:PubMed|CrossRef|Crossref|Google\s+Scholar|Medline|MEDLINE|Web\s+of\s+Science®?|ISI"
    r"|PMC\s+free\s+article|Find\s+this\s+resource:?|Cited\s+Here)\]?)+\s*$")
_FAMILY_FIRST = re.compile(r",\s*(?:[A-Z]\.\s?)+")
_NUMBER = re.compile(r"\d{1,4}")
_RANGE = re.compile(rf"[A-Za-z]?\d+[A-Za-z]?\s*[{_H}]\s*[A-Za-z]?\d+|e\d+")


class _Work:
    """Mutable scratch-pad for one parse."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.f: dict[str, object] = {}
        self.unparsed: list[str] = []

    def take(self, m: re.Match[str], keep: str = " , ") -> None:
        """Cut the matched span out of the working string (leaving a separator)."""
        self.s = self.s[: m.start()] + keep + self.s[m.end():]


def _pages(text: str | None) -> PageRange | None:
    if not text:
        return None
    pr = parse_pages(text)
    lost = _LOST_DASH.fullmatch(text.strip())
    if lost and (pr is None or pr.end is None):  # "pp. 128137": the dash was lost; restored where certain
        fixed = pages_from(lost.group(2), bool(lost.group(1)))
        if fixed and fixed.end:
            return PageRange(start=fixed.start, end=fixed.end, as_written=text)
    return pr or PageRange(start=normalise_hyphens(text).strip(), as_written=text)


def _identifiers(w: _Work) -> None:
    # each pattern is tried only where its literal part is printed (the same matches, found sooner)
    low = w.s.casefold()
    m = _DOI.search(w.s) if "10." in low else None
    if m:
        doi = normalise_doi(m.group(1).rstrip(".,;)]"))
        if doi:
            w.f["doi"] = doi
            tail = m.group(1)[len(m.group(1).rstrip(".,;)]")):]
            w.s = w.s[: m.start()] + " , " + tail + w.s[m.end():]
    m = _URL.search(w.s) if "http" in low or "www." in low else None
    if m:
        url = m.group(1).rstrip(".,;)]")
        w.f["url"] = normalise_hyphens(url).replace("\u2014", "-")
        w.s = w.s[: m.start()] + " , " + m.group(1)[len(url):] + w.s[m.end():]
    m = _ACCESSED.search(w.s) if "accessed" in low or "viewed" in low or "retrieved" in low else None
    if m:
        w.f["accessed"] = m.group(1).strip()
        w.take(m)
    m = _CHAPTER.search(w.s) if "ch" in low else None
    if m:
        w.f["chapter"] = m.group(1)
        w.take(m)
    m = _EDITION.search(w.s) if "ed" in low else None
    if m:
        w.f["edition"] = m.group(1)
        w.take(m)


def _authors_and_year(w: _Work) -> str:
    """Take the author list and year; return the text after them."""
    s = w.s
    m = _YEAR_PAREN.search(s)
    if m and m.start() > 0 and len(s[: m.start()].strip(" .,")) > 0:
        head, rest = s[: m.start()], s[m.end():]
        w.f["style"] = "harvard" if rest.lstrip().startswith(",") else "apa"
        if m.group("year"):
            w.f["year"] = int(m.group("year"))
            w.f["year_suffix"] = m.group("suffix")
            if m.group("detail"):
                w.f["date_detail"] = m.group("detail").strip()
        else:
            w.f["no_date"] = True
        _set_authors(w, head)
        return rest
    v = _VANCOUVER.search(s)
    if v:
        w.f["style"] = "vancouver"
        w.f["year"] = int(v.group("year"))
        if v.group("detail"):
            w.f["date_detail"] = v.group("detail").strip()
        if v.group("vol"):
            w.f["volume"] = v.group("vol")
        if v.group("iss"):
            w.f["issue"] = normalise_hyphens(v.group("iss")).strip()
        w.f["pages"] = _pages(v.group("pages"))
        head = s[: v.start()]
        after = s[v.end():]
        sentences = rp.split_sentences(head)
        if sentences:
            _set_authors(w, sentences[0])
        if len(sentences) >= 3:
            w.f["title"] = ". ".join(sentences[1:-1])
            w.f["container_title"] = sentences[-1]
        elif len(sentences) == 2:
            w.f["title"] = sentences[1]
        return " , " + after
    vb = _VANC_BOOK.search(s)
    if vb:
        w.f["style"] = "vancouver"
        w.f["year"] = int(vb.group("year"))
        w.f["place"], w.f["publisher"] = vb.group("place").strip(), vb.group("pub").strip()
        sentences = rp.split_sentences(s[: vb.start()])
        if sentences:
            _set_authors(w, sentences[0])
        if len(sentences) >= 2:
            w.f["title"] = ". ".join(sentences[1:])
        return " , " + s[vb.end():]
    b = _YEAR_BARE.search(s)
    if b and rp.looks_like_authors(s[: b.start()]):
        w.f["style"] = "harvard"
        w.f["year"] = int(b.group("year"))
        w.f["year_suffix"] = b.group("suffix")
        _set_authors(w, s[: b.start()])
        return ". " + s[b.end():]
    return s  # no year: no author list can be told apart reliably


def _set_authors(w: _Work, head: str) -> None:
    head = head.strip(" ,;:")
    if _EDS.search(head):
        w.f["authors_are_editors"] = True
        head = _EDS.sub("", head)
    if _ETAL.search(head):
        w.f["et_al"] = True
        head = _ETAL.sub("", head)
    w.f["authors"] = rp.split_people(head)


def _title(w: _Work, rest: str) -> str:
    """Take the title from the start of ``rest`` (quoted, or up to the style's separator)."""
    if "title" in w.f:
        return rest
    body = rest.lstrip(" ,.:;")
    q = rp.quoted_prefix(body)
    if q is not None:
        title, after = q
        w.f["title"] = title
        w.f["title_quoted"] = True
        return after
    if not body:
        return ""
    comma_style = w.f.get("style") == "harvard" and rest.lstrip().startswith(",")
    end = rp.sentence_end(body)
    if comma_style:
        c = rp.top_level_comma(body)
        if c is not None and (end is None or c < end):
            w.f["title"] = body[:c].strip()
            return body[c:]
    if end is None:
        w.f["title"] = body.strip(" .")
        return ""
    w.f["title"] = body[:end].strip()
    return body[end:]


def _labelled(w: _Work, rest: str) -> str:
    for rx in (_VOL_NO, _PAGES, _VOL_ISS):
        for m in list(rx.finditer(rest))[:1]:
            g = m.groupdict()
            if g.get("vol") and "volume" not in w.f:
                w.f["volume"] = g["vol"]
            iss = g.get("iss") or g.get("iss2")
            if iss and "issue" not in w.f:
                w.f["issue"] = normalise_hyphens(iss).strip()
            if g.get("pages") and not w.f.get("pages"):
                w.f["pages"] = _pages(m.group(0).strip("() ,") if rx is _PAGES else g["pages"])
            rest = rest[: m.start()] + " , " + rest[m.end():]
    m = _IN.search(rest)
    if m:
        if m.group("eds"):
            eds = m.group("eds")
            family_first = bool(_FAMILY_FIRST.search(eds))
            w.f["container_editors"] = rp.split_people(eds, given_first=not family_first)
        w.f["in_marker"] = True
        rest = rest[: m.start()] + " , " + rest[m.end():]
        w.f["container_next"] = True
    return rest


def _segments(w: _Work, rest: str) -> None:
    known = rp.known_container(rest)
    if known and "container_title" not in w.f:
        i = rest.index(known)
        w.f["container_title"] = known
        rest = rest[:i] + " , " + rest[i + len(known):]
    segs = rp.split_segments(rest)
    for i, seg in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else ""
        # a publisher-like segment is the publisher when a place or press follows or it is a
        # press; otherwise (a report series, a website) it is the container
        numbered = bool(w.f.get("volume") or w.f.get("issue") or w.f.get("pages"))
        publisher_like = not rp.is_report(seg) and (
            rp.is_place(nxt) or bool(rp.place_publisher(nxt)) or rp.is_commercial_publisher(seg)
            or (w.f.get("style") == "apa" and not nxt and not numbered and rp.is_publisher(seg)))
        pp = rp.place_publisher(seg)
        if pp and "place" not in w.f:
            w.f["place"], w.f["publisher"] = pp
        elif rp.is_place(seg) and "place" not in w.f:
            w.f["place"] = seg
        elif _NEWS_DATE.match(seg) and "date_detail" not in w.f:
            w.f["date_detail"] = seg
        elif _NUMBER.fullmatch(seg) and "container_title" in w.f and "volume" not in w.f:
            w.f["volume"] = seg
        elif (_RANGE.fullmatch(seg)
              and not w.f.get("pages")):
            w.f["pages"] = _pages(seg)
        elif "title" not in w.f:
            w.f["title"] = seg
        elif "container_title" not in w.f and (not publisher_like or w.f.get("container_next")):
            w.f["container_title"] = seg
            w.f["container_next"] = False
        elif "publisher" not in w.f and (publisher_like or rp.is_publisher(seg) or "container_title" in w.f):
            w.f["publisher"] = seg
        else:
            w.unparsed.append(seg)


def _work_type(f: dict[str, object]) -> WorkType:
    return rp.work_type({
        "title": f.get("title"), "container": f.get("container_title"), "volume": f.get("volume"),
        "issue": f.get("issue"), "pages": f.get("pages"), "publisher": f.get("publisher"),
        "edition": f.get("edition"), "url": f.get("url"), "accessed": f.get("accessed"),
        "in_book": f.get("chapter") or f.get("container_editors") or f.get("in_marker"),
        "dated": f.get("date_detail") and f.get("style") != "vancouver",
        "editors_first": f.get("authors_are_editors"),
    })


field_text = rp.field_text


def parse_reference(text: str) -> CitedWork:
    """Parse one reference-list entry. Never raises; what it cannot place goes to ``unparsed``.

    >>> w = parse_reference("Bradstreet, S. (2006), “Harnessing”, The Mental Health Review, "
    ...                     "Vol. 11 No. 2, pp. 33\u20107.")
    >>> (w.year, w.title, w.container_title, w.volume, w.issue, w.pages.end, w.work_type.value)
    (2006, 'Harnessing', 'The Mental Health Review', '11', '2', '37', 'journal-article')
    """
    cleaned = clean(text.replace("\n", " "))
    tail = _LINK_TAIL.search(cleaned)
    if tail:
        cleaned = cleaned[: tail.start()].rstrip()
    w = _Work(cleaned)
    m = _LABEL.match(w.s)
    if m:
        w.f["label"] = m.group(1)
        w.s = w.s[m.end():]
    _identifiers(w)
    rest = _authors_and_year(w)
    rest = _title(w, rest)
    rest = _labelled(w, rest)
    _segments(w, rest)
    f = w.f
    work_type = _work_type(f)
    authors: tuple[PersonName, ...] = tuple(f.get("authors", ()))  # type: ignore[arg-type]
    result = CitedWork(
        text=text, work_type=work_type, authors=authors, et_al=bool(f.get("et_al")),
        authors_are_editors=bool(f.get("authors_are_editors")),
        year=f.get("year"), year_suffix=f.get("year_suffix"),  # type: ignore[arg-type]
        no_date=bool(f.get("no_date")), date_detail=f.get("date_detail"),  # type: ignore[arg-type]
        title=rp.tidy(f.get("title")), container_title=rp.tidy(f.get("container_title")),
        container_editors=tuple(f.get("container_editors", ())),  # type: ignore[arg-type]
        volume=f.get("volume"), issue=f.get("issue"), pages=f.get("pages"),  # type: ignore[arg-type]
        chapter=f.get("chapter"), edition=f.get("edition"),  # type: ignore[arg-type]
        publisher=rp.tidy(f.get("publisher")), place=rp.tidy(f.get("place")),
        url=f.get("url"), accessed=f.get("accessed"), doi=f.get("doi"),  # type: ignore[arg-type]
        label=f.get("label"), style=str(f.get("style", "unknown")),  # type: ignore[arg-type]
        unparsed=tuple(w.unparsed),
    )
    return rp.finish(result, cleaned)
