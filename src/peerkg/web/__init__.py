"""The peerkg web service: a Flask app factory over a query backend (see docs/service.md)."""

from __future__ import annotations

from peerkg.web.app import create_app

__all__ = ["create_app"]
