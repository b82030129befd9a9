"""Which files a store was loaded from, kept in the store directory (``peerkg-sources.json``).

``peerkg load build/peerkg.trig --store S`` records each file's absolute path and SHA-256, so that
``peerkg serve --store S`` can find the build folder behind the store and serve that build's own dump files
(:mod:`peerkg.rdf.build_folder`) — as long as the files are still there, unchanged. An update through
``/update`` removes the record: the store no longer holds what the files hold.
"""

from __future__ import annotations

import json
from pathlib import Path

from peerkg.output import write_atomic
from peerkg.rdf.build_folder import sha256_of

__all__ = ["SOURCES", "forget_sources", "read_sources", "recorded_sources", "write_sources"]

SOURCES = "peerkg-sources.json"


def recorded_sources(directory: Path) -> dict[Path, str]:
    """The record as written (path → SHA-256), not checked against the files; empty when there is none."""
    try:
        doc = json.loads((directory / SOURCES).read_text(encoding="utf-8"))
        return {Path(e["path"]): str(e["sha256"]) for e in doc["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_sources(directory: Path, files: list[Path], before: dict[Path, str] | None = None) -> dict[Path, str]:
    """Record ``files`` (path and SHA-256) as what the store at ``directory`` was loaded from; ``before``:
    they were added to a store that held data already, whose record this was (empty: it had none, so no
    record is kept — the store holds data no file describes)."""
    digests = {Path(f).resolve(): sha256_of(Path(f)) for f in files}
    if before is not None:
        if not before:
            forget_sources(directory)
            return {}
        digests = {**before, **digests}
    doc = {"files": [{"path": str(p), "sha256": d} for p, d in digests.items()]}
    write_atomic(directory / SOURCES, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
    return digests


def read_sources(directory: Path) -> dict[Path, str]:
    """The recorded source files that are still there with the SHA-256 they had (all of them, or none)."""
    recorded = recorded_sources(directory)
    if not recorded or any(not p.is_file() or sha256_of(p) != d for p, d in recorded.items()):
        return {}
    return recorded


def forget_sources(directory: Path) -> None:
    (directory / SOURCES).unlink(missing_ok=True)
