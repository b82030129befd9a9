"""Reading page files: encodings detected, the page size limit, saved HTML pages, files not read."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from layout_facts import EXPECTED, facts
from pagecheck import REPO
from peerkg.errors import InputError
from peerkg.inputs import read_page, unread_files
from peerkg.normalise.html import html_to_text
from peerkg.sources import parse_page

LAYOUTS = REPO / "tests" / "layouts"
HTML = sorted((REPO / "tests" / "layouts_html").glob("*.html"))
PAGE = (LAYOUTS / "fulltext_vlex_nodash.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b""), ("utf-16-be", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
])
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(bom + PAGE.encode(encoding))
    page = read_page(path)
    assert page.text == PAGE
    assert parse_page(page.text).works[0].title == "Self-help groups in a day centre: what members said"


def test_other_encodings_get_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Title\nAuthor: Jos\xe9 M\xfcller \u2013 2010\n".encode("cp1252"))
    with pytest.raises(InputError) as info:
        read_page(path)
    message = str(info.value)
    assert "cp1252.txt:2" in message and "not UTF-8 text: byte 0xe9" in message
    assert "UTF-16" in message and "re-save the page as UTF-8" in message


def test_binary_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\x00" * 20)
    with pytest.raises(InputError, match="binary file"):
        read_page(path)


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \u2013 peer</p>"
                     "</body></html>".encode("cp1252"))
    assert read_page(path).text.strip() == "Caf\xe9 \u2013 peer"


def test_page_size_limit_default_and_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(PAGE.encode() + b"x" * 5_000_001)
    with pytest.raises(InputError) as info:
        read_page(path)
    assert "over the 5 MB page size limit" in str(info.value) and "PEERKG_MAX_PAGE_MB" in str(info.value)
    monkeypatch.setenv("PEERKG_MAX_PAGE_MB", "6")
    assert read_page(path).text.startswith("Self-help groups")
    monkeypatch.setenv("PEERKG_MAX_PAGE_MB", "lots")
    with pytest.raises(InputError, match="not a positive number of megabytes"):
        read_page(path)


@pytest.mark.parametrize("path", HTML, ids=[p.name for p in HTML])
def test_html_pages_give_the_facts_of_their_text_version(path: Path) -> None:
    page = read_page(path)
    record = parse_page(page.text, path.name)
    kind, expected = EXPECTED[path.stem + ".txt"]
    assert record.kind.value == kind
    assert facts(record) == expected


def test_html_drops_scripts_styles_and_hidden_elements() -> None:
    text = html_to_text((REPO / "tests" / "layouts_html" / "fulltext_vlex_dash.html").read_text(encoding="utf-8"))
    for hidden in ("dataLayer", "font-weight", "We use cookies", "Accept all", "Log in", "enable JavaScript",
                   "Template text", "vLex United Kingdom"):
        assert hidden not in text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines[0] == "Developing peer support worker roles in a community mental health trust"
    assert "Pages5-12" in lines  # one line per block, label and value side by side as displayed


def test_html_ordered_lists_keep_their_numbers() -> None:
    text = html_to_text("<html><body><ol><li>Mead, S. (2001), x.</li><li>Repper, J. (2011), y.</li></ol>"
                        "<ul><li>Peer support</li></ul></body></html>")
    assert [ln.strip() for ln in text.splitlines() if ln.strip()] == [
        "1. Mead, S. (2001), x.", "2. Repper, J. (2011), y.", "Peer support"]


def test_files_not_read_are_listed_with_what_to_do(tmp_path: Path) -> None:
    for name in ("paper.pdf", "notes.docx", "data.csv", ".DS_Store"):
        (tmp_path / name).write_bytes(b"x")
    shutil.copy(HTML[0], tmp_path / "page.html")
    listed = {u.path.name: u.reason for u in unread_files([tmp_path])}
    assert sorted(listed) == ["data.csv", "notes.docx", "paper.pdf"]
    assert "pdftotext" in listed["paper.pdf"] and "plain text" in listed["notes.docx"]


def test_build_reads_html_and_lists_the_rest(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(REPO / "tests" / "layouts_html" / "fulltext_vlex_dash.html", pages / "saved.html")
    (pages / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "peerkg", "build", str(pages), "--out", str(out), "--quiet",
                          "--no-infer"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "paper.pdf: not read (.pdf files are not read: copy its text" in run.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [p["kind"] for p in report["pages"]] == ["full-text"]
    assert report["works"] == 1
    assert report["not_read"][0]["file"].endswith("paper.pdf")


def test_build_of_seeds_and_layout_pages_rejects_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "peerkg", "build", str(REPO / "seeds"), str(LAYOUTS),
                          str(REPO / "tests" / "layouts_html"), "--out", str(out), "--quiet", "--no-infer"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["rejected"] == [] and report["not_read"] == []
    assert len(report["pages"]) == 4 + len(list(LAYOUTS.glob("*.txt"))) + len(HTML)
    partial = sorted(Path(p["page"]).name for p in report["pages"] if p["status"] == "partial")
    assert partial == ["article_from_abstract.txt", "article_from_references.txt", "report_one_statement.html",
                       "report_one_statement.txt"]
    assert all(p["confidence"] is not None and p["evidence"] for p in report["pages"])
