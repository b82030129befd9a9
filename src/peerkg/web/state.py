"""Where a request finds the app's backend, settings and prepared documents."""

from __future__ import annotations

from typing import Any

from flask import current_app

from peerkg.store.base import Backend
from peerkg.web.config import ServiceConfig


def backend() -> Backend:
    return current_app.extensions["peerkg.backend"]


def config() -> ServiceConfig:
    return current_app.extensions["peerkg.config"]


def cache() -> dict[str, Any]:
    """Per-app cache of documents computed once (VoID statistics, dump digests)."""
    return current_app.extensions["peerkg.cache"]
