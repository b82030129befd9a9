"""``POST /validate``: check a client's RDF against the peerkg SHACL shapes; report per Accept.

The report states SHACL's ``sh:conforms`` (false on any result, warnings too) and peerkg's verdict
(``psmh:noViolations``) apart, in the RDF, the HTML and the headers ``X-SHACL-Conforms`` and
``X-PeerKG-No-Violations``. A TriG or N-Quads body is validated as the union of its graphs.

The body is parsed and validated in a worker process (:func:`peerkg.store.worker.validate_main`) with a
time limit (``validate_timeout``), a memory cap (``validate_memory_mb``) and no network, so no body can
stall the service, grow its memory or make it connect anywhere (see docs/service.md, Security).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, g, render_template, request

from peerkg.store.pool import RECYCLE_GROWTH_MB, WorkerPool
from peerkg.store.worker import validate_main
from peerkg.web.documents import RDFLIB_FORMAT, choose
from peerkg.web.errors import ApiError
from peerkg.web.limits import client_slot
from peerkg.web.state import config

bp = Blueprint("validate", __name__)

PARSERS = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/ld+json": "json-ld",
           "application/rdf+xml": "xml", "application/n-triples": "nt", "application/trig": "trig",
           "application/n-quads": "nquads"}
_POOL_LOCK = threading.Lock()


@dataclass(frozen=True)
class ValidationJob:
    body: bytes
    parser: str
    media: str | None  # rdflib format of the report; None: the HTML page (built from the JSON summary)
    timeout: float
    deadline: float | None = None


def _pool() -> WorkerPool:
    """The app's validation workers, started on the first request (most services never validate)."""
    with _POOL_LOCK:
        pool = current_app.extensions.get("peerkg.validate_pool")
        if pool is None:
            cfg = config()
            pool = WorkerPool("", cfg.validate_workers, target=validate_main, args=(cfg.validate_memory_mb,),
                              name="validation", queue_timeout=cfg.validate_timeout, recycle_mb=RECYCLE_GROWTH_MB)
            current_app.extensions["peerkg.validate_pool"] = pool
        return pool


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too-large", f"the body is larger than {limit} bytes, the validation limit; "
                    "validate big files locally with: peerkg validate FILE")


@bp.route("/validate", methods=["POST"])
def validate() -> Response:
    cfg = config()
    arrival = g.get("arrival") or time.monotonic()
    limit = cfg.max_validate_bytes
    if request.content_length is not None and request.content_length > limit:
        raise _too_large(limit)
    body = request.get_data(cache=False)
    if len(body) > limit:
        raise _too_large(limit)
    parser = PARSERS.get(request.mimetype)
    if parser is None:
        raise ApiError(415, "unsupported-media-type", "send Turtle, JSON-LD, RDF/XML, N-Triples, TriG or "
                       "N-Quads with its Content-Type (" + ", ".join(PARSERS) + ")")
    fmt = choose(("graph", "html"))
    media = None if fmt.name == "html" else RDFLIB_FORMAT[fmt.name]
    job = ValidationJob(body, parser, media, cfg.validate_timeout, arrival + cfg.validate_timeout)
    with client_slot(per_client=False):
        answer = _pool().run(job)
    error = answer.get("error")
    if error == "query-timeout":
        raise ApiError(503, "validate-timeout", f"the validation did not finish within "
                       f"{cfg.validate_timeout:g} s, the time limit of this service (--validate-timeout); "
                       "validate big files locally with: peerkg validate FILE", headers={"Retry-After": "30"})
    if error == "memory-limit":
        raise ApiError(413, "validate-memory", answer["message"])
    if error is not None:
        where = {k: answer[k] for k in ("line", "column") if answer.get(k) is not None}
        raise ApiError(400, error, answer["message"], **where)
    if media is None:
        out = render_template("report.html", report=answer["doc"], triples=answer["triples"]).encode()
    else:
        out = answer["body"]
    resp = Response(out, content_type=fmt.content_type)
    resp.headers["X-SHACL-Conforms"] = "true" if answer["conforms"] else "false"  # sh:conforms: no result at all
    resp.headers["X-PeerKG-No-Violations"] = "true" if answer["no_violations"] else "false"  # peerkg's verdict
    resp.headers["Vary"] = "Accept"
    return resp
