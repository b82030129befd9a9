"""Why a node is what it is, computed with SPARQL through the service's backend.

The same answer as :func:`peerkg.explain.explain` (the CLI's library, which reads an rdflib Dataset),
written as SELECTs so that it runs in the query workers over the pyoxigraph store: the pages the node
came from, every link decision that involves it (rule, score, evidence) and every inference about it
(rule, confidence, evidence). ``tests/test_web_seeds.py`` checks that both give the same explanation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from peerkg.explain import Decision, Explanation, Statement
from peerkg.web.lookups import select, value
from peerkg.web.state import config
from peerkg.web.terms import labels_with_language

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL_PREDICATES = ("http://purl.org/dc/terms/title", "http://xmlns.com/foaf/0.1/name",
                    "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
                    "http://purl.org/spar/c4o/hasContent")

SOURCES = """SELECT DISTINCT ?src ?name WHERE {
  { <%(iri)s> prov:wasDerivedFrom ?src } UNION { <%(iri)s> prov:wasDerivedFrom/prov:wasDerivedFrom ?src }
  ?src dcterms:identifier ?name } ORDER BY ?name"""
DECISIONS = """SELECT DISTINCT ?d ?label ?rule ?score ?evidence WHERE {
  ?d a psmh:LinkDecision ; psmh:rule ?rule ; psmh:evidence ?evidence .
  { ?d psmh:subjectEntity <%(iri)s> } UNION { ?d psmh:objectEntity <%(iri)s> }
  OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d psmh:score ?score } }
  ORDER BY ?rule ?label ?evidence"""
INFERENCES = """SELECT DISTINCT ?i ?p ?o ?rule ?confidence ?evidence WHERE {
  ?i a psmh:Inference ; rdf:subject <%(iri)s> ; rdf:predicate ?p ; rdf:object ?o ; psmh:rule ?rule ;
     psmh:confidence ?confidence ; psmh:evidence ?evidence } ORDER BY ?rule ?p ?o"""
STATEMENTS = "SELECT ?g ?p ?o WHERE { GRAPH ?g { <%(iri)s> ?p ?o } } ORDER BY ?g ?p ?o"
GRAPH_SOURCES = """SELECT ?g ?src ?name WHERE { VALUES ?g { %(graphs)s }
  GRAPH ?g { ?src a prov:Entity ; dcterms:identifier ?name } }"""


@dataclass(frozen=True)
class NodeExplanation:
    """The library's :class:`Explanation` plus what a page links to (source and decision nodes)."""

    explanation: Explanation
    source_nodes: tuple[tuple[str, str], ...]        # (source document IRI, its name)
    decision_nodes: tuple[str, ...]                  # IRI of each decision, in the order of .decisions
    graphs: tuple[dict[str, Any], ...] = ()          # {graph, statements, source, name} per graph

    def as_json(self) -> dict[str, Any]:
        doc = asdict(self.explanation)
        doc["source_nodes"] = [{"iri": iri, "name": name} for iri, name in self.source_nodes]
        doc["graphs"] = list(self.graphs)
        for decision, node in zip(doc["decisions"], self.decision_nodes, strict=True):
            decision["node"] = node
        return doc


def explain_node(iri: str) -> NodeExplanation:
    limit = config().max_rows
    args = {"iri": iri}
    statements = [Statement(value(r, "g"), value(r, "p"), value(r, "o"))
                  for r in select(STATEMENTS % args, limit)]
    types = sorted({s.value for s in statements if s.predicate == RDF_TYPE})
    labels = sorted({s.value for s in statements if s.predicate in LABEL_PREDICATES})
    sources = [(value(r, "src"), value(r, "name")) for r in select(SOURCES % args, limit, prologue=True)]
    decisions: dict[Decision, str] = {}
    for r in select(DECISIONS % args, limit, prologue=True):
        d = Decision("link decision", value(r, "label"), value(r, "rule"), value(r, "score"), value(r, "evidence"))
        decisions.setdefault(d, value(r, "d"))
    for r in select(INFERENCES % args, limit, prologue=True):
        d = Decision("inference", f"{value(r, 'p')} {value(r, 'o')}", value(r, "rule"), value(r, "confidence"),
                     value(r, "evidence"))
        decisions.setdefault(d, value(r, "i"))
    counts: dict[str, int] = {}
    for s in statements:
        counts[s.graph] = counts.get(s.graph, 0) + 1
    documents: dict[str, tuple[str, str]] = {}
    if counts:
        graphs = " ".join(f"<{g}>" for g in counts)
        for r in select(GRAPH_SOURCES % {"graphs": graphs}, limit, prologue=True):
            documents.setdefault(value(r, "g"), (value(r, "src"), value(r, "name")))
    # the pages a node comes from: what it was derived from, and the pages whose graphs state facts about it
    names = {name for _, name in sources} | {name for _src, name in documents.values() if name}
    label = labels_with_language({iri}).get(iri, ("", ""))[0]
    explanation = Explanation(iri=iri, types=tuple(types), labels=tuple(labels), sources=tuple(sorted(names)),
                              statements=tuple(statements), decisions=tuple(decisions), label=label)
    per_graph = tuple({"graph": g, "statements": n, "source": documents.get(g, ("", ""))[0],
                       "name": documents.get(g, ("", ""))[1]} for g, n in counts.items())
    return NodeExplanation(explanation, tuple(sources), tuple(decisions.values()), per_graph)
