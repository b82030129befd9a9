"""``/dumps/peerkg.{ttl,nt,trig,nq}[.gz]``: whole-dataset downloads with ETag, gzip and VoID facts."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, request, send_file

from peerkg.store.base import Backend
from peerkg.web.errors import ApiError
from peerkg.web.formats import BY_NAME
from peerkg.web.state import cache, config

bp = Blueprint("dumps", __name__)

DUMPS = {"peerkg.ttl": "ttl", "peerkg.nt": "nt", "peerkg.trig": "trig", "peerkg.nq": "nq"}


def prepare_dumps(store: Backend, directory: Path, prepared: dict[str, bytes] | None = None) -> Path:
    """Write the four dumps (and their .gz) into ``directory`` atomically; ``prepared``: name → bytes
    made by the build (used as they are, so the dumps are the build's own byte-identical output)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, short in DUMPS.items():
        final = directory / name
        tmp = directory / (name + ".tmp")
        if prepared and name in prepared:
            tmp.write_bytes(prepared[name])
        else:
            store.dump(str(tmp), BY_NAME[short].media_type)
        os.replace(tmp, final)
        with open(final, "rb") as src, open(str(final) + ".gz.tmp", "wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        os.replace(str(final) + ".gz.tmp", str(final) + ".gz")
    return directory


def _count_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip() and not line.startswith(b"#"))


def dump_manifest() -> list[dict[str, Any]]:
    """Name, media type, size, SHA-256 and triple count of each dump (computed once)."""
    store = cache()
    if "dumps" in store:
        return store["dumps"]
    directory = config().dumps_dir
    entries: list[dict[str, Any]] = []
    if directory is not None and (directory / "peerkg.nt").exists():
        counts = {"ttl": _count_lines(directory / "peerkg.nt"), "nt": _count_lines(directory / "peerkg.nt")}
        quads = _count_lines(directory / "peerkg.nq") if (directory / "peerkg.nq").exists() else None
        counts.update({"trig": quads, "nq": quads})
        for name, short in DUMPS.items():
            path = directory / name
            if not path.exists():
                continue
            data = path.read_bytes()
            entries.append({"name": name, "media_type": BY_NAME[short].media_type, "bytes": len(data),
                            "sha256": hashlib.sha256(data).hexdigest(), "triples": counts[short],
                            "gzip_bytes": (path.with_name(name + ".gz")).stat().st_size})
    store["dumps"] = entries
    return entries


@bp.route("/dumps/<name>")
def dump(name: str) -> Response:
    gz_suffix = name.endswith(".gz")
    base = name[:-3] if gz_suffix else name
    entry = next((e for e in dump_manifest() if e["name"] == base), None)
    if entry is None:
        raise ApiError(404, "no-such-dump", f"no dump {name!r}; available: "
                       + ", ".join(e["name"] for e in dump_manifest()) + " (each also as .gz)")
    directory = config().dumps_dir
    assert directory is not None
    wants_gzip = "gzip" in (request.headers.get("Accept-Encoding") or "").lower()
    if gz_suffix:
        resp = send_file(directory / name, mimetype="application/gzip", download_name=name, conditional=False)
        resp.set_etag(entry["sha256"] + "-gz")
    elif wants_gzip:
        resp = send_file(directory / (name + ".gz"), mimetype=entry["media_type"], conditional=False)
        resp.headers["Content-Encoding"] = "gzip"
        resp.set_etag(entry["sha256"] + "-gzip")
    else:
        resp = send_file(directory / name, mimetype=entry["media_type"], conditional=False)
        resp.set_etag(entry["sha256"])
    fmt = BY_NAME[DUMPS[base]]
    if not gz_suffix:
        resp.headers["Content-Type"] = fmt.content_type
    resp.headers["Vary"] = "Accept-Encoding"
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp.make_conditional(request)
