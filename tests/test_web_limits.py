"""Limits: a runaway query is stopped at the time limit (its worker killed, CPU freed) while other
clients go on being answered; results over the row limit are a clear error or a flagged partial result."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from conftest_web import Server, client_from, running_server

RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
           "?p ?q ?r . ?s ?t ?u . ?v ?w ?x }")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("limits"), "--query-timeout", "2", "--max-rows", "5",
                        "--workers", "2") as srv:
        yield srv


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                out.append(child)
                todo.append(child)
    return out


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to measure CPU")
def test_runaway_query_is_stopped_and_others_still_answer(server: Server) -> None:
    pids_before = set(server.get("/health").json()["backend"]["worker_pids"])
    box: dict[str, object] = {}

    def runaway() -> None:
        start = time.monotonic()
        box["resp"] = requests.get(server.url + "/sparql", params={"query": RUNAWAY}, timeout=60)
        box["elapsed"] = time.monotonic() - start

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    # another client (another address), meanwhile: answered at once
    start = time.monotonic()
    quick = client_from("127.0.0.2").get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert time.monotonic() - start < 1.0
    thread.join(30)
    resp = box["resp"]
    assert isinstance(resp, requests.Response)
    assert resp.status_code == 503
    err = resp.json()["error"]
    assert err["code"] == "query-timeout"
    assert "2 s" in err["message"] and "--query-timeout" in err["message"]
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert 1.9 <= float(box["elapsed"]) < 6  # type: ignore[arg-type]
    # the worker that ran it is gone (killed), a fresh one took its slot, and no CPU is being burnt
    deadline = time.monotonic() + 20
    while True:
        health = server.get("/health").json()["backend"]
        if len(health["worker_pids"]) == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert health["stopped_queries"] >= 1
    assert len(set(health["worker_pids"]) - pids_before) >= 1
    for pid in pids_before - set(health["worker_pids"]):
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    time.sleep(0.5)  # let the replacement worker finish starting
    family = [server.process.pid, *_descendants(server.process.pid)]
    cpu0 = _cpu_seconds(family)
    time.sleep(1.0)
    assert _cpu_seconds(family) - cpu0 < 0.3
    # and the service still answers, on every slot
    for _ in range(4):
        assert server.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_row_limit_is_a_clear_error(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert resp.status_code == 422
    err = resp.json()["error"]
    assert err["code"] == "row-limit" and "5" in err["message"] and "--max-rows" in err["message"]
    assert "LIMIT" in err["message"]


def test_row_limit_partial_result_is_flagged(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "partial": "true"})
    assert resp.status_code == 200
    assert resp.headers["X-PeerKG-Truncated"] == "max-rows=5"
    assert len(resp.json()["results"]["bindings"]) == 5


def test_construct_over_the_limit(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert resp.status_code == 422 and "triples" in resp.json()["error"]["message"]


def test_within_limit_is_fine(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert resp.status_code == 200 and "X-PeerKG-Truncated" not in resp.headers
