"""The kinds of node a build holds, each counted by its class (``peerkg stats``, the store's facts file,
the home page)."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "works": "http://purl.org/dc/terms/BibliographicResource",
    "people": "http://xmlns.com/foaf/0.1/Person",
    "organisations": "http://xmlns.com/foaf/0.1/Organization",
    "journals": "http://purl.org/spar/fabio/Journal",
    "issues": "http://purl.org/spar/fabio/JournalIssue",
    "reference entries": "http://purl.org/spar/biro/BibliographicReference",
    "citation statements": "https://w3id.org/psmh/ontology#CitationStatement",
    "in-text pointers": "http://purl.org/spar/c4o/InTextReferencePointer",
    "stated counts": "https://w3id.org/psmh/ontology#StatedCount",
    "link decisions": "https://w3id.org/psmh/ontology#LinkDecision",
    "inferences": "https://w3id.org/psmh/ontology#Inference",
    "concepts": "http://www.w3.org/2004/02/skos/core#Concept",
    "source documents": "http://www.w3.org/ns/prov#Entity",
}


def count_query(kind: str) -> str:
    """SPARQL counting the distinct nodes of ``kind`` (a key of :data:`KINDS`) in the default graph."""
    return f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{KINDS[kind]}> }}"


def counts_query() -> str:
    """One SPARQL SELECT counting every kind: a row per class (``?c``, ``?n``)."""
    values = " ".join(f"<{iri}>" for iri in KINDS.values())
    return f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }} GROUP BY ?c"


def by_name(rows: dict[str, int]) -> dict[str, int]:
    """``{class IRI: count}`` (classes without a node absent) → ``{kind: count}`` for every kind."""
    return {name: rows.get(iri, 0) for name, iri in KINDS.items()}
