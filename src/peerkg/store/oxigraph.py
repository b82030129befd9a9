"""The embedded backend: an on-disk pyoxigraph store, queried by a pool of killable worker processes.

Data given as files (or as the core build's TriG) is loaded once into a store directory (a temporary
one unless ``--store`` names one); every worker then opens that directory read-only. The parent keeps
its own read-only handle for trusted, bounded look-ups (graph names, counts, dumps).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from peerkg.errors import InputError
from peerkg.rdf.dumps import Dumps
from peerkg.store.base import (
    NotAcceptable,
    QueryMemory,
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
from peerkg.store.sources import forget_sources, read_sources, recorded_sources, write_sources
from peerkg.store.staging import leftovers, load_lock, remove_leftovers, staging_dir, swap_in
from peerkg.store.union import StoreFacts, fill_union, read_facts, sync_union, write_facts


def build_store(path: Path, files: list[Path] | None = None, data: bytes | None = None,
                fmt: ox.RdfFormat = ox.RdfFormat.TRIG, lock: bool = True) -> StoreFacts:
    """Add ``files`` and/or ``data`` to the store at ``path`` (created if needed), write the union default
    graph (a set), the record of the files (when only files were loaded: :mod:`peerkg.store.sources`) and
    the store's facts file last; return the facts.

    The store is filled beside ``path`` and put in its place at the end (:mod:`peerkg.store.staging`): a
    load stopped at any point leaves the previous store, or none at ``path``. ``lock``: hold the store's
    lock file while loading (``False`` for the service's own temporary stores, which nothing else loads)."""
    if path.exists() and not (path.is_dir() and (is_store(path) or not any(path.iterdir()))):
        raise InputError("not a store directory, and not empty: peerkg load will not write into it",
                         source=str(path), hint="give a new or empty folder, or a store peerkg load made")
    path.parent.mkdir(parents=True, exist_ok=True)
    with load_lock(path) if lock else nullcontext():
        remove_leftovers(path)
        staging = staging_dir(path)
        before = recorded_sources(path) if is_store(path) else None
        try:
            if is_store(path):  # files are added to it: start from a checkpoint of it (hard links)
                ox.Store.read_only(str(path)).backup(str(staging))
            facts = _fill(staging, files, data, fmt, before)
            swap_in(staging, path)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return facts


def _fill(directory: Path, files: list[Path] | None, data: bytes | None, fmt: ox.RdfFormat,
          before: dict[Path, str] | None = None) -> StoreFacts:
    """Load into the store at ``directory``, fill its union default graph, record the files (``before``: the
    record of the store they are added to, None for a new store), write its facts file last."""
    store = ox.Store(str(directory))
    try:
        if files:
            load_files(store, files)
        if data is not None:
            load_bytes(store, data, fmt)
        facts = fill_union(store)
        store.flush()
    finally:
        del store
    if files and data is None:
        write_sources(directory, files, before)
    else:
        forget_sources(directory)
    write_facts(directory, facts)
    return facts


def is_store(path: Path) -> bool:
    return (path / "CURRENT").is_file()


class OxigraphBackend:
    name = "oxigraph"

    def __init__(self, store_path: Path, workers: int = 2, prefixes: dict[str, str] | None = None,
                 owns_path: bool = False, memory_mb: float | None = None, network: bool = False) -> None:
        if not is_store(store_path):
            left = leftovers(store_path)
            if left:
                raise InputError(f"no store here: a peerkg load of it was stopped before it finished (it left "
                                 f"{', '.join(p.name for p in left)})", source=str(store_path),
                                 hint=f"load it again: peerkg load FILE… --store {store_path}")
            raise InputError("not a pyoxigraph store directory", source=str(store_path),
                             hint="create one with: peerkg load FILE… --store PATH")
        self.store_path = store_path
        self.facts = read_facts(store_path)
        self.owns_path = owns_path
        self.dumps: Dumps | None = None  # the dump files of a build made in this process (the seeds)
        self._write_lock = threading.Lock()
        self.prefixes = dict(prefixes or {})
        self.local = ox.Store.read_only(str(store_path))
        # ``network``: the workers keep network access, for SERVICE (peerkg serve --allow-remote)
        self.pool = WorkerPool(str(store_path), workers, self.prefixes, memory_mb=memory_mb,
                               args=(str(store_path), self.prefixes, network))

    @classmethod
    def from_files(cls, files: list[Path], **kwargs: object) -> OxigraphBackend:
        path = Path(tempfile.mkdtemp(prefix="peerkg-store-"))
        try:
            build_store(path, files=files, lock=False)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return cls(path, owns_path=True, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def from_bytes(cls, data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.TRIG,
                   **kwargs: object) -> OxigraphBackend:
        path = Path(tempfile.mkdtemp(prefix="peerkg-store-"))
        try:
            build_store(path, data=data, fmt=fmt, lock=False)
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
        if error == "memory-limit":
            raise QueryMemory(
                f"the query needed more than {self.pool.memory_mb:g} MB, the memory limit of a query on this "
                "service, and was stopped. Make it more selective (a LIMIT does not help an ORDER BY, GROUP BY "
                "or DISTINCT over many rows), or ask the operator to raise the limit (peerkg serve "
                "--query-memory-mb MB).")
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
        """Distinct triples of the union default graph (stored when the store was filled)."""
        return self.facts.union_triples

    def select(self, query: str) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        """A trusted in-process SELECT over the union graph (service internals only, never user input)."""
        result = self.local.query(query)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in result]

    def describe(self, iri: str, limit: int = 2000) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """Quads with ``iri`` as subject and as object (each list capped at ``limit``)."""
        node = ox.NamedNode(iri)
        out, incoming = [], []
        for quad in self._loaded_quads(node, None, None):
            out.append(quad)
            if len(out) >= limit:
                break
        for quad in self._loaded_quads(None, None, node):
            incoming.append(quad)
            if len(incoming) >= limit:
                break
        return out, incoming

    def _loaded_quads(self, s: ox.NamedNode | None, p: ox.NamedNode | None,
                      o: ox.NamedNode | None) -> Iterator[ox.Quad]:
        """The quads as loaded: those of the named graphs, and the default graph's own triples (not its
        union copies of named-graph triples)."""
        for quad in self.local.quads_for_pattern(s, p, o, None):
            if not isinstance(quad.graph_name, ox.DefaultGraph) or self._own(quad):
                yield quad

    def _own(self, quad: ox.Quad) -> bool:
        """Whether a default-graph quad is one of the files' own triples (in no named graph)."""
        if not self.facts.own_default_triples:
            return False
        return all(isinstance(q.graph_name, ox.DefaultGraph)
                   for q in self.local.quads_for_pattern(quad.subject, quad.predicate, quad.object, None))

    def dump(self, path: str, media_type: str) -> None:
        fmt = GRAPH_FORMATS[media_type]
        if fmt.supports_datasets:
            ox.serialize(self._loaded_quads(None, None, None), path, format=fmt,
                         prefixes=self.prefixes if fmt is ox.RdfFormat.TRIG else None)
            return
        prefixes = self.prefixes if fmt is ox.RdfFormat.TURTLE else None
        self.local.dump(path, format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def source_files(self) -> dict[Path, str]:
        """The files the store was loaded from (path → SHA-256), when they are still there unchanged."""
        return read_sources(self.store_path)

    def update(self, text: str) -> int:
        """Apply a SPARQL Update (operator-only ``/update``); workers reopen the store afterwards.

        Returns the change in the number of quads. Runs in-process, without the time limit: only a
        token holder can call it."""
        with self._write_lock:
            before = self.facts.quads
            writer = ox.Store(str(self.store_path))
            try:
                writer.update(text)
                facts = sync_union(writer, self.facts)
                writer.flush()
            except SyntaxError as exc:
                raise QuerySyntaxError(str(exc)) from exc
            finally:
                del writer
            forget_sources(self.store_path)  # the files no longer hold what the store holds
            self.dumps = None
            write_facts(self.store_path, facts)
            self.facts = facts
            self.local = ox.Store.read_only(str(self.store_path))
            self.pool.recycle()
            return facts.quads - before

    def status(self) -> dict[str, object]:
        return {"backend": self.name, "triples": self.facts.union_triples,
                "quads": self.facts.quads, "graphs": len(self.facts.graphs), "kinds": self.facts.kinds,
                "workers": self.pool.size,
                "busy": self.pool.busy(), "worker_pids": self.pool.pids(),
                "stopped_queries": self.pool.killed, "worker_restarts": self.pool.restarts,
                "memory_stops": self.pool.over_memory, "worker_recycles": self.pool.recycled,
                "workers_without_network": self.pool.isolated}

    def close(self) -> None:
        self.pool.close()
        del self.local
        if self.owns_path:
            shutil.rmtree(self.store_path, ignore_errors=True)
