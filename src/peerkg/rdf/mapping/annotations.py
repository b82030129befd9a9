"""Map a work's concepts to W3C Web Annotations: one compact annotation per work × concept, every hit kept.

Tags are peerkg's reading of a page, not something the page states, so they go to graphs of their own.

``…/graph/annotations`` (in the default dumps) — per work × concept, ``{work}/annotation/{scheme}-{slug}``,
six triples: ``a oa:Annotation`` · ``oa:hasBody`` the concept · ``oa:hasTarget`` the work ·
``oa:motivatedBy oa:classifying`` (the work is *about* it) or ``oa:tagging`` (it *mentions* it) ·
``psmh:hitCount`` (how many hits) · ``psmh:strongestHit`` (the hit a reader should see first, a node of the
evidence graph). "About" concepts also give the work ``psmh:peerSupportModel`` / ``psmh:setting`` /
``psmh:theme`` (populations, organisations, places: ``dcterms:subject``), so simple queries stay simple.

``…/graph/evidence`` (its own dump, loaded by the service) — the annotation's ``psmh:rule`` (why, at work
level) and ``psmh:hit`` each of its hits, the strongest too; a hit ``{annotation}/hit/{hash}`` is an
``oa:SpecificResource`` with ``oa:hasSource`` (the work, abstract section or statement whose text holds the
words), ``psmh:annotatedField``, ``psmh:rule``, ``psmh:score``, ``prov:wasDerivedFrom`` (each page printing
those words) and two selectors: ``oa:TextQuoteSelector`` (``oa:exact``, ``oa:prefix``, ``oa:suffix``) and
``oa:TextPositionSelector`` (``oa:start``, ``oa:end``). An annotation has ``psmh:hitCount`` hits.

No term used here has a domain or range the default graph lacks, so inference adds nothing per annotation.
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
        annotations.add((a, OA.hasTarget, work))
        annotations.add((a, OA.motivatedBy, OA.classifying if wc.relation is Relation.ABOUT else OA.tagging))
        annotations.add((a, PSMH.hitCount, terms.integer(wc.hit_count)))
        evidence.add((a, PSMH.rule, Literal(wc.rule)))
        strongest = wc.strongest
        for hit in wc.tags:
            printing = printings[hit.origin]
            node = minter.hit(a, printing.source16, hit.field, hit.start)
            if hit is strongest:
                annotations.add((a, PSMH.strongestHit, node))
            evidence.add((a, PSMH.hit, node))
            _hit(evidence, minter, work, node, hit, printing)
            for origin in shared.get((hit.origin, hit.field), (hit.origin,)):
                evidence.add((node, PROV.wasDerivedFrom, printings[origin].source))
        if wc.relation is Relation.ABOUT:
            annotations.add((work, DIRECT.get(wc.scheme, DCTERMS.subject), concept))
    return concepts


def _hit(evidence: Graph, minter: Minter, work: URIRef, node: URIRef, hit: Tag, printing: Printing) -> None:
    """A hit as an ``oa:SpecificResource``: where the words are, the words, their offsets, rule and score."""
    quote, position = minter.part(node, "quote"), minter.part(node, "position")
    evidence.add((node, RDF.type, OA.SpecificResource))
    evidence.add((node, OA.hasSource, field_node(minter, work, printing.record, printing.source16, hit.field)))
    evidence.add((node, PSMH.annotatedField, Literal(hit.field)))
    evidence.add((node, OA.hasSelector, quote))
    evidence.add((node, OA.hasSelector, position))
    evidence.add((node, PSMH.rule, Literal(hit.rule)))
    evidence.add((node, PSMH.score, terms.decimal(round(hit.score, 2))))
    evidence.add((quote, RDF.type, OA.TextQuoteSelector))
    evidence.add((quote, OA.exact, Literal(hit.words)))
    if hit.prefix:
        evidence.add((quote, OA.prefix, Literal(hit.prefix)))
    if hit.suffix:
        evidence.add((quote, OA.suffix, Literal(hit.suffix)))
    evidence.add((position, RDF.type, OA.TextPositionSelector))
    evidence.add((position, OA.start, terms.integer(hit.start)))
    evidence.add((position, OA.end, terms.integer(hit.end)))
