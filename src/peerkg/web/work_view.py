"""What a work's page shows beyond its statements: authors in order, venue, abstract sections,
references, citation statements, and its concept tags with their evidence (W3C Web Annotations).

Every look-up is a bounded SELECT through the backend (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from peerkg.web.concept_view import work_tags
from peerkg.web.lookups import Row, select, value

AUTHORS = """SELECT ?pos ?person ?written ?name WHERE {
  <%(iri)s> pro:isDocumentContextFor ?role . ?role schema:position ?pos ; pro:isHeldBy ?person .
  OPTIONAL { ?role pro:withRole ?r } FILTER (!BOUND(?r) || ?r = pro:author)
  OPTIONAL { ?role psmh:nameAsWritten ?written } OPTIONAL { ?person foaf:name ?name } } ORDER BY ?pos"""
VENUE = """SELECT ?container ?ctitle ?volume ?issue ?journal ?jtitle WHERE {
  <%(iri)s> dcterms:isPartOf ?container .
  OPTIONAL { ?container dcterms:title ?ctitle } OPTIONAL { ?container bibo:volume ?volume }
  OPTIONAL { ?container bibo:issue ?issue }
  OPTIONAL { ?container dcterms:isPartOf ?journal OPTIONAL { ?journal dcterms:title ?jtitle } } }"""
SECTIONS = """SELECT ?abstract ?section ?pos ?heading ?text WHERE {
  <%(iri)s> dcterms:hasPart ?abstract . ?abstract a fabio:Abstract ; dcterms:hasPart ?section .
  ?section c4o:hasContent ?text . OPTIONAL { ?section schema:position ?pos }
  OPTIONAL { ?section rdfs:label ?heading } } ORDER BY ?abstract ?pos"""
REFERENCES = """SELECT ?ref ?pos ?text ?cited WHERE {
  ?ref a biro:BibliographicReference ; dcterms:isPartOf <%(iri)s> .
  OPTIONAL { ?ref schema:position ?pos } OPTIONAL { ?ref c4o:hasContent ?text }
  OPTIONAL { ?ref biro:references ?cited } } ORDER BY ?pos ?ref"""
STATEMENTS = """SELECT ?s ?pos ?text ?type ?characterization ?confidence ?section ?citing WHERE {
  ?s a psmh:CitationStatement ; cito:hasCitedEntity <%(iri)s> .
  OPTIONAL { ?s c4o:hasContent ?text } OPTIONAL { ?s schema:position ?pos }
  OPTIONAL { ?s dcterms:type/skos:prefLabel ?type FILTER (lang(?type) = "en") }
  OPTIONAL { ?s cito:hasCitationCharacterization ?characterization }
  OPTIONAL { ?s psmh:confidence ?confidence } OPTIONAL { ?s psmh:citingSection ?section }
  OPTIONAL { ?s cito:hasCitingEntity ?citing } } ORDER BY ?pos ?s"""
def _q(query: str, iri: str, limit: int = 2000) -> list[Row]:
    return select(query % {"iri": iri}, limit, prologue=True)


def is_work(iri: str) -> bool:
    return bool(_q("SELECT ?x WHERE { <%(iri)s> a dcterms:BibliographicResource BIND(1 AS ?x) } LIMIT 1", iri, 1))


def tags(iri: str) -> dict[str, list[dict[str, Any]]]:
    """``{"about": [...], "mentions": [...]}``: per concept, its evidence (words, field, rule, score), the
    strongest first (:func:`peerkg.web.concept_view.work_tags`)."""
    return work_tags(iri)


def work_view(iri: str) -> dict[str, Any] | None:
    """Everything the work section of a resource page shows, or ``None`` when ``iri`` is not a work."""
    if not is_work(iri):
        return None
    authors: dict[str, dict[str, str]] = {}
    for r in _q(AUTHORS, iri):
        authors.setdefault(value(r, "pos"), {"position": value(r, "pos"), "person": value(r, "person"),
                                             "written": value(r, "written"), "name": value(r, "name")})
    sections: dict[str, dict[str, str]] = {}
    for r in _q(SECTIONS, iri):
        sections.setdefault(value(r, "section"), {"heading": value(r, "heading"), "text": value(r, "text"),
                                                  "position": value(r, "pos")})
    references: dict[str, dict[str, str]] = {}
    for r in _q(REFERENCES, iri):
        references.setdefault(value(r, "ref"), {"iri": value(r, "ref"), "position": value(r, "pos"),
                                                "text": value(r, "text"), "cited": value(r, "cited")})
    statements: dict[str, dict[str, str]] = {}
    for r in _q(STATEMENTS, iri):
        statements.setdefault(value(r, "s"), {k: value(r, k) for k in (
            "s", "pos", "text", "type", "characterization", "confidence", "section", "citing")})
    venues = [{k: value(r, k) for k in ("container", "ctitle", "volume", "issue", "journal", "jtitle")}
              for r in _q(VENUE, iri)]
    by_container: dict[str, list[dict[str, str]]] = defaultdict(list)
    for v in venues:
        by_container[v["container"]].append(v)
    return {"authors": list(authors.values()), "venues": [rows[0] for rows in by_container.values()],
            "sections": list(sections.values()), "references": list(references.values()),
            "statements": list(statements.values()), "tags": tags(iri)}
