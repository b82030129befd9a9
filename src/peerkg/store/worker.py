"""Query execution: the code that runs inside a worker process (and, for trusted calls, in-process).

A worker opens the store read-only, announces itself, then answers :class:`QueryRequest` objects sent
over a pipe with plain tuples/dicts (picklable, no exceptions cross the pipe).
"""

from __future__ import annotations

import ctypes
import gc
import os
import resource
import time
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from peerkg.store.base import QueryRequest
from peerkg.store.guard import readable_syntax_error
from peerkg.store.memory import release_big_buffers, settle
from peerkg.store.projection import star_order
from peerkg.store.results import write_boolean, write_solutions, write_triples

PREFIXES: dict[str, str] = {}
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000


def cut_network() -> bool:
    """Move this process into a new, empty network namespace: no connection can leave it afterwards.

    pyoxigraph executes ``SERVICE`` by making the HTTP request itself; the screen refuses such queries,
    and this makes sure a worker could not connect anywhere even if one got through. Needs unprivileged
    user namespaces (Linux); returns False where they are not available (the screen still holds).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def _dataset_kwargs(req: QueryRequest) -> dict[str, Any]:
    if req.default_graphs is None and req.named_graphs is None:
        return {}  # the store's default graph: the union of the named graphs, as a set (store/union.py)
    return {
        "default_graph": [ox.NamedNode(g) for g in (req.default_graphs or ())],
        "named_graphs": [ox.NamedNode(g) for g in (req.named_graphs or ())],
    }


def _too_many(req: QueryRequest, what: str) -> dict[str, Any]:
    return {"error": "row-limit", "message": (
        f"the result has more than {req.max_rows} {what}, the row limit of this service. "
        "Add a LIMIT (and OFFSET to page through the results), narrow the query, or ask the operator "
        "to raise it (peerkg serve --max-rows N).")}


def run_query(store: ox.Store, req: QueryRequest) -> dict[str, Any]:
    """Execute one request; always returns a dict (``error`` key on failure)."""
    start = time.perf_counter()
    try:
        result = store.query(req.query, base_iri=req.base_iri, prefixes=req.prefixes or None,
                             **_dataset_kwargs(req))
        if isinstance(result, ox.QueryBoolean):
            kind, media = "boolean", req.formats.get("boolean")
            if media is None:
                return {"error": "not-acceptable", "kind": kind, "message": "no acceptable format"}
            body, rows, truncated = write_boolean(bool(result), media), 1, False
        elif isinstance(result, ox.QuerySolutions):
            kind, media = "solutions", req.formats.get("solutions")
            if media is None:
                return {"error": "not-acceptable", "kind": kind, "message": "no acceptable format"}
            variables = star_order(req.query, [v.value for v in result.variables])
            rows_list = [[sol[v] for v in variables] for sol in islice(result, req.max_rows + 1)]
            truncated = len(rows_list) > req.max_rows
            if truncated and not req.allow_partial:
                return _too_many(req, "rows")
            rows_list = rows_list[: req.max_rows]
            body, rows = write_solutions(variables, rows_list, media), len(rows_list)
        else:
            kind, media = "graph", req.formats.get("graph")
            if media is None:
                return {"error": "not-acceptable", "kind": kind, "message": "no acceptable format"}
            triples = list(islice(result, req.max_rows + 1))
            truncated = len(triples) > req.max_rows
            if truncated and not req.allow_partial:
                return _too_many(req, "triples")
            triples = triples[: req.max_rows]
            body, rows = write_triples(triples, media, PREFIXES), len(triples)
    except SyntaxError as exc:
        return {"error": "malformed-query", "message": readable_syntax_error(req.query, str(exc), req.prefixes)}
    except (OSError, RuntimeError, ValueError) as exc:
        return {"error": "store-error", "message": f"{type(exc).__name__}: {exc}"}
    return {"kind": kind, "media_type": media, "body": body, "rows": rows, "truncated": truncated,
            "elapsed_ms": (time.perf_counter() - start) * 1000}


def worker_main(conn: Connection, store_path: str, prefixes: dict[str, str], network: bool = False) -> None:
    """Entry point of a worker process: open the store read-only and serve requests until EOF.

    Without ``network`` (the default) the worker first leaves the network (:func:`cut_network`); it
    announces True if it did, False if it could not, None if it was told to keep it (``--allow-remote``).
    """
    PREFIXES.update(prefixes)
    release_big_buffers()
    # before the store starts its threads (unshare needs a single thread)
    isolated = None if network else cut_network()
    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("failed", f"cannot open store {store_path}: {exc}"))
        return
    conn.send(("ready", os.getpid(), isolated))
    while True:
        try:
            req = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        conn.send(run_query(store, req))


def validate_body(body: bytes, parser: str, media: str | None) -> dict[str, Any]:
    """Parse a client's RDF (screened: see :mod:`peerkg.safe_rdf`) and validate it against the shapes.

    ``media`` is the rdflib format of the report to write (``None``: only the JSON summary, for HTML).
    """
    from rdflib import Dataset

    from peerkg import validation
    from peerkg.rdf.namespaces import PREFIXES as NAMESPACES
    from peerkg.safe_rdf import FORMAT_NAMES, UnsafeInput, describe_syntax_error, parse_untrusted

    data = Dataset()  # TriG and N-Quads keep their graphs; the union of all of them is validated
    try:
        parse_untrusted(data, body, parser)
    except UnsafeInput as exc:
        return {"error": "unsafe-input", "message": str(exc)}
    except UnicodeDecodeError as exc:
        return {"error": "unparseable", "message": f"the body is not UTF-8 text (byte {exc.start})"}
    except Exception as exc:  # noqa: BLE001 - every rdflib parser raises its own type
        problem = describe_syntax_error(body, parser, exc)
        return {"error": "unparseable", "line": problem.line, "column": problem.column,
                "message": f"the body is not valid {FORMAT_NAMES.get(parser, parser)}: {problem}"}
    report = validation.validate(data)
    out = None
    if media is not None:
        for prefix, ns in NAMESPACES.items():
            report.graph.bind(prefix, ns, override=False)
        out = report.graph.serialize(format=media, encoding="utf-8")
    triples = sum(1 for _ in data.store.triples((None, None, None), None))  # distinct, over every graph
    return {"conforms": report.conforms, "no_violations": report.no_violations,
            "doc": validation.report_as_json(report), "triples": triples, "body": out}


WARM_UP = b"<http://example.org/a> <http://example.org/b> 'c' ."


def validate_main(conn: Connection, memory_mb: int) -> None:
    """Entry point of a validation worker: capped address space, no network, shapes loaded once."""
    release_big_buffers()
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from peerkg import validation

    try:
        validation.load_shapes()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which refuses to start
        conn.send(("failed", f"cannot load the shapes: {exc}"))
        return
    validate_body(WARM_UP, "turtle", None)  # the parsers and the report writer, imported on first use
    gc.collect()
    gc.freeze()  # the shapes and modules: never scanned again, so collections after each job stay cheap
    conn.send(("ready", os.getpid(), cut_network()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            answer = validate_body(job.body, job.parser, job.media)
        except MemoryError:
            conn.send({"error": "memory-limit", "restart": True,
                       "message": f"validating this body needs more than {memory_mb} MB, the memory limit "
                                  "of a validation worker; validate big files locally with: "
                                  "peerkg validate FILE"})
            return
        except RecursionError:
            answer = {"error": "unparseable", "message": "the body nests too deeply to be validated"}
        settle()  # the body's graph and report go now, not at some later collection
        conn.send(answer)
