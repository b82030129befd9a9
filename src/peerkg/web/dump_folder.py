"""The folder of dumps a service serves, made once at start-up: a build's own files whenever there is one.

Where the dumps come from, in this order:

1. **a build folder** (``peerkg serve --data build/peerkg.trig``, or ``--store`` of a store loaded from those
   files; found by :func:`peerkg.rdf.build_folder.build_folder_of`): its dump files, hard-linked (or copied)
   as they are — nothing is parsed or serialised, and a rebuild while the service runs does not change what
   it serves;
2. **a build made in this process** (``peerkg serve`` with no data: the seeds): its files, as `peerkg build`
   would write them;
3. **the store** (any other data): its graphs written by the build's own writer
   (:func:`peerkg.rdf.dumps.make_dumps` over :func:`peerkg.store.export.store_parts`).

Then the N-Triples dump of each named graph is cut out of the N-Quads dumps (:mod:`peerkg.rdf.graph_dumps`).
``served.json`` lists every file served: name, media type, bytes, SHA-256 of the bytes served, triples or
quads, the graph of a per-graph dump, and where the files came from. The web layer reads only that.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerkg.output import write_atomic
from peerkg.rdf.build_folder import BuildFolder, build_folder_of, sha256_of
from peerkg.rdf.dumps import Dumps, make_dumps
from peerkg.rdf.graph_dumps import split_nquads, write_graph_dumps
from peerkg.rdf.jsonld import jsonld_dump
from peerkg.rdf.namespaces import DEFAULT_BASE, Base

__all__ = ["SERVED", "DumpSource", "dump_source", "prepare_dumps", "read_served", "write_dumps"]

SERVED = "served.json"
JSONLD = "peerkg.jsonld"
log = logging.getLogger("peerkg.dumps")


@dataclass
class DumpSource:
    """What the dumps are made from: a build folder, a build's files in memory, or a store."""

    kind: str  # "build folder" | "build" | "store"
    build: BuildFolder | None = None
    dumps: Dumps | None = None
    store: Any = None  # an OxigraphBackend


def dump_source(backend: Any, data: list[Path] | None = None) -> DumpSource:
    """Where ``backend``'s dumps come from (see the module's docstring)."""
    if getattr(backend, "dumps", None) is not None:
        return DumpSource("build", dumps=backend.dumps)
    sources = backend.source_files() if hasattr(backend, "source_files") else {}
    files = list(data) if data else list(sources)
    if files:
        found = build_folder_of(files, sources)
        if found is not None:
            return DumpSource("build folder", build=found)
    return DumpSource("store", store=backend)


def _place(source: Path, target: Path) -> None:
    """``target`` becomes the file ``source`` (a hard link when possible, else a copy), atomically."""
    if target.exists() and os.path.samefile(source, target):
        return
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _entry(name: str, listed: dict[str, Any], path: Path) -> dict[str, Any]:
    """The served entry of a dump file, its facts from the manifest and its SHA-256 from the bytes served."""
    entry = {"name": name, "media_type": listed["media_type"], "bytes": path.stat().st_size,
             "sha256": sha256_of(path)}
    for key in ("triples", "quads", "graphs"):
        if key in listed:
            entry[key] = listed[key]
    return entry


def _whole_dumps(source: DumpSource, directory: Path, base: str) -> tuple[dict[str, Any], list[str]]:
    """Put the whole-dataset dumps into ``directory``; return the manifest describing them and their names."""
    if source.build is not None:
        names = source.build.dump_names()
        for name in names:
            _place(source.build.path / name, directory / name)
        manifest = source.build.manifest
        if JSONLD not in names:  # a build from before the JSON-LD dump: written as this build would write it
            with open(directory / "peerkg.nq", "rb") as handle:
                parts = dict(split_nquads(handle))
            data = jsonld_dump(parts, sorted(parts))
            write_atomic(directory / JSONLD, data)
            listed = manifest["files"]["peerkg.nq"]
            manifest = {**manifest, "files": {**manifest["files"], JSONLD: {
                "media_type": "application/ld+json", "quads": listed["quads"], "graphs": listed["graphs"]}}}
            names.append(JSONLD)
        return manifest, names
    dumps = source.dumps
    if dumps is None:
        from peerkg.store.export import store_parts
        store = source.store
        dumps = make_dumps(store_parts(store.local, store.facts), Base(base).evidence_graph, base)
    for name, data in dumps.files.items():
        write_atomic(directory / name, data)
    return dumps.manifest, list(dumps.files)


def prepare_dumps(backend: Any, directory: Path, base: str = DEFAULT_BASE, data: list[Path] | None = None) -> Path:
    """Fill ``directory`` with every dump ``backend`` serves (``data``: the files it was loaded from, when
    given as files) and ``served.json``; return ``directory``."""
    return write_dumps(dump_source(backend, data), directory, base)


def write_dumps(source: DumpSource, directory: Path, base: str) -> Path:
    """Fill ``directory`` with every dump made from ``source`` and ``served.json``; return ``directory``."""
    start = time.perf_counter()
    directory.mkdir(parents=True, exist_ok=True)
    manifest, names = _whole_dumps(source, directory, base)
    base = str(manifest.get("base") or base)
    entries = [_entry(name, manifest["files"][name], directory / name) for name in names]
    for name in names:
        if name.endswith(".nq"):
            for dump in write_graph_dumps(directory / name, directory, base):
                entries.append({"name": dump.name, "media_type": "application/n-triples", "graph": dump.graph,
                                "bytes": (directory / dump.name).stat().st_size,
                                "sha256": sha256_of(directory / dump.name), "triples": dump.triples})
    for entry in entries:  # compressed on first request (peerkg.web.dumps); none left from another run
        (directory / (entry["name"] + ".gz")).unlink(missing_ok=True)
    origin = str(source.build.path) if source.build is not None else source.kind
    doc = {"source": source.kind, "origin": origin, "base": base, "dumps": entries}
    write_atomic(directory / SERVED, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    log.info("dumps: %d files from the %s (%s) in %.2f s, in %s", len(entries), source.kind, origin,
             time.perf_counter() - start, directory)
    return directory


def read_served(directory: Path) -> dict[str, Any]:
    return json.loads((directory / SERVED).read_text(encoding="utf-8"))
