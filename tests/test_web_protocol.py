"""SPARQL 1.1 Protocol rules, case by case, over HTTP to a real server process."""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
import requests
from rdflib import Dataset, Graph

from conftest_web import ID, Server, running_server

WORK = ID + "work/doi/10.1108/mhsi-05-2019-060"
SELECT = "SELECT ?t WHERE { ?w <http://purl.org/dc/terms/title> ?t } ORDER BY ?t"
CONSTRUCT = "CONSTRUCT { ?w <http://purl.org/dc/terms/title> ?t } WHERE { ?w <http://purl.org/dc/terms/title> ?t }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("protocol")) as srv:
        yield srv


def _count(server: Server) -> int:
    resp = server.get("/sparql", params={"query": COUNT})
    return int(resp.json()["results"]["bindings"][0]["n"]["value"])


# -- the three ways to send a query ------------------------------------------------------------------
def test_get_form_post_and_direct_post_agree(server: Server) -> None:
    a = server.get("/sparql", params={"query": SELECT})
    b = server.post("/sparql", data={"query": SELECT})
    c = server.post("/sparql", data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.json() == b.json() == c.json()
    assert [r["t"]["value"] for r in a.json()["results"]["bindings"]] == [
        "Intentional peer support: a review", "Peer support on inpatient wards"]
    assert a.headers["X-PeerKG-Rows"] == "2"


def test_query_in_url_and_body_is_400(server: Server) -> None:
    resp = server.post("/sparql?query=ASK%7B%7D", data={"query": "ASK {}"})
    assert resp.status_code == 400 and "both in the URL and in the body" in resp.json()["error"]["message"]
    resp = server.post("/sparql?query=ASK%7B%7D", data=b"ASK {}",
                       headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 400


def test_post_without_query_is_400(server: Server) -> None:
    assert server.post("/sparql", data={"x": "1"}).status_code == 400


def test_dataset_parameters(server: Server) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only1 = server.get("/sparql", params={"query": q,
                                           "default-graph-uri": "http://kasei.us/2009/09/sparql/data/data1.rdf"})
    assert only1.json()["results"]["bindings"][0]["n"]["value"] == "1"
    named = server.get("/sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                           "named-graph-uri": "http://kasei.us/2009/09/sparql/data/data2.rdf"})
    assert {b["g"]["value"] for b in named.json()["results"]["bindings"]} == {
        "http://kasei.us/2009/09/sparql/data/data2.rdf"}
    # default graph = union of all named graphs
    assert _count(server) > 20


# -- content negotiation ------------------------------------------------------------------------------
@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/csv;q=1.0, application/sparql-results+xml;q=0.9", "text/csv"),
    ("application/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, */*;q=0.1", "application/sparql-results+json"),
])
def test_select_negotiation(server: Server, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept else {}
    resp = server.get("/sparql", params={"query": SELECT}, headers=headers)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].split(";")[0] == expected
    assert resp.headers["Vary"] == "Accept"


@pytest.mark.parametrize(("accept", "expected"), [
    ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"), ("application/ld+json", "application/ld+json"),
    ("application/trig", "application/trig"), ("application/n-quads", "application/n-quads"),
    ("*/*", "text/turtle"), ("application/ld+json;q=0.8, text/turtle;q=0.3", "application/ld+json"),
])
def test_construct_negotiation_and_parse_back(server: Server, accept: str, expected: str) -> None:
    resp = server.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert resp.status_code == 200
    ctype = resp.headers["Content-Type"].split(";")[0]
    assert ctype == expected
    rdflib_format = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                     "application/ld+json": "json-ld", "application/trig": "trig",
                     "application/n-quads": "nquads"}[ctype]
    target = Dataset() if ctype in ("application/trig", "application/n-quads") else Graph()
    target.parse(io.BytesIO(resp.content), format=rdflib_format)
    assert len(target) == 2
    quads = list(ox.parse(resp.content, format=ox.RdfFormat.from_media_type(ctype)))
    assert len(quads) == 2


def test_format_parameter_overrides_accept(server: Server) -> None:
    resp = server.get("/sparql", params={"query": SELECT, "format": "csv"}, headers={"Accept": "text/html"})
    assert resp.headers["Content-Type"].startswith("text/csv")


def test_format_parameter_that_does_not_fit_the_query_is_406(server: Server) -> None:
    resp = server.get("/sparql", params={"query": SELECT, "format": "ttl"}, headers={"Accept": "*/*"})
    assert resp.status_code == 406
    resp = server.get("/sparql", params={"query": CONSTRUCT, "format": "csv"})
    assert resp.status_code == 406


def test_406_lists_available_types(server: Server) -> None:
    resp = server.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"})
    assert resp.status_code == 406
    assert "application/sparql-results+json" in resp.json()["error"]["message"]
    resp = server.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert resp.status_code == 406 and "text/turtle" in resp.json()["error"]["available"]
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


# -- errors --------------------------------------------------------------------------------------------
def test_415_for_unknown_body_type(server: Server) -> None:
    resp = server.post("/sparql", data=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert resp.status_code == 415 and "application/sparql-query" in resp.json()["error"]["message"]


def test_400_syntax_error_has_line_and_column(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert resp.status_code == 400
    err = resp.json()["error"]
    assert err["code"] == "malformed-query"
    assert err["line"] == 3 and err["column"] >= 1
    assert "line 3, column" in err["message"] and "expected" in err["message"]
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_405_with_allow(server: Server, method: str) -> None:
    resp = requests.request(method, server.url + "/sparql", timeout=10)
    assert resp.status_code == 405
    assert {"GET", "POST"} <= {m.strip() for m in resp.headers["Allow"].split(",")}
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


def test_head_and_options(server: Server) -> None:
    head = requests.head(server.url + "/sparql", params={"query": SELECT}, timeout=10)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"].startswith("application/sparql-results+json")
    pre = requests.options(server.url + "/sparql", timeout=10, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert pre.status_code == 200
    assert pre.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in pre.headers["Access-Control-Allow-Headers"]


def test_html_error_page_for_browsers(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELEC"}, headers={"Accept": "text/html"})
    assert resp.status_code == 400 and resp.headers["Content-Type"].startswith("text/html")


# -- read-only and no remote access --------------------------------------------------------------------
@pytest.mark.parametrize("how", ["query-param", "update-param", "direct-update", "form-update"])
def test_updates_refused_and_data_unchanged(server: Server, how: str) -> None:
    before = _count(server)
    text = f"INSERT DATA {{ <{WORK}> <http://example.org/p> 'x' }}"
    if how == "query-param":
        resp = server.get("/sparql", params={"query": text})
    elif how == "update-param":
        resp = server.get("/sparql", params={"update": text})
    elif how == "direct-update":
        resp = server.post("/sparql", data=text.encode(), headers={"Content-Type": "application/sparql-update"})
    else:
        resp = server.post("/sparql", data={"update": text})
    assert resp.status_code == 403
    assert "read-only" in resp.json()["error"]["message"]
    assert _count(server) == before


def test_update_endpoint_off_by_default(server: Server) -> None:
    resp = server.post("/update", data={"update": "CLEAR ALL"}, headers={"Authorization": "Bearer x"})
    assert resp.status_code == 403 and "read-only" in resp.json()["error"]["message"]


class _Listener:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z . service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX r: <http://127.0.0.1:{port}/>\nSELECT * FROM r:data.ttl WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
])
def test_service_and_remote_from_make_no_request(server: Server, query: str) -> None:
    listener = _Listener()
    try:
        resp = server.get("/sparql", params={"query": query.format(port=listener.port)})
        assert resp.status_code == 400
        assert "--allow-remote" in resp.json()["error"]["message"]
    finally:
        listener.close()
    assert listener.connections == 0


def test_service_keyword_in_strings_and_variables_is_fine(server: Server) -> None:
    resp = server.get("/sparql", params={"query": 'SELECT ?service WHERE { BIND("SERVICE <x>" AS ?service) }'})
    assert resp.status_code == 200


def test_local_from_is_fine(server: Server) -> None:
    q = "ASK FROM <http://kasei.us/2009/09/sparql/data/data1.rdf> { ?s ?p ?o }"
    assert server.get("/sparql", params={"query": q}).json()["boolean"] is True


# -- self-description ----------------------------------------------------------------------------------
def test_bare_get_html_for_browsers(server: Server) -> None:
    resp = server.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    assert "yasgui" in resp.text and "<code>psmh:</code>" in resp.text
    assert "<code>https://w3id.org/psmh/ontology#</code>" in resp.text  # the predeclared prefixes, listed


def test_health(server: Server) -> None:
    doc = server.get("/health").json()
    assert doc["status"] == "ok" and doc["triples"] > 20 and doc["version"]


# -- real clients --------------------------------------------------------------------------------------
def _reference(server: Server, query: str) -> set[tuple[str, ...]]:
    dump = server.get("/dumps/peerkg.nq").content
    store = ox.Store()
    store.load(dump, format=ox.RdfFormat.N_QUADS)
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return {tuple(sol[n].value if sol[n] is not None else "" for n in names) for sol in result}


def test_sparqlwrapper_matches_pyoxigraph_on_the_dump(server: Server) -> None:
    from SPARQLWrapper import JSON, XML, SPARQLWrapper
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    got = {(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rows}
    assert got == _reference(server, query)
    client.setReturnFormat(XML)
    client.setMethod("POST")
    assert len(client.query().convert().getElementsByTagName("result")) == len(got)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat("turtle")
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 2


def test_rdflib_sparqlstore_matches_pyoxigraph_on_the_dump(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    query = "SELECT ?w ?t WHERE { ?w <http://purl.org/dc/terms/title> ?t }"
    graph = Graph(SPARQLStore(server.url + "/sparql", returnFormat="json"))
    got = {(str(r[0]), str(r[1])) for r in graph.query(query)}
    assert got == _reference(server, query)
    ask = graph.query("ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }")
    assert ask.askAnswer is True
    assert len(list(graph.triples((None, None, None)))) == _count(server)


def test_results_json_is_valid(server: Server) -> None:
    resp = server.get("/sparql", params={"query": f"SELECT ?p ?o WHERE {{ <{WORK}> ?p ?o }}"})
    doc = json.loads(resp.content)
    langs = [b["o"].get("xml:lang") for b in doc["results"]["bindings"] if b["o"]["type"] == "literal"]
    assert "en" in langs


# -- SELECT * columns in the order of the query -------------------------------------------------------
STAR = "SELECT * WHERE { ?work dcterms:title ?title ; fabio:hasPublicationYear ?year ; dcterms:creator ?by }"


def test_select_star_columns_in_query_order_in_every_format(server: Server) -> None:
    as_json = server.get("/sparql", params={"query": STAR}).json()
    assert as_json["head"]["vars"] == ["work", "title", "year", "by"]
    assert {b["by"]["value"] for b in as_json["results"]["bindings"]} == {
        ID + "person/repper-julie", ID + "person/faulkner-alison"}
    xml = server.get("/sparql", params={"query": STAR, "format": "xml"}).text
    assert [v for v in xml.split('<variable name="')[1:]][0].startswith('work"')
    assert xml.index('name="work"') < xml.index('name="title"') < xml.index('name="year"') < xml.index('name="by"')
    csv_head = server.get("/sparql", params={"query": STAR, "format": "csv"}).text.splitlines()[0]
    assert csv_head == "work,title,year,by"
    tsv_head = server.get("/sparql", params={"query": STAR, "format": "tsv"}).text.splitlines()[0]
    assert tsv_head == "?work\t?title\t?year\t?by"
    distinct = server.get("/sparql", params={"query": "SELECT DISTINCT * { ?s ?p ?o } LIMIT 1"}).json()
    assert distinct["head"]["vars"] == ["s", "p", "o"]
    explicit = server.get("/sparql", params={"query": "SELECT ?o ?s { ?s ?p ?o } LIMIT 1"}).json()
    assert explicit["head"]["vars"] == ["o", "s"]
