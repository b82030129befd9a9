"""`peerkg build` / `validate` / `infer` as a user runs them: outputs, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from peerkg.resources import seed_pages

SEED_LISTING = next(p for p in seed_pages() if p.name.startswith("001"))
SEED_REPORT = next(p for p in seed_pages() if p.name.startswith("002"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = run("build", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_build_writes_all_outputs(built):
    for name in ("peerkg.trig", "peerkg.ttl", "peerkg.nt", "peerkg.nq", "report.json", "report.txt"):
        assert (built / name).stat().st_size > 0, name
    ds = Dataset()
    ds.parse(built / "peerkg.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert sum(n.startswith("https://w3id.org/psmh/graph/source/") for n in names) == 4
    assert "https://w3id.org/psmh/graph/ontology" in names
    union = Graph().parse(built / "peerkg.ttl", format="turtle")
    nt = Graph().parse(built / "peerkg.nt", format="nt")
    assert len(union) == len(nt)
    report = json.loads((built / "report.json").read_text())
    assert report["rejected"] == []
    assert report["works"] >= 12
    assert all(p["status"] == "ok" for p in report["pages"])


def test_bad_pages_are_reported_and_the_rest_built(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED_REPORT, pages / "good.txt")
    (pages / "empty.txt").write_text("")
    (pages / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (pages / "prose.txt").write_text("Dear diary,\nToday it rained and I stayed home reading.\n")
    out = tmp_path / "out"
    result = run("build", str(pages), "--out", str(out), "--quiet")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "empty.txt" in result.stderr and "file is empty" in result.stderr
    assert "binary.txt" in result.stderr and "binary" in result.stderr
    assert "prose.txt" in result.stderr and "not a page of any known kind" in result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((out / "report.json").read_text())
    assert sorted(Path(p).name for p in report["rejected"]) == ["binary.txt", "empty.txt", "prose.txt"]
    union = Graph().parse(out / "peerkg.ttl", format="turtle")
    assert any("Peer support – the what, why, who, how and now" in str(o) for o in union.objects())


def test_strict_abort_leaves_previous_output_intact(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED_REPORT, pages / "good.txt")
    out = tmp_path / "out"
    assert run("build", str(pages), "--out", str(out), "--quiet").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (pages / "empty.txt").write_text("   \n")
    result = run("build", str(pages), "--out", str(out), "--strict", "--quiet")
    assert result.returncode == 2
    assert "empty.txt" in result.stderr
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before


def test_unreadable_path_is_a_clear_error(tmp_path):
    result = run("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "missing.txt" in result.stderr and "no such file" in result.stderr
    assert not (tmp_path / "o").exists()


def test_validate_own_output_and_broken_data(built, tmp_path):
    ok = run("validate", str(built / "peerkg.ttl"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix bibo: <http://purl.org/ontology/bibo/> .
<https://example.org/w> a dcterms:BibliographicResource ; dcterms:title "X"@en ;
    bibo:doi "not-a-doi" .
""")
    result = run("validate", str(bad), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    result = run("validate", str(broken))
    assert result.returncode == 2
    assert "broken.ttl" in result.stderr


def test_infer_writes_inferred_graph(built, tmp_path):
    out = tmp_path / "inferred.trig"
    result = run("infer", str(built / "peerkg.trig"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert "https://w3id.org/psmh/graph/ontology" in names


def test_help_has_examples():
    for verb in ("build", "validate", "infer"):
        result = run(verb, "--help")
        assert result.returncode == 0
        assert "Example:" in result.stdout


def test_cut_page_is_built_partial_and_strict_rejects_it(tmp_path):
    text = SEED_REPORT.read_text(encoding="utf-8")
    cut_at = text.index("Im Zentrum meiner Dissertation")  # mid-statement, in the last citation statement
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "cut.txt").write_text(text[:cut_at], encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(pages), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((out / "report.json").read_text())
    (page,) = report["pages"]
    assert page["status"] == "partial"
    assert page["problems"]
    assert page["works"][0]["doi"] == "10.1108/jmhtep-03-2015-0013"
    assert page["works"][0]["statements"] == 5  # the cut sixth statement is not invented
    strict = run("build", str(pages), "--out", str(tmp_path / "strict"), "--strict", "--quiet")
    assert strict.returncode == 2
    assert "cut.txt" in strict.stderr and "cut short" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_builds_in_separate_processes_are_byte_identical(built, tmp_path):
    import os

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = tmp_path / "again"
    result = subprocess.run([sys.executable, "-m", "peerkg", "build", "--out", str(out), "--quiet"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    for name in ("peerkg.trig", "peerkg.ttl", "peerkg.nt", "peerkg.nq", "report.json"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_query_syntax_error_names_the_users_line(built):
    result = run("query", "SELECT ?x\nWHERE { ?x ?y }", "--data", str(built / "peerkg.trig"))
    assert result.returncode == 2
    assert "not valid SPARQL" in result.stderr and "line 2" in result.stderr
    assert "Traceback" not in result.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("case", ["empty folder", "every page rejected"])
def test_build_without_works_keeps_previous_output_and_exits_2(built, tmp_path, case):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    pages = tmp_path / "pages"
    pages.mkdir()
    if case == "every page rejected":
        (pages / "a.txt").write_text("just some words\nthat are no page\n", encoding="utf-8")
    result = run("build", str(pages), "--out", str(out), "--quiet")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "no work could be built" in result.stderr
    assert f"the previous output in {out}/ is untouched" in result.stderr
    if case == "every page rejected":
        assert "a.txt" in result.stderr and "rejected" in result.stderr
    assert _snapshot(out) == before


def test_ctrl_c_exits_130_and_leaves_previous_output_intact(built, tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(30):  # long enough a build to interrupt it; distinct bytes, so that no copy is a duplicate
        for page in seed_pages():
            (pages / f"{n:02d}-{page.name}").write_bytes(page.read_bytes() + b"\n" * n)
    proc = subprocess.Popen([sys.executable, "-m", "peerkg", "build", str(pages), "--out", str(out), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stdout + stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"interrupted: nothing written, the previous output in {out}/ is intact"]
    assert _snapshot(out) == before
