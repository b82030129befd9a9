"""What a work's page shows beyond its statements: the citation line (authors, year, title, venue, pages,
DOI; what is known only by inference marked), the counts its page states, abstract sections, references and
in-text citations, citation statements with the citing work when known, and its concept tags with their
evidence (W3C Web Annotations).

Every look-up is a bounded SELECT through the backend (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from typing import Any

from peerkg.web.citations import describe_works
from peerkg.web.concept_view import work_tags
from peerkg.web.lookups import Row, select, value

SECTIONS = """SELECT ?abstract ?section ?pos ?heading ?text WHERE {
  <%(iri)s> dcterms:hasPart ?abstract . ?abstract a fabio:Abstract ; dcterms:hasPart ?section .
  ?section c4o:hasContent ?text . OPTIONAL { ?section schema:position ?pos }
  OPTIONAL { ?section rdfs:label ?heading } } ORDER BY ?abstract ?pos"""
REFERENCES = """SELECT ?ref ?pos ?text ?cited WHERE {
  ?ref a biro:BibliographicReference ; dcterms:isPartOf <%(iri)s> .
  OPTIONAL { ?ref schema:position ?pos } OPTIONAL { ?ref c4o:hasContent ?text }
  OPTIONAL { ?ref biro:references ?cited } } ORDER BY ?pos ?ref"""
STATEMENTS = """SELECT ?s ?pos ?text ?type ?characterization ?confidence ?section ?citing ?same WHERE {
  ?s a psmh:CitationStatement ; cito:hasCitedEntity <%(iri)s> .
  OPTIONAL { ?s c4o:hasContent ?text } OPTIONAL { ?s schema:position ?pos }
  OPTIONAL { ?s dcterms:type/skos:prefLabel ?type FILTER (lang(?type) = "en") }
  OPTIONAL { ?s cito:hasCitationCharacterization ?characterization }
  OPTIONAL { ?s psmh:confidence ?confidence } OPTIONAL { ?s psmh:citingSection ?section }
  OPTIONAL { ?s cito:hasCitingEntity ?citing } OPTIONAL { ?s psmh:sameTextAs ?same } } ORDER BY ?pos ?s"""
COUNTS = """SELECT ?kind ?n WHERE { <%(iri)s> psmh:hasStatedCount ?c . ?c psmh:countKind ?kind ; psmh:countValue ?n }"""
# In-text citations (c4o:InTextReferencePointer) in the work's text, with what they resolve to.
POINTERS = """SELECT ?ctx ?p ?text ?start ?status ?to ?candidate WHERE { VALUES ?ctx { %(contexts)s }
  ?p a c4o:InTextReferencePointer ; c4o:hasContext ?ctx ; c4o:hasContent ?text .
  OPTIONAL { ?p psmh:offsetStart ?start } OPTIONAL { ?p psmh:resolutionStatus ?status }
  OPTIONAL { ?p psmh:resolvesTo ?to } OPTIONAL { ?p psmh:candidate ?candidate } }"""
# Works whose reference list cites this one (cito:cites, or a reference entry that biro:references it).
CITED_BY = """SELECT DISTINCT ?citing ?ref ?pos WHERE {
  { ?citing cito:cites <%(iri)s> } UNION { ?ref biro:references <%(iri)s> ; dcterms:isPartOf ?citing
                                             OPTIONAL { ?ref schema:position ?pos } }
  FILTER (?citing != <%(iri)s>) }"""
COUNT_ORDER = ("cited-by", "citation-statements", "supporting", "contrasting", "mentioning", "unclassified",
               "references")
COUNT_WORDS = {"cited-by": "cited by", "citation-statements": "citation statements", "supporting": "supporting",
               "contrasting": "contrasting", "mentioning": "mentioning", "unclassified": "unclassified",
               "references": "references"}


def _q(query: str, iri: str, limit: int = 2000) -> list[Row]:
    return select(query % {"iri": iri}, limit, prologue=True)


def is_work(iri: str) -> bool:
    return bool(_q("SELECT ?x WHERE { <%(iri)s> a dcterms:BibliographicResource BIND(1 AS ?x) } LIMIT 1", iri, 1))


def stated_counts(iri: str) -> list[dict[str, str]]:
    """The counts the work's page states, in a fixed order: ``[{"kind", "words", "n"}]`` ("cited by", 6)."""
    found: dict[str, str] = {}
    for r in _q(COUNTS, iri):
        kind = value(r, "kind").rsplit("/", 1)[-1]
        found.setdefault(kind, value(r, "n"))
    order = [k for k in COUNT_ORDER if k in found] + sorted(k for k in found if k not in COUNT_ORDER)
    return [{"kind": k, "words": COUNT_WORDS.get(k, k.replace("-", " ")), "n": found[k]} for k in order]


def in_text_citations(contexts: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The in-text citations in each of ``contexts`` (a work's text, its citation statements) in reading
    order, the same citation text once (with how often it occurs): ``{context: [{text, times, status, work,
    candidates}]}``."""
    if not contexts:
        return {}
    query = POINTERS.replace("%(contexts)s", " ".join(f"<{c}>" for c in contexts[:500]))
    by_context: dict[str, dict[str, dict[str, Any]]] = {}
    for r in sorted(select(query, 5000, prologue=True), key=lambda r: int(value(r, "start") or 0)):
        text = " ".join(value(r, "text").split())
        entry = by_context.setdefault(value(r, "ctx"), {}).setdefault(text, {
            "text": text, "pointers": set(), "status": "", "work": "", "candidates": set()})
        entry["pointers"].add(value(r, "p"))
        entry["status"] = entry["status"] or value(r, "status").rsplit("/", 1)[-1]
        entry["work"] = entry["work"] or value(r, "to")
        if value(r, "candidate"):
            entry["candidates"].add(value(r, "candidate"))
    return {ctx: [{**e, "times": len(e.pop("pointers")), "candidates": sorted(e["candidates"])}
                  for e in entries.values()] for ctx, entries in by_context.items()}


def tags(iri: str) -> dict[str, list[dict[str, Any]]]:
    """``{"about": [...], "mentions": [...]}``: per concept, its evidence (words, field, rule, score), the
    strongest first (:func:`peerkg.web.concept_view.work_tags`)."""
    return work_tags(iri)


def _statements(iri: str) -> list[dict[str, Any]]:
    """The citation statements about the work; a statement whose text repeats an earlier one
    (``psmh:sameTextAs``) is folded into it (``repeats``)."""
    statements: dict[str, dict[str, Any]] = {}
    same: dict[str, str] = {}
    for r in _q(STATEMENTS, iri):
        statements.setdefault(value(r, "s"), {k: value(r, k) for k in (
            "s", "pos", "text", "type", "characterization", "confidence", "section", "citing")})
        if value(r, "same"):
            same[value(r, "s")] = value(r, "same")
    for s in statements.values():
        s["repeats"] = []
    for dup, first in same.items():
        if first in statements and dup in statements:
            statements[first]["repeats"].append(statements[dup]["pos"])
    return [s for key, s in statements.items() if key not in same or same[key] not in statements]


def work_view(iri: str) -> dict[str, Any] | None:
    """Everything the work section of a resource page shows, or ``None`` when ``iri`` is not a work."""
    if not is_work(iri):
        return None
    sections: dict[tuple[str, str], dict[str, str]] = {}  # one abstract printed by two pages: shown once
    for r in _q(SECTIONS, iri):
        key = (value(r, "heading"), " ".join(value(r, "text").split()))
        sections.setdefault(key, {"heading": value(r, "heading"), "text": value(r, "text"),
                                  "position": value(r, "pos")})
    references: dict[str, dict[str, str]] = {}
    for r in _q(REFERENCES, iri):
        references.setdefault(value(r, "ref"), {"iri": value(r, "ref"), "position": value(r, "pos"),
                                                "text": value(r, "text"), "cited": value(r, "cited")})
    statements = _statements(iri)
    cited_by: dict[str, str] = {}
    for r in _q(CITED_BY, iri):
        cited_by[value(r, "citing")] = cited_by.get(value(r, "citing")) or value(r, "pos")
    pointers = in_text_citations([iri] + [s["s"] for s in statements])
    citations = pointers.get(iri, [])
    for s in statements:
        s["in_text"] = pointers.get(s["s"], [])
    every = [c for cs in pointers.values() for c in cs]
    cited = {r["cited"] for r in references.values() if r["cited"]} | {c["work"] for c in every if c["work"]}
    cited |= {w for c in every for w in c["candidates"]} | {s["citing"] for s in statements if s["citing"]}
    cited |= set(cited_by)
    described = describe_works(cited | {iri})
    return {"citation": described[iri], "works": described, "counts": stated_counts(iri),
            "sections": list(sections.values()), "references": list(references.values()),
            "in_text": citations, "statements": statements, "tags": tags(iri),
            "cited_by": [{"work": w, "position": pos} for w, pos in sorted(cited_by.items())]}


def related_iris(work: dict[str, Any] | None, people: list[dict[str, Any]] | None,
                 concept: dict[str, list[dict[str, str]]] | None) -> set[str]:
    """The nodes a resource page names besides itself (to fetch their labels at once)."""
    out: set[str] = set()
    for d in list((work or {}).get("works", {}).values()) + list(people or []):
        out |= {a["person"] for a in d["authors"]} | {d["iri"]}
        venue = d["venue"] or d["inferred_venue"]
        if venue:
            out.add(venue["journal"])
        if d["from_reference_in"]:
            out.add(d["from_reference_in"])
    for entry in (work or {}).get("tags", {}).get("about", []) + (work or {}).get("tags", {}).get("mentions", []):
        out.add(entry["concept"])
    if concept:
        out |= {w["work"] for part in concept.values() for w in part}
        out |= {w["via"] for w in concept.get("about", []) if w.get("via")}
    return out
