"""The union default graph is a set: the served counts and results equal rdflib's on the same build files.

A fresh build of the seed pages is served (real server, ``--data`` the build's TriG files) and loaded into
rdflib's ``Dataset(default_union=True)``; every answer is compared with rdflib's, never with pyoxigraph's.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, VOID

from conftest_web import Server, running_server
from peerkg.named_queries import get_named_query, render

JOURNAL = "https://w3id.org/psmh/id/journal/issn/2042-8308"
FILES = ("peerkg.trig", "peerkg-evidence.trig")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    done = subprocess.run([sys.executable, "-m", "peerkg", "build", "--out", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def reference(folder: Path) -> Dataset:
    ds = Dataset(default_union=True)
    for name in FILES:
        ds.parse(folder / name, format="trig")
    return ds


@pytest.fixture(scope="module")
def server(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    trig = (folder / FILES[0]).read_text(encoding="utf-8")  # served as the one --data file running_server writes
    with running_server(tmp_path_factory.mktemp("serve"), "--data", str(folder / FILES[1]), trig=trig) as srv:
        yield srv


def _rows(server: Server, query: str) -> list[tuple[str | None, ...]]:
    resp = server.get("/sparql", params={"query": query},
                      headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    names = doc["head"]["vars"]
    return [tuple(b[v]["value"] if v in b else None for v in names) for b in doc["results"]["bindings"]]


def _reference_rows(ds: Dataset, query: str) -> list[tuple[str | None, ...]]:
    return [tuple(None if t is None else str(t) for t in row) for row in ds.query(query)]  # type: ignore[union-attr]


def test_count_of_the_union_equals_rdflib(server: Server, reference: Dataset) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = len(set(reference.triples((None, None, None))))
    assert _reference_rows(reference, query) == [(str(expected),)]
    assert _rows(server, query) == [(str(expected),)]
    quads = sum(len(g) for g in reference.graphs() if len(g))
    assert quads > expected  # some triples are held by several graphs: the case the set must handle


def test_instances_per_class_equal_rdflib(server: Server, reference: Dataset) -> None:
    query = "SELECT ?t (COUNT(?x) AS ?n) WHERE { ?x a ?t } GROUP BY ?t"
    expected = Counter(str(t) for _, t in set(reference.subject_objects(RDF.type)))
    served = {t: int(n) for t, n in _rows(server, query)}  # type: ignore[arg-type]
    assert served == dict(expected)


def test_journal_types_once_each(server: Server, reference: Dataset) -> None:
    query = f"SELECT ?t WHERE {{ <{JOURNAL}> a ?t }}"
    served = _rows(server, query)
    assert sorted(served) == sorted(_reference_rows(reference, query))
    assert len(served) == 2


def test_organisations_named_query_equals_rdflib(server: Server, reference: Dataset) -> None:
    query = render(get_named_query("organisations"), {})
    served = _rows(server, query)
    expected = _reference_rows(reference, query)
    assert Counter(served) == Counter(expected)
    assert len(served) == len(expected) > 0


def test_health_sd_and_void_state_the_union_count(server: Server, reference: Dataset) -> None:
    union = len(set(reference.triples((None, None, None))))
    assert server.get("/health").json()["triples"] == union
    sd = Graph().parse(data=server.get("/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
    default_graph = next(sd.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#defaultGraph")))
    assert int(sd.value(default_graph, VOID.triples)) == union
    void = Graph().parse(data=server.get("/.well-known/void", headers={"Accept": "text/turtle"}).text,
                         format="turtle")
    dataset = URIRef("https://w3id.org/psmh/dataset")
    assert int(void.value(dataset, VOID.triples)) == union
    per_graph = {str(g.identifier): len(g) for g in reference.graphs() if len(g)}
    stated = {str(sd.value(n, URIRef("http://www.w3.org/ns/sparql-service-description#name"))):
              int(sd.value(sd.value(n, URIRef("http://www.w3.org/ns/sparql-service-description#graph")),
                           VOID.triples))
              for n in sd.subjects(RDF.type, URIRef("http://www.w3.org/ns/sparql-service-description#NamedGraph"))}
    assert stated == per_graph
