"""Benchmark the build on synthetic page sets derived from the seeds.

Run by hand (not in CI):  python bench/bench_build.py [--copies N]

Each seed page is copied N times with its identifiers, titles and names varied (so identity and linking
see N distinct works per page kind, not N copies of one). Stages are timed in one run and printed as
ratios against the named baseline **parse** (reading and parsing the pages, nothing else):

    parse            baseline: read + detect + parse
    build-asserted   + identity, linking, mapping to RDF (no validation, no inference)
    build+validate   + SHACL validation (pyshacl)
    build+infer      + OWL RL inference (owlrl) instead of validation
    serialise        TriG + Turtle + N-Triples + N-Quads of the asserted build
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peerkg.pipeline import build_dataset, parse_pages, read_pages
from peerkg.resources import seed_pages


def synthesise(folder: Path, copies: int) -> list[Path]:
    """Write ``copies`` variants of each seed page into ``folder``."""
    paths = []
    for seed in seed_pages():
        text = seed.read_text(encoding="utf-8")
        for n in range(copies):
            variant = re.sub(r"10\.1108/([A-Za-z]+)-", lambda m, n=n: f"10.1108/{m.group(1)}{n}-", text)
            variant = variant.replace("peer support", f"peer support {n}" if n % 7 == 0 else "peer support")
            variant = re.sub(r"\b(Faulkner|Basset|Repper|Perkins|Gray|Sisto)\b", lambda m, n=n: f"{m.group(1)}{n}",
                             variant)
            path = folder / f"{seed.stem}_{n:05d}.txt"
            path.write_text(variant, encoding="utf-8")
            paths.append(path)
    return paths


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=25, help="variants per seed page (default 25)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = synthesise(Path(tmp), args.copies)
        base, _ = timed(lambda: parse_pages(read_pages(paths)[0]))
        asserted, result = timed(lambda: build_dataset(paths, validate=False, infer=False))
        validated, _ = timed(lambda: build_dataset(paths, validate=True, infer=False))
        inferred, _ = timed(lambda: build_dataset(paths, validate=False, infer=True))
        serialised, _ = timed(lambda: (result.trig, result.ttl, result.nt, result.nq))  # type: ignore[union-attr]
    triples = sum(len(g) for g in result.dataset.graphs())  # type: ignore[union-attr]
    print(f"{len(paths)} pages, {triples} asserted triples; baseline = parse ({base:.2f} s)")
    for name, seconds in [("parse", base), ("build-asserted", asserted), ("build+validate", validated),
                          ("build+infer", inferred), ("serialise", serialised)]:
        print(f"  {name:<16} {seconds:8.2f} s   {seconds / base:7.1f}x parse   "
              f"{len(paths) / seconds:8.1f} pages/s")


if __name__ == "__main__":
    main()
