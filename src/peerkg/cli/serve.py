"""``peerkg serve``, ``peerkg load`` and ``peerkg query``: the service and the store from the command line."""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
from pathlib import Path

import click

from peerkg.cli.errors import CommandError, user_errors
from peerkg.cli.last_build import DEFAULT_BUILD, last_build, predeclared
from peerkg.web.config import (
    CLIENT_CONNECTIONS,
    DEFAULT_MAX_ROWS,
    DEFAULT_QUERY_MEMORY_MB,
    DEFAULT_QUERY_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_THREADS,
    DEFAULT_VALIDATE_MEMORY_MB,
    DEFAULT_VALIDATE_TIMEOUT,
    SPARE_THREADS,
    ServiceConfig,
)

_FILES = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port (0: any free port).")
@click.option("--data", "data", multiple=True, type=_FILES, help="Serve these RDF files (any format).")
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Serve a pyoxigraph store directory filled by `peerkg load`.")
@click.option("--endpoint", help="Front an existing SPARQL endpoint (Fuseki, GraphDB, QLever, …) instead.")
@click.option("--query-timeout", default=DEFAULT_QUERY_TIMEOUT, show_default=True, type=float,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, type=int,
              help="Most result rows / triples per query (more: 422, or a flagged partial result "
                   "with ?partial=true).")
@click.option("--query-memory-mb", default=DEFAULT_QUERY_MEMORY_MB, show_default=True, type=int,
              help="Resident memory in MB a query's worker may reach before the query is stopped (503; "
                   "0: no cap).")
@click.option("--workers", type=int, help="Query worker processes (default: CPUs, at least 2).")
@click.option("--threads", default=DEFAULT_THREADS, show_default=True, type=int,
              help="HTTP threads (waitress). Queries and validations in hand at once: all but "
                   f"{SPARE_THREADS} of them (more: 503 at once).")
@click.option("--read-timeout", default=DEFAULT_READ_TIMEOUT, show_default=True, type=float,
              help="Seconds a request may take to arrive whole, from its first byte (slower: 408, closed).")
@click.option("--allow-remote", is_flag=True,
              help="SPARQL only: allow SERVICE and FROM of graphs not in the dataset; query workers then "
                   "keep network access and connect where a query's SERVICE says. /validate never fetches "
                   "contexts or entities.")
@click.option("--validate-timeout", default=DEFAULT_VALIDATE_TIMEOUT, show_default=True, type=float,
              help="Seconds a POST /validate may take before its worker is stopped (503).")
@click.option("--validate-memory-mb", default=DEFAULT_VALIDATE_MEMORY_MB, show_default=True, type=int,
              help="Address space of a validation worker in MB (over: the worker is replaced, 413).")
@click.option("--max-client-queries", type=int,
              help="Queries one client (address) may have running at once (default: half the workers, "
                   "at least 1; over: 429).")
@click.option("--client-header", metavar="HEADER",
              help="Behind a reverse proxy: read the client address from this header (X-Forwarded-For).")
@click.option("--enable-update", is_flag=True, help="Enable POST /update (needs --update-token).")
@click.option("--update-token", envvar="PEERKG_UPDATE_TOKEN", help="Bearer token for /update.")
@click.option("--base", default=None, help="IRI base of the data (default https://w3id.org/psmh/).")
@click.option("--dumps-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to put the dumps served (default: a temporary directory). A build's own "
                   "files are served when the data is a build folder's dumps.")
def serve(host: str, port: int, data: tuple[Path, ...], store_path: Path | None, endpoint: str | None,
          query_timeout: float, max_rows: int, query_memory_mb: int, workers: int | None, threads: int,
          read_timeout: float, allow_remote: bool,
          validate_timeout: float, validate_memory_mb: int, max_client_queries: int | None,
          client_header: str | None, enable_update: bool, update_token: str | None, base: str | None,
          dumps_dir: Path | None) -> None:
    """Serve the knowledge graph: SPARQL 1.1 endpoint, resource pages, dumps, VoID, validation.

    With no data option it builds the bundled seed pages and serves them.

    Example:

        peerkg serve --data build/peerkg.trig --port 8000 --query-timeout 10 --max-rows 5000
    """
    from peerkg.store import open_backend
    from peerkg.web import create_app
    from peerkg.web.dump_folder import prepare_dumps
    from peerkg.web.http_server import http_server

    if enable_update and not update_token:
        raise CommandError("--enable-update needs --update-token TOKEN (or PEERKG_UPDATE_TOKEN)")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    with user_errors():
        if not (data or store_path or endpoint):
            click.echo("building the bundled seed pages (peerkg build), then serving them…", err=True)
        backend = open_backend(data=list(data) or None, store_path=store_path, endpoint=endpoint,
                               workers=workers, memory_mb=query_memory_mb or None, network=allow_remote)
        cfg = ServiceConfig(query_timeout=query_timeout, max_rows=max_rows, allow_remote=allow_remote,
                            query_memory_mb=query_memory_mb,
                            enable_update=enable_update, update_token=update_token,
                            validate_timeout=validate_timeout, validate_memory_mb=validate_memory_mb,
                            max_client_queries=max_client_queries, client_header=client_header,
                            threads=threads, read_timeout=read_timeout)
        if base:
            cfg.base_iri = base
        if endpoint is None:
            directory = dumps_dir or Path(tempfile.mkdtemp(prefix="peerkg-dumps-"))
            cfg.dumps_dir = prepare_dumps(backend, directory, cfg.base_iri, list(data))
        app = create_app(cfg, backend)
        server = http_server(app, host=host, port=port, threads=threads, ident="peerkg",
                             max_request_body_size=cfg.max_body_bytes, read_timeout=read_timeout,
                             client_connections=None if client_header else CLIENT_CONNECTIONS)
        click.echo(f"peerkg serving on http://{host}:{server.effective_port}/ "  # type: ignore[union-attr]
                   f"(SPARQL endpoint /sparql, timeout {query_timeout:g} s, max rows {max_rows})")
        sys.stdout.flush()
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            backend.close()


@click.command()
@click.argument("files", nargs=-1, required=True, type=_FILES)
@click.option("--store", "store_path", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The store directory (created if missing).")
def load(files: tuple[Path, ...], store_path: Path) -> None:
    """Load RDF files (Turtle, N-Triples, TriG, N-Quads, RDF/XML, JSON-LD; .gz too) into a store.

    Example:

        peerkg load build/peerkg.trig --store data/store && peerkg serve --store data/store
    """
    from peerkg.store.oxigraph import build_store

    with user_errors():
        facts = build_store(store_path, files=list(files))
    click.echo(f"{store_path}: {facts.quads} quads in {len(facts.graphs)} named graphs, "
               f"{facts.union_triples} distinct triples in the union default graph")


def _table(body: bytes) -> str:
    doc = json.loads(body)
    if "boolean" in doc:
        return "true" if doc["boolean"] else "false"
    variables = doc["head"]["vars"]
    rows = [[b.get(v, {}).get("value", "") for v in variables] for b in doc["results"]["bindings"]]
    widths = [max([len(v)] + [min(len(r[i]), 60) for r in rows]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c[:60].ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _named_text(name: str, params: tuple[str, ...], lang: str | None = None) -> str:
    """The named query ``name`` rendered with ``k=v`` parameters (a usage error names the parameter) and the
    label language by the one rule (:func:`peerkg.labels.label_languages`: ``--lang``, else English)."""
    from peerkg.labels import label_languages
    from peerkg.named_queries import get_named_query, render

    values: dict[str, str] = {}
    for item in params:
        key, sep, val = item.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"--param {item!r}: write --param name=value")
        if key.strip() in values:
            raise CommandError(f"--param {key.strip()} is given twice")
        values[key.strip()] = val
    return render(get_named_query(name), values, lang=label_languages(lang)[0])


def _list_named() -> str:
    from peerkg.named_queries import load_named_queries

    out = []
    for q in load_named_queries():
        out.append(f"{q.name}: {q.title}")
        for p in q.params:
            out.append(f"    --param {p.name}={p.default}  ({p.kind}) {p.description}".rstrip())
    return "\n".join(out)


@click.command()
@click.argument("sparql", required=False)
@click.option("--named", "named", metavar="NAME", help="Run a named query of queries/*.rq instead of SPARQL.")
@click.option("--param", "params", multiple=True, metavar="K=V", help="A named query's parameter (repeatable).")
@click.option("--list-named", is_flag=True, help="List the named queries and their parameters.")
@click.option("--lang", default=None, metavar="TAG", help="Label language of a named query's results, e.g. de "
              "(labels in it where the thesaurus has them, else English) [default: en].")
@click.option("--data", "data", multiple=True, type=_FILES, help="Query these RDF files.")
@click.option("--endpoint", help="Query this SPARQL endpoint instead.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "turtle"]), default="table",
              show_default=True)
@click.option("--timeout", default=DEFAULT_QUERY_TIMEOUT, show_default=True, type=float)
@click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, type=int)
def query(sparql: str | None, named: str | None, params: tuple[str, ...], list_named: bool, lang: str | None,
          data: tuple[Path, ...], endpoint: str | None, fmt: str, timeout: float, max_rows: int) -> None:
    """Run one SPARQL query (or a named query) over files, an endpoint, or (default) the last build in
    ./build (peerkg build's default --out). The standard prefixes (dcterms:, foaf:, psmh:, …) are
    predeclared, as on /sparql.

    Example:

    \b
        peerkg query 'SELECT ?t WHERE { ?w dcterms:title ?t } LIMIT 5' --data build/peerkg.trig
        peerkg query --named works-by-setting --param setting=setting/inpatient --format csv
        peerkg query --list-named
    """
    from peerkg.store import open_backend
    from peerkg.store.base import QueryRequest, QuerySyntaxError

    with user_errors():
        if list_named:
            click.echo(_list_named())
            return
        if named and sparql:
            raise CommandError("give either a SPARQL query or --named NAME, not both")
        if params and not named:
            raise CommandError("--param belongs to --named NAME")
        if named:
            sparql = _named_text(named, params, lang)
        elif not sparql:
            raise CommandError("give a SPARQL query, --named NAME or --list-named (see peerkg query --help)")
    assert sparql is not None
    results = {"table": "application/sparql-results+json", "json": "application/sparql-results+json",
               "csv": "text/csv", "turtle": "application/sparql-results+json"}[fmt]
    graph = "application/n-triples" if fmt == "csv" else "text/turtle"
    with user_errors():
        files = list(data) or ([] if endpoint else last_build(DEFAULT_BUILD))
        backend = open_backend(data=files or None, endpoint=endpoint, workers=1, remote_timeout=timeout)
        try:
            boolean = results if fmt != "csv" else "application/sparql-results+json"
            formats: dict[str, str | None] = {"solutions": results, "boolean": boolean, "graph": graph}
            outcome = backend.execute(QueryRequest(sparql, formats, timeout=timeout, max_rows=max_rows,
                                                   prefixes=predeclared()))
        except QuerySyntaxError as exc:  # positions as "line L, column C" of the user's query
            message = re.sub(r"(\d+):(\d+)", lambda m: f"line {m[1]}, column {m[2]}", str(exc), count=1)
            raise CommandError(f"the query is not valid SPARQL: {message}") from exc
        finally:
            backend.close()
    if fmt == "table" and outcome.kind != "graph":
        click.echo(_table(outcome.body))
    else:
        click.echo(outcome.body.decode("utf-8"), nl=not outcome.body.endswith(b"\n"))


COMMANDS = [serve, load, query]
