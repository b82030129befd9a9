"""The map stage: parsed pages, the resolve stage's decisions and the concept tags → one RDF dataset.

Each page's statements go to its own named graph (``…/graph/source/{sha16}``); the decisions about it
(in-text resolutions) and all decisions across pages go to ``…/graph/links``; concept tags, once per work
across its pages, to ``…/graph/annotations`` (compact) and ``…/graph/evidence`` (every hit). Keys become
IRIs here, through :class:`~peerkg.rdf.iri.Minter`, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rdflib import Dataset, Graph, URIRef

from peerkg.concepts.records import Tag
from peerkg.model import Decisions, JournalIdentity, PageDecisions, ParsedPage, PersonName
from peerkg.normalise.names import name_key
from peerkg.rdf import serialise
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import citations
from peerkg.rdf.mapping.annotations import Printing, map_work
from peerkg.rdf.mapping.journals import prefer_journal_titles
from peerkg.rdf.mapping.links import map_decisions
from peerkg.rdf.mapping.page import AgentResolver, PageMapper

PageTags = tuple[tuple[Tag, ...], ...]  # per work record of a page, its tags


def _agents(minter: Minter, decided: PageDecisions) -> tuple[AgentResolver, dict[URIRef, PersonName]]:
    """The node of each author mention of a page (resolution's decision, else the name's own key), and
    the fullest name of each person node."""
    fullest = {minter.agent(a.agent): a.fullest for a in decided.agents if a.fullest is not None}

    def resolve(mention: str, name: PersonName) -> URIRef:
        found = decided.agent_of.get(mention)
        if found is not None:
            return minter.agent(found.agent)
        if name.is_organisation or not name.family:
            return minter.organization(name.display)
        return minter.person(name_key(name))

    return resolve, fullest


def map_page(page: ParsedPage, decided: PageDecisions, tags: PageTags, minter: Minter, graph: Graph,
             links: Graph, printings: dict[URIRef, list[Printing]], concept_labels: dict[URIRef, str],
             journals: JournalIdentity | None = None) -> None:
    """What one page states into ``graph``; its pointers' resolutions into ``links``; each work record with
    its tags into ``printings`` (mapped per work once every page is read)."""
    work_iris = [minter.work(w) for w in decided.works]
    resolver, fullest = _agents(minter, decided)
    mapper = PageMapper(page.record, page.document, work_iris, resolver, minter, graph, concept_labels, fullest,
                        decided.segment_of,
                        journals or JournalIdentity())
    mapper.map()
    for entry in decided.cited:
        citations.map_cited(mapper, entry)
    for pointer in decided.pointers:
        node = citations.map_pointer(mapper, pointer)
        citations.map_resolution(links, minter, node, pointer)
    for index, record in enumerate(page.record.works):
        printings.setdefault(work_iris[index], []).append(
            Printing(record, tags[index], mapper.source_iri, mapper.source16))


def map_build(pages: Sequence[ParsedPage], decisions: Decisions, tags: Sequence[PageTags], minter: Minter,
              ontology: Graph, progress: Callable[[int, int], None] | None = None) -> Dataset:
    """The whole dataset of a build: one graph per page, the links, annotations, evidence and ontology graphs."""
    base = minter.base
    dataset = Dataset()
    for prefix, namespace in serialise.BINDINGS.items():
        dataset.bind(prefix, namespace)
    links = dataset.graph(URIRef(base.links_graph))
    annotations = dataset.graph(URIRef(base.annotations_graph))
    evidence = dataset.graph(URIRef(base.evidence_graph))
    printings: dict[URIRef, list[Printing]] = {}
    concept_labels: dict[URIRef, str] = {}
    for number, (page, decided, page_tags) in enumerate(zip(pages, decisions.pages, tags, strict=True), start=1):
        if progress:
            progress(number, len(pages))
        graph = dataset.graph(minter.source_graph(page.document.sha256))
        map_page(page, decided, page_tags, minter, graph, links, printings, concept_labels, decisions.journals)
    prefer_journal_titles([dataset.graph(minter.source_graph(page.document.sha256)) for page in pages])
    for work, printed in printings.items():
        map_work(annotations, evidence, minter, work, printed)
    map_decisions(links, decisions, pages, minter)
    graph = dataset.graph(URIRef(base.ontology_graph))
    for triple in ontology:
        graph.add(triple)
    return dataset
