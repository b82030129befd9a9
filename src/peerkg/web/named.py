"""``/queries`` and ``/queries/NAME``: the named research queries of ``queries/*.rq`` as web resources.

A named query is rendered with its parameters (:func:`peerkg.named_queries.render`, values checked and
substituted as safe RDF terms) and then answered by :func:`peerkg.web.sparql.run_query` — the same
screening, format table, limits and worker pool as ``/sparql``. HTML (for browsers, or ``format=html``)
is the SPARQL JSON result drawn as a table, with the query's form and its rendered SPARQL.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, render_template, request, url_for

from peerkg.errors import QueryError
from peerkg.named_queries import NamedQuery, load_named_queries, render, term
from peerkg.web.errors import ApiError
from peerkg.web.formats import prefers_html
from peerkg.web.sparql import request_formats, run_query
from peerkg.web.state import cache
from peerkg.web.terms import languages

bp = Blueprint("named", __name__)

RESERVED = ("format", "partial", "lang")  # request parameters of the service itself, never query parameters
JSON_RESULTS = "application/sparql-results+json"


def named_queries() -> dict[str, NamedQuery]:
    """The shipped named queries by name (read once per app)."""
    store = cache()
    if "named-queries" not in store:
        try:
            store["named-queries"] = {q.name: q for q in load_named_queries()}
        except QueryError as exc:
            raise ApiError(500, "named-query-broken", f"a named query file of this installation is "
                           f"malformed: {exc}") from None
    return store["named-queries"]


def describe(query: NamedQuery) -> dict[str, Any]:
    return {"name": query.name, "title": query.title, "description": query.description,
            "url": url_for("named.named_query", name=query.name, _external=True),
            "params": [{"name": p.name, "kind": p.kind, "default": p.default, "description": p.description}
                       for p in query.params]}


def _wants_html() -> bool:
    fmt = request.args.get("format")
    return fmt == "html" or (not fmt and prefers_html(request.headers.get("Accept")))


@bp.route("/queries", strict_slashes=False)
def listing() -> Response:
    queries = [describe(q) for q in named_queries().values()]
    if _wants_html():
        return Response(render_template("queries.html", queries=queries),
                        content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    body = json.dumps({"queries": queries}, ensure_ascii=False, indent=1) + "\n"
    return Response(body, content_type="application/json", headers={"Vary": "Accept"})


def parameters(query: NamedQuery) -> dict[str, str]:
    """The query parameters of this request, each checked; 400 naming the parameter otherwise."""
    known = {p.name: p for p in query.params}
    names = [k for k in request.args if k not in RESERVED]
    unknown = [k for k in names if k not in known]
    if unknown:
        raise ApiError(400, "unknown-parameter",
                       f"named query {query.name} has no parameter {', '.join(unknown)}; it takes: "
                       f"{', '.join(known) or 'no parameters'}", parameter=unknown[0],
                       params=list(known))
    values: dict[str, str] = {}
    for name in names:
        given = request.args.getlist(name)
        if len(given) > 1:
            raise ApiError(400, "bad-parameter", f"parameter {name} is given {len(given)} times; give it once",
                           parameter=name)
        value = given[0]
        param = known[name]
        if value.strip() == "" and param.kind != "string":
            continue  # an empty form field: the default
        try:
            term(param, value, query.name)
        except QueryError as exc:
            raise ApiError(400, "bad-parameter", exc.message + (f" ({exc.hint})" if exc.hint else ""),
                           parameter=name, kind=param.kind, default=param.default) from None
        values[name] = value
    return values


@bp.route("/queries/<name>")
def named_query(name: str) -> Response:
    queries = named_queries()
    if name not in queries:
        raise ApiError(404, "unknown-named-query", f"there is no named query {name!r}; the named queries "
                       f"are listed at /queries: {', '.join(sorted(queries))}")
    query = queries[name]
    values = parameters(query)
    try:
        sparql = render(query, values, lang=languages()[0])
    except QueryError as exc:
        raise ApiError(400, "bad-parameter", str(exc)) from None
    if not _wants_html():
        return run_query(sparql, request_formats())
    answer = run_query(sparql, {"solutions": JSON_RESULTS, "boolean": JSON_RESULTS, "graph": None})
    return _html(query, values, sparql, answer)


def _html(query: NamedQuery, values: dict[str, str], sparql: str, answer: Response) -> Response:
    from peerkg.web.result_table import result_table

    doc = json.loads(answer.get_data())
    variables, rows = result_table(doc.get("head", {}).get("vars", []), doc.get("results", {}).get("bindings", []))
    params = [{"name": p.name, "kind": p.kind, "default": p.default, "description": p.description,
               "value": values.get(p.name, p.default)} for p in query.params]
    body = render_template("named_query.html", query=query, params=params, variables=variables, rows=rows,
                           boolean=doc.get("boolean"), sparql=sparql,
                           truncated=answer.headers.get("X-PeerKG-Truncated"),
                           links={f: url_for("named.named_query", name=query.name, format=f, **values)
                                  for f in ("json", "csv", "tsv", "xml")})
    resp = Response(body, content_type="text/html; charset=utf-8")
    for key in ("Vary", "X-PeerKG-Rows", "X-PeerKG-Query-Time-Ms", "X-PeerKG-Truncated"):
        if key in answer.headers:
            resp.headers[key] = answer.headers[key]
    return resp
