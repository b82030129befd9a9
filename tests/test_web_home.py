"""The home page as a way in, over HTTP to a real server of the seed build: counts, browse lists, search,
the example questions as links; and in headless Chromium, the examples run and the search finds a work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest

from browser import chromium_context
from conftest_web import ID, Server, running_server

HONOURABLE = ID + "work/h/0b32562e51c7e00f"  # "A long and honourable history" (Faulkner & Basset 2012)
# the seed build's numbers (peerkg stats over the same build gives the same)
SEED_COUNTS = {"works": 20, "people": 21, "journals": 3, "concepts": 120, "citation statements": 6}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("home"), seeds=True) as srv:
        yield srv


def _counts(html: str) -> dict[str, int]:
    return {kind: int(n) for kind, n in re.findall(r'<span class="n" data-kind="([^"]+)">(\d+)</span>', html)}


def test_counts_are_the_stores_counts(server: Server) -> None:
    html = server.get("/").text
    stored = server.get("/health").json()["backend"]["kinds"]
    assert _counts(html) == SEED_COUNTS
    assert {k: stored[k] for k in SEED_COUNTS} == SEED_COUNTS
    # the same numbers as counting in SPARQL now
    for kind, cls in (("works", "dcterms:BibliographicResource"), ("people", "foaf:Person"),
                      ("citation statements", "psmh:CitationStatement")):
        rows = server.get("/sparql", params={"query": f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a {cls} }}"}).json()
        assert int(rows["results"]["bindings"][0]["n"]["value"]) == SEED_COUNTS[kind]


def test_home_links_to_the_lists_and_years(server: Server) -> None:
    html = server.get("/").text
    for kind in ("works", "people", "journals", "concepts"):
        assert f'href="/browse/{kind}"' in html
    assert '<a href="/browse/works?year=2012">2012</a> (4)' in html
    assert '<a href="/browse/works?year=">no year</a> (3)' in html


def test_works_of_a_year_with_authors(server: Server) -> None:
    doc = server.get("/browse/works", params={"year": "2012", "format": "json"}).json()
    assert [(i["label"], i["authors"]) for i in doc["items"]] == [
        ("A long and honourable history", ["Alison Faulkner", "Thurstine Basset"]),
        ("", ["Julie Repper", "Emma Watson"]), ("", ["Alison Faulkner", "Thurstine Basset"]),
        ("", ["Claire Ockwell"])]
    html = server.get("/browse/works?year=2012").text
    assert '<a href="/id/work/h/0b32562e51c7e00f">A long and honourable history</a>' in html
    assert "Untitled work" in html and "Julie Repper, Emma Watson" in html


def test_people_and_journals_lists(server: Server) -> None:
    people = server.get("/browse/people", params={"format": "json"}).json()
    assert len(people["items"]) == 21 and people["more"] is False
    assert people["items"][0] == {"iri": ID + "person/basset-thurstine", "label": "Thurstine Basset", "works": "3"}
    repper = next(i for i in people["items"] if i["label"] == "Julie Repper")
    assert repper["works"] == "3"
    journals = server.get("/browse/journals", params={"format": "json"}).json()["items"]
    assert [(j["label"], j["issn"], j["works"]) for j in journals] == [
        ("Mental Health and Social Inclusion", "2042-8308", "6"),
        ("The Journal of Mental Health Training, Education and Practice", "1755-6228", "4"),
        ("The Mental Health Review", "", "1")]


def test_concepts_are_paged(server: Server) -> None:
    first = server.get("/browse/concepts", params={"format": "json"}).json()
    assert len(first["items"]) == 50 and first["more"] is True
    assert first["items"][0] == {"iri": "https://w3id.org/psmh/vocab/model/peer-support", "label": "peer support",
                                 "scheme": "Peer-support models", "works": "10"}
    last = server.get("/browse/concepts", params={"format": "json", "page": "3"}).json()
    assert len(last["items"]) == 20 and last["more"] is False
    html = server.get("/browse/concepts?page=2").text
    assert 'rel="prev" href="/browse/concepts?page=1"' in html and 'rel="next" href="/browse/concepts?page=3"' in html
    assert server.get("/browse/concepts", params={"page": "0"}).status_code == 400
    assert server.get("/browse/nothing").status_code == 404


def test_search_finds_works_people_and_concepts(server: Server) -> None:
    doc = server.get("/search", params={"q": "honourable", "format": "json"}).json()
    assert doc["items"] == [{"iri": HONOURABLE, "label": "A long and honourable history", "kind": "work",
                             "year": "2012", "authors": ["Alison Faulkner", "Thurstine Basset"]}]
    lived = server.get("/search", params={"q": "Lived EXPERIENCE", "format": "json"}).json()["items"]
    assert [(i["kind"], i["label"]) for i in lived] == [
        ("work", "Harnessing the ‘lived experience’: formalising peer support approaches to promote recovery"),
        ("work", "Lived Experience Leading the Way: Peer Support in Mental Health"),
        ("concept", "lived experience")]
    assert server.get("/search", params={"q": "repper", "format": "json"}).json()["items"] == [
        {"iri": ID + "person/repper-julie", "label": "Julie Repper", "kind": "person"}]
    html = server.get("/search", params={"q": "honourable"}).text
    assert ('<span class="year">2012</span> <a href="/id/work/h/0b32562e51c7e00f">A long and honourable history</a> '
            '<span class="authors">Alison Faulkner, Thurstine Basset</span>') in html


def test_search_is_bounded_and_never_sparql(server: Server) -> None:
    # quotes, braces and regex syntax are no words: nothing of them reaches the query
    doc = server.get("/search", params={"q": '") } DROP ALL # .* \\', "format": "json"}).json()
    assert doc["words"] == ["DROP", "ALL"] and doc["items"] == []
    assert server.get("/search", params={"q": "", "format": "json"}).json()["items"] == []
    many = server.get("/search", params={"q": " ".join(["peer"] * 20) + " x" * 100, "format": "json"}).json()
    assert many["words"] == ["peer"] * 8
    assert "No title or name holds" in server.get("/search", params={"q": "zzzqqq"}).text


def test_example_questions_are_links_that_run(server: Server) -> None:
    html = server.get("/").text
    assert '<a href="/queries/who-cites">Who cites Beales &amp; Wilson (2015), and how?</a>' in html
    links = [unquote(unescape(m)) for m in re.findall(r'class="example" href="/sparql#run=([^"]+)"', html)]
    assert len(links) == 6 and links[0].startswith("SELECT ?work ?title ?year WHERE")
    first = server.get("/sparql", params={"query": links[0]}).json()["results"]["bindings"]
    assert [b["title"]["value"] for b in first[:3]] == [
        "Where is peer support going?", "Peer support – the what, why, who, how and now",
        "A long and honourable history"]


# -- in a real browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[object]:
    with chromium_context() as context:
        yield context.new_page()


EXPECTED_ROWS = {  # example → a value its results show on the seed build
    "Works with their titles and years": "Where is peer support going?",
    "Works on a peer-support model, and the setting": "user-led peer support",
    "Who cites a work, and how (supporting, mentioning, …)": "Peer support – the what, why, who, how and now",
    "Works of an author, in author order, with co-authors": "Rachel Perkins",
    "Journals and their issues": "Mental Health and Social Inclusion",
    "Named graphs and their sizes": "https://w3id.org/psmh/graph/ontology",
}


@pytest.mark.browser
@pytest.mark.parametrize("example", list(EXPECTED_ROWS))
def test_home_examples_run_in_the_browser(server: Server, page: object, example: str) -> None:
    pg = page
    pg.goto(server.url + "/")  # type: ignore[attr-defined]
    pg.click(f"a.example:text-is('{example}')")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasr table tbody tr", timeout=20_000)  # type: ignore[attr-defined]
    assert EXPECTED_ROWS[example] in pg.inner_text(".yasr")  # type: ignore[attr-defined]
    assert "PREFIX" not in pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]


@pytest.mark.browser
def test_home_search_finds_a_work_by_a_word_of_its_title(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/")  # type: ignore[attr-defined]
    pg.fill("#q", "honourable")  # type: ignore[attr-defined]
    pg.press("#q", "Enter")  # type: ignore[attr-defined]
    pg.wait_for_selector("#results li")  # type: ignore[attr-defined]
    shown = pg.inner_text("#results").strip()  # type: ignore[attr-defined]
    assert shown == "work 2012 A long and honourable history Alison Faulkner, Thurstine Basset"
    pg.click("#results a")  # type: ignore[attr-defined]
    pg.wait_for_selector("h1#label")  # type: ignore[attr-defined]
    assert pg.inner_text("h1#label") == "A long and honourable history"  # type: ignore[attr-defined]
    assert pg.url == server.url + "/id/work/h/0b32562e51c7e00f"  # type: ignore[attr-defined]


@pytest.mark.browser
def test_home_counts_in_the_browser_equal_the_stores(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/")  # type: ignore[attr-defined]
    shown = pg.eval_on_selector_all(  # type: ignore[attr-defined]
        "#counts .n", "els => Object.fromEntries(els.map(e => [e.dataset.kind, Number(e.textContent)]))")
    stored = server.get("/health").json()["backend"]["kinds"]
    assert shown == {k: stored[k] for k in SEED_COUNTS} == SEED_COUNTS


# -- the README's first queries answer what they say ------------------------------------------------------
README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_queries() -> tuple[list[str], list[str], list[str]]:
    """The README's SPARQL blocks, its ``curl … query=…`` queries and its ``peerkg query '…'`` queries."""
    text = README.read_text(encoding="utf-8")
    return (re.findall(r"```sparql\n(.*?)```", text, re.S), re.findall(r"--data-urlencode 'query=([^']*)'", text),
            re.findall(r"^peerkg query '([^']*)'", text, re.M))


def _csv_rows(server: Server, query: str) -> list[list[str]]:
    import csv
    import io

    resp = server.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert resp.status_code == 200, resp.text
    return list(csv.reader(io.StringIO(resp.text)))


def test_readme_sparql_blocks_answer_with_works_people_and_statements(server: Server) -> None:
    authors, statements, person = _readme_queries()[0]
    rows = _csv_rows(server, authors)
    editorial = ID + "work/doi/10.1108/mhsi-05-2019-060"
    assert rows[0] == ["work", "title", "pos", "name"] and len(rows) == 1 + 29  # 29 author slots
    assert rows[1:3] == [[editorial, "Where is peer support going?", "1", "Rachel Perkins"],
                         [editorial, "Where is peer support going?", "2", "Julie Repper"]]
    rows = _csv_rows(server, statements)
    assert [(r[0].rsplit("/", 1)[-1], r[1], r[2][:40]) for r in rows[1:]] == [
        ("cites", "", "(Faulkner et al 2013, 6) Diese Definitio"),
        ("cites", "", "Die Geschichte informeller Peer-Unterstü"),
        ("citesForInformation", "0.99", "Although peer support in mental health o"),
        ("citesForInformation", "0.99", "At one end of the spectrum, it occurs na"),
        ("citesForInformation", "0.99", "The possibility that availability of for")]  # the one printed twice, once
    rows = _csv_rows(server, person)
    assert rows[0] == ["work", "title", "year", "coauthors", "venue"]
    assert [(r[1], r[2], sorted(r[3].split(", ")), r[4]) for r in rows[1:]] == [
        ("Where is peer support going?", "2019", ["Rachel Perkins"], "Mental Health and Social Inclusion"),
        ("", "2012", ["Emma Watson"], "The Journal of Mental Health Training, Education and Practice"),
        ("Lived Experience Leading the Way: Peer Support in Mental Health", "2010",
         ["Alison Faulkner", "E. Stamou", "Thurstine Basset"], "")]


def test_readme_curl_queries_answer_with_works_and_people(server: Server) -> None:
    curl = _readme_queries()[1]
    works, people = curl[0], curl[1]
    assert [r[1] for r in _csv_rows(server, works)[1:]] == [
        "A long and honourable history", "Beyond the Water Towers",
        "From Little Acorns: the mental health service user movement"]
    assert _csv_rows(server, people) == [["name"], ["Alison Faulkner"], ["Angella Musaabi"], ["Benjamin Thomas Gray"]]
    star = next(q for q in curl if q.startswith("SELECT * WHERE { ?s ?p ?o } LIMIT 2"))
    assert _csv_rows(server, star)[0] == ["s", "p", "o"]
    construct = next(q for q in curl if "fabio:JournalArticle" in q)
    doc = server.get("/sparql", params={"query": construct, "format": "json-ld"}).json()
    titles = sorted(t["@value"] for node in doc for t in node.get("http://purl.org/dc/terms/title", []))
    assert titles == ["A long and honourable history",
                      "Harnessing the ‘lived experience’: formalising peer support approaches to promote recovery"]


def test_readme_peerkg_query_answers_with_works(server: Server, tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "peerkg.trig").write_bytes(server.get("/dumps/peerkg.trig").content)
    (first,) = _readme_queries()[2]
    run = subprocess.run([sys.executable, "-m", "peerkg", "query", first, "--format", "csv"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["title,year", "Where is peer support going?,2019",
                                       '"Peer support – the what, why, who, how and now",2015',
                                       "A long and honourable history,2012"]


# -- named-query result tables a person reads --------------------------------------------------------------
def _table(html: str) -> tuple[list[str], list[list[str]]]:
    """Header and cell texts of the results table (tags stripped)."""
    table = html.split('<table id="results">', 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th>(.*?)</th>", table)
    rows = [[" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    return heads, rows


def test_named_query_table_each_work_once_without_datatypes(server: Server) -> None:
    html = server.get("/queries/works-by-setting", headers={"Accept": "text/html"}).text
    heads, rows = _table(html)
    assert heads == ["work", "year", "concepts", "findings"]  # no title column: every work here is untitled
    assert [r[:3] for r in rows] == [
        ["Untitled work (2024) by Benjamin Thomas Gray, Matthew Sisto, Renee Conley", "2024",
         "inpatient ward, men's ward"],
        ["Untitled work (2024) by Benjamin Thomas Gray, Matthew Sisto", "2024", "inpatient ward"],
        ["Untitled work (2017) by Tori Wolfendale, Angella Musaabi", "2017",
         "high secure setting, rehabilitation ward, inpatient ward"],
        ["Untitled work (2012) by Claire Ockwell", "2012", "inpatient ward"]]
    table = html.split('<table id="results">', 1)[1].split("</table>", 1)[0]
    shown = unescape(re.sub(r"<[^>]+>", " ", table))  # what a reader sees (the datatype is only a tooltip)
    assert "^^" not in shown and "@en" not in shown and "gYear" not in shown
    assert '<span class="literal" title="xsd:gYear">2024</span>' in table


def test_named_query_table_has_no_title_column_beside_the_work(server: Server) -> None:
    heads, rows = _table(server.get("/queries/works-by-theme", headers={"Accept": "text/html"}).text)
    assert heads == ["work", "year", "concepts", "findings"]  # the title is the work's link text
    assert [r[:3] for r in rows] == [
        ["A long and honourable history", "2012", "professionalisation"],
        ["Untitled work (2012) by Alison Faulkner, Thurstine Basset", "2012", "professionalisation"]]
    heads, rows = _table(server.get("/queries/author-works", headers={"Accept": "text/html"}).text)
    assert "title" not in heads and "venueTitle" in heads  # the venue has no IRI column here: its title stays
    works = [r[heads.index("work")] for r in rows]
    assert sorted(works) == sorted(set(works)) == [
        "Lived Experience Leading the Way: Peer Support in Mental Health",
        "Untitled work (2012) by Julie Repper, Emma Watson", "Where is peer support going?"]


def test_named_query_table_lists_of_works_are_links(server: Server) -> None:
    html = server.get("/queries/works-by-year-and-venue", headers={"Accept": "text/html"}).text
    heads, rows = _table(html)
    assert heads == ["year", "venue", "works", "workList"]
    assert rows[0] == ["2005", "Beyond the Water Towers", "1",
                       "From Little Acorns: the mental health service user movement"]
    assert ('<li><a href="/id/work/h/0b32562e51c7e00f/reference/4/work" title="https://w3id.org/psmh/id/work/h/'
            '0b32562e51c7e00f/reference/4/work">From Little Acorns') in html
    # the machine formats keep every column, typed
    doc = server.get("/queries/works-by-year-and-venue", params={"format": "json"}).json()
    assert doc["head"]["vars"] == ["year", "venue", "venueTitle", "works", "workList"]
    assert doc["results"]["bindings"][0]["year"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gYear"


def test_lists_follow_the_label_language_rule(server: Server) -> None:
    def label(**headers: str) -> str:
        items = server.get("/browse/concepts", params={"format": "json"}, headers=headers).json()["items"]
        return next(i["label"] for i in items if i["iri"] == "https://w3id.org/psmh/vocab/model/peer-support")

    assert label() == "peer support"
    assert label(**{"Accept-Language": "de-DE,de;q=0.9"}) == "Peer Support"
    assert label(**{"Accept-Language": "fr"}) == "peer support"  # no French label: English
