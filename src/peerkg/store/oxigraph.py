"""The embedded backend: an on-disk pyoxigraph store, queried by a pool of killable worker processes.

Data given as files (or as the core build's TriG) is loaded once into a store directory (a temporary
one unless ``--store`` names one); every worker then opens that directory read-only. The parent keeps
its own read-only handle for trusted, bounded look-ups (graph names, counts, dumps).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox

from peerkg.errors import InputError
from peerkg.store.base import (
    NotAcceptable,
    QueryOutcome,
    QueryRequest,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    TooManyRows,
)
from peerkg.store.loading import load_bytes, load_files
from peerkg.store.pool import WorkerPool
from peerkg.store.results import GRAPH_FORMATS


def build_store(path: Path, files: list[Path] | None = None, data: bytes | None = None,
                fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> int:
    """Fill the store at ``path`` (created if needed) from ``files`` and/or ``data``; return its size."""
    store = ox.Store(str(path))
    try:
        if files:
            load_files(store, files)
        if data is not None:
            load_bytes(store, data, fmt)
        store.flush()
        return len(store)
    finally:
        del store


class OxigraphBackend:
    name = "oxigraph"

    def __init__(self, store_path: Path, workers: int = 2, prefixes: dict[str, str] | None = None,
                 owns_path: bool = False) -> None:
        if not (store_path / "CURRENT").exists():
            raise InputError("not a pyoxigraph store directory", source=str(store_path),
                             hint="create one with: peerkg load FILE… --store PATH")
        self.store_path = store_path
        self.owns_path = owns_path
        self.prepared: dict[str, bytes] = {}
        self._write_lock = threading.Lock()  # dumps made by the build, served as they are
        self.prefixes = dict(prefixes or {})
        self.local = ox.Store.read_only(str(store_path))
        self.pool = WorkerPool(str(store_path), workers, self.prefixes)

    @classmethod
    def from_files(cls, files: list[Path], **kwargs: object) -> OxigraphBackend:
        path = Path(tempfile.mkdtemp(prefix="peerkg-store-"))
        try:
            build_store(path, files=files)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return cls(path, owns_path=True, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def from_bytes(cls, data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.TRIG,
                   **kwargs: object) -> OxigraphBackend:
        path = Path(tempfile.mkdtemp(prefix="peerkg-store-"))
        try:
            build_store(path, data=data, fmt=fmt)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return cls(path, owns_path=True, **kwargs)  # type: ignore[arg-type]

    # -- the Backend protocol ---------------------------------------------------------------------
    def execute(self, request: QueryRequest) -> QueryOutcome:
        answer = self.pool.run(request)
        error = answer.get("error")
        if error == "query-timeout":
            raise QueryTimeout(
                f"the query ran longer than {request.timeout:g} s, the time limit of this service, and was "
                "stopped. Make it more selective (fewer unbound triple patterns, a LIMIT, FILTERs early), or "
                "ask the operator to raise the limit (peerkg serve --query-timeout SECONDS).")
        if error == "malformed-query":
            raise QuerySyntaxError(answer["message"])
        if error == "row-limit":
            raise TooManyRows(answer["message"])
        if error == "not-acceptable":
            raise NotAcceptable(answer["message"], answer["kind"])
        if error:
            raise StoreError(answer["message"])
        return QueryOutcome(kind=answer["kind"], media_type=answer["media_type"], body=answer["body"],
                            rows=answer["rows"], truncated=answer["truncated"],
                            elapsed_ms=answer["elapsed_ms"])

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.local.named_graphs() if isinstance(g, ox.NamedNode))

    def triple_count(self) -> int:
        return len(self.local)

    def select(self, query: str) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        """A trusted in-process SELECT over the union graph (service internals only, never user input)."""
        result = self.local.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def describe(self, iri: str, limit: int = 2000) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """Quads with ``iri`` as subject and as object (each list capped at ``limit``)."""
        node = ox.NamedNode(iri)
        out, incoming = [], []
        for quad in self.local.quads_for_pattern(node, None, None):
            out.append(quad)
            if len(out) >= limit:
                break
        for quad in self.local.quads_for_pattern(None, None, node):
            incoming.append(quad)
            if len(incoming) >= limit:
                break
        return out, incoming

    def dump(self, path: str, media_type: str) -> None:
        fmt = GRAPH_FORMATS[media_type]
        if fmt.supports_datasets:
            self.local.dump(path, format=fmt, prefixes=self.prefixes if fmt is ox.RdfFormat.TRIG else None)
            return
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in self.local},
                         key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        prefixes = self.prefixes if fmt is ox.RdfFormat.TURTLE else None
        ox.serialize(triples, path, format=fmt, prefixes=prefixes)

    def update(self, text: str) -> int:
        """Apply a SPARQL Update (operator-only ``/update``); workers reopen the store afterwards.

        Returns the change in the number of quads. Runs in-process, without the time limit: only a
        token holder can call it."""
        with self._write_lock:
            before = len(self.local)
            writer = ox.Store(str(self.store_path))
            try:
                writer.update(text)
                writer.flush()
            except SyntaxError as exc:
                raise QuerySyntaxError(str(exc)) from exc
            finally:
                del writer
            self.local = ox.Store.read_only(str(self.store_path))
            self.pool.recycle()
            return len(self.local) - before

    def status(self) -> dict[str, object]:
        return {"backend": self.name, "triples": len(self.local), "workers": self.pool.size,
                "busy": self.pool.busy(), "worker_pids": self.pool.pids(),
                "stopped_queries": self.pool.killed, "worker_restarts": self.pool.restarts}

    def close(self) -> None:
        self.pool.close()
        del self.local
        if self.owns_path:
            shutil.rmtree(self.store_path, ignore_errors=True)
