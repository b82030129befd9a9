"""Clients as they are: SPARQLWrapper and rdflib's SPARQLStore with default settings, the ``format=`` names
clients send, and the predeclared prefixes — all against a real server on loopback."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH

from conftest_web import ID, Server, running_server
from peerkg.rdf.namespaces import PREFIXES

WORK = ID + "work/doi/10.1108/mhsi-05-2019-060"
CITED = ID + "work/doi/10.1108/mhsi-01-2015-0002"
TITLES = {"Peer support on inpatient wards", "Intentional peer support: a review"}
SELECT = "SELECT ?w ?t WHERE { ?w <http://purl.org/dc/terms/title> ?t }"
ASK = "ASK { ?p a <http://xmlns.com/foaf/0.1/Person> }"
CONSTRUCT = "CONSTRUCT { ?w <http://purl.org/dc/terms/title> ?t } WHERE { ?w <http://purl.org/dc/terms/title> ?t }"
DESCRIBE = f"DESCRIBE <{WORK}>"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("clients")) as srv:
        yield srv


def _wrapper(server: Server, query: str, fmt: str | None = None):  # noqa: ANN202 - SPARQLWrapper is untyped
    from SPARQLWrapper import SPARQLWrapper
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    if fmt is not None:
        client.setReturnFormat(fmt)
    return client.query()


def _titles_of(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, DCTERMS.title)}


# -- SPARQLWrapper, default settings (GET, format=/output=/results= and its Accept) ------------------------
def test_sparqlwrapper_select_json_xml_csv(server: Server) -> None:
    from SPARQLWrapper import CSV, JSON, XML
    doc = _wrapper(server, SELECT, JSON).convert()
    assert {b["t"]["value"] for b in doc["results"]["bindings"]} == TITLES
    xml = _wrapper(server, SELECT).convert()  # the default is XML
    assert {n.firstChild.data for n in xml.getElementsByTagName("literal")} == TITLES
    assert _wrapper(server, SELECT, XML).info()["content-type"].startswith("application/sparql-results+xml")
    rows = list(csv.DictReader(io.StringIO(_wrapper(server, SELECT, CSV).convert().decode())))
    assert {r["t"] for r in rows} == TITLES and {r["w"] for r in rows} == {WORK, CITED}


def test_sparqlwrapper_ask_json_xml_csv(server: Server) -> None:
    from SPARQLWrapper import CSV, JSON, XML
    assert _wrapper(server, ASK, JSON).convert()["boolean"] is True
    xml = _wrapper(server, ASK, XML).convert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert _wrapper(server, ASK.replace("Person", "Organization"), JSON).convert()["boolean"] is False
    answer = _wrapper(server, ASK, CSV)
    assert answer.info()["content-type"].startswith("text/csv")
    assert answer.convert().decode().split() == ["_askResult", "true"]


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
def test_sparqlwrapper_graph_formats(server: Server, query: str) -> None:
    from SPARQLWrapper import JSONLD, N3, RDFXML, TURTLE, XML
    expected = TITLES if query == CONSTRUCT else {"Peer support on inpatient wards"}
    for fmt, media in ((TURTLE, "text/turtle"), (N3, "text/turtle")):
        answer = _wrapper(server, query, fmt)
        assert answer.info()["content-type"].startswith(media)
        assert _titles_of(Graph().parse(data=answer.convert(), format="turtle")) == expected
    for fmt, media in ((XML, "application/rdf+xml"), (RDFXML, "application/rdf+xml"),
                       (JSONLD, "application/ld+json")):
        answer = _wrapper(server, query, fmt)
        assert answer.info()["content-type"].startswith(media), fmt
        assert _titles_of(answer.convert()) == expected, fmt  # SPARQLWrapper parses these with rdflib
    default = _wrapper(server, query).convert()  # default XML → RDF/XML for graphs
    assert isinstance(default, Graph) and _titles_of(default) == expected


def test_rdflib_sparqlstore_without_options(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    graph = Graph(SPARQLStore(server.url + "/sparql"))
    rows = list(graph.query(SELECT))
    assert {str(r[1]) for r in rows} == TITLES and {str(r[0]) for r in rows} == {WORK, CITED}
    assert graph.query(ASK).askAnswer is True
    built = Graph()
    for triple in graph.query(CONSTRUCT):
        built.add(triple)  # type: ignore[arg-type]
    assert _titles_of(built) == TITLES
    assert set(graph.objects(URIRef(WORK), DCTERMS.title)) == {Literal("Peer support on inpatient wards", lang="en")}


# -- format= names: one table (web/formats.py) ---------------------------------------------------------
@pytest.mark.parametrize(("query", "value", "media"), [
    (SELECT, "json", "application/sparql-results+json"),
    (SELECT, "xml", "application/sparql-results+xml"),
    (SELECT, "csv", "text/csv"),
    (SELECT, "tsv", "text/tab-separated-values"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "application/sparql-results+json", "application/sparql-results+json"),
    (ASK, "csv", "text/csv"),
    (CONSTRUCT, "turtle", "text/turtle"),
    (CONSTRUCT, "n3", "text/turtle"),
    (CONSTRUCT, "rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "xml", "application/rdf+xml"),
    (CONSTRUCT, "json-ld", "application/ld+json"),
    (CONSTRUCT, "json", "application/ld+json"),
    (CONSTRUCT, "ntriples", "application/n-triples"),
    (CONSTRUCT, "text/turtle; charset=utf-8", "text/turtle"),
    (CONSTRUCT, "Application/RDF+XML", "application/rdf+xml"),
])
def test_format_names_clients_send(server: Server, query: str, value: str, media: str) -> None:
    resp = server.get("/sparql", params={"query": query, "format": value}, headers={"Accept": "text/html"})
    assert resp.status_code == 200, resp.text
    assert resp.headers["Content-Type"].split(";")[0] == media


def test_unknown_format_lets_accept_decide(server: Server) -> None:
    resp = server.get("/sparql", params={"query": SELECT, "format": "application/x-nonsense"},
                      headers={"Accept": "text/csv"})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/csv")
    resp = server.get("/sparql", params={"query": SELECT, "format": "fancy"})
    assert resp.status_code == 200
    assert {b["t"]["value"] for b in resp.json()["results"]["bindings"]} == TITLES
    # SPARQLWrapper's way: the name, then the media type; the first value naming a known format counts
    resp = server.get("/sparql", params=[("query", CONSTRUCT), ("format", "bogus"), ("format", "json-ld"),
                                         ("format", "application/ld+json")])
    assert resp.headers["Content-Type"].startswith("application/ld+json")
    assert {d["@value"] for n in resp.json() for d in n.get(str(DCTERMS.title), [])} == TITLES


def test_format_of_another_kind_is_406_with_the_choices(server: Server) -> None:
    resp = server.get("/sparql", params={"query": CONSTRUCT, "format": "csv"})
    assert resp.status_code == 406 and "text/turtle" in resp.json()["error"]["available"]


# -- predeclared prefixes ------------------------------------------------------------------------------
def test_standard_prefixes_are_predeclared(server: Server) -> None:
    resp = server.get("/sparql", params={"query": "SELECT ?t WHERE { ?w dcterms:title ?t ; a fabio:JournalArticle }"})
    assert resp.status_code == 200, resp.text
    assert {b["t"]["value"] for b in resp.json()["results"]["bindings"]} == TITLES
    # the query's own PREFIX wins over the predeclared one
    own = "PREFIX dcterms: <urn:nothing#> SELECT ?t WHERE { ?w dcterms:title ?t }"
    assert server.get("/sparql", params={"query": own}).json()["results"]["bindings"] == []
    unknown = server.get("/sparql", params={"query": "SELECT * WHERE { ?s nope:p ?o }"})
    assert unknown.status_code == 400 and "unknown prefix nope:" in unknown.json()["error"]["message"]


def test_service_description_lists_the_predeclared_prefixes(server: Server) -> None:
    resp = server.get("/sparql", headers={"Accept": "text/turtle"})
    sd = Graph().parse(data=resp.text, format="turtle")
    declared = {(str(sd.value(d, SH.prefix)), str(sd.value(d, SH.namespace))) for d in sd.objects(None, SH.declare)}
    assert declared == {(p, str(ns)) for p, ns in PREFIXES.items()}
    assert ("dcterms", "http://purl.org/dc/terms/") in declared


def test_predeclared_prefixes_through_sparqlwrapper(server: Server) -> None:
    from SPARQLWrapper import JSON
    doc = _wrapper(server, "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }", JSON).convert()
    assert sorted(b["n"]["value"] for b in doc["results"]["bindings"]) == ["Alison Faulkner", "Julie Repper"]
