"""Answering with an RDF document (an rdflib graph) in the format the client negotiated."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import Response, request
from rdflib import Dataset, Graph

from peerkg.rdf.namespaces import PREFIXES
from peerkg.web.errors import ApiError
from peerkg.web.formats import Format, available, negotiate

RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "rdfxml": "xml", "jsonld": "json-ld", "trig": "trig",
                 "nq": "nquads"}


def choose(kinds: tuple[str, ...] = ("graph",)) -> Format:
    fmt = negotiate(request.headers.get("Accept"), kinds, request.args.get("format"))
    if fmt is None:
        raise ApiError(406, "not-acceptable", "none of the media types in Accept can be produced here; "
                       f"available: {available(kinds)}", available=available(kinds).split(", "))
    return fmt


def serialize_graph(graph: Graph, fmt: Format) -> bytes:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=False)
    target: Graph = graph
    if fmt.name in ("trig", "nq") and not isinstance(graph, Dataset):
        target = Dataset()
        for prefix, ns in graph.namespaces():
            target.bind(prefix, ns)
        for triple in graph:
            target.add(triple)
    return target.serialize(format=RDFLIB_FORMAT[fmt.name], encoding="utf-8")


def rdf_response(graph: Graph, html: Callable[[], str] | None = None) -> Response:
    """Serialise ``graph`` per Accept (HTML too when ``html`` renders a page); ETag + Vary set."""
    kinds = ("graph", "html") if html else ("graph",)
    fmt = choose(kinds)
    body = html().encode() if fmt.name == "html" and html else serialize_graph(graph, fmt)
    resp = Response(body, content_type=fmt.content_type)
    resp.headers["Vary"] = "Accept"
    resp.set_etag(hashlib.sha256(body).hexdigest()[:32])
    return resp.make_conditional(request)
