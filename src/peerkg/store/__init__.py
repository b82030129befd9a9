"""Query backends behind one small protocol (:class:`peerkg.store.base.Backend`)."""

from __future__ import annotations

import os
from pathlib import Path

from peerkg.rdf.namespaces import PREFIXES
from peerkg.store.base import Backend, QueryOutcome, QueryRequest, StoreError

__all__ = ["Backend", "QueryOutcome", "QueryRequest", "StoreError", "default_workers", "open_backend"]


def default_workers() -> int:
    """Query slots: one per CPU, at least 2 (so one slow query never blocks everyone)."""
    return max(2, os.cpu_count() or 2)


def open_backend(*, data: list[Path] | None = None, store_path: Path | None = None,
                 endpoint: str | None = None, workers: int | None = None,
                 remote_timeout: float = 30.0, memory_mb: float | None = None,
                 network: bool = False) -> Backend:
    """The backend for ``peerkg serve``/``query``: a remote endpoint, a store directory, RDF files,
    or (none of these) the bundled seed pages built by the core pipeline. ``memory_mb``: the resident
    size past which a query's worker is stopped (None: no cap); ``network``: query workers keep network
    access (for SERVICE, ``peerkg serve --allow-remote``; otherwise they run without any)."""
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    slots = workers or default_workers()
    if endpoint:
        from peerkg.store.remote import RemoteBackend
        return RemoteBackend(endpoint, timeout=remote_timeout)
    from peerkg.store.oxigraph import OxigraphBackend
    if store_path is not None:
        return OxigraphBackend(store_path, workers=slots, prefixes=prefixes, memory_mb=memory_mb,
                               network=network)
    if data:
        return OxigraphBackend.from_files(data, workers=slots, prefixes=prefixes, memory_mb=memory_mb,
                                          network=network)
    from peerkg.pipeline import build_dataset
    result = build_dataset()
    backend = OxigraphBackend.from_bytes(result.trig + result.evidence_trig, workers=slots,
                                         prefixes=prefixes, memory_mb=memory_mb, network=network)
    backend.dumps = result.dumps  # served as they are: the dumps of `peerkg build` of the seeds
    return backend
