"""What a journal's page leads with: its works, newest first, each with its volume, issue and pages, its
authors and, where the journal is known only by inference (a DOI's journal code), that mark.

Every look-up is a bounded SELECT through the backend (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from typing import Any

from peerkg.web.citations import describe_works
from peerkg.web.lookups import select, value

IS_JOURNAL = "SELECT ?x WHERE { <%(iri)s> a bibo:Journal BIND(1 AS ?x) } LIMIT 1"
WORKS = """SELECT DISTINCT ?work WHERE {
  { ?work dcterms:isPartOf <%(iri)s> } UNION { ?work dcterms:isPartOf/dcterms:isPartOf <%(iri)s> }
  UNION { ?i a psmh:Inference ; rdf:subject ?work ; rdf:predicate dcterms:isPartOf ; rdf:object <%(iri)s> }
  ?work a dcterms:BibliographicResource }"""


def journal_works(iri: str) -> list[dict[str, Any]] | None:
    """The works in the journal ``iri`` (:func:`peerkg.web.citations.describe_works` entries), newest
    first, or ``None`` when ``iri`` is not a journal."""
    if not select(IS_JOURNAL % {"iri": iri}, 1, prologue=True):
        return None
    works = {value(r, "work") for r in select(WORKS % {"iri": iri}, 2000, prologue=True)}
    described = list(describe_works(works).values())
    described.sort(key=lambda w: (-int(w["year"]) if w["year"].isdigit() else 0, w["title"].lower() or "~",
                                  w["iri"]))
    return described
