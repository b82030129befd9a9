"""Why a node is what it is: the pages it came from, the merges and their evidence, the inferences.

Works over any rdflib Dataset holding a peerkg build (page graphs + links graph), so the CLI and the
service's resource pages show the same explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from peerkg.labels import LABEL_PREDICATES, label_languages, node_label
from peerkg.rdf.iri import Minter
from peerkg.rdf.namespaces import Base, sparql_prologue


@dataclass(frozen=True)
class Statement:
    graph: str
    predicate: str
    value: str


@dataclass(frozen=True)
class Decision:
    kind: str  # "link decision" or "inference"
    label: str
    rule: str
    score: str
    evidence: str


@dataclass(frozen=True)
class Explanation:
    iri: str
    types: tuple[str, ...]
    labels: tuple[str, ...]
    sources: tuple[str, ...]  # source document names the node's facts come from
    statements: tuple[Statement, ...]
    decisions: tuple[Decision, ...]
    label: str = ""  # the label a reader sees, by the one language rule (peerkg.labels)

    @property
    def known(self) -> bool:
        return bool(self.statements or self.decisions)


_LABELS = ("dcterms:title", "foaf:name", "skos:prefLabel", "rdfs:label", "c4o:hasContent")


def _run(graph: Graph | Dataset, query: str, iri: URIRef) -> list[tuple]:
    return [tuple(row) for row in graph.query(sparql_prologue() + query, initBindings={"node": iri})]


def explain(dataset: Dataset, iri: str, base: Base | None = None, lang: str | None = None) -> Explanation:
    """Why ``iri`` is what it is; ``label`` is chosen by :func:`peerkg.labels.label_languages` (``lang``,
    else English)."""
    base = base or Base()
    node = URIRef(iri)
    statements: list[Statement] = []
    sources: set[str] = set()
    types: set[str] = set()
    labels: set[str] = set()
    by_predicate: dict[str, list[tuple[str, str | None]]] = {}
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        for _s, p, o in context.triples((node, None, None)):
            statements.append(Statement(str(context.identifier), str(p), str(o)))
            if str(p) in LABEL_PREDICATES and isinstance(o, Literal):
                by_predicate.setdefault(str(p), []).append((str(o), o.language))
            if str(p).endswith("22-rdf-syntax-ns#type"):
                types.add(str(o))
        for prefix_term in _LABELS:
            prefix, local = prefix_term.split(":")
            from peerkg.rdf.namespaces import PREFIXES

            for value in context.objects(node, PREFIXES[prefix][local]):
                labels.add(str(value))
    union = Graph()
    for context in dataset.graphs():
        for triple in context:
            union.add(triple)
    for (name,) in _run(union, """SELECT DISTINCT ?name WHERE {
            { ?node prov:wasDerivedFrom ?src } UNION { ?node prov:wasDerivedFrom/prov:wasDerivedFrom ?src }
            ?src dcterms:identifier ?name }""", node):
        sources.add(str(name))
    minter = Minter(base)
    graph_prefix = str(minter.source_graph(""))
    for graph in {s.graph for s in statements if s.graph.startswith(graph_prefix)}:
        document = minter.source(graph[len(graph_prefix):])
        sources.update(str(name) for name in union.objects(document, DCTERMS.identifier))
    decisions: list[Decision] = []
    for label, rule, score, evidence in _run(union, """SELECT ?label ?rule ?score ?evidence WHERE {
            ?d a psmh:LinkDecision ; psmh:rule ?rule ; psmh:evidence ?evidence .
            { ?d psmh:subjectEntity ?node } UNION { ?d psmh:objectEntity ?node }
            OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d psmh:score ?score } }
            ORDER BY ?rule ?label""", node):
        shown = "" if score is None else str(score)
        decisions.append(Decision("link decision", str(label or ""), str(rule), shown, str(evidence)))
    for predicate, obj, rule, confidence, evidence in _run(union, """
            SELECT ?p ?o ?rule ?confidence ?evidence WHERE {
            ?i a psmh:Inference ; rdf:subject ?node ; rdf:predicate ?p ; rdf:object ?o ; psmh:rule ?rule ;
               psmh:confidence ?confidence ; psmh:evidence ?evidence } ORDER BY ?rule""", node):
        decisions.append(Decision("inference", f"{predicate} {obj}", str(rule), str(confidence), str(evidence)))
    chosen = node_label(by_predicate, label_languages(lang))
    return Explanation(iri=iri, types=tuple(sorted(types)), labels=tuple(sorted(labels)),
                       sources=tuple(sorted(sources)), statements=tuple(statements),
                       decisions=tuple(dict.fromkeys(decisions)), label=chosen[0] if chosen else "")


def as_text(explanation: Explanation) -> str:
    out = [explanation.iri]
    if explanation.label:
        out.append(f"  label: {explanation.label[:100]}")
    if explanation.labels:
        out.append("  labels: " + "; ".join(label[:100] for label in explanation.labels))
    if explanation.types:
        out.append("  types: " + ", ".join(explanation.types))
    out.append("  from pages: " + (", ".join(explanation.sources) or "(none: a node only the build states)"))
    graphs = sorted({s.graph for s in explanation.statements})
    for graph in graphs:
        n = sum(1 for s in explanation.statements if s.graph == graph)
        out.append(f"  {n} statement(s) in graph {graph}")
    for d in explanation.decisions:
        score = f" score {d.score}" if d.score else ""
        out.append(f"  {d.kind}: {d.label} [rule {d.rule}{score}]")
        out.append(f"    evidence: {d.evidence}")
    if not explanation.decisions:
        out.append("  no merges or inferences involve this node")
    return "\n".join(out) + "\n"
