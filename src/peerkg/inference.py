"""OWL RL entailments over our own ontology, written into their own named graph.

The closure is computed by ``reasonable`` (a Rust OWL 2 RL reasoner), with the one rule it lacks,
``owl:propertyChainAxiom``, applied here; owlrl computes the same entailments (``engine="owlrl"``), an order
of magnitude slower, and the tests hold the two to each other.

The TBox is peerkg's ontology and concept schemes only — never the full SPAR/BIBO ontologies, whose
axioms turn articles into issues and mint ``owl:sameAs`` between literals (see DESIGN §6). What is
kept: new triples about our own nodes (subjects under the deployment base), minus the noise OWL RL
adds for every resource (reflexive ``owl:sameAs``, ``owl:Thing``, ``rdfs:Resource``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import owlrl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from peerkg import resources
from peerkg.rdf.namespaces import Base

Triple = tuple[Node, Node, Node]
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


_DECLARATIONS = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                 RDF.Property, OWL.NamedIndividual, OWL.Ontology}


def named_terms(ontology: Graph) -> set[URIRef]:
    """Terms some axiom of ``ontology`` is about: not mere declarations, datatype ranges or isDefinedBy."""
    named: set[URIRef] = set()
    for s, p, o in axioms(ontology):
        if (p == RDF.type and o in _DECLARATIONS) or p == RDFS.isDefinedBy:
            continue
        if p == RDFS.range and str(o).startswith(str(XSD)):
            continue
        named.update(t for t in (s, p, o) if isinstance(t, URIRef))
    return named


def relevant(data: Iterable[Triple], ontology: Graph) -> set[Triple]:
    """The part of ``data`` an OWL RL rule can use under ``ontology``.

    Every OWL RL rule's data premises are ``owl:sameAs`` triples, ``rdf:type`` triples whose class some
    axiom names, or triples whose predicate some axiom names (domain, range to a class, sub-property,
    chain, inverse, functional, …). Any other triple (text content, annotation selectors, the types of
    nodes no axiom speaks of) can neither fire a rule nor be changed by one, so leaving it out gives the
    same entailments, much faster. A property that is only declared, with a datatype range, names nothing:
    OWL RL can only derive literal types from it, which :func:`entailments` drops anyway.
    """
    named = named_terms(ontology)
    return {(s, p, o) for s, p, o in data if p == OWL.sameAs or (o in named if p == RDF.type else p in named)}


def relevant_in(dataset: Dataset, ontology: Graph, skip: Iterable[URIRef]) -> set[Triple]:
    """:func:`relevant` over every graph of ``dataset`` but ``skip``, read through the store's predicate
    index (one lookup per named predicate or class) instead of copying the graphs."""
    named = named_terms(ontology)
    skipped = set(skip)
    wanted = [(None, p, None) for p in sorted(named | {OWL.sameAs}) if p != RDF.type]
    wanted += [(None, RDF.type, c) for c in sorted(named)]
    found: set[Triple] = set()
    for pattern in wanted:
        for triple, contexts in dataset.store.triples(pattern, None):  # type: ignore[arg-type]
            if triple not in found and any(_name(c) not in skipped for c in contexts):
                found.add(triple)
    return found


def _name(context: object) -> object:
    return getattr(context, "identifier", context)


def property_chains(ontology: Graph) -> list[tuple[URIRef, tuple[URIRef, ...]]]:
    """``(p, (p1, …, pn))`` for every ``p owl:propertyChainAxiom (p1 … pn)`` of the ontology."""
    chains = []
    for prop, head in ontology.subject_objects(OWL.propertyChainAxiom):
        steps = tuple(step for step in ontology.items(head) if isinstance(step, URIRef))
        if isinstance(prop, URIRef) and len(steps) >= 2:
            chains.append((prop, steps))
    return sorted(chains)


def _chain_closure(triples: set[tuple[Node, Node, Node]], chains: list[tuple[URIRef, tuple[URIRef, ...]]],
                   ) -> set[tuple[Node, Node, Node]]:
    """The triples OWL RL's chain rule (prp-spo2) derives from ``triples`` and not in them, to a fixpoint."""
    by_predicate: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_predicate[p][s].add(o)
    new: set[tuple[Node, Node, Node]] = set()
    changed = True
    while changed:
        changed = False
        for prop, steps in chains:
            frontier = {(x, y) for x, ys in by_predicate[steps[0]].items() for y in ys}
            for step in steps[1:]:
                links = by_predicate[step]
                frontier = {(x, z) for x, y in frontier for z in links.get(y, ())}
            for x, z in frontier:
                if z not in by_predicate[prop].get(x, ()):
                    by_predicate[prop][x].add(z)
                    new.add((x, prop, z))
                    changed = True
    return new


def _plain(term: Node) -> Node:
    """``"x"^^xsd:string`` as the plain literal ``"x"`` (the same RDF 1.1 term, the way rdflib parses it)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _closure_reasonable(start: set[Triple], ontology: Graph) -> set[Triple]:
    """The OWL 2 RL closure of ``start`` by the Rust reasoner ``reasonable``, plus what it leaves out:
    ``owl:propertyChainAxiom`` (prp-spo2), computed here and fed back until nothing new follows."""
    import reasonable

    chains = property_chains(ontology)
    triples = set(start)
    while True:
        reasoner = reasonable.PyReasoner()
        reasoner.from_graph(list(triples))
        closure = {(_plain(s), _plain(p), _plain(o)) for s, p, o in reasoner.reason()} | triples
        more = _chain_closure(closure, chains)
        if not more:
            return closure
        triples = closure | more


def _closure_owlrl(start: set[Triple]) -> set[Triple]:
    graph = Graph()
    for triple in start:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    return set(graph)


def entailments(data: Iterable[Triple], ontology: Graph, base: Base | None = None, prune: bool = True,
                engine: str = "reasonable", pruned: bool = False) -> Graph:
    """The OWL RL entailments of ``data`` under ``ontology`` that are about our own nodes.

    ``prune`` (default) reasons over :func:`axioms` and :func:`relevant` data only: the same entailments,
    several times faster (``bench/bench_inference.py``). ``engine``: "reasonable" (default; the Rust OWL 2
    RL reasoner, with the property-chain rule it lacks computed here) or "owlrl" (the reference the tests
    hold it to). ``pruned``: ``data`` is already :func:`relevant`.
    """
    base = base or Base()
    start: set[Triple] = set(axioms(ontology) if prune else ontology)
    start |= set(data) if pruned or not prune else relevant(data, ontology)
    before = frozenset(start)
    if engine == "owlrl":
        closure = _closure_owlrl(start)
    elif engine == "reasonable":
        closure = _closure_reasonable(start, ontology)
    else:
        raise ValueError(f"unknown inference engine {engine!r}: use 'reasonable' or 'owlrl'")
    inferred = Graph()
    ids = str(base.id)
    for s, p, o in closure:
        if (s, p, o) in before or isinstance(s, Literal):
            continue
        if not str(s).startswith(ids):
            continue
        if p == OWL.sameAs and s == o:
            continue
        if p == RDF.type and o in _NOISE_OBJECTS:
            continue
        inferred.add((s, p, o))
    return inferred


def asserted(dataset: Dataset, base: Base | None = None) -> tuple[Graph, Graph]:
    """The asserted data (every graph but the ontology and inferred graphs) and the ontology graph
    (the shipped ontology when the dataset has none)."""
    base = base or Base()
    inferred_iri, ontology_iri = URIRef(base.inferred_graph), URIRef(base.ontology_graph)
    data, ontology = Graph(), Graph()
    for context in dataset.graphs():
        if context.identifier == inferred_iri:
            continue
        target = ontology if context.identifier == ontology_iri else data
        for triple in context:
            target.add(triple)
    return data, ontology if len(ontology) else tbox()


def infer_into(dataset: Dataset, base: Base | None = None) -> int:
    """Replace the inferred graph of ``dataset`` with fresh entailments; return how many triples. The
    asserted graphs are read in place (:func:`relevant_in`), not copied."""
    base = base or Base()
    inferred_iri, ontology_iri = URIRef(base.inferred_graph), URIRef(base.ontology_graph)
    dataset.remove_graph(dataset.graph(inferred_iri))
    ontology = dataset.graph(ontology_iri)
    if not len(ontology):
        ontology = tbox()
    data = relevant_in(dataset, ontology, skip=(inferred_iri, ontology_iri))
    graph = dataset.graph(inferred_iri)
    for triple in entailments(data, ontology, base, pruned=True):
        graph.add(triple)
    return len(graph)
