"""Map a work's concepts to W3C Web Annotations: one compact annotation per work × concept, every hit kept.

Tags are peerkg's reading of a page, not something the page states, so they go to graphs of their own.

``…/graph/annotations`` (in the default dumps) — per work × concept, ``{work}/annotation/{scheme}-{slug}``:
``a oa:Annotation`` · ``oa:hasBody`` the concept · ``oa:motivatedBy oa:classifying`` (the work is *about*
it) or ``oa:tagging`` (it *mentions* it) · ``psmh:rule`` (why, at work level) · ``psmh:hitCount`` (how
many hits) · ``oa:hasTarget`` its strongest hit: an ``oa:SpecificResource`` with ``oa:hasSource`` (the
work, abstract section or statement whose text holds the words), ``psmh:annotatedField`` and two selectors,
``oa:TextQuoteSelector`` (``oa:exact``) and ``oa:TextPositionSelector`` (``oa:start``, ``oa:end``). "About"
concepts also give the work ``psmh:peerSupportModel`` / ``psmh:setting`` / ``psmh:theme`` (populations,
organisations, places: ``dcterms:subject``), so simple queries stay simple.

``…/graph/evidence`` (its own dump) — every hit: the annotation ``oa:hasTarget`` each further hit (the same
kind of node), and on every hit, the strongest too, ``psmh:rule``, ``psmh:score``, ``prov:wasDerivedFrom``
(each page printing those words) and its quote's ``oa:prefix`` / ``oa:suffix``. The union of the two graphs
is the full evidence: an annotation has ``psmh:hitCount`` targets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from peerkg.concepts.records import Relation, Tag, WorkConcept
from peerkg.concepts.tagger import decide, duplicate_fields, work_hits
from peerkg.model import WorkRecord
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import terms
from peerkg.rdf.namespaces import OA, PSMH

DIRECT = {"model": PSMH.peerSupportModel, "setting": PSMH.setting, "theme": PSMH.theme}


@dataclass(frozen=True)
class Printing:
    """One page's record of a work, with the hits the tag stage found in it."""

    record: WorkRecord
    hits: tuple[Tag, ...]
    source: URIRef  # the page's source document
    source16: str


def field_node(minter: Minter, work: URIRef, record: WorkRecord, source16: str, field: str) -> URIRef:
    """The node whose text a hit's offsets point into."""
    if field.startswith("abstract/") and record.abstract:
        heading = field.split("/", 1)[1]
        for section in record.abstract.sections:
            if section.heading == heading:
                return minter.part(minter.abstract(work, source16), section.position)
    if field.startswith("abstract"):
        return minter.abstract(work, source16)
    if field.startswith("statement/"):
        return minter.statement(work, source16, field.split("/", 1)[1])
    return work  # title, teaser, body: the work itself


def work_concepts(printings: Sequence[Printing]) -> tuple[WorkConcept, ...]:
    """The work-level concepts of a work printed on these pages (each distinct text read once)."""
    records = [p.record for p in printings]
    return decide(work_hits(records, hits=[p.hits for p in printings]))


def map_work(annotations: Graph, evidence: Graph, minter: Minter, work: URIRef,
             printings: Sequence[Printing]) -> tuple[WorkConcept, ...]:
    """The annotations of one work (all its pages at once), into ``annotations`` and ``evidence``."""
    concepts = work_concepts(printings)
    shared = duplicate_fields([p.record for p in printings])
    for wc in concepts:
        a = minter.annotation(work, wc.concept)
        concept = URIRef(wc.concept)
        annotations.add((a, RDF.type, OA.Annotation))
        annotations.add((a, OA.hasBody, concept))
        annotations.add((a, OA.motivatedBy, OA.classifying if wc.relation is Relation.ABOUT else OA.tagging))
        annotations.add((a, PSMH.rule, Literal(wc.rule)))
        annotations.add((a, PSMH.hitCount, terms.integer(wc.hit_count)))
        strongest = wc.strongest
        for hit in wc.tags:
            printing = printings[hit.origin]
            target = minter.hit(a, printing.source16, hit.field, hit.start)
            graph = annotations if hit is strongest else evidence
            graph.add((a, OA.hasTarget, target))
            _target(graph, evidence, minter, work, target, hit, printing)
            for origin in shared.get((hit.origin, hit.field), (hit.origin,)):
                evidence.add((target, PROV.wasDerivedFrom, printings[origin].source))
        if wc.relation is Relation.ABOUT:
            annotations.add((work, DIRECT.get(wc.scheme, DCTERMS.subject), concept))
    return concepts


def _target(graph: Graph, evidence: Graph, minter: Minter, work: URIRef, target: URIRef, hit: Tag,
            printing: Printing) -> None:
    """A hit as an ``oa:SpecificResource``: the words and offsets into ``graph``, the rest into ``evidence``."""
    quote, position = minter.part(target, "quote"), minter.part(target, "position")
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, field_node(minter, work, printing.record, printing.source16, hit.field)))
    graph.add((target, PSMH.annotatedField, Literal(hit.field)))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(hit.words)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, terms.integer(hit.start)))
    graph.add((position, OA.end, terms.integer(hit.end)))
    evidence.add((target, PSMH.rule, Literal(hit.rule)))
    evidence.add((target, PSMH.score, terms.decimal(round(hit.score, 2))))
    if hit.prefix:
        evidence.add((quote, OA.prefix, Literal(hit.prefix)))
    if hit.suffix:
        evidence.add((quote, OA.suffix, Literal(hit.suffix)))
