"""A pool of persistent worker processes, one per query slot, each killable.

Why processes: pyoxigraph evaluates a query inside Rust without checking for interruption, and a
Python thread cannot be stopped. A query that runs over its time limit is stopped by killing the
worker process that runs it (SIGKILL: the OS frees its CPU and memory at once); a fresh worker,
opening the same store read-only, takes the slot. Workers are started with the ``spawn`` method
(no fork of a multi-threaded server). Measured overhead per query (pipe round trip, pickling):
see ``docs/service.md`` and ``bench/bench_store.py``.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from peerkg.store.base import Busy, StoreError
from peerkg.store.worker import worker_main

log = logging.getLogger("peerkg.store")
_CTX = mp.get_context("spawn")
STARTUP_TIMEOUT = 60.0


class Job(Protocol):
    """What a pool runs: anything picklable with a time limit (a query, a validation)."""

    timeout: float


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection
    pid: int


class WorkerPool:
    def __init__(self, store_path: str, size: int, prefixes: dict[str, str] | None = None,
                 queue_timeout: float = 10.0, target: Any = worker_main, args: tuple[Any, ...] | None = None,
                 name: str = "query") -> None:
        self.store_path = store_path
        self.target = target
        self.args = args if args is not None else (store_path, dict(prefixes or {}))
        self.name = name
        self.isolated = True  # every worker runs without network (see worker.cut_network)
        self.size = max(1, size)
        self.prefixes = dict(prefixes or {})
        self.queue_timeout = queue_timeout
        self.restarts = 0
        self.killed = 0
        self._idle: queue.Queue[_Slot] = queue.Queue()
        self._all: dict[int, _Slot] = {}
        self._lock = threading.Lock()
        self._closed = False
        slots = [self._spawn() for _ in range(self.size)]
        for slot in slots:
            self._await_ready(slot)
            self._idle.put(slot)

    # -- life cycle -------------------------------------------------------------------------------
    def _spawn(self) -> _Slot:
        parent, child = _CTX.Pipe()
        proc = _CTX.Process(target=self.target, args=(child, *self.args),
                            name=f"peerkg-{self.name}-worker", daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent, proc.pid or 0)

    def _await_ready(self, slot: _Slot) -> None:
        if not slot.conn.poll(STARTUP_TIMEOUT):
            self._kill(slot)
            raise StoreError(f"{self.name} worker did not start within {STARTUP_TIMEOUT:.0f} s")
        status, info, *rest = slot.conn.recv()
        if status != "ready":
            self._kill(slot)
            raise StoreError(str(info))
        if not (rest and rest[0]):
            self.isolated = False
            log.warning("%s worker %s keeps network access: user namespaces are not available", self.name,
                        info)
        with self._lock:
            self._all[slot.pid] = slot

    def _kill(self, slot: _Slot) -> None:
        with self._lock:
            self._all.pop(slot.pid, None)
        slot.process.kill()
        slot.process.join(5)
        slot.conn.close()

    def _replace(self) -> None:
        """Start a worker for a slot whose worker was killed (runs in a background thread)."""
        try:
            slot = self._spawn()
            self._await_ready(slot)
        except StoreError:
            log.exception("could not restart a %s worker", self.name)
            return
        if self._closed:
            self._kill(slot)
            return
        self.restarts += 1
        self._idle.put(slot)

    def recycle(self) -> None:
        """Replace every worker (after the store changed): idle ones now, busy ones as they come back."""
        for _ in range(self.size):
            slot = self._idle.get(timeout=STARTUP_TIMEOUT)
            self._kill(slot)
            fresh = self._spawn()
            self._await_ready(fresh)
            self._idle.put(fresh)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(self._all)

    def busy(self) -> int:
        return self.size - self._idle.qsize()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            slots = list(self._all.values())
        for slot in slots:
            self._kill(slot)

    # -- running jobs ---------------------------------------------------------------------------
    def _discard(self, slot: _Slot) -> None:
        self._kill(slot)
        threading.Thread(target=self._replace, daemon=True).start()

    def run(self, request: Job, deadline: float | None = None) -> dict[str, Any]:
        """Send ``request`` to an idle worker; kill it if no answer comes by the deadline.

        ``deadline`` (``time.monotonic()``) defaults to now + ``request.timeout``: time spent waiting for a
        worker counts. Raises :class:`Busy` when no worker is free before it. Returns the worker's answer
        dict, or ``{"error": "timeout"}`` when the worker was stopped.
        """
        if deadline is None:
            deadline = getattr(request, "deadline", None) or time.monotonic() + request.timeout
        try:
            slot = self._idle.get(timeout=max(0.0, min(self.queue_timeout, deadline - time.monotonic())))
        except queue.Empty:
            raise Busy(f"all {self.size} {self.name} workers are busy; try again in a few seconds") from None
        budget = deadline - time.monotonic()
        try:
            slot.conn.send(request)
            ready = slot.conn.poll(max(budget, 0.001))
            answer = slot.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._discard(slot)
            raise StoreError(f"the {self.name} worker died ({exc or 'no answer'}); the request was not "
                             "answered") from exc
        if answer is None:
            self.killed += 1
            self._discard(slot)
            return {"error": "query-timeout"}
        if answer.get("restart"):
            self._discard(slot)
        else:
            self._idle.put(slot)
        return answer
