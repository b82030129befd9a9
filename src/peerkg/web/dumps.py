"""``/dumps/…``: the dump files listed in ``served.json`` (:mod:`peerkg.web.dump_folder`), as they are.

``/dumps/peerkg.{ttl,nt,trig,nq,jsonld}`` (and the evidence dumps), ``/dumps/graph/NAME.nt`` (one named
graph), ``/dumps/context.jsonld`` (the JSON-LD dump's context, as shipped);
each with ETag (its SHA-256), gzip on ``Accept-Encoding: gzip`` or as ``NAME.gz`` (compressed once, on
first request, with no timestamp in it: the same bytes every time).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, request, send_file

from peerkg.rdf.jsonld import context_bytes
from peerkg.web.dump_folder import prepare_dumps, read_served
from peerkg.web.errors import ApiError
from peerkg.web.formats import BY_MEDIA_TYPE
from peerkg.web.state import cache, config

__all__ = ["bp", "dump_manifest", "graph_dumps", "prepare_dumps", "whole_dumps"]

bp = Blueprint("dumps", __name__)

_gzip_lock = threading.Lock()


def dump_manifest() -> list[dict[str, Any]]:
    """Every dump served: name, media type, bytes, SHA-256, triples or quads (and ``graph`` for a per-graph
    dump), as ``served.json`` lists them (read once)."""
    store = cache()
    if "dumps" not in store:
        directory = config().dumps_dir
        store["dumps"] = read_served(directory)["dumps"] if directory is not None else []
    return store["dumps"]


def whole_dumps() -> list[dict[str, Any]]:
    return [e for e in dump_manifest() if "graph" not in e]


def graph_dumps() -> dict[str, dict[str, Any]]:
    """Named graph IRI → its dump's entry."""
    return {e["graph"]: e for e in dump_manifest() if "graph" in e}


def _gzipped(path: Path) -> Path:
    """``path.gz``, made on first use (atomically; ``mtime=0`` so its bytes never change)."""
    target = path.with_name(path.name + ".gz")
    with _gzip_lock:
        if not target.exists():  # prepare_dumps removed the .gz of every file it placed
            tmp = target.with_name(target.name + ".tmp")
            with open(path, "rb") as src, open(tmp, "wb") as raw, \
                    gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as dst:
                shutil.copyfileobj(src, dst)
            os.replace(tmp, target)
    return target


def _available() -> str:
    names = [e["name"] for e in whole_dumps()]
    return (", ".join(names) or "none") + " (each also as .gz); one per named graph: see /.well-known/void"


@bp.route("/dumps/context.jsonld")
def jsonld_context() -> Response:
    """The JSON-LD context of the JSON-LD dump (which holds it inline), as shipped: for your own documents."""
    data = context_bytes()
    resp = Response(data, content_type="application/ld+json")
    resp.set_etag(hashlib.sha256(data).hexdigest())
    resp.headers["Cache-Control"] = "public, max-age=86400"
    return resp.make_conditional(request)


@bp.route("/dumps/<path:name>")
def dump(name: str) -> Response:
    gz_suffix = name.endswith(".gz")
    base = name[:-3] if gz_suffix else name
    entry = next((e for e in dump_manifest() if e["name"] == base), None)
    if entry is None:
        raise ApiError(404, "no-such-dump", f"no dump {name!r}; available: {_available()}")
    directory = config().dumps_dir
    assert directory is not None
    path = directory / base
    wants_gzip = "gzip" in (request.headers.get("Accept-Encoding") or "").lower()
    if gz_suffix:
        resp = send_file(_gzipped(path), mimetype="application/gzip", download_name=name, conditional=False)
        resp.set_etag(entry["sha256"] + "-gz")
    elif wants_gzip:
        resp = send_file(_gzipped(path), mimetype=entry["media_type"], conditional=False)
        resp.headers["Content-Encoding"] = "gzip"
        resp.set_etag(entry["sha256"] + "-gzip")
    else:
        resp = send_file(path, mimetype=entry["media_type"], conditional=False)
        resp.set_etag(entry["sha256"])
    fmt = BY_MEDIA_TYPE.get(entry["media_type"])
    if not gz_suffix:
        resp.headers["Content-Type"] = fmt.content_type if fmt else entry["media_type"]
    resp.headers["Vary"] = "Accept-Encoding"
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp.make_conditional(request)
