"""A SPARQL JSON result as a table a person reads (the named queries' HTML): IRIs as links named by their
labels in the reader's language (an untitled work by its year and authors), literals as their values
(:func:`peerkg.web.terms.cell`: ``2010``, not ``2010^^gYear``), lists of IRIs (``GROUP_CONCAT`` of works)
as lists of links, and no column that only repeats the label of another (the title beside the work it
names) or that is empty in every row.
"""

from __future__ import annotations

from typing import Any

from peerkg.web.citations import untitled_labels
from peerkg.web.terms import cell, iri_term, labels_of

Binding = dict[str, dict[str, str]]
Cell = dict[str, Any] | None


def _iri_list(text: str) -> list[str] | None:
    """The IRIs of a literal that is nothing but IRIs separated by spaces (a ``GROUP_CONCAT(STR(?work))``)."""
    parts = text.split()
    if parts and all(p.startswith(("http://", "https://")) and "<" not in p and '"' not in p for p in parts):
        return parts
    return None


def _cell(term: dict[str, str] | None, labels: dict[str, str]) -> Cell:
    if term is not None and term["type"] == "literal":
        listed = _iri_list(term["value"])
        if listed:
            return {"iris": [iri_term(i, labels) for i in listed]}
    return cell(term, labels)


def _repeats(column: int, rows: list[list[Cell]]) -> bool:
    """Whether literal column ``column`` only repeats the label of an IRI column of the same row."""
    for other in range(len(rows[0])):
        if other == column:
            continue
        pairs = [(r[column], r[other]) for r in rows if r[column] is not None]
        if pairs and all(o is not None and "literal" in c and "iri" in o and o.get("label") == c["literal"]
                         for c, o in pairs):
            return True
    return False


def result_table(variables: list[str], bindings: list[Binding]) -> tuple[list[str], list[list[Cell]]]:
    """The columns and rows to draw for a SELECT result."""
    iris = {b[v]["value"] for b in bindings for v in b if b[v]["type"] == "uri"}
    iris |= {i for b in bindings for v in b if b[v]["type"] == "literal" for i in _iri_list(b[v]["value"]) or ()}
    labels = labels_of(iris)
    labels.update(untitled_labels(iris, labels))
    rows = [[_cell(b.get(v), labels) for v in variables] for b in bindings]
    if not rows:
        return variables, rows
    keep = [k for k in range(len(variables)) if any(r[k] is not None for r in rows) and not _repeats(k, rows)]
    return [variables[k] for k in keep], [[row[k] for k in keep] for row in rows]
