"""Benchmark reference-string parsing: strings per second on one core, as ratios against the rule reader.

Run by hand (not in CI):  python bench/bench_references.py [--strings N] [--rounds R]

Strings are drawn by the training generator with a seed training does not use (so the figures do not
depend on the evaluation set). Times, in one process, the named baseline **rules** (the older rule
reader alone) against **crf** (the CRF reading alone) and **parse_reference** (what the build runs).
Each reader parses the whole list once per round, the readers taking turns; the best round of each
counts (on a shared machine the best round is the one least disturbed by other processes). The CPU
time of the process in that round is printed too: strings per second per core.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from peerkg.references import parse_reference, rules
from peerkg.references.parser import read_crf
from peerkg.references.synth.corpus import examples


def one_round(fn: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to parse ``texts`` once."""
    wall, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        fn(t)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strings", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = [e.text for e in examples(args.strings, 9901)]
    readers: dict[str, Callable[[str], object]] = {
        "rules": rules.parse_reference, "crf": read_crf, "parse_reference": parse_reference}
    for fn in readers.values():
        fn(texts[0])  # the model is read on first use
    best = {name: (float("inf"), float("inf")) for name in readers}
    for _ in range(args.rounds):
        for name, fn in readers.items():
            wall, cpu = one_round(fn, texts)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    n = len(texts)
    base = n / best["rules"][0]
    print(f"{n} strings, best of {args.rounds} rounds")
    for name, (wall, cpu) in best.items():
        label = "rules (baseline)" if name == "rules" else name
        print(f"{label:17} {n / wall:7,.0f} strings/s  ({n / cpu:7,.0f}/s of CPU time)  "
              f"{n / wall / base:.2f}x rules")


if __name__ == "__main__":
    main()
