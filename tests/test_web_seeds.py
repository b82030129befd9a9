"""The service over the seed build (``peerkg serve`` with no data): named queries at /queries, resource
pages that explain themselves (sources, merges, inferences, concept tags with evidence), the RDF of a work
with its annotations, and the same pages in a real headless Chromium.

One server per module (building the seeds takes ~10 s); every test talks HTTP to it.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef

from browser import CHROMIUM, NO_CHROMIUM, chromium_context
from conftest_web import ID, Server, running_server

V = "https://w3id.org/psmh/vocab/"
OA = Namespace("http://www.w3.org/ns/oa#")
PSMH = Namespace("https://w3id.org/psmh/ontology#")
REPPER = ID + "person/repper-julie"
BEALES_WILSON = ID + "work/doi/10.1108/jmhtep-03-2015-0013"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("seeds"), seeds=True) as srv:
        yield srv


def select(server: Server, query: str) -> list[dict[str, str]]:
    resp = server.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.text
    return [{k: v["value"] for k, v in b.items()} for b in resp.json()["results"]["bindings"]]


def who(server: Server, work: str) -> tuple[str, str]:
    """(family names of the authors, publication year) of a work, read over /sparql."""
    rows = select(server, f"""PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX fabio: <http://purl.org/spar/fabio/>
        SELECT ?family ?year WHERE {{ OPTIONAL {{ <{work}> dcterms:creator/foaf:familyName ?family }}
                                      OPTIONAL {{ <{work}> fabio:hasPublicationYear ?year }} }}""")
    return " & ".join(sorted({r["family"] for r in rows if "family" in r})), rows[0].get("year", "")


@pytest.fixture(scope="module")
def mens_ward_work(server: Server) -> str:
    rows = select(server, f"SELECT ?w WHERE {{ ?w <https://w3id.org/psmh/ontology#setting> <{V}setting/mens-ward> }}")
    assert len(rows) == 1
    return rows[0]["w"]


INPATIENT = sorted([("Conley & Gray & Sisto", "2024"), ("Gray & Sisto", "2024"), ("Musaabi & Wolfendale", "2017"),
                    ("Ockwell", "2012")])


# -- named queries ---------------------------------------------------------------------------------------
def test_queries_list_json_and_html(server: Server) -> None:
    resp = server.get("/queries")
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/json"
    listed = {q["name"]: q for q in resp.json()["queries"]}
    assert {"works-by-setting", "works-by-theme", "who-cites", "concept-evidence"} <= set(listed)
    setting = listed["works-by-setting"]
    assert setting["title"] and setting["url"].endswith("/queries/works-by-setting")
    assert setting["params"] == [{"name": "setting", "kind": "concept", "default": "vocab:setting/inpatient",
                                  "description": setting["params"][0]["description"]}]
    html = server.get("/queries", headers={"Accept": "text/html"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert 'href="/queries/works-by-setting"' in html.text and "vocab:setting/inpatient" in html.text
    assert "access-control-allow-origin" in {k.lower() for k in resp.headers}


def test_works_by_setting_json(server: Server) -> None:
    resp = server.get("/queries/works-by-setting", params={"setting": "setting/inpatient"},
                      headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/sparql-results+json"
    assert resp.headers["X-PeerKG-Rows"] and "X-PeerKG-Query-Time-Ms" in resp.headers  # the /sparql path
    doc = resp.json()
    assert doc["head"]["vars"][:3] == ["work", "title", "year"]
    works = {b["work"]["value"] for b in doc["results"]["bindings"]}
    # the two men's-ward narratives of 2024, the West Sussex project (Ockwell 2012), the high-secure scheme
    assert sorted(who(server, w) for w in works) == INPATIENT
    default = server.get("/queries/works-by-setting?format=json").json()  # the default is the same concept
    assert {b["work"]["value"] for b in default["results"]["bindings"]} == works
    full_iri = server.get("/queries/works-by-setting", params={"setting": V + "setting/inpatient",
                                                               "format": "json"}).json()
    assert {b["work"]["value"] for b in full_iri["results"]["bindings"]} == works


def test_works_by_setting_csv_and_tsv(server: Server) -> None:
    by_accept = server.get("/queries/works-by-setting?setting=vocab:setting/inpatient",
                           headers={"Accept": "text/csv"})
    by_format = server.get("/queries/works-by-setting?setting=vocab:setting/inpatient&format=csv")
    for resp in (by_accept, by_format):
        assert resp.status_code == 200 and resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert by_accept.content == by_format.content
    rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert sorted(who(server, w) for w in {r["work"] for r in rows}) == INPATIENT
    tsv = server.get("/queries/works-by-setting?format=tsv")
    assert tsv.headers["Content-Type"].startswith("text/tab-separated-values") and tsv.text.startswith("?work\t")


def test_works_by_theme_professionalisation(server: Server) -> None:
    doc = server.get("/queries/works-by-theme", params={"theme": "theme/professionalisation", "format": "json"}).json()
    works = {b["work"]["value"] for b in doc["results"]["bindings"]}
    found = [who(server, w) for w in works]
    assert found.count(("Basset & Faulkner", "2012")) == 2  # both 2012 Faulkner & Basset works
    assert BEALES_WILSON not in works  # only citation statements by others say "professionalised"


def test_named_query_html_page(server: Server) -> None:
    resp = server.get("/queries/works-by-setting?setting=setting/inpatient", headers={"Accept": "text/html"})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    html = resp.text
    assert '<h1 id="title">Works about a setting, with their findings</h1>' in html
    assert 'name="setting" value="setting/inpatient"' in html           # the parameter as a form
    assert '<table id="results">' in html and 'href="/id/work/h/' in html  # rows link to resource pages
    assert "<th>concepts</th>" in html and "inpatient ward, men&#39;s ward" in html  # the concepts found, by label
    assert "&lt;https://w3id.org/psmh/vocab/setting/inpatient&gt;" in html  # the rendered SPARQL
    assert 'id="open-in-editor"' in html and "/sparql#load=" in html
    assert resp.headers["X-PeerKG-Rows"] == str(html.count("<tr>") - 1)
    assert server.get("/queries/works-by-setting?format=html").headers["Content-Type"].startswith("text/html")


def test_named_query_errors(server: Server) -> None:
    unknown = server.get("/queries/no-such-query")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "unknown-named-query"
    assert "works-by-setting" in unknown.json()["error"]["message"]
    bad = server.get("/queries/works-by-setting", params={"setting": "inpatient ward"})
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert error["code"] == "bad-parameter" and error["parameter"] == "setting" and "setting" in error["message"]
    doi = server.get("/queries/who-cites", params={"work": "not-a-doi"}).json()["error"]
    assert doi["parameter"] == "work" and "DOI" in doi["message"]
    extra = server.get("/queries/works-by-theme", params={"them": "theme/stigma"})
    assert extra.status_code == 400 and extra.json()["error"]["parameter"] == "them"
    twice = server.get("/queries/works-by-theme?theme=theme/stigma&theme=theme/recovery")
    assert twice.status_code == 400 and twice.json()["error"]["parameter"] == "theme"
    assert server.get("/queries/works-by-theme", headers={"Accept": "text/turtle"}).status_code == 406
    assert server.get("/queries/works-by-theme?format=turtle").json()["error"]["code"] == "not-acceptable"
    assert server.get("/queries/works-by-theme?format=nonsense&theme=theme/stigma",
                      headers={"Accept": "text/csv"}).headers["Content-Type"].startswith("text/csv")
    html = server.get("/queries/no-such-query", headers={"Accept": "text/html"})
    assert html.status_code == 404 and html.headers["Content-Type"].startswith("text/html")


def test_query_page_lists_named_queries(server: Server) -> None:
    html = server.get("/sparql", headers={"Accept": "text/html"}).text
    assert 'class="named" data-name="works-by-setting"' in html and 'href="/queries/works-by-setting"' in html


def test_dumps_are_the_seed_builds_files(server: Server, seed_build) -> None:
    """With no data the service builds the seeds in-process and serves that build's files as they are."""
    import hashlib

    for name, data in seed_build.dumps.files.items():
        body = server.get(f"/dumps/{name}").content
        assert hashlib.sha256(body).hexdigest() == hashlib.sha256(data).hexdigest(), name
    assert "from the build (" in next(entry for entry in server.log if "peerkg.dumps" in entry)


def test_cli_named_query(server: Server, tmp_path: Path) -> None:
    dump = tmp_path / "peerkg.trig"
    dump.write_bytes(server.get("/dumps/peerkg.trig").content)
    run = subprocess.run([sys.executable, "-m", "peerkg", "query", "--named", "works-by-setting", "--param",
                          "setting=setting/inpatient", "--data", str(dump), "--format", "csv"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    http = server.get("/queries/works-by-setting?format=csv").text
    assert {r["work"] for r in csv.DictReader(io.StringIO(run.stdout))} == \
        {r["work"] for r in csv.DictReader(io.StringIO(http))}
    bad = subprocess.run([sys.executable, "-m", "peerkg", "query", "--named", "works-by-setting", "--param",
                          "setting=nonsense", "--data", str(dump)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "setting" in bad.stderr and "Traceback" not in bad.stderr
    listing = subprocess.run([sys.executable, "-m", "peerkg", "query", "--list-named"], capture_output=True,
                             text=True, timeout=120)
    assert listing.returncode == 0 and "--param setting=vocab:setting/inpatient" in listing.stdout


# -- resource pages that explain themselves ---------------------------------------------------------------
@pytest.fixture(scope="module")
def dataset(server: Server) -> Dataset:
    ds = Dataset()
    ds.parse(data=server.get("/dumps/peerkg.trig").content, format="trig")
    return ds


def test_explanation_agrees_with_the_library(server: Server, dataset: Dataset, mens_ward_work: str) -> None:
    from peerkg.explain import explain

    for iri in (REPPER, mens_ward_work, BEALES_WILSON, ID + "person/basset-thurstine"):
        lib = explain(dataset, iri)
        web = server.get("/explain", params={"iri": iri}).json()
        assert web["types"] == list(lib.types) and web["labels"] == list(lib.labels)
        assert web["label"] == lib.label
        assert web["sources"] == list(lib.sources)
        assert sorted((s["graph"], s["predicate"], s["value"]) for s in web["statements"]) == \
            sorted((s.graph, s.predicate, s.value) for s in lib.statements)
        assert sorted((d["kind"], d["label"], d["rule"], d["score"], d["evidence"]) for d in web["decisions"]) == \
            sorted((d.kind, d.label, d.rule, d.score, d.evidence) for d in lib.decisions)
    assert server.get("/explain", params={"iri": ID + "nothing/here"}).status_code == 404
    assert server.get("/explain").status_code == 400


def test_person_page_shows_merge_evidence(server: Server) -> None:
    html = server.get("/id/person/repper-julie", headers={"Accept": "text/html"}).text
    assert '<table id="decisions">' in html
    assert "&#39;Repper, J.&#39;" in html and "unique-full-name-anchored-coauthors" in html
    assert "Basset, T." in html  # the shared co-authors are the evidence
    assert "000_5771ebd78ef556ab.txt" in html  # the page the reference came from


def test_work_page_shows_tags_with_evidence_and_bibliography(server: Server, mens_ward_work: str) -> None:
    path = mens_ward_work.replace("https://w3id.org/psmh/", "/")
    html = server.get(path, headers={"Accept": "text/html"}).text
    about = html[html.index('id="tags-about"'):html.index('id="tags-mentions"')]
    assert 'href="/vocab/setting/mens-ward"' in about
    assert '<mark class="exact">men’s mental health ward</mark>' in about
    assert "abstract section “Purpose”" in about and '<code class="rule">' in about
    mentions = html[html.index('id="tags-mentions"'):]
    assert '<mark class="exact">community peer support</mark>' in mentions  # contrast: only mentioned
    authors = html[html.index('<ol id="authors">'):html.index("</ol>", html.index('<ol id="authors">'))]
    assert authors.index("Benjamin Thomas Gray") < authors.index("Matthew Sisto") < authors.index("Renee Conley")
    assert "<dt>Findings</dt>" in html and 'id="venue"' in html
    assert "001_9afed24ea45c8f93.txt" in html  # where it comes from


def test_work_page_statements_references_and_inferences(server: Server) -> None:
    report = server.get("/id/work/doi/10.1108/jmhtep-03-2015-0013", headers={"Accept": "text/html"}).text
    assert '<table id="statements">' in report and "citesForInformation" in report
    assert '<table id="inferences">' in report and "authors-from-citing-statements" in report
    assert "citation statement" in report  # tags found in statements name their field
    rows = select(server, """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX biro: <http://purl.org/spar/biro/>
        SELECT DISTINCT ?w WHERE { ?r a biro:BibliographicReference ; dcterms:isPartOf ?w } LIMIT 1""")
    citing = server.get(rows[0]["w"].replace("https://w3id.org/psmh/", "/"), headers={"Accept": "text/html"}).text
    assert '<ol id="references">' in citing and "Bradstreet" in citing


def test_work_rdf_includes_its_annotations(server: Server, mens_ward_work: str) -> None:
    path = mens_ward_work.replace("https://w3id.org/psmh/", "/")
    resp = server.get(path, headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    g = Graph().parse(data=resp.text, format="turtle")
    work = URIRef(mens_ward_work)
    annotations = set(g.subjects(OA.hasBody, URIRef(V + "setting/mens-ward")))
    assert len(annotations) == 1
    for a in annotations:
        assert g.value(a, OA.hasTarget) == work and g.value(a, OA.motivatedBy) == OA.classifying
        hits = set(g.objects(a, PSMH.hit))
        assert len(hits) == int(g.value(a, PSMH.hitCount)) and g.value(a, PSMH.strongestHit) in hits
        for hit in hits:
            source = g.value(hit, OA.hasSource)
            assert source == work or str(source).startswith(mens_ward_work + "/")
        quotes = [s for s in g.objects(g.value(a, PSMH.strongestHit), OA.hasSelector) if g.value(s, OA.exact)]
        assert [str(g.value(q, OA.exact)) for q in quotes] == ["men’s mental health ward"]
    assert (work, URIRef("https://w3id.org/psmh/ontology#setting"), URIRef(V + "setting/mens-ward")) in g
    # the other formats carry them too
    nt = server.get(path, headers={"Accept": "application/n-triples"}).text
    assert str(OA.TextPositionSelector) in nt


def test_concept_page_lists_works_about_it_and_mentioning_it(server: Server, mens_ward_work: str) -> None:
    html = server.get("/vocab/setting/inpatient", headers={"Accept": "text/html"}).text
    about = html[html.index('id="works-about"'):html.index('id="works-mentioning"')]
    mentioning = html[html.index('id="works-mentioning"'):]
    ockwell = select(server, """PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?w WHERE { ?w dcterms:creator/<http://xmlns.com/foaf/0.1/familyName> "Ockwell" }""")[0]["w"]
    assert f'title="{ockwell}"' in about  # about inpatient wards itself
    narrower = about[about.index(f'title="{mens_ward_work}"'):].split("</li>", 1)[0]
    assert "about the narrower" in narrower and 'href="/vocab/setting/mens-ward"' in narrower
    assert f'title="{ID}work/doi/10.1108/mhsi-05-2019-060"' in mentioning  # the editorial lists inpatient wards
    professionalisation = server.get("/vocab/theme/professionalisation", headers={"Accept": "text/html"}).text
    mentions = professionalisation[professionalisation.index('id="works-mentioning"'):]
    assert f'title="{BEALES_WILSON}"' in mentions and "statement" in mentions  # only others' words say it


def test_work_page_has_one_entry_per_concept_strongest_evidence_first(server: Server, mens_ward_work: str) -> None:
    path = mens_ward_work.replace("https://w3id.org/psmh/", "/")
    html = server.get(path, headers={"Accept": "text/html"}).text
    about = html[html.index('id="tags-about"'):html.index('id="tags-mentions"')]
    assert about.count('href="/vocab/setting/mens-ward"') == 1
    entry = about[about.index('href="/vocab/setting/mens-ward"'):].split('<li class="tag">', 1)[0]
    first = entry.split('<li class="evidence">')[1]
    assert "men’s mental health ward" in first and "Purpose" in first and ">aim<" in first
    assert 'href="/vocab/model/peer-support"' not in about  # the root concept is never "about"


def test_every_hit_shows_on_the_work_page_and_in_explain(server: Server, dataset: Dataset) -> None:
    """The service loads the evidence graph: each concept of a work is one entry on its page listing all its
    hits (as many as the annotation's hit count, the strongest first), and /explain on the annotation lists
    every hit, in the evidence graph, and the strongest in the annotations graph."""
    evidence, annotations = ID.replace("/id/", "/graph/evidence"), ID.replace("/id/", "/graph/annotations")
    rows = select(server, """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX psmh: <https://w3id.org/psmh/ontology#>
        SELECT ?work ?a ?concept ?n ?strong WHERE { ?a oa:hasTarget ?work ; oa:hasBody ?concept ;
          psmh:hitCount ?n ; psmh:strongestHit ?strong } ORDER BY ?work ?concept""")
    assert len(rows) > 100
    works = sorted({r["work"] for r in rows})
    checked = 0
    for work in works[:4] + [BEALES_WILSON]:
        html = server.get(work.replace("https://w3id.org/psmh/", "/"), headers={"Accept": "text/html"}).text
        tags = html[html.index('id="tags-about"'):].split('<li class="tag">')[1:]
        shown = {t.split('title="', 1)[1].split('"', 1)[0]: t.split("</ul></li>", 1)[0].count('<li class="evidence">')
                 for t in tags}
        mine = [r for r in rows if r["work"] == work]
        assert shown == {r["concept"]: int(r["n"]) for r in mine}, work
        for r in mine[:3]:
            why = server.get("/explain", params={"iri": r["a"]}).json()
            hits = [s for s in why["statements"] if s["predicate"].endswith("ontology#hit")]
            assert len(hits) == int(r["n"]) and {s["graph"] for s in hits} == {evidence}
            strongest = [s for s in why["statements"] if s["predicate"].endswith("#strongestHit")]
            assert [(s["graph"], s["value"]) for s in strongest] == [(annotations, r["strong"])]
            assert r["strong"] in {s["value"] for s in hits}
            checked += 1
    assert checked >= 10


def test_concepts_dereference(server: Server) -> None:
    resp = server.get("/vocab/setting/mens-ward", headers={"Accept": "text/html"})
    assert resp.status_code == 200 and "men" in resp.text.lower()
    assert server.get("/vocab/setting/no-such-setting").status_code == 404


# -- in a real browser -----------------------------------------------------------------------------------
browser = pytest.mark.browser
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[object]:
    with chromium_context() as context:
        yield context.new_page()


@browser
@needs_chromium
def test_browser_work_page_shows_tag_evidence(server: Server, page: object, mens_ward_work: str) -> None:
    pg = page
    pg.goto(server.url + mens_ward_work.replace("https://w3id.org/psmh/", "/"))  # type: ignore[attr-defined]
    tag = pg.locator("#tags-about li.tag", has=pg.locator("a.concept", has_text="men's ward"))  # type: ignore[attr-defined]
    assert tag.count() == 1
    assert tag.locator("mark.exact").first.inner_text() == "men’s mental health ward"
    assert tag.locator(".field").first.is_visible()
    assert "abstract section" in tag.inner_text() and "rule" in tag.inner_text()


@browser
@needs_chromium
def test_browser_person_page_shows_merge_evidence(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/id/person/repper-julie")  # type: ignore[attr-defined]
    row = pg.locator("#decisions tr.decision", has_text="'Repper, J.'")  # type: ignore[attr-defined]
    assert row.count() == 1 and row.is_visible()
    assert "co-authors in the same author list" in row.locator(".evidence").inner_text()


@browser
@needs_chromium
def test_browser_named_query_page_and_editor(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/queries/works-by-setting")  # type: ignore[attr-defined]
    assert pg.locator("#results tbody tr").count() >= 4  # type: ignore[attr-defined]
    pg.fill("#p-setting", "setting/high-secure")  # type: ignore[attr-defined]
    pg.click("#params button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_url("**setting=setting%2Fhigh-secure**")  # type: ignore[attr-defined]
    assert pg.locator("#results tbody tr").count() >= 1  # type: ignore[attr-defined]
    pg.click("#open-in-editor")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)  # type: ignore[attr-defined]
    query = pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]
    assert f"<{V}setting/high-secure>" in query
    pg.click("#named-queries summary")  # folded, so that the editor is on the first screen  # type: ignore[attr-defined]
    pg.click("button.named[data-name=who-cites]")  # type: ignore[attr-defined]
    assert f"<{BEALES_WILSON}>" in pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]


def test_named_json_matches_sparql(server: Server) -> None:
    """A named query answers exactly what its rendered SPARQL answers at /sparql."""
    from peerkg.named_queries import get_named_query, render

    text = render(get_named_query("works-by-theme"), {"theme": "theme/professionalisation"})
    direct = server.post("/sparql", data=text.encode(), headers={"Content-Type": "application/sparql-query",
                                                                 "Accept": "application/sparql-results+json"})
    named = server.get("/queries/works-by-theme?theme=theme/professionalisation&format=json")
    assert json.loads(direct.content) == json.loads(named.content)
