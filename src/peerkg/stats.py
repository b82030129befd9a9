"""What a build holds, counted: triples per graph and nodes per kind."""

from __future__ import annotations

from rdflib import Dataset, Graph

from peerkg.kinds import KINDS, count_query


def count(dataset: Dataset) -> dict[str, dict[str, int]]:
    graphs = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    union = Graph()
    for context in dataset.graphs():
        for triple in context:
            union.add(triple)
    kinds: dict[str, int] = {}
    for name in KINDS:
        rows = list(union.query(count_query(name)))
        kinds[name] = int(rows[0][0])
    return {"graphs": dict(sorted(graphs.items())), "kinds": kinds, "total": {"triples": len(union)}}


def as_text(stats: dict[str, dict[str, int]]) -> str:
    out = [f"{stats['total']['triples']} triples (union)"]
    out += [f"  {n:>7}  {g}" for g, n in stats["graphs"].items()]
    out += [f"{n:>7}  {k}" for k, n in stats["kinds"].items()]
    return "\n".join(out) + "\n"
