"""Per-client limits: how many queries one client (by address) may have running or waiting at once.

A client over its share gets 429 with ``Retry-After`` at once, so one client sending endless queries
holds at most its share of the query workers and everyone else is still answered.
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

    def enter(self, client: str, cap: int) -> bool:
        with self._lock:
            count = self._running.get(client, 0)
            if count >= cap:
                return False
            self._running[client] = count + 1
            return True

    def leave(self, client: str) -> None:
        with self._lock:
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
def client_slot() -> Iterator[None]:
    counter: ClientCounter = current_app.extensions.setdefault("peerkg.clients", ClientCounter())
    client, cap = client_address(), client_cap()
    if not counter.enter(client, cap):
        raise ApiError(429, "too-many-queries",
                       f"this client already has {cap} queries running, the most one client may have at "
                       "once on this service; wait for them to finish, then try again",
                       headers={"Retry-After": "2"})
    try:
        yield
    finally:
        counter.leave(client)
