"""A store's graphs as the *parts* the build's dump writer takes (:func:`peerkg.rdf.dumps.make_dumps`).

Serving a store that no build folder describes (``peerkg serve --store`` of a store loaded from other
files, or after ``/update``), the service writes its dumps with the build's own writer, so they are laid out
and serialised exactly like a build's: each named graph's triples as sorted, duplicate-free N-Triples lines
(pyoxigraph's N-Triples serialiser, as the build), and the loaded files' own default-graph triples (a Turtle
file, say) under :data:`peerkg.rdf.dumps.DEFAULT_GRAPH`.

The store keeps typed literals in their canonical form (``"0.0"^^xsd:decimal`` comes back as ``"0"``), so
such dumps are canonical; a build's own files, when they exist, are served instead (:mod:`peerkg.web.dumps`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from peerkg.rdf.dumps import DEFAULT_GRAPH
from peerkg.store.union import StoreFacts

__all__ = ["store_parts"]


def _lines(triples: Iterable[ox.Triple]) -> list[bytes]:
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return sorted(set(text.splitlines(keepends=True)))


def _own_default(store: ox.Store) -> Iterable[ox.Triple]:
    """The default graph's triples that no named graph holds (the loaded files' own)."""
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        if all(isinstance(q.graph_name, ox.DefaultGraph)
               for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)


def store_parts(store: ox.Store, facts: StoreFacts) -> dict[str, list[bytes]]:
    """Graph IRI → that graph's triples as sorted, unique N-Triples lines; the default graph's own triples
    (when ``facts`` says the files put some there) under :data:`DEFAULT_GRAPH`."""
    parts: dict[str, list[bytes]] = {}
    for graph in sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)):
        node = ox.NamedNode(graph)
        parts[graph] = _lines(ox.Triple(q.subject, q.predicate, q.object)
                              for q in store.quads_for_pattern(None, None, None, node))
    if facts.own_default_triples:
        parts[DEFAULT_GRAPH] = _lines(_own_default(store))
    return parts
