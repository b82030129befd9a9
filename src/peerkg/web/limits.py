"""Admission: how many queries one client (by address) and the whole service may have in hand at once.

A client over its share gets 429 with ``Retry-After`` at once, so one client sending endless queries
holds at most its share of the query workers and everyone else is still answered. Past
``ServiceConfig.max_admitted`` queries and validations in hand (running or waiting for a worker) the
answer is 503 with ``Retry-After`` at once: the HTTP threads beyond that number never wait for a worker,
so a request queued behind them is taken up (and answered or refused) promptly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, request

from peerkg.web.errors import ApiError
from peerkg.web.state import backend, config


class ClientCounter:
    """Queries in flight per client address (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, int] = {}
        self.total = 0

    def enter(self, client: str | None, cap: int, total_cap: int) -> str | None:
        """Count one more request (of ``client``, unless None); or say which cap it is over."""
        with self._lock:
            count = self._running.get(client, 0) if client is not None else 0
            if client is not None and count >= cap:
                return "client"
            if self.total >= total_cap:
                return "total"
            if client is not None:
                self._running[client] = count + 1
            self.total += 1
            return None

    def leave(self, client: str | None) -> None:
        with self._lock:
            self.total -= 1
            if client is None:
                return
            count = self._running.get(client, 1) - 1
            if count <= 0:
                self._running.pop(client, None)
            else:
                self._running[client] = count


def client_address() -> str:
    """The client's address: the socket's peer, or the first entry of the configured proxy header."""
    header = config().client_header
    if header:
        value = request.headers.get(header, "")
        first = value.split(",")[0].strip()
        if first:
            return first
    return request.remote_addr or "-"


def client_cap() -> int:
    """The configured per-client cap, else half the query workers (at least 1)."""
    cap = config().max_client_queries
    if cap:
        return cap
    workers = getattr(getattr(backend(), "pool", None), "size", 2)
    return max(1, workers // 2)


@contextmanager
def client_slot(per_client: bool = True) -> Iterator[None]:
    """Hold one of the service's places, and (``per_client``: queries) one of the client's."""
    counter: ClientCounter = current_app.extensions.setdefault("peerkg.clients", ClientCounter())
    client = client_address() if per_client else None
    cap = client_cap() if per_client else 0
    total = config().max_admitted
    over = counter.enter(client, cap, total)
    if over == "client":
        raise ApiError(429, "too-many-queries",
                       f"this client already has {cap} queries running, the most one client may have at "
                       "once on this service; wait for them to finish, then try again",
                       headers={"Retry-After": "2"})
    if over == "total":
        raise ApiError(503, "busy", f"the service already has {total} queries and validations in hand, the "
                       "most it takes at once; try again in a few seconds", headers={"Retry-After": "2"})
    try:
        yield
    finally:
        counter.leave(client)
