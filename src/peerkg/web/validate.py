"""``POST /validate``: check a client's RDF against the peerkg SHACL shapes; report per Accept."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request
from rdflib import Graph

from peerkg.web.documents import choose, serialize_graph
from peerkg.web.errors import ApiError
from peerkg.web.state import config

bp = Blueprint("validate", __name__)

PARSERS = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/ld+json": "json-ld",
           "application/rdf+xml": "xml", "application/n-triples": "nt", "application/trig": "trig",
           "application/n-quads": "nquads"}


def run_validation(data: Graph) -> tuple[bool, Graph, dict[str, Any]]:
    """Validate ``data`` against the shipped shapes: ``(conforms, report graph, report as JSON)``."""
    from peerkg import validation
    report = validation.validate(data)
    return report.conforms, report.graph, validation.report_as_json(report)


@bp.route("/validate", methods=["POST"])
def validate() -> Response:
    limit = config().max_validate_bytes
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "too-large", f"the body is larger than {limit} bytes, the validation limit; "
                       "validate big files locally with: peerkg validate FILE")
    body = request.get_data(cache=False)
    if len(body) > limit:
        raise ApiError(413, "too-large", f"the body is larger than {limit} bytes, the validation limit; "
                       "validate big files locally with: peerkg validate FILE")
    parser = PARSERS.get(request.mimetype)
    if parser is None:
        raise ApiError(415, "unsupported-media-type", "send Turtle, JSON-LD, RDF/XML, N-Triples, TriG or "
                       "N-Quads with its Content-Type (" + ", ".join(PARSERS) + ")")
    fmt = choose(("graph", "html"))
    data = Graph()
    try:
        data.parse(data=body, format=parser)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ApiError(400, "unparseable", f"the body is not valid {parser}: {exc}") from None
    conforms, report, doc = run_validation(data)
    if fmt.name == "html":
        out = render_template("report.html", conforms=conforms, report=doc, triples=len(data)).encode()
    else:
        out = serialize_graph(report, fmt)
    resp = Response(out, content_type=fmt.content_type)
    resp.headers["X-PeerKG-Conforms"] = "true" if conforms else "false"
    resp.headers["Vary"] = "Accept"
    return resp
