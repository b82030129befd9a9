"""The service's settings (every limit an operator can set, with its default)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from peerkg.rdf.namespaces import DEFAULT_BASE

DEFAULT_QUERY_TIMEOUT = 30.0          # seconds per query
DEFAULT_MAX_ROWS = 10_000             # result rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
DEFAULT_MAX_VALIDATE_BYTES = 5_000_000
DEFAULT_MAX_QUERY_BYTES = 100_000
DEFAULT_RESOURCE_LINKS = 500          # triples each way shown on a resource page
DEFAULT_QUERY_MEMORY_MB = 2048       # resident size of a query worker running a query
DEFAULT_VALIDATE_TIMEOUT = 30.0       # seconds per POST /validate
DEFAULT_VALIDATE_MEMORY_MB = 1024     # address space of a validation worker
DEFAULT_VALIDATE_WORKERS = 1
MAX_QUERY_DEPTH = 64                  # nested groups / brackets in a query
DEFAULT_THREADS = 64                  # HTTP threads (waitress)
SPARE_THREADS = 8                     # threads queries never hold: refusals, pages and health stay prompt
DEFAULT_READ_TIMEOUT = 30.0           # seconds from a request's first byte to its last (headers and body)
IDLE_TIMEOUT = 30.0                   # seconds a keep-alive connection may wait for its next request
CLIENT_CONNECTIONS = 32               # open connections of one client address (none behind a proxy)
CONNECTION_LIMIT = 512                # open connections in all (waitress's default: 100)


@dataclass
class ServiceConfig:
    base_iri: str = DEFAULT_BASE
    query_timeout: float = DEFAULT_QUERY_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES
    max_validate_bytes: int = DEFAULT_MAX_VALIDATE_BYTES
    resource_links: int = DEFAULT_RESOURCE_LINKS
    allow_remote: bool = False        # SPARQL only: SERVICE and FROM naming graphs not in the dataset
    query_memory_mb: int = DEFAULT_QUERY_MEMORY_MB
    validate_timeout: float = DEFAULT_VALIDATE_TIMEOUT
    validate_memory_mb: int = DEFAULT_VALIDATE_MEMORY_MB
    validate_workers: int = DEFAULT_VALIDATE_WORKERS
    max_query_depth: int = MAX_QUERY_DEPTH
    max_client_queries: int | None = None  # concurrent queries per client; None: half the workers (>= 1)
    client_header: str | None = None  # take the client's address from this header (behind a proxy)
    threads: int = DEFAULT_THREADS    # HTTP threads; queries and validations in hand: threads - spare
    read_timeout: float = DEFAULT_READ_TIMEOUT
    enable_update: bool = False
    update_token: str | None = None
    dumps_dir: Path | None = None     # prepared dumps (peerkg.{ttl,nt,trig,nq}); None: no dumps
    title: str = "peerkg — peer support in mental health knowledge graph"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def max_admitted(self) -> int:
        """Queries and validations the service holds at once (running or waiting for a worker); past it a
        request is answered 503 at once, so some HTTP threads always stay free for everything else."""
        return max(1, self.threads - min(SPARE_THREADS, self.threads // 2))

    @property
    def max_body_bytes(self) -> int:
        """The largest request body on any path: waitress refuses a longer one (413) before reading it, so no
        client can make the server buffer more (waitress's own default is 1 GB, spooled to disk)."""
        return max(self.max_validate_bytes, self.max_query_bytes) + 1_000_000

    @property
    def id_base(self) -> str:
        return self.base_iri + "id/"

    @property
    def ontology_iri(self) -> str:
        return self.base_iri + "ontology"

    @property
    def shapes_iri(self) -> str:
        return self.base_iri + "shapes"
