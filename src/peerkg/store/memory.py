"""Process memory: how much a worker holds, and giving back what a finished request left behind.

The service keeps its memory near its idle level whatever the requests (tests/test_web_hostile.py
holds the whole process tree to idle + 100 MB): big buffers come from their own mappings
(:func:`release_big_buffers`), a validation worker collects and trims after every job (:func:`settle`),
and the pool replaces a worker whose resident size grew past a threshold (``peerkg.store.pool``).
"""

from __future__ import annotations

import ctypes
import gc
import os
from pathlib import Path

_M_MMAP_THRESHOLD = -3  # glibc mallopt parameter
BIG_BUFFER = 128 * 1024
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def release_big_buffers() -> bool:
    """Serve every allocation over 128 kB from its own mapping, given back to the OS when it is freed.

    glibc otherwise raises that threshold after the first big buffer is freed (up to 32 MB), so later
    request bodies, query texts, results and reports come from the heap, which keeps their pages: over
    the hostile corpus (tests/test_web_hostile.py) the server grew from 58 to 186 MB and stayed there;
    with a fixed threshold it ends within a few MB of idle. Returns False where there is no glibc.
    """
    libc = _libc()
    try:
        return libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, BIG_BUFFER) == 1
    except AttributeError:
        return False


def settle() -> None:
    """Free what a finished job left: collect Python's reference cycles (an rdflib graph is full of
    them, so a parsed body otherwise stays until the next full collection), then hand the heap's free
    pages back to the OS (glibc ``malloc_trim``)."""
    gc.collect()
    libc = _libc()
    try:
        if libc is not None:
            libc.malloc_trim(0)
    except AttributeError:
        pass


def rss_mb(pid: int) -> float | None:
    """The resident memory of process ``pid`` in MB (``/proc/PID/statm``), or None if it cannot be read
    (not Linux, or the process is gone). Cheap enough to call after every job (≈10 µs)."""
    try:
        with Path(f"/proc/{pid}/statm").open("rb") as statm:
            return int(statm.read().split()[1]) * _PAGE / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


def tree_rss_mb(pid: int) -> dict[int, float]:
    """Resident MB of process ``pid`` and of each of its descendants (read from /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # the name in (…) may hold spaces
        children.setdefault(parent, []).append(int(entry.name))
    out: dict[int, float] = {}
    todo = [pid]
    while todo:
        current = todo.pop()
        rss = rss_mb(current)
        if rss is not None:
            out[current] = rss
        todo.extend(children.get(current, ()))
    return out
