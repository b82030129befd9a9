"""Publishing into Virtuoso: ``peerkg publish`` (Graph Store PUTs, Digest auth) against Virtuoso's own bulk
loader (``ld_dir`` + ``rdf_loader_run``) on the same build, as a ratio; a rerun with nothing changed; then
every named query (defaults) through ``peerkg serve --endpoint`` against the embedded store: rows equal?

Run by hand (not in CI):  python bench/bench_publish.py [--copies N]   (default 25: 100 synthetic pages)
Needs Debian's virtuoso-opensource (virtuoso-t, isql-vt) and the test extra (the harness of tests/engines).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "engines"), str(ROOT / "tests")]

import requests  # noqa: E402
import virtuoso_server  # noqa: E402
from bench_build import synthesise  # noqa: E402
from engine_rows import describe_difference, json_rows  # noqa: E402

from conftest_web import running_server  # noqa: E402
from peerkg.named_queries import load_named_queries, render  # noqa: E402
from peerkg.publish import Credentials, publish  # noqa: E402


def answer(url: str, query: str, timeout: float = 120) -> dict | str:
    resp = requests.post(url + "/sparql", data={"query": query}, timeout=timeout,
                         headers={"Accept": "application/sparql-results+json"})
    return resp.json() if resp.status_code == 200 else f"HTTP {resp.status_code}: {resp.text[:300]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=25, help="variants of each seed page (25)")
    args = parser.parse_args()
    if virtuoso_server.MISSING:
        sys.exit(virtuoso_server.MISSING)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "pages").mkdir()
        pages = synthesise(folder / "pages", args.copies)
        build = folder / "build"
        done = subprocess.run([sys.executable, "-m", "peerkg", "build", str(folder / "pages"), "--out", str(build),
                               "-q"], capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            sys.exit(done.stderr)
        with virtuoso_server.running_virtuoso(folder / "virtuoso") as v:
            start = time.perf_counter()
            for name in ("peerkg.nq", "peerkg-evidence.nq"):
                v.bulk_load(build / name)
            bulk = time.perf_counter() - start
            v.clear()
            start = time.perf_counter()
            first = publish(build, v.graph_store, Credentials(user="dba", password="dba"))
            pushed = time.perf_counter() - start
            start = time.perf_counter()
            again = publish(build, v.graph_store, Credentials(user="dba", password="dba"))
            rerun = time.perf_counter() - start
            print(f"{len(pages)} pages, {len(first.replaced)} graphs, {first.triples_sent:,} triples")
            print(f"  Virtuoso bulk load (baseline)  {bulk:7.2f} s")
            print(f"  peerkg publish                 {pushed:7.2f} s   ratio {pushed / bulk:.2f}")
            print(f"  rerun, nothing changed         {rerun:7.2f} s   ratio {rerun / bulk:.2f} "
                  f"({len(again.unchanged)} unchanged, {len(again.replaced)} sent)")
            (folder / "e").mkdir()
            (folder / "r").mkdir()
            trig = "".join((build / n).read_text(encoding="utf-8") for n in ("peerkg.trig", "peerkg-evidence.trig"))
            with running_server(folder / "e", trig=trig) as embedded, \
                    running_server(folder / "r", "--endpoint", v.sparql, seeds=True) as remote:
                for q in load_named_queries():
                    text = render(q)
                    ours, theirs = answer(embedded.url, text), answer(remote.url, text)
                    if isinstance(ours, str) or isinstance(theirs, str):
                        print(f"  {q.name:28} embedded: {ours if isinstance(ours, str) else 'ok'}; "
                              f"Virtuoso: {theirs if isinstance(theirs, str) else 'ok'}")
                        continue
                    a, b = json_rows(ours, text), json_rows(theirs, text)
                    verdict = "same rows" if a == b else describe_difference(b, a, ("Virtuoso", "embedded"))
                    print(f"  {q.name:28} {sum(a.values()):6} rows  {verdict}")


if __name__ == "__main__":
    main()
