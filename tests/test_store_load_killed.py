"""A ``peerkg load`` killed with ``kill -9`` mid-way leaves the previous store, served as it was, or — for a
store that did not exist yet — nothing ``peerkg serve --store`` takes: it refuses, saying to rerun the load."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest_web import FIXTURE_TRIG, running_server
from peerkg.store.staging import leftovers, load_lock, swap_in
from peerkg.store.union import FACTS

ENV = dict(os.environ, PYTHONUNBUFFERED="1")


def _peerkg(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "peerkg", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=ENV)


def _big_nquads(path: Path, quads: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(quads):
            out.write(f'<http://example.org/s{i}> <http://example.org/p{i % 7}> "value {i}" '
                      f"<http://example.org/g{i % 3}> .\n")
    return path


def _kill_mid_way(proc: subprocess.Popen[str], target: Path) -> None:
    """SIGKILL the load once it is writing its store (its staging folder holds RocksDB files)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        staging = [p for p in leftovers(target) if ".loading-" in p.name]
        if staging and any(staging[0].glob("*.log")):
            time.sleep(0.5)
            break
        assert proc.poll() is None, proc.communicate()[0]
        time.sleep(0.02)
    assert proc.poll() is None, "the load finished before it could be killed: give it a bigger input"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert leftovers(target), "killed mid-way: the load's staging folder is still there"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _big_nquads(tmp_path_factory.mktemp("big") / "big.nq", 300_000)


def test_killed_load_leaves_the_previous_store(tmp_path: Path, big: Path) -> None:
    small = tmp_path / "small.trig"
    small.write_text(FIXTURE_TRIG, encoding="utf-8")
    store = tmp_path / "store"
    first = _peerkg("load", str(small), "--store", str(store))
    assert first.wait(60) == 0, first.communicate()[0]
    facts = (store / FACTS).read_bytes()
    triples = json.loads(facts)["union_triples"]
    assert triples == 26  # the fixture's distinct triples

    _kill_mid_way(_peerkg("load", str(big), "--store", str(store)), store)
    assert (store / FACTS).read_bytes() == facts
    with running_server(tmp_path, "--store", str(store), "--workers", "2", seeds=True) as server:
        resp = server.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"})
        assert int(resp.json()["results"]["bindings"][0]["n"]["value"]) == triples
        assert server.get("/health").json()["triples"] == triples
    # the next load of that store removes what the killed one left, and adds its files
    again = _peerkg("load", str(small), "--store", str(store))
    assert again.wait(60) == 0, again.communicate()[0]
    assert leftovers(store) == []
    assert json.loads((store / FACTS).read_bytes())["union_triples"] == triples


def test_killed_first_load_is_refused_by_serve(tmp_path: Path, big: Path) -> None:
    store = tmp_path / "fresh"
    _kill_mid_way(_peerkg("load", str(big), "--store", str(store)), store)
    assert not (store / "CURRENT").exists()
    serve = _peerkg("serve", "--store", str(store), "--port", "0")
    out, _ = serve.communicate(timeout=60)
    assert serve.returncode != 0
    assert "a peerkg load of it was stopped before it finished" in out, out
    assert f"peerkg load FILE… --store {store}" in out, out


@pytest.mark.parametrize("exchange", [True, False])
def test_swap_in_replaces_the_store_whole(tmp_path: Path, exchange: bool) -> None:
    target, staging = tmp_path / "store", tmp_path / ".store.loading-1"
    target.mkdir()
    (target / "old").write_text("previous")
    staging.mkdir()
    (staging / "new").write_text("complete")
    swap_in(staging, target, exchange=exchange)
    assert sorted(p.name for p in target.iterdir()) == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_a_second_load_of_the_same_store_is_refused(tmp_path: Path) -> None:
    """While one load holds the store, another is refused at once (it would drop the first one's files)."""
    small = tmp_path / "small.trig"
    small.write_text(FIXTURE_TRIG, encoding="utf-8")
    store = tmp_path / "store"
    with load_lock(store):
        second = _peerkg("load", str(small), "--store", str(store))
        out, _ = second.communicate(timeout=60)
    assert second.returncode != 0
    assert "another peerkg load of this store is running" in out, out
    assert not store.exists()
    after = _peerkg("load", str(small), "--store", str(store))
    assert after.wait(60) == 0, after.communicate()[0]
