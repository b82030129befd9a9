"""OWL 2 DL declarations (ontology/psmh.ttl, its last section): every term the build writes is defined by the
ontology files or declared with its OWL kind; the kinds fit how the data uses each term; no property has two
kinds (OWL 2 DL forbids an IRI to be an object and a datatype property, or an annotation property and either);
every declared term exists in its vocabulary (the pinned term lists, tests/vocabularies.py)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from peerkg import resources
from peerkg.rdf import namespaces
from peerkg.rdf.namespaces import PREFIXES, PSMH
from vocabularies import term_exists

MAPPING = Path(namespaces.__file__).resolve().parent / "mapping"
ONTOLOGY_IRI = URIRef("https://w3id.org/psmh/ontology")
OWN_BASE = "https://w3id.org/psmh/"
#: the reserved vocabularies: OWL 2 DL gives their terms a fixed meaning and forbids declaring them
BUILT_IN = (str(RDF), str(RDFS), str(OWL), str(XSD))
#: the namespaces of the vocabularies peerkg reuses (namespaces.PREFIXES), ours and the reserved ones left out
REUSED = tuple(sorted({str(ns) for ns in PREFIXES.values()} - {str(PSMH), *BUILT_IN}))
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
KINDS = (OWL.Class, *PROPERTY_KINDS, OWL.NamedIndividual)


@cache
def ontology() -> Graph:
    """Every shipped ontology file: psmh.ttl, the concept schemes, the thesaurus."""
    g = Graph()
    for path in resources.ontology_files():
        g.parse(path, format="turtle")
    return g


@cache
def kinds() -> dict[URIRef, set[URIRef]]:
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for term, kind in ontology().subject_objects(RDF.type):
        if kind in KINDS and isinstance(term, URIRef):
            found[term].add(kind)
    return dict(found)


def reused(iri: object) -> bool:
    return isinstance(iri, URIRef) and str(iri).startswith(REUSED)


def defined(iri: URIRef) -> bool:
    """Ours: a psmh: term, a concept or scheme of the shipped files, or the ontology itself."""
    return iri == ONTOLOGY_IRI or (iri, RDF.type, None) in ontology()


def declared_as(kind: URIRef) -> set[URIRef]:
    return {t for t, k in kinds().items() if kind in k}


@pytest.fixture(scope="module")
def build_quads(seed_build) -> list[tuple]:
    """Every quad of the seed build: the page graphs, links, annotations, evidence, inferred and ontology."""
    return list(seed_build.dataset.quads((None, None, None, None)))


def test_the_seed_build_holds_every_graph(build_quads) -> None:
    graphs = {str(g.identifier if hasattr(g, "identifier") else g) for *_t, g in build_quads}
    assert {OWN_BASE + f"graph/{n}" for n in ("links", "annotations", "evidence", "inferred", "ontology")} <= graphs


def test_every_term_the_build_writes_is_defined_or_declared(build_quads) -> None:
    """Predicates, classes and every other term of a reused vocabulary the data holds (CiTO characterizations,
    PRO roles, Web Annotation motivations): each one declared; each psmh: term defined."""
    used: set[URIRef] = set()
    for s, p, o, _g in build_quads:
        used.update(t for t in (s, p, o) if isinstance(t, URIRef) and (reused(t) or str(t).startswith(str(PSMH))))
    undeclared = sorted(str(t) for t in used if reused(t) and t not in kinds())
    undefined = sorted(str(t) for t in used if str(t).startswith(str(PSMH)) and not defined(t))
    assert (undeclared, undefined) == ([], [])
    assert len(used) > 130  # 146 on the seed build: 95 reused terms, 51 of ours


def test_every_term_the_mapping_code_can_write_is_declared() -> None:
    """Also what the seed pages do not happen to need (bibo:edition, fabio:Thesis, pro:editor…)."""
    spaces = {"BIBO": namespaces.BIBO, "FABIO": namespaces.FABIO, "CITO": namespaces.CITO, "C4O": namespaces.C4O,
              "BIRO": namespaces.BIRO, "PRO": namespaces.PRO, "DOCO": namespaces.DOCO, "DEO": namespaces.DEO,
              "SCHEMA": namespaces.SCHEMA, "OA": namespaces.OA, **{n: PREFIXES[n.lower()] for n in (
                  "DCTERMS", "FOAF", "SKOS", "PROV")}}
    written: set[URIRef] = set()
    for path in MAPPING.glob("*.py"):
        for space, name in re.findall(r"\b([A-Z][A-Z0-9]+)\.([A-Za-z]\w*)\b", path.read_text(encoding="utf-8")):
            if space in spaces:
                written.add(URIRef(str(spaces[space]) + name))
    assert len(written) > 85  # 93 terms
    assert sorted(str(t) for t in written if t not in kinds()) == []


def test_every_declared_term_exists_in_its_vocabulary() -> None:
    declared = [t for t in kinds() if not str(t).startswith(OWN_BASE)]
    assert all(reused(t) for t in declared), sorted(str(t) for t in declared if not reused(t))
    assert sorted(str(t) for t in declared if term_exists(str(t)) is not True) == []


def test_no_reserved_term_is_declared_and_every_own_term_has_one_kind() -> None:
    assert sorted(str(t) for t in kinds() if str(t).startswith(BUILT_IN)) == []
    for term in (t for t in kinds() if str(t).startswith(str(PSMH))):
        assert len(kinds()[term]) == 1, term


def test_no_punning_between_kinds_of_property_or_with_classes() -> None:
    for term, found in kinds().items():
        assert len(found & set(PROPERTY_KINDS)) <= 1, f"{term} is declared {sorted(found)}"
        assert not (OWL.Class in found and found & set(PROPERTY_KINDS)), f"{term} is declared {sorted(found)}"


def test_declared_kinds_fit_the_values_in_the_data_and_the_ontology(build_quads) -> None:
    """An object property's values are IRIs (or blank nodes), a datatype property's literals, in the build's
    output and in the ontology files alike; every class the data types its nodes with is a class."""
    values: dict[URIRef, set[str]] = defaultdict(set)
    triples = [(s, p, o) for s, p, o, _g in build_quads] + list(ontology())
    for _s, p, o in triples:
        values[p].add("literal" if isinstance(o, Literal) else "node")
    objects = declared_as(OWL.ObjectProperty)
    datatypes = declared_as(OWL.DatatypeProperty)
    assert sorted(str(p) for p in objects if "literal" in values.get(p, set())) == []
    assert sorted(str(p) for p in datatypes if "node" in values.get(p, set())) == []
    classes = {o for _s, p, o in triples if p == RDF.type and reused(o)}
    assert sorted(str(c) for c in classes if OWL.Class not in kinds().get(c, set())) == []


def test_what_annotates_the_ontology_its_terms_and_concepts_is_an_annotation_property() -> None:
    """OWL 2 DL: statements about the ontology, about classes and properties, and literal-valued statements
    about the concepts of the schemes can only be annotations."""
    g = ontology()
    own_terms = {t for t in kinds() if str(t).startswith(str(PSMH))}
    concepts = set(g.subjects(RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#Concept"))) | set(
        g.subjects(RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme")))
    used = {p for s, p, o in g if (s == ONTOLOGY_IRI or s in own_terms or (s in concepts and isinstance(o, Literal)))
            and not str(p).startswith(BUILT_IN)}
    assert used, "no annotations found"
    annotations = declared_as(OWL.AnnotationProperty)
    assert sorted(str(p) for p in used if p not in annotations) == []


def test_the_ontology_names_no_blank_node_but_its_lists() -> None:
    """Blank nodes only as the RDF lists of property chains (owl:propertyChainAxiom)."""
    g = ontology()
    for node in {t for triple in g for t in triple if isinstance(t, BNode)}:
        assert set(g.predicates(node)) <= {RDF.first, RDF.rest}, node
