"""A pool of persistent worker processes, one per query slot, each killable.

Why processes: pyoxigraph evaluates a query inside Rust without checking for interruption, and a
Python thread cannot be stopped. A query that runs over its time limit is stopped by killing the
worker process that runs it (SIGKILL: the OS frees its CPU and memory at once); a fresh worker,
opening the same store read-only, takes the slot. Workers are started with the ``spawn`` method
(no fork of a multi-threaded server). Measured overhead per query (pipe round trip, pickling):
see ``docs/service.md`` and ``bench/bench_store.py``.
"""

from __future__ import annotations

import heapq
import logging
import math
import multiprocessing as mp
import queue
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from peerkg.store.base import Busy, StoreError
from peerkg.store.memory import rss_mb
from peerkg.store.worker import worker_main

log = logging.getLogger("peerkg.store")
_CTX = mp.get_context("spawn")
STARTUP_TIMEOUT = 60.0
# A request is taken on only if a worker is expected this long before its deadline: a light query needs a
# few milliseconds, and a request's own running time is not known before it runs (the deadline stops it).
MIN_RUN = 0.1
# A validation worker whose resident memory grew by more than this since it started is replaced after its
# job: what a request left behind (a fragmented Python heap) is given back to the OS with the process.
# Query workers are not recycled on growth: pyoxigraph's caches and a big store's index and filter blocks
# grow with use and are what keeps queries fast; a running query is bounded by ``memory_mb`` instead.
RECYCLE_GROWTH_MB = 64.0
WATCH_INTERVAL = 0.05  # how often a running job's worker memory is checked against the cap


class Job(Protocol):
    """What a pool runs: anything picklable with a time limit (a query, a validation)."""

    timeout: float


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection
    pid: int
    baseline: float = 0.0  # resident MB when it announced itself ready


@dataclass(frozen=True)
class Running:
    """A job in a worker: when it started and when it will be stopped at the latest."""

    started: float
    deadline: float


def expected_start(now: float, running: list[Running], idle: int, waiting: int, service: float,
                   restart: float, restarting: tuple[float, ...] = ()) -> float:
    """When a request arriving ``now`` can expect a worker (``time.monotonic()`` scale).

    ``running``: the busy workers' jobs; ``waiting``: requests already queued for a worker (they go
    first); ``service``: the recent mean time a job holds a worker; ``restart``: how long a replacement
    worker takes after one is stopped at its deadline. A running job is expected to run as long again as
    it has already run, or to the mean if that is longer — and never past its deadline (+ restart). Each
    request ahead then holds the first worker free for the mean time. ``restarting``: when each worker
    being replaced began its start-up (it is expected ``restart`` seconds later).
    """
    if idle > waiting:
        return now
    free = [now] * idle + [max(now, begun + restart) for begun in restarting]
    for job in running:
        elapsed = max(0.0, now - job.started)
        remaining = max(service - elapsed, elapsed)
        free.append(now + min(remaining, max(0.0, job.deadline - now) + restart))
    if not free:
        return math.inf
    heapq.heapify(free)
    for _ in range(waiting):
        heapq.heappush(free, heapq.heappop(free) + service)
    return free[0]


class WorkerPool:
    def __init__(self, store_path: str, size: int, prefixes: dict[str, str] | None = None,
                 queue_timeout: float = 10.0, target: Any = worker_main, args: tuple[Any, ...] | None = None,
                 name: str = "query", memory_mb: float | None = None,
                 recycle_mb: float | None = None) -> None:
        self.store_path = store_path
        self.target = target
        self.args = args if args is not None else (store_path, dict(prefixes or {}))
        self.name = name
        self.isolated = True  # every worker runs without network (see worker.cut_network)
        self.size = max(1, size)
        self.prefixes = dict(prefixes or {})
        self.queue_timeout = queue_timeout
        self.memory_mb = memory_mb  # a running job's worker over this resident size is stopped
        self.recycle_mb = recycle_mb
        self.restarts = 0
        self.killed = 0
        self.over_memory = 0
        self.recycled = 0
        self.early_busy = 0
        self._running: dict[int, Running] = {}
        self._durations: deque[float] = deque(maxlen=32)  # recent times a job held a worker
        self._restart_s = 0.5  # measured on every replacement
        self._waiting = 0
        self._restarting: dict[int, float] = {}  # replacement thread id → when its start-up began
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
        isolated = rest[0] if rest else False
        if isolated is not True:
            self.isolated = False
        if isolated is False:
            log.warning("%s worker %s keeps network access: user namespaces are not available", self.name,
                        info)
        slot.baseline = rss_mb(slot.pid) or 0.0
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
        begun = time.monotonic()
        key = threading.get_ident()
        with self._lock:
            self._restarting[key] = begun
        try:
            slot = self._spawn()
            self._await_ready(slot)
        except StoreError:
            log.exception("could not restart a %s worker", self.name)
            return
        finally:
            with self._lock:
                self._restarting.pop(key, None)
        self._restart_s = time.monotonic() - begun
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

    def service_time(self) -> float:
        """The mean time the recent jobs held a worker (0 before any finished)."""
        with self._lock:
            return sum(self._durations) / len(self._durations) if self._durations else 0.0

    def _refuse_early(self, deadline: float) -> None:
        """Raise :class:`Busy` now when no worker can be expected in time to answer by ``deadline``."""
        now = time.monotonic()
        service = self.service_time()
        with self._lock:
            running, waiting = list(self._running.values()), self._waiting
            restarting = tuple(self._restarting.values())
        idle = self._idle.qsize()
        start = expected_start(now, running, idle, waiting, service, self._restart_s, restarting)
        if start + MIN_RUN <= deadline:
            return
        self.early_busy += 1
        wait = start - now
        retry = max(1, math.ceil(wait)) if math.isfinite(wait) else 5
        raise Busy(f"all {self.size} {self.name} workers are busy (with {waiting} requests waiting) and none "
                   f"is expected to be free in time for this request's limit; try again in {retry} s",
                   retry_after=retry)

    def run(self, request: Job, deadline: float | None = None) -> dict[str, Any]:
        """Send ``request`` to an idle worker; kill it if no answer comes by the deadline.

        ``deadline`` (``time.monotonic()``) defaults to now + ``request.timeout``: time spent waiting for a
        worker counts. Raises :class:`Busy` at once when no worker is expected to be free in time (see
        :func:`expected_start`), or when none became free before the deadline. Returns the worker's answer
        dict, or ``{"error": "query-timeout"}`` when the worker was stopped.
        """
        if deadline is None:
            deadline = getattr(request, "deadline", None) or time.monotonic() + request.timeout
        self._refuse_early(deadline)
        with self._lock:
            self._waiting += 1
        try:
            slot = self._idle.get(timeout=max(0.0, min(self.queue_timeout, deadline - time.monotonic())))
        except queue.Empty:
            raise Busy(f"all {self.size} {self.name} workers are busy; try again in a few seconds",
                       retry_after=5) from None
        finally:
            with self._lock:
                self._waiting -= 1
        started = time.monotonic()
        with self._lock:
            self._running[slot.pid] = Running(started, deadline)
        try:
            return self._exchange(slot, request, deadline)
        finally:
            with self._lock:
                self._running.pop(slot.pid, None)
                self._durations.append(time.monotonic() - started)

    def _await_answer(self, slot: _Slot, deadline: float) -> dict[str, Any] | None:
        """The worker's answer, or None at the deadline; with a memory cap, checked every
        :data:`WATCH_INTERVAL` (a job past the cap is answered ``{"error": "memory-limit"}``)."""
        while True:
            budget = deadline - time.monotonic()
            step = budget if self.memory_mb is None else min(budget, WATCH_INTERVAL)
            if slot.conn.poll(max(step, 0.001)):
                answer: dict[str, Any] = slot.conn.recv()
                return answer
            if budget <= step:
                return None
            rss = rss_mb(slot.pid)
            if self.memory_mb is not None and rss is not None and rss > self.memory_mb:
                self.over_memory += 1
                return {"error": "memory-limit", "restart": True, "rss_mb": rss}

    def _exchange(self, slot: _Slot, request: Job, deadline: float) -> dict[str, Any]:
        try:
            slot.conn.send(request)
            answer = self._await_answer(slot, deadline)
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
        elif self._grown(slot):
            self.recycled += 1
            self._discard(slot)
        else:
            self._idle.put(slot)
        return answer

    def _grown(self, slot: _Slot) -> bool:
        """Whether the worker holds more than ``recycle_mb`` above its resident size at start."""
        if self.recycle_mb is None:
            return False
        rss = rss_mb(slot.pid)
        return rss is not None and slot.baseline > 0 and rss > slot.baseline + self.recycle_mb
