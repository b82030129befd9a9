"""SPARQL answers from different engines, made comparable: each row a tuple of terms, a result a multiset.

A term is ``(kind, lexical form, language, datatype)`` with ``xsd:string`` written as no datatype (RDF 1.1:
the same literal) and SPARQL 1.0's ``typed-literal`` read as ``literal``; blank nodes compare by kind only
(their labels are the engine's own). SPARQL leaves the order of ``GROUP_CONCAT`` values to the engine, so
a column a query computes with ``GROUP_CONCAT`` compares as its sorted list of values.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_GROUP_CONCAT = re.compile(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?separator\s*=\s*\"((?:[^\"\\]|\\.)*)\"\s*\)\s*"
                           r"AS\s+\?(\w+)", re.IGNORECASE | re.DOTALL)

Row = tuple[Any, ...]


def group_concat_columns(query: str) -> dict[str, str]:
    """``{variable: separator}`` of the query's ``GROUP_CONCAT(… ; separator="…") AS ?variable``."""
    return {m.group(2): m.group(1) for m in _GROUP_CONCAT.finditer(query)}


def _term(binding: dict[str, str] | None) -> tuple[str | None, ...] | None:
    if binding is None:
        return None
    kind = "literal" if binding["type"] == "typed-literal" else binding["type"]
    if kind == "bnode":
        return ("bnode",)
    datatype = binding.get("datatype")
    if datatype == XSD_STRING:
        datatype = None
    return (kind, binding["value"], binding.get("xml:lang"), datatype)


def json_rows(doc: dict[str, Any], query: str = "") -> Counter[Row]:
    """The rows of a SPARQL 1.1 JSON result (``{"boolean": …}`` for ASK gives one row)."""
    if "boolean" in doc:
        return Counter([(bool(doc["boolean"]),)])
    concat = group_concat_columns(query)
    variables = doc["head"]["vars"]
    rows: list[Row] = []
    for binding in doc["results"]["bindings"]:
        row = []
        for var in variables:
            term = _term(binding.get(var))
            if term is not None and var in concat and term[1] is not None:
                items = tuple(sorted(term[1].split(concat[var]))) if term[1] else ()
                term = (term[0], items, term[2], term[3])
            row.append(term)
        rows.append(tuple(row))
    return Counter(rows)


def describe_difference(left: Counter[Row], right: Counter[Row], names: tuple[str, str], limit: int = 3) -> str:
    """A short text naming a few rows only one side has (for assertion messages)."""
    only_left, only_right = left - right, right - left
    out = [f"{names[0]}: {sum(left.values())} rows, {names[1]}: {sum(right.values())} rows"]
    for name, rows in ((names[0], only_left), (names[1], only_right)):
        for row, n in list(rows.items())[:limit]:
            out.append(f"  only {name} (x{n}): {row}")
    return "\n".join(out)
