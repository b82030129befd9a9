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


def axioms(ontology: Graph) -> Graph:
    """The ontology without its labels, definitions and metadata: literal-valued triples fire no OWL RL
    rule unless they are OWL's own (cardinalities, ``owl:hasValue``)."""
    kept = Graph()
    for s, p, o in ontology:
        if isinstance(o, Literal) and not str(p).startswith(str(OWL)):
            continue
        kept.add((s, p, o))
    return kept


def relevant(data: Graph, ontology: Graph) -> Graph:
    """The part of ``data`` an OWL RL rule can use under ``ontology``.

    Every OWL RL rule's data premises are ``rdf:type`` or ``owl:sameAs`` triples, or triples whose
    predicate the TBox names in some axiom (domain, range, sub-property, chain, inverse, functional, …).
    Triples with any other predicate (text content, annotations' selectors, …) can neither fire a rule
    nor be changed by one, so leaving them out gives the same entailments, much faster.
    """
    named = set(ontology.subjects()) | {o for o in ontology.objects() if isinstance(o, URIRef)}
    named |= {RDF.type, OWL.sameAs}
    kept = Graph()
    for triple in data:
        if triple[1] in named:
            kept.add(triple)
    return kept


def entailments(data: Graph, ontology: Graph, base: Base | None = None, prune: bool = True) -> Graph:
    """The OWL RL entailments of ``data`` under ``ontology`` that are about our own nodes.

    ``prune`` (default) reasons over :func:`axioms` and :func:`relevant` data only: the same entailments,
    several times faster (``bench/bench_inference.py``).
    """
    base = base or Base()
    closure = Graph()
    for triple in axioms(ontology) if prune else ontology:
        closure.add(triple)
    for triple in relevant(data, ontology) if prune else data:
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
