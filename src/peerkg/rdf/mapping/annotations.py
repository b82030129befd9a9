"""Map concept tags to W3C Web Annotations, and "about" tags to direct links on the work.

Tags are peerkg's reading of a page, not something the page states, so they go to their own graph
(``…/graph/annotations``): one ``oa:Annotation`` per tag with the concept as body and the exact words,
their context and character offsets as selectors on the field they were found in; plus, for "about"
tags, ``psmh:peerSupportModel`` / ``psmh:setting`` / ``psmh:theme`` (or ``dcterms:subject`` for
populations, organisations and places) on the work, so simple queries stay simple.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from peerkg.concepts.records import Relation, Tag
from peerkg.model import WorkRecord
from peerkg.rdf.iri import Minter, short_hash
from peerkg.rdf.mapping import terms
from peerkg.rdf.namespaces import OA, PSMH

DIRECT = {"model": PSMH.peerSupportModel, "setting": PSMH.setting, "theme": PSMH.theme}


def field_node(minter: Minter, work: URIRef, record: WorkRecord, source16: str, field: str) -> URIRef:
    """The node whose text a tag's offsets point into."""
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


def map_tags(graph: Graph, minter: Minter, work: URIRef, record: WorkRecord, source: URIRef, source16: str,
             tags: tuple[Tag, ...]) -> None:
    for tag in tags:
        a = minter.part(work, "annotation", short_hash(source16, tag.field, str(tag.start), tag.concept))
        target, quote, position = (minter.part(a, part) for part in ("target", "quote", "position"))
        concept = URIRef(tag.concept)
        graph.add((a, RDF.type, OA.Annotation))
        graph.add((a, OA.hasBody, concept))
        graph.add((a, OA.hasTarget, target))
        graph.add((a, OA.motivatedBy, OA.classifying if tag.relation is Relation.ABOUT else OA.tagging))
        graph.add((a, PSMH.rule, Literal(tag.rule)))
        graph.add((a, PSMH.score, terms.decimal(round(tag.score, 2))))
        graph.add((a, PROV.wasDerivedFrom, source))
        graph.add((target, RDF.type, OA.SpecificResource))
        graph.add((target, OA.hasSource, field_node(minter, work, record, source16, tag.field)))
        graph.add((target, PSMH.annotatedField, Literal(tag.field)))
        graph.add((target, OA.hasSelector, quote))
        graph.add((target, OA.hasSelector, position))
        graph.add((quote, RDF.type, OA.TextQuoteSelector))
        graph.add((quote, OA.exact, Literal(tag.words)))
        if tag.prefix:
            graph.add((quote, OA.prefix, Literal(tag.prefix)))
        if tag.suffix:
            graph.add((quote, OA.suffix, Literal(tag.suffix)))
        graph.add((position, RDF.type, OA.TextPositionSelector))
        graph.add((position, OA.start, terms.integer(tag.start)))
        graph.add((position, OA.end, terms.integer(tag.end)))
        if tag.relation is Relation.ABOUT:
            graph.add((work, DIRECT.get(tag.scheme, DCTERMS.subject), concept))
