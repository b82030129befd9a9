"""``peerkg publish``: push a build into a SPARQL 1.1 Graph Store HTTP Protocol server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from peerkg.cli.errors import user_errors


def _show_progress(stage: str, done: int, total: int) -> None:
    click.echo(f"\r\033[K{stage} {done}/{total}", err=True, nl=False)


@click.command()
@click.argument("build_dir", default=Path("build"), type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--to", "store", required=True, metavar="URL",
              help="The Graph Store endpoint (Oxigraph: http://host:7878/store; Fuseki: http://host:3030/ds/data; "
                   "Virtuoso: http://host:8890/sparql-graph-crud-auth).")
@click.option("--auth", envvar="PEERKG_PUBLISH_AUTH", metavar="USER:PASS",
              help="User and password (Basic or Digest, as the server asks) [env PEERKG_PUBLISH_AUTH].")
@click.option("--token", envvar="PEERKG_PUBLISH_TOKEN", metavar="T",
              help="Bearer token [env PEERKG_PUBLISH_TOKEN].")
@click.option("--force", is_flag=True, help="Send every graph, changed or not (the server was emptied).")
@click.option("--timeout", default=300.0, show_default=True, type=float, help="Seconds per request.")
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary.")
def publish(build_dir: Path, store: str, auth: str | None, token: str | None, force: bool, timeout: float,
            quiet: bool) -> None:
    """Push the build in BUILD_DIR [default: build] into a Graph Store: one PUT per named graph.

    Only graphs that changed since the last publish to the same URL are sent (their SHA-256 is kept in
    BUILD_DIR/publish-state.json); graphs published before that the build no longer has are deleted.
    Exit codes: 0 every graph is in; 1 credentials refused, server unreachable or some graphs refused
    (the message lists which went in and which did not; run the command again to push the rest);
    2 usage error.

    Example:

        peerkg publish build --to http://localhost:7878/store --auth admin:secret
    """
    from peerkg.publish import Credentials
    from peerkg.publish import publish as push

    progress = _show_progress if not quiet and sys.stderr.isatty() else None
    with user_errors():
        try:
            result = push(build_dir, store, Credentials.parse(auth, token), force=force, timeout=timeout,
                          progress=progress)
        finally:
            if progress:
                click.echo("\r\033[K", err=True, nl=False)
    click.echo(result.summary())


COMMANDS = [publish]
