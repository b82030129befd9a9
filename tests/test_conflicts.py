"""A build whose graph breaks its own shapes names the pages that conflict and why: two stored copies of one
article (the same title and year, so one work node) that print different page ranges."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pagecheck import REPO
from peerkg.pipeline import build_dataset
from peerkg.report import as_text, build_report

PAGE = REPO / "tests" / "layouts" / "fulltext_vlex_dash.txt"


@pytest.fixture()
def copies(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    text = PAGE.read_text(encoding="utf-8")
    (pages / "first.txt").write_text(text, encoding="utf-8")
    (pages / "corrected.txt").write_text(text.replace("Pages5-12", "Pages5-13"), encoding="utf-8")
    return pages


def test_clash_names_both_pages_their_values_and_why(copies: Path) -> None:
    result = build_dataset([copies], infer=False)
    assert not result.validation.conforms and result.validation.violations == 1
    (clash,) = result.clashes
    assert clash.path == "http://purl.org/ontology/bibo/pageEnd" and clash.between_pages
    assert [Path(p).name for p in clash.pages] == ["corrected.txt", "first.txt"]
    assert [(v, [Path(p).name for p in pages]) for v, pages in clash.values] == [
        ('"12"', ["first.txt"]), ('"13"', ["corrected.txt"])]
    assert clash.why is not None and clash.why.startswith("same-title-and-year: title 'Developing peer support")
    text = as_text(build_report(result))
    line = next(t for t in text.splitlines() if t.startswith("conflict: "))
    assert 'first.txt gives "12"' in line and 'corrected.txt gives "13"' in line
    assert "one node because same-title-and-year" in line


def test_a_conforming_build_has_no_clashes() -> None:
    result = build_dataset([PAGE], infer=False)
    assert result.validation.violations == 0 and result.clashes == []
    assert build_report(result)["conflicts"] == []


def test_cli_exit_message_names_the_pages(copies: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "peerkg", "build", str(copies), "--out", str(out), "--quiet",
                          "--no-infer"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 node(s) where pages disagree, between" in run.stderr
    assert str(copies / "corrected.txt") in run.stderr and str(copies / "first.txt") in run.stderr
    (conflict,) = json.loads((out / "report.json").read_text(encoding="utf-8"))["conflicts"]
    assert sorted(Path(p).name for p in conflict["pages"]) == ["corrected.txt", "first.txt"]


def test_one_work_on_two_pages_with_lists_in_another_order_keeps_each_entry(tmp_path: Path) -> None:
    """IRIs follow identity: entry 1 of one copy and entry 1 of the other are different references (each its own
    node), while the two entries that cite the same work point to one cited node."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from peerkg.rdf.namespaces import BIRO, C4O

    text = (REPO / "tests" / "layouts" / "article_from_author.txt").read_text(encoding="utf-8")
    first, second = (line for line in text.splitlines() if line.startswith(("1. ", "2. ")))
    swapped = text.replace(first, "@").replace(second, "2. " + first[3:]).replace("@", "1. " + second[3:])
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(swapped, encoding="utf-8")
    result = build_dataset([tmp_path], infer=False)
    assert result.validation.violations == 0 and result.clashes == []
    assert len({w for page in result.decisions.pages for w in page.works}) == 1
    union = result.union
    entries = {str(r): str(union.value(r, C4O.hasContent))
               for r in union.subjects(RDF.type, BIRO.BibliographicReference)}
    assert len(entries) == 5  # entry 3 is the same on both pages; 1 and 2 differ
    cited = {str(union.value(URIRef(r), BIRO.references)): t[:12] for r, t in entries.items()}
    assert sorted(cited.values()) == ["Faulkner, A.", "Mead, S., Hi", "Repper, J. a"]
