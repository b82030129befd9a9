"""The app factory: ``create_app(config, store)`` wires blueprints, errors, CORS and the access log."""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request

from peerkg import __version__
from peerkg.store.base import Backend
from peerkg.store.memory import release_big_buffers
from peerkg.web import errors
from peerkg.web.config import ServiceConfig
from peerkg.web.examples import example_queries, named_examples
from peerkg.web.http_server import ARRIVAL_KEY
from peerkg.web.links import safe_href

access_log = logging.getLogger("peerkg.access")


def create_app(config: ServiceConfig | None = None, store: Backend | None = None) -> Flask:
    """Build the WSGI app. ``store`` defaults to the bundled seeds built by the core pipeline."""
    cfg = config or ServiceConfig()
    release_big_buffers()  # big bodies and results go back to the OS once answered (see store/memory.py)
    if store is None:
        from peerkg.store import open_backend
        store = open_backend()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = cfg.max_body_bytes
    app.config["PEERKG_EXAMPLES"] = example_queries()
    app.config["PEERKG_NAMED_EXAMPLES"] = named_examples()
    app.config["PEERKG_VERSION"] = __version__
    app.extensions["peerkg.backend"] = store
    app.extensions["peerkg.config"] = cfg
    app.extensions["peerkg.cache"] = {}

    from peerkg.web import dumps, health, home, named, pages, self_description, sparql, validate
    for module in (sparql, self_description, dumps, home, pages, named, validate, health):
        app.register_blueprint(module.bp)
    errors.install(app)
    app.jinja_env.filters["safe_href"] = safe_href

    @app.before_request
    def _start_timer() -> None:
        g.start = time.monotonic()
        # every time limit counts from the request's arrival, waiting for an HTTP thread included
        g.arrival = request.environ.get(ARRIVAL_KEY) or g.start
        g.query_ms = None

    @app.after_request
    def _access_log(resp: Response) -> Response:
        """One line per request: total time from arrival, of which waiting for an HTTP thread, and query."""
        now = time.monotonic()
        arrival = g.get("arrival", now)
        query_ms = g.get("query_ms")
        access_log.info('%s "%s %s" %s %.1fms wait=%.1fms query=%s', request.remote_addr, request.method,
                        request.full_path.rstrip("?")[:300], resp.status_code, (now - arrival) * 1000,
                        (g.get("start", now) - arrival) * 1000,
                        f"{query_ms:.1f}ms" if query_ms is not None else "-")
        return resp

    return app
