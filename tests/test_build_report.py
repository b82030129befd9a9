"""The build report stays small: skipped lines are grouped into runs, a bounded number per page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from peerkg.model import LineStatus, PageRecord, SourceKind
from peerkg.model.page import LineNote
from peerkg.report import MAX_RANGES, _lines, skipped_ranges
from peerkg.resources import seed_pages

SEED_ARTICLE = next(p for p in seed_pages() if p.name.startswith("000"))
CHROME = ["TOP", "Copyright © 2019-2024 北京同舟云网络信息技术有限公司", "www.globalauthorid.com"]


def _record(notes: list[tuple[int, str, str]]) -> PageRecord:
    return PageRecord(kind=SourceKind.ARTICLE_PAGE, works=(), lines=tuple(
        LineNote(line, LineStatus.MAPPED if what == "mapped" else LineStatus.SKIPPED, what, f"line {line}")
        for line, what in ((n, w) for n, w, _ in notes)))


def test_runs_break_at_a_mapped_line_or_another_reason() -> None:
    record = _record([(1, "mapped", ""), (3, "ad", ""), (5, "ad", ""), (6, "chrome", ""), (7, "mapped", ""),
                      (9, "ad", "")])
    assert skipped_ranges(record) == [
        {"from": 3, "to": 5, "lines": 2, "reason": "ad", "text": "line 3"},
        {"from": 6, "to": 6, "lines": 1, "reason": "chrome", "text": "line 6"},
        {"from": 9, "to": 9, "lines": 1, "reason": "ad", "text": "line 9"}]


def test_ranges_per_page_are_bounded() -> None:
    notes = [(n, "ad" if n % 2 else "mapped", "") for n in range(1, 2 * MAX_RANGES + 101)]
    lines = _lines(_record(notes))
    assert lines["skipped"] == MAX_RANGES + 50 and lines["mapped"] == MAX_RANGES + 50
    assert len(lines["skipped_ranges"]) == MAX_RANGES and lines["skipped_ranges_not_listed"] == 50
    assert lines["skipped_by_reason"] == {"ad": MAX_RANGES + 50}


def test_a_page_of_120000_skipped_lines_gives_a_small_report(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    junk = "\n\n".join(CHROME * 40_000)
    text = SEED_ARTICLE.read_text(encoding="utf-8") + "\n\n" + junk + "\n"
    (pages / "big.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "peerkg", "build", str(pages), "--out", str(out), "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (out / "report.json").stat().st_size < 20_000
    (page,) = json.loads((out / "report.json").read_text(encoding="utf-8"))["pages"]
    assert page["lines"]["skipped"] == 120_013
    last = page["lines"]["skipped_ranges"][-1]
    assert (last["from"], last["lines"], last["reason"], last["text"]) == (31, 120_009, "site advertising/chrome",
                                                                          "同舟云学术")
    assert last["to"] == text.count("\n")  # the seed's own chrome lines, then every junk line to the last
    assert "skipped 120009 line(s): site advertising/chrome" in (out / "report.txt").read_text(encoding="utf-8")
