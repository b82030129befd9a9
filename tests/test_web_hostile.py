"""A hostile corpus against a real ``peerkg serve`` on loopback, with a local listener counting every
connection the server makes: no request connects anywhere, reads a file, gets a 500 or runs past its
limit + 1 s, and the memory of the server's whole process tree (HTTP process and workers, read from /proc)
is back within 100 MB of idle afterwards."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from conftest_web import ID, SOURCE_GRAPH, Server, fixture_trig, running_server
from peerkg.store.memory import tree_rss_mb

QUERY_LIMIT, VALIDATE_LIMIT = 3.0, 6.0
QUERY_MEMORY_MB = 400
TOKEN = "s3cret-token"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


class Listener:
    """A TCP listener on loopback that counts (and drops) every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.sock.close()


HOSTILE_TRIG = fixture_trig() + f"""
<{SOURCE_GRAPH}> {{
  <{ID}work/hostile> <http://purl.org/dc/terms/relation> <javascript:alert(1)>, <data:text/html,hi>,
      <file:///etc/passwd>, <https://example.org/fine> .
}}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("hostile"), "--query-timeout", str(QUERY_LIMIT),
                        "--validate-timeout", str(VALIDATE_LIMIT), "--workers", "2",
                        "--max-client-queries", "2", "--query-memory-mb", str(QUERY_MEMORY_MB),
                        "--enable-update", "--update-token", TOKEN,
                        trig=HOSTILE_TRIG) as srv:
        yield srv


def _settled_tree(pid: int, processes: int) -> dict[int, float]:
    """The server's process tree once it has its ``processes`` again (a replaced worker is started in the
    background) and memory has stopped moving."""
    deadline = time.monotonic() + 20
    tree = tree_rss_mb(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        again = tree_rss_mb(pid)
        if len(again) == processes and abs(sum(again.values()) - sum(tree.values())) < 2:
            return again
        tree = again
    return tree


def _queries(url: str) -> list[str]:
    p = "PREFIX ex: <http://example.org/> "
    return [
        p + f"SELECT * WHERE {{ ?s ex:a\\' ?o . SERVICE <{url}> {{ ?x ?y 'lit' }} }}",
        p + f"SELECT * WHERE {{ ?s ex:a\\' ?o . service <{url}> {{ ?x ?y 'lit' }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
        f"PREFIX r: <{url}> SELECT * WHERE {{ SERVICE r: {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment }}\n SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p \"\\\"\" . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p '''x''' . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        p + f"SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <{url}> {{ ?x ?y ?z }} }}",
        p + f"SELECT * WHERE {{ ?s ex:a%41 ?o . SERVICE <{url}> {{ ?x ?y ?z }} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?s ?p 'it''s' . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p \"a\\u0022b\" . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}> SELECT * FROM r:x WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}",
        f"LOAD <{url}>",
        f"INSERT DATA {{ <http://a> <http://b> <http://c> }} ; LOAD <{url}>",
        "SELECT * WHERE " + "{" * 20_000 + "}" * 20_000,
        "SELECT * WHERE { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }",
        "SELECT * WHERE { ?s ?p ?o " + "{" * 5_000,
        "SELECT * WHERE { ?s ?p '" + "\\'" * 45_000 + " }",
        "SELECT * WHERE { ?s ?p \"\"\"" + "x" * 95_000 + " }",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o = " + " || ".join(f"'{i}'" for i in range(10_000)) + ") }",
        "SELECT * WHERE { foo:a ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o ",
        "",
        "SELECT * WHERE { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p \u0000 }",
        # a memory bomb: one string doubled 30 times (10 GB); stopped at the memory cap or the time limit
        "SELECT (STRLEN(?x30) AS ?n) WHERE { BIND('aaaaaaaaaa' AS ?x0) "
        + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30)) + " }",
    ]


def _timed(limit: float, send: Callable[..., requests.Response], path: str, **kwargs: object) \
        -> requests.Response:
    start = time.monotonic()
    resp = send(path, **kwargs)
    elapsed = time.monotonic() - start
    assert elapsed <= limit + 1.0, f"answered after {elapsed:.1f} s (limit {limit} s)"
    return resp


def _ok_status(resp: requests.Response) -> None:
    # 503 only as a stopped request (its limit), with Retry-After; never any other 5xx
    if resp.status_code >= 500:
        assert resp.status_code == 503, resp.text[:300]
        assert any(code in resp.text for code in ("query-timeout", "validate-timeout", "query-memory")), \
            resp.text[:300]
        assert "Retry-After" in resp.headers


def test_hostile_corpus(server: Server, listener: Listener) -> None:
    url = listener.url
    pid = server.process.pid
    server.post("/validate", data="<http://a/b> <http://a/c> 'x' .", headers={"Content-Type": "text/turtle"})
    server.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    idle = _settled_tree(pid, len(tree_rss_mb(pid)))
    sent = 0
    for query in _queries(url):
        for send, kwargs in ((server.get, {"params": {"query": query}}),
                             (server.post, {"data": {"query": query}}),
                             (server.post, {"data": query.encode("utf-8"),
                                            "headers": {"Content-Type": "application/sparql-query"}})):
            resp = _timed(QUERY_LIMIT, send, "/sparql", **kwargs)
            sent += 1
            _ok_status(resp)
            assert resp.status_code in (400, 403, 413, 415) or "SERVICE" not in query.upper(), query[:80]
    # the dataset parameters naming remote graphs
    for key in ("default-graph-uri", "named-graph-uri"):
        resp = _timed(QUERY_LIMIT, server.get, "/sparql", params={"query": "ASK { ?s ?p ?o }", key: url})
        sent += 1
        _ok_status(resp)
    # updates: with a good token, LOAD and SERVICE are still refused; odd tokens are 401, never 500
    for text in (f"LOAD <{url}>", f"LOAD SILENT <{url}> INTO GRAPH <http://x>",
                 f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                 f"INSERT DATA {{ <http://a> <http://b> 'x' }} ; load <{url}>"):
        resp = _timed(QUERY_LIMIT, server.post, "/update", data=text.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        sent += 1
        assert resp.status_code == 400, resp.text[:200]
    for auth in ("Bearer üß".encode(), b"Bearer \xfc\xdf", b"Bearer " + b"x" * 5000, b"Bearer", b"",
                 b"Basic dXNlcjpwYXNz", "Bearer s3cret-tokeñ".encode()):
        resp = _timed(QUERY_LIMIT, server.post, "/update", data=b"CLEAR ALL", headers={
            "Content-Type": "application/sparql-update", "Authorization": auth})
        sent += 1
        assert resp.status_code == 401, (auth, resp.status_code)
    # validation: remote and file: contexts, entities, external references, deep nesting, big bodies
    missing = Path("/nonexistent/peerkg-context.jsonld").as_uri()
    bodies = [
        ("application/ld+json", f'{{"@context": "{url}ctx", "@id": "http://a/b"}}'),
        ("application/ld+json", f'{{"@context": [{{"@vocab": "http://x/"}}, "{url}c2"], "@id": "http://a/b"}}'),
        ("application/ld+json", f'{{"@context": {{"@version": 1.1, "@import": "{url}i"}}, "@id": "http://a/b"}}'),
        ("application/ld+json", '{"@context": {"@version": 1.1, "t": {"@id": "http://x/t", "@context": "'
         + url + 's"}}, "t": {"@id": "http://a/b"}}'),
        ("application/ld+json", '{"@context": "file:///etc/passwd", "@id": "http://a/b"}'),
        ("application/ld+json", f'{{"@context": "{missing}", "@id": "http://a/b"}}'),
        ("application/ld+json", f'{{"@graph": [{{"@context": "{url}deep", "@id": "http://a/b"}}]}}'),
        ("application/ld+json", "[" * 100_000 + "]" * 100_000),
        ("application/rdf+xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
         + "".join(f'<!ENTITY {c} "' + f"&{p};" * 10 + '">' for p, c in zip("abcdefgh", "bcdefghi",
                                                                          strict=True))
         + f']><rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="http://a/b"><rdf:value>&i;'
         '</rdf:value></rdf:Description></rdf:RDF>'),
        ("application/rdf+xml", f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{url}x">]>'
         f'<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="http://a/b"><rdf:value>&x;</rdf:value>'
         '</rdf:Description></rdf:RDF>'),
        ("application/rdf+xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         f'<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="http://a/b"><rdf:value>&x;</rdf:value>'
         '</rdf:Description></rdf:RDF>'),
        ("application/rdf+xml", f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{url}p"> %p;]>'
         f'<rdf:RDF xmlns:rdf="{RDF}"/>'),
        ("application/rdf+xml", f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "{url}dtd">'
         f'<rdf:RDF xmlns:rdf="{RDF}"/>'),
        ("text/turtle", f"<http://a/o> <http://www.w3.org/2002/07/owl#imports> <{url}onto> ; "
         f"<http://www.w3.org/2000/01/rdf-schema#seeAlso> <{url}more> ."),
        ("text/turtle", f"@prefix x: <{url}> . x:a x:b x:c ."),
        ("text/turtle", "<a> <b> ."),
        ("text/turtle", "\n".join(f"<http://a/n{i}> <http://a/p> <http://a/n{i + 1}> ." for i in range(60_000))),
        ("text/turtle", "\n".join(f"<http://a/m{i}> <http://a/p> 'v{i}' ." for i in range(25_000))),  # valid
    ]
    for content_type, body in bodies:
        for accept in ("text/turtle", "text/html"):
            resp = _timed(VALIDATE_LIMIT, server.post, "/validate", data=body.encode("utf-8"), headers={
                "Content-Type": content_type, "Accept": accept})
            sent += 1
            _ok_status(resp)
            if content_type != "text/turtle" and "SYSTEM \"" + url + "dtd" not in body:  # not read: 200
                assert resp.status_code == 400, (body[:100], resp.status_code, resp.text[:200])
            text = resp.text
            assert "root:" not in text and "b'" not in text
    # the resource page: only http(s) IRIs are links
    page = server.get("/id/work/hostile", headers={"Accept": "text/html"})
    sent += 1
    assert page.status_code == 200
    assert 'href="javascript:' not in page.text and 'href="data:' not in page.text
    assert 'href="file:' not in page.text and 'href="https://example.org/fine"' in page.text
    assert "javascript:alert(1)" in page.text  # shown, as text
    assert sent >= 100
    assert listener.connections == 0
    # the memory of the whole process tree is back near idle (measured: 239 MB idle for
    # the HTTP process, 2 query workers, 1 validation worker and the resource tracker; 270 MB after)
    after = _settled_tree(pid, len(idle))
    total_idle, total_after = sum(idle.values()), sum(after.values())
    assert len(idle) >= 4 and total_after <= total_idle + 100, \
        f"server tree RSS {total_after:.0f} MB after the corpus ({after}), {total_idle:.0f} MB idle ({idle})"


def test_readable_syntax_errors(server: Server) -> None:
    cases = {
        "SELECT * WHERE { foo:a ?p ?o }": "unknown prefix foo:",
        "SELECT * WHERE { ?s ?p ?o ": "unexpected end of query",
        "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o > 1 }": "expected ), found }",
        "": "the query is empty",
    }
    for query, expected in cases.items():
        resp = server.get("/sparql", params={"query": query})
        assert resp.status_code == 400
        message = resp.json()["error"]["message"]
        assert expected in message, message
        assert "[_]" not in message and "b'" not in message
    resp = server.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o > 1 }"})
    assert "line 3, column 17" in resp.json()["error"]["message"]


def test_time_counts_from_arrival(server: Server) -> None:
    """Clients flooding endless queries hold at most their share; others are answered within limit + 1 s."""
    endless = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
               "?p ?q ?r . ?s ?t ?u }")
    from conftest_web import client_from

    flooder = client_from("127.0.0.5")
    results: list[tuple[int, float]] = []

    def flood() -> None:
        start = time.monotonic()
        r = flooder.get(server.url + "/sparql", params={"query": endless}, timeout=30)
        results.append((r.status_code, time.monotonic() - start))

    threads = [threading.Thread(target=flood) for _ in range(6)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    light = client_from("127.0.0.6")
    for _ in range(3):
        start = time.monotonic()
        r = light.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert time.monotonic() - start <= QUERY_LIMIT + 1
        assert r.status_code in (200, 503)
        if r.status_code == 503:
            assert "Retry-After" in r.headers
    for t in threads:
        t.join(30)
    assert sorted(code for code, _ in results).count(429) >= 4  # the flooder's share is 2
    assert all(elapsed <= QUERY_LIMIT + 1 for _, elapsed in results)


def test_early_503_when_no_worker_can_be_free_in_time(server: Server) -> None:
    """Twelve clients (one address each) send endless queries to 2 workers; once the service has seen them
    run to the limit, requests that cannot get a worker in time are told so at once (503 + Retry-After)
    instead of waiting out their limit, and a light client is answered (200 or 503) within limit + 1 s."""
    from conftest_web import client_from

    endless = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
               "?p ?q ?r . ?s ?t ?u }")
    results: list[tuple[int, float, str | None]] = []
    stop = time.monotonic() + 2.5 * QUERY_LIMIT

    def flood(n: int) -> None:
        session = client_from(f"127.0.1.{n}")
        while time.monotonic() < stop:
            start = time.monotonic()
            r = session.get(server.url + "/sparql", params={"query": endless}, timeout=30)
            results.append((r.status_code, time.monotonic() - start, r.headers.get("Retry-After")))

    threads = [threading.Thread(target=flood, args=(n,)) for n in range(1, 13)]
    for t in threads:
        t.start()
    light = client_from("127.0.2.1")
    answers: list[tuple[int, float]] = []
    time.sleep(QUERY_LIMIT + 1)  # the first endless queries have run to the limit
    while time.monotonic() < stop:
        start = time.monotonic()
        r = light.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        answers.append((r.status_code, time.monotonic() - start))
        if r.status_code == 503:
            assert r.json()["error"]["code"] in ("busy", "query-timeout") and int(r.headers["Retry-After"]) >= 1
        time.sleep(0.2)
    for t in threads:
        t.join(30)
    assert answers and all(code in (200, 503) for code, _ in answers)
    assert all(elapsed <= QUERY_LIMIT + 1 for _, elapsed in answers), answers
    assert all(elapsed <= QUERY_LIMIT + 1 for _, elapsed, _ in results)
    early = [(elapsed, retry) for code, elapsed, retry in results if code == 503 and elapsed < QUERY_LIMIT / 3]
    assert len(early) >= 5, sorted(results)[:20]
    assert all(retry is not None and int(retry) >= 1 for _, retry in early)
    assert {code for code, _, _ in results} <= {200, 503}
