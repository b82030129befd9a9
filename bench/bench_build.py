"""Benchmark the whole build on page sets made from the seeds (identifiers, titles and names varied).

Run by hand (not in CI):  python bench/bench_build.py [--pages 1000] [--workers 1 2]

Each seed page is copied N times with its DOIs, author names and some text varied, so identity and linking
see N distinct works per page kind, not N copies of one. Every measurement runs in a fresh process (so
its peak RSS is its own) on the same pages, one after the other:

    parse            baseline: read + detect + parse every page, one process, nothing else
    build wN         the default build (``peerkg build``: read, parse, tag in N worker processes; resolve,
                     map, SHACL validation, OWL RL inference, every dump and the manifest), N workers

Printed per run: seconds, pages/s, ratio to the baseline, peak RSS (the build's process and, separately,
its largest worker), per-stage seconds, triples per page (union dump, evidence dump); and the speed-up of
the largest worker count over 1 worker.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def one(mode: str, folder: Path, workers: int) -> dict:
    """One measurement, in this (fresh) process."""
    from peerkg.pipeline import build_dataset, parse_pages, read_pages

    paths = sorted(folder.glob("*.txt"))
    start = time.perf_counter()
    facts: dict = {}
    if mode == "parse":
        parse_pages(read_pages(paths)[0])
    else:
        result = build_dataset(paths, workers=workers)
        manifest = result.dumps.manifest
        facts = {"stages": result.timings, "union_triples": manifest["union_triples"],
                 "evidence_triples": manifest["graphs"].get(manifest["evidence_graph"], 0),
                 "conforms": getattr(result.validation, "conforms", None)}
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": len(paths), "rss_mb": _peak_mb(resource.RUSAGE_SELF),
            "worker_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN), **facts}


def measure(mode: str, folder: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", mode, "--folder", str(folder), "--workers",
                          str(workers)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="pages in all (a multiple of 4; default 1000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.folder, args.workers[0])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = synthesise(Path(tmp), max(1, args.pages // 4))
        base = measure("parse", Path(tmp), 1)
        runs = {w: measure("build", Path(tmp), w) for w in args.workers}
    print(f"{len(paths)} pages; baseline = parse ({base['seconds']:.1f} s, {base['rss_mb']:.0f} MB)")
    for workers, run in runs.items():
        stages = ", ".join(f"{k} {v:.1f}" for k, v in run["stages"].items())
        print(f"  build w{workers:<3} {run['seconds']:7.1f} s  {run['pages'] / run['seconds']:6.1f} pages/s  "
              f"{run['seconds'] / base['seconds']:5.1f}x parse  peak RSS {run['rss_mb']:.0f} MB "
              f"(worker {run['worker_rss_mb']:.0f} MB)  conforms={run['conforms']}")
        print(f"           stages (s): {stages}")
        print(f"           triples/page: {run['union_triples'] / run['pages']:.0f} in the union dumps, "
              f"{run['evidence_triples'] / run['pages']:.0f} in the evidence dump")
    if 1 in runs and len(runs) > 1:
        most = max(runs)
        print(f"  speed-up w{most} over w1: {runs[1]['seconds'] / runs[most]['seconds']:.2f}x")


if __name__ == "__main__":
    main()
