"""Resource pages as a researcher reads them, over the seed build: a person's works, a work's citation line,
stated counts, in-text citations, citation statements, concept tags in English, inferred facts marked, and no
raw IRI or datatype where a label or a plain value exists. HTTP against a real server on loopback, then the
same pages in a real headless Chromium (Debian's /usr/bin/chromium).
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator

import pytest

from browser import chromium_context
from conftest_web import Server, running_server

PERSON = "/id/person/repper-julie"
EDITORIAL = "/id/work/doi/10.1108/mhsi-05-2019-060"
BEALES_WILSON = "/id/work/doi/10.1108/jmhtep-03-2015-0013"
HISTORY = "/id/work/h/0b32562e51c7e00f"  # "A long and honourable history": a reference list of 5
HASH = re.compile(r"\b[0-9a-f]{16}\b")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("resource-pages"), seeds=True) as srv:
        yield srv


def page_html(server: Server, path: str, **headers: str) -> str:
    resp = server.get(path, headers={"Accept": "text/html", **headers})
    assert resp.status_code == 200, resp.text[:500]
    return resp.text


def between(html: str, start: str, end: str) -> str:
    i = html.index(start)
    return html[i:html.index(end, i)]


def text(fragment: str) -> str:
    """The words of an HTML fragment (tags dropped, entities decoded, white space collapsed)."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


# -- over HTTP -------------------------------------------------------------------------------------------
def test_person_page_leads_with_works(server: Server) -> None:
    html = page_html(server, PERSON)
    lead = between(html, '<h1 id="label">', '<section id="explanation">')
    works = [text(li) for li in lead.split('<li class="work">')[1:]]
    assert len(works) == 3
    assert works[0].startswith("2019 Where is peer support going? — Mental Health and Social Inclusion, vol. 23, "
                               "no. 2, pp. 61–63. 2nd author of 2, with Rachel Perkins.")
    assert "https://doi.org/10.1108/mhsi-05-2019-060" in works[0]
    assert works[1].startswith("2012 Untitled work In April 2010, Nottinghamshire Healthcare NHS trust")
    assert "1st author of 2, with Emma Watson" in works[1] and "prints no title" in works[1]
    assert works[2].startswith("2010 Lived Experience Leading the Way: Peer Support in Mental Health — "
                               "Together/NSUN/University of Nottingham.")  # a report: its publisher
    assert "3rd author of 4, with Thurstine Basset, Alison Faulkner, E. Stamou" in works[2]
    assert "Known from the reference list of A long and honourable history" in works[2]
    assert 'href="/id/work/doi/10.1108/mhsi-05-2019-060"' in lead and 'href="/id/person/perkins-rachel"' in lead
    assert not HASH.search(text(lead))  # no hash ids in what a reader reads first
    # then the evidence of who she is, with the provenance folded
    evidence = between(html, '<section id="explanation">', "</section>")
    assert "Who this is: the evidence" in evidence and '<details id="provenance">' in evidence
    assert "unique-full-name-anchored-coauthors" in evidence
    # the IRIs a decision's evidence names are links named by their labels
    assert "work “Where is peer support going?”" in text(evidence) and "work https://" not in text(evidence)


def test_labels_and_plain_values_instead_of_iris(server: Server) -> None:
    person = text(page_html(server, PERSON))
    assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" not in person
    assert "rdf:type foaf:Person" in person and "foaf:name Julie Repper" in person
    record = text(between(page_html(server, EDITORIAL), '<section id="record">', "</section>"))
    assert "fabio:hasPublicationYear 2019 " in record and "^^" not in record and "@en" not in record
    assert "dcterms:isPartOf volume 23 › issue 2 of “Mental Health and Social Inclusion”" in record
    assert "author 2 of “Where is peer support going?”" in record
    slot = page_html(server, EDITORIAL + "/author/1")  # a node without a label of its own
    assert text(between(slot, '<h1 id="label"', "</h1>")).endswith("author 1 of “Where is peer support going?”")
    assert "http://purl.org" not in record and "/author/1" not in record


def test_work_citation_line_counts_and_statements(server: Server) -> None:
    html = page_html(server, EDITORIAL)
    line = between(html, '<p id="citation"', "</p>")
    assert text(line) == ("Rachel Perkins, Julie Repper (2019). Where is peer support going? Mental Health and "
                          "Social Inclusion, vol. 23, no. 2, pp. 61–63. https://doi.org/10.1108/mhsi-05-2019-060")
    assert '<a class="doi" href="https://doi.org/10.1108/mhsi-05-2019-060">' in line
    bw = page_html(server, BEALES_WILSON)
    assert text(between(bw, '<p id="stated-counts"', "</p>")) == (
        "cited by 30 · citation statements 46 · supporting 2 · contrasting 0 · mentioning 41 · unclassified 3 · "
        "references 10 (as the source page states)")
    assert "/count/" not in text(bw)
    rows = between(bw, '<table id="statements">', "</table>").split("<tr>")[2:]
    assert len(rows) == 5  # six statements, one of them the same text as statement 1
    assert "(statement 2: the same text)" in text(rows[0])
    assert all("not named on the source page" in text(r) for r in rows)


def test_inferred_authors_and_venue_are_shown_and_marked(server: Server) -> None:
    html = page_html(server, BEALES_WILSON)
    assert text(between(html, '<p id="citation"', "</p>")).startswith(
        "Beales, Wilson inferred (2015). Peer support – the what, why, who, how and now. The Journal of Mental "
        "Health Training, Education and Practice inferred. https://doi.org/10.1108/jmhtep-03-2015-0013")
    authors = between(html, '<ol id="authors"', "</ol>")
    assert [text(li) for li in authors.split("<li>")[1:]] == ["Beales inferred", "Wilson inferred"]
    assert 'class="inferred"' in authors and "authors-from-citing-statements" in html
    venue = text(between(html, '<p id="venue"', "</p>"))
    assert venue == "The Journal of Mental Health Training, Education and Practice inferred"
    assert "journal-from-doi-prefix" in between(html, "<h2>Venue</h2>", "<h2>Abstract</h2>")


def test_in_text_citations_and_references(server: Server) -> None:
    editorial = page_html(server, EDITORIAL)
    cites = [text(li) for li in
             between(editorial, '<ul id="in-text">', "</ul>").split('<li class="in-text-citation">')[1:]]
    assert len(cites) == 8  # nine pointers, "Repper et al., 2013" twice
    assert cites[0].startswith("Chamberlin, 1978 — not resolved")
    assert any(c.startswith("Repper et al., 2013 (cited 2 times) —") for c in cites)
    assert "/pointer/" not in text(editorial)
    history = page_html(server, HISTORY)
    assert history.count("<dt>Findings</dt>") == 1  # printed by a listing and by its own page: shown once
    refs = [text(li) for li in between(history, '<ol id="references">', "</ol>").split("<li")[1:]]
    assert len(refs) == 5
    assert any("→ Lived Experience Leading the Way: Peer Support in Mental Health" in r for r in refs)


def test_journal_page_lists_its_works(server: Server) -> None:
    html = page_html(server, "/id/journal/issn/2042-8308")
    works = [text(li) for li in between(html, '<ol id="works-in-journal">', "</ol>").split('<li class="work">')[1:]]
    assert len(works) == 6
    assert works[2].startswith("Rachel Perkins, Julie Repper (2019). Where is peer support going? Mental Health and "
                               "Social Inclusion, vol. 23, no. 2, pp. 61–63.")
    assert [w[w.index("(") + 1:w.index(")")] for w in works] == ["2024", "2024", "2019", "2017", "2012", "2010"]
    inferred = page_html(server, "/id/journal/issn/1755-6228")  # Beales & Wilson: in it by inference only
    listed = text(between(inferred, '<ol id="works-in-journal">', "</ol>"))
    assert "Beales, Wilson inferred (2015). Peer support – the what, why, who, how and now." in listed
    incoming = text(between(inferred, "<h3>Referenced by</h3>", '<p class="note">'))
    assert ("inference (journal-from-doi-prefix): dcterms:isPartOf of “Peer support – the what, why, who, how and "
            "now”") in incoming and "/inference/" not in incoming


def test_statements_show_their_in_text_citations(server: Server) -> None:
    html = page_html(server, BEALES_WILSON)
    rows = between(html, '<table id="statements">', "</table>").split("<tr>")[2:]
    cites = text(rows[1].split('<p class="statement-cites">', 1)[1].split("</p>", 1)[0])
    assert cites == ("In-text citations: Beales & Wilson, 2015; Faulkner & Basset, 2012 (ambiguous between A long "
                     "and honourable history; Untitled work (2012)); Stratford et al, 2017")


def test_cited_work_page_says_who_cites_it(server: Server) -> None:
    html = page_html(server, HISTORY + "/reference/1/work")  # a report known only from a reference list
    assert text(between(html, '<p id="citation"', "</p>")) == (
        "Thurstine Basset, Alison Faulkner, Julie Repper, E. Stamou (2010). Lived Experience Leading the Way: Peer "
        "Support in Mental Health. Together/NSUN/University of Nottingham.")
    cited_by = [text(li) for li in between(html, '<ul id="cited-by-works">', "</ul>").split("<li")[1:]]
    assert cited_by == ['class="citing-work">Alison Faulkner, Thurstine Basset (2012). A long and honourable history. '
                        "The Journal of Mental Health Training, Education and Practice, vol. 7, no. 2. (reference 1)"]


def test_referenced_by_groups_the_nodes_own_parts(server: Server) -> None:
    html = page_html(server, EDITORIAL)
    incoming = between(html, "<h3>Referenced by</h3>", '<p class="note">')
    assert [text(li) for li in incoming.split('<li class="part">')[1:]] == [
        "117 concept annotations and their evidence (shown above)", "9 in-text citations (shown above)",
        "2 author slots (shown above)"]
    assert "/annotation/" not in incoming


def test_referenced_by_collapses_nodes_of_one_label(server: Server) -> None:
    source = page_html(server, "/id/source/7fc2c925d82a0156")  # the editorial's page
    incoming = text(between(source, "<h3>Referenced by</h3>", '<p class="note">'))
    assert "annotation › hit of “Where is peer support going?” ×81" in incoming
    assert "Repper et al., 2013 ×2" in incoming and "Chamberlin, 1978" in incoming  # in-text citations by their words
    assert "/pointer/" not in incoming and "/hit/" not in incoming
    statement = page_html(server, BEALES_WILSON + "/statement/81c6b3375bd96cca-3")
    assert text(between(statement, '<h1 id="label"', "</h1>")).endswith(
        "At one end of the spectrum, it occurs naturally in informal interactions…")


def test_concept_labels_follow_the_language_rule(server: Server) -> None:
    english = page_html(server, BEALES_WILSON)
    tags = text(between(english, '<h2 id="tags">', "</section>"))
    assert "mutuality" in tags and "Gegenseitigkeit" not in tags
    record = text(between(english, '<section id="record">', "</section>"))
    assert "history" in record and "Geschichte" not in record  # dcterms:subject objects, by their label
    german = page_html(server, BEALES_WILSON, **{"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert "Gegenseitigkeit" in text(between(german, '<h2 id="tags">', "</section>"))
    asked = page_html(server, BEALES_WILSON + "?lang=en", **{"Accept-Language": "de"})  # the page's language wins
    assert "Gegenseitigkeit" not in text(between(asked, '<h2 id="tags">', "</section>"))
    chosen = page_html(server, BEALES_WILSON + "?lang=de")
    assert "Gegenseitigkeit" in text(between(chosen, '<h2 id="tags">', "</section>"))
    assert 'href="/vocab/theme/mutuality?lang=de"' in chosen  # the reader stays in the language they chose


def test_named_query_labels_follow_the_language_rule(server: Server) -> None:
    def label(**headers: str) -> str:
        rows = server.get("/queries/concepts?format=json", headers=headers).json()["results"]["bindings"]
        return next(r["label"]["value"] for r in rows if r["concept"]["value"].endswith("/theme/mutuality"))

    assert label() == "mutuality"
    assert label(**{"Accept-Language": "de-DE,de;q=0.9"}) == "Gegenseitigkeit"
    assert label(**{"Accept-Language": "fr"}) == "mutuality"  # no French label: English
    assert label(**{"Accept-Language": "de"}) == "Gegenseitigkeit"
    html = page_html(server, "/queries/concepts")
    results = text(between(html, '<table id="results"', "</table>"))
    assert "mutuality" in results and "Gegenseitigkeit" not in results and "^^" not in results


def test_concept_page_leads_with_what_the_thesaurus_says(server: Server) -> None:
    html = page_html(server, "/vocab/theme/mutuality")
    assert text(between(html, '<p id="definition">', "</p>")) == (
        "The reciprocity and equality of peer relationships: both people give and receive, without a fixed "
        "helper and helped.")
    assert text(between(html, '<dd id="broader">', "</dd>")) == "relationships"
    assert "reciprocity" in text(between(html, '<dd id="also">', "</dd>"))
    german = page_html(server, "/vocab/theme/relationships", **{"Accept-Language": "de"})
    assert text(between(german, '<h1 id="label"', "</h1>")).endswith("Beziehungen")
    assert text(between(german, '<dd id="narrower">', "</dd>")) == "Abgrenzung, Gegenseitigkeit"
    assert "about the narrower Abgrenzung" in text(between(german, 'id="works-about"', "</ul>"))


def test_concept_tags_one_line_each_with_evidence_folded(server: Server) -> None:
    html = page_html(server, BEALES_WILSON)
    about = between(html, 'id="tags-about"', 'id="tags-mentions"')
    entries = about.split('<li class="tag">')[1:]
    assert len(entries) == 6
    history = next(e for e in entries if 'href="/vocab/theme/history"' in e)
    line = text(history.split("<details", 1)[0])
    assert line == "history 3 hits: history abstract section “Purpose”, rule aim"
    assert history.count('<li class="evidence">') == 3 and '<details class="evidence">' in history


# -- in a real browser -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[object]:
    with chromium_context(locale="en-GB") as context:
        yield context.new_page()


@pytest.mark.browser
def test_browser_person_page_lists_works(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + PERSON)  # type: ignore[attr-defined]
    titles = pg.locator("#person-works li.work .title").all_inner_texts()  # type: ignore[attr-defined]
    assert titles == ["Where is peer support going?", "Untitled work",
                      "Lived Experience Leading the Way: Peer Support in Mental Health"]
    assert pg.locator("#person-works li.work .year").all_inner_texts() == ["2019", "2012", "2010"]  # type: ignore[attr-defined]
    assert pg.locator("#provenance #graphs").is_visible() is False  # type: ignore[attr-defined]  # folded
    visible = pg.inner_text("main")  # type: ignore[attr-defined]
    assert "http://www.w3.org/" not in visible and "^^" not in visible
    pg.click("#person-works >> text=Where is peer support going?")  # type: ignore[attr-defined]
    pg.wait_for_url("**" + EDITORIAL)  # type: ignore[attr-defined]
    assert pg.inner_text("h1#label") == "Where is peer support going?"  # type: ignore[attr-defined]


@pytest.mark.browser
def test_browser_work_page_citation_references_english_labels(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + EDITORIAL)  # type: ignore[attr-defined]
    line = pg.inner_text("#citation")  # type: ignore[attr-defined]
    assert line.startswith("Rachel Perkins, Julie Repper (2019). Where is peer support going?")
    assert pg.get_attribute("#citation a.doi", "href") == "https://doi.org/10.1108/mhsi-05-2019-060"  # type: ignore[attr-defined]
    assert pg.locator("#in-text li").count() == 8  # type: ignore[attr-defined]
    visible = pg.inner_text("main")  # type: ignore[attr-defined]
    assert "/pointer/" not in visible and "/count/" not in visible and "/annotation/" not in visible
    assert "http://purl.org/" not in visible and "^^" not in visible
    pg.goto(server.url + BEALES_WILSON)  # type: ignore[attr-defined]
    concepts = pg.locator("#tags-mentions a.concept").all_inner_texts()  # type: ignore[attr-defined]
    assert "mutuality" in concepts and "Gegenseitigkeit" not in concepts
    tag = pg.locator("#tags-mentions li.tag", has=pg.locator("a.concept", has_text="mutuality"))  # type: ignore[attr-defined]
    assert tag.locator("li.evidence").first.is_visible() is False  # evidence folded…
    tag.locator("summary").click()
    assert tag.locator("li.evidence").count() == 2 and tag.locator("li.evidence").first.is_visible()  # …one click away
    assert pg.locator("#authors .inferred").count() == 2  # type: ignore[attr-defined]
    pg.click("#citation a.journal")  # type: ignore[attr-defined]
    pg.wait_for_selector("h1#label")  # type: ignore[attr-defined]
    assert pg.inner_text("h1#label") == "The Journal of Mental Health Training, Education and Practice"  # type: ignore[attr-defined]
