"""``/sparql``: the SPARQL 1.1 Protocol query operation (read-only), and the opt-in ``/update``."""

from __future__ import annotations

import hmac
import json
import time
from urllib.parse import parse_qs

from flask import Blueprint, Response, current_app, g, render_template, request

from peerkg.rdf.namespaces import PREFIXES
from peerkg.store.base import QueryRequest
from peerkg.store.guard import screen
from peerkg.web.errors import ApiError
from peerkg.web.formats import BY_MEDIA_TYPE, known, negotiate, prefers_html
from peerkg.web.limits import client_slot
from peerkg.web.state import backend, config

bp = Blueprint("sparql", __name__)

# Prefixes every query on /sparql (and /queries/NAME) may use without declaring them: the table
# ``peerkg query`` prepends (peerkg.rdf.namespaces.PREFIXES). A query's own PREFIX overrides one.
# Listed in the Service Description (sh:declare) and in docs/service.md.
PREDECLARED: dict[str, str] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

READ_ONLY = ("this endpoint is read-only: it answers SPARQL queries (SELECT, ASK, CONSTRUCT, DESCRIBE) "
             "and refuses updates. To change the data, rebuild it (peerkg build) or load files "
             "(peerkg load FILE… --store PATH); an operator can enable the /update endpoint with "
             "peerkg serve --enable-update --update-token TOKEN.")


GRAPH_PARAMETER = ("graph= is not a parameter of the SPARQL query endpoint (it belongs to the Graph Store "
                   "Protocol, which this service does not offer), so it was not used. To query one graph, send "
                   "query=… with default-graph-uri=IRI (the graph becomes the default graph) or "
                   "named-graph-uri=IRI (for GRAPH <IRI> { … }); to download the data, use the dumps listed "
                   "at /.well-known/void (/dumps/peerkg.trig holds every graph, /dumps/graph/NAME.nt one).")
EMPTY_QUERY = ("the query is empty: send the SPARQL text as query=… (for example query=SELECT * WHERE "
               "{ ?s ?p ?o } LIMIT 10)")


def _charset_ok() -> bool:
    charset = request.mimetype_params.get("charset")
    return charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8")


def _read_operation() -> tuple[str | None, list[str], list[str]]:
    """The query text and the dataset parameters of this request, per the protocol's three ways."""
    url = parse_qs(request.query_string.decode("utf-8", "replace"), keep_blank_values=True)
    if "update" in url or "using-graph-uri" in url or "using-named-graph-uri" in url:
        raise ApiError(403, "read-only", READ_ONLY)
    queries = url.get("query", [])
    defaults, named = url.get("default-graph-uri", []), url.get("named-graph-uri", [])
    graphs: list[str] = []
    if request.method == "POST":
        mime = request.mimetype
        if mime == "application/x-www-form-urlencoded":
            if not _charset_ok():
                raise ApiError(415, "unsupported-charset", "form bodies must be UTF-8")
            try:
                form = parse_qs(request.get_data().decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError:
                raise ApiError(400, "bad-encoding", "the request body is not UTF-8") from None
            if "update" in form:
                raise ApiError(403, "read-only", READ_ONLY)
            if queries and form.get("query"):
                raise ApiError(400, "query-twice", "the query is given both in the URL and in the body; "
                               "send it once")
            queries = queries + form.get("query", [])
            graphs = form.get("graph", [])
            defaults += form.get("default-graph-uri", [])
            named += form.get("named-graph-uri", [])
        elif mime == "application/sparql-query":
            if not _charset_ok():
                raise ApiError(415, "unsupported-charset",
                               "a direct POST query must be UTF-8 (Content-Type: application/sparql-query; "
                               "charset=utf-8)")
            if queries:
                raise ApiError(400, "query-twice", "the query is given both in the URL and in the body; "
                               "send it once")
            try:
                queries = [request.get_data().decode("utf-8")]
            except UnicodeDecodeError:
                raise ApiError(400, "bad-encoding", "the request body is not UTF-8") from None
        elif mime == "application/sparql-update":
            raise ApiError(403, "read-only", READ_ONLY)
        else:
            raise ApiError(415, "unsupported-media-type",
                           f"a POST to /sparql must have Content-Type application/x-www-form-urlencoded or "
                           f"application/sparql-query (got {mime or 'none'})")
    if len(queries) > 1:
        raise ApiError(400, "multiple-queries", "exactly one query parameter is allowed")
    if "graph" in url or graphs:
        _refuse_graph_parameter(url.get("graph", []) + graphs)
    if queries and not queries[0].strip():
        raise ApiError(400, "empty-query", EMPTY_QUERY, parameter="query")
    return (queries[0] if queries else None), defaults, named


def _refuse_graph_parameter(values: list[str]) -> None:
    """400 for ``graph=``: the SPARQL 1.1 Protocol's query operation has no such parameter, and the Service
    Description is for a GET with no parameters at all; this service offers no Graph Store (whose
    parameter it is). The message names the dump of each graph asked for that has one."""
    from peerkg.web.dumps import graph_dumps

    dumps = graph_dumps()
    known = {v: "/dumps/" + dumps[v]["name"] for v in values if v in dumps}
    message = GRAPH_PARAMETER
    if known:
        message += " " + "; ".join(f"{iri} is downloadable as {path}" for iri, path in known.items()) + "."
    extra = {"dumps": known} if known else {}
    raise ApiError(400, "graph-parameter", message, parameter="graph", **extra)


def _screen(query: str) -> None:
    cfg = config()
    if len(query.encode()) > cfg.max_query_bytes:
        raise ApiError(413, "query-too-large", f"the query is longer than {cfg.max_query_bytes} bytes")
    found = screen(query, PREDECLARED, max_depth=cfg.max_query_depth)
    if found.is_update:
        raise ApiError(403, "read-only", READ_ONLY)
    if cfg.allow_remote:
        return
    if found.uses_service:
        raise ApiError(400, "service-disabled",
                       "SERVICE (federated query) is disabled on this endpoint, so the query was not run "
                       "and no remote endpoint was contacted. An operator can enable it with "
                       "peerkg serve --allow-remote.")
    known = set(backend().graph_names()) if found.from_graphs else set()  # asked only when a query names graphs
    remote = [iri for iri in found.from_graphs if iri not in known]
    if remote:
        raise ApiError(400, "remote-graph",
                       f"FROM / FROM NAMED name graphs that are not in this dataset: {', '.join(remote)}. "
                       "The service never fetches remote graphs; the graphs it has are listed at "
                       "/.well-known/void. An operator can load more (peerkg load) or allow unknown graphs "
                       "(peerkg serve --allow-remote).", graphs=remote)


def request_formats() -> dict[str, str | None]:
    """The media type to answer each result kind in: ``format=`` when it names a known format (the first
    such value: SPARQLWrapper sends it twice, e.g. ``json-ld`` and ``application/ld+json``), else Accept.

    A ``format=`` that fits the query's kind wins over Accept; one naming only formats of another kind gives
    406 once the kind is known; one naming nothing known is ignored (the protocol has no such parameter,
    and clients send values meant for other servers).
    """
    override = next((v for v in request.args.getlist("format") if known(v)), None)
    accept = request.headers.get("Accept")
    out: dict[str, str | None] = {}
    for kind in ("solutions", "boolean", "graph"):
        fmt = negotiate(accept, [kind], override)
        out[kind] = fmt.media_type if fmt else None
    return out


def _query_page() -> Response:
    """The editor opens on the first example (works with their titles and years), without PREFIX lines:
    the prefixes are predeclared, and listed above the editor."""
    examples = current_app.config["PEERKG_EXAMPLES"]
    start = examples[0][1] + "\n" if examples else "SELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n"
    return Response(render_template("query.html", start=start, examples=examples,
                                    named=current_app.config.get("PEERKG_NAMED_EXAMPLES", []),
                                    prefixes=PREDECLARED), content_type="text/html; charset=utf-8")


@bp.route("/sparql", methods=["GET", "POST"], strict_slashes=False)
def sparql() -> Response:
    query, defaults, named = _read_operation()
    if query is None:
        if request.method == "POST":
            raise ApiError(400, "missing-query", "no query given: send query=… (form) or a "
                           "application/sparql-query body")
        if prefers_html(request.headers.get("Accept")):
            return _query_page()
        from peerkg.web.self_description import service_description_response
        return service_description_response()
    return run_query(query, request_formats(), defaults, named)


def run_query(query: str, formats: dict[str, str | None], defaults: list[str] | None = None,
              named: list[str] | None = None) -> Response:
    """The one execution path of the service: screen, run under the limits in the worker pool, answer.

    ``/sparql`` and the named queries (``/queries/NAME``) both come through here.
    """
    _screen(query)
    cfg = config()
    arrival = g.get("arrival") or time.monotonic()
    defaults, named = defaults or [], named or []
    req = QueryRequest(query=query, formats=formats,
                       default_graphs=tuple(defaults) if (defaults or named) else None,
                       named_graphs=tuple(named) if (defaults or named) else None,
                       timeout=cfg.query_timeout, max_rows=cfg.max_rows,
                       allow_partial=request.args.get("partial") in ("1", "true"),
                       base_iri=request.base_url, deadline=arrival + cfg.query_timeout, prefixes=PREDECLARED)
    start = time.perf_counter()
    with client_slot():
        outcome = backend().execute(req)
    g.query_ms = (time.perf_counter() - start) * 1000
    fmt = BY_MEDIA_TYPE.get(outcome.media_type)
    resp = Response(outcome.body, content_type=fmt.content_type if fmt else outcome.media_type)
    resp.headers["Vary"] = "Accept"
    resp.headers["X-PeerKG-Rows"] = str(outcome.rows)
    resp.headers["X-PeerKG-Query-Time-Ms"] = f"{g.query_ms:.1f}"
    if outcome.truncated:
        resp.headers["X-PeerKG-Truncated"] = f"max-rows={cfg.max_rows}"
    return resp


@bp.route("/update", methods=["POST"])
def update() -> Response:
    cfg = config()
    if not cfg.enable_update:
        raise ApiError(403, "update-disabled", READ_ONLY)
    # compared as bytes: a header holding any text (non-ASCII, latin-1) is a wrong token, never an error
    auth = request.headers.get("Authorization", "").encode("utf-8", "surrogateescape")
    token = auth[7:] if auth.startswith(b"Bearer ") else b""
    expected = (cfg.update_token or "").encode("utf-8")
    if not expected or not hmac.compare_digest(token, expected):
        raise ApiError(401, "unauthorized", "the update endpoint needs Authorization: Bearer TOKEN",
                       headers={"WWW-Authenticate": 'Bearer realm="peerkg-update"'})
    text = _update_text()
    found = screen(text, max_depth=cfg.max_query_depth)
    if not found.is_update:
        raise ApiError(400, "not-an-update", "send a SPARQL Update (INSERT, DELETE, CLEAR, …) to /update")
    if not cfg.allow_remote and (found.uses_service or found.uses_load):
        raise ApiError(400, "remote-disabled", "LOAD and SERVICE are disabled; enable with --allow-remote")
    apply = getattr(backend(), "update", None)
    if apply is None:
        raise ApiError(501, "update-not-supported", "this backend does not accept updates through peerkg")
    start = time.perf_counter()
    delta = apply(text)
    g.query_ms = (time.perf_counter() - start) * 1000
    if cfg.dumps_dir is not None:  # the build's files no longer hold the data: the store's, by the build's writer
        from peerkg.web.dump_folder import prepare_dumps
        prepare_dumps(backend(), cfg.dumps_dir, cfg.base_iri)
    current_app.extensions["peerkg.cache"].clear()  # VoID statistics and the dumps listed are stale now
    return Response(json.dumps({"status": "ok", "quads_added": delta}) + "\n", content_type="application/json")


def _update_text() -> str:
    if request.mimetype == "application/sparql-update":
        if not _charset_ok():
            raise ApiError(415, "unsupported-charset", "updates must be UTF-8")
        return request.get_data().decode("utf-8", "strict")
    if request.mimetype == "application/x-www-form-urlencoded":
        updates = parse_qs(request.get_data().decode("utf-8"), keep_blank_values=True).get("update", [])
        if len(updates) != 1:
            raise ApiError(400, "missing-update", "send exactly one update=… parameter")
        return updates[0]
    raise ApiError(415, "unsupported-media-type", "send application/sparql-update or a form with update=…")
