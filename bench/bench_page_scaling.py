"""Benchmark: parsing and resolving grow linearly with the size of a page.

Run by hand (not in CI):  python bench/bench_page_scaling.py [--lines N] [--build]

Fuzzed pages: every distinct line of the seeds and of tests/layouts, repeated N and 10×N times as one page
(the hostile-input case of a page made of one line repeated thousands of times). For each, the time of
**parse** (detection + the kind's parser, or the fragment readers) and of **parse+resolve** (the reference
strings read and entity resolution over the page) at N and 10×N lines, and the ratio: 10× the lines should
cost ≤ 12× the time (CPU time of this process, the best of ``--repeat`` runs, so that other processes on a
shared machine do not count). Prints the worst lines. With ``--build``, also the whole build (validation included,
no inference) for the worst reference line, at N/10 and N lines.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from peerkg.collector import collector_paused
from peerkg.errors import PeerkgError
from peerkg.inputs import PageInput
from peerkg.model import SourceDocument
from peerkg.pipeline import build_dataset, parse_one
from peerkg.resolve import resolve

REPO = Path(__file__).resolve().parents[1]


def distinct_lines() -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "layouts").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(line, None)
    return list(seen)


def timed_parse(text: str, with_resolve: bool, repeat: int = 1) -> float:
    """The best CPU time of ``repeat`` runs of parse (and resolve) over ``text``."""
    page = PageInput(path=Path("fuzz.txt"), document=SourceDocument("fuzz.txt", "0" * 64, len(text)), text=text)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        try:
            with collector_paused():  # as the build reads a page (peerkg.per_page)
                parsed = parse_one(page)
            if with_resolve:
                resolve([parsed])
        except PeerkgError:
            pass
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=300, help="repetitions of the small page (default 300)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timing, the best kept (default 1)")
    parser.add_argument("--build", action="store_true", help="also time whole builds of the worst line")
    args = parser.parse_args()
    n = args.lines
    rows = []
    for line in distinct_lines():
        small, large = "\n".join([line] * n), "\n".join([line] * (10 * n))
        r = args.repeat
        parse_ratio = timed_parse(large, False, r) / max(timed_parse(small, False, r), 1e-4)
        t_small, t_large = timed_parse(small, True, r), timed_parse(large, True, r)
        rows.append((t_large / max(t_small, 1e-4), parse_ratio, t_small, t_large, line))
    rows.sort(reverse=True)
    print(f"{len(rows)} distinct lines, pages of {n} and {10 * n} lines; ratio = time(10x) / time(1x)")
    print("parse+resolve  parse   1x s   10x s  line")
    for ratio, parse_ratio, t_small, t_large, line in rows[:10]:
        print(f"{ratio:13.1f} {parse_ratio:6.1f} {t_small:6.3f} {t_large:7.3f}  {line[:60]}")
    over = [r for r in rows if r[0] > 12 and r[3] > 0.05]
    print(f"lines over 12x (and over 50 ms): {len(over)}")
    if args.build:
        worst = next(r[4] for r in rows if re.match(r"^\d{1,3}\.\s+\S", r[4]))  # the worst reference line
        times = []
        for reps in (n // 10 or 1, n):
            folder = Path(tempfile.mkdtemp())
            (folder / "fuzz.txt").write_text("\n".join([worst] * reps), encoding="utf-8")
            start = time.perf_counter()
            build_dataset([folder], infer=False)
            times.append(time.perf_counter() - start)
        print(f"whole build, {n // 10 or 1} vs {n} lines of {worst[:40]!r}: {times[0]:.2f} s, {times[1]:.2f} s, "
              f"ratio {times[1] / times[0]:.1f}")


if __name__ == "__main__":
    main()
