"""Publish a build into an external triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

One ``PUT {store}?graph={iri}`` (N-Triples) per named graph of the build folder — every graph of its N-Quads
dumps, the evidence graph too — replacing only the graphs whose content changed since the last publish to
the same store: the SHA-256 of what went in is recorded per graph in ``{build}/publish-state.json``
(keyed by the store's URL). A graph pushed before that the build no longer has (a page removed) is
deleted on the server; graphs peerkg never pushed are never touched.

Failures are reported by what they mean: credentials refused (401) or not allowed to write (403), the
server not reachable, or some graphs refused — then the error lists which graphs went in and which did
not, the record keeps the ones that went in, and running the same command again pushes only the rest.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from peerkg.errors import InputError, PeerkgError
from peerkg.output import write_atomic
from peerkg.publish.graphs import GraphPayload, build_graphs

__all__ = ["STATE_FILE", "Credentials", "GraphPayload", "PublishError", "PublishResult", "build_graphs",
           "publish"]

STATE_FILE = "publish-state.json"
STATE_VERSION = 1
MEDIA_TYPE = "application/n-triples"
_SAVE_EVERY = 2.0  # seconds between saves of the record while pushing
_LISTED = 8  # graph names listed in an error message (then "and N more")


class PublishError(PeerkgError):
    """The build did not (completely) go into the store; the message says what went in and what did not."""

    exit_code = 1
    result: PublishResult | None = None


@dataclass(frozen=True)
class Credentials:
    """``--auth user:pass`` (Basic or Digest, as the server asks) or ``--token T`` (Bearer)."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    @classmethod
    def parse(cls, auth: str | None, token: str | None) -> Credentials:
        if auth and token:
            raise PublishError("give either --auth user:pass or --token, not both")
        if auth is not None:
            user, sep, password = auth.partition(":")
            if not sep or not user:
                raise PublishError("--auth must be user:password")
            return cls(user=user, password=password)
        return cls(token=token or None)

    @property
    def given(self) -> bool:
        return bool(self.user or self.token)


@dataclass
class PublishResult:
    """What a publish did, graph by graph."""

    store: str
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # graph → why
    not_attempted: list[str] = field(default_factory=list)
    triples_sent: int = 0

    @property
    def complete(self) -> bool:
        return not self.failed and not self.not_attempted

    def summary(self) -> str:
        return (f"published to {self.store}: {len(self.replaced)} graph(s) replaced ({self.triples_sent:,} "
                f"triples sent), {len(self.unchanged)} unchanged, {len(self.deleted)} removed")


class _Record:
    """``publish-state.json``: per store URL, the SHA-256 of each graph as it was last pushed."""

    def __init__(self, path: Path, store: str) -> None:
        self.path, self.store = path, store
        self.data: dict[str, Any] = {"state_version": STATE_VERSION, "stores": {}}
        if path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                loaded = {}
            if loaded.get("state_version") == STATE_VERSION:
                self.data = loaded
        self.graphs: dict[str, str] = self.data["stores"].setdefault(store, {}).setdefault("graphs", {})
        self.saved = time.monotonic()

    def save(self, *, now: bool = True) -> None:
        if now or time.monotonic() - self.saved > _SAVE_EVERY:
            write_atomic(self.path, (json.dumps(self.data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
            self.saved = time.monotonic()


def _listing(names: Iterable[str]) -> str:
    names = list(names)
    shown = ", ".join(names[:_LISTED])
    return shown + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")


class _Client:
    """The HTTP side: one session, the credentials in the scheme the server asks for, errors by meaning."""

    def __init__(self, store: str, credentials: Credentials, timeout: float) -> None:
        self.store, self.credentials, self.timeout = store, credentials, timeout
        self.session = requests.Session()
        if credentials.token:
            self.session.headers["Authorization"] = f"Bearer {credentials.token}"

    def negotiate(self, probe_graph: str) -> None:
        """With a user and password: ask once without them (HEAD of one graph) and answer the scheme the
        server's challenge names — Digest (Virtuoso) or Basic."""
        if not self.credentials.user:
            return
        user, password = self.credentials.user, self.credentials.password or ""
        digest = False
        try:
            resp = self.session.head(self.store, params={"graph": probe_graph}, timeout=self.timeout)
            digest = resp.status_code == 401 and "digest" in resp.headers.get("WWW-Authenticate", "").lower()
        except requests.RequestException as exc:
            raise self.unreachable(exc) from exc
        self.session.auth = HTTPDigestAuth(user, password) if digest else HTTPBasicAuth(user, password)
        if digest:  # answer the challenge once on a small request: later requests carry the answer at once
            try:
                self.session.head(self.store, params={"graph": probe_graph}, timeout=self.timeout)
            except requests.RequestException as exc:
                raise self.unreachable(exc) from exc

    def send(self, method: str, graph: str, payload: GraphPayload | None = None) -> requests.Response:
        headers = {"Content-Type": MEDIA_TYPE} if payload is not None else {}
        body = payload.body() if payload is not None else None
        try:
            resp = self.session.request(method, self.store, params={"graph": graph}, data=body, headers=headers,
                                        timeout=self.timeout)
        except requests.RequestException as exc:
            raise self.unreachable(exc) from exc
        finally:
            if body is not None:
                body.close()
        if resp.status_code in (401, 403):
            raise self.refused(resp)
        return resp

    def unreachable(self, exc: Exception) -> PublishError:
        if isinstance(exc, requests.Timeout):
            why = f"did not answer within {self.timeout:g} s"
        elif isinstance(exc, requests.ConnectionError):
            why = "cannot be reached (nothing answers at that address, or the connection was cut)"
        else:
            why = f"failed: {exc}"
        return PublishError(f"the Graph Store at {self.store} {why}")

    def refused(self, resp: requests.Response) -> PublishError:
        if resp.status_code == 401:
            what = ("refused the credentials (401 Unauthorized): check --auth user:password or --token"
                    if self.credentials.given else
                    "asks for credentials (401 Unauthorized): give --auth user:password or --token")
        else:
            what = ("refused to let these credentials write (403 Forbidden): the account needs write "
                    "(update) permission on the Graph Store")
        return PublishError(f"the Graph Store at {self.store} {what}")

    @staticmethod
    def why(resp: requests.Response) -> str:
        text = " ".join(resp.text.split())[:200]
        return f"{resp.status_code} {resp.reason}" + (f": {text}" if text else "")


def _store_key(url: str) -> str:
    """The store's URL as the record's key (no trailing slash)."""
    return url.rstrip("/")


def publish(folder: Path, store: str, credentials: Credentials | None = None, *, force: bool = False,
            timeout: float = 300.0, progress: Callable[[str, int, int], None] | None = None) -> PublishResult:
    """Push the build in ``folder`` into the Graph Store at ``store``; raise :class:`PublishError` (the
    result attached as ``.result``) unless every changed graph went in."""
    if not store.startswith(("http://", "https://")):
        raise PublishError(f"--to must be an http(s) URL of a Graph Store endpoint, not {store!r}")
    store = _store_key(store)
    try:
        graphs = build_graphs(folder)
    except InputError as exc:
        raise PublishError(exc.message) from exc
    record = _Record(folder / STATE_FILE, store)
    result = PublishResult(store)
    todo = [g for g in graphs.values() if force or record.graphs.get(g.iri) != g.sha256]
    result.unchanged = [iri for iri in graphs if iri not in {g.iri for g in todo}]
    gone = sorted(iri for iri in record.graphs if iri not in graphs)
    client = _Client(store, credentials or Credentials(), timeout)
    steps = [(g.iri, g) for g in todo] + [(iri, None) for iri in gone]
    try:
        if steps:
            client.negotiate(steps[0][0])
        for done, (iri, payload) in enumerate(steps):
            if progress:
                progress("publishing", done, len(steps))
            try:
                resp = client.send("PUT" if payload else "DELETE", iri, payload)
            except PublishError:
                result.not_attempted = [i for i, _ in steps[done:]]
                raise
            if payload and resp.ok:
                record.graphs[iri] = payload.sha256
                result.replaced.append(iri)
                result.triples_sent += payload.triples
            elif not payload and (resp.ok or resp.status_code == 404):
                record.graphs.pop(iri, None)
                result.deleted.append(iri)
            else:
                result.failed[iri] = client.why(resp)
            record.save(now=False)
    except PublishError as exc:
        raise _incomplete(result, str(exc)) from exc
    finally:
        record.save()
        client.session.close()
    if not result.complete:
        raise _incomplete(result, f"the Graph Store at {store} refused {len(result.failed)} graph(s)")
    return result


def _incomplete(result: PublishResult, cause: str) -> PublishError:
    lines = [cause]
    if result.replaced or result.deleted:
        lines.append(f"went in: {_listing(result.replaced + result.deleted)}")
    for iri, why in list(result.failed.items())[:_LISTED]:
        lines.append(f"refused: {iri} ({why})")
    if len(result.failed) > _LISTED:
        lines.append(f"refused: {len(result.failed) - _LISTED} more")
    if result.not_attempted:
        lines.append(f"not sent: {_listing(result.not_attempted)}")
    if not (result.replaced or result.deleted):
        total = len(result.failed) + len(result.not_attempted)
        lines.append(f"none of the {total} graphs went in")
    if result.replaced or result.deleted:
        lines.append("run the same command again to push the rest (graphs that went in are not sent again)")
    error = PublishError("\n".join(lines))
    error.result = result
    return error
