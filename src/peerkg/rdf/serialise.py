"""Deterministic serialisation: the same graph always gives the same bytes.

N-Triples and N-Quads are written as sorted lines; Turtle and TriG through rdflib, whose serialisers
sort subjects and predicates. Blank nodes are not minted by the build (every node has an IRI).
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

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


def turtle(graph: Graph) -> bytes:
    _bind(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def ntriples(graph: Graph) -> bytes:
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def nquads(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def trig(dataset: Dataset) -> bytes:
    """TriG of the named graphs, graphs in IRI order, each graph's triples sorted by rdflib."""
    ordered = Dataset()
    for prefix, namespace in BINDINGS.items():
        ordered.bind(prefix, namespace, override=True, replace=True)
    names = sorted((c.identifier for c in dataset.graphs() if len(c)), key=str)
    chunks: list[bytes] = []
    for name in names:
        single = Dataset()
        for prefix, namespace in BINDINGS.items():
            single.bind(prefix, namespace, override=True, replace=True)
        target = single.graph(URIRef(str(name)))
        for triple in dataset.graph(name):
            target.add(triple)
        chunks.append(single.serialize(format="trig", encoding="utf-8"))
    if not chunks:
        return b""
    # one prefix block (every prefix any graph uses), then the graphs
    prefixes: set[bytes] = set()
    bodies: list[bytes] = []
    for chunk in chunks:
        lines = chunk.split(b"\n")
        prefixes.update(line for line in lines if line.startswith(b"@prefix"))
        bodies.append(b"\n".join(line for line in lines if not line.startswith(b"@prefix")).lstrip(b"\n"))
    return b"\n".join(sorted(prefixes)) + b"\n\n" + b"\n".join(bodies)
