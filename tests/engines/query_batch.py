"""Many SELECT queries as one, so that an engine started per command (a JVM) runs once, not once per query.

Each query becomes a branch of a top-level ``UNION``: its whole text (solution modifiers included) as a
subquery, joined with ``BIND("name" AS ?__query)``. SPARQL evaluates a subquery bottom-up, on its own,
and only its projected variables leave it, so the rows of branch *name* are exactly the answer of query
*name*; :func:`split` takes them apart again and projects each onto the query's own variables (read by
rdflib's parser, independent of the engine under test). The prefixes of all queries are declared once;
two queries binding one prefix to different IRIs are refused.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib.plugins.sparql import prepareQuery

TAG = "__query"
_PREFIX = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>\s*$", re.IGNORECASE)


def _prologue_and_body(query: str) -> tuple[dict[str, str], str]:
    prefixes: dict[str, str] = {}
    body: list[str] = []
    for line in query.splitlines():
        match = _PREFIX.match(line)
        if match and not body:
            prefixes[match.group(1) or ""] = match.group(2)
        elif body or (line.strip() and not line.lstrip().startswith("#")):
            body.append(line)
    return prefixes, "\n".join(body)


def projected(query: str) -> list[str]:
    """The query's result variables, in order, as rdflib's SPARQL parser reads them."""
    return [str(v) for v in prepareQuery(query).algebra["PV"]]


def combine(queries: dict[str, str]) -> str:
    """One SELECT whose rows are every query's rows, each tagged with ``?__query``."""
    prefixes: dict[str, str] = {}
    branches = []
    for name, query in queries.items():
        declared, body = _prologue_and_body(query)
        for prefix, iri in declared.items():
            if prefixes.setdefault(prefix, iri) != iri:
                raise ValueError(f"{name}: prefix {prefix}: is <{iri}>, another query has <{prefixes[prefix]}>")
        if not body.lstrip().upper().startswith("SELECT"):
            raise ValueError(f"{name}: only SELECT queries can be combined")
        label = name.replace("\\", "\\\\").replace('"', '\\"')
        branches.append(f'{{ {{\n{body}\n}}\nBIND ("{label}" AS ?{TAG}) }}')
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items())
    return f"{prologue}SELECT * WHERE {{\n" + "\nUNION\n".join(branches) + "\n}\n"


def split(doc: dict[str, Any], queries: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The SPARQL JSON result of :func:`combine` cut into one JSON result per query."""
    out = {name: {"head": {"vars": projected(q)}, "results": {"bindings": []}} for name, q in queries.items()}
    for binding in doc["results"]["bindings"]:
        name = binding[TAG]["value"]
        keep = out[name]["head"]["vars"]
        out[name]["results"]["bindings"].append({v: t for v, t in binding.items() if v in keep})
    return out
