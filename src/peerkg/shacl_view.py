"""Running pyshacl fast on peerkg data, with the same results (``bench/bench_validate.py`` measures it).

* pyshacl runs each ``sh:sparql`` constraint once per focus node, handing rdflib the *query text* each time,
  and rdflib parses and translates that text anew on every call (~10-25 ms of pyparsing per call, most of
  the time validation took). The graph pyshacl queries here, :class:`ValidationGraph`, hands rdflib a
  prepared query instead, parsed once per distinct text (:func:`_prepared`), so each constraint costs one
  parse per process, not one per focus node.
* Nothing is copied: :class:`ValidationGraph` is a read-only view of the caller's triples (the union of a
  Dataset's graphs, read straight from its store) plus the ontology triples the data lacks. Copying ~50k
  triples into a new memory store cost more than validating them.
* The shipped ontology files are parsed once per process (and again only when a file changes).
* pyshacl validates a property shape reached through a node shape's ``sh:property`` once per focus node
  (~0.1 ms of set-up each time: 2,000 concept tags with 14 property shapes cost 3 s), but a property shape
  that has targets of its own once for all its focus nodes. :func:`batched_shapes` gives each property shape the
  targets of the one node shape that holds it; the results are the same (same focus nodes, paths, values,
  source shapes, severities and messages), the shapes file keeps its readable node-shape structure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import rdflib
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.paths import Path as RdfPath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

__all__ = ["ValidationGraph", "batched_shapes", "is_multigraph"]


@lru_cache(maxsize=512)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    """A SPARQL query parsed and translated once; rdflib evaluates a prepared query any number of times."""
    return prepareQuery(text, initNs=dict(namespaces))


def is_multigraph(data: Graph | rdflib.Dataset) -> bool:
    return isinstance(data, (rdflib.Dataset, rdflib.ConjunctiveGraph))


class ValidationGraph(Graph):
    """What pyshacl validates: a read-only view of ``data`` (all its graphs) plus ``extra`` triples.

    Reads go straight to the caller's store (a Dataset's store is asked for the union of its graphs:
    ``context=None``); ``extra`` holds only triples the data does not already have, so nothing is seen twice.
    The view's own (empty) store holds nothing but the namespace bindings; pyshacl, run without inference or
    rules, never writes to the data graph. SPARQL queries given as text are prepared once (:func:`_prepared`).
    """

    def __init__(self, data: Graph | rdflib.Dataset, extra: Iterable[tuple[Node, Node, Node]] = ()) -> None:
        super().__init__()
        if is_multigraph(data):
            store = data.store

            def base(pattern: Any) -> Iterator[tuple[Node, Node, Node]]:
                for triple, _contexts in store.triples(pattern, None):
                    yield triple
        else:
            base = data.triples
        self._base: Callable[[Any], Iterator[tuple[Node, Node, Node]]] = base
        self._len: int | None = None
        self._extra = Graph()
        for triple in extra:
            if next(iter(base(triple)), None) is None:
                self._extra.add(triple)
        for prefix, ns in data.namespace_manager.namespaces():
            self.bind(prefix, ns, override=False)

    def triples(self, triple: Any) -> Iterator[tuple[Node, Node, Node]]:  # type: ignore[override]
        s, p, o = triple
        if isinstance(p, RdfPath):
            for ps, po in p.eval(self, s, o):
                yield ps, p, po
            return
        yield from self._base(triple)
        if len(self._extra):
            yield from self._extra.triples(triple)

    def __len__(self) -> int:
        # pyshacl tests ``data_graph or shapes_graph`` (hence len) for every result: count once per view.
        if self._len is None:
            self._len = sum(1 for _ in self.triples((None, None, None)))
        return self._len

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql",  # type: ignore[override]
              initNs: Any = None, initBindings: Any = None, use_store_provided: bool = True,  # noqa: N803
              **kwargs: Any) -> Any:
        if isinstance(query_object, str) and processor == "sparql" and "base" not in kwargs:
            namespaces = initNs if initNs is not None else dict(self.namespaces())
            query_object = _prepared(query_object, tuple(sorted((str(k), str(v)) for k, v in namespaces.items())))
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_LIST_OF_SHAPES = (SH["and"], SH["or"], SH.xone)
_ONE_SHAPE = (SH.node, SH["not"], SH.qualifiedValueShape)


def batched_shapes(shapes: Graph) -> Graph:
    """A copy of ``shapes`` in which property shapes carry the targets of the node shape that holds them.

    Only where that cannot change a result: the node shape has targets, no implicit class target, no
    message, severity or deactivation of its own, and no other shape refers to it (sh:node, sh:or, …); the
    property shape belongs to that one node shape only and has no targets of its own. The ``sh:property``
    link is then replaced by the targets.
    """
    out = Graph()
    out += shapes
    for prefix, ns in shapes.namespace_manager.namespaces():
        out.bind(prefix, ns, override=False)
    referenced: set[Node] = set()
    for predicate in _ONE_SHAPE:
        referenced.update(shapes.objects(None, predicate))
    for predicate in _LIST_OF_SHAPES:
        for head in shapes.objects(None, predicate):
            referenced.update(shapes.items(head))
    holders: dict[Node, int] = {}
    for prop in shapes.objects(None, SH.property):
        holders[prop] = holders.get(prop, 0) + 1
    for node in set(shapes.subjects(SH.property, None)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        if (not targets or node in referenced or holders.get(node)
                or any((node, p, None) in shapes for p in (SH.message, SH.severity, SH.deactivated))
                or any((node, RDF.type, c) in shapes for c in (RDFS.Class, OWL.Class))):
            continue
        for prop in list(shapes.objects(node, SH.property)):
            if (holders[prop] != 1 or prop in referenced or (prop, SH.deactivated, None) in shapes
                    or any((prop, p, None) in shapes for p in _TARGETS)):
                continue
            out.remove((node, SH.property, prop))
            for p, o in targets:
                out.add((prop, p, o))
    return out
