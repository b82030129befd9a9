"""The HTTP backend: the same service in front of an existing SPARQL engine (Fuseki, GraphDB, QLever,
Virtuoso, Oxigraph server). Queries are forwarded with the protocol's URL-encoded POST; the time limit
is the HTTP timeout (plus the engine's own ``timeout`` parameter where it has one)."""

from __future__ import annotations

import json
import time

import requests

from peerkg.store.base import (
    NotAcceptable,
    QueryOutcome,
    QueryRequest,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
)

_KIND_OF = {"application/sparql-results+json": "solutions", "application/sparql-results+xml": "solutions",
            "text/csv": "solutions", "text/tab-separated-values": "solutions"}


class RemoteBackend:
    name = "remote"

    def __init__(self, endpoint: str, timeout: float = 30.0) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.session = requests.Session()

    def execute(self, request: QueryRequest) -> QueryOutcome:
        accept = ", ".join(f"{m}" for m in dict.fromkeys(v for v in request.formats.values() if v))
        data: list[tuple[str, str]] = [("query", request.query)]
        data += [("default-graph-uri", g) for g in request.default_graphs or ()]
        data += [("named-graph-uri", g) for g in request.named_graphs or ()]
        data.append(("timeout", str(int(request.timeout * 1000))))
        start = time.perf_counter()
        try:
            resp = self.session.post(self.endpoint, data=data, headers={"Accept": accept or "*/*"},
                                     timeout=request.timeout)
        except requests.Timeout:
            raise QueryTimeout(f"the remote endpoint did not answer within {request.timeout:g} s") from None
        except requests.RequestException as exc:
            raise StoreError(f"the remote endpoint {self.endpoint} failed: {exc}") from exc
        if resp.status_code == 400:
            raise QuerySyntaxError(resp.text[:2000])
        if resp.status_code == 406:
            raise NotAcceptable("the remote endpoint cannot produce an accepted format", "solutions")
        if resp.status_code >= 400:
            raise StoreError(f"the remote endpoint answered {resp.status_code}: {resp.text[:500]}")
        media = resp.headers.get("Content-Type", "").split(";")[0].strip()
        kind = _KIND_OF.get(media, "graph")
        if media == "application/sparql-results+json" and b'"boolean"' in resp.content[:200]:
            kind = "boolean"
        return QueryOutcome(kind=kind, media_type=media, body=resp.content,  # type: ignore[arg-type]
                            elapsed_ms=(time.perf_counter() - start) * 1000)

    def graph_names(self) -> list[str]:
        """The engine's named graphs. ``GRAPH ?g { }`` is the cheap form; Virtuoso answers it with one row
        that binds nothing, so a row without ``?g`` is skipped and, when no row names a graph, the graphs
        holding a triple are asked for instead."""
        names: set[str] = set()
        for pattern in ("GRAPH ?g { }", "GRAPH ?g { ?s ?p ?o }"):
            req = QueryRequest(f"SELECT DISTINCT ?g WHERE {{ {pattern} }}",
                               {"solutions": "application/sparql-results+json", "boolean": None, "graph": None})
            rows = json.loads(self.execute(req).body)["results"]["bindings"]
            names = {b["g"]["value"] for b in rows if "g" in b}
            if names:
                break
        return sorted(names)

    def dump(self, path: str, media_type: str) -> None:
        raise StoreError("dumps come from the build when the service fronts a remote endpoint")

    def status(self) -> dict[str, object]:
        return {"backend": self.name, "endpoint": self.endpoint, "triples": None}

    def close(self) -> None:
        self.session.close()
