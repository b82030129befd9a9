"""rdflib terms and graphs as pyoxigraph terms and N-Triples lines.

The dumps of a build are written by pyoxigraph (:mod:`peerkg.rdf.dumps`); what the map stage made with
rdflib crosses over here, term by term, without a detour through rdflib's (slow) serialisers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["ntriples_lines", "ox_term", "ox_triples", "rdflib_term"]

_XSD_STRING = str(XSD.string)
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def ox_term(term: Node) -> OxTerm:
    """The pyoxigraph term of an rdflib term (a plain literal is an ``xsd:string`` in both)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_term(term: OxTerm) -> Node:
    """The rdflib term of a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def ox_triples(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[ox.Triple]:
    for s, p, o in triples:
        yield ox.Triple(ox_term(s), ox_term(p), ox_term(o))  # type: ignore[arg-type]


def ntriples_lines(triples: Iterable[tuple[Node, Node, Node]]) -> list[bytes]:
    """The triples as N-Triples lines (each ending in ``" .\\n"``), sorted byte-wise, each once."""
    text = ox.serialize(ox_triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    return sorted(set(text.splitlines(keepends=True)))
