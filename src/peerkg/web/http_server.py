"""The HTTP server ``peerkg serve`` runs the app under: waitress, with each request stamped on arrival, and
connections bounded in time and number per client.

waitress reads requests in its main loop and hands complete ones to a fixed set of threads through a queue;
when every thread is busy, a request waits in that queue, and the app only sees it once a thread takes it.
So that every time limit counts from arrival (queueing included), the server notes when the first bytes of
each request were read (``time.monotonic()``) and passes it to the app in the WSGI environ as
:data:`ARRIVAL_KEY`; the app's deadlines start there (``peerkg.web.app``). A request that waited in the
queue past its limit is then refused at once instead of being given a fresh limit.

A slow sender holds no thread (waitress reads in its loop), but it holds a connection, and waitress takes
a bounded number of them. So a request must be read whole within ``read_timeout`` seconds of its first byte
(else **408** and the connection is closed: a client trickling a header a byte at a time cannot keep it),
an idle keep-alive connection is closed after ``idle_timeout``, and one client address may hold at most
``client_connections`` connections at once (more: **503** and closed; off behind a proxy, where every
connection comes from the proxy).
"""

from __future__ import annotations

import time
from typing import Any

from waitress import create_server
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer
from waitress.task import WSGITask

from peerkg.web.config import CLIENT_CONNECTIONS, CONNECTION_LIMIT, DEFAULT_READ_TIMEOUT, IDLE_TIMEOUT

ARRIVAL_KEY = "peerkg.arrival"
_CHECK_EVERY = 1.0  # how often connections are checked against the timeouts


def _answer(status: str, message: str, retry_after: int | None = None) -> bytes:
    body = (message + "\n").encode()
    retry = f"Retry-After: {retry_after}\r\n" if retry_after else ""
    return (f"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n"
            f"{retry}Connection: close\r\n\r\n").encode() + body


class _StampedParser(HTTPRequestParser):
    """A request parser that remembers when the request's first bytes arrived."""

    def __init__(self, adj: Any) -> None:
        super().__init__(adj)
        self.arrival = time.monotonic()


class _StampedTask(WSGITask):
    def get_environment(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environment()
        environ[ARRIVAL_KEY] = getattr(self.request, "arrival", None)
        return environ


def _host(addr: Any) -> Any:
    return addr[0] if isinstance(addr, tuple) else addr


class _StampedChannel(HTTPChannel):
    parser_class = _StampedParser
    task_class = _StampedTask

    def __init__(self, server: Any, sock: Any, addr: Any, adj: Any, map: Any = None) -> None:  # noqa: A002
        super().__init__(server, sock, addr, adj, map)
        cap = getattr(server, "peerkg_client_connections", None)
        if cap is None:
            return
        host = _host(addr)
        held = sum(1 for channel in server.active_channels.values()
                   if channel is not self and _host(getattr(channel, "addr", None)) == host)
        if held >= cap:
            self.refuse(_answer("503 Service Unavailable", f"this client already has {held} connections open, "
                                f"the most one client may hold; reuse them (keep-alive)", retry_after=5))

    def refuse(self, response: bytes) -> None:
        """Send ``response`` and close the connection, whatever was read of a request."""
        self.request = None
        self.write_soon(response)
        self.close_when_flushed = True


def _check_connections(server: Any, now: float, read_timeout: float) -> None:
    """waitress's own check (idle connections), then: a request not read whole in time gets 408."""
    BaseWSGIServer.maintenance(server, now)
    started_before = time.monotonic() - read_timeout
    for channel in list(server.active_channels.values()):
        request = getattr(channel, "request", None)
        if (isinstance(channel, _StampedChannel) and request is not None and not request.completed
                and not channel.requests and getattr(request, "arrival", time.monotonic()) < started_before):
            channel.refuse(_answer("408 Request Timeout", f"the request was not received whole within "
                                   f"{read_timeout:g} s of its first byte"))


def http_server(app: Any, host: str, port: int, threads: int, *, read_timeout: float = DEFAULT_READ_TIMEOUT,
                client_connections: int | None = CLIENT_CONNECTIONS, **adjustments: Any) -> Any:
    """A waitress server for ``app`` on ``host:port`` with ``threads`` threads, stamping arrivals; a request
    must be read within ``read_timeout`` s; ``client_connections``: connections per client address (None:
    no cap, behind a proxy)."""
    sockets: dict[int, Any] = {}
    adjustments.setdefault("channel_timeout", IDLE_TIMEOUT)
    adjustments.setdefault("connection_limit", CONNECTION_LIMIT)
    adjustments.setdefault("cleanup_interval", _CHECK_EVERY)
    server = create_server(app, map=sockets, host=host, port=port, threads=threads, **adjustments)
    for dispatcher in sockets.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = _StampedChannel  # type: ignore[assignment]
            dispatcher.peerkg_client_connections = client_connections  # type: ignore[attr-defined]
            dispatcher.maintenance = (  # type: ignore[method-assign]
                lambda now, d=dispatcher: _check_connections(d, now, read_timeout))
    return server
