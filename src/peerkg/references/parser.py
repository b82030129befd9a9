"""The learned reference parser: a CRF labels the tokens, rules finish the job where they are sure.

Rules run only where they beat the model: the printed list number ("12.", "[3]") and a chapter
label ("(Chapter 6)") are cut off before tagging; after tagging, fields are normalised (bare DOI,
repaired URL, expanded page range, year and suffix), the work type is read off the fields found,
and a last guard puts any word no field took into ``unparsed``.
"""

from __future__ import annotations

import re

from peerkg.model import CitedWork, PageRange, WorkType
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.text import clean, normalise_hyphens
from peerkg.references import parts as rp
from peerkg.references import rules
from peerkg.references.fields import MARKER_WORDS, Parsed, cut, pages_from, tidy
from peerkg.references.tagger import tag

__all__ = ["parse_reference"]

_LABEL = re.compile(r"^\s*(\[\d{1,4}\]|\d{1,4}[.)])\s+")
_CHAPTER = re.compile(r"\(?\b(?:[Cc]hapter|[Cc]hap\.|[Cc]h\.)\s*(\d+|[IVXLC]+)\b\)?")
_YEAR = re.compile(r"(?P<year>(?:1[5-9]|20)\d{2})(?:\s*/\s*\d{1,4})?(?P<suffix>[a-z])?\b")
_NODATE = re.compile(r"n\.?\s?d\.?|no date|in press|forthcoming|undated|in preparation", re.IGNORECASE)
_EDITION = re.compile(r"(\d+(?:st|nd|rd|th)?|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]ev(?:ised)?\.?)")
#: a year (or "n.d.", "in press") in round brackets: what Emerald and APA strings print after the names
_BRACKETED_YEAR = re.compile(r"\(\s*(?:(?:1[5-9]|20)\d{2}|n\.|no date|in press|forthcoming|undated)", re.IGNORECASE)
_PP = re.compile(r"\bpp\.?\s*$")
_PAGE_LABEL = re.compile(r"\b(?:pp?\.?|pages?)\s*$")
FIELDS = ("authors", "editors", "year", "date", "title", "container", "volume", "issue", "pages", "publisher",
          "place", "edition", "genre", "doi", "url", "accessed")


def _mask(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def _work_type(v: dict[str, str], p: Parsed, editors_first: bool) -> WorkType:
    publisher = v.get("publisher", "")
    own = len(p.authors) == 1 and p.authors[0].is_organisation and p.authors[0].as_written == publisher
    return rp.work_type({
        **v, "in_book": p.editors or "in" in p.markers, "internet": "internet" in p.markers,
        "web": "web" in p.markers, "dated": v.get("date") and not v.get("issue") and not publisher,
        "editors_first": editors_first, "own_publisher": own, "guess_journal": True,
    }, genre=v.get("genre") or None)


def _style(labels: list[str], toks: list[str]) -> str:
    """A coarse style family from how the year and names are printed (for reports and tests)."""
    try:
        y = labels.index("year")
    except ValueError:
        return "unknown"
    before = toks[y - 1] if y else ""
    after = toks[y + 1] if y + 1 < len(toks) else ""
    if before == "(" and y + 2 < len(toks) and toks[y + 1] in (")", ","):
        nxt = toks[y + 2] if toks[y + 1] == ")" else ","
        return "harvard" if nxt == "," or "as" not in labels and nxt not in (".",) else "apa"
    if after == ";" or before in (";",):
        return "vancouver"
    given = [t for t, lab in zip(toks, labels, strict=True) if lab == "ag"]
    if given and "." not in given and all(t.isupper() or t == "," for t in given):
        return "vancouver"
    return "harvard" if "af" in labels[:y] else "unknown"


_ATTR = {"container": "container_title", "editors": "container_editors", "date": "date_detail"}
WEAK = 0.75  # the confidence of a field the two readers disagree on (below linking's bar)


def parse_reference(text: str) -> CitedWork:
    """Parse one reference-list entry. Never raises; what no field takes goes to ``unparsed``.

    The CRF reads every string. A string with its year in brackets (Emerald, APA) that the rule reader
    takes whole and is sure of is read by the rules, which were written for those house styles; each of
    its fields then carries the CRF's confidence where both readers agree on it and :data:`WEAK` where
    they do not.

    >>> w = parse_reference("Bradstreet, S. (2006), “Harnessing”, The Mental Health Review, "
    ...                     "Vol. 11 No. 2, pp. 33\u20107.")
    >>> (w.year, w.title, w.container_title, w.volume, w.issue, w.pages.end, w.work_type.value)
    (2006, 'Harnessing', 'The Mental Health Review', '11', '2', '37', 'journal-article')
    """
    learned = read_crf(text)
    if not _BRACKETED_YEAR.search(text):
        return learned  # not the Emerald/APA family the rules were written for
    ruled = rules.parse_reference(text)
    if (ruled.style not in ("harvard", "apa") or ruled.confidence < 0.99 or ruled.unparsed
            or (learned.genre and ruled.work_type is not learned.work_type)):
        return learned
    conf = dict(learned.field_confidence)
    agreed = []
    for name in FIELDS:
        attr = _ATTR.get(name, name)
        mine = getattr(ruled, attr, None)
        if mine in (None, "", ()):
            continue
        same = mine == getattr(learned, attr, None) and name in conf
        agreed.append((name, max(conf[name], ruled.confidence) if same else WEAK))
    return rp.with_fields(ruled, genre=learned.genre, link_text=learned.link_text, field_confidence=tuple(agreed))


def read_crf(text: str) -> CitedWork:
    """The CRF's reading alone (the model, then the rules that finish its fields)."""
    cleaned = clean(text.replace("\n", " "))
    masked, label, chapter = cleaned, None, None
    m = _LABEL.match(masked)
    if m:
        label, masked = m.group(1), _mask(masked, m)
    m = _CHAPTER.search(masked)
    if m:
        chapter, masked = m.group(1), _mask(masked, m)
    toks, labels, probs = tag(masked)
    p = cut(masked, toks, labels, probs)
    v = {k: x for k, x in p.values.items()}
    year = suffix = None
    no_date = False
    if "year" in v:
        ym = _YEAR.search(v["year"])
        if ym:
            year, suffix = int(ym.group("year")), ym.group("suffix")
        elif _NODATE.search(v["year"]):
            no_date = True
        else:
            p.unparsed.append(v["year"])
    pages = None
    if "pages" in v:
        start = toks[p.spans["pages"][0]].start
        plural = bool(_PP.search(masked[max(0, start - 6): start]))
        pages = pages_from(v["pages"], plural) or PageRange(start=normalise_hyphens(v["pages"]).strip(),
                                                           as_written=v["pages"])
        marker = _PAGE_LABEL.search(masked[max(0, start - 8): start])
        if marker and pages.as_written == v["pages"]:  # the page label is printed with the range
            written = masked[start - len(marker.group()): start] + v["pages"]
            pages = PageRange(start=pages.start, end=pages.end, as_written=written)
    doi = None
    for key in ("doi", "url"):
        if key in v and doi is None:
            doi = normalise_doi(v[key].rstrip(".,;"))
            if doi and key == "url":
                del v["url"]
    if "doi" in v and doi is None:
        p.unparsed.append(v["doi"])
    url = normalise_hyphens(v["url"]).replace("\u2014", "-") if "url" in v else None
    edition = None
    if "edition" in v:
        em = _EDITION.search(v["edition"])
        edition = em.group(1) if em else tidy(v["edition"])
    t = {k: tidy(x) for k, x in v.items() if k not in ("pages", "doi", "url", "year")}
    authors_are_editors = "eds-after-authors" in p.markers or _eds_after_authors(masked, toks, labels)
    conf = {k: round(c, 2) for k, c in p.conf.items() if k != "note"}
    work = CitedWork(
        text=text, work_type=_work_type({**t, **({"url": url} if url else {})}, p, authors_are_editors),
        authors=tuple(p.authors), et_al=p.et_al, authors_are_editors=authors_are_editors,
        year=year, year_suffix=suffix, no_date=no_date, date_detail=t.get("date") or None,
        title=t.get("title") or None, container_title=t.get("container") or None,
        container_editors=tuple(p.editors), volume=t.get("volume") or None, issue=normalise_hyphens(
            t["issue"]) if t.get("issue") else None, pages=pages, chapter=chapter, edition=edition,
        publisher=t.get("publisher") or None, place=t.get("place") or None, url=url,
        accessed=t.get("accessed") or None, doi=doi, label=label, style=_style(labels, [x.text for x in toks]),
        genre=t.get("genre") or None, link_text=tuple(p.notes),
        field_confidence=tuple((k, conf[k]) for k in FIELDS if k in conf),
        unparsed=tuple(dict.fromkeys(x for x in p.unparsed if x.strip())),
    )
    return _guard(work, cleaned, probs)


def _eds_after_authors(text: str, toks, labels: list[str]) -> bool:  # noqa: ANN001
    """"Smith, J. (Ed.)" / "Slade, M., Oades, L. (Eds.)." / "…, editors.": the leading names edited it."""
    last = max((i for i, lab in enumerate(labels) if lab in ("af", "ag", "as")), default=None)
    if last is None:
        return False
    for k in range(last + 1, min(last + 4, len(toks))):
        low = toks[k].text.casefold()
        if low in ("ed", "eds", "editor", "editors"):
            return labels[k] == "O"
        if labels[k] != "O":
            return False
    return False


def _guard(work: CitedWork, cleaned: str, probs: list[float]) -> CitedWork:
    """Add what no field took to ``unparsed`` and score the reading (base: the mean token probability)."""
    unparsed = list(work.unparsed)
    missing = rp.missing_words(work, cleaned, MARKER_WORDS)
    if missing:
        unparsed.append(" ".join(dict.fromkeys(missing)))
    score = (sum(probs) / len(probs) if probs else 0.05) - rp.penalties(work, unparsed, no_year=0.2)
    if not (work.authors or work.year or work.no_date or work.container_title or work.doi or work.url):
        score = min(score, 0.3)  # nothing but words: not recognisably a reference
    return rp.with_fields(work, unparsed=tuple(unparsed), confidence=round(min(max(score, 0.05), 1.0), 2))
