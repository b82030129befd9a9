"""Benchmark OWL RL inference on the seed build (or synthetic copies of it).

Run by hand (not in CI):  python bench/bench_inference.py [--copies N]

Baseline: **owlrl-full** — owlrl over the whole TBox and all asserted data. Compared in the same run:
owlrl over the pruned TBox (axioms only) and the data triples a rule can use (what peerkg runs), and the
Rust reasoner `reasonable` with the property-chain rule added (what the build runs), and `reasonable`
alone, with how many of owlrl's entailments it misses or adds after the same filtering.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF

from peerkg.inference import _NOISE_OBJECTS, asserted, entailments, tbox
from peerkg.pipeline import build_dataset
from peerkg.rdf.namespaces import Base


def asserted_data(copies: int) -> Graph:
    spec = importlib.util.spec_from_file_location("bench_build", Path(__file__).with_name("bench_build.py"))
    assert spec and spec.loader
    bench_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_build)
    with tempfile.TemporaryDirectory() as tmp:
        paths = bench_build.synthesise(Path(tmp), copies) if copies else None
        built = build_dataset(paths, validate=False, infer=False)
    return asserted(built.dataset, built.base)[0]


def with_reasonable(data: Graph, ontology: Graph) -> set:
    import reasonable

    merged = Graph()
    for triple in ontology:
        merged.add(triple)
    for triple in data:
        merged.add(triple)
    before = set(merged)
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(merged)
    base = Base().iri + "id/"
    out = set()
    for s, p, o in reasoner.reason():
        if (s, p, o) in before or isinstance(s, Literal) or not str(s).startswith(base):
            continue
        if (p == OWL.sameAs and s == o) or (p == RDF.type and o in _NOISE_OBJECTS):
            continue
        out.add((s, p, o))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=0, help="synthetic variants per seed page (0: the seeds)")
    args = parser.parse_args()
    data, ontology = asserted_data(args.copies), tbox()
    start = time.perf_counter()
    full = set(entailments(data, ontology, prune=False, engine="owlrl"))
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    pruned = set(entailments(data, ontology, prune=True, engine="owlrl"))
    fast = time.perf_counter() - start
    start = time.perf_counter()
    default = set(entailments(data, ontology))
    chained = time.perf_counter() - start
    print(f"{len(data)} asserted triples, {len(full)} entailments; baseline = owlrl-full ({baseline:.2f} s)")
    print(f"  owlrl-full          {baseline:7.2f} s   1.0x")
    print(f"  owlrl-pruned        {fast:7.2f} s   {baseline / fast:.1f}x faster   same entailments: {pruned == full}")
    print(f"  reasonable+chains   {chained:7.2f} s   {baseline / chained:.1f}x faster   same entailments: "
          f"{default == full}   (the build's default)")
    start = time.perf_counter()
    other = with_reasonable(data, ontology)
    rust = time.perf_counter() - start
    print(f"  reasonable alone    {rust:7.2f} s   {baseline / rust:.1f}x faster   "
          f"misses {len(full - other)}, adds {len(other - full)} (typed-literal copies, no chains)")


if __name__ == "__main__":
    main()
