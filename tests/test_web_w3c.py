"""The W3C SPARQL 1.1 Protocol and Service Description test manifests, run against the real server.

The endpoint is read-only: update tests (13–19) must get 4xx, as must every bad_* test (21–34).
"""

from __future__ import annotations

import io
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from conftest_web import W3C, Server, running_server

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("w3c")) as srv:
        yield srv


def _manifest(name: str) -> tuple[Graph, list[URIRef]]:
    g = Graph().parse(W3C / name / "manifest.ttl", format="turtle",
                      publicID=f"http://www.w3.org/2009/sparql/docs/tests/data-sparql11/{name}/manifest.ttl")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    return g, list(Collection(g, g.value(manifest, MF.entries)))


PROTOCOL, PROTOCOL_TESTS = _manifest("protocol")
UPDATE_OR_BAD = {"update_", "bad_"}


def _status_ok(status: int, expected: set[URIRef]) -> bool:
    return any(status // 100 == int(str(e)[-3]) for e in expected)


def _check_format(resp: requests.Response, fmt: str, boolean: bool | None) -> None:
    ctype = resp.headers["Content-Type"].split(";")[0]
    if fmt == "boolean":
        if "json" in ctype:
            value = json.loads(resp.content)["boolean"]
        else:
            node = ET.fromstring(resp.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
            value = node is not None and node.text == "true"
        if boolean is not None:
            assert value is boolean
    elif fmt == "tabular":
        assert ctype in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                         "text/tab-separated-values")
        if "json" in ctype:
            assert "bindings" in json.loads(resp.content)["results"]
    elif fmt == "RDF":
        Graph().parse(io.BytesIO(resp.content), format={"text/turtle": "turtle",
                                                       "application/rdf+xml": "xml"}.get(ctype, ctype))


@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_protocol_manifest(server: Server, test: URIRef) -> None:
    g = PROTOCOL
    name = str(test).rsplit("#", 1)[-1]
    action = g.value(test, MF.action)
    for request in Collection(g, g.value(action, HT.requests)):
        path = str(g.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
        method = str(g.value(request, HT.methodName))
        headers = {}
        header_list = g.value(request, HT.headers)
        if header_list is not None:
            for h in Collection(g, header_list):
                headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
        body = None
        body_node = g.value(request, HT.body)
        if body_node is not None:
            encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
            body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
        resp = requests.request(method, server.url + path, data=body, headers=headers, timeout=30)
        expect = g.value(request, HT.resp)
        statuses = set(g.objects(expect, MF.expectedStatus))
        is_update = ("sparql-update" in headers.get("content-type", "") or (body or b"").startswith(b"update=")
                     or "update=" in path or "using-" in path)
        if name.startswith("bad_") or is_update:
            statuses = {HTS.StatusCode4xx}  # read-only endpoint: updates are client errors here
        elif name.startswith("update_"):
            # the follow-up query of an update test: answered, but the update did not happen
            assert resp.status_code == 200, (name, resp.text[:300])
            if "boolean" in resp.text:
                assert json.loads(resp.content)["boolean"] is False
            continue
        assert _status_ok(resp.status_code, statuses), (name, resp.status_code, resp.text[:300])
        assert resp.headers.get("Access-Control-Allow-Origin") == "*"
        fmt = g.value(expect, MF.expectedFormat)
        if fmt is not None and resp.status_code < 300:
            boolean = g.value(expect, MF.expectedBoolean)
            _check_format(resp, str(fmt), None if boolean is None else boolean.toPython())


def test_protocol_manifest_has_34_tests() -> None:
    assert len(PROTOCOL_TESTS) == 34


def _service_description(server: Server, accept: str) -> tuple[Graph, requests.Response]:
    resp = server.get("/sparql", headers={"Accept": accept})
    assert resp.status_code == 200
    fmt = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}
    g = Graph().parse(io.BytesIO(resp.content), format=fmt[resp.headers["Content-Type"].split(";")[0]])
    return g, resp


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "application/rdf+xml"])
def test_sd_returns_rdf(server: Server, accept: str) -> None:  # :returns-rdf
    g, resp = _service_description(server, accept)
    assert resp.headers["Content-Type"].startswith(accept)
    assert len(g) > 5


def test_sd_has_endpoint_triple(server: Server) -> None:  # :has-endpoint-triple
    g, _ = _service_description(server, "text/turtle")
    endpoint = URIRef(server.url + "/sparql")
    assert (None, SD.endpoint, endpoint) in g
    assert (endpoint, RDF.type, SD.Service) in g


SD_TERMS = {"Service", "endpoint", "supportedLanguage", "SPARQL11Query", "resultFormat", "feature",
            "UnionDefaultGraph", "BasicFederatedQuery", "defaultDataset", "Dataset", "defaultGraph", "Graph",
            "namedGraph", "NamedGraph", "name", "graph"}


def test_sd_conforms_to_schema(server: Server) -> None:  # :conforms-to-schema
    g, _ = _service_description(server, "text/turtle")
    used = {str(t)[len(str(SD)):] for triple in g for t in triple if str(t).startswith(str(SD))}
    assert used <= SD_TERMS, used - SD_TERMS
    service = next(g.subjects(RDF.type, SD.Service))
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    dataset = g.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in g
    names = {str(g.value(n, SD.name)) for n in g.objects(dataset, SD.namedGraph)}
    assert "http://kasei.us/2009/09/sparql/data/data1.rdf" in names
    for named in g.objects(dataset, SD.namedGraph):
        assert (named, RDF.type, SD.NamedGraph) in g and g.value(named, SD.name) is not None


def test_server_log_mentions_requests(server: Server) -> None:
    server.get("/sparql?query=ASK%7B%7D")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any('"GET /sparql?query=ASK%7B%7D" 200' in x for x in server.log):
        time.sleep(0.05)
    assert any('"GET /sparql?query=ASK%7B%7D" 200' in line and "query=" in line for line in server.log)


_ = Path  # keep the import for type readers
