"""Quality of the peerkg ontology (ontology/psmh.ttl) and concept schemes (ontology/schemes.ttl), DESIGN §6."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, VANN, XSD

from peerkg import resources
from peerkg.rdf.namespaces import PSMH

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY_IRI = URIRef("https://w3id.org/psmh/ontology")
VOCAB = "https://w3id.org/psmh/vocab/"
OWN_BASE = "https://w3id.org/psmh/"
CITO = "http://purl.org/spar/cito/"

CLASSES = {"CitationStatement", "StatedCount", "LinkDecision", "Inference"}
OBJECT_PROPERTIES = {"peerSupportModel", "setting", "theme", "hasStatedCount", "countKind", "resolutionStatus",
                     "resolvesTo", "candidate", "sourceKind", "sameTextAs", "subjectEntity", "objectEntity",
                     "hit", "strongestHit"}
DATATYPE_PROPERTIES = {"countValue", "countQualifier", "confidence", "citingSection", "nameAsWritten",
                       "listingTeaser", "aheadOfPrint", "truncated", "offsetStart", "offsetEnd", "sha256",
                       "byteSize", "converterVersion", "rule", "score", "evidence", "annotatedField", "hitCount",
                       "noViolations"}

SCHEMES = {
    "abstract-heading": ["purpose", "design-methodology-approach", "findings", "research-limitations-implications",
                         "practical-implications", "social-implications", "originality-value", "background",
                         "conclusions"],
    "citation-type": ["supporting", "mentioning", "contrasting", "unclassified"],
    "count-kind": ["search-results", "references", "cited-by", "citation-statements", "supporting", "mentioning",
                   "contrasting", "unclassified", "unlabelled-listing-figure"],
    "source-kind": ["article-page", "search-listing", "citation-report", "full-text"],
    "resolution-status": ["resolved", "ambiguous", "unresolved"],
    "subject": [],
    "keyword": [],
    "publication-type": [],
}


def own_file(name: str) -> Path:
    paths = [p for p in resources.ontology_files() if p.name == name]
    assert paths, f"ontology/{name} is not shipped"
    return paths[0]


@cache
def psmh() -> Graph:
    return Graph().parse(own_file("psmh.ttl"))


@cache
def schemes() -> Graph:
    return Graph().parse(own_file("schemes.ttl"))


def own_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(str(PSMH))}


def en(values) -> list[Literal]:
    return [v for v in values if isinstance(v, Literal) and v.language == "en"]


# ------------------------------------------------------------------------------------------------
# the ontology header
# ------------------------------------------------------------------------------------------------


def test_exactly_one_ontology_with_all_header_fields():
    g = psmh()
    assert list(g.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]
    o = ONTOLOGY_IRI
    info = g.value(o, OWL.versionInfo)
    assert info is not None and re.fullmatch(r"\d+\.\d+\.\d+", str(info)), "versionInfo must be SemVer"
    assert g.value(o, OWL.versionIRI) == URIRef(f"{o}/{info}")
    for p in (DCTERMS.title, DCTERMS.description):
        assert len(en(g.objects(o, p))) == 1, p
    assert g.value(o, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    for p in (DCTERMS.creator, DCTERMS.publisher):  # named, not described: no organisation node in the file
        assert g.value(o, p) == Literal("The peerkg project"), p
    dates = {}
    for p in (DCTERMS.created, DCTERMS.issued, DCTERMS.modified):
        d = g.value(o, p)
        assert isinstance(d, Literal) and d.datatype == XSD.date and d.value is not None, p
        dates[p] = d.value
    assert dates[DCTERMS.created] <= dates[DCTERMS.issued] <= dates[DCTERMS.modified]
    prior = g.value(o, OWL.priorVersion)
    assert prior is not None and str(prior).startswith(f"{o}/") and prior != g.value(o, OWL.versionIRI)
    assert str(g.value(o, VANN.preferredNamespacePrefix)) == "psmh"
    assert str(g.value(o, VANN.preferredNamespaceUri)) == str(PSMH)
    assert not list(g.objects(o, OWL.imports)), "never import the full SPAR/BIBO ontologies"


# ------------------------------------------------------------------------------------------------
# own terms
# ------------------------------------------------------------------------------------------------


def test_the_terms_of_the_data_model_are_declared_with_their_kinds():
    g = psmh()
    for kind, names in ((OWL.Class, CLASSES), (OWL.ObjectProperty, OBJECT_PROPERTIES),
                        (OWL.DatatypeProperty, DATATYPE_PROPERTIES)):
        for name in names:
            assert (PSMH[name], RDF.type, kind) in g, f"psmh:{name} must be a {kind}"
    assert own_terms(g) == {PSMH[n] for n in CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES}


def test_ontology_and_data_model_document_the_same_terms():
    text = (REPO / "docs" / "data-model.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"psmh:([A-Za-z][A-Za-z0-9]*)", text))
    declared = {str(t)[len(str(PSMH)):] for t in own_terms(psmh())}
    assert documented == declared


def test_every_psmh_term_used_in_shapes_or_schemes_is_declared():
    declared = own_terms(psmh())
    for path in [*resources.shapes_files(), own_file("schemes.ttl")]:
        g = Graph().parse(path)
        used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(PSMH))}
        text = path.read_text(encoding="utf-8")
        used |= {PSMH[n] for n in re.findall(r"psmh:([A-Za-z][A-Za-z0-9]*)", text)}
        assert used <= declared, f"{path.name}: {sorted(used - declared)}"


@pytest.mark.parametrize("term", sorted(CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES))
def test_every_own_term_is_typed_labelled_defined_and_defined_by(term):
    g = psmh()
    t = PSMH[term]
    types = set(g.objects(t, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    labels = list(g.objects(t, RDFS.label))
    assert len(labels) == 1 and en(labels), "one rdfs:label @en"
    definitions = list(g.objects(t, SKOS.definition))
    assert len(definitions) == 1 and en(definitions), "one skos:definition @en"
    assert not list(g.objects(t, RDFS.comment)), "skos:definition is the one definition property"
    assert g.value(t, RDFS.isDefinedBy) == ONTOLOGY_IRI
    assert len(list(g.objects(t, RDFS.domain))) <= 1
    assert len(list(g.objects(t, RDFS.range))) <= 1


def test_datatype_and_object_property_ranges_fit_their_kind():
    g = psmh()
    for name in DATATYPE_PROPERTIES:
        r = g.value(PSMH[name], RDFS.range)
        assert r is not None and (str(r).startswith(str(XSD)) or r == RDF.langString), name
    for name in ("peerSupportModel", "setting", "theme", "countKind", "resolutionStatus", "sourceKind"):
        assert g.value(PSMH[name], RDFS.range) == SKOS.Concept, name


def test_no_duplicate_labels_among_own_terms():
    g = psmh()
    labels = Counter(str(g.value(t, RDFS.label)).casefold() for t in own_terms(g))
    assert [lab for lab, n in labels.items() if n > 1] == []


DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}


def test_no_axioms_about_other_vocabularies_terms():
    """Of a term we do not own, the files say only what kind of term it is (its OWL 2 declaration)."""
    for g in (psmh(), schemes()):
        for s, p, o in g:
            if isinstance(s, BNode) or str(s).startswith(OWN_BASE):
                continue
            assert p == RDF.type and o in DECLARATIONS, f"triple about a term we do not own: {s} {p} {o}"


def test_the_ontology_file_describes_only_the_ontology_and_its_terms():
    g = psmh()
    own = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(OWN_BASE)}
    assert own == {ONTOLOGY_IRI} | own_terms(g), sorted(own - {ONTOLOGY_IRI} - own_terms(g))


def test_nothing_functional_that_could_collapse_nodes():
    g = psmh()
    for kind in (OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty):
        assert not list(g.subjects(RDF.type, kind)), kind
    for p in (OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, OWL.hasKey, OWL.maxCardinality,
              OWL.cardinality, OWL.maxQualifiedCardinality):
        assert not list(g.subject_objects(p)), p


def test_citation_statement_is_a_cito_citation():
    assert (PSMH.CitationStatement, RDFS.subClassOf, URIRef(CITO + "Citation")) in psmh()


# ------------------------------------------------------------------------------------------------
# SKOS concept schemes
# ------------------------------------------------------------------------------------------------


def test_schemes_and_their_concepts_are_exactly_the_listed_ones():
    g = schemes()
    found = {str(s)[len(VOCAB):] for s in g.subjects(RDF.type, SKOS.ConceptScheme)}
    assert found == set(SCHEMES)
    for scheme, slugs in SCHEMES.items():
        members = {str(c) for c in g.subjects(SKOS.inScheme, URIRef(VOCAB + scheme))}
        assert members == {f"{VOCAB}{scheme}/{slug}" for slug in slugs}, scheme


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_scheme_has_title_and_description(scheme):
    g = schemes()
    s = URIRef(VOCAB + scheme)
    assert len(en(g.objects(s, DCTERMS.title))) == 1
    assert len(en(g.objects(s, DCTERMS.description))) == 1


def test_every_concept_has_scheme_label_definition_and_is_top():
    g = schemes()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == sum(len(v) for v in SCHEMES.values())
    for c in concepts:
        scheme = g.value(c, SKOS.inScheme)
        assert scheme is not None and str(c).startswith(str(scheme) + "/"), c
        assert len(list(g.objects(c, SKOS.prefLabel))) == 1 and en(g.objects(c, SKOS.prefLabel)), c
        assert len(en(g.objects(c, SKOS.definition))) == 1, c
        assert g.value(c, SKOS.topConceptOf) == scheme, c
        assert (scheme, SKOS.hasTopConcept, c) in g, c
        for alt in g.objects(c, SKOS.altLabel):
            assert isinstance(alt, Literal) and alt.language == "en", c


def test_abstract_heading_labels():
    g = schemes()
    pref = {str(c)[len(VOCAB + "abstract-heading/"):]: str(g.value(c, SKOS.prefLabel))
            for c in g.subjects(SKOS.inScheme, URIRef(VOCAB + "abstract-heading"))}
    assert pref["purpose"] == "Purpose"
    assert pref["design-methodology-approach"] == "Design/methodology/approach"
    assert pref["originality-value"] == "Originality/value"
    alts = {str(a) for a in g.objects(URIRef(VOCAB + "abstract-heading/design-methodology-approach"),
                                       SKOS.altLabel)}
    assert {"Design", "Methodology"} <= alts
    assert "Originality" in {str(a) for a in g.objects(URIRef(VOCAB + "abstract-heading/originality-value"),
                                                         SKOS.altLabel)}


def test_no_duplicate_labels_within_a_scheme():
    g = schemes()
    by_scheme: dict[str, Counter] = defaultdict(Counter)
    for c in g.subjects(RDF.type, SKOS.Concept):
        scheme = str(g.value(c, SKOS.inScheme))
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in g.objects(c, p):
                by_scheme[scheme][(str(label).casefold(), label.language)] += 1
    for scheme, counts in by_scheme.items():
        assert [k for k, n in counts.items() if n > 1] == [], scheme


def test_citation_types_and_count_kinds_are_distinct_concepts():
    g = schemes()
    for slug in ("supporting", "mentioning", "contrasting", "unclassified"):
        a, b = URIRef(f"{VOCAB}citation-type/{slug}"), URIRef(f"{VOCAB}count-kind/{slug}")
        assert (a, RDF.type, SKOS.Concept) in g and (b, RDF.type, SKOS.Concept) in g
        assert a != b and g.value(a, SKOS.inScheme) != g.value(b, SKOS.inScheme)


# ------------------------------------------------------------------------------------------------
# OWL RL over our TBox
# ------------------------------------------------------------------------------------------------

SAMPLE = """
@base <https://w3id.org/psmh/id/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix fabio:   <http://purl.org/spar/fabio/> .
@prefix cito:    <http://purl.org/spar/cito/> .
@prefix c4o:     <http://purl.org/spar/c4o/> .
@prefix pro:     <http://purl.org/spar/pro/> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix schema:  <http://schema.org/> .
@prefix psmh:    <https://w3id.org/psmh/ontology#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

<work/doi/10.1108/a> a dcterms:BibliographicResource, fabio:JournalArticle ;
    dcterms:title "A"@en ; fabio:hasPublicationYear "2019"^^xsd:gYear, "2020"^^xsd:gYear ;
    psmh:aheadOfPrint true ; psmh:theme <https://w3id.org/psmh/vocab/theme/recovery> .
<work/doi/10.1108/b> a dcterms:BibliographicResource, fabio:JournalArticle ; dcterms:title "B"@en .
<work/doi/10.1108/a/author/1> a pro:RoleInTime ; pro:withRole pro:author ; pro:isHeldBy <person/a> ;
    pro:relatesToDocument <work/doi/10.1108/a> ; schema:position 1 ; psmh:nameAsWritten "A" .
<work/doi/10.1108/a/author/2> a pro:RoleInTime ; pro:withRole pro:author ; pro:isHeldBy <person/b> ;
    pro:relatesToDocument <work/doi/10.1108/a> ; schema:position 2 ; psmh:nameAsWritten "B" .
<work/doi/10.1108/b/statement/0123456789abcdef-1> a psmh:CitationStatement ;
    cito:hasCitedEntity <work/doi/10.1108/b> ; cito:hasCitingEntity <work/doi/10.1108/a> ;
    cito:hasCitationCharacterization cito:supports ; psmh:confidence 0.99 ; psmh:citingSection "Discussion" .
<work/doi/10.1108/b/statement/0123456789abcdef-2> a psmh:CitationStatement ;
    cito:hasCitedEntity <work/doi/10.1108/b> ;
    psmh:sameTextAs <work/doi/10.1108/b/statement/0123456789abcdef-1> .
<work/doi/10.1108/a/pointer/1> a c4o:InTextReferencePointer ;
    psmh:candidate <work/doi/10.1108/a>, <work/doi/10.1108/b> ; psmh:offsetStart 1 ; psmh:offsetEnd 5 .
<work/doi/10.1108/a/count/0123456789abcdef/cited-by> a psmh:StatedCount ; psmh:countValue 30 .
<work/doi/10.1108/a> psmh:hasStatedCount <work/doi/10.1108/a/count/0123456789abcdef/cited-by> .
<link/1> a psmh:LinkDecision ; psmh:subjectEntity <person/a> ; psmh:objectEntity <person/b> ;
    psmh:score 0.5 ; psmh:rule "r" .
<person/a> a foaf:Person . <person/b> a foaf:Person .
"""


@cache
def closure() -> tuple[Graph, Graph]:
    data = Graph().parse(data=SAMPLE, format="turtle")
    g = Graph()
    for t in data:
        g.add(t)
    g += psmh()
    g += schemes()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return data, g


def test_owl_rl_makes_citation_statements_cito_citations():
    _data, g = closure()
    stmt = URIRef("https://w3id.org/psmh/id/work/doi/10.1108/b/statement/0123456789abcdef-1")
    assert (stmt, RDF.type, URIRef(CITO + "Citation")) in g


def test_owl_rl_adds_no_sameas_between_distinct_nodes():
    _data, g = closure()
    bad = [(s, o) for s, o in g.subject_objects(OWL.sameAs) if s != o]
    assert bad == []


def test_owl_rl_adds_only_expected_types_to_data_nodes():
    data, g = closure()
    work = URIRef("https://w3id.org/psmh/id/work/doi/10.1108/a")
    new_types = set(g.objects(work, RDF.type)) - set(data.objects(work, RDF.type))
    assert new_types <= {OWL.Thing, RDFS.Resource}, new_types
    person = URIRef("https://w3id.org/psmh/id/person/a")
    assert set(g.objects(person, RDF.type)) - set(data.objects(person, RDF.type)) <= {OWL.Thing, RDFS.Resource}
    theme = URIRef("https://w3id.org/psmh/vocab/theme/recovery")
    assert (theme, RDF.type, SKOS.Concept) in g  # from the range of psmh:theme


def test_owl_rl_reports_no_inconsistency():
    _data, g = closure()
    assert not list(g.subjects(RDF.type, URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")))
    assert not [t for t in g if "inconsisten" in str(t[2]).lower()]


# ------------------------------------------------------------------------------------------------
# pyoxigraph reads our files as rdflib does
# ------------------------------------------------------------------------------------------------


def _from_oxigraph(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(term)


def _plain(g: Graph) -> Graph:
    """The same graph with literals rebuilt from their lexical form (rdflib normalises some on parse)."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal):
            o = Literal(str(o), lang=o.language) if o.language else (
                Literal(str(o)) if o.datatype in (None, XSD.string) else Literal(str(o), datatype=o.datatype))
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("path", [own_file("psmh.ttl"), own_file("schemes.ttl"), *resources.shapes_files()],
                         ids=lambda p: p.name)
def test_pyoxigraph_parses_to_an_isomorphic_graph(path):
    rd = Graph().parse(path, format="turtle")
    ogx = Graph()
    for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        ogx.add((_from_oxigraph(q.subject), _from_oxigraph(q.predicate), _from_oxigraph(q.object)))
    assert len(rd) == len(ogx)
    assert isomorphic(_plain(rd), _plain(ogx))
