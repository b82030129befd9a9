"""Map the decisions of the resolve stage that span pages into the links graph, with their evidence."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS

from peerkg.model import CitedMerge, Decisions, JournalJoin, ParsedPage, RecordRef, WorkMerge
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import citations, terms
from peerkg.rdf.namespaces import PSMH


def _label(ref: RecordRef, pages: Sequence[ParsedPage]) -> str:
    return f"{pages[ref.page].document.name} work {ref.index + 1}"


def map_work_merge(links: Graph, merge: WorkMerge, pages: Sequence[ParsedPage], minter: Minter) -> None:
    """One ``psmh:LinkDecision`` for a pair of work descriptions found to be the same work."""
    first, second = merge.first, merge.second
    d = minter.decision("work-merge", pages[first.page].document.sha256, str(first.index),
                        pages[second.page].document.sha256, str(second.index))
    work = minter.work(merge.work)
    links.add((d, RDF.type, PSMH.LinkDecision))
    links.add((d, RDFS.label, Literal(f"{_label(first, pages)} and {_label(second, pages)} describe the same work")))
    links.add((d, PSMH.rule, Literal(merge.rule)))
    links.add((d, PSMH.score, terms.decimal(merge.score)))
    links.add((d, PSMH.subjectEntity, work))
    links.add((d, PSMH.objectEntity, work))
    links.add((d, PSMH.evidence, Literal(merge.evidence)))
    for ref in (first, second):
        links.add((d, PROV.wasDerivedFrom, minter.source(pages[ref.page].document.sha256)))


def map_cited_merge(links: Graph, merge: CitedMerge, pages: Sequence[ParsedPage], minter: Minter) -> None:
    """One ``psmh:LinkDecision`` for two reference entries (of different lists) found to cite one work."""
    (first, one), work = merge.first, minter.work(merge.work)
    key = [pages[first.page].document.sha256, str(first.index), str(one)]
    if merge.second is None:  # one entry joined to a described work
        label = f"reference {one} of {_label(first, pages)} cites a work a page describes"
        refs = [first]
    else:
        second, other = merge.second
        key += [pages[second.page].document.sha256, str(second.index), str(other)]
        label = f"reference {one} of {_label(first, pages)} and reference {other} of {_label(second, pages)} " \
                "cite the same work"
        refs = [first, second]
    d = minter.decision("cited-merge", *key)
    links.add((d, RDF.type, PSMH.LinkDecision))
    links.add((d, RDFS.label, Literal(label)))
    links.add((d, PSMH.rule, Literal(merge.rule)))
    links.add((d, PSMH.score, terms.decimal(merge.score)))
    links.add((d, PSMH.subjectEntity, work))
    links.add((d, PSMH.objectEntity, work))
    links.add((d, PSMH.evidence, Literal(merge.evidence)))
    for ref in refs:
        links.add((d, PROV.wasDerivedFrom, minter.source(pages[ref.page].document.sha256)))


def map_journal_join(links: Graph, join: JournalJoin, minter: Minter) -> None:
    """One ``psmh:LinkDecision`` for the printings of one journal title: the node they are (none when the
    title is printed with several ISSNs)."""
    d = minter.decision("journal", join.key)
    links.add((d, RDF.type, PSMH.LinkDecision))
    links.add((d, RDFS.label, Literal(f"the journal printed as {join.title!r}")))
    links.add((d, PSMH.rule, Literal(join.rule)))
    links.add((d, PSMH.score, terms.decimal(1.0 if join.rule == "title-variants" else 0.9)))
    links.add((d, PSMH.subjectEntity, minter.journal(join.node)))
    if join.rule != "title-with-several-issns":
        links.add((d, PSMH.objectEntity, minter.journal(join.node)))
    links.add((d, PSMH.evidence, Literal(join.evidence)))
    for source in join.sources:
        links.add((d, PROV.wasDerivedFrom, minter.source(source)))


def map_decisions(links: Graph, decisions: Decisions, pages: Sequence[ParsedPage], minter: Minter) -> None:
    """Work merges, person merges and implied facts: everything decided across pages."""
    for merge in decisions.merges:
        map_work_merge(links, merge, pages, minter)
    for cited in decisions.cited_merges:
        map_cited_merge(links, cited, pages, minter)
    for cluster in decisions.people:
        citations.map_person_decisions(links, minter, cluster, decisions.mention_labels)
    for inference in decisions.inferences:
        citations.map_inference(links, minter, inference)
    for join in decisions.journals.joins:
        map_journal_join(links, join, minter)
