"""The build: pages -> records -> identity -> RDF named graphs -> validation -> inference.

``build_dataset`` is the library entry point the CLI and the service use. It never writes files;
``peerkg.output.write_build`` does, atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from peerkg import resources
from peerkg.concepts.tagger import tag_work
from peerkg.concepts.thesaurus import default_thesaurus
from peerkg.errors import PeerkgError
from peerkg.identity import WorkIdentity, WorkRef, decide_works
from peerkg.inputs import PageInput, collect, read_page
from peerkg.linkage import Linkage, link
from peerkg.model import PageRecord, PersonName, SourceDocument
from peerkg.normalise.names import name_key
from peerkg.rdf import serialise
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import PageMapper, citations
from peerkg.rdf.mapping.annotations import map_tags
from peerkg.rdf.mapping.links import map_work_merges
from peerkg.rdf.namespaces import Base
from peerkg.sources import parse_page

# progress(stage, done, total): "reading", "parsing", "mapping", "validating", "inferring"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PageOutcome:
    """What became of one input page."""

    path: str
    document: SourceDocument | None = None
    record: PageRecord | None = None
    graph: URIRef | None = None
    error: str | None = None

    @property
    def status(self) -> str:
        if self.error:
            return "rejected"
        return "partial" if self.record and self.record.partial else "ok"


@dataclass
class BuildResult:
    dataset: Dataset
    outcomes: list[PageOutcome]
    identity: WorkIdentity
    base: Base = field(default_factory=Base)
    validation: object | None = None  # peerkg.validation.ValidationReport when validated
    inferred_triples: int = 0

    @property
    def rejected(self) -> list[PageOutcome]:
        return [o for o in self.outcomes if o.error]

    @cached_property
    def trig(self) -> bytes:
        return serialise.trig(self.dataset)

    @cached_property
    def nq(self) -> bytes:
        return serialise.nquads(self.dataset)

    @cached_property
    def union(self) -> Graph:
        """All named graphs as one graph (the Turtle and N-Triples dumps)."""
        return serialise.union(self.dataset)

    @cached_property
    def ttl(self) -> bytes:
        return serialise.turtle(self.union)

    @cached_property
    def nt(self) -> bytes:
        return serialise.ntriples(self.union)


def _agent_resolver(minter: Minter, linkage: Linkage) -> Callable[[str, PersonName], URIRef]:
    """The node of an author mention: the linking step's decision, else the name's own key."""

    def resolve(mention: str, name: PersonName) -> URIRef:
        if mention in linkage.agents:
            return linkage.agents[mention]
        if name.is_organisation or not name.family:
            return minter.organization(name.display)
        return minter.person(name_key(name))

    return resolve


def read_pages(paths: Iterable[Path | str], strict: bool = False,
               progress: Progress | None = None) -> tuple[list[PageInput], list[PageOutcome]]:
    """Read every page; unreadable ones become rejected outcomes (or raise, when ``strict``)."""
    inputs: list[PageInput] = []
    failures: list[PageOutcome] = []
    paths = collect(paths)
    for number, path in enumerate(paths, start=1):
        try:
            inputs.append(read_page(path))
        except PeerkgError as exc:
            if strict:
                raise
            failures.append(PageOutcome(path=str(path), error=str(exc)))
        if progress:
            progress("reading", number, len(paths))
    return inputs, failures


def parse_inputs(inputs: Sequence[PageInput], strict: bool = False,
                 progress: Progress | None = None) -> tuple[list[PageOutcome], list[PageOutcome]]:
    parsed: list[PageOutcome] = []
    failures: list[PageOutcome] = []
    for number, page in enumerate(inputs, start=1):
        try:
            record = parse_page(page.text, str(page.path))
        except PeerkgError as exc:
            if strict:
                raise
            failures.append(PageOutcome(path=str(page.path), document=page.document, error=str(exc)))
            continue
        finally:
            if progress:
                progress("parsing", number, len(inputs))
        document = SourceDocument(name=page.document.name, sha256=page.document.sha256,
                                  size=page.document.size, kind=record.kind, extra=page.document.extra)
        if strict and record.partial:
            raise PeerkgError("page is cut short: " + "; ".join(record.problems), source=str(page.path),
                              hint="--strict rejects partial pages")
        parsed.append(PageOutcome(path=str(page.path), document=document, record=record))
    return parsed, failures


def build_dataset(paths: Iterable[Path | str] | None = None, *, base: Base | None = None,
                  strict: bool = False, validate: bool = True, infer: bool = True,
                  progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of the given pages (default: the bundled seed pages)."""
    base = base or Base()
    minter = Minter(base)
    inputs, read_failures = read_pages(paths if paths is not None else resources.seed_pages(),
                                       strict=strict, progress=progress)
    parsed, parse_failures = parse_inputs(inputs, strict=strict, progress=progress)
    records = [o.record for o in parsed if o.record]
    documents = [o.document for o in parsed if o.document]
    identity = decide_works(records, documents, minter)
    linkage = link(records, documents, identity, minter)

    dataset = Dataset()
    for prefix, namespace in serialise.BINDINGS.items():
        dataset.bind(prefix, namespace)
    resolver = _agent_resolver(minter, linkage)
    concept_labels: dict[URIRef, str] = {}
    outcomes: list[PageOutcome] = []
    links = dataset.graph(URIRef(base.links_graph))
    annotations = dataset.graph(URIRef(base.annotations_graph))
    thesaurus = default_thesaurus()
    for p, outcome in enumerate(parsed):
        if progress:
            progress("mapping", p + 1, len(parsed))
        assert outcome.record is not None and outcome.document is not None
        graph_iri = minter.source_graph(outcome.document.sha256)
        work_iris = [identity.iris[WorkRef(p, i)] for i in range(len(outcome.record.works))]
        graph = dataset.graph(graph_iri)
        mapper = PageMapper(outcome.record, outcome.document, work_iris, resolver, minter, graph,
                            concept_labels, linkage.canonical_names)
        mapper.map()
        for entry in linkage.cited:
            if entry.ref.page == p:
                citations.map_cited(mapper, entry)
        for pointer in linkage.pointers:
            if pointer.ref.page == p:
                node = citations.map_pointer(mapper, pointer)
                citations.map_resolution(links, minter, node, pointer)
        for index, record in enumerate(outcome.record.works):
            map_tags(annotations, minter, work_iris[index], record, mapper.source_iri, mapper.source16,
                     tag_work(record, thesaurus))
        outcomes.append(PageOutcome(outcome.path, outcome.document, outcome.record, graph_iri))

    map_work_merges(links, identity, documents, minter)
    for cluster in linkage.clusters:
        agent = linkage.agents.get(cluster.mention_ids[0]) if cluster.mention_ids else None
        if agent is not None:
            citations.map_person_decisions(links, minter, cluster, agent, linkage.mention_names)
    for inference in linkage.inferences:
        citations.map_inference(links, minter, inference)
    ontology = dataset.graph(URIRef(base.ontology_graph))
    for triple in ontology_graph():
        ontology.add(triple)

    result = BuildResult(dataset=dataset, outcomes=outcomes + read_failures + parse_failures,
                         identity=identity, base=base)
    if validate:
        from peerkg.validation import validate as run_validation

        if progress:
            progress("validating", 0, 1)
        result.validation = run_validation(dataset)
    if infer:
        from peerkg.inference import infer_into

        if progress:
            progress("inferring", 0, 1)
        result.inferred_triples = infer_into(dataset, base)
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
