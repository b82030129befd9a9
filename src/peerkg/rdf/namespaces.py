"""Namespaces peerkg uses. The data base IRI is configurable per deployment (see :class:`Base`)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

DEFAULT_BASE = "https://w3id.org/psmh/"

PSMH = Namespace(DEFAULT_BASE + "ontology#")
BIBO = Namespace("http://purl.org/ontology/bibo/")
FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
C4O = Namespace("http://purl.org/spar/c4o/")
BIRO = Namespace("http://purl.org/spar/biro/")
PRO = Namespace("http://purl.org/spar/pro/")
DOCO = Namespace("http://purl.org/spar/doco/")
DEO = Namespace("http://purl.org/spar/deo/")
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DC = Namespace("http://purl.org/dc/elements/1.1/")

PREFIXES: dict[str, Namespace] = {
    "psmh": PSMH,
    "dcterms": Namespace(str(DCTERMS)),
    "bibo": BIBO,
    "fabio": FABIO,
    "cito": CITO,
    "c4o": C4O,
    "biro": BIRO,
    "pro": PRO,
    "doco": DOCO,
    "foaf": Namespace(str(FOAF)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "schema": SCHEMA,
    "oa": OA,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace(str(SH)),
    "void": Namespace(str(VOID)),
    "vann": VANN,
}


@dataclass(frozen=True)
class Base:
    """The IRI base of one deployment: data, graphs and vocabularies live under it."""

    iri: str = DEFAULT_BASE

    @property
    def id(self) -> Namespace:
        return Namespace(self.iri + "id/")

    @property
    def graph(self) -> Namespace:
        return Namespace(self.iri + "graph/")

    @property
    def vocab(self) -> Namespace:
        return Namespace(self.iri + "vocab/")

    @property
    def links_graph(self) -> str:
        return self.iri + "graph/links"

    @property
    def annotations_graph(self) -> str:
        return self.iri + "graph/annotations"

    @property
    def evidence_graph(self) -> str:
        """Every concept hit (``…/graph/evidence``): not in the default dumps, its own dump."""
        return self.iri + "graph/evidence"

    @property
    def inferred_graph(self) -> str:
        return self.iri + "graph/inferred"

    @property
    def ontology_graph(self) -> str:
        return self.iri + "graph/ontology"


def sparql_prologue() -> str:
    """PREFIX lines for every prefix peerkg uses, for queries and the query page."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + \
        f"PREFIX id: <{DEFAULT_BASE}id/>\n"
