"""One error shape for the whole service, and CORS on every response (errors included).

An error is JSON ``{"error": {"status", "code", "message", …}}`` — or a small HTML page when the
client prefers HTML. 4xx: the request is at fault (the message says how to fix it); 5xx: ours
(503 for a stopped query or a full worker pool, see docs/service.md).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from peerkg.errors import PeerkgError
from peerkg.store.base import NotAcceptable, QuerySyntaxError, StoreError
from peerkg.web.formats import available, prefers_html

log = logging.getLogger("peerkg.web")

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, Authorization, Accept-Encoding",
    "Access-Control-Expose-Headers": ("Content-Type, Content-Length, ETag, X-PeerKG-Rows, "
                                      "X-PeerKG-Query-Time-Ms, X-PeerKG-Truncated, Allow"),
    "Access-Control-Max-Age": "86400",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> Response:
    if prefers_html(request.headers.get("Accept")):
        body = render_template("error.html", status=status, code=code, message=message, extra=extra)
        resp = Response(body, status=status, content_type="text/html; charset=utf-8")
    else:
        doc = {"error": {"status": status, "code": code, "message": message, **extra}}
        resp = Response(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", status=status,
                        content_type="application/json")
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp


def _store_error(exc: StoreError) -> Response:
    if isinstance(exc, NotAcceptable):
        return error_response(406, exc.code, "none of the media types in Accept can be produced for this "
                              f"query's results; available: {available([exc.kind])}",
                              available=available([exc.kind]).split(", "))
    if isinstance(exc, QuerySyntaxError):
        m = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.S)
        if m:
            line, column, what = int(m.group(1)), int(m.group(2)), m.group(3)
            return error_response(400, exc.code, f"malformed query: syntax error at line {line}, column "
                                  f"{column}: {what}", line=line, column=column)
        return error_response(400, exc.code, f"malformed query: {exc}")
    if exc.status >= 500:
        log.warning("%s: %s", exc.code, exc)
    headers = {"Retry-After": str(getattr(exc, "retry_after", 5))} if exc.status == 503 else None
    return error_response(exc.status, exc.code, str(exc), headers)


def _http_error(exc: HTTPException) -> Response:
    headers = {}
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        headers["Allow"] = ", ".join(exc.valid_methods)
    message = exc.description or exc.name
    if exc.code == 405:
        message = f"{request.method} is not allowed on {request.path}; allowed: {headers.get('Allow', '')}"
    code = (exc.name or "error").lower().replace(" ", "-")
    return error_response(exc.code or 500, code, message, headers)


def _unexpected(exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.path)
    return error_response(500, "internal-error", "the service failed to answer this request; this is a bug "
                          "on our side, not in your request")


def add_cors(resp: Response) -> Response:
    for key, value in CORS_HEADERS.items():
        resp.headers.setdefault(key, value)
    return resp


def install(app: Flask) -> None:
    app.register_error_handler(ApiError, lambda e: error_response(e.status, e.code, e.message, e.headers,
                                                                  **e.extra))
    app.register_error_handler(StoreError, _store_error)
    app.register_error_handler(PeerkgError,
                               lambda e: error_response(getattr(e, "status", 400), "bad-request", str(e)))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.after_request(add_cors)
