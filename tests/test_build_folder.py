"""The build folder: dumps written by pyoxigraph, read back by rdflib, described by manifest.json."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from peerkg.resources import seed_pages

EVIDENCE = "https://w3id.org/psmh/graph/evidence"
DUMPS = ("peerkg.trig", "peerkg.nq", "peerkg.ttl", "peerkg.nt", "peerkg.jsonld", "peerkg-evidence.trig",
         "peerkg-evidence.nq")
RDFLIB_FORMAT = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def build(out: Path, *args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "peerkg", "build", "--out", str(out), "--quiet", *args],
                          capture_output=True, text=True, timeout=600, env=env)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = build(out, seed="1")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _dataset(*paths: Path) -> Dataset:
    ds = Dataset()
    for path in paths:
        ds.parse(path, format=RDFLIB_FORMAT[path.suffix])
    return ds


def test_manifest_lists_every_dump_with_its_bytes_and_sha256(folder: Path, manifest: dict) -> None:
    assert sorted(manifest["files"]) == sorted(DUMPS)
    for name, entry in manifest["files"].items():
        data = (folder / name).read_bytes()
        assert entry["bytes"] == len(data), name
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
    assert manifest["manifest_version"] == 1 and manifest["evidence_graph"] == EVIDENCE


@pytest.mark.parametrize("name", DUMPS)
def test_counts_are_what_rdflib_reads_in_the_dump(folder: Path, manifest: dict, name: str) -> None:
    entry = manifest["files"][name]
    if name.endswith((".ttl", ".nt")):
        assert entry["triples"] == len(Graph().parse(folder / name, format=RDFLIB_FORMAT[Path(name).suffix]))
    else:
        ds = _dataset(folder / name)
        assert entry["quads"] == len(list(ds.quads()))
        assert entry["graphs"] == len([g for g in ds.graphs() if len(g)])


def test_triples_per_graph_and_the_union_as_a_set(folder: Path, manifest: dict) -> None:
    ds = _dataset(folder / "peerkg.trig", folder / "peerkg-evidence.trig")
    per_graph = {str(g.identifier): len(g) for g in ds.graphs() if len(g)}
    assert manifest["graphs"] == per_graph
    assert sum(n.startswith("https://w3id.org/psmh/graph/source/") for n in per_graph) == 4
    compact = {(s, p, o) for s, p, o, g in ds.quads() if str(g) != EVIDENCE}
    everything = {(s, p, o) for s, p, o, _g in ds.quads()}
    assert manifest["union_triples"] == len(compact) == manifest["files"]["peerkg.nt"]["triples"]
    assert manifest["union_triples_with_evidence"] == len(everything)
    quads = manifest["files"]["peerkg.nq"]["quads"]
    assert quads == sum(n for g, n in per_graph.items() if g != EVIDENCE)
    assert manifest["union_triples"] < quads  # the seeds state some triples in several graphs: counted once


def test_evidence_is_only_in_its_own_dump(folder: Path, manifest: dict) -> None:
    default = _dataset(folder / "peerkg.trig")
    assert URIRef(EVIDENCE) not in {g.identifier for g in default.graphs() if len(g)}
    assert EVIDENCE.encode() not in (folder / "peerkg.nq").read_bytes()
    evidence = _dataset(folder / "peerkg-evidence.nq")
    assert {str(g.identifier) for g in evidence.graphs() if len(g)} == {EVIDENCE}
    union = Graph().parse(folder / "peerkg.ttl", format="turtle")
    only_evidence = {(s, p, o) for s, p, o, _g in evidence.quads()} - set(union)
    assert len(only_evidence) == manifest["union_triples_with_evidence"] - manifest["union_triples"]
    assert len(only_evidence) > 1000  # every concept hit: thousands on the seeds, none in the union dumps


def test_two_builds_are_byte_identical(folder: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build(again, seed="2")
    assert result.returncode == 0, result.stderr
    for name in (*DUMPS, "manifest.json"):
        assert (again / name).read_bytes() == (folder / name).read_bytes(), name


def test_max_page_mb_refuses_bigger_pages(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    small, big = seed_pages()[0], seed_pages()[1]
    shutil.copy(small, pages / "small.txt")
    shutil.copy(big, pages / "big.txt")
    limit = (small.stat().st_size + big.stat().st_size) / 2 / 1_000_000
    assert small.stat().st_size < limit * 1_000_000 < big.stat().st_size
    result = build(tmp_path / "out", str(pages), "--max-page-mb", f"{limit:.6f}")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "big.txt" in result.stderr and "page size limit" in result.stderr and "--max-page-mb" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [Path(p).name for p in report["rejected"]] == ["big.txt"]


def test_max_page_mb_must_be_positive(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "--max-page-mb", "0")
    assert result.returncode == 2
    assert "--max-page-mb" in result.stderr and "not a positive number of megabytes" in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_page_size_limit_in_the_environment_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PEERKG_MAX_PAGE_MB", "lots")
    result = build(tmp_path / "out")
    assert result.returncode == 2
    assert "PEERKG_MAX_PAGE_MB='lots' is not a positive number of megabytes" in result.stderr
    assert "--max-page-mb" in result.stderr and "rejected" not in result.stderr
    assert not (tmp_path / "out").exists()
    result = build(tmp_path / "out", "--max-page-mb", "20")  # the option wins over the environment
    assert result.returncode == 0, result.stderr
