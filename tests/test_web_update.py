"""The opt-in /update endpoint (token, Bearer auth) and the HTTP backend fronting another endpoint."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from conftest_web import Server, running_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("update"), "--enable-update", "--update-token", "s3cret") as srv:
        yield srv


def _count(server: Server, path: str = "/sparql") -> int:
    return int(server.get(path, params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"])


def test_update_needs_the_token(server: Server) -> None:
    before = _count(server)
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        resp = server.post("/update", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, headers=headers)
        assert resp.status_code == 401 and resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert _count(server) == before


def test_update_with_token_changes_data_and_sparql_stays_read_only(server: Server) -> None:
    before = _count(server)
    resp = server.post("/update", data=b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
                       headers={"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"})
    assert resp.status_code == 200, resp.text
    assert _count(server) == before + 1
    assert b"<urn:a> <urn:b> <urn:c> <urn:g> .\n" in server.get("/dumps/peerkg.nq").content  # dumps made again
    assert server.get("/dumps/graph/other/" + hashlib.sha256(b"urn:g").hexdigest()[:16] + ".nt").content == \
        b"<urn:a> <urn:b> <urn:c> .\n"
    assert server.post("/sparql", data={"update": "CLEAR ALL"}).status_code == 403
    resp = server.post("/update", data={"update": "LOAD <http://127.0.0.1:9/x>"},
                       headers={"Authorization": "Bearer s3cret"})
    assert resp.status_code == 400


def test_http_backend_fronts_another_endpoint(server: Server, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("front")
    with running_server(tmp, "--endpoint", server.url + "/sparql") as front:
        assert _count(front) == _count(server)
        resp = front.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
        assert resp.status_code == 200 and resp.json()["boolean"] is True
        bad = front.get("/sparql", params={"query": "SELECT * WHERE {"})
        assert bad.status_code == 400
        assert front.get("/sparql", params={"query": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}).status_code == 403


def test_union_stays_a_set_through_updates(server: Server) -> None:
    auth = {"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"}
    ask = {"query": "ASK { <urn:s> <urn:p> <urn:o> }"}

    def update(text: str) -> None:
        resp = server.post("/update", data=text.encode(), headers=auth)
        assert resp.status_code == 200, resp.text

    before = _count(server)
    update("INSERT DATA { GRAPH <urn:g1> { <urn:s> <urn:p> <urn:o> } GRAPH <urn:g2> { <urn:s> <urn:p> <urn:o> } }")
    assert _count(server) == before + 1  # held by two graphs, one triple of the union
    assert server.get("/health").json()["triples"] == before + 1
    update("DELETE DATA { GRAPH <urn:g1> { <urn:s> <urn:p> <urn:o> } }")
    assert _count(server) == before + 1 and server.get("/sparql", params=ask).json()["boolean"] is True
    update("DELETE DATA { GRAPH <urn:g2> { <urn:s> <urn:p> <urn:o> } }")
    assert _count(server) == before and server.get("/sparql", params=ask).json()["boolean"] is False
    assert server.get("/health").json()["triples"] == before
