"""The recipes of docs/other-stores.md, run as written: Virtuoso (Debian's ``virtuoso-opensource``) and the
Oxigraph server (the ``oxigraph`` command) loaded with the seed build as ``peerkg build`` writes it must give
the same rows as the Jena TDB2 recipe (both N-Quads dumps, ``tdb:unionDefaultGraph=true``) for every named
query and the counts of test_cross_engine.py, which holds Jena TDB2 to ``peerkg serve`` and rdflib. Each
store is skipped, saying why, where it is not installed."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import oxigraph_server
import pytest
import requests
from engine_rows import describe_difference, json_rows
from query_batch import combine, split
from test_cross_engine import QUERIES

UNION = "urn:peerkg:union"
EVIDENCE = "https://w3id.org/psmh/graph/evidence"
JSON = {"Accept": "application/sparql-results+json"}
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


@pytest.fixture(scope="module")
def jena_answers(jena, seed_build_dir: Path) -> dict[str, dict]:
    """docs/other-stores.md, Jena TDB2: both N-Quads files, queried with the union default graph (one
    tdbquery run of all queries combined, split back per query)."""
    location = jena.tdb2_load([seed_build_dir / "peerkg.nq", seed_build_dir / "peerkg-evidence.nq"], "tdb2-all")
    return split(jena.tdb2_select(location, combine(QUERIES)), QUERIES)


def by_value(rows: Counter) -> Counter:
    """Rows with xsd:decimal literals in canonical form: Virtuoso and Oxigraph store a decimal by its value
    (``"1.0"^^xsd:decimal`` comes back as ``"1"``), Jena, rdflib and peerkg keep the lexical form."""
    def term(t):
        if t and t[0] == "literal" and t[3] == DECIMAL:
            return (t[0], str(Decimal(t[1]).normalize()), t[2], t[3])
        return t
    return Counter({tuple(term(t) for t in row): n for row, n in rows.items()})


def peerkg_graphs(rows: Counter) -> Counter:
    """Rows about the build's own graphs (Virtuoso also lists its system graphs and ``urn:peerkg:union``)."""
    return Counter({row: n for row, n in rows.items() if row[0][1].startswith("https://w3id.org/psmh/graph/")})


def union_size(seed_build_dir: Path) -> int:
    return json.loads((seed_build_dir / "manifest.json").read_text(encoding="utf-8"))["union_triples_with_evidence"]


def count_of(doc: dict) -> int:
    return int(doc["results"]["bindings"][0]["n"]["value"])


# -- Virtuoso --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso_loaded(virtuoso, seed_build_dir: Path):
    """docs/other-stores.md, Virtuoso: both N-Quads files keep their graphs, the union dump in a graph of its own."""
    virtuoso.clear()
    for name in ("peerkg.nq", "peerkg-evidence.nq", "peerkg.ttl"):
        virtuoso.bulk_load(seed_build_dir / name, graph=UNION)
    return virtuoso


def virtuoso_answer(server, query: str) -> dict:
    resp = requests.post(server.sparql, data={"query": query, "default-graph-uri": [UNION, EVIDENCE]},
                         headers=JSON, timeout=120)
    assert resp.status_code == 200, resp.text[:2000]
    return resp.json()


@pytest.mark.parametrize("name", list(QUERIES))
def test_virtuoso_recipe_agrees_with_jena_tdb2(virtuoso_loaded, jena_answers, name: str) -> None:
    query = QUERIES[name]
    theirs = by_value(json_rows(virtuoso_answer(virtuoso_loaded, query), query))
    reference = by_value(json_rows(jena_answers[name], query))
    if name == "count: triples per graph":  # GRAPH ?g sees every graph of the server
        theirs = peerkg_graphs(theirs)
    assert theirs == reference, describe_difference(theirs, reference, ("Virtuoso", "Jena TDB2"))


def test_virtuoso_without_a_dataset_counts_a_triple_once_per_graph(virtuoso_loaded, seed_build_dir: Path) -> None:
    """Why the recipe names the default graph: Virtuoso's own default is every graph, as a bag."""
    query = QUERIES["count: triples"]
    assert count_of(virtuoso_answer(virtuoso_loaded, query)) == union_size(seed_build_dir)
    bare = requests.post(virtuoso_loaded.sparql, data={"query": query}, headers=JSON, timeout=120).json()
    union = json.loads((seed_build_dir / "manifest.json").read_text(encoding="utf-8"))["union_triples"]
    assert count_of(bare) > union_size(seed_build_dir) + union  # in its own graph and again in urn:peerkg:union


# -- Oxigraph server ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def oxigraph_loaded(seed_build_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """docs/other-stores.md, Oxigraph: the named graphs, and the union dump and the evidence triples as the
    default graph (the commands of the recipe, then ``oxigraph serve`` over the store)."""
    if oxigraph_server.MISSING:
        pytest.skip(oxigraph_server.MISSING)
    folder = tmp_path_factory.mktemp("oxigraph")
    store, evidence = folder / "store", folder / "evidence.nt"
    build = seed_build_dir
    for command in (
        ["load", "--location", str(store), "--file", str(build / "peerkg.nq"), str(build / "peerkg-evidence.nq")],
        ["convert", "--from-file", str(build / "peerkg-evidence.nq"), "--from-graph", EVIDENCE,
         "--to-file", str(evidence)],
        ["load", "--location", str(store), "--file", str(build / "peerkg.ttl"), str(evidence)],
    ):
        done = subprocess.run([oxigraph_server.OXIGRAPH, *command], capture_output=True, text=True, timeout=300,
                              check=False)
        assert done.returncode == 0, done.stderr
    with oxigraph_server.running_oxigraph(folder) as server:
        yield server


def oxigraph_answer(server, query: str) -> dict:
    resp = requests.post(server.sparql, data={"query": query}, headers=JSON, timeout=120)
    assert resp.status_code == 200, resp.text[:2000]
    return resp.json()


@pytest.mark.parametrize("name", list(QUERIES))
def test_oxigraph_recipe_agrees_with_jena_tdb2(oxigraph_loaded, jena_answers, name: str) -> None:
    query = QUERIES[name]
    theirs = by_value(json_rows(oxigraph_answer(oxigraph_loaded, query), query))
    reference = by_value(json_rows(jena_answers[name], query))
    assert theirs == reference, describe_difference(theirs, reference, ("Oxigraph server", "Jena TDB2"))


def test_oxigraph_default_graph_is_the_union_once(oxigraph_loaded, seed_build_dir: Path) -> None:
    assert count_of(oxigraph_answer(oxigraph_loaded, QUERIES["count: triples"])) == union_size(seed_build_dir)
