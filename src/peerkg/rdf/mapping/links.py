"""Map the decisions of the identity and linking steps into the links graph, with their evidence."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from peerkg.identity import WorkIdentity
from peerkg.model import SourceDocument
from peerkg.rdf.iri import Minter, short_hash
from peerkg.rdf.mapping import terms
from peerkg.rdf.namespaces import PSMH


def decision_iri(minter: Minter, *key: str) -> URIRef:
    return URIRef(minter.base.iri + "id/decision/" + short_hash(*key))


def map_work_merges(links: Graph, identity: WorkIdentity, documents: Sequence[SourceDocument],
                    minter: Minter) -> None:
    """One ``psmh:LinkDecision`` per pair of work descriptions found to be the same work."""
    for merge in identity.merges:
        first, second = merge.first, merge.second
        d = decision_iri(minter, "work-merge", documents[first.page].sha256, str(first.index),
                         documents[second.page].sha256, str(second.index))
        work = identity.iris[first]
        links.add((d, RDF.type, PSMH.LinkDecision))
        links.add((d, RDFS.label, Literal(
            f"{first.label(documents)} and {second.label(documents)} describe the same work")))
        links.add((d, PSMH.rule, Literal(merge.rule)))
        links.add((d, PSMH.score, terms.decimal(merge.score)))
        links.add((d, PSMH.subjectEntity, work))
        links.add((d, PSMH.objectEntity, work))
        links.add((d, PSMH.evidence, Literal(merge.evidence)))
        for ref in (first, second):
            links.add((d, PROV.wasDerivedFrom, minter.source(documents[ref.page].sha256)))
