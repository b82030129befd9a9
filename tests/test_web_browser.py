"""The query page and a resource page in a real headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from browser import CHROMIUM, NO_CHROMIUM, chromium_context
from conftest_web import Server, running_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("browser")) as srv:
        yield srv


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[object]:
    with chromium_context() as context:
        requests_seen: list[str] = []
        context.on("request", lambda r: requests_seen.append(r.url))
        pg = context.new_page()
        pg.requests_seen = requests_seen  # type: ignore[attr-defined]
        yield pg


def test_query_page_type_run_see_rows(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/sparql")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)  # type: ignore[attr-defined]
    # the editor opens on a query, not on PREFIX lines: the prefixes are predeclared (listed above it)
    start = pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]
    assert start.startswith("SELECT ?work ?title ?year WHERE {") and "PREFIX" not in start
    assert "dcterms:" in pg.inner_text("#prefixes summary")  # type: ignore[attr-defined]
    # the editor's syntax check knows the predeclared prefixes: no "Prefix 'dcterms' is not defined" marker
    assert pg.locator(".yasqe .parseErrorIcon").count() == 0  # type: ignore[attr-defined]
    pg.evaluate("void peerkgYasgui.getTab().setQuery('SELECT * WHERE { ?s nope:x ?o }')")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasqe .parseErrorIcon")  # an undeclared one is still marked  # type: ignore[attr-defined]
    pg.evaluate(f"void peerkgYasgui.getTab().setQuery({json.dumps(start)})")  # type: ignore[attr-defined]
    box = pg.locator(".yasqe .CodeMirror").bounding_box()  # type: ignore[attr-defined]
    assert box is not None and box["y"] < 400  # the editor is on the first screen (720 px high), not below it
    # type a query into the editor, like a person
    pg.click(".yasqe .CodeMirror")  # type: ignore[attr-defined]
    pg.keyboard.press("Control+A")  # type: ignore[attr-defined]
    pg.keyboard.press("Delete")  # type: ignore[attr-defined]
    pg.keyboard.type("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?name WHERE { ?p foaf:name ?name ")  # type: ignore[attr-defined]
    query = pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]
    if query.count("{") > query.count("}"):
        pg.keyboard.type("}")  # type: ignore[attr-defined]
    pg.click(".yasqe_queryButton")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasr table tbody tr", timeout=20_000)  # type: ignore[attr-defined]
    text = pg.inner_text(".yasr")  # type: ignore[attr-defined]
    assert "Julie Repper" in text and "Alison Faulkner" in text
    # nothing was fetched from anywhere but this server (no CDN)
    foreign = [u for u in pg.requests_seen if not u.startswith(server.url) and not u.startswith("data:")]  # type: ignore[attr-defined]
    assert foreign == []


def test_example_button_fills_editor(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/sparql")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)  # type: ignore[attr-defined]
    pg.click("button.example >> nth=5")  # type: ignore[attr-defined]
    assert "GRAPH ?graph" in pg.evaluate("peerkgYasgui.getTab().getQuery()")  # type: ignore[attr-defined]
    pg.click(".yasqe_queryButton")  # type: ignore[attr-defined]
    pg.wait_for_selector(".yasr table tbody tr", timeout=20_000)  # type: ignore[attr-defined]
    assert "kasei.us" in pg.inner_text(".yasr")  # type: ignore[attr-defined]


def test_resource_page(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/id/person/repper-julie")  # type: ignore[attr-defined]
    assert pg.inner_text("h1#label") == "Julie Repper"  # type: ignore[attr-defined]
    pg.click("text=Peer support on inpatient wards")  # type: ignore[attr-defined]
    pg.wait_for_selector("h1#label")  # type: ignore[attr-defined]
    assert pg.inner_text("h1#label") == "Peer support on inpatient wards"  # type: ignore[attr-defined]
    assert "/id/work/doi/10.1108/mhsi-05-2019-060" in pg.url  # type: ignore[attr-defined]
