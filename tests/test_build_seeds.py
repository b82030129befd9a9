"""Facts the build of the four seed pages must state (issue: core build, "must show")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from peerkg.rdf.namespaces import sparql_prologue

ID = "https://w3id.org/psmh/id/"
EDITORIAL = URIRef(ID + "work/doi/10.1108/mhsi-05-2019-060")
REPORT_WORK = URIRef(ID + "work/doi/10.1108/jmhtep-03-2015-0013")


def rows(graph: Graph, query: str) -> list[tuple]:
    return [tuple(r) for r in graph.query(sparql_prologue() + query)]


def values(graph: Graph, query: str) -> list:
    return [r[0].toPython() if r[0] is not None else None for r in graph.query(sparql_prologue() + query)]


def the_article(union: Graph) -> URIRef:
    found = values(union, """SELECT ?w WHERE { ?w dcterms:title "A long and honourable history"@en }""")
    assert len(found) == 1, found
    return URIRef(found[0])


def test_twelve_main_works(seed_union):
    # main works = works with a provenance link to a page (cited works from reference strings excluded)
    works = values(seed_union, """
        SELECT DISTINCT ?w WHERE { ?w a dcterms:BibliographicResource ; prov:wasDerivedFrom ?src .
                                   ?src a prov:Entity . FILTER NOT EXISTS { ?ref biro:references ?w } }""")
    assert len(works) == 12
    kinds = rows(seed_union, """
        SELECT ?c (COUNT(DISTINCT ?w) AS ?n) WHERE {
          ?w a dcterms:BibliographicResource, ?c ; prov:wasDerivedFrom ?src .
          ?src psmh:sourceKind <https://w3id.org/psmh/vocab/source-kind/search-listing> .
          FILTER(?c != dcterms:BibliographicResource) } GROUP BY ?c""")
    by_class = {str(c).rsplit("/", 1)[1]: int(n) for c, n in kinds}
    assert by_class == {"JournalArticle": 9, "BookChapter": 1}


def test_article_page_is_listing_hit_four(seed_union):
    w = the_article(seed_union)
    sources = values(seed_union, f"SELECT ?k WHERE {{ <{w}> prov:wasDerivedFrom/psmh:sourceKind ?k }}")
    assert sorted(s.rsplit("/", 1)[1] for s in sources) == ["article-page", "search-listing"]
    assert values(seed_union, f"SELECT ?d WHERE {{ <{w}> dcterms:issued ?d }}") == [
        __import__("datetime").date(2012, 6, 15)]
    issue = rows(seed_union, f"""
        SELECT ?jt ?issn ?vol ?no WHERE {{ <{w}> dcterms:isPartOf ?i . ?i bibo:volume ?vol ; bibo:issue ?no ;
              dcterms:isPartOf ?j . ?j dcterms:title ?jt ; bibo:issn ?issn }}""")
    assert [(str(a), str(b), str(c), str(d)) for a, b, c, d in issue] == [
        ("The Journal of Mental Health Training, Education and Practice", "1755-6228", "7", "2")]
    authors = rows(seed_union, f"""
        SELECT ?pos ?name WHERE {{ <{w}> pro:isDocumentContextFor ?r . ?r schema:position ?pos ;
              pro:isHeldBy/foaf:name ?name }} ORDER BY ?pos""")
    assert [(int(p), str(n)) for p, n in authors] == [(1, "Alison Faulkner"), (2, "Thurstine Basset")]
    assert values(seed_union, f"SELECT ?n WHERE {{ <{w}> dcterms:publisher/foaf:name ?n }}") == ["Emerald"]
    subjects = values(seed_union, f"""SELECT ?l WHERE {{ <{w}> dcterms:subject ?c .
        ?c skos:inScheme <https://w3id.org/psmh/vocab/subject> ; skos:prefLabel ?l }}""")
    assert sorted(subjects) == sorted([
        "Psychiatry and Mental health", "Organizational Behavior and Human Resource Management",
        "Health Policy", "Education", "Pshychiatric Mental Health", "Health (social science)"])
    declared = values(seed_union, f"""SELECT ?v WHERE {{ <{w}> psmh:hasStatedCount ?c .
        ?c psmh:countKind <https://w3id.org/psmh/vocab/count-kind/references> ; psmh:countValue ?v }}""")
    assert declared == [20]
    refs = values(seed_union, f"SELECT ?r WHERE {{ ?r a biro:BibliographicReference ; dcterms:isPartOf <{w}> }}")
    assert len(refs) == 5


def test_editorial(seed_union):
    w = EDITORIAL
    assert (w, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("http://purl.org/spar/fabio/JournalEditorial")) in seed_union
    assert values(seed_union, f"SELECT ?t WHERE {{ <{w}> dcterms:title ?t }}") == ["Where is peer support going?"]
    assert values(seed_union, f"SELECT ?d WHERE {{ <{w}> bibo:doi ?d }}") == ["10.1108/mhsi-05-2019-060"]
    assert [str(v) for v in values(seed_union, f"SELECT ?d WHERE {{ <{w}> dcterms:issued ?d }}")] == ["2019-05-15"]
    assert values(seed_union, f"SELECT ?s ?e WHERE {{ <{w}> bibo:pageStart ?s }}") == ["61"]
    assert values(seed_union, f"SELECT ?e WHERE {{ <{w}> bibo:pageEnd ?e }}") == ["63"]
    venue = rows(seed_union, f"""SELECT ?issn ?vol ?no WHERE {{ <{w}> dcterms:isPartOf ?i .
        ?i bibo:volume ?vol ; bibo:issue ?no ; dcterms:isPartOf/bibo:issn ?issn }}""")
    assert [tuple(map(str, r)) for r in venue] == [("2042-8308", "23", "2")]
    authors = rows(seed_union, f"""SELECT ?pos ?name WHERE {{ <{w}> pro:isDocumentContextFor ?r .
        ?r schema:position ?pos ; pro:isHeldBy/foaf:name ?name }} ORDER BY ?pos""")
    assert [(int(p), str(n)) for p, n in authors] == [(1, "Rachel Perkins"), (2, "Julie Repper")]


def test_report_work_counts_and_statements(seed_union):
    w = REPORT_WORK
    assert values(seed_union, f"SELECT ?t WHERE {{ <{w}> dcterms:title ?t }}") == [
        "Peer support – the what, why, who, how and now"]
    assert [str(v) for v in values(seed_union, f"SELECT ?y WHERE {{ <{w}> fabio:hasPublicationYear ?y }}")] == [
        "2015"]
    counts = dict(rows(seed_union, f"""SELECT ?k ?v WHERE {{ <{w}> psmh:hasStatedCount ?c .
        ?c psmh:countKind ?k ; psmh:countValue ?v }}"""))
    counts = {str(k).rsplit("/", 1)[1]: int(v) for k, v in counts.items()}
    assert counts == {"supporting": 2, "mentioning": 41, "contrasting": 0, "unclassified": 3,
                      "cited-by": 30, "citation-statements": 46, "references": 10}
    statements = rows(seed_union, f"""SELECT ?pos ?type ?conf ?section (LANG(?text) AS ?lang) ?dup WHERE {{
        ?s a psmh:CitationStatement ; cito:hasCitedEntity <{w}> ; schema:position ?pos ;
           dcterms:type ?type ; c4o:hasContent ?text .
        OPTIONAL {{ ?s psmh:confidence ?conf }} OPTIONAL {{ ?s psmh:citingSection ?section }}
        OPTIONAL {{ ?s psmh:sameTextAs ?dup }} }} ORDER BY ?pos""")
    got = [(int(p), str(t).rsplit("/", 1)[1], c.toPython() if c is not None else None,
            str(s) if s is not None else None, str(lang), d is not None)
           for p, t, c, s, lang, d in statements]
    assert got == [
        (1, "mentioning", Decimal("0.99"), "Discussion", "en", False),
        (2, "mentioning", Decimal("0.99"), "Discussion", "en", True),
        (3, "mentioning", Decimal("0.99"), None, "en", False),
        (4, "mentioning", Decimal("0.99"), None, "en", False),
        (5, "unclassified", None, "Peer-arbeit In Psychiatrischer Versorgung", "de", False),
        (6, "unclassified", None, None, "de", False),
    ]


def test_people_and_venues_are_single_nodes(seed_union):
    for name, works in (("Alison Faulkner", 2), ("Thurstine Basset", 2), ("Julie Repper", 2)):
        people = values(seed_union, f'SELECT DISTINCT ?p WHERE {{ ?p a foaf:Person ; foaf:name "{name}" }}')
        assert len(people) == 1, (name, people)
        n = values(seed_union, f"""SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {{
            ?w dcterms:creator <{people[0]}> ; prov:wasDerivedFrom ?src }}""")
        assert n[0] >= works, (name, n)
    journals = rows(seed_union, "SELECT ?issn (COUNT(DISTINCT ?j) AS ?n) WHERE { ?j bibo:issn ?issn } GROUP BY ?issn")
    assert {str(i): int(n) for i, n in journals} == {"1755-6228": 1, "2042-8308": 1}
    in_issue = values(seed_union, """SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {
        ?w dcterms:isPartOf ?i . ?i bibo:volume "7" ; bibo:issue "2" ; dcterms:isPartOf/bibo:issn "1755-6228" }""")
    assert in_issue == [3]


@pytest.mark.parametrize("chrome", [
    "同舟云学术", "www.globalauthorid.com", "Copyright ©", "Sign up to set email alerts",
    "Help me understand this report", "To continue reading", "Request your trial", "login cookies",
])
def test_no_page_chrome_in_literals(seed_union, chrome):
    for _s, _p, o in seed_union:
        if o.__class__.__name__ == "Literal":
            assert chrome not in str(o)


def test_turtle_dump_parses_the_same_in_pyoxigraph(seed_build):
    rdflib_graph = Graph().parse(data=seed_build.ttl, format="turtle")
    oxi = pyoxigraph.parse(seed_build.ttl, format=pyoxigraph.RdfFormat.TURTLE)
    back = Graph().parse(data="\n".join(str(q) + " ." for q in oxi), format="nt")
    assert isomorphic(rdflib_graph, back)
    assert len(back) == len(rdflib_graph)


def test_build_is_byte_identical(seed_build):
    from peerkg.pipeline import build_dataset

    again = build_dataset(validate=False)
    assert again.trig == seed_build.trig
    assert again.ttl == seed_build.ttl
    assert again.nt == seed_build.nt


def test_seed_build_has_no_violation(seed_build):
    from peerkg.validation import report_as_text

    assert seed_build.validation is not None
    assert seed_build.validation.no_violations, report_as_text(seed_build.validation)


def test_every_non_blank_line_is_accounted_for(seed_build):
    for outcome in seed_build.outcomes:
        assert outcome.record is not None, outcome.error
        text = Path(outcome.path).read_text(encoding="utf-8").splitlines()
        non_blank = [i + 1 for i, line in enumerate(text) if line.strip()]
        noted = sorted(n.line for n in outcome.record.lines)
        assert noted == non_blank, outcome.path
