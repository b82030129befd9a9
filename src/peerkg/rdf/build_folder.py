"""Finding the build folder behind the files a service loads, so it can serve that build's own dump files.

``peerkg serve --data build/peerkg.trig [build/peerkg-evidence.trig]`` (or a store ``peerkg load`` filled from
them) loads dump files that a build wrote. When every loaded file is a dump listed in the ``manifest.json``
beside it, with the manifest's SHA-256, the service serves that folder's files byte for byte instead of
writing dumps of its own: the downloads, their checksums in VoID and a user's own build of the same pages
are then one and the same.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerkg.rdf.dumps import DUMPS, EVIDENCE_DUMPS, MANIFEST, MANIFEST_VERSION

__all__ = ["BuildFolder", "build_folder_of", "sha256_of"]

_MAIN = {"peerkg.trig", "peerkg.nq"}
REQUIRED = ("peerkg.trig", "peerkg.nq", "peerkg.ttl", "peerkg.nt")  # a build before peerkg.jsonld: the rest
_EVIDENCE = set(EVIDENCE_DUMPS)
_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildFolder:
    """A build folder whose dumps a service loaded: ``evidence`` when it loaded the evidence graph too."""

    path: Path
    manifest: dict[str, Any]
    evidence: bool

    def dump_names(self) -> list[str]:
        """The dump files that hold what was loaded, in the manifest (the evidence dumps when loaded; an older
        build has no ``peerkg.jsonld``)."""
        wanted = list(DUMPS) + (list(EVIDENCE_DUMPS) if self.evidence else [])
        return [name for name in wanted if name in self.manifest["files"]]


def _manifest(folder: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("manifest_version") != MANIFEST_VERSION \
            or not isinstance(doc.get("files"), dict):
        return None
    return doc


def build_folder_of(files: Sequence[Path], digests: dict[Path, str] | None = None) -> BuildFolder | None:
    """The build folder ``files`` are the dumps of, or None.

    They are when they sit in one folder whose manifest lists each of them with its SHA-256, they are one
    of ``peerkg.trig``/``peerkg.nq`` and at most one evidence dump, and every dump file served for them
    (:meth:`BuildFolder.dump_names`) is there with its listed size and SHA-256. ``digests`` (path → SHA-256)
    saves hashing files again."""
    paths = [Path(f) for f in files]
    names = [p.name for p in paths]
    if len({p.parent.resolve() for p in paths}) != 1 or len(set(names)) != len(names):
        return None
    main, evidence = [n for n in names if n in _MAIN], [n for n in names if n in _EVIDENCE]
    if len(main) != 1 or len(evidence) > 1 or len(main) + len(evidence) != len(names):
        return None
    folder = paths[0].parent
    manifest = _manifest(folder)
    if manifest is None:
        return None
    listed = manifest["files"]
    if any(name not in listed for name in REQUIRED):
        return None
    known = {p.resolve(): d for p, d in (digests or {}).items()}
    found = BuildFolder(folder, manifest, evidence=bool(evidence))
    for name in found.dump_names():  # the loaded files and every dump served beside them
        path, entry = folder / name, listed[name]
        if not isinstance(entry, dict) or not path.is_file() or path.stat().st_size != entry.get("bytes"):
            return None
        if (known.get(path.resolve()) or sha256_of(path)) != entry.get("sha256"):
            return None
    return found
