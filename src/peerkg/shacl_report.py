"""A SHACL validation report as plain values, and its two verdicts, stated apart.

* ``conforms`` is SHACL's ``sh:conforms`` exactly as the specification defines it
  (https://www.w3.org/TR/shacl/#conforms): true when validation produced **no result at all**, whatever its
  severity. It is what pyshacl (without ``--allow-warnings``), Jena's ``shacl validate`` and every other
  SHACL processor report.
* ``no_violations`` is **peerkg's own verdict**: no result of severity ``sh:Violation`` (warnings and infos
  allowed). It decides the exit codes of ``peerkg build`` and ``peerkg validate``. In RDF it is stated as
  ``psmh:noViolations`` on the ``sh:ValidationReport`` node, beside ``sh:conforms``.

A build with only warnings (a listing page prints no title) therefore "does not conform" in SHACL's terms and
passes peerkg's verdict; every output says both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from peerkg.rdf.namespaces import PREFIXES, PSMH

__all__ = ["ValidationReport", "ValidationResult", "read_results", "report_as_json", "report_as_text",
           "state_verdicts", "summary", "verdict_lines"]

_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result as plain values: IRIs as bare strings, literals in N-Triples form (``"x"@en``)."""

    focus_node: str
    path: str | None
    value: str | None
    severity: str  # "Violation", "Warning" or "Info"
    message: str
    shape: str | None
    constraint: str | None = None  # sh:sourceConstraint (the sh:sparql node of a SPARQL check)
    component: str | None = None  # sh:sourceConstraintComponent (sh:MinCountConstraintComponent, …)

    @property
    def check(self) -> str | None:
        """What found the problem: the SPARQL constraint node if any, else the (property) shape."""
        return self.constraint or self.shape

    def as_dict(self) -> dict[str, str | None]:
        return {
            "focusNode": self.focus_node,
            "path": self.path,
            "value": self.value,
            "severity": self.severity,
            "message": self.message,
            "shape": self.shape,
            "constraint": self.constraint,
            "component": self.component,
        }


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`peerkg.validation.validate`; see the module docstring for the two verdicts."""

    violations: int
    warnings: int
    results: tuple[ValidationResult, ...]
    graph: Graph = field(repr=False, compare=False)

    @property
    def conforms(self) -> bool:
        """SHACL's ``sh:conforms``: true only when there is no validation result of any severity."""
        return not self.results

    @property
    def no_violations(self) -> bool:
        """peerkg's verdict: no ``sh:Violation`` (warnings and infos allowed); the exit code follows it."""
        return self.violations == 0

    @property
    def infos(self) -> int:
        return sum(1 for r in self.results if r.severity == "Info")


# --------------------------------------------------------------------------------------------------
# reading pyshacl's report graph
# --------------------------------------------------------------------------------------------------


def _text(node: Node | None, graph: Graph) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return node.n3()
    if isinstance(node, URIRef):
        return str(node)
    # a blank node: a path expression or a shape without IRI
    if (node, SH.inversePath, None) in graph:
        inner = graph.value(node, SH.inversePath)
        return "^" + (_text(inner, graph) or "?")
    if (node, RDF.first, None) in graph:  # a sequence path: "a / b"
        return " / ".join(_text(step, graph) or "?" for step in graph.items(node))
    return node.n3()


def read_results(report: Graph) -> tuple[ValidationResult, ...]:
    """Every ``sh:ValidationResult`` of a report graph, sorted by severity, focus node, path, value."""
    out: list[ValidationResult] = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(r, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        out.append(ValidationResult(
            focus_node=_text(report.value(r, SH.focusNode), report) or "",
            path=_text(report.value(r, SH.resultPath), report),
            value=_text(report.value(r, SH.value), report),
            severity=_SEVERITY_NAMES.get(severity, str(severity)),
            message=" / ".join(messages),
            shape=_text(report.value(r, SH.sourceShape), report),
            constraint=_text(report.value(r, SH.sourceConstraint), report),
            component=_text(report.value(r, SH.sourceConstraintComponent), report),
        ))
    out.sort(key=lambda x: (_SEVERITY_ORDER.get(x.severity, 9), x.focus_node, x.path or "", x.value or "",
                            x.message, x.shape or ""))
    return tuple(out)


def state_verdicts(report: Graph, results: tuple[ValidationResult, ...]) -> None:
    """Write both verdicts on the report node: ``sh:conforms`` as SHACL defines it (pyshacl, run with
    ``allow_warnings``, wrote true for a report with warnings only) and ``psmh:noViolations``."""
    node = report.value(None, RDF.type, SH.ValidationReport)
    if node is None:
        return
    report.set((node, SH.conforms, Literal(not results)))
    report.set((node, PSMH.noViolations, Literal(not any(r.severity == "Violation" for r in results))))


# --------------------------------------------------------------------------------------------------
# presenting
# --------------------------------------------------------------------------------------------------


def _short(iri: str | None) -> str:
    """A compact form of an IRI (``psmh:countKind``); literals and blank nodes are returned as they are."""
    if iri is None:
        return ""
    if " / " in iri and not iri.startswith('"'):  # a sequence path
        return "/".join(_short(step) for step in iri.split(" / "))
    if iri.startswith("^"):
        return "^" + _short(iri[1:])
    if iri.startswith(('"', "_:")):
        return iri
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and (best is None or len(str(ns)) > len(str(best[1]))):
            best = (prefix, ns)
    if best is not None:
        local = iri[len(str(best[1])):]
        if local and all(c.isalnum() or c in "-_." for c in local):
            return f"{best[0]}:{local}"
    return f"<{iri}>" if "://" in iri else iri


def _counted(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def verdict_lines(report: ValidationReport) -> list[str]:
    """Two lines: SHACL's ``sh:conforms`` with the result counts, then peerkg's verdict, named as such."""
    counts = (f"{_counted(len(report.results), 'result')}: {_counted(report.violations, 'violation')}, "
              f"{_counted(report.warnings, 'warning')}, {_counted(report.infos, 'info')}")
    shacl = ("SHACL sh:conforms true: no results" if report.conforms
             else f"SHACL sh:conforms false: {counts}")
    ours = ("peerkg verdict: no violations (warnings and infos are allowed)" if report.no_violations
            else f"peerkg verdict: {_counted(report.violations, 'violation')}")
    return [shacl + ".", ours + "."]


def report_as_text(report: ValidationReport) -> str:
    """A readable report, grouped by severity then by focus node, ending with :func:`verdict_lines`.

    ``Violation: <focus> <path>: <message> (value …)``.
    """
    lines: list[str] = []
    for severity in ("Violation", "Warning", "Info"):
        group = [r for r in report.results if r.severity == severity]
        if not group:
            continue
        lines.append(f"{severity}s ({len(group)}):")
        for r in group:
            where = _short(r.focus_node)
            if r.path:
                where += " " + _short(r.path)
            line = f"  {severity}: {where}: {r.message}"
            if r.value is not None:
                line += f" (value {_short(r.value)})"
            lines.append(line)
    lines.extend(verdict_lines(report))
    return "\n".join(lines)


def summary(report: ValidationReport) -> dict[str, Any]:
    """The verdicts and counts: ``conforms`` (SHACL's sh:conforms), ``noViolations`` (peerkg's verdict)."""
    return {
        "conforms": report.conforms,
        "noViolations": report.no_violations,
        "violations": report.violations,
        "warnings": report.warnings,
        "infos": report.infos,
    }


def report_as_json(report: ValidationReport) -> dict[str, Any]:
    """A JSON-serialisable dict: :func:`summary` and the list of results."""
    doc = {**summary(report), "results": [r.as_dict() for r in report.results]}
    json.dumps(doc)  # guarantee serialisability
    return doc
