"""One node per journal: a reference prints a journal by title, a listing with its ISSN — one node, with
one preferred title; two different ISSNs never one node."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from pagecheck import REPO
from peerkg.model import JournalId
from peerkg.normalise.venues import journal_key
from peerkg.pipeline import build_dataset
from peerkg.rdf.namespaces import BIBO, FABIO, PSMH
from peerkg.resolve.journals import decide_journals

ID = "https://w3id.org/psmh/id/"


@pytest.fixture(scope="module")
def dataset():
    result = build_dataset([REPO / "seeds", REPO / "tests" / "layouts", REPO / "tests" / "layouts_html"],
                           validate=False, infer=False)
    return result.dataset


def _values(dataset, subject, predicate) -> list[str]:
    return sorted({str(o) for _s, _p, o, _g in dataset.quads((subject, predicate, None, None))})


def test_cross_page_journals_one_node_each(dataset) -> None:
    journals = sorted({str(s)[len(ID):] for s, _p, _o, _g in dataset.quads((None, RDF.type, FABIO.Journal, None))})
    # 9 nodes before: Mental Health and Social Inclusion and The Mental Health Review were each minted
    # once by ISSN (listings, running heads) and once by title hash (reference entries)
    assert len(journals) == 7
    assert [j for j in journals if j.startswith("journal/issn/")] == [
        "journal/issn/1361-9322", "journal/issn/1755-6228", "journal/issn/2042-8308"]
    mhsi = URIRef(ID + "journal/issn/2042-8308")
    assert _values(dataset, mhsi, DCTERMS.title) == ["Mental Health and Social Inclusion"]
    assert _values(dataset, mhsi, SKOS.altLabel) == ["MENTALHEALTH AND SOCIAL INCLUSION"]
    assert _values(dataset, mhsi, BIBO.issn) == ["2042-8308"]
    mhr = URIRef(ID + "journal/issn/1361-9322")
    assert _values(dataset, mhr, DCTERMS.title) == ["The Mental Health Review"]
    # a reference entry's issue hangs under the ISSN node: Bradstreet (2006), cited by the seed article
    # page with the journal's title only, in The Mental Health Review Vol. 11 No. 2
    issue = URIRef(ID + "journal/issn/1361-9322/volume/11/issue/2")
    assert _values(dataset, issue, DCTERMS.isPartOf) == [str(mhr)]
    held = {s for s, _p, _o, _g in dataset.quads((None, DCTERMS.isPartOf, issue, None))}
    assert [_values(dataset, w, DCTERMS.title) for w in held] == [
        ["Harnessing the ‘lived experience’: formalising peer support approaches to promote recovery"]]


def test_the_join_is_a_link_decision_with_its_evidence(dataset) -> None:
    links = dataset.graph(URIRef("https://w3id.org/psmh/graph/links"))
    rules = {str(links.value(d, PSMH.subjectEntity)): str(links.value(d, PSMH.rule))
             for d in links.subjects(RDF.type, PSMH.LinkDecision)
             if str(links.value(d, PSMH.subjectEntity)).startswith(ID + "journal/")}
    # (the article pages print The Journal of Mental Health Training, Education and Practice without
    # its ISSN, the listings with it)
    assert rules == {ID + "journal/issn/2042-8308": "title-printed-with-issn",
                     ID + "journal/issn/1361-9322": "title-printed-with-issn",
                     ID + "journal/issn/1755-6228": "title-printed-with-issn"}


def test_two_issns_never_join_and_a_title_with_both_joins_neither() -> None:
    decided = decide_journals([
        ("Journal of Mental Health", "0963-8237", "a"),
        ("Journal of Mental Health", "1360-0567", "b"),  # print and online ISSN: kept apart
        ("JOURNAL OF MENTAL HEALTH", None, "c"),
        ("World Psychiatry", "1723-8617", "a"),
        ("world psychiatry", None, "d"),
    ])
    assert decided.of("Journal of Mental Health", "0963-8237") == JournalId("issn", "0963-8237")
    assert decided.of("Journal of Mental Health", "1360-0567") == JournalId("issn", "1360-0567")
    assert decided.of("JOURNAL OF MENTAL HEALTH") == JournalId("title", "Journal of Mental Health")
    assert decided.of("World Psychiatry") == JournalId("issn", "1723-8617")
    assert {j.rule for j in decided.joins} == {"title-with-several-issns", "title-printed-with-issn"}


def test_variants_without_issn_are_one_node_whatever_the_page_order() -> None:
    printed = [("The Mental Health Review", None, "a"), ("Mental Health Review", None, "b"),
               ("MENTAL HEALTH REVIEW", None, "c"), ("Mental Health Review Journal", None, "d")]
    one, other = decide_journals(printed), decide_journals(reversed(printed))
    assert one.of("MENTAL HEALTH REVIEW") == other.of("The Mental Health Review") == JournalId(
        "title", "The Mental Health Review")  # mixed case, most words
    assert one.of("Mental Health Review Journal") == JournalId("title", "Mental Health Review Journal")
    assert journal_key("Health & Social Care") == journal_key("health and social care")
