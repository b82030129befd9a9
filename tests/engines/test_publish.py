"""``peerkg publish``: the seed build pushed into real Graph Store servers — an Oxigraph server, Virtuoso
(Digest auth) — and the failures a user meets, from a real loopback server that refuses credentials or
graphs, goes away mid-way, or is not there at all."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from engine_ports import free_port
from graph_store_stub import StubStore, running_stub

from peerkg.publish import STATE_FILE, Credentials, PublishError, build_graphs, publish

G = "https://w3id.org/psmh/graph/"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TITLE = "Peer support – the what, why, who, how and now"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", "publish", *args], capture_output=True, text=True,
                          check=False, timeout=600)


@pytest.fixture()
def build(seed_build_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seed build (publishing writes its record into the build folder)."""
    return Path(shutil.copytree(seed_build_dir, tmp_path / "build"))


def manifest_graphs(build: Path) -> dict[str, int]:
    return json.loads((build / "manifest.json").read_text(encoding="utf-8"))["graphs"]


def per_graph(sparql: str, prefix: str = G) -> dict[str, int]:
    resp = requests.post(sparql, data={"query": PER_GRAPH}, headers={"Accept": "application/sparql-results+json"},
                         timeout=60)
    assert resp.status_code == 200, resp.text
    rows = resp.json()["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows if r["g"]["value"].startswith(prefix)}


def test_the_build_folder_gives_each_named_graph_once(build: Path) -> None:
    graphs = build_graphs(build)
    assert {g: p.triples for g, p in graphs.items()} == manifest_graphs(build)
    assert {G + n for n in ("annotations", "evidence", "inferred", "links", "ontology")} <= set(graphs)
    assert sum(1 for g in graphs if g.startswith(G + "source/")) == 4


def test_a_graph_body_streams_the_dump_lines_without_their_graph(build: Path) -> None:
    import pyoxigraph as ox

    evidence = build_graphs(build)[G + "evidence"]
    whole = evidence.read()
    assert len(whole) == evidence.size and hashlib.sha256(whole).hexdigest() == evidence.sha256
    body = evidence.body()
    chunks = [body.read(1000) for _ in range(3)]
    assert body.tell() == 3000
    body.seek(0)
    assert b"".join(chunks) == whole[:3000] and body.read() == whole and body.tell() == evidence.size
    body.close()
    quads = {q.triple for q in ox.parse(path=str(build / "peerkg-evidence.nq"), format=ox.RdfFormat.N_QUADS)}
    assert {q.triple for q in ox.parse(whole, format=ox.RdfFormat.N_TRIPLES)} == quads
    assert len(quads) == evidence.triples == manifest_graphs(build)[G + "evidence"]


@pytest.mark.parametrize(("line", "why"), [
    ('<http://s> <http://p> <http://o> .\n', "not a line of a peerkg build's N-Quads dump"),
    ('<http://s> <http://p> "x"^^<http://dt> .\n', "not a line of a peerkg build's N-Quads dump"),
    ('<http://s> <http://p> "o" <http://g/links> .\n', "the lines of graph <http://g/links> are not together")])
def test_a_dump_not_laid_out_by_a_build_is_refused(tmp_path: Path, line: str, why: str) -> None:
    good = '<http://s> <http://p> "o" <http://g/links> .\n<http://s> <http://p> "o" <http://g/other> .\n'
    (tmp_path / "x.nq").write_text(good + line, encoding="utf-8")
    with pytest.raises(PublishError, match=f"x.nq:3: {why}"):
        publish(tmp_path, "http://127.0.0.1:9/store")


def test_publish_into_oxigraph_then_a_rerun_sends_nothing(oxigraph, build: Path) -> None:
    done = cli(str(build), "--to", oxigraph.graph_store)
    assert done.returncode == 0, done.stderr
    assert "9 graph(s) replaced" in done.stdout and "0 unchanged" in done.stdout
    assert per_graph(oxigraph.sparql) == manifest_graphs(build)
    titles = requests.post(oxigraph.sparql, headers={"Accept": "application/sparql-results+json"}, timeout=60, data={
        "query": "SELECT ?t WHERE { GRAPH ?g { ?w <http://purl.org/dc/terms/title> ?t } }"}).json()
    assert TITLE in {b["t"]["value"] for b in titles["results"]["bindings"]}
    record = json.loads((build / STATE_FILE).read_text(encoding="utf-8"))
    assert set(record["stores"][oxigraph.graph_store]["graphs"]) == set(manifest_graphs(build))

    again = cli(str(build), "--to", oxigraph.graph_store + "/")  # the same store, however spelt
    assert again.returncode == 0, again.stderr
    assert "0 graph(s) replaced (0 triples sent), 9 unchanged, 0 removed" in again.stdout


def test_every_graph_reads_back_from_the_graph_store_as_it_was_built(oxigraph, build: Path) -> None:
    """GET of each graph (the protocol's read) gives the triples of the build's dump: the compact annotations
    and every hit of the evidence graph included (blank nodes — the ontology's OWL lists — by count; decimals
    by value: Oxigraph keeps ``"1.0"^^xsd:decimal`` as ``"1"``)."""
    import pyoxigraph as ox

    def value(t: ox.Triple) -> tuple:
        o = t.object
        if isinstance(o, ox.Literal) and o.datatype.value.endswith("#decimal"):
            return (t.subject, t.predicate, Decimal(o.value))
        return (t.subject, t.predicate, o)

    publish(build, oxigraph.graph_store)
    for iri, payload in build_graphs(build).items():
        resp = requests.get(oxigraph.graph_store, params={"graph": iri}, headers={"Accept": "application/n-triples"},
                            timeout=60)
        assert resp.status_code == 200, iri
        got = list(ox.parse(resp.content, format=ox.RdfFormat.N_TRIPLES))
        sent = list(ox.parse(payload.read(), format=ox.RdfFormat.N_TRIPLES))
        ground = {value(t) for t in sent if not any(isinstance(x, ox.BlankNode) for x in (t.subject, t.object))}
        assert len(got) == len(sent) == payload.triples and ground <= {value(t) for t in got}, iri


def test_after_a_rebuild_only_changed_graphs_go_and_a_dropped_page_is_removed(oxigraph, build: Path) -> None:
    first = publish(build, oxigraph.graph_store)
    assert len(first.replaced) == 9
    before = manifest_graphs(build)
    pages = sorted(SEEDS.glob("*.txt"))[:3]  # the full-text page dropped
    rebuilt = subprocess.run([sys.executable, "-m", "peerkg", "build", *map(str, pages), "--out", str(build), "-q"],
                             capture_output=True, text=True, check=False)
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = manifest_graphs(build)
    second = publish(build, oxigraph.graph_store)
    assert second.deleted == sorted(set(before) - set(after)) and len(second.deleted) == 1
    assert G + "ontology" in second.unchanged
    assert sum(1 for g in second.unchanged if g.startswith(G + "source/")) == 3
    assert set(second.replaced) | set(second.unchanged) == set(after)
    assert per_graph(oxigraph.sparql) == after


def test_credentials_are_needed_refused_or_may_not_write(build: Path) -> None:
    stub = StubStore(users={"alice": "secret", "reader": "ro"}, read_only={"reader"})
    with running_stub(stub):
        missing = cli(str(build), "--to", stub.url)
        assert missing.returncode == 1
        assert "asks for credentials (401 Unauthorized): give --auth user:password or --token" in missing.stderr
        wrong = cli(str(build), "--to", stub.url, "--auth", "alice:guess")
        assert wrong.returncode == 1
        assert "refused the credentials (401 Unauthorized)" in wrong.stderr and "not sent:" in wrong.stderr
        reader = cli(str(build), "--to", stub.url, "--auth", "reader:ro")
        assert reader.returncode == 1 and "(403 Forbidden)" in reader.stderr
        assert stub.graphs == {}
        ok = cli(str(build), "--to", stub.url, "--auth", "alice:secret")
        assert ok.returncode == 0, ok.stderr
    graphs = build_graphs(build)
    assert stub.graphs == {g: p.read() for g, p in graphs.items()}


def test_refused_graphs_are_named_and_a_rerun_sends_only_them(build: Path) -> None:
    stub = StubStore(refuse={G + "links": 507, G + "ontology": 413})
    with running_stub(stub):
        done = cli(str(build), "--to", stub.url)
        assert done.returncode == 1
        assert "refused 2 graph(s)" in done.stderr
        assert f"refused: {G}links (507 Insufficient Storage: no room for this graph)" in done.stderr
        assert f"refused: {G}ontology (413" in done.stderr
        assert "went in: " + G + "annotations, " + G + "evidence, " + G + "inferred, " + G + "source/" in done.stderr
        assert "run the same command again" in done.stderr
        assert len(stub.graphs) == 7
        stub.refuse.clear()
        stub.log.clear()
        again = cli(str(build), "--to", stub.url)
        assert again.returncode == 0, again.stderr
        assert sorted(stub.puts) == [G + "links", G + "ontology"]
        assert "2 graph(s) replaced" in again.stdout and "7 unchanged" in again.stdout


def test_a_server_gone_mid_way_leaves_a_record_that_the_rerun_completes(build: Path) -> None:
    stub = StubStore(die_after=3)
    with running_stub(stub):
        with pytest.raises(PublishError) as raised:
            publish(build, stub.url)
        message = str(raised.value)
        assert "cannot be reached (nothing answers at that address, or the connection was cut)" in message
        result = raised.value.result
        assert result is not None and len(result.replaced) == 3 and len(result.not_attempted) == 6
        assert f"went in: {G}annotations, {G}evidence, {G}inferred" in message
        assert f"not sent: {G}links, {G}ontology" in message
        stub.die_after = None
        stub.log.clear()
        rest = publish(build, stub.url)
        assert rest.replaced == result.not_attempted and len(rest.unchanged) == 3
        assert sorted(stub.puts) == sorted(result.not_attempted)
    assert set(stub.graphs) == set(manifest_graphs(build))


def test_nothing_listening(build: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    done = cli(str(build), "--to", url, "--token", "t0ken")
    assert done.returncode == 1
    assert f"the Graph Store at {url} cannot be reached" in done.stderr
    assert "went in:" not in done.stderr and "none of the 9 graphs went in" in done.stderr
    assert json.loads((build / STATE_FILE).read_text(encoding="utf-8"))["stores"][url]["graphs"] == {}


def test_a_bearer_token_is_sent(build: Path) -> None:
    stub = StubStore(tokens={"t0ken"})
    with running_stub(stub):
        wrong = cli(str(build), "--to", stub.url, "--token", "guess")
        assert wrong.returncode == 1 and "refused the credentials (401 Unauthorized)" in wrong.stderr
        ok = cli(str(build), "--to", stub.url, "--token", "t0ken")
        assert ok.returncode == 0, ok.stderr
    assert len(stub.graphs) == 9


def test_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="either --auth"):
        Credentials.parse("a:b", "t")
    with pytest.raises(PublishError, match="user:password"):
        Credentials.parse("nocolon", None)
    scheme = cli(str(tmp_path), "--to", "ftp://example.org/store")
    assert scheme.returncode == 1 and "--to must be an http(s) URL" in scheme.stderr
    empty = cli(str(tmp_path), "--to", "http://127.0.0.1:9/store")
    assert empty.returncode == 1 and "holds no N-Quads dump" in empty.stderr
