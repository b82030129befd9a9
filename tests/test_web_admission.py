"""Time counts from arrival, HTTP thread queue included, and the service takes a bounded number of queries
in hand; both against a real ``peerkg serve`` on loopback."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from conftest_web import Server, client_from, running_server

LIMIT = 2.0
ENDLESS = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
           "?p ?q ?r . ?s ?t ?u }")


@pytest.fixture(scope="module")
def one_thread(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One HTTP thread: a request sent while it is busy waits in waitress's queue."""
    with running_server(tmp_path_factory.mktemp("one-thread"), "--threads", "1", "--workers", "2",
                        "--query-timeout", str(LIMIT)) as srv:
        yield srv


@pytest.fixture(scope="module")
def four_threads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Four HTTP threads: the service takes 2 queries in hand (the other 2 threads never wait)."""
    with running_server(tmp_path_factory.mktemp("four-threads"), "--threads", "4", "--workers", "2",
                        "--max-client-queries", "2", "--query-timeout", str(LIMIT)) as srv:
        yield srv


def _in_background(session: requests.Session, url: str, query: str,
                   out: list[tuple[int, float]]) -> threading.Thread:
    def send() -> None:
        start = time.monotonic()
        r = session.get(url + "/sparql", params={"query": query}, timeout=30)
        out.append((r.status_code, time.monotonic() - start))

    thread = threading.Thread(target=send)
    thread.start()
    return thread


def test_time_in_the_http_thread_queue_counts(one_thread: Server) -> None:
    """An endless query holds the only HTTP thread for the whole limit; a second one sent 0.5 s later waits
    in waitress's queue meanwhile. Its limit started when it arrived: it is stopped within limit + 1 s of
    being sent (not given a fresh limit once the thread takes it), and the access log shows the wait."""
    first: list[tuple[int, float]] = []
    thread = _in_background(client_from("127.0.3.1"), one_thread.url, ENDLESS, first)
    time.sleep(0.5)
    start = time.monotonic()
    r = client_from("127.0.3.2").get(one_thread.url + "/sparql", params={"query": ENDLESS}, timeout=30)
    elapsed = time.monotonic() - start
    thread.join(30)
    assert first[0][0] == 503 and first[0][1] <= LIMIT + 1, first
    assert r.status_code == 503 and r.headers["Retry-After"].isdigit(), r.text
    assert elapsed <= LIMIT + 1, elapsed  # a fresh limit would have made it ~LIMIT + 1.5 s
    time.sleep(0.2)
    lines = [line for line in one_thread.log if "127.0.3.2" in line and '"GET /sparql' in line]
    waits = [float(m.group(1)) for line in lines if (m := re.search(r" wait=([\d.]+)ms ", line))]
    assert len(waits) == 1 and waits[0] >= 1000 * (LIMIT - 0.5) * 0.8, lines  # it waited for the thread


def test_the_service_takes_a_bounded_number_of_queries_in_hand(four_threads: Server) -> None:
    """Two endless queries are in hand (the most with 4 threads); a third, from another client, is answered
    503 + Retry-After at once; once they are stopped, a light query is answered 200."""
    endless: list[tuple[int, float]] = []
    threads = [_in_background(client_from("127.0.4.1"), four_threads.url, ENDLESS, endless) for _ in range(2)]
    time.sleep(0.5)
    start = time.monotonic()
    r = client_from("127.0.4.2").get(four_threads.url + "/sparql", params={"query": ENDLESS}, timeout=30)
    assert time.monotonic() - start < 1.0
    assert r.status_code == 503 and r.json()["error"]["code"] == "busy"
    assert "already has 2 queries and validations in hand" in r.json()["error"]["message"]
    assert r.headers["Retry-After"] == "2"
    health = four_threads.get("/health")  # the threads beyond the bound stay free for everything else
    assert health.status_code == 200
    for t in threads:
        t.join(30)
    assert sorted(code for code, _ in endless) == [503, 503] and all(s <= LIMIT + 1 for _, s in endless)
    deadline = time.monotonic() + 10  # the stopped workers are being replaced
    while True:
        r = client_from("127.0.4.2").get(four_threads.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                                         timeout=30)
        if r.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert r.status_code == 200 and r.json()["boolean"] is True
