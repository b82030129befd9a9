"""Benchmark: many clients of light queries against a real ``peerkg serve`` on loopback, alone and while
other clients send endless queries.

1. baseline: one client, light queries one after another (latency p50/p99);
2. load: ``--clients`` clients (one loopback address each) × ``--duration`` s of light queries → answers,
   errors (anything but 200), p50/p99, and their ratios against the baseline;
3. flood: the same while ``--flooders`` clients (one address each) send endless queries → the light
   clients' answers by status (200, or an early 503 with Retry-After), p50/p99/max, and how many came
   later than the query limit + 1 s (the service's promise: none).

The clients run in a few processes (``--procs``), each a thread per client with one keep-alive
connection, so the client side is not what is measured. Not part of CI. Usage:

    python bench/bench_service_load.py [--clients 50] [--duration 60] [--flooders 12] [--workers 2]
                                       [--query-timeout 5] [--data FILE]   (default data: the seed build)
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from statistics import quantiles
from urllib.parse import quote, urlsplit

LIGHT = [
    "ASK { ?s ?p ?o }",
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10",
    "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?w ?t WHERE { ?w dcterms:title ?t } LIMIT 20",
    "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 5",
]
ENDLESS = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
           "?p ?q ?r . ?s ?t ?u }")
Answer = tuple[int, float, bool]  # status, seconds, Retry-After present


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "peerkg", "serve", "--port", "0", "--workers", str(args.workers),
           "--query-timeout", str(args.query_timeout), "--max-client-queries", "2"]
    if args.data:
        cmd += ["--data", str(args.data)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"serving on (http://\S+?)/ ", line)
        if found:
            threading.Thread(target=lambda: [None for _ in proc.stdout or ()], daemon=True).start()
            return proc, found.group(1)
    raise SystemExit("the server did not start")


def _ask(conn: http.client.HTTPConnection, query: str) -> Answer:
    start = time.perf_counter()
    conn.request("GET", "/sparql?query=" + quote(query), headers={"Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.perf_counter() - start, resp.getheader("Retry-After") is not None


def _client(url: str, address: str, queries: list[str], until: float, out: list[Answer]) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=120,
                                      source_address=(address, 0))
    n = 0
    while time.time() < until:
        try:
            out.append(_ask(conn, queries[n % len(queries)]))
        except (OSError, http.client.HTTPException):
            out.append((0, 0.0, False))
            conn.close()
        n += 1


def _group(url: str, addresses: list[str], queries: list[str], until: float) -> list[Answer]:
    out: list[Answer] = []
    threads = [threading.Thread(target=_client, args=(url, a, queries, until, out)) for a in addresses]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def run_clients(url: str, addresses: list[str], queries: list[str], duration: float, procs: int,
                flooders: list[str] | None = None) -> list[Answer]:
    """Light clients (and, if given, flooders) for ``duration`` s; the light clients' answers."""
    until = time.time() + duration
    ctx = mp.get_context("fork")
    flood = ctx.Pool(1) if flooders else None
    flood_job = flood.apply_async(_group, (url, flooders, [ENDLESS], until)) if flood and flooders else None
    if flood_job is not None:
        time.sleep(1.0)  # the endless queries hold the workers first
    with ctx.Pool(procs) as pool:
        chunks = [addresses[i::procs] for i in range(procs)]
        answers = [a for part in pool.starmap(_group, [(url, c, queries, until) for c in chunks if c])
                   for a in part]
    if flood is not None and flood_job is not None:
        flood_job.get()
        flood.close()
    return answers


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live descendants (from /proc)."""
    from peerkg.store.memory import tree_rss_mb

    total = 0.0
    for member in tree_rss_mb(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def health(url: str) -> str:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    conn.request("GET", "/health")
    doc = json.loads(conn.getresponse().read())["backend"]
    keys = ("stopped_queries", "worker_restarts", "worker_recycles", "memory_stops")
    return ", ".join(f"{k} {doc.get(k)}" for k in keys)


def pct(values: list[float], q: int) -> float:
    return quantiles(values, n=100)[q - 1] if len(values) > 1 else (values[0] if values else 0.0)


def report(name: str, answers: list[Answer], duration: float, base: tuple[float, float] | None) -> None:
    times = [t for s, t, _ in answers if s == 200]
    statuses: dict[int, int] = {}
    for s, _, _ in answers:
        statuses[s] = statuses.get(s, 0) + 1
    p50, p99 = pct(times, 50), pct(times, 99)
    every = [t for _, t, _ in answers]
    line = (f"{name}: {len(answers)} answers ({len(answers) / duration:.0f}/s), statuses "
            f"{dict(sorted(statuses.items()))}, 200s p50 {p50 * 1000:.1f} ms p99 {p99 * 1000:.1f} ms, all answers "
            f"p99 {pct(every, 99) * 1000:.1f} ms max {max(every, default=0) * 1000:.0f} ms")
    if base:
        line += f"; ×baseline p50 {p50 / base[0]:.1f} p99 {p99 / base[1]:.1f}"
    print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--flooders", type=int, default=12)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--query-timeout", type=float, default=5.0)
    ap.add_argument("--procs", type=int, default=4, help="client processes")
    ap.add_argument("--data", type=Path, help="RDF file to serve (default: the seed build)")
    args = ap.parse_args()
    proc, url = start_server(args)
    try:
        base_answers = _group(url, ["127.0.2.1"], LIGHT, time.time() + min(10.0, args.duration))
        base_times = [t for s, t, _ in base_answers if s == 200]
        base = (pct(base_times, 50), pct(base_times, 99))
        report("baseline, 1 client", base_answers, min(10.0, args.duration), None)
        light = [f"127.0.3.{i + 1}" for i in range(args.clients)]
        cpu = tree_cpu(proc.pid)
        load = run_clients(url, light, LIGHT, args.duration, args.procs)
        cpu = tree_cpu(proc.pid) - cpu
        report(f"load, {args.clients} clients × {args.duration:g} s", load, args.duration, base)
        print(f"  server CPU: {cpu:.1f} s over {args.duration:g} s on {os.cpu_count()} CPUs "
              f"({cpu / max(1, len(load)) * 1000:.2f} ms per answer); load average {os.getloadavg()[0]:.1f}")
        print(f"  /health: {health(url)}")
        errors = sum(1 for s, _, _ in load if s != 200)
        print(f"  errors: {errors}; p99 ≤ 250 ms: {pct([t for s, t, _ in load if s == 200], 99) <= 0.25}")
        flooders = [f"127.0.4.{i + 1}" for i in range(args.flooders)]
        flood = run_clients(url, light, LIGHT, args.duration, args.procs, flooders)
        report(f"flood, {args.clients} light clients + {args.flooders} endless × {args.duration:g} s", flood,
               args.duration, base)
        limit = args.query_timeout + 1
        late = [t for _, t, _ in flood if t > limit]
        bad = [s for s, _, _ in flood if s not in (200, 503)]
        no_retry = sum(1 for s, _, r in flood if s == 503 and not r)
        print(f"  light answers later than limit + 1 s ({limit:g} s): {len(late)}; statuses other than 200/503: "
              f"{len(bad)}; 503 without Retry-After: {no_retry}")
        print(f"  /health: {health(url)}")
    finally:
        proc.terminate()
        proc.wait(15)


if __name__ == "__main__":
    main()
