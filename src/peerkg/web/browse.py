"""The ways into the data from the home page: works by year, people, journals and concepts as paged lists,
and a search over titles and names.

Every list is one bounded SELECT through the backend (:func:`peerkg.web.lookups.select`, under the
service's time limit), asking for one row more than a page holds to know whether there is a next page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from peerkg.web.lookups import Row, select, value
from peerkg.web.state import cache
from peerkg.web.terms import languages

PAGE_SIZE = 50
MAX_WORDS = 8
MAX_WORD_CHARS = 40

# A label for each node by the one language rule (peerkg.labels): the reader's language, else English,
# else any. ``%%(lang)s`` is the reader's language as a SPARQL literal, filled in per request.
_LABEL = """OPTIONAL { ?s %(p)s ?l_want FILTER (langMatches(lang(?l_want), %%(lang)s)) }
  OPTIONAL { ?s %(p)s ?l_en FILTER (langMatches(lang(?l_en), "en")) }
  OPTIONAL { ?s %(p)s ?l_any }
  BIND (COALESCE(?l_want, ?l_en, ?l_any) AS ?l)"""

WORK_YEARS = """SELECT ?year (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a dcterms:BibliographicResource .
  OPTIONAL { ?s fabio:hasPublicationYear ?y }
  BIND (COALESCE(SUBSTR(STR(?y), 1, 4), "") AS ?year)
} GROUP BY ?year ORDER BY DESC(?year)"""

WORKS = """SELECT ?s (SAMPLE(?l) AS ?label) (MIN(?y4) AS ?year) (SAMPLE(?t) AS ?type) WHERE {
  ?s a dcterms:BibliographicResource .
  OPTIONAL { ?s fabio:hasPublicationYear ?y }
  BIND (COALESCE(SUBSTR(STR(?y), 1, 4), "") AS ?y4)
  %(year)s
  OPTIONAL { ?s a ?t FILTER (STRSTARTS(STR(?t), STR(fabio:)) && ?t != fabio:Expression) }
  """ + _LABEL % {"p": "dcterms:title"} + """
} GROUP BY ?s ORDER BY DESC(?year) (!BOUND(?label)) LCASE(STR(?label)) ?s LIMIT %(limit)d OFFSET %(offset)d"""

AUTHORS = """SELECT ?s ?name ?pos WHERE {
  VALUES ?s { %(values)s }
  ?s pro:isDocumentContextFor ?role . ?role pro:isHeldBy ?p ; schema:position ?pos .
  OPTIONAL { ?role psmh:nameAsWritten ?written } OPTIONAL { ?p foaf:name ?n }
  BIND (COALESCE(?n, ?written) AS ?name)
} ORDER BY ?s ?pos"""

PEOPLE = """SELECT ?s (SAMPLE(?n) AS ?label) (SAMPLE(?f) AS ?family) (COUNT(DISTINCT ?w) AS ?works) WHERE {
  ?s a foaf:Person .
  OPTIONAL { ?s foaf:name ?n } OPTIONAL { ?s foaf:familyName ?f }
  OPTIONAL { ?w dcterms:creator ?s }
} GROUP BY ?s ORDER BY LCASE(STR(COALESCE(?family, ?label))) LCASE(STR(?label)) ?s
LIMIT %(limit)d OFFSET %(offset)d"""

JOURNALS = """SELECT ?s (SAMPLE(?t) AS ?label) (SAMPLE(?i) AS ?issn) (COUNT(DISTINCT ?w) AS ?works) WHERE {
  ?s a fabio:Journal .
  OPTIONAL { ?s dcterms:title ?t } OPTIONAL { ?s bibo:issn ?i }
  OPTIONAL { { ?w dcterms:isPartOf ?s } UNION { ?w dcterms:isPartOf/dcterms:isPartOf ?s }
             ?w a dcterms:BibliographicResource }
} GROUP BY ?s ORDER BY LCASE(STR(?label)) ?s LIMIT %(limit)d OFFSET %(offset)d"""

CONCEPTS = """SELECT ?s (SAMPLE(?l) AS ?label) (SAMPLE(?scheme) AS ?in)
       (SAMPLE(?st) AS ?schemeLabel) (COUNT(DISTINCT ?w) AS ?works) WHERE {
  ?s a skos:Concept .
  OPTIONAL { ?s skos:inScheme ?scheme OPTIONAL { ?scheme dcterms:title ?st } }
  OPTIONAL { ?a oa:hasBody ?s ; oa:hasTarget ?w . ?w a dcterms:BibliographicResource }
  """ + _LABEL % {"p": "skos:prefLabel"} + """
} GROUP BY ?s ORDER BY DESC(?works) LCASE(STR(?schemeLabel)) LCASE(STR(?label)) ?s
LIMIT %(limit)d OFFSET %(offset)d"""

# Titles and names holding every word of the search (each at a word start, any case), by kind.
SEARCH = """SELECT ?s ?kind (SAMPLE(?l) AS ?label) (MIN(?rank) AS ?order) (MIN(?y4) AS ?year) WHERE {
  VALUES (?cls ?kind ?rank ?p) {
    (dcterms:BibliographicResource "work" 1 dcterms:title)
    (foaf:Person "person" 2 foaf:name)
    (fabio:Journal "journal" 3 dcterms:title)
    (skos:Concept "concept" 4 skos:prefLabel) (skos:Concept "concept" 4 skos:altLabel) }
  ?s a ?cls ; ?p ?l .
  FILTER (%(filters)s)
  OPTIONAL { ?s fabio:hasPublicationYear ?y BIND (SUBSTR(STR(?y), 1, 4) AS ?y4) }
} GROUP BY ?s ?kind ORDER BY ?order LCASE(STR(?label)) ?s LIMIT %(limit)d OFFSET %(offset)d"""

KINDS = {"works": WORKS, "people": PEOPLE, "journals": JOURNALS, "concepts": CONCEPTS}


@dataclass
class Listing:
    """One page of a list: its items, the page number and whether more follow."""

    items: list[dict[str, Any]]
    page: int
    more: bool
    extra: dict[str, Any] = field(default_factory=dict)


def _page(query: str, page: int, **values: Any) -> tuple[list[Row], bool]:
    # the reader's first language (a tag checked by peerkg.labels), by its primary subtag: "de-DE" asks for
    # "de", which langMatches finds in @de and @de-DE alike
    lang = json.dumps(languages()[0].split("-")[0])
    rows = select(query % {**values, "lang": lang, "limit": PAGE_SIZE + 1, "offset": (page - 1) * PAGE_SIZE},
                  PAGE_SIZE + 1, prologue=True)
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def _item(row: Row, **names: str) -> dict[str, Any]:
    out: dict[str, Any] = {"iri": value(row, "s"), "label": value(row, "label")}
    out.update({key: value(row, name) for key, name in names.items()})
    return out


def work_years() -> list[tuple[str, int]]:
    """``[(year or "", works), …]``, newest first; ``""`` counts the works without a year. Counted once per
    app (an update through /update empties the cache)."""
    store = cache()
    if "work-years" not in store:
        rows = select(WORK_YEARS, 1000, prologue=True)
        store["work-years"] = [(value(r, "year"), int(value(r, "n", "0"))) for r in rows]
    return store["work-years"]


def authors_of(works: list[str]) -> dict[str, list[str]]:
    """The authors of ``works`` in author order (names as the graph gives them)."""
    if not works:
        return {}
    rows = select(AUTHORS % {"values": " ".join(f"<{w}>" for w in works)}, 20 * len(works), prologue=True)
    out: dict[str, list[str]] = {}
    for row in rows:
        names = out.setdefault(value(row, "s"), [])
        if value(row, "name") and value(row, "name") not in names:
            names.append(value(row, "name"))
    return out


def listing(kind: str, page: int = 1, year: str | None = None) -> Listing:
    """Page ``page`` of the list of ``kind`` (works, people, journals, concepts); works of one ``year``."""
    if kind == "works":
        only = f'FILTER (?y4 = "{year}")' if year is not None else ""
        rows, more = _page(WORKS, page, year=only)
        items = [_item(r, year="year", type="type") for r in rows]
        authors = authors_of([i["iri"] for i in items])
        for item in items:
            item["authors"] = authors.get(item["iri"], [])
            item["type"] = _class_name(item["type"])
        return Listing(items, page, more)
    if kind == "people":
        rows, more = _page(PEOPLE, page)
        return Listing([_item(r, works="works") for r in rows], page, more)
    if kind == "journals":
        rows, more = _page(JOURNALS, page)
        return Listing([_item(r, issn="issn", works="works") for r in rows], page, more)
    rows, more = _page(CONCEPTS, page)
    return Listing([_item(r, scheme="schemeLabel", works="works") for r in rows], page, more)


def _class_name(iri: str) -> str:
    """``fabio:JournalArticle`` → ``journal article``."""
    local = iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


def search_words(text: str) -> list[str]:
    """The words of a search: letters and digits only (so nothing in them is SPARQL or regex syntax), at
    most :data:`MAX_WORDS` of at most :data:`MAX_WORD_CHARS` characters."""
    return [w[:MAX_WORD_CHARS] for w in re.findall(r"[^\W_]+", text)][:MAX_WORDS]


def search(text: str, page: int = 1) -> Listing:
    """Works, people, journals and concepts whose title, name or label holds every word of ``text``."""
    words = search_words(text)
    if not words:
        return Listing([], page, False, {"words": []})
    filters = " && ".join(f'REGEX(STR(?l), "\\\\b{w}", "i")' for w in words)
    rows, more = _page(SEARCH, page, filters=filters)
    items = [_item(r, kind="kind", year="year") for r in rows]
    authors = authors_of([i["iri"] for i in items if i["kind"] == "work"])
    for item in items:
        if item["kind"] == "work":
            item["authors"] = authors.get(item["iri"], [])
        else:
            del item["year"]
    return Listing(items, page, more, {"words": words})
