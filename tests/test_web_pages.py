"""Resource pages, ontology and shapes, VoID and dumps, validation, and the CLI verbs serve/load/query."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF, VOID

from conftest_web import ID, Server, fixture_trig, running_server

WORK = ID + "work/doi/10.1108/mhsi-05-2019-060"
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
PARSE = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
         "application/n-triples": "nt", "application/trig": "trig", "application/n-quads": "nquads"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("pages")) as srv:
        yield srv


def _parse(resp: object) -> Graph:
    ctype = resp.headers["Content-Type"].split(";")[0]  # type: ignore[attr-defined]
    target = Dataset() if ctype in ("application/trig", "application/n-quads") else Graph()
    return target.parse(io.BytesIO(resp.content), format=PARSE[ctype])  # type: ignore[attr-defined]


# -- resource pages ------------------------------------------------------------------------------------
def test_resource_html_has_labels_types_links_both_ways_and_sources(server: Server) -> None:
    resp = server.get("/id/person/repper-julie", headers={"Accept": "text/html"})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    html = resp.text
    assert "<h1 id=\"label\">Julie Repper</h1>" in html
    assert "http://xmlns.com/foaf/0.1/Person" in html
    assert 'href="/id/work/doi/10.1108/mhsi-05-2019-060"' in html  # incoming link, as a local link
    assert "Peer support on inpatient wards" in html                # labelled by its title
    work = server.get("/id/work/doi/10.1108/mhsi-05-2019-060", headers={"Accept": "text/html"}).text
    assert 'class="sources"' in work and 'href="/id/source/00112233aabbccdd"' in work


@pytest.mark.parametrize("accept", list(PARSE))
def test_resource_rdf_by_accept(server: Server, accept: str) -> None:
    resp = server.get("/id/work/doi/10.1108/mhsi-05-2019-060", headers={"Accept": accept})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(accept)
    g = _parse(resp)
    subject = URIRef(WORK)
    assert (subject, RDF.type, URIRef("http://purl.org/spar/fabio/JournalArticle")) in g
    assert (None, None, subject) in g  # incoming triples too (CBD-like both ways)
    fmt = ox.RdfFormat.from_media_type(accept)
    assert fmt is not None and len(list(ox.parse(resp.content, format=fmt))) == len(g)


def test_unknown_resource_is_404(server: Server) -> None:
    resp = server.get("/id/person/nobody-at-all")
    assert resp.status_code == 404 and "no triples" in resp.json()["error"]["message"]
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


# -- ontology and shapes -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/ontology", "/shapes"])
@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "text/html"])
def test_ontology_and_shapes(server: Server, path: str, accept: str) -> None:
    resp = server.get(path, headers={"Accept": accept})
    if resp.status_code == 404:
        pytest.skip(f"this checkout ships no {path[1:]} files yet")
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(accept)
    if accept == "text/html":
        assert "<h1>" in resp.text
    else:
        assert len(_parse(resp)) > 10
    assert resp.headers.get("ETag")
    again = server.get(path, headers={"Accept": accept, "If-None-Match": resp.headers["ETag"]})
    assert again.status_code == 304


# -- VoID and dumps --------------------------------------------------------------------------------------
def test_void_counts_and_dumps(server: Server) -> None:
    resp = server.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    g = _parse(resp)
    ds = next(s for s in g.subjects(RDF.type, VOID.Dataset) if (s, VOID.subset, None) in g)
    reference = ox.Store()
    reference.load(fixture_trig().encode(), format=ox.RdfFormat.TRIG)
    distinct = {(q.subject, q.predicate, q.object) for q in reference}
    assert int(g.value(ds, VOID.triples)) == len(distinct)
    assert int(g.value(ds, VOID.classes)) >= 4 and int(g.value(ds, VOID.properties)) >= 10
    assert int(g.value(ds, VOID.entities)) >= 5
    subsets = {str(s): int(g.value(s, VOID.triples)) for s in g.objects(ds, VOID.subset)}
    assert subsets["http://kasei.us/2009/09/sparql/data/data1.rdf"] == 1
    dumps = list(g.objects(ds, VOID.dataDump))
    assert {str(d).rsplit("/", 1)[-1] for d in dumps} == {"peerkg.ttl", "peerkg.nt", "peerkg.trig", "peerkg.nq",
                                                        "peerkg.jsonld"}
    for dump in dumps:
        body = server.get("/dumps/" + str(dump).rsplit("/", 1)[-1]).content
        assert int(g.value(dump, DCAT.byteSize)) == len(body)
        checksum = g.value(dump, SPDX.checksum)
        assert (checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256) in g
        assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256(body).hexdigest()
    nq = next(d for d in dumps if str(d).endswith(".nq"))
    assert int(g.value(nq, VOID.triples)) == len(reference)


def test_void_html(server: Server) -> None:
    resp = server.get("/.well-known/void", headers={"Accept": "text/html"})
    assert resp.status_code == 200 and "peerkg.trig" in resp.text


@pytest.mark.parametrize("name", ["peerkg.ttl", "peerkg.nt", "peerkg.trig", "peerkg.nq"])
def test_dumps_parse_gzip_and_etag(server: Server, name: str) -> None:
    plain = server.get(f"/dumps/{name}", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200
    g = _parse(plain)
    assert len(g) >= 25
    etag = plain.headers["ETag"]
    assert server.get(f"/dumps/{name}", headers={"If-None-Match": etag,
                                                  "Accept-Encoding": "identity"}).status_code == 304
    zipped = server.get(f"/dumps/{name}", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and zipped.content == plain.content  # requests unzips
    gz = server.get(f"/dumps/{name}.gz", headers={"Accept-Encoding": "identity"})
    assert gz.headers["Content-Type"] == "application/gzip"
    assert gzip.decompress(gz.content) == plain.content
    assert server.get("/dumps/other.ttl").status_code == 404


# -- validation service --------------------------------------------------------------------------------
GOOD_PERSON = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://w3id.org/psmh/id/person/x-y> a foaf:Person ; foaf:name "Y X" ."""
BAD = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://w3id.org/psmh/id/person/nameless> a foaf:Person ."""  # a person must have a foaf:name


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "text/html"])
def test_validate_reports(server: Server, accept: str) -> None:
    resp = server.post("/validate", data=BAD.encode(), headers={"Content-Type": "text/turtle",
                                                                 "Accept": accept})
    if resp.status_code == 404 or not Path(__file__).resolve().parents[1].joinpath("shapes").is_dir():
        pytest.skip("no shapes shipped")
    assert resp.status_code == 200, resp.text
    assert resp.headers["X-SHACL-Conforms"] == "false"
    assert resp.headers["X-PeerKG-No-Violations"] == "false"
    if accept == "text/html":
        assert "Does not conform" in resp.text and "1 violation(s)" in resp.text
    else:
        sh = Namespace("http://www.w3.org/ns/shacl#")
        g = _parse(resp)
        report = g.value(None, RDF.type, sh.ValidationReport)
        assert g.value(report, sh.conforms).toPython() is False
        assert g.value(report, URIRef("https://w3id.org/psmh/ontology#noViolations")).toPython() is False


def test_validate_jsonld_and_rdfxml_bodies(server: Server) -> None:
    g = Graph().parse(data=GOOD_PERSON, format="turtle")
    for ctype, fmt in (("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")):
        resp = server.post("/validate", data=g.serialize(format=fmt).encode(), headers={"Content-Type": ctype})
        assert resp.status_code == 200, resp.text
        # a warning only (no foaf:familyName): SHACL says "does not conform", peerkg's verdict "no violations"
        assert (resp.headers["X-SHACL-Conforms"], resp.headers["X-PeerKG-No-Violations"]) == ("false", "true")


def test_validate_limits_and_errors(server: Server) -> None:
    big = b"#" * 6_000_000
    assert server.post("/validate", data=big, headers={"Content-Type": "text/turtle"}).status_code == 413
    assert server.post("/validate", data=b"x", headers={"Content-Type": "image/png"}).status_code == 415
    resp = server.post("/validate", data=b"<a> <b> .", headers={"Content-Type": "text/turtle"})
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "unparseable"


def test_home_and_health(server: Server) -> None:
    assert "SPARQL query page" in server.get("/", headers={"Accept": "text/html"}).text
    assert server.get("/health").json()["status"] == "ok"


# -- the CLI -------------------------------------------------------------------------------------------
def _peerkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", *args], capture_output=True, text=True, timeout=120)


def test_cli_load_then_query(tmp_path: Path) -> None:
    data = tmp_path / "d.trig"
    data.write_text(fixture_trig(), encoding="utf-8")
    loaded = _peerkg("load", str(data), "--store", str(tmp_path / "store"))
    assert loaded.returncode == 0, loaded.stderr
    table = _peerkg("query", "SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n", "--data", str(data))
    assert table.returncode == 0, table.stderr
    assert "Alison Faulkner" in table.stdout and "(2 rows)" in table.stdout
    as_json = _peerkg("query", "ASK { ?s ?p ?o }", "--data", str(data), "--format", "json")
    assert json.loads(as_json.stdout)["boolean"] is True
    bad = _peerkg("query", "SELECT WHERE {", "--data", str(data))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_cli_query_against_endpoint(server: Server) -> None:
    out = _peerkg("query", "SELECT ?n WHERE { ?p foaf:name ?n }", "--endpoint", server.url + "/sparql",
                  "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert "Julie Repper" in out.stdout


@pytest.mark.parametrize("verb", ["serve", "load", "query"])
def test_cli_help_has_example(verb: str) -> None:
    out = _peerkg(verb, "--help")
    assert out.returncode == 0 and "Example:" in out.stdout
