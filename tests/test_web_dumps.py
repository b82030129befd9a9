"""Dumps are the build's files: what ``peerkg serve`` gives at /dumps/ is, byte for byte, what ``peerkg build``
wrote, with the checksums VoID states; one dump per named graph; a store with no build behind it is dumped
by the build's own writer."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, VOID

from conftest_web import Server, fixture_trig, running_server

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
BUILD_DUMPS = ("peerkg.trig", "peerkg.nq", "peerkg.ttl", "peerkg.nt", "peerkg.jsonld", "peerkg-evidence.trig",
               "peerkg-evidence.nq")
GRAPH = "https://w3id.org/psmh/graph/"
REPO = Path(__file__).resolve().parents[1]


def _peerkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dumps") / "build"
    result = _peerkg("build", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def manifest(build: Path) -> dict:
    return json.loads((build / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def server(build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``peerkg serve`` over the build's two TriG files, as the README says to run it."""
    with running_server(tmp_path_factory.mktemp("serve"), "--data", str(build / "peerkg.trig"),
                        "--data", str(build / "peerkg-evidence.trig"), seeds=True) as srv:
        yield srv


def _void(server: Server) -> Graph:
    resp = server.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    return Graph().parse(data=resp.text, format="turtle")


def _checksum(void: Graph, dump: URIRef) -> str:
    node = void.value(dump, SPDX.checksum)
    assert (node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256) in void
    return str(void.value(node, SPDX.checksumValue))


def test_every_dump_downloaded_is_the_builds_file_with_the_void_checksum(server: Server, build: Path,
                                                                       manifest: dict) -> None:
    void = _void(server)
    dataset = next(s for s in void.subjects(RDF.type, VOID.Dataset) if (s, VOID.subset, None) in void)
    listed = {str(d).rsplit("/dumps/", 1)[1]: d for d in void.objects(dataset, VOID.dataDump)}
    assert set(listed) == set(BUILD_DUMPS)
    for name in BUILD_DUMPS:
        body = server.get(f"/dumps/{name}", headers={"Accept-Encoding": "identity"}).content
        digest = hashlib.sha256(body).hexdigest()
        assert body == (build / name).read_bytes(), name
        assert digest == manifest["files"][name]["sha256"] == _checksum(void, listed[name]), name
        assert int(void.value(listed[name], DCAT.byteSize)) == manifest["files"][name]["bytes"]
        count = manifest["files"][name].get("triples", manifest["files"][name].get("quads"))
        assert int(void.value(listed[name], VOID.triples)) == count


def test_gzip_is_the_same_bytes(server: Server, build: Path) -> None:
    import gzip

    gz = server.get("/dumps/peerkg.nt.gz", headers={"Accept-Encoding": "identity"})
    assert gz.headers["Content-Type"] == "application/gzip"
    assert gzip.decompress(gz.content) == (build / "peerkg.nt").read_bytes()
    assert server.get("/dumps/peerkg.nt.gz").content == gz.content  # compressed once, no timestamp


def test_startup_served_the_build_folder_without_serialising(server: Server) -> None:
    line = next(entry for entry in server.log if "peerkg.dumps" in entry)
    assert "from the build folder" in line


def test_one_dump_per_named_graph_whose_union_is_the_whole_dump(server: Server, build: Path,
                                                               manifest: dict) -> None:
    void = _void(server)
    bodies: dict[str, bytes] = {}
    for graph, triples in manifest["graphs"].items():
        dumps = list(void.objects(URIRef(graph), VOID.dataDump))
        assert len(dumps) == 1, graph
        name = str(dumps[0]).rsplit("/dumps/", 1)[1]
        assert name == "graph/" + graph.removeprefix(GRAPH) + ".nt"
        resp = server.get("/dumps/" + name)
        assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("application/n-triples")
        assert hashlib.sha256(resp.content).hexdigest() == _checksum(void, dumps[0])
        assert int(void.value(dumps[0], VOID.triples)) == triples == resp.content.count(b"\n")
        bodies[graph] = resp.content
    assert {GRAPH + g for g in ("annotations", "links", "inferred", "ontology", "evidence")} <= set(bodies)
    evidence = manifest["evidence_graph"]
    # the graphs' dumps, each line with its graph, are the N-Quads dumps exactly (graphs in IRI order)
    quads = b"".join(line[:-2] + f"<{g}> .\n".encode() for g in sorted(bodies) if g != evidence
                     for line in bodies[g].splitlines(keepends=True))
    assert quads == (build / "peerkg.nq").read_bytes()
    union = {line for g, body in bodies.items() if g != evidence for line in body.splitlines(keepends=True)}
    assert b"".join(sorted(union)) == (build / "peerkg.nt").read_bytes()
    def triples(quads: Iterator[ox.Quad]) -> set[tuple[object, object, object]]:
        return {(q.subject, q.predicate, q.object) for q in quads}

    assert triples(ox.parse(bodies[evidence], format=ox.RdfFormat.N_TRIPLES)) == triples(
        ox.parse(path=build / "peerkg-evidence.nq", format=ox.RdfFormat.N_QUADS))


def _canonical(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """The quads with canonical blank-node labels (the ontology's OWL lists), for comparing parses."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def _rdflib_quads(dataset: Dataset) -> Iterator[ox.Quad]:
    from peerkg.rdf.quads import ox_term

    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph = ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID else ox.NamedNode(str(g))
        yield ox.Quad(ox_term(s), ox_term(p), ox_term(o), graph)  # type: ignore[arg-type]


def test_jsonld_dump_has_the_published_context_inline_and_the_quads_of_the_nquads(server: Server, build: Path,
                                                                                 manifest: dict) -> None:
    body = server.get("/dumps/peerkg.jsonld").content
    published = server.get("/dumps/context.jsonld")
    assert published.status_code == 200 and published.headers["Content-Type"].startswith("application/ld+json")
    assert published.content == (REPO / "ontology" / "context.jsonld").read_bytes()
    document = json.loads(body)
    # the context is an object, not a link: nothing to fetch (pyoxigraph, which cannot fetch, reads it)
    assert document["@context"] == json.loads(published.content)["@context"]
    assert document["@context"]["dcterms"] == "http://purl.org/dc/terms/"
    void = _void(server)
    dump = URIRef(server.url + "/dumps/peerkg.jsonld")
    assert (dump, URIRef("http://purl.org/dc/terms/conformsTo"), URIRef(server.url + "/dumps/context.jsonld")) in void
    expected = _canonical(ox.parse(path=build / "peerkg.nq", format=ox.RdfFormat.N_QUADS))
    assert len(expected) == manifest["files"]["peerkg.jsonld"]["quads"] == manifest["files"]["peerkg.nq"]["quads"]
    assert _canonical(ox.parse(body, format=ox.RdfFormat.JSON_LD)) == expected
    rdflib_dataset = Dataset()
    rdflib_dataset.parse(data=body, format="json-ld")
    assert _canonical(_rdflib_quads(rdflib_dataset)) == expected
    decimals = (build / "peerkg.nq").read_bytes().count(b'"0.0"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    assert decimals == body.count(b'{"@value":"0.0","@type":"xsd:decimal"}') > 0  # lexical forms as built


def test_sparql_with_graph_and_no_query_is_a_400_naming_the_graphs_dump(server: Server, manifest: dict) -> None:
    """The protocol's query operation has no graph= (the Graph Store Protocol's, which this service does not
    offer) and the Service Description answers a GET with no parameters: so a 400, never the SD."""
    links = GRAPH + "links"
    resp = server.get("/sparql", params={"graph": links}, headers={"Accept": "text/turtle"})
    assert resp.status_code == 400
    error = resp.json()["error"]
    assert error["code"] == "graph-parameter" and error["dumps"] == {links: "/dumps/graph/links.nt"}
    assert error["message"].endswith(f"{links} is downloadable as /dumps/graph/links.nt.")
    assert server.get(error["dumps"][links]).content.count(b"\n") == manifest["graphs"][links]
    bare = server.get("/sparql", headers={"Accept": "text/turtle"})
    assert bare.status_code == 200 and "sd:Service" in bare.text


def test_no_such_dump_names_the_ones_there_are(server: Server) -> None:
    resp = server.get("/dumps/graph/nothing.nt")
    assert resp.status_code == 404 and "peerkg.trig" in resp.text
    assert server.get("/dumps/../manifest.json").status_code == 404


def test_a_store_loaded_from_the_build_serves_the_builds_files(build: Path, manifest: dict,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("store")
    loaded = _peerkg("load", str(build / "peerkg.trig"), "--store", str(tmp / "store"))
    assert loaded.returncode == 0, loaded.stderr
    with running_server(tmp, "--store", str(tmp / "store"), seeds=True) as srv:
        for name in ("peerkg.trig", "peerkg.nq", "peerkg.ttl", "peerkg.nt"):
            body = srv.get(f"/dumps/{name}").content
            assert hashlib.sha256(body).hexdigest() == manifest["files"][name]["sha256"], name
        assert srv.get("/dumps/peerkg-evidence.nq").status_code == 404  # not loaded, not served
        assert "from the build folder" in next(e for e in srv.log if "peerkg.dumps" in e)


def test_a_build_from_before_the_jsonld_dump_gets_the_one_the_build_writes_now(
        build: Path, manifest: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    import shutil

    tmp = tmp_path_factory.mktemp("older")
    older = tmp / "build"
    shutil.copytree(build, older)
    (older / "peerkg.jsonld").unlink()
    files = {k: v for k, v in manifest["files"].items() if k != "peerkg.jsonld"}
    (older / "manifest.json").write_text(json.dumps({**manifest, "files": files}), encoding="utf-8")
    with running_server(tmp, "--data", str(older / "peerkg.trig"), seeds=True) as srv:
        assert "from the build folder" in next(e for e in srv.log if "peerkg.dumps" in e)
        assert srv.get("/dumps/peerkg.jsonld").content == (build / "peerkg.jsonld").read_bytes()
        assert srv.get("/dumps/peerkg.nt").content == (build / "peerkg.nt").read_bytes()


def test_data_that_is_no_build_is_dumped_by_the_builds_writer(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any other data: the store's graphs as the build lays them out — N-Quads graph by graph in IRI order,
    each graph's N-Triples lines sorted and unique; N-Triples the sorted set of all."""
    tmp = tmp_path_factory.mktemp("fixture")
    source = ox.Store()
    source.load(fixture_trig().encode(), format=ox.RdfFormat.TRIG)
    by_graph: dict[str, set[bytes]] = {}
    for quad in source:
        line = ox.serialize([ox.Triple(quad.subject, quad.predicate, quad.object)], format=ox.RdfFormat.N_TRIPLES)
        by_graph.setdefault(quad.graph_name.value, set()).add(line)
    expected_nq = b"".join(line[:-2] + f"<{g}> .\n".encode() for g in sorted(by_graph)
                           for line in sorted(by_graph[g]))
    expected_nt = b"".join(sorted(set().union(*by_graph.values())))
    with running_server(tmp) as srv:
        assert srv.get("/dumps/peerkg.nq").content == expected_nq
        assert srv.get("/dumps/peerkg.nt").content == expected_nt
        assert "from the store" in next(e for e in srv.log if "peerkg.dumps" in e)
        void = _void(srv)
        for dump in void.objects(None, VOID.dataDump):
            body = srv.get(str(dump).split(srv.url, 1)[1]).content
            assert hashlib.sha256(body).hexdigest() == _checksum(void, dump)


def test_readme_lists_every_graph_the_build_writes(manifest: dict) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = {g.removeprefix(manifest["base"] + "graph/") for g in manifest["graphs"]}
    names = {"source/{sha}" if n.startswith("source/") else n for n in names}
    assert names == {"source/{sha}", "links", "annotations", "evidence", "inferred", "ontology"}
    for name in names:
        assert f"graph/{name}`" in readme, name


def test_the_published_jsonld_context_is_the_prefixes_of_the_dumps(build: Path) -> None:
    from peerkg.rdf.serialise import BINDINGS

    shipped = json.loads((REPO / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert shipped == {"@context": {p: str(ns) for p, ns in BINDINGS.items()}}
    assert json.loads((build / "peerkg.jsonld").read_bytes())["@context"] == shipped["@context"]
