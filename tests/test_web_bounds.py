"""Bounds that hold whatever a client sends, against a real ``peerkg serve`` on loopback: a query's memory
(--query-memory-mb), the size of a request body (refused before it is read), the time a request may take to
arrive (--read-timeout, against a slowloris) and the connections one client address may hold."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from conftest_web import Server, running_server


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with a low memory cap and a long time limit, so the cap is what stops the bomb (pyoxigraph
    doubles a string at ≈30 ns a byte: reaching 400 MB can take longer than the corpus's 3 s limit)."""
    with running_server(tmp_path_factory.mktemp("capped"), "--query-timeout", "20", "--workers", "2",
                        "--query-memory-mb", str(CAPPED_MB), "--read-timeout", str(READ_LIMIT)) as srv:
        yield srv


CAPPED_MB, READ_LIMIT = 150, 2.0


def test_memory_bomb_is_stopped_at_the_cap(capped: Server) -> None:
    """A query whose one value doubles 30 times (10 GB) is stopped when its worker passes
    --query-memory-mb: a 503 naming the limit, well before the time limit, and the worker is replaced."""
    bomb = ("SELECT (STRLEN(?x30) AS ?n) WHERE { BIND('aaaaaaaaaa' AS ?x0) "
            + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30)) + " }")
    before = capped.get("/health").json()["backend"]["memory_stops"]
    start = time.monotonic()
    resp = capped.get("/sparql", params={"query": bomb})
    assert time.monotonic() - start < 15
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "5"
    error = resp.json()["error"]
    assert error["code"] == "query-memory", error
    assert f"more than {CAPPED_MB} MB" in error["message"] and "--query-memory-mb" in error["message"]
    assert capped.get("/health").json()["backend"]["memory_stops"] == before + 1
    ok = capped.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"})
    assert ok.status_code == 200 and ok.json()["boolean"] is True


def _raw(server: Server, head: bytes, body: bytes = b"") -> tuple[bytes, float]:
    """Send raw bytes; the status line of the answer and how long it took."""
    host, port = server.url.removeprefix("http://").split(":")
    start = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head + body)
        answer = sock.recv(4096)
    return answer.split(b"\r\n", 1)[0], time.monotonic() - start


@pytest.mark.parametrize("path", ["/sparql", "/validate", "/update", "/id/work/doi/10.1108/mhsi-05-2019-060"])
def test_a_body_over_the_limit_is_refused_before_it_is_read(capped: Server, path: str) -> None:
    """A request claiming a 200 MB body gets 413 at once, on every path: the server never buffers (or
    waits for) more than its largest body limit (6 MB here), whatever the path or Content-Type."""
    head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n"
            "Content-Length: 200000000\r\n\r\n").encode()
    status, elapsed = _raw(capped, head, b"x" * 1000)
    assert status.startswith(b"HTTP/1.1 413"), status
    assert elapsed < 2
    chunked = f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    chunk = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
    status, elapsed = _raw(capped, chunked, chunk * 8)
    assert status.startswith(b"HTTP/1.1 413"), status


def _connect(server: Server, source: str) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.bind((source, 0))
    sock.settimeout(10)
    sock.connect((host, int(port)))
    return sock


def test_a_request_trickled_in_is_cut_off(capped: Server) -> None:
    """A client sending its headers a byte at a time (slowloris) gets 408 and loses the connection once the
    request has taken --read-timeout since its first byte; others are served meanwhile."""
    sock = _connect(capped, "127.0.3.1")
    start = time.monotonic()
    sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    answer = b""
    sock.settimeout(0.3)
    while time.monotonic() - start < READ_LIMIT + 6:
        try:
            sock.sendall(b"a")
            answer += sock.recv(4096)
        except TimeoutError:
            continue
        except OSError:
            break
        if answer.endswith(b"\n") or not answer:
            break
    elapsed = time.monotonic() - start
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert READ_LIMIT <= elapsed <= READ_LIMIT + 2.5, elapsed
    assert capped.get("/health").status_code == 200


def test_one_client_cannot_hold_every_connection(capped: Server) -> None:
    """One address may hold 32 connections at once; the next is answered 503 and closed, while another
    address is served as usual."""
    held = [_connect(capped, "127.0.3.2") for _ in range(32)]
    try:
        time.sleep(0.3)
        extra = _connect(capped, "127.0.3.2")
        answer = extra.recv(4096)
        extra.close()
        assert answer.startswith(b"HTTP/1.1 503") and b"Retry-After: 5" in answer, answer[:200]
        assert b"connections open" in answer
        other = _connect(capped, "127.0.3.3")
        other.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert other.recv(4096).startswith(b"HTTP/1.1 200")
        other.close()
        held[0].sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")  # a held one still works
        assert held[0].recv(4096).startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()
