"""What ``peerkg query`` reads when given neither ``--data`` nor ``--endpoint``: the last build in the
default build folder (``peerkg build``'s ``--out``), never a fresh build of the seeds."""

from __future__ import annotations

from pathlib import Path

from peerkg.cli.errors import CommandError
from peerkg.rdf.namespaces import PREFIXES

DEFAULT_BUILD = Path("build")
_GRAPHS = "peerkg.trig"
_EVIDENCE = "peerkg-evidence.trig"


def last_build(folder: Path = DEFAULT_BUILD) -> list[Path]:
    """The TriG dumps of the build in ``folder`` (its graphs, and the evidence graph when it has one), or a
    usage error saying how to make one."""
    graphs = folder / _GRAPHS
    if not graphs.is_file():
        raise CommandError(
            f"no build to query: {graphs} does not exist. Build one first with `peerkg build` (the bundled "
            f"seeds) or `peerkg build PAGES… --out {folder}/`, or query other data with --data FILE… or "
            "--endpoint URL")
    evidence = folder / _EVIDENCE
    return [graphs, evidence] if evidence.is_file() else [graphs]


def predeclared() -> dict[str, str]:
    """The prefixes a query may use undeclared, the table /sparql predeclares (a PREFIX overrides one)."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}
