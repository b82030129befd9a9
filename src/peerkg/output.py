"""Atomic writes: every file goes to a temporary name first and is renamed into place.

A build writes all its files into a fresh temporary folder beside the output folder and only then
renames them over the old ones, so a build that fails never leaves half-written output.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write several files into ``folder``: all are staged first, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".peerkg-staging-", dir=folder))
    written: list[Path] = []
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        for name in files:
            os.replace(staging / name, folder / name)
            written.append(folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
