"""The build: read → parse → tag (per page, in worker processes) → resolve → map → validate → infer.

``build_dataset`` is the library entry point the CLI and the service use; each stage is one call taking
the previous stage's output:

=========  ==============================================  ==========================================
stage      call                                            gives
=========  ==============================================  ==========================================
read       :func:`peerkg.inputs.read_page`                 the bytes and text of a page
parse      :func:`parse_one`                               :class:`~peerkg.model.ParsedPage`
tag        :func:`peerkg.concepts.tagger.tag_work`         concept tags per work record
resolve    :func:`peerkg.resolve.resolve`                  :class:`~peerkg.model.Decisions` (keys, no IRIs)
map        :func:`peerkg.rdf.mapping.build.map_build`      the RDF dataset (IRIs minted here)
validate   :func:`peerkg.validation.validate`              the SHACL report
infer      :func:`peerkg.inference.infer_into`             the inferred graph
=========  ==============================================  ==========================================

Read, parse and tag need nothing from other pages: :func:`peerkg.per_page.run_pages` runs them in worker
processes. It never writes files; :mod:`peerkg.rdf.dumps` makes the dump files and ``peerkg.output`` writes
them, atomically."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef

from peerkg import references, resources
from peerkg.errors import PeerkgError
from peerkg.inputs import PageInput, UnreadFile, collect, read_page, unread_files
from peerkg.model import Decisions, PageRecord, ParsedPage, SourceDocument
from peerkg.per_page import run_pages
from peerkg.rdf import serialise
from peerkg.rdf.dumps import Dumps, make_dumps
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping.build import PageTags, map_build
from peerkg.rdf.namespaces import Base
from peerkg.rdf.quads import ntriples_lines
from peerkg.resolve import resolve
from peerkg.sources import parse_page

if TYPE_CHECKING:
    from peerkg.shacl_report import ValidationReport

# progress(stage, done, total): "parsing" (read, parse, tag), "mapping", "validating", "inferring"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PageOutcome:
    """What became of one input page."""

    path: str
    document: SourceDocument | None = None
    record: PageRecord | None = None
    graph: URIRef | None = None
    error: str | None = None
    same_as: str | None = None  # an earlier input with the same bytes: this one is read once, as that one

    @property
    def status(self) -> str:
        if self.error:
            return "rejected"
        if self.same_as:
            return "duplicate"
        return "partial" if self.record and self.record.partial else "ok"


@dataclass
class BuildResult:
    dataset: Dataset
    outcomes: list[PageOutcome]
    decisions: Decisions
    base: Base = field(default_factory=Base)
    validation: ValidationReport | None = None  # when validated
    inferred_triples: int = 0
    unread: list[UnreadFile] = field(default_factory=list)  # files in the page folders that are not pages
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    clashes: list = field(default_factory=list)  # peerkg.conflicts.Clash: the pages behind each violation

    @property
    def rejected(self) -> list[PageOutcome]:
        return [o for o in self.outcomes if o.error]

    @cached_property
    def dumps(self) -> Dumps:
        """The dump files (written by pyoxigraph) and their manifest; see :mod:`peerkg.rdf.dumps`."""
        start = time.perf_counter()
        parts = {str(g.identifier): ntriples_lines(g) for g in self.dataset.graphs() if len(g)}
        dumps = make_dumps(parts, self.base.evidence_graph, self.base.iri)
        self.timings["dumps"] = time.perf_counter() - start
        return dumps

    @cached_property
    def union(self) -> Graph:
        """Every named graph as one rdflib graph (evidence included)."""
        return serialise.union(self.dataset)

    @property
    def trig(self) -> bytes:
        """Every named graph but the evidence graph, as TriG."""
        return self.dumps.files["peerkg.trig"]

    @property
    def nq(self) -> bytes:
        return self.dumps.files["peerkg.nq"]

    @property
    def ttl(self) -> bytes:
        """The union of every named graph but the evidence graph, as Turtle."""
        return self.dumps.files["peerkg.ttl"]

    @property
    def nt(self) -> bytes:
        return self.dumps.files["peerkg.nt"]

    @property
    def evidence_trig(self) -> bytes:
        """The evidence graph (every concept hit) as TriG; empty when the build has none."""
        return self.dumps.files.get("peerkg-evidence.trig", b"")


def read_pages(paths: Iterable[Path | str], strict: bool = False, progress: Progress | None = None,
               max_page_mb: float | None = None) -> tuple[list[PageInput], list[PageOutcome]]:
    """Read every page; unreadable ones become rejected outcomes (or raise, when ``strict``). Pages over
    ``max_page_mb`` megabytes (default: :func:`peerkg.inputs.max_page_bytes`) are refused unread."""
    limit = int(max_page_mb * 1_000_000) if max_page_mb else None
    inputs: list[PageInput] = []
    failures: list[PageOutcome] = []
    paths = collect(paths)
    for number, path in enumerate(paths, start=1):
        try:
            inputs.append(read_page(path, limit))
        except PeerkgError as exc:
            if strict:
                raise
            failures.append(PageOutcome(path=str(path), error=str(exc)))
        if progress:
            progress("reading", number, len(paths))
    return inputs, failures


def parse_one(page: PageInput, strict: bool = False) -> ParsedPage:
    """One page's text → its records, the reference strings of each work read into cited works."""
    record = parse_page(page.text, str(page.path))
    if strict and record.partial:
        raise PeerkgError("page is cut short: " + "; ".join(record.problems), source=str(page.path),
                          hint="--strict rejects partial pages")
    document = SourceDocument(name=page.document.name, sha256=page.document.sha256,
                              size=page.document.size, kind=record.kind, extra=page.document.extra)
    cited = tuple(tuple(references.parse_reference(entry.text) for entry in work.references)
                  for work in record.works)
    return ParsedPage(path=str(page.path), document=document, record=record, cited=cited)


def parse_pages(inputs: Sequence[PageInput], strict: bool = False,
                progress: Progress | None = None) -> tuple[list[ParsedPage], list[PageOutcome]]:
    """Parse every page; pages no parser can read become rejected outcomes (or raise, when ``strict``)."""
    parsed: list[ParsedPage] = []
    failures: list[PageOutcome] = []
    for number, page in enumerate(inputs, start=1):
        try:
            parsed.append(parse_one(page, strict))
        except PeerkgError as exc:
            if strict:
                raise
            failures.append(PageOutcome(path=str(page.path), document=page.document, error=str(exc)))
        finally:
            if progress:
                progress("parsing", number, len(inputs))
    return parsed, failures


def build_dataset(paths: Iterable[Path | str] | None = None, *, base: Base | None = None,
                  strict: bool = False, validate: bool = True, infer: bool = True,
                  progress: Progress | None = None, max_page_mb: float | None = None,
                  workers: int | None = None) -> BuildResult:
    """Build the knowledge graph of the given pages (default: the bundled seed pages). Read, parse and tag
    run in ``workers`` processes (:func:`peerkg.per_page.run_pages`); ``result.timings`` gives the
    seconds of each stage."""
    base = base or Base()
    minter = Minter(base)
    paths = list(paths) if paths is not None else resources.seed_pages()
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    limit = int(max_page_mb * 1_000_000) if max_page_mb else None
    works = run_pages(collect(paths), strict=strict, limit=limit, workers=workers,
                      progress=(lambda done, total: progress("parsing", done, total)) if progress else None)
    first: dict[str, str] = {}  # content hash → the first input that had it
    duplicates: list[PageOutcome] = []
    parsed: list[ParsedPage] = []
    tags: list[PageTags] = []
    for w in works:
        if w.parsed is None:
            continue
        digest = w.parsed.document.sha256
        if digest in first:  # the same page twice: one source graph, read once
            duplicates.append(PageOutcome(w.path, w.parsed.document, same_as=first[digest]))
            continue
        first[digest] = w.path
        parsed.append(w.parsed)
        tags.append(w.tags)
    failures = ([PageOutcome(path=w.path, error=w.error) for w in works if w.stage == "read"]
                + [PageOutcome(path=w.path, document=w.document, error=w.error) for w in works if w.stage == "parse"])
    lap("read+parse+tag")
    decisions = resolve(parsed, topics=[tuple(frozenset(t.concept for t in work if t.relation == "about")
                                              for work in page_tags) for page_tags in tags])
    lap("resolve")
    dataset = map_build(parsed, decisions, tags, minter, ontology_graph(),
                        progress=(lambda done, total: progress("mapping", done, total)) if progress else None)
    lap("map")
    outcomes = [PageOutcome(p.path, p.document, p.record, minter.source_graph(p.document.sha256)) for p in parsed]
    result = BuildResult(dataset=dataset, outcomes=outcomes + duplicates + failures, decisions=decisions, base=base,
                         unread=unread_files(paths), timings=timings)
    if validate:
        from peerkg.validation import validate as run_validation

        if progress:
            progress("validating", 0, 1)
        result.validation = run_validation(dataset)
        if result.validation.violations:  # trace the violations to the pages that state them
            from peerkg.conflicts import trace_violations

            reasons = {str(minter.work(m.work)): f"{m.rule}: {m.evidence}"
                       for m in (*decisions.cited_merges, *decisions.merges)}
            result.clashes = trace_violations(dataset, result.validation.results,
                                              {str(o.graph): o.path for o in outcomes if o.graph is not None},
                                              reasons)
        lap("validate")
    if infer:
        from peerkg.inference import infer_into

        if progress:
            progress("inferring", 0, 1)
        result.inferred_triples = infer_into(dataset, base)
        lap("infer")
    return result


def ontology_graph() -> Graph:
    """The shipped ontology files as one graph, blank nodes (RDF lists of OWL axioms) canonically
    labelled so that every build serialises them with the same labels."""
    from rdflib.compare import to_canonical_graph

    graph = Graph()
    for path in resources.ontology_files():
        graph.parse(path, format="turtle")
    return to_canonical_graph(graph)


def union_graph(dataset: Dataset) -> Graph:
    return serialise.union(dataset)
