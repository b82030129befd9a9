"""OWL RL over peerkg's own ontology: what it adds, where it goes, and what it must never do."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from peerkg.inference import entailments
from peerkg.rdf.namespaces import PSMH


def _graphs(seed_build) -> tuple[Graph, Graph]:
    inferred_iri = URIRef(seed_build.base.inferred_graph)
    asserted, inferred = Graph(), Graph()
    for context in seed_build.dataset.graphs():
        target = inferred if context.identifier == inferred_iri else asserted
        for triple in context:
            target.add(triple)
    return asserted, inferred


def test_inferred_graph_is_separate_and_only_new(seed_build):
    asserted, inferred = _graphs(seed_build)
    assert len(inferred) == seed_build.inferred_triples > 0
    assert not any(t in asserted for t in inferred)
    assert all(str(s).startswith("https://w3id.org/psmh/id/") for s in inferred.subjects())
    assert not list(inferred.triples((None, OWL.sameAs, None)))


def test_concept_links_are_closed_under_broader(seed_build):
    asserted, inferred = _graphs(seed_build)
    both = asserted + inferred
    added = 0
    for prop in (PSMH.peerSupportModel, PSMH.setting, PSMH.theme):
        for work, concept in both.subject_objects(prop):
            for broader in asserted.objects(concept, SKOS.broader):
                assert (work, prop, broader) in both, (work, prop, broader)
                added += (work, prop, broader) in inferred
            assert (work, DCTERMS.subject, concept) in both
    assert added > 0


def test_inference_never_retypes_works_or_merges_nodes():
    data = Graph().parse(data="""
        @prefix dcterms: <http://purl.org/dc/terms/> . @prefix fabio: <http://purl.org/spar/fabio/> .
        @prefix psmh: <https://w3id.org/psmh/ontology#> . @prefix bibo: <http://purl.org/ontology/bibo/> .
        <https://w3id.org/psmh/id/work/a> a dcterms:BibliographicResource, fabio:JournalArticle ;
            dcterms:isPartOf <https://w3id.org/psmh/id/journal/issn/2042-8308/volume/1/issue/2> ;
            fabio:hasPublicationYear "2012"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
            psmh:setting <https://w3id.org/psmh/vocab/setting/mens-ward> .
        <https://w3id.org/psmh/id/journal/issn/2042-8308/volume/1/issue/2> a fabio:JournalIssue, bibo:Issue ;
            bibo:volume "1" ; bibo:issue "2" .
        <https://w3id.org/psmh/vocab/setting/mens-ward> <http://www.w3.org/2004/02/skos/core#broader>
            <https://w3id.org/psmh/vocab/setting/inpatient> .
        """, format="turtle")
    from peerkg.inference import tbox

    inferred = entailments(data, tbox())
    work = URIRef("https://w3id.org/psmh/id/work/a")
    assert (work, PSMH.setting, URIRef("https://w3id.org/psmh/vocab/setting/inpatient")) in inferred
    # no BIBO/DEO-style re-typing: an article never becomes an issue
    assert set(inferred.objects(work, RDF.type)) <= {DCTERMS.BibliographicResource}
    assert not list(inferred.triples((None, OWL.sameAs, None)))


def test_pruned_reasoning_gives_the_same_entailments():
    from peerkg.inference import asserted
    from peerkg.pipeline import build_dataset
    from peerkg.resources import seed_pages

    pages = [p for p in seed_pages() if p.name.startswith(("001", "002"))]
    built = build_dataset(pages, validate=False, infer=False)
    data, ontology = asserted(built.dataset, built.base)
    pruned = set(entailments(data, ontology, prune=True))
    assert pruned == set(entailments(data, ontology, prune=False))
    assert pruned


def test_reasonable_with_chains_gives_owlrls_entailments_on_the_seed_build(seed_build):
    """The default engine (reasonable + the property-chain rule) against owlrl, the reference, on the ~11k
    asserted triples of the seed build: exactly the same entailments."""
    from peerkg.inference import asserted

    data, ontology = asserted(seed_build.dataset, seed_build.base)
    reference = set(entailments(data, ontology, engine="owlrl"))
    assert set(entailments(data, ontology)) == reference
    # the chain rule is what reasonable lacks: "about a narrower setting" implies the broader one
    assert any(p == PSMH.setting for _s, p, _o in reference)


def test_reasonable_with_chains_follows_chains_to_a_fixpoint():
    """A chain applied to a chain's result: mens-ward ⊑ inpatient ⊑ setting-root gives both broader settings,
    and the sub-property rule then applies to the derived triples (dcterms:subject)."""
    from peerkg.inference import tbox

    data = Graph().parse(data="""
        @prefix psmh: <https://w3id.org/psmh/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/psmh/id/work/a> a <http://purl.org/dc/terms/BibliographicResource> ;
            psmh:setting <https://w3id.org/psmh/vocab/setting/x3> .
        <https://w3id.org/psmh/vocab/setting/x3> skos:broader <https://w3id.org/psmh/vocab/setting/x2> .
        <https://w3id.org/psmh/vocab/setting/x2> skos:broader <https://w3id.org/psmh/vocab/setting/x1> .
        """, format="turtle")
    got = set(entailments(data, tbox()))
    assert got == set(entailments(data, tbox(), engine="owlrl"))
    work = URIRef("https://w3id.org/psmh/id/work/a")
    for level in ("x2", "x1"):
        concept = URIRef(f"https://w3id.org/psmh/vocab/setting/{level}")
        assert (work, PSMH.setting, concept) in got and (work, DCTERMS.subject, concept) in got
