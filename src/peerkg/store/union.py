"""The union default graph as a set, and the facts of a store kept beside it.

pyoxigraph's own union default graph (``use_default_graph_as_union``) repeats a triple once per named
graph that holds it, so ``COUNT(*)``, ``?x a ?t`` and every aggregate over the default graph disagree with
Jena TDB2 (``unionDefaultGraph``) and rdflib (``Dataset(default_union=True)``). peerkg therefore keeps the
union itself: after loading, each distinct triple of the named graphs is written once into the store's real
default graph, and queries run over that default graph. Triples a file put into the default graph itself
(a Turtle file, say) stay there: the default graph is the set union of them and of every named graph.

The counts a service states (/health, Service Description, VoID) are computed once, when the store is filled,
and written to :data:`FACTS` in the store directory — the last file written, so its presence also says the
load completed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from peerkg.errors import InputError
from peerkg.kinds import by_name, counts_query
from peerkg.output import write_atomic

FACTS = "peerkg-store.json"
FACTS_VERSION = 1
_BATCH = 100_000

_COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_COUNT_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_ADD_MISSING = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
_DROP_STALE = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


@dataclass(frozen=True)
class StoreFacts:
    """What a filled store holds: distinct triples of the union, triples per named graph, and how many
    triples the loaded files put into the default graph themselves."""

    union_triples: int
    graphs: dict[str, int] = field(default_factory=dict)
    own_default_triples: int = 0
    kinds: dict[str, int] | None = None  # nodes per kind of peerkg.kinds (None: a store of an older peerkg)

    @property
    def quads(self) -> int:
        """Quads as loaded: each named graph's triples plus the files' own default-graph triples."""
        return sum(self.graphs.values()) + self.own_default_triples

    def as_json(self) -> dict[str, Any]:
        return {"facts_version": FACTS_VERSION, "union_triples": self.union_triples,
                "own_default_triples": self.own_default_triples, "quads": self.quads,
                "graphs": dict(sorted(self.graphs.items())), "kinds": self.kinds}


def _count(store: ox.Store) -> int:
    result = store.query(_COUNT_DEFAULT)
    assert isinstance(result, ox.QuerySolutions)
    return int(next(iter(result))["n"].value)


def _graph_counts(store: ox.Store) -> dict[str, int]:
    result = store.query(_COUNT_GRAPHS)
    assert isinstance(result, ox.QuerySolutions)
    return {row["g"].value: int(row["n"].value) for row in result if isinstance(row["g"], ox.NamedNode)}


def kind_counts(store: ox.Store) -> dict[str, int]:
    """Nodes per kind (works, people, journals, …) in the union default graph."""
    result = store.query(counts_query())
    assert isinstance(result, ox.QuerySolutions)
    return by_name({row["c"].value: int(row["n"].value) for row in result})


def fill_union(store: ox.Store) -> StoreFacts:
    """Write each distinct triple of the named graphs once into the default graph; return the facts.

    Streams the named-graph quads in batches (the default graph is a set: a triple already there is not
    added twice), so memory stays bounded at any size."""
    own = _count(store)
    default = ox.DefaultGraph()
    batch: list[ox.Quad] = []
    for quad in store.quads_for_pattern(None, None, None, None):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            continue
        batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, default))
        if len(batch) >= _BATCH:
            store.extend(batch)
            batch = []
    if batch:
        store.extend(batch)
    return StoreFacts(union_triples=_count(store), graphs=_graph_counts(store), own_default_triples=own,
                      kinds=kind_counts(store))


def sync_union(store: ox.Store, facts: StoreFacts) -> StoreFacts:
    """After an update to the named graphs: add their new triples to the union, and (when the default graph
    holds nothing of its own) drop the triples no named graph holds any more."""
    store.update(_ADD_MISSING)
    if facts.own_default_triples == 0:
        store.update(_DROP_STALE)
    return StoreFacts(union_triples=_count(store), graphs=_graph_counts(store),
                      own_default_triples=facts.own_default_triples, kinds=kind_counts(store))


def write_facts(directory: Path, facts: StoreFacts) -> None:
    """Write the facts file last, atomically (temporary name, fsync, rename)."""
    text = json.dumps(facts.as_json(), indent=2, sort_keys=True) + "\n"
    write_atomic(directory / FACTS, text.encode("utf-8"))


def read_facts(directory: Path) -> StoreFacts:
    """The facts of a completely loaded store; a clear error for a store ``peerkg load`` did not finish."""
    path = directory / FACTS
    if not path.is_file():
        raise InputError(f"the store was not completely loaded ({FACTS} is missing: the load was stopped, or "
                         "the directory was not made by peerkg load)", source=str(directory),
                         hint=f"load it again: peerkg load FILE… --store {directory}")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return StoreFacts(union_triples=int(doc["union_triples"]),
                          graphs={str(k): int(v) for k, v in doc["graphs"].items()},
                          own_default_triples=int(doc["own_default_triples"]),
                          kinds={str(k): int(v) for k, v in doc["kinds"].items()} if doc.get("kinds") else None)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{FACTS} is damaged ({exc})", source=str(path),
                         hint=f"load the store again: peerkg load FILE… --store {directory}") from exc
