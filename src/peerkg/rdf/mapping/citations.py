"""Map cited works (parsed reference strings) and in-text citations.

What a page states goes to the page's graph: the cited work's fields as parsed from the printed
reference, the in-text pointer with its text and offsets. What the build decides goes to the links
graph: which work a pointer resolves to (or its candidates), person merges, inferences.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from peerkg.model import (
    CitedEntry,
    CitedWork,
    Evidence,
    Inference,
    LinkDecision,
    PersonCluster,
    Pointer,
    WorkType,
    mention_id,
)
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import terms
from peerkg.rdf.mapping.page import PageMapper
from peerkg.rdf.namespaces import BIBO, BIRO, C4O, CITO, FABIO, PRO, PSMH

CONTAINER_CLASS = {
    WorkType.JOURNAL_ARTICLE: (FABIO.Journal, BIBO.Journal),
    WorkType.BOOK_CHAPTER: (FABIO.Book, BIBO.Book),
    WorkType.NEWSPAPER_ARTICLE: (FABIO.Newspaper, BIBO.Newspaper),
    WorkType.WEB_PAGE: (FABIO.WebSite, BIBO.Website),
}


def map_cited(mapper: PageMapper, entry: CitedEntry) -> None:
    """The cited work of one reference entry, in the citing page's graph."""
    g = mapper.graph
    citing = mapper.work_iris[entry.ref.index]
    ref = mapper.reference_node(citing, entry.ref.index, entry.position)
    cited, w = entry.cited, mapper.minter.work(entry.work)
    g.add((ref, BIRO.references, w))
    g.add((citing, CITO.cites, w))
    if entry.matched:
        return  # the cited work is described by its own page(s)
    g.add((w, RDF.type, DCTERMS.BibliographicResource))
    g.add((w, RDF.type, terms.WORK_CLASS[cited.work_type]))
    g.add((w, PROV.wasDerivedFrom, ref))
    if cited.title:  # the language of the citing page's reference list
        g.add((w, DCTERMS.title, Literal(cited.title, lang=mapper.page.works[entry.ref.index].language)))
    if cited.year:
        g.add((w, DCTERMS.issued, terms.year_literal(cited.year)))
        g.add((w, FABIO.hasPublicationYear, terms.year_literal(cited.year)))
    mapper.map_doi_and_pages(w, cited.doi, cited.pages)
    if cited.url:
        g.add((w, FABIO.hasURL, Literal(cited.url, datatype=XSD.anyURI)))
    if cited.chapter:
        g.add((w, BIBO.chapter, Literal(cited.chapter)))
    if cited.edition:
        g.add((w, BIBO.edition, Literal(cited.edition)))
    if cited.publisher:
        g.add((w, DCTERMS.publisher, mapper.organization(cited.publisher)))
    if cited.place:
        place = mapper.minter.place(cited.place)
        g.add((w, FABIO.hasPlaceOfPublication, place))
        g.add((place, RDF.type, DCTERMS.Location))
        g.add((place, RDFS.label, Literal(cited.place)))
    _map_cited_authors(mapper, entry, w)
    _map_container(mapper, cited, w)


def _map_cited_authors(mapper: PageMapper, entry: CitedEntry, w: URIRef) -> None:
    role_kind = PRO.editor if entry.cited.authors_are_editors else PRO.author
    for position, name in enumerate(entry.cited.authors, start=1):
        mention = mention_id(mapper.source16, entry.ref.index, position, entry.position)
        mapper.map_role(w, position, name, mention, role_kind)


def _map_container(mapper: PageMapper, cited: CitedWork, w: URIRef) -> None:
    if not cited.container_title:
        return
    g = mapper.graph
    classes = CONTAINER_CLASS.get(cited.work_type, (FABIO.Expression,))
    if cited.work_type is WorkType.JOURNAL_ARTICLE:
        container = mapper.journal(cited.container_title)
    else:
        container = mapper.minter.part(w, "container")
    for cls in classes:
        g.add((container, RDF.type, cls))
    is_journal = cited.work_type is WorkType.JOURNAL_ARTICLE
    g.add((container, DCTERMS.title, Literal(cited.container_title, lang=None if is_journal else "en")))
    if cited.work_type is WorkType.JOURNAL_ARTICLE and cited.volume:
        mapper.map_issue(container, cited.volume, cited.issue, w)
    else:
        g.add((w, DCTERMS.isPartOf, container))
        if cited.work_type is not WorkType.JOURNAL_ARTICLE:  # a book, newspaper or website
            g.add((container, RDF.type, DCTERMS.BibliographicResource))


def map_pointer(mapper: PageMapper, pointer: Pointer) -> URIRef:
    g = mapper.graph
    work = mapper.work_iris[pointer.ref.index]
    p = mapper.minter.pointer(work, mapper.source16, pointer.number)
    g.add((p, RDF.type, C4O.InTextReferencePointer))
    g.add((p, C4O.hasContent, Literal(pointer.citation.text)))
    g.add((p, C4O.hasContext, mapper.minter.node(pointer.context)))
    g.add((p, PSMH.offsetStart, terms.integer(pointer.citation.start)))
    g.add((p, PSMH.offsetEnd, terms.integer(pointer.citation.end)))
    g.add((p, PROV.wasDerivedFrom, mapper.source_iri))
    return p


def map_resolution(links: Graph, minter: Minter, pointer_node: URIRef, pointer: Pointer) -> None:
    r = pointer.resolution
    links.add((pointer_node, PSMH.resolutionStatus, minter.concept("resolution-status", r.status)))
    if r.work_id and r.status == "resolved":
        links.add((pointer_node, PSMH.resolvesTo, minter.node(r.work_id)))
    for candidate in r.candidates:
        links.add((pointer_node, PSMH.candidate, minter.node(candidate)))
    d = minter.decision("resolution", str(pointer_node))
    links.add((d, RDF.type, PSMH.LinkDecision))
    links.add((d, RDFS.label, Literal(f"in-text citation {r.citation!r} is {r.status}")))
    links.add((d, PSMH.subjectEntity, pointer_node))
    for target in ([r.work_id] if r.work_id else []) + list(r.candidates):
        links.add((d, PSMH.objectEntity, minter.node(target)))
    links.add((d, PSMH.rule, Literal(r.rule or "no-candidate")))
    links.add((d, PSMH.score, terms.decimal(r.score)))
    links.add((d, PSMH.evidence, Literal(spell(minter, r.evidence) or "no work in the graph fits the citation")))


def map_person_decisions(links: Graph, minter: Minter, cluster: PersonCluster, describe: Mapping[str, str]) -> None:
    """One psmh:LinkDecision per merge of two name forms into one person."""
    agent = minter.agent(cluster.agent)
    for decision in cluster.decisions:
        _decision(links, minter, decision, agent, describe)


def _decision(links: Graph, minter: Minter, decision: LinkDecision, agent: URIRef,
              describe: Mapping[str, str]) -> None:
    d = minter.decision("person", decision.subject, decision.object)
    links.add((d, RDF.type, PSMH.LinkDecision))
    links.add((d, RDFS.label, Literal(
        f"{describe.get(decision.subject, decision.subject)} is the same person as "
        f"{describe.get(decision.object, decision.object)}")))
    links.add((d, PSMH.subjectEntity, agent))
    links.add((d, PSMH.objectEntity, agent))
    links.add((d, PSMH.rule, Literal(decision.rule)))
    links.add((d, PSMH.score, terms.decimal(round(decision.score, 2))))
    links.add((d, PSMH.evidence, Literal(spell(minter, decision.evidence))))


def map_inference(links: Graph, minter: Minter, inference: Inference) -> URIRef:
    """A fact no page prints, as a reified statement with rule, confidence and evidence."""
    subject = minter.node(inference.subject)
    node = minter.inference(subject, inference.property, repr(inference.values))
    links.add((node, RDF.type, PSMH.Inference))
    links.add((node, RDF.type, RDF.Statement))
    links.add((node, RDF.subject, subject))
    links.add((node, PSMH.rule, Literal(inference.rule)))
    links.add((node, PSMH.confidence, terms.decimal(round(inference.confidence, 2))))
    links.add((node, PSMH.evidence, Literal(inference.evidence)))
    for source in inference.sources:  # the citation statements the evidence rests on
        links.add((node, PROV.wasDerivedFrom, minter.node(source)))
    if inference.property == "authors":
        links.add((node, RDF.predicate, DCTERMS.creator))
        links.add((node, RDF.object, Literal("; ".join(inference.all("author")))))
    elif inference.property == "journal":
        links.add((node, RDF.predicate, DCTERMS.isPartOf))
        issn = inference.get("issn")
        title = inference.get("title")
        if issn:
            links.add((node, RDF.object, minter.journal_by_issn(issn)))
        elif title:
            links.add((node, RDF.object, minter.journal_by_title(title)))
        if title:
            links.add((node, RDFS.comment, Literal(f"journal: {title}")))
    else:
        links.add((node, RDF.predicate, PSMH[inference.property]))
        links.add((node, RDF.object, Literal(repr(inference.values))))
    return node


def spell(minter: Minter, evidence: Evidence | str) -> str:
    """An evidence text with the nodes it names written as their IRIs."""
    return evidence.render(lambda key: str(minter.node(key))) if isinstance(evidence, Evidence) else evidence


__all__ = ["map_cited", "map_inference", "map_person_decisions", "map_pointer", "map_resolution", "spell"]
