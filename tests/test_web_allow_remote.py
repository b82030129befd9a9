"""``peerkg serve --allow-remote``: SERVICE is run (the query workers keep network access) and reaches
the endpoint the query names; /validate still never fetches a context."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from conftest_web import Server, running_server

ANSWER = {"head": {"vars": ["name"]},
          "results": {"bindings": [{"name": {"type": "literal", "value": "from the remote endpoint"}}]}}


class FakeEndpoint:
    """A one-answer SPARQL endpoint on loopback that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        body = json.dumps(ANSWER).encode()
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            conn.close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[FakeEndpoint]:
    fake = FakeEndpoint()
    yield fake
    fake.sock.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("remote"), "--workers", "2", "--allow-remote") as srv:
        yield srv


def test_service_reaches_the_named_endpoint(server: Server, endpoint: FakeEndpoint) -> None:
    query = f"SELECT ?name WHERE {{ SERVICE <{endpoint.url}> {{ ?s ?p ?name }} }}"
    resp = server.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.text[:300]
    assert [b["name"]["value"] for b in resp.json()["results"]["bindings"]] == ["from the remote endpoint"]
    assert endpoint.connections == 1
    assert server.get("/health").json()["backend"]["workers_without_network"] is False


def test_validate_still_fetches_nothing(server: Server, endpoint: FakeEndpoint) -> None:
    before = endpoint.connections
    body = json.dumps({"@context": endpoint.url, "@id": "http://a/b"})
    resp = server.post("/validate", data=body.encode(), headers={"Content-Type": "application/ld+json"})
    assert resp.status_code == 400 and endpoint.url in resp.json()["error"]["message"]
    assert endpoint.connections == before
