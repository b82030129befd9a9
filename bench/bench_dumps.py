"""Benchmark the dumps a service prepares at start-up, over a build folder (``peerkg build --out``).

Run by hand (not in CI):  python bench/bench_dumps.py BUILD_FOLDER [--repeat 3]

Loads the folder's ``peerkg.trig`` and ``peerkg-evidence.trig`` into a store (as ``peerkg serve --data`` does),
then times, best of ``--repeat``, in this process:

    re-serialise     baseline: the store written out in the four formats by pyoxigraph, each gzipped
                     (what ``peerkg serve`` did before it served the build's files)
    build folder     the build's files hard-linked, hashed, the per-graph dumps cut out of the N-Quads
    build's writer   the store's graphs through the build's writer (data that is no build's dumps)

and prints seconds and the ratio to the baseline, and whether the served files equal the build's.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _best(repeat: int, run: Callable[[Path], None]) -> float:
    times = []
    for _ in range(repeat):
        out = Path(tempfile.mkdtemp(prefix="bench-dumps-"))
        start = time.perf_counter()
        run(out)
        times.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
    return min(times)


def main() -> None:
    from peerkg.store import open_backend
    from peerkg.web.dump_folder import DumpSource, dump_source, write_dumps

    parser = argparse.ArgumentParser()
    parser.add_argument("build", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = [args.build / "peerkg.trig", args.build / "peerkg-evidence.trig"]
    backend = open_backend(data=files, workers=1)
    try:
        def reserialise(out: Path) -> None:
            for name, media in (("peerkg.ttl", "text/turtle"), ("peerkg.nt", "application/n-triples"),
                                ("peerkg.trig", "application/trig"), ("peerkg.nq", "application/n-quads")):
                backend.dump(str(out / name), media)
                (out / (name + ".gz")).write_bytes(gzip.compress((out / name).read_bytes(), mtime=0))

        source = dump_source(backend, files)
        assert source.kind == "build folder", source.kind
        base = source.build.manifest["base"]  # type: ignore[union-attr]
        baseline = _best(args.repeat, reserialise)
        linked = _best(args.repeat, lambda out: write_dumps(source, out, base))
        written = _best(args.repeat, lambda out: write_dumps(DumpSource("store", store=backend), out, base))
        check = Path(tempfile.mkdtemp(prefix="bench-dumps-"))
        write_dumps(source, check, base)
        same = all(hashlib.sha256((check / n).read_bytes()).digest() == hashlib.sha256(
            (args.build / n).read_bytes()).digest() for n in source.build.dump_names())  # type: ignore[union-attr]
        shutil.rmtree(check, ignore_errors=True)
    finally:
        backend.close()
    print(f"re-serialise (baseline)  {baseline:7.3f} s  1.00x")
    print(f"build folder             {linked:7.3f} s  {baseline / linked:5.1f}x faster; files = the build's: {same}")
    print(f"build's writer (store)   {written:7.3f} s  {baseline / written:5.1f}x")


if __name__ == "__main__":
    main()
