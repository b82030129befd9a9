"""Filling a store beside its target and putting it in place at the end, so that a ``peerkg load`` stopped
at any moment (``kill -9`` included) leaves the previous store as it was, or no store that ``peerkg serve``
takes — never a half-loaded one served as if whole.

A load into ``NAME`` writes into ``.NAME.loading-PID`` in the same folder — a copy of the existing store
if there is one (RocksDB's checkpoint: hard links, no data copied), since ``peerkg load`` adds files to a
store — and writes the facts file last (``peerkg-store.json``, the completion marker ``peerkg serve``
checks). Then the two directories are exchanged in one step (Linux ``renameat2(RENAME_EXCHANGE)``; a plain
rename when there is no store yet) and the previous store is removed. Where the exchange is not available
the old store is renamed aside first (``.NAME.old-PID``): a kill between the two renames leaves no store
at ``NAME``, and ``peerkg serve`` says to rerun the load. The next load of the same target removes what a
killed load left. Two loads of one store at once would each start from the store as it was, and the second
swap would drop the first load's files: a load holds ``.NAME.lock`` beside the store, and a second one is
refused while it does.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peerkg.errors import InputError

try:
    import fcntl
except ImportError:  # not POSIX: loads are not locked
    fcntl = None  # type: ignore[assignment]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_MARKS = (".loading-", ".old-")


def staging_dir(target: Path) -> Path:
    """Where this process fills the store meant for ``target`` (same folder, so renames stay atomic)."""
    return target.parent / f".{target.name}.loading-{os.getpid()}"


@contextmanager
def load_lock(target: Path) -> Iterator[None]:
    """Hold ``.NAME.lock`` beside ``target`` for a load; refuse at once if another load holds it."""
    with (target.parent / f".{target.name}.lock").open("a") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise InputError("another peerkg load of this store is running", source=str(target),
                                 hint="wait for it to finish, then load again") from None
        yield


def leftovers(target: Path) -> list[Path]:
    """Directories that loads of ``target`` left behind (killed mid-way, or between the two renames)."""
    if not target.parent.is_dir():
        return []
    prefix = f".{target.name}"
    return sorted(p for p in target.parent.iterdir()
                  if p.name.startswith(prefix) and any(p.name[len(prefix):].startswith(m) for m in _MARKS)
                  and p.name.rsplit("-", 1)[-1].isdigit())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(target: Path) -> list[Path]:
    """Remove what killed loads of ``target`` left (not the directories of a load still running)."""
    removed = []
    for path in leftovers(target):
        pid = int(path.name.rsplit("-", 1)[-1])
        if pid != os.getpid() and _alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step; False where the system cannot (not Linux, old glibc or kernel,
    a file system without RENAME_EXCHANGE)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(staging: Path, target: Path, exchange: bool = True) -> None:
    """Put the complete store ``staging`` at ``target``; the previous store there (if any) is removed.

    ``exchange=False`` forces the two-rename fallback (tests)."""
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()  # an empty folder made for the store (mkdtemp, mkdir)
    if not target.exists():
        os.rename(staging, target)
    elif exchange and _exchange(staging, target):
        shutil.rmtree(staging)  # it holds the previous store now
    else:
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old)
    _sync_folder(target.parent)
