"""SHACL-SPARQL constraints run once per constraint over all focus nodes, by pyoxigraph.

pyshacl runs a ``sh:sparql`` constraint once per focus node with ``$this`` pre-bound, under rdflib's
evaluator: half of all validation time on a build. A SELECT constraint whose every solution names its
focus node (it projects ``$this``) gives the same solutions when ``$this`` is left free and the solutions
are kept for the shape's focus nodes only — so such constraints are taken out of the shapes pyshacl gets
(:func:`split`) and run here, one query each, and their results are written into pyshacl's report with
what pyshacl would write: focus node, value (``?value``, else the focus node), path (``?path``), severity
and source shape of the node shape, the constraint as ``sh:sourceConstraint``, the component
``sh:SPARQLConstraintComponent``, and the messages with ``{?var}`` / ``{$var}`` replaced by the solution's
values (:func:`add_results`).

Taken out only where that cannot change a result: a SELECT constraint (no ``$PATH``, ``$currentShape``,
``$shapesGraph``) of a node shape without ``sh:path`` whose only targets are ``sh:targetClass`` (focus nodes:
``rdf:type/rdfs:subClassOf*`` in the data, as pyshacl finds them), no implicit class target, nothing
deactivated, and no other shape refers to the shape (``sh:node``, ``sh:or``, …, which validate it for other
nodes). Everything else stays with pyshacl.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from peerkg.rdf.quads import ox_term, rdflib_term

__all__ = ["Batched", "add_results", "run", "split"]

_UNSUPPORTED = ("$PATH", "$currentShape", "$shapesGraph", "?PATH", "?currentShape", "?shapesGraph")
_PROJECTS_THIS = re.compile(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?[^{]*\$this\b", re.IGNORECASE)
_REFERRING = (SH.node, SH["not"], SH.qualifiedValueShape)
_LISTS = (SH["and"], SH["or"], SH.xone)


@dataclass(frozen=True)
class Batched:
    """One SPARQL constraint to run here: its node shape, its node, the query with ``$this`` free."""

    shape: Node
    constraint: Node
    query: str
    classes: tuple[URIRef, ...]
    severity: Node
    messages: tuple[Literal, ...]  # the shape's messages, then the constraint's


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for holder in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(holder, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _referred(shapes: Graph) -> set[Node]:
    found = {o for p in _REFERRING for o in shapes.objects(None, p)}
    for p in _LISTS:
        for head in shapes.objects(None, p):
            found.update(shapes.items(head))
    return found


def _batchable(shapes: Graph, shape: Node, constraint: Node, referred: set[Node]) -> str | None:
    """The constraint's query with ``$this`` free, when it can run here (see the module docstring)."""
    text = shapes.value(constraint, SH.select)
    if text is None or (constraint, SH.ask, None) in shapes or shape in referred:
        return None
    if any((node, SH.deactivated, None) in shapes for node in (shape, constraint)):
        return None
    if (shape, SH.path, None) in shapes or any((shape, RDF.type, c) in shapes for c in (RDFS.Class, OWL.Class)):
        return None
    if any((shape, p, None) in shapes for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)):
        return None
    if not _PROJECTS_THIS.search(str(text)) or any(word in str(text) for word in _UNSUPPORTED):
        return None
    return _prefixes(shapes, constraint) + str(text).replace("$this", "?this")


def split(shapes: Graph) -> tuple[Graph, list[Batched]]:
    """``shapes`` without the SPARQL constraints run here, and those constraints."""
    referred = _referred(shapes)
    rest = Graph()
    rest += shapes
    for prefix, ns in shapes.namespace_manager.namespaces():
        rest.bind(prefix, ns, override=False)
    batched: list[Batched] = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        query = _batchable(shapes, shape, constraint, referred)
        classes = tuple(sorted(c for c in shapes.objects(shape, SH.targetClass) if isinstance(c, URIRef)))
        if query is None or not classes:
            continue
        own = tuple(m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal))
        extra = tuple(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal) and m not in own)
        if not own + extra:  # pyshacl would write generic messages: left to it
            continue
        batched.append(Batched(shape, constraint, query, classes, shapes.value(shape, SH.severity) or SH.Violation,
                               own + extra))
        rest.remove((shape, SH.sparql, constraint))
    return rest, batched


def store_of(triples: Iterable[tuple[Node, Node, Node]]) -> ox.Store:
    """An in-memory pyoxigraph store holding ``triples`` in its default graph."""
    store = ox.Store()
    store.extend(ox.Quad(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in triples)  # type: ignore[arg-type]
    return store


@dataclass(frozen=True)
class Found:
    """One result of a batched constraint."""

    check: Batched
    focus: Node
    value: Node
    path: Node | None
    messages: tuple[str, ...]


def _message(text: str, bound: dict[str, Node]) -> str:
    for name, value in bound.items():
        text = re.sub("{[?$]" + re.escape(name) + "}", lambda _m, v=str(value): v, text)
    return text


def run(store: ox.Store, checks: Iterable[Batched]) -> list[Found]:
    """Every result of ``checks`` on the data in ``store``."""
    found: list[Found] = []
    for check in checks:
        values = " ".join(f"<{c}>" for c in check.classes)
        focus = {rdflib_term(row["this"]) for row in store.query(  # type: ignore[index, union-attr]
            f"SELECT DISTINCT ?this WHERE {{ VALUES ?c {{ {values} }} "
            f"?this <{RDF.type}>/<{RDFS.subClassOf}>* ?c }}")}
        solutions = store.query(check.query)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        seen: set[tuple] = set()
        for row in solutions:  # type: ignore[union-attr]
            bound = {n: rdflib_term(row[n]) for n in names if row[n] is not None}
            this = bound.get("this")
            if this is None or this not in focus:
                continue
            key = tuple(sorted(bound.items()))
            if key in seen:  # pyshacl keeps each distinct solution once
                continue
            seen.add(key)
            value = bound.get("value", this)  # a node shape's result names the focus node when ?value is unbound
            named = {k: v for k, v in bound.items() if k not in ("this", "path", "value")}
            named.update({k: bound[k] for k in ("this", "path") if k in bound}, value=value)
            messages = tuple(_message(str(m), named) for m in check.messages)
            found.append(Found(check, this, value, bound.get("path"), messages))
    return found


def add_results(report: Graph, found: Iterable[Found]) -> None:
    """Write ``found`` into pyshacl's report graph, as pyshacl writes its own results; fix sh:conforms."""
    node = report.value(None, RDF.type, SH.ValidationReport)
    if node is None:
        return
    violated = False
    for f in found:
        result = BNode()
        report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        report.add((result, SH.sourceShape, f.check.shape))
        report.add((result, SH.sourceConstraint, f.check.constraint))
        report.add((result, SH.resultSeverity, f.check.severity))
        report.add((result, SH.focusNode, f.focus))
        report.add((result, SH.value, f.value))
        if f.path is not None:
            report.add((result, SH.resultPath, f.path))
        for message in f.messages:
            report.add((result, SH.resultMessage, Literal(message)))
        violated = violated or f.check.severity == SH.Violation
    if violated:
        report.set((node, SH.conforms, Literal(False)))
