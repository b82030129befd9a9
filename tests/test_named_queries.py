"""Named queries: headers, safe parameter substitution, parsing, and answers (fixture graph and seeds)."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery

from peerkg.concepts.thesaurus import thesaurus_path
from peerkg.errors import QueryError
from peerkg.named_queries import get_named_query, load_named_queries, parse_named_query, render

V = "https://w3id.org/psmh/vocab/"
ID = "https://w3id.org/psmh/id/"
EXPECTED = {
    "works-by-model", "works-by-setting", "works-by-theme", "works-by-model-and-setting", "theme-co-occurrence",
    "author-concepts", "organisations", "concept-evidence", "statements-by-type", "works-by-year-and-venue",
    "who-cites", "author-works", "concepts",
}

FIXTURE = """
@prefix psmh: <https://w3id.org/psmh/ontology#> . @prefix id: <https://w3id.org/psmh/id/> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix fabio: <http://purl.org/spar/fabio/> .
@prefix bibo: <http://purl.org/ontology/bibo/> . @prefix cito: <http://purl.org/spar/cito/> .
@prefix c4o: <http://purl.org/spar/c4o/> . @prefix pro: <http://purl.org/spar/pro/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix schema: <http://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doco: <http://purl.org/spar/doco/> . @prefix w: <https://w3id.org/psmh/id/work/doi/10.1108/> .
@prefix theme: <https://w3id.org/psmh/vocab/theme/> . @prefix setting: <https://w3id.org/psmh/vocab/setting/> .
@prefix model: <https://w3id.org/psmh/vocab/model/> . @prefix ct: <https://w3id.org/psmh/vocab/citation-type/> .
@prefix org: <https://w3id.org/psmh/vocab/organisation/> . @prefix ah: <https://w3id.org/psmh/vocab/abstract-heading/> .

w:jmhtep-03-2015-0013 a dcterms:BibliographicResource, fabio:JournalArticle ;
    dcterms:title "Peer support – the what, why, who, how and now"@en ; bibo:doi "10.1108/jmhtep-03-2015-0013" ;
    fabio:hasPublicationYear "2015"^^xsd:gYear ;
    psmh:theme theme:professionalisation, theme:history ;
    psmh:peerSupportModel model:user-led-peer-support .
id:s1 a psmh:CitationStatement, cito:Citation ; cito:hasCitedEntity w:jmhtep-03-2015-0013 ;
    dcterms:type ct:mentioning ;
    cito:hasCitationCharacterization cito:citesForInformation ;
    psmh:confidence 0.99 ; psmh:citingSection "Discussion" ; schema:position 1 ;
    c4o:hasContent "The professionalization of a peer workforce remains unresolved (Beales & Wilson )."@en .
id:s2 a psmh:CitationStatement, cito:Citation ; cito:hasCitedEntity w:jmhtep-03-2015-0013 ;
    dcterms:type ct:mentioning ;
    cito:hasCitationCharacterization cito:citesForInformation ;
    schema:position 2 ; psmh:sameTextAs id:s1 ;
    c4o:hasContent "The professionalization of a peer workforce remains unresolved (Beales & Wilson )."@en .
id:s3 a psmh:CitationStatement, cito:Citation ; cito:hasCitedEntity w:jmhtep-03-2015-0013 ;
    dcterms:type ct:unclassified ;
    cito:hasCitationCharacterization cito:cites ;
    schema:position 3 ; c4o:hasContent "Die Geschichte informeller Peer-Unterstützung (Beales und Wilson 2015)."@de .

id:journal a fabio:Journal, bibo:Journal ; dcterms:title "Mental Health and Social Inclusion" .
id:gray a dcterms:BibliographicResource, fabio:JournalArticle ; fabio:hasPublicationYear "2024"^^xsd:gYear ;
    dcterms:isPartOf id:journal ; dcterms:creator id:person-gray ;
    psmh:setting setting:mens-ward ;
    psmh:theme theme:interprofessional-relations, theme:professionalisation ;
    dcterms:hasPart id:gray-abstract .
id:gray-abstract a fabio:Abstract ; dcterms:hasPart id:gray-findings, id:gray-originality .
id:gray-findings a doco:Section ; dcterms:type ah:findings ;
    c4o:hasContent "There is sometimes a fissure and binary of Us and Them on the ward."@en .
id:gray-originality a doco:Section ; dcterms:type ah:originality-value ;
    c4o:hasContent "one of the first peer support pilot projects in hospital of its kind in NHS England"@en .
id:person-gray a foaf:Person ; foaf:name "Benjamin Thomas Gray" ; foaf:familyName "Gray" .
id:ann1 a oa:Annotation ; oa:hasBody org:nhs ; oa:hasTarget id:gray ; oa:motivatedBy oa:classifying ;
    psmh:hitCount 1 ; psmh:strongestHit id:ann1-hit ; psmh:rule "aim" ; psmh:hit id:ann1-hit .
id:ann1-hit a oa:SpecificResource ; oa:hasSource id:gray-originality ; oa:hasSelector id:ann1-q, id:ann1-p ;
    psmh:annotatedField "abstract/originality-value" ; psmh:rule "aim" ; psmh:score 0.8 .
id:ann1-q a oa:TextQuoteSelector ; oa:exact "NHS" ; oa:prefix "in hospital of its kind in " ; oa:suffix " England" .
id:ann1-p a oa:TextPositionSelector ; oa:start 64 ; oa:end 67 .

id:rw a dcterms:BibliographicResource, fabio:JournalArticle ; fabio:hasPublicationYear "2012"^^xsd:gYear ;
    dcterms:isPartOf id:issue ; dcterms:creator id:person-repper, id:person-watson ;
    cito:cites w:jmhtep-03-2015-0013 ;
    psmh:setting setting:community-mental-health-teams ;
    psmh:theme theme:recovery .
id:issue a fabio:JournalIssue, bibo:Issue ; dcterms:isPartOf id:jmhtep .
id:jmhtep a fabio:Journal, bibo:Journal ;
    dcterms:title "The Journal of Mental Health Training, Education and Practice" .
id:person-repper a foaf:Person ; foaf:name "Julie Repper" ; foaf:familyName "Repper" ; foaf:givenName "Julie" .
id:person-watson a foaf:Person ; foaf:name "Emma Watson" ; foaf:familyName "Watson" ; foaf:givenName "Emma" .
id:role1 a pro:RoleInTime ; pro:withRole pro:author ; pro:isHeldBy id:person-repper ; pro:relatesToDocument id:rw ;
    schema:position 1 ; psmh:nameAsWritten "Julie Repper" .
"""


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    g = Graph()
    g.parse(data=FIXTURE, format="turtle")
    g.parse(thesaurus_path(), format="turtle")
    return g


def run(graph: Graph, query_name: str, /, **params: str) -> list[dict[str, str]]:
    result = graph.query(render(get_named_query(query_name), params))
    return [{str(k): str(v) for k, v in row.asdict().items()} for row in result]


# ----------------------------------------------------------------------------------- the files


def test_every_named_query_has_headers_and_parses() -> None:
    queries = load_named_queries()
    assert {q.name for q in queries} == EXPECTED
    store = pyoxigraph.Store()
    for q in queries:
        assert q.title and len(q.description) > 40, q.name
        assert all(p.description for p in q.params), q.name
        prepareQuery(q.text)  # as written: $name is a variable
        text = render(q)
        prepareQuery(text)
        list(store.query(text))  # pyoxigraph parses and runs it too


def test_render_substitutes_safe_terms() -> None:
    q = get_named_query("works-by-setting")
    assert f"<{V}setting/acute-ward>" in render(q, {"setting": "setting/acute-ward"})
    assert f"<{V}setting/acute-ward>" in render(q, {"setting": "vocab:setting/acute-ward"})
    assert f"<{V}setting/acute-ward>" in render(q, {"setting": f"{V}setting/acute-ward"})
    text = render(get_named_query("who-cites"), {"work": "https://doi.org/10.1108/JMHTEP-03-2015-0013"})
    assert f"<{ID}work/doi/10.1108/jmhtep-03-2015-0013>" in text  # a DOI names its work
    assert f"<{ID}work/h/0b32562e51c7e00f>" in render(get_named_query("concept-evidence"),
                                                      {"work": "id:work/h/0b32562e51c7e00f"})
    assert f"<{ID}work/h/abc>" in render(get_named_query("statements-by-type"), {"work": f"<{ID}work/h/abc>"})
    sneaky = 'Repper") } DELETE WHERE { ?s ?p ?o } #'
    text = render(get_named_query("author-works"), {"family": sneaky})
    assert '"Repper\\") } DELETE WHERE { ?s ?p ?o } #"' in text
    prepareQuery(text)  # still one SELECT: the value stayed a literal


@pytest.mark.parametrize("name, params, fragment", [
    ("works-by-setting", {"place": "x"}, "unknown parameter"),
    ("works-by-setting", {"setting": "http://example.org/x> } ; DROP ALL ; <x"}, "not a concept"),
    ("works-by-setting", {"setting": "inpatient"}, "not a concept"),
    ("who-cites", {"work": "not-a-doi"}, "neither a work's IRI nor a DOI"),
    ("concept-evidence", {"work": "https://x.org/a> } DROP ALL {"}, "neither a work's IRI nor a DOI"),
    ("theme-co-occurrence", {"min_works": "2; DROP"}, "not an integer"),
    ("concepts", {"scheme": "javascript alert"}, "not an absolute IRI"),
    ("concepts", {"scheme": "https://x.org/a b"}, "not an absolute IRI"),
])
def test_render_rejects_bad_values_clearly(name: str, params: dict[str, str], fragment: str) -> None:
    with pytest.raises(QueryError, match=fragment) as info:
        render(get_named_query(name), params)
    assert info.value.hint


def test_headers_are_checked() -> None:
    with pytest.raises(QueryError, match="no '# title:'"):
        parse_named_query("SELECT * WHERE { ?s ?p ?o }", "x")
    with pytest.raises(QueryError, match="differ"):
        parse_named_query("# title: t\n# param: a = 1 (a)\nSELECT * WHERE { ?s ?p $b }", "x")
    with pytest.raises(QueryError, match="malformed") as info:
        parse_named_query("# title: t\n# param: = 1\nSELECT * WHERE { ?s ?p ?o }", "x")
    assert info.value.line == 2
    with pytest.raises(QueryError, match="no named query"):
        get_named_query("nope")


# ---------------------------------------------------------------------------- fixture answers


def test_works_by_setting_follows_narrower_concepts(fixture_graph: Graph) -> None:
    rows = run(fixture_graph, "works-by-setting", setting="setting/inpatient")
    assert {r["work"] for r in rows} == {ID + "gray"}
    assert rows[0]["concepts"] == "men's ward" and "Us and Them" in rows[0]["findings"]
    assert len(rows) == 1  # one row per work
    assert {r["work"] for r in run(fixture_graph, "works-by-setting", setting="setting/community")} == {ID + "rw"}


def test_works_by_theme_and_model(fixture_graph: Graph) -> None:
    works = {r["work"] for r in run(fixture_graph, "works-by-theme")}
    assert works == {ID + "gray", ID + "work/doi/10.1108/jmhtep-03-2015-0013"}
    assert {r["work"] for r in run(fixture_graph, "works-by-model", model="model/peer-support")} == \
        {ID + "work/doi/10.1108/jmhtep-03-2015-0013"}
    assert run(fixture_graph, "works-by-model-and-setting", model="model/peer-support") == []


def test_who_cites_and_statements(fixture_graph: Graph) -> None:
    rows = run(fixture_graph, "who-cites")
    assert sorted(r["evidence"] for r in rows) == ["citation statement", "citation statement", "reference list"]
    assert {r.get("language") for r in rows} >= {"en", "de"}
    assert [r["citingWork"] for r in rows if r["evidence"] == "reference list"] == [ID + "rw"]
    assert len(run(fixture_graph, "statements-by-type")) == 3
    assert [r["position"] for r in run(fixture_graph, "statements-by-type", type="unclassified")] == ["3"]


def test_authors(fixture_graph: Graph) -> None:
    rows = run(fixture_graph, "author-works")
    assert [(r["work"], r["coAuthors"], r["venueTitle"]) for r in rows] == [
        (ID + "rw", "Emma Watson", "The Journal of Mental Health Training, Education and Practice")]
    assert run(fixture_graph, "author-works", given="J.")[0]["nameAsWritten"] == "Julie Repper"
    assert run(fixture_graph, "author-works", given="Emma") == []
    concepts = {r["concept"] for r in run(fixture_graph, "author-concepts", name="repper")}
    assert concepts == {V + "setting/community-mental-health-teams", V + "theme/recovery"}


def test_organisations_evidence_cooccurrence_years_concepts(fixture_graph: Graph) -> None:
    (org,) = run(fixture_graph, "organisations", organisation="nhs")
    assert org["work"] == ID + "gray" and org["exact"] == "NHS" and org["motivation"].endswith("classifying")
    pairs = run(fixture_graph, "theme-co-occurrence")
    assert any(r["theme1"] == V + "theme/history" and r["theme2"] == V + "theme/professionalisation" for r in pairs)
    assert run(fixture_graph, "theme-co-occurrence", min_works="2") == []
    years = {(r["year"], r.get("venueTitle")) for r in run(fixture_graph, "works-by-year-and-venue", from_year="2012",
                                                           to_year="2024")}
    assert ("2024", "Mental Health and Social Inclusion") in years and ("2015", None) in years
    assert ("2012", "The Journal of Mental Health Training, Education and Practice") in years
    counts = {r["concept"]: int(r["works"]) for r in run(fixture_graph, "concepts")}
    assert counts[V + "theme/professionalisation"] == 2 and counts[V + "theme/recovery"] == 1


# ------------------------------------------------------------------------------- seed answers


@pytest.fixture(scope="module")
def seed_result():
    pipeline = pytest.importorskip("peerkg.pipeline")
    return pipeline.build_dataset(validate=False, infer=False)


@pytest.fixture(scope="module")
def seed_graph(seed_result) -> Graph:
    from peerkg.pipeline import union_graph

    return union_graph(seed_result.dataset)


@pytest.fixture(scope="module")
def seed_stores(seed_result) -> dict[str, pyoxigraph.Store]:
    """The seed build in pyoxigraph (the service's store): with every graph, and without the evidence graph."""
    from peerkg.rdf import serialise

    full, compact = pyoxigraph.Store(), pyoxigraph.Store()
    full.load(serialise.nquads(seed_result.dataset), format=pyoxigraph.RdfFormat.N_QUADS)
    evidence = pyoxigraph.NamedNode(seed_result.base.evidence_graph)
    compact.extend(q for q in full if q.graph_name != evidence)
    return {"full": full, "compact": compact}


def run_store(store: pyoxigraph.Store, query_name: str, /, **params: str) -> list[dict[str, str]]:
    results = store.query(render(get_named_query(query_name), params), use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in results]


def who(graph: Graph, work: str) -> tuple[str, str]:
    """(family names of the authors, publication year) of a work."""
    q = """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
           PREFIX fabio: <http://purl.org/spar/fabio/>
           SELECT ?family ?year WHERE { OPTIONAL { ?work dcterms:creator/foaf:familyName ?family }
                                        OPTIONAL { ?work fabio:hasPublicationYear ?year } }"""
    rows = list(graph.query(q, initBindings={"work": URIRef(work)}))
    return " & ".join(sorted({str(r[0]) for r in rows if r[0]})), str(rows[0][1]) if rows else ""


def test_seed_works_about_inpatient_settings(seed_graph: Graph) -> None:
    works = {r["work"] for r in run(seed_graph, "works-by-setting", setting="setting/inpatient")}
    # the two men's-ward narratives of 2024, the West Sussex inpatient project, the high-secure volunteer scheme
    assert sorted(who(seed_graph, w) for w in works) == sorted([
        ("Conley & Gray & Sisto", "2024"), ("Gray & Sisto", "2024"), ("Musaabi & Wolfendale", "2017"),
        ("Ockwell", "2012")])


def test_seed_works_about_professionalisation(seed_graph: Graph) -> None:
    works = {r["work"] for r in run(seed_graph, "works-by-theme", theme="theme/professionalisation")}
    found = [who(seed_graph, w) for w in works]
    assert found.count(("Basset & Faulkner", "2012")) == 2  # both 2012 Faulkner & Basset papers
    # Beales & Wilson: only citation statements by others say "professionalised" — how it is cited, not its topic
    assert ID + "work/doi/10.1108/jmhtep-03-2015-0013" not in works


def seed_work(graph: Graph, title_start: str) -> str:
    q = """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX psmh: <https://w3id.org/psmh/ontology#>
           SELECT ?w ?t WHERE { { ?w dcterms:title ?t } UNION { ?w psmh:listingTeaser ?t } }"""
    return next(str(r[0]) for r in graph.query(q) if str(r[1]).startswith(title_start))


def test_seed_concept_evidence_takes_a_work_iri(seed_graph: Graph, seed_stores: dict[str, pyoxigraph.Store]) -> None:
    gray = seed_work(seed_graph, "The purpose of this service user narrative and viewpoint article")
    assert "/work/doi/" not in gray  # a listing hit: no DOI, so only its IRI names it
    full = run_store(seed_stores["full"], "concept-evidence", work=gray)
    mens = [r for r in full if r["concept"] == V + "setting/mens-ward"]
    assert {r["exact"] for r in mens} == {"men’s mental health ward"} and len(mens) == int(mens[0]["hits"])
    assert {(r["motivation"].rsplit("#", 1)[-1], r["rule"]) for r in mens} == {("classifying", "aim")}
    compact = run_store(seed_stores["compact"], "concept-evidence", work=gray)  # without the evidence graph
    concepts = [r["concept"] for r in compact]
    assert len(concepts) == len(set(concepts)) == len({r["concept"] for r in full})  # one row per concept
    strongest = next(r for r in compact if r["concept"] == V + "setting/mens-ward")
    best = next(r for r in full if r["hit"] == strongest["strongest"])  # the evidence graph describes it
    assert best["field"] == "abstract/purpose" and best["exact"] == "men’s mental health ward"
    assert "exact" not in strongest and strongest["hits"] == mens[0]["hits"]
    community = [r for r in full if r["concept"] == V + "setting/community"]
    assert {r["motivation"].rsplit("#", 1)[-1] for r in community} == {"tagging"}
    assert next(r for r in community if r["hit"] == r["strongest"])["exact"] == "community peer support"


def test_seed_concept_evidence_by_doi(seed_stores: dict[str, pyoxigraph.Store]) -> None:
    rows = run_store(seed_stores["full"], "concept-evidence", work="https://doi.org/10.1108/MHSI-05-2019-060")
    about = {r["concept"] for r in rows if r["motivation"].endswith("classifying")}
    assert {V + "model/peer-support-workers", V + "theme/lived-experience"} <= about
    assert V + "model/peer-support" not in about  # the root is never "about"


def test_seed_who_cites_beales_and_wilson(seed_graph: Graph) -> None:
    rows = run(seed_graph, "who-cites")
    statements = [r for r in rows if r["evidence"] == "citation statement"]
    assert len(statements) == 5  # six on the page, one a repeat of the first
    assert {r["language"] for r in statements} == {"en", "de"}
    assert {r["characterization"].rsplit("/", 1)[-1] for r in statements} == {"citesForInformation", "cites"}


def test_seed_works_of_julie_repper(seed_graph: Graph) -> None:
    rows = run(seed_graph, "author-works")
    years = sorted(r["year"] for r in rows)
    assert "2012" in years and "2019" in years
    assert any("Perkins" in r["coAuthors"] for r in rows) and any("Watson" in r["coAuthors"] for r in rows)
