"""Benchmark: pyoxigraph (in-process and through the service's worker pool) vs rdflib's memory store.

Generates peerkg-shaped data (works, authors, author roles, citations) and times a few queries.
Prints each timing and its ratio against the baseline (rdflib memory store) measured in the same run.
Not part of CI.  Usage:  python bench/bench_store.py [N_WORKS]   (default 5000 works ≈ 60k triples)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from peerkg.store.base import QueryRequest
from peerkg.store.oxigraph import OxigraphBackend

P = "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> " \
    "PREFIX cito: <http://purl.org/spar/cito/> PREFIX pro: <http://purl.org/spar/pro/> " \
    "PREFIX schema: <http://schema.org/> PREFIX fabio: <http://purl.org/spar/fabio/> "
QUERIES = {
    "titles with year filter": P + "SELECT ?w ?t WHERE { ?w dcterms:title ?t ; fabio:hasPublicationYear ?y "
                                   "FILTER(?y > 2015) }",
    "who cites works of author 7": P + "SELECT DISTINCT ?citing WHERE { ?citing cito:cites ?w . "
                                       "?w dcterms:creator <https://w3id.org/psmh/id/person/p7> }",
    "first authors (join 3)": P + "SELECT ?w ?n WHERE { ?r pro:relatesToDocument ?w ; schema:position 1 ; "
                                  "pro:isHeldBy ?p . ?p foaf:name ?n }",
    "count per author": P + "SELECT ?p (COUNT(?w) AS ?c) WHERE { ?w dcterms:creator ?p } GROUP BY ?p "
                            "ORDER BY DESC(?c) LIMIT 10",
}


def generate(n_works: int) -> str:
    rnd = random.Random(42)
    base = "https://w3id.org/psmh/id/"
    lines = []
    n_people = max(10, n_works // 3)
    for p in range(n_people):
        lines.append(f'<{base}person/p{p}> <http://xmlns.com/foaf/0.1/name> "Person {p}" .')
    for w in range(n_works):
        work = f"<{base}work/h/{w:016x}>"
        lines.append(f"{work} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                     "<http://purl.org/dc/terms/BibliographicResource> .")
        lines.append(f'{work} <http://purl.org/dc/terms/title> "Work {w} on peer support"@en .')
        lines.append(f'{work} <http://purl.org/spar/fabio/hasPublicationYear> "{2000 + w % 24}"^^'
                     "<http://www.w3.org/2001/XMLSchema#integer> .")
        for pos, person in enumerate(rnd.sample(range(n_people), 3), start=1):
            role = f"<{base}work/h/{w:016x}/author/{pos}>"
            lines.append(f"{work} <http://purl.org/dc/terms/creator> <{base}person/p{person}> .")
            lines.append(f"{role} <http://purl.org/spar/pro/relatesToDocument> {work} .")
            lines.append(f"{role} <http://purl.org/spar/pro/isHeldBy> <{base}person/p{person}> .")
            lines.append(f'{role} <http://schema.org/position> "{pos}"^^<http://www.w3.org/2001/XMLSchema#integer> .')
        for cited in rnd.sample(range(n_works), min(5, n_works)):
            lines.append(f"{work} <http://purl.org/spar/cito/cites> <{base}work/h/{cited:016x}> .")
    return "\n".join(lines) + "\n"


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    n_works = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    data = generate(n_works)
    print(f"data: {n_works} works, {data.count(chr(10))} triples")
    t = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    load_rdflib = time.perf_counter() - t
    t = time.perf_counter()
    store = ox.Store()
    store.load(data.encode(), format=ox.RdfFormat.N_TRIPLES)
    load_ox = time.perf_counter() - t
    print(f"load: rdflib {load_rdflib:.2f} s (baseline), pyoxigraph {load_ox:.2f} s, "
          f"ratio {load_rdflib / load_ox:.1f}x faster")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.nt"
        path.write_text(data)
        backend = OxigraphBackend.from_files([path], workers=2)
        formats: dict[str, str | None] = {"solutions": "application/sparql-results+json", "boolean": None,
                                          "graph": None}
        try:
            ask = timed(lambda: [backend.execute(QueryRequest("ASK {}", {**formats, "boolean":
                                 "application/sparql-results+json"})) for _ in range(200)], 1) / 200
            direct_ask = timed(lambda: [bool(store.query("ASK {}")) for _ in range(200)], 1) / 200
            print(f"pool overhead per query (ASK {{}}): {1000 * (ask - direct_ask):.3f} ms")
            for name, query in QUERIES.items():
                base = timed(lambda q=query: list(graph.query(q)), 1)
                direct = timed(lambda q=query: list(store.query(q, use_default_graph_as_union=True)))
                pooled = timed(lambda q=query: backend.execute(QueryRequest(q, formats, max_rows=10**7)))
                print(f"{name:32s} rdflib {base * 1000:9.1f} ms (baseline) | pyoxigraph {direct * 1000:7.1f} ms "
                      f"= {base / direct:6.1f}x | via worker pool (+JSON) {pooled * 1000:7.1f} ms "
                      f"= {base / pooled:6.1f}x")
        finally:
            backend.close()


if __name__ == "__main__":
    main()
