"""The HTTP server ``peerkg serve`` runs the app under: waitress, with each request stamped on arrival.

waitress reads requests in its main loop and hands complete ones to a fixed set of threads through a queue;
when every thread is busy, a request waits in that queue, and the app only sees it once a thread takes it.
So that every time limit counts from arrival (queueing included), the server notes when the first bytes of
each request were read (``time.monotonic()``) and passes it to the app in the WSGI environ as
:data:`ARRIVAL_KEY`; the app's deadlines start there (``peerkg.web.app``). A request that waited in the
queue past its limit is then refused at once instead of being given a fresh limit.
"""

from __future__ import annotations

import time
from typing import Any

from waitress import create_server
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer
from waitress.task import WSGITask

ARRIVAL_KEY = "peerkg.arrival"


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


class _StampedChannel(HTTPChannel):
    parser_class = _StampedParser
    task_class = _StampedTask


def http_server(app: Any, host: str, port: int, threads: int, **adjustments: Any) -> Any:
    """A waitress server for ``app`` on ``host:port`` with ``threads`` threads, stamping arrivals."""
    sockets: dict[int, Any] = {}
    server = create_server(app, map=sockets, host=host, port=port, threads=threads, **adjustments)
    for dispatcher in sockets.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = _StampedChannel  # type: ignore[assignment]
    return server
