"""Deterministic serialisation: the same graph always gives the same bytes.

N-Triples and N-Quads are written by rdflib as sorted lines; Turtle and TriG by pyoxigraph from those
quads sorted by graph, subject, predicate and object. The build mints no blank nodes; the ontology's
OWL lists carry canonical blank-node labels (``peerkg.pipeline.ontology_graph``), which both keep.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, Graph

from peerkg.rdf.namespaces import PREFIXES

BINDINGS = {p: ns for p, ns in PREFIXES.items() if p not in {"sh", "void"}}


def _bind(graph: Graph) -> None:
    for prefix, namespace in BINDINGS.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def union(dataset: Dataset) -> Graph:
    """All triples of all named graphs (and the default graph) as one graph."""
    merged = Graph()
    _bind(merged)
    for context in dataset.graphs():
        for triple in context:
            merged.add(triple)
    return merged


def _sorted_quads(nquads_text: bytes) -> list[ox.Quad]:
    quads = ox.parse(nquads_text, format=ox.RdfFormat.N_QUADS)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _prefixes() -> dict[str, str]:
    return {p: str(ns) for p, ns in BINDINGS.items()}


def turtle(graph: Graph) -> bytes:
    """Turtle written by pyoxigraph from the sorted triples (rdflib's serialiser is ~10x slower)."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in _sorted_quads(ntriples(graph))]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())


def ntriples(graph: Graph) -> bytes:
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def nquads(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def trig(dataset: Dataset) -> bytes:
    """TriG of the named graphs, graphs in IRI order, each graph's triples sorted (written by pyoxigraph)."""
    return ox.serialize(_sorted_quads(nquads(dataset)), format=ox.RdfFormat.TRIG, prefixes=_prefixes())
