"""OWL RL entailments over our own ontology, written into their own named graph.

The TBox is peerkg's ontology and concept schemes only — never the full SPAR/BIBO ontologies, whose
axioms turn articles into issues and mint ``owl:sameAs`` between literals (see DESIGN §6). What is
kept: new triples about our own nodes (subjects under the deployment base), minus the noise OWL RL
adds for every resource (reflexive ``owl:sameAs``, ``owl:Thing``, ``rdfs:Resource``).
"""

from __future__ import annotations

import owlrl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from peerkg import resources
from peerkg.rdf.namespaces import Base

_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class}


def tbox() -> Graph:
    graph = Graph()
    for path in resources.ontology_files():
        graph.parse(path, format="turtle")
    return graph


def entailments(data: Graph, ontology: Graph, base: Base | None = None) -> Graph:
    """The OWL RL entailments of ``data`` under ``ontology`` that are about our own nodes."""
    base = base or Base()
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in data:
        closure.add(triple)
    before = set(closure)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    inferred = Graph()
    for s, p, o in closure:
        if (s, p, o) in before or isinstance(s, Literal):
            continue
        if not str(s).startswith(base.iri + "id/"):
            continue
        if p == OWL.sameAs and s == o:
            continue
        if p == RDF.type and o in _NOISE_OBJECTS:
            continue
        inferred.add((s, p, o))
    return inferred


def infer_into(dataset: Dataset, base: Base | None = None) -> int:
    """Replace the inferred graph of ``dataset`` with fresh entailments; return how many triples."""
    base = base or Base()
    inferred_iri = URIRef(base.inferred_graph)
    ontology_iri = URIRef(base.ontology_graph)
    data = Graph()
    ontology = Graph()
    for context in dataset.graphs():
        if context.identifier == inferred_iri:
            continue
        target = ontology if context.identifier == ontology_iri else data
        for triple in context:
            target.add(triple)
    if not len(ontology):
        ontology = tbox()
    dataset.remove_graph(dataset.graph(inferred_iri))
    graph = dataset.graph(inferred_iri)
    for triple in entailments(data, ontology, base):
        graph.add(triple)
    return len(graph)
