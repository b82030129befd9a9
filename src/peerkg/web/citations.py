"""Works as a bibliography names them: authors in order, year, title, venue (journal, volume, issue),
pages and DOI, for any number of works at once, with what is known only by inference marked as such.

:func:`describe_works` feeds the citation line of a work's page, the works of a person's page, a work's
references and the citing works of its citation statements. Every look-up is a bounded SELECT with the
works as ``VALUES`` (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from peerkg.labels import choose_label, plain_value
from peerkg.web.lookups import Row, select, value
from peerkg.web.terms import languages

CREATOR = "http://purl.org/dc/terms/creator"
IS_PART_OF = "http://purl.org/dc/terms/isPartOf"
WORKS_PREFIX = "https://w3id.org/psmh/id/work/"

FACTS = """SELECT ?w ?title ?year ?doi ?start ?end ?teaser ?type ?typeLabel ?from ?publisher WHERE {
  VALUES ?w { %(works)s }
  { ?w dcterms:title ?title } UNION { ?w fabio:hasPublicationYear ?year } UNION { ?w bibo:doi ?doi }
  UNION { ?w bibo:pageStart ?start } UNION { ?w bibo:pageEnd ?end } UNION { ?w psmh:listingTeaser ?teaser }
  UNION { ?w dcterms:type ?type OPTIONAL { ?type skos:prefLabel ?typeLabel } }
  UNION { ?w prov:wasDerivedFrom ?ref . ?ref a biro:BibliographicReference ; dcterms:isPartOf ?from }
  UNION { ?w dcterms:publisher/foaf:name ?publisher } }"""
AUTHORS = """SELECT ?w ?pos ?person ?role ?written ?name WHERE {
  VALUES ?w { %(works)s }
  ?w pro:isDocumentContextFor ?slot . ?slot pro:isHeldBy ?person .
  OPTIONAL { ?slot schema:position ?pos } OPTIONAL { ?slot pro:withRole ?role }
  OPTIONAL { ?slot psmh:nameAsWritten ?written } OPTIONAL { ?person foaf:name ?name } }"""
CREATORS = """SELECT ?w ?person ?name WHERE { VALUES ?w { %(works)s }
  ?w dcterms:creator ?person OPTIONAL { ?person foaf:name ?name } }"""
VENUES = """SELECT ?w ?c ?ctitle ?volume ?issue ?journal ?jtitle WHERE {
  VALUES ?w { %(works)s }
  ?w dcterms:isPartOf ?c .
  OPTIONAL { ?c dcterms:title ?ctitle } OPTIONAL { ?c bibo:volume ?volume } OPTIONAL { ?c bibo:issue ?issue }
  OPTIONAL { ?c dcterms:isPartOf ?journal OPTIONAL { ?journal dcterms:title ?jtitle } } }"""
# What the build inferred about the works (psmh:Inference records: rule, confidence, evidence), with the
# title of an inferred venue.
INFERRED = """SELECT ?w ?i ?p ?o ?otitle ?rule ?confidence ?evidence WHERE {
  VALUES ?w { %(works)s }
  ?i a psmh:Inference ; rdf:subject ?w ; rdf:predicate ?p ; rdf:object ?o ; psmh:rule ?rule .
  OPTIONAL { ?i psmh:confidence ?confidence } OPTIONAL { ?i psmh:evidence ?evidence }
  OPTIONAL { ?o dcterms:title ?otitle } }"""


def _rows(query: str, works: list[str], limit: int = 5000) -> list[Row]:
    return select(query % {"works": " ".join(f"<{w}>" for w in works)}, limit, prologue=True)


def _int(text: str, default: int = 10_000) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _blank(iri: str) -> dict[str, Any]:
    return {"iri": iri, "titles": [], "title": "", "year": "", "doi": "", "pages": "", "teaser": "",
            "types": [], "from_reference_in": "", "publisher": "", "authors": [], "inferred_authors": None,
            "venue": None, "inferred_venue": None}


def describe_works(iris: list[str] | set[str]) -> dict[str, dict[str, Any]]:
    """``{work: {title, year, doi, pages, teaser, types, from_reference_in, authors, inferred_authors,
    venue, inferred_venue}}`` for each of ``iris`` (at most 400 at once)."""
    works = sorted(set(iris))[:400]
    if not works:
        return {}
    out = {w: _blank(w) for w in works}
    starts: dict[str, str] = {}
    ends: dict[str, str] = {}
    types: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for r in _rows(FACTS, works):
        d = out[value(r, "w")]
        if "title" in r:
            d["titles"].append((value(r, "title"), r["title"].get("xml:lang", "")))
        d["year"] = d["year"] or value(r, "year")
        d["doi"] = d["doi"] or value(r, "doi")
        d["teaser"] = d["teaser"] or value(r, "teaser")
        d["from_reference_in"] = d["from_reference_in"] or value(r, "from")
        d["publisher"] = d["publisher"] or value(r, "publisher")
        if value(r, "start"):
            starts[d["iri"]] = value(r, "start")
        if value(r, "end"):
            ends[d["iri"]] = value(r, "end")
        if value(r, "typeLabel"):
            types.setdefault(d["iri"], {}).setdefault(value(r, "type"), []).append(
                (value(r, "typeLabel"), r["typeLabel"].get("xml:lang", "")))
    langs = languages()
    for w, d in out.items():
        d["title"] = choose_label(d.pop("titles"), langs) or ""
        d["types"] = sorted(filter(None, (choose_label(ls, langs) for ls in types.get(w, {}).values())))
        start, end = starts.get(w, ""), ends.get(w, "")
        d["pages"] = f"{start}–{end}" if start and end and start != end else (start or end)
    _authors(out, works)
    _venues(out, works)
    _inferred(out, works)
    return out


def _authors(out: dict[str, dict[str, Any]], works: list[str]) -> None:
    slots: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for r in _rows(AUTHORS, works):
        role = value(r, "role")
        if role and not role.endswith("/pro/author"):
            continue
        key = value(r, "pos") or value(r, "person")
        slots[value(r, "w")].setdefault(key, {"person": value(r, "person"), "name": value(r, "name"),
                                               "written": value(r, "written"), "position": value(r, "pos")})
    seen: dict[str, set[str]] = defaultdict(set)
    for w, by_pos in slots.items():
        ordered = sorted(by_pos.values(), key=lambda a: (_int(a["position"]), a["name"]))
        for a in ordered:
            if a["person"] not in seen[w]:
                seen[w].add(a["person"])
                out[w]["authors"].append(a)
    for r in _rows(CREATORS, works):  # creators without an author slot (no position known): after the others
        w, person = value(r, "w"), value(r, "person")
        if person not in seen[w]:
            seen[w].add(person)
            out[w]["authors"].append({"person": person, "name": value(r, "name"), "written": "", "position": ""})


def _venues(out: dict[str, dict[str, Any]], works: list[str]) -> None:
    for r in _rows(VENUES, works):
        d = out[value(r, "w")]
        if d["venue"] and d["venue"]["journal_title"]:
            continue
        journal = value(r, "journal")
        d["venue"] = {
            "journal": journal or value(r, "c"),
            "journal_title": value(r, "jtitle") if journal else value(r, "ctitle"),
            "container": value(r, "c") if journal else "",
            "volume": value(r, "volume"), "issue": value(r, "issue")}


def _inferred(out: dict[str, dict[str, Any]], works: list[str]) -> None:
    for r in _rows(INFERRED, works):
        d = out[value(r, "w")]
        why = {"rule": value(r, "rule"), "confidence": plain_value(value(r, "confidence")),
               "evidence": value(r, "evidence"), "inference": value(r, "i")}
        if value(r, "p") == CREATOR and not d["authors"] and r["o"]["type"] == "literal":
            names = [n.strip() for n in value(r, "o").split(";") if n.strip()]
            d["inferred_authors"] = {"names": names, **why}
        elif value(r, "p") == IS_PART_OF and not d["venue"] and r["o"]["type"] == "uri":
            d["inferred_venue"] = {"journal": value(r, "o"), "journal_title": value(r, "otitle"),
                                   "container": "", "volume": "", "issue": "", **why}


def author_names(d: dict[str, Any]) -> list[str]:
    """The authors' names as a citation shows them (the inferred names when no page lists the authors)."""
    names = [a["name"] or a["written"] for a in d["authors"]]
    if not names and d["inferred_authors"]:
        names = list(d["inferred_authors"]["names"])
    return [n for n in names if n]


def display_title(d: dict[str, Any]) -> str:
    """The title, else "Untitled work" (a search listing prints no title)."""
    return d["title"] or "Untitled work"


def untitled_labels(iris: set[str], labels: dict[str, str]) -> dict[str, str]:
    """Labels for the works among ``iris`` that have none ("Untitled work (2012) by Emma Watson, Julie
    Repper"): a search listing prints no title, and a reader should still tell such works apart."""
    works = {i for i in iris if i not in labels and i.startswith(WORKS_PREFIX) and "/" in i[len(WORKS_PREFIX):]}
    out = {}
    for iri, d in describe_works(works).items():
        if d["title"]:
            continue
        names = author_names(d)
        out[iri] = "Untitled work" + (f" ({d['year']})" if d["year"] else "") + (
            f" by {', '.join(names)}" if names else "")
    return out
