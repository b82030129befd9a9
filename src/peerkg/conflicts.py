"""Which pages a shape violation comes from, and why: when a build's graph breaks its own shapes, each
violation is traced to the named graphs that state the offending triples, so the report can say "a.txt
gives bibo:pageEnd "12", b.txt gives "13" for the one work both pages describe".

Node IRIs follow identity (:mod:`peerkg.resolve`): when two pages' facts clash on one node, it is because
the rules found them to describe one thing (the same DOI, the same title and year, …) while the pages
disagree on a field that has one value; the clash names both pages and the values each gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.term import Node

__all__ = ["Clash", "trace_violations"]

MAX_TRACED = 50  # violations traced to pages (the rest are counted in the validation report)


@dataclass(frozen=True)
class Clash:
    """One violation and the pages whose statements make it."""

    node: str
    path: str | None
    message: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, the pages stating it), one per value
    pages: tuple[str, ...]  # every page stating something the violation rests on
    why: str | None = None  # why the pages' records are one node: the merge decision (rule: evidence)

    @property
    def between_pages(self) -> bool:
        """Whether two pages disagree (rather than one page stating something wrong)."""
        return len(self.pages) > 1

    def as_dict(self) -> dict[str, object]:
        return {"node": self.node, "path": self.path, "message": self.message, "pages": list(self.pages),
                "values": [{"value": v, "pages": list(p)} for v, p in self.values], "why": self.why}


def _shown(value: Node) -> str:
    return value.n3() if not isinstance(value, URIRef) else f"<{value}>"


def _why(node: str, reasons: Mapping[str, str]) -> str | None:
    """The reason recorded for ``node`` or for the node it is part of (``…/work/h/x/author/1`` → the work)."""
    while node:
        if node in reasons:
            return reasons[node]
        node = node.rpartition("/")[0] if "/" in node else ""
    return None


def trace_violations(dataset: Dataset, results: Iterable[object], page_names: Mapping[str, str],
                     reasons: Mapping[str, str] | None = None) -> list[Clash]:
    """The pages behind each violation among ``results`` (validation results with ``severity``,
    ``focus_node``, ``path`` and ``message``); ``page_names`` maps a page's graph IRI to its file name,
    ``reasons`` a node IRI to why several records are that node. Graphs that are no page's (links,
    annotations) are named by their IRI."""
    graphs = [g for g in dataset.graphs() if len(g)]
    clashes: list[Clash] = []
    for result in results:
        if getattr(result, "severity", None) != "Violation":
            continue
        if len(clashes) >= MAX_TRACED:
            break
        node = URIRef(result.focus_node)  # type: ignore[attr-defined]
        path = result.path  # type: ignore[attr-defined]
        by_value: dict[str, list[str]] = {}
        pages: list[str] = []
        for graph in graphs:
            name = page_names.get(str(graph.identifier), str(graph.identifier))
            if path:
                stated = [_shown(o) for o in graph.objects(node, URIRef(path))]
            else:
                stated = ["(statements)"] if (node, None, None) in graph else []
            for value in stated:
                by_value.setdefault(value, []).append(name)
            if stated and name not in pages:
                pages.append(name)
        values = tuple((v, tuple(sorted(set(p)))) for v, p in sorted(by_value.items()) if path)
        clashes.append(Clash(node=str(node), path=path, message=result.message,  # type: ignore[attr-defined]
                             values=values, pages=tuple(sorted(pages)),
                             why=_why(str(node), reasons or {}) if len(pages) > 1 else None))
    return clashes
