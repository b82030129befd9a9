"""Benchmark concept tagging and the compact annotation model on page sets derived from the seeds.

Run by hand (not in CI):  python bench/bench_tagging.py [--copies N]

Uses bench_build's synthetic pages (identifiers, names and some words varied). Times, in one run, as ratios
against the named baseline **parse** (reading and parsing the pages, nothing else):

    parse        baseline: read + detect + parse
    sentences    pysbd sentence boundaries of every taggable field (caches cleared first)
    tag          the tag stage: spaCy tokens, rule matchers, cues, per-field rules (caches cleared first)
    decide       work-level decisions from the hits (narrower over broader, one text per work)
    map          compact annotations + evidence into rdflib graphs

and prints the triples: annotations and evidence per page, per work × concept.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_build import synthesise
from rdflib import Graph

from peerkg.concepts import text as concept_text
from peerkg.concepts.tagger import decide, tag_work, work_fields
from peerkg.pipeline import parse_pages, read_pages
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping.annotations import Printing, map_work


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=25, help="variants of each seed page (default 25)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = synthesise(Path(tmp), args.copies)
        base, (parsed, _) = timed(lambda: parse_pages(read_pages(paths)[0]))
    records = [record for page in parsed for record in page.record.works]
    tag_work(records[0])  # the pipelines and matchers are built once per process, not per page

    def sentences() -> int:
        concept_text.analyse.cache_clear()
        return sum(len(concept_text.sentence_spans(text, concept_text.language_of(language)))
                   for record in records for _, text, language in work_fields(record))

    def tag() -> list[tuple]:
        concept_text.analyse.cache_clear()
        return [tag_work(record) for record in records]

    t_sent, _ = timed(sentences)
    t_tag, hits = timed(tag)
    t_decide, decided = timed(lambda: [decide(h) for h in hits])
    annotations, evidence, minter = Graph(), Graph(), Minter()

    def mapping() -> None:
        for n, (record, found) in enumerate(zip(records, hits, strict=True)):
            map_work(annotations, evidence, minter, minter.work_by_key(str(n)),
                     [Printing(record, found, minter.source(f"{n:064x}"), f"{n:016x}")])

    t_map, _ = timed(mapping)
    pages, pairs = len(parsed), sum(len(d) for d in decided)
    print(f"{pages} pages, {len(records)} work records, {sum(len(h) for h in hits)} hits, {pairs} work × concept")
    print(f"  parse      {base:7.2f} s  1.0x (baseline)")
    for name, seconds in (("sentences", t_sent), ("tag", t_tag), ("decide", t_decide), ("map", t_map)):
        print(f"  {name:10} {seconds:7.2f} s  {seconds / base:.1f}x   ({1000 * seconds / pages:.1f} ms a page)")
    print(f"  annotations graph {len(annotations)} triples ({len(annotations) / pages:.0f} a page, "
          f"{len(annotations) / pairs:.1f} per work × concept); evidence graph {len(evidence)} "
          f"({len(evidence) / pages:.0f} a page)")


if __name__ == "__main__":
    main()
