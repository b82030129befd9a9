"""Error wording, over HTTP to a real server: what is wrong, where, and what to use instead — never a Python
repr (``b'…'``), a parser's regular expression or a silent fallback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest_web import Server, running_server

LINKS = "https://w3id.org/psmh/graph/links"
REPR_MARKS = ("b'", 'b"', "\\s", "Failed to eat", "<unknown>", "IndexError", "string index", "Traceback")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("messages")) as srv:
        yield srv


def _error(resp) -> dict:  # noqa: ANN001 - a requests.Response
    assert resp.headers["Content-Type"] == "application/json", resp.text
    error = resp.json()["error"]
    assert not any(mark in error["message"] for mark in REPR_MARKS), error["message"]
    return error


@pytest.mark.parametrize("how", ["get", "get-with-query", "form"])
def test_graph_parameter_is_refused_with_what_to_use(server: Server, how: str) -> None:
    if how == "get":
        resp = server.get("/sparql", params={"graph": LINKS}, headers={"Accept": "text/turtle"})
    elif how == "get-with-query":
        resp = server.get("/sparql", params={"graph": LINKS, "query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"})
    else:
        resp = server.post("/sparql", data={"graph": LINKS, "query": "ASK {}"})
    assert resp.status_code == 400
    error = _error(resp)
    assert error["code"] == "graph-parameter" and error["parameter"] == "graph"
    message = error["message"]
    assert message.startswith("graph= is not a parameter of the SPARQL query endpoint")
    assert "default-graph-uri=IRI" in message and "named-graph-uri=IRI" in message
    assert "/.well-known/void" in message and "/dumps/peerkg.trig" in message


def test_graph_parameter_html_page_for_browsers(server: Server) -> None:
    resp = server.get("/sparql", params={"graph": LINKS}, headers={"Accept": "text/html"})
    assert resp.status_code == 400 and resp.headers["Content-Type"].startswith("text/html")
    assert "default-graph-uri" in resp.text


@pytest.mark.parametrize("how", ["get", "get-blank", "form", "direct"])
def test_empty_query_says_so(server: Server, how: str) -> None:
    if how == "get":
        resp = server.get("/sparql", params={"query": ""})
    elif how == "get-blank":
        resp = server.get("/sparql", params={"query": "  \n "})
    elif how == "form":
        resp = server.post("/sparql", data={"query": ""})
    else:
        resp = server.post("/sparql", data=b"", headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 400
    error = _error(resp)
    assert error["code"] == "empty-query" and error["parameter"] == "query"
    assert error["message"].startswith("the query is empty: send the SPARQL text as query=…")


@pytest.mark.parametrize(("body", "ctype", "message", "line", "column"), [
    (b"<a> <b>", "text/turtle", "the body is not valid Turtle: line 1, column 8: the document ends in the "
     "middle of a statement (each ends with a full stop)", 1, 8),
    (b"@prefix x: <http://x/> .\nx:a x:b \"open", "text/turtle", "the body is not valid Turtle: line 2, "
     "column 9: the string that opens here is never closed", 2, 9),
    (b"<a> <b> <c> ; <d> .", "text/turtle", "the body is not valid Turtle: line 1, column 19: . is not a "
     "valid RDF object", 1, 19),
    (b"x:a x:b x:c .", "text/turtle", "the body is not valid Turtle: line 1, column 1: the prefix x: has not "
     "been declared", 1, 1),
    (b"<a> <b> <c>", "application/n-quads", "the body is not valid N-Quads: line 1, column 1: no scheme found "
     "in an absolute IRI", 1, 1),
    (b"<http://a> <http://b> .", "application/n-triples", "the body is not valid N-Triples: line 1, "
     "column 23: the object of a triple must be an IRI, a blank node or a literal", 1, 23),
    (b"{bad", "application/ld+json", "the body is not valid JSON-LD: line 1, column 2: expecting property "
     "name enclosed in double quotes", 1, 2),
    (b"<rdf:RDF", "application/rdf+xml", "the body is not valid RDF/XML: line 1, column 1: unclosed token", 1, 1),
])
def test_validate_syntax_errors_in_words(server: Server, body: bytes, ctype: str, message: str, line: int,
                                         column: int) -> None:
    resp = server.post("/validate", data=body, headers={"Content-Type": ctype})
    assert resp.status_code == 400
    error = _error(resp)
    assert error["code"] == "unparseable"
    assert error["message"] == message
    assert (error["line"], error["column"]) == (line, column)
