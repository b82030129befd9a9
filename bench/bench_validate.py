"""Benchmark SHACL validation of a synthetic build against a named baseline, in one run.

Run by hand (not in CI):  python bench/bench_validate.py [--copies N] [--baseline COMMIT]

Builds the synthetic page set of ``bench_build.py`` (each seed page copied N times with identifiers,
titles and names varied), then validates the same asserted Dataset three ways:

    baseline         shapes/peerkg.ttl and src/peerkg/validation.py as of the baseline commit (read with
                     ``git show``), i.e. validation as it was before the speed work
    old shapes       the baseline shapes with the current validation module (what the module alone gains)
    current          the current shapes with the current validation module

and prints the times and their ratios against the baseline: each run is repeated (``--repeat``, garbage
collected in between) and both the first run (a fresh process parses each SPARQL constraint once) and the
best run are shown; the ratio is best against best. It asserts that all three report the same set
of (focus node, path, severity) results on that data, and that baseline and "old shapes" report exactly
the same results (message, value and source shape included).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from peerkg import validation
from peerkg.pipeline import build_dataset

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
#: The commit before the validation speed work (prepared queries, core SHACL, batched property shapes).
BASELINE = "76dc8958894213d38a25d3e321901479f7272709"


def _load(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def synthesise(folder: Path, copies: int) -> list[Path]:
    """``bench_build.synthesise``: the same synthetic pages as the build benchmark."""
    return _load("bench_build", HERE / "bench_build.py").synthesise(folder, copies)


def git_show(commit: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=REPO, check=True, capture_output=True,
                          text=True).stdout


def baseline_validation(commit: str, folder: Path) -> tuple[types.ModuleType, Graph]:
    """The validation module and the shapes graph as of ``commit``."""
    module_path = folder / "baseline_validation.py"
    module_path.write_text(git_show(commit, "src/peerkg/validation.py"), encoding="utf-8")
    shapes = Graph().parse(data=git_show(commit, "shapes/peerkg.ttl"), format="turtle")
    return _load("peerkg_baseline_validation", module_path), shapes


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Seconds of each of ``repeat`` runs, and the last result."""
    seconds, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - start)
    return seconds, result


def keys(report) -> set[tuple[str, str | None, str]]:  # noqa: ANN001 - either module's ValidationReport
    return {(r.focus_node, r.path, r.severity) for r in report.results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=5, help="variants per seed page (default 5: 20 pages)")
    parser.add_argument("--baseline", default=BASELINE, help=f"baseline commit (default {BASELINE[:12]})")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each variant (default 3)")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", args.baseline], cwd=REPO, check=True, capture_output=True,
                            text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = synthesise(folder, args.copies)
        built = build_dataset(paths, validate=False, infer=False)
        dataset = built.dataset
        old_module, old_shapes = baseline_validation(commit, folder)
        new_shapes = validation.load_shapes()
        base_s, base = timed(lambda: old_module.validate(dataset, old_shapes), args.repeat)
        mid_s, mid = timed(lambda: validation.validate(dataset, old_shapes), args.repeat)
        new_s, new = timed(lambda: validation.validate(dataset, new_shapes), args.repeat)
    triples = sum(len(g) for g in dataset.graphs())
    print(f"{len(paths)} pages, {triples} asserted triples, {len(base.results)} results "  # type: ignore[attr-defined]
          f"({base.violations} violations, {base.warnings} warnings)")  # type: ignore[attr-defined]
    print(f"baseline = commit {commit[:12]} (its shapes/peerkg.ttl and src/peerkg/validation.py)")
    print(f"  {'':<11} {'first':>8} {'best':>8}   best vs baseline (best of {args.repeat})")
    for name, seconds in [("baseline", base_s), ("old shapes", mid_s), ("current", new_s)]:
        print(f"  {name:<11} {seconds[0]:7.2f}s {min(seconds):7.2f}s   {min(base_s) / min(seconds):5.1f}x faster")
    same_full = {tuple(r.as_dict().values()) for r in base.results} == {  # type: ignore[attr-defined]
        tuple(r.as_dict().values()) for r in mid.results}  # type: ignore[attr-defined]
    assert same_full, "the current validation module changes the results of the baseline shapes"
    for name, report in [("old shapes", mid), ("current", new)]:
        missing, extra = keys(base) - keys(report), keys(report) - keys(base)
        assert not missing and not extra, f"{name}: missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}"
    print(f"same (focus, path, severity) results in all three: {len(keys(base))}")


if __name__ == "__main__":
    main()
