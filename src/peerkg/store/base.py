"""The small protocol every query backend implements, and the values that cross it.

A backend answers one SPARQL query at a time under a time limit and a row limit and hands back the
serialised result. Two implementations: :mod:`peerkg.store.oxigraph` (embedded, the default; queries
run in killable worker processes) and :mod:`peerkg.store.remote` (fronts another SPARQL engine over HTTP).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from peerkg.errors import PeerkgError

ResultKind = Literal["boolean", "solutions", "graph"]


@dataclass(frozen=True)
class QueryRequest:
    """One query as the service runs it.

    ``formats`` maps each result kind to the media type the client accepts for it (``None``: the client
    accepts nothing for that kind, answered with 406 once the query form is known).
    ``default_graphs``/``named_graphs`` are the protocol's ``default-graph-uri``/``named-graph-uri``;
    both ``None`` means the service's dataset (default graph = union of the named graphs).
    """

    query: str
    formats: dict[str, str | None]
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    timeout: float = 30.0
    max_rows: int = 10_000
    allow_partial: bool = False
    base_iri: str | None = None
    deadline: float | None = None  # time.monotonic() by which the answer is due (default: now + timeout)
    prefixes: dict[str, str] = field(default_factory=dict)  # predeclared; the query's PREFIX overrides


@dataclass
class QueryOutcome:
    kind: ResultKind
    media_type: str
    body: bytes
    rows: int = 0
    truncated: bool = False
    elapsed_ms: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)


class StoreError(PeerkgError):
    """A query could not be answered; ``status`` is the HTTP status the service maps it to."""

    status = 500
    code = "store-error"


class QuerySyntaxError(StoreError):
    status = 400
    code = "malformed-query"


class QueryRefused(StoreError):
    """The query is well-formed but not allowed here (update, SERVICE, remote FROM)."""

    status = 400
    code = "query-refused"


class QueryTimeout(StoreError):
    status = 503
    code = "query-timeout"


class QueryMemory(StoreError):
    """The query's worker grew past the memory cap and was stopped (``--query-memory-mb``)."""

    status = 503
    code = "query-memory"


class TooManyRows(StoreError):
    status = 422
    code = "row-limit"


class NotAcceptable(StoreError):
    status = 406
    code = "not-acceptable"

    def __init__(self, message: str, kind: ResultKind) -> None:
        super().__init__(message)
        self.kind = kind


class Busy(StoreError):
    """No worker is free, or none will be in time: answered 503 with ``Retry-After``."""

    status = 503
    code = "busy"

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Backend(Protocol):
    """What the web layer needs from a store."""

    name: str

    def execute(self, request: QueryRequest) -> QueryOutcome:
        """Run ``request``; raise a :class:`StoreError` subclass for every failure."""
        ...

    def graph_names(self) -> list[str]:
        """The named graphs of the dataset, sorted."""
        ...

    def dump(self, path: str, media_type: str) -> None:
        """Write the whole dataset to ``path`` in ``media_type`` (graph formats write the union)."""
        ...

    def status(self) -> dict[str, object]:
        """Health facts: triple count, workers, restarts."""
        ...

    def close(self) -> None: ...
