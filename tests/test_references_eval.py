"""The hand-written evaluation set (tests/data/references_eval.tsv): per-field and per-style accuracy.

The strings were written by hand in the styles of real reference lists of this literature (with the
damage scrapes show) and are never seen by training. Every field of every row counts, empty ones
included: a field the parser invents is as wrong as one it misses.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from peerkg.references import parse_reference
from test_references import project

HERE = Path(__file__).resolve().parent


def _rows() -> list[tuple[str, str, dict[str, object]]]:
    rows = []
    for line in (HERE / "data" / "references_eval.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            style, ref, expected = line.split("\t")
            rows.append((style, ref, json.loads(expected)))
    return rows


ROWS = _rows()


def score() -> tuple[Counter[str], Counter[str], Counter[str], Counter[str], list[str]]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    s_right: Counter[str] = Counter()
    s_total: Counter[str] = Counter()
    misses: list[str] = []
    for style, ref, expected in ROWS:
        got = project(parse_reference(ref))
        for key in set(got) | set(expected):
            ok = got.get(key) == expected.get(key)
            total[key] += 1
            right[key] += ok
            s_total[style] += 1
            s_right[style] += ok
            if not ok:
                misses.append(f"[{style}] {key}: want {expected.get(key)!r} got {got.get(key)!r}  | {ref[:90]}")
    return right, total, s_right, s_total, misses


def test_eval_set_is_large_and_varied() -> None:
    assert len(ROWS) >= 200
    styles = Counter(s for s, _, _ in ROWS)
    assert len(styles) >= 11 and min(styles.values()) >= 10, styles
    types = Counter(str(e["type"]) for _, _, e in ROWS)
    for t in ("journal-article", "book", "book-chapter", "report", "thesis", "web-page"):
        assert types[t] >= 3, (t, types)


def test_field_and_style_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    right, total, s_right, s_total, misses = score()
    overall = sum(right.values()) / sum(total.values())
    with capsys.disabled():
        print(f"\nreference eval set: {len(ROWS)} strings, fields {sum(right.values())}/{sum(total.values())}"
              f" = {overall:.3f}")
        print("  by field: " + ", ".join(f"{k} {right[k] / total[k]:.3f} ({total[k]})" for k in sorted(total)))
        print("  by style: " + ", ".join(f"{k} {s_right[k] / s_total[k]:.3f}" for k in sorted(s_total)))
    assert overall >= 0.95, "\n".join(misses)
    for style in s_total:
        assert s_right[style] / s_total[style] >= 0.9, (style, [m for m in misses if m.startswith(f"[{style}]")])
