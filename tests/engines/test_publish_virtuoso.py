"""Publish the seed build into a real Virtuoso (Graph Store at ``/sparql-graph-crud-auth``, Digest auth),
then every named query through ``peerkg serve --endpoint`` in front of it gives the same rows as
``peerkg serve`` over the same build in its embedded store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from engine_rows import describe_difference, json_rows
from test_publish import manifest_graphs, per_graph

from conftest_web import running_server
from peerkg.named_queries import load_named_queries, render

# every named query with its defaults, and the parameters that select part of the seeds where the default
# selects all of it or none (works-by-model: no seed work is about intentional peer support)
VARIANTS = {"author-concepts": [{"name": "faulkner"}], "organisations": [{"organisation": "capital"}],
            "works-by-model": [{"model": "vocab:model/formal-peer-support"}],
            "statements-by-type": [{"type": "mentioning"}, {"type": "Unclassified"}],
            "author-works": [{"family": "Basset", "given": "T"}]}
DEFAULT_EMPTY = {"works-by-model"}
NAMED = {q.name: render(q) for q in load_named_queries()}
NAMED |= {f"{q.name} {v}": render(q, v) for q in load_named_queries() for v in VARIANTS.get(q.name, ())}


@pytest.fixture(scope="module")
def published(virtuoso, seed_build_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    virtuoso.clear()
    build = Path(shutil.copytree(seed_build_dir, tmp_path_factory.mktemp("vpub") / "build"))
    done = subprocess.run([sys.executable, "-m", "peerkg", "publish", str(build), "--to", virtuoso.graph_store,
                           "--auth", "dba:dba"], capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "9 graph(s) replaced" in done.stdout
    return build


def test_every_graph_is_in_virtuoso(virtuoso, published: Path) -> None:
    assert per_graph(virtuoso.sparql) == manifest_graphs(published)
    record = json.loads((published / "publish-state.json").read_text(encoding="utf-8"))
    assert len(record["stores"][virtuoso.graph_store]["graphs"]) == 9


@pytest.fixture(scope="module")
def through_virtuoso(virtuoso, published: Path, tmp_path_factory: pytest.TempPathFactory):
    with running_server(tmp_path_factory.mktemp("vserve"), "--endpoint", virtuoso.sparql, seeds=True) as srv:
        yield srv


@pytest.fixture(scope="module")
def embedded(published: Path, tmp_path_factory: pytest.TempPathFactory):
    trig = "".join((published / n).read_text(encoding="utf-8") for n in ("peerkg.trig", "peerkg-evidence.trig"))
    with running_server(tmp_path_factory.mktemp("eserve"), trig=trig) as srv:
        yield srv


def answer(server, query: str) -> dict:
    resp = server.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.text[:2000]
    return resp.json()


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_query_rows_agree(through_virtuoso, embedded, name: str) -> None:
    query = NAMED[name]
    theirs, ours = json_rows(answer(through_virtuoso, query), query), json_rows(answer(embedded, query), query)
    assert theirs == ours, describe_difference(theirs, ours, ("Virtuoso", "embedded"))
    assert (sum(ours.values()) == 0) == (name in DEFAULT_EMPTY)
