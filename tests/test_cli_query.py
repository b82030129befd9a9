"""`peerkg query` as a user runs it: which data it reads without --data, predeclared prefixes, errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``build/``, as `peerkg build` (default --out) leaves it."""
    home = tmp_path_factory.mktemp("project")
    result = run("build", "--quiet", cwd=home)
    assert result.returncode == 0, result.stdout + result.stderr
    return home


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


TITLES = "SELECT ?title WHERE { ?w bibo:doi ?doi ; dcterms:title ?title } ORDER BY ?title"
TITLE_LINES = ["title", '"Peer support – the what, why, who, how and now"', "Where is peer support going?"]


def test_without_data_and_without_build_says_how_to_make_one(tmp_path: Path) -> None:
    start = time.monotonic()
    result = run("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", cwd=tmp_path)
    assert result.returncode == 2
    assert "no build to query: build/peerkg.trig does not exist" in result.stderr
    assert "peerkg build" in result.stderr and "--data FILE" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing built, nothing written
    assert time.monotonic() - start < 30


def test_without_data_queries_the_last_build(built: Path, tmp_path: Path) -> None:
    before = _snapshot(built / "build")
    result = run("query", TITLES, "--format", "csv", cwd=built)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == TITLE_LINES
    # what it answers is the build's own data: the same query over --data gives the same lines
    explicit = run("query", TITLES, "--format", "csv", "--data", str(built / "build" / "peerkg.trig"), cwd=tmp_path)
    assert explicit.stdout == result.stdout
    assert _snapshot(built / "build") == before


def test_a_query_with_its_own_prefix_keeps_the_predeclared_ones(built: Path) -> None:
    result = run("query", "PREFIX ex: <http://example.org/> " + TITLES, "--format", "csv", cwd=built)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == TITLE_LINES


def test_undeclared_prefix_is_named(built: Path) -> None:
    before = _snapshot(built / "build")
    result = run("query", "SELECT ?x WHERE { ?x foo:bar ?y }", cwd=built)
    assert result.returncode == 2
    assert result.stderr.strip() == ("Error: the query is not valid SPARQL: error at line 1, column 22: "
                                     "unknown prefix foo: (declare it: PREFIX foo: <…>)")
    assert _snapshot(built / "build") == before


def test_select_star_columns_in_query_order(built: Path) -> None:
    result = run("query", "SELECT * WHERE { ?work bibo:doi ?doi ; a fabio:JournalArticle } LIMIT 1",
                 "--format", "csv", cwd=built)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "work,doi"


def test_build_folder_can_be_copied(built: Path, tmp_path: Path) -> None:
    shutil.copytree(built / "build", tmp_path / "build")
    result = run("query", "ASK { ?s a foaf:Person }", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == '{"head": {}, "boolean": true}'
