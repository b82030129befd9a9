"""``/health``: is the service up, how big is the data, which version."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from peerkg.web.state import backend, config

bp = Blueprint("health", __name__)


@bp.route("/health")
def health() -> ResponseReturnValue:
    status = backend().status()
    cfg = config()
    return jsonify({"status": "ok", "version": current_app.config["PEERKG_VERSION"],
                    "triples": status.get("triples"), "backend": status,
                    "limits": {"query_timeout_s": cfg.query_timeout, "max_rows": cfg.max_rows,
                               "max_validate_bytes": cfg.max_validate_bytes}})
