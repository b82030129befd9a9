"""Quality checks of the peer-support thesaurus (ontology/thesaurus.ttl), per DESIGN §6 and SKOS integrity."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from peerkg import resources
from peerkg.concepts import default_thesaurus
from peerkg.concepts.records import SCHEMES, LabelKind
from peerkg.concepts.thesaurus import VOCAB, scheme_of, thesaurus_graph


@pytest.fixture(scope="module")
def g() -> Graph:
    return thesaurus_graph()


def concepts(g: Graph) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def test_schemes_declared_with_title_and_description(g: Graph) -> None:
    schemes = {str(s) for s in g.subjects(RDF.type, SKOS.ConceptScheme)}
    assert schemes == {VOCAB + s for s in SCHEMES}
    for s in schemes:
        for p in (DCTERMS.title, DCTERMS.description):
            values = [o for o in g.objects(URIRef(s), p) if isinstance(o, Literal) and o.language == "en"]
            assert len(values) == 1, f"{s} needs one {p} @en"


def test_only_real_skos_terms_used(g: Graph) -> None:
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(SKOS))}
    unknown = {t for t in used if t not in SKOS}  # rdflib's closed SKOS namespace knows every real term
    assert not unknown, f"unknown SKOS terms: {unknown}"


def test_every_concept_complete(g: Graph) -> None:
    for c in concepts(g):
        scheme, slug = scheme_of(str(c))
        assert scheme in SCHEMES and slug, c
        assert set(g.objects(c, SKOS.inScheme)) == {URIRef(VOCAB + scheme)}, f"{c}: inScheme must match its IRI"
        prefs = [o for o in g.objects(c, SKOS.prefLabel) if isinstance(o, Literal)]
        langs = Counter(o.language for o in prefs)
        assert langs["en"] == 1, f"{c}: one prefLabel @en"
        assert all(n == 1 for n in langs.values()), f"{c}: at most one prefLabel per language"
        assert all(o.language for o in g.objects(c, SKOS.altLabel)), f"{c}: labels need a language tag"
        defs = [o for o in g.objects(c, SKOS.definition) if isinstance(o, Literal) and o.language == "en"]
        assert len(defs) == 1 and len(str(defs[0])) > 20, f"{c}: one real definition @en"


def test_pref_alt_hidden_disjoint(g: Graph) -> None:
    """SKOS S13/S14: a concept's prefLabel, altLabels and hiddenLabels are pairwise disjoint."""
    for c in concepts(g):
        sets = [set(g.objects(c, p)) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)]
        assert not (sets[0] & sets[1] or sets[0] & sets[2] or sets[1] & sets[2]), c


def test_no_duplicate_labels_within_a_scheme(g: Graph) -> None:
    seen: dict[tuple[str, str, str], set[URIRef]] = defaultdict(set)
    for c in concepts(g):
        scheme, _ = scheme_of(str(c))
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for o in g.objects(c, p):
                seen[(scheme, o.language or "", str(o).casefold())].add(c)
    dupes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not dupes, f"labels shared by two concepts of one scheme: {dupes}"


def test_hierarchy_both_directions_and_acyclic(g: Graph) -> None:
    for c in concepts(g):
        for b in g.objects(c, SKOS.broader):
            assert (b, SKOS.narrower, c) in g, f"{b} narrower {c} missing"
            assert scheme_of(str(b))[0] == scheme_of(str(c))[0], "broader stays within the scheme"
        for n in g.objects(c, SKOS.narrower):
            assert (n, SKOS.broader, c) in g, f"{n} broader {c} missing"
    thesaurus = default_thesaurus()
    for c in thesaurus:
        assert c.iri not in thesaurus.ancestors(c.iri), f"broader cycle through {c.iri}"


def test_top_concepts_both_directions(g: Graph) -> None:
    for c in concepts(g):
        scheme = URIRef(VOCAB + scheme_of(str(c))[0])
        top = (c, SKOS.topConceptOf, scheme) in g
        assert top == ((scheme, SKOS.hasTopConcept, c) in g), c
        assert top == (next(g.objects(c, SKOS.broader), None) is None), f"{c}: top concept iff no broader"


def test_close_matches_only_to_known_vocabularies(g: Graph) -> None:
    for _, _, o in g.triples((None, SKOS.closeMatch, None)):
        assert str(o).startswith(("http://www.wikidata.org/entity/Q", "http://id.nlm.nih.gov/mesh/D")), o


def test_not_declared_twice_in_the_ontology_folder() -> None:
    others = Graph()
    for path in resources.ontology_files():
        if path.name != "thesaurus.ttl":
            others.parse(path)
    ours = {s for s in thesaurus_graph().subjects() if str(s).startswith(VOCAB)}
    assert not ours & set(others.subjects()), "thesaurus terms also described in another ontology file"


def test_content_from_the_issue() -> None:
    t = default_thesaurus()
    want = {
        "model": {"informal-peer-support", "user-led-peer-support", "formal-peer-support", "intentional-peer-support",
                  "peer-support-workers", "peer-support-volunteers", "online-peer-support", "independent-peer-support"},
        "setting": {"inpatient", "acute-ward", "rehabilitation-ward", "mens-ward", "forensic", "high-secure",
                    "community-mental-health-teams", "residential-care", "primary-care", "voluntary-sector",
                    "child-adolescent-services", "dementia-services", "palliative-care", "physical-health-services"},
        "theme": {"professionalisation", "independence", "mutuality", "boundaries", "supervision", "training",
                  "lived-experience", "recovery", "power-and-hierarchy", "stigma", "role-conflict", "payment",
                  "hope-and-empowerment", "interprofessional-relations"},
        "population": {"service-users", "peer-workers", "staff", "commissioners"},
        "organisation": {"mind", "bipolar-uk", "hearing-voices-network", "nhs", "capital-project-trust",
                         "sainsbury-centre"},
        "place": {"united-kingdom", "england", "scotland", "wales", "west-sussex"},
    }
    for scheme, slugs in want.items():
        assert slugs <= {c.slug for c in t.in_scheme(scheme)}, scheme
    labels = {(lab.text, lab.language) for c in t for lab in c.labels}
    for text in ("Peer-Unterstützung", "Peer-Arbeit", "Erfahrungsexpertin", "gelebte Erfahrung",
                 "Professionalisierung", "stationäre Versorgung"):
        assert (text, "de") in labels, text
    assert ("IPS", "en") in labels and ("professionalization", "en") in labels
    assert t[t.iri("setting/high-secure")].broader == (VOCAB + "setting/forensic", VOCAB + "setting/inpatient")
    assert any(lab.kind is LabelKind.HIDDEN for lab in t[t.iri("organisation/mind")].labels)


def test_report_size_per_scheme() -> None:
    t = default_thesaurus()
    sizes = {s: len(t.in_scheme(s)) for s in SCHEMES}
    labels = sum(len(c.labels) for c in t)
    print(f"\nthesaurus: {len(t)} concepts, {labels} labels; per scheme: {sizes}")
    assert all(n >= 6 for n in sizes.values())
