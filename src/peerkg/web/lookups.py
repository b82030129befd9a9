"""Trusted, bounded SELECTs the pages make through the backend (never user input, always under the limits)."""

from __future__ import annotations

import json

from peerkg.rdf.namespaces import sparql_prologue
from peerkg.store.base import QueryRequest
from peerkg.web.state import backend, config

SELECT_JSON: dict[str, str | None] = {"solutions": "application/sparql-results+json", "boolean": None,
                                      "graph": None}
Row = dict[str, dict[str, str]]


def select(query: str, limit: int, prologue: bool = False) -> list[Row]:
    """The bindings of ``query`` (at most ``limit`` rows; a longer answer is cut, never an error)."""
    text = sparql_prologue() + query if prologue else query
    req = QueryRequest(text, SELECT_JSON, timeout=config().query_timeout, max_rows=limit, allow_partial=True)
    return json.loads(backend().execute(req).body)["results"]["bindings"]


def value(row: Row, name: str, default: str = "") -> str:
    return row[name]["value"] if name in row else default
