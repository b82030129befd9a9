"""Benchmark reference-string parsing: strings per second on one core, as ratios against the rule reader.

Run by hand (not in CI):  python bench/bench_references.py [--strings N]

Strings are drawn by the training generator with a seed training does not use (so the figures do not
depend on the evaluation set). Times, in one process, the named baseline **rules** (the older rule
reader alone) against **crf** (the CRF reading alone) and **parse_reference** (what the build runs).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from peerkg.references import parse_reference, rules
from peerkg.references.parser import read_crf
from peerkg.references.synth.corpus import examples


def rate(fn: Callable[[str], object], texts: list[str]) -> float:
    fn(texts[0])
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strings", type=int, default=3000)
    args = ap.parse_args()
    texts = [e.text for e in examples(args.strings, 9901)]
    base = rate(rules.parse_reference, texts)
    print(f"{len(texts)} strings; rules (baseline) {base:,.0f}/s")
    for name, fn in (("crf", read_crf), ("parse_reference", parse_reference)):
        r = rate(fn, texts)
        print(f"{name:16} {r:,.0f} strings/s  ({r / base:.2f}x rules)")


if __name__ == "__main__":
    main()
