"""A small, real Graph Store HTTP Protocol server on a loopback port (a thread of the test process), for the
failures a real store gives: credentials refused (401 with a Basic challenge), no write permission (403),
graphs refused (an HTTP error per graph), a server that goes away mid-way (the connection closed without an
answer). It keeps what it is sent in memory (graph IRI → N-Triples bytes) and logs every request."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class StubStore:
    users: dict[str, str] = field(default_factory=dict)  # user → password; empty: no auth asked
    tokens: set[str] = field(default_factory=set)  # bearer tokens accepted (as users of their own)
    read_only: set[str] = field(default_factory=set)  # users that may not write (403)
    refuse: dict[str, int] = field(default_factory=dict)  # graph IRI → HTTP status answered to its PUT
    die_after: int | None = None  # close connections without answering after this many PUTs
    graphs: dict[str, bytes] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)  # (method, graph) of each request that got in
    url: str = ""

    @property
    def puts(self) -> list[str]:
        return [g for m, g in self.log if m == "PUT"]


def _handler(store: StubStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _answer(self, status: int, text: str = "", headers: dict[str, str] | None = None) -> None:
            body = text.encode("utf-8")
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _user(self) -> str | None:
            """The user whose Basic credentials are right, "" when no auth is asked, None when refused."""
            if not store.users and not store.tokens:
                return ""
            header = self.headers.get("Authorization", "")
            if header.startswith("Bearer ") and header[7:] in store.tokens:
                return header[7:]
            if header.startswith("Basic "):
                user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
                if store.users.get(user) == password:
                    return user
            return None

        def _handle(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            graph = parse_qs(urlsplit(self.path).query).get("graph", [""])[0]
            user = self._user()
            if user is None:
                self._answer(401, "who are you?", {"WWW-Authenticate": 'Basic realm="stub"'})
                return
            if self.command == "HEAD":
                self._answer(200 if graph in store.graphs else 404)
                return
            if user in store.read_only:
                self._answer(403, "this account may only read")
                return
            if self.command == "PUT" and store.die_after is not None and len(store.puts) >= store.die_after:
                self.close_connection = True
                self.connection.shutdown(2)  # gone: no answer at all
                return
            store.log.append((self.command, graph))
            if graph in store.refuse:
                self._answer(store.refuse[graph], "no room for this graph")
            elif self.command == "PUT":
                created = graph not in store.graphs
                store.graphs[graph] = body
                self._answer(201 if created else 204)
            elif self.command == "DELETE":
                self._answer(204 if store.graphs.pop(graph, None) is not None else 404)
            else:
                self._answer(405)

        do_PUT = do_DELETE = do_HEAD = do_GET = _handle  # noqa: N815 - http.server's names

    return Handler


@contextmanager
def running_stub(store: StubStore, port: int = 0) -> Iterator[StubStore]:
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(store))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    store.url = f"http://127.0.0.1:{server.server_address[1]}/store"
    try:
        yield store
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
