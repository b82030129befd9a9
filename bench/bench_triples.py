"""Triples per page: what a user loading the default Turtle gets, graph by graph, on the seeds and on
synthetic page sets derived from them (the four page kinds, identifiers varied: bench_build.synthesise).

Run by hand (not in CI):  python bench/bench_triples.py [--copies N ...]

Accounting. The default dumps (Turtle, N-Triples) are the distinct triples of every graph but
``…/graph/evidence``: the per-page source graphs, ``links``, ``annotations``, ``inferred`` (OWL RL, the default
build) and ``ontology``. The ontology (about 1,500 triples) is the same for any build, so it is shown on its own
and left out of the per-page figure; "with ontology" adds it spread over the pages. The evidence graph (its own
dump) is shown for comparison. Each figure is a count, not a timing: it does not depend on the machine.
The annotation share is split into the annotations themselves (six triples per work × concept) and the works'
direct links for "about" concepts (``psmh:theme`` …), with what OWL RL infers from those links.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from bench_build import synthesise
from rdflib import URIRef
from rdflib.namespace import RDF

from peerkg.pipeline import BuildResult, build_dataset
from peerkg.rdf.namespaces import OA


def counts(result: BuildResult) -> dict[str, float]:
    """Per-page triple counts of a build, by graph kind, and of the default dumps (distinct triples)."""
    base = result.base
    pages = sum(1 for o in result.outcomes if o.record)
    kinds: Counter[str] = Counter()
    default: set = set()
    ontology_iri, evidence_iri = URIRef(base.ontology_graph), URIRef(base.evidence_graph)
    for graph in result.dataset.graphs():
        name = str(graph.identifier)
        kinds["source" if "/graph/source/" in name else name.rsplit("/", 1)[-1]] += len(graph)
        if graph.identifier not in (ontology_iri, evidence_iri):
            default.update(graph)
    annotations = result.dataset.graph(URIRef(base.annotations_graph))
    pairs = set(annotations.subjects(RDF.type, OA.Annotation))
    direct = sum(1 for s, _p, _o in annotations if s not in pairs)
    out = {k: v / pages for k, v in kinds.items() if k in ("source", "links", "annotations", "inferred", "evidence")}
    out.update(pages=pages, pairs=len(pairs) / pages, direct=direct / pages, ontology=kinds["ontology"],
               default=len(default) / pages, with_ontology=(len(default) + kinds["ontology"]) / pages)
    return out


def show(label: str, c: dict[str, float]) -> None:
    annotation_part = c["annotations"] + c["inferred"]
    print(f"{label}: {c['pages']:.0f} pages, {c['pairs']:.1f} work × concept a page")
    print(f"  default dumps   {c['default']:7.1f} triples a page (ontology aside; with its {c['ontology']:.0f} "
          f"triples spread over the pages: {c['with_ontology']:.1f})  target ≤ 600")
    print(f"    source graphs {c['source']:7.1f}   links {c['links']:6.1f}   "
          f"→ bibliographic part {c['source'] + c['links']:.1f}")
    print(f"    annotations   {c['annotations']:7.1f}   (annotations {c['annotations'] - c['direct']:.1f} = "
          f"{(c['annotations'] - c['direct']) / c['pairs']:.1f} per work × concept; direct links {c['direct']:.1f})")
    print(f"    inferred      {c['inferred']:7.1f}   → concept part {annotation_part:.1f}")
    print(f"  evidence graph  {c['evidence']:7.1f} triples a page (its own dump)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="*", default=[25], help="variants of each seed page (25)")
    args = parser.parse_args()
    show("seeds", counts(build_dataset(validate=False, infer=True)))
    for copies in args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            paths = synthesise(Path(tmp), copies)
            show(f"synthetic ×{copies}", counts(build_dataset(paths, validate=False, infer=True)))


if __name__ == "__main__":
    main()
