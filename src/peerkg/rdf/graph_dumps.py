"""One N-Triples dump per named graph, cut out of a build's N-Quads dump without parsing it as RDF.

``peerkg.nq`` is written graph by graph (IRI order), each graph's lines sorted and unique
(:mod:`peerkg.rdf.dumps`), so a graph's quads are one run of lines; dropping the graph term of each gives
that graph's N-Triples — exactly the lines the build made for the graph. The same cut applies to any N-Quads
dump peerkg writes (a default graph's own triples, which carry no graph term, are left out).

A graph's dump is named after its IRI: ``{base}graph/links`` → ``graph/links.nt``,
``{base}graph/source/0011…`` → ``graph/source/0011….nt``; a graph outside the base (or with characters a
path should not hold) → ``graph/other/{first 16 hex digits of the IRI's SHA-256}.nt``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GraphDump", "graph_dump_name", "split_nquads", "write_graph_dumps"]

_LITERAL = re.compile(rb'"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?')
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")


def graph_dump_name(graph: str, base: str) -> str:
    """The path (under ``/dumps/``) of the N-Triples dump of ``graph``."""
    prefix = base + "graph/"
    rest = graph[len(prefix):] if graph.startswith(prefix) else ""
    if rest and _SAFE_NAME.fullmatch(rest) and not rest.startswith("other/") and ".." not in rest:
        return f"graph/{rest}.nt"
    return f"graph/other/{hashlib.sha256(graph.encode('utf-8')).hexdigest()[:16]}.nt"


def _split_line(line: bytes) -> tuple[str | None, bytes]:
    """An N-Quads line of peerkg's writer as (graph IRI or None, its N-Triples line)."""
    subject, predicate, rest = line.rstrip(b"\n")[:-2].split(b" ", 2)
    if rest.startswith(b'"'):
        match = _LITERAL.match(rest)
        if match is None:
            raise ValueError(f"not an N-Quads line of peerkg's writer: {line[:200]!r}")
        obj, tail = rest[:match.end()], rest[match.end():]
    else:
        obj, _, tail = rest.partition(b" ")
        tail = b" " + tail if tail else b""
    triple = b" ".join((subject, predicate, obj)) + b" .\n"
    tail = tail.strip()
    if not tail:
        return None, triple
    if not (tail.startswith(b"<") and tail.endswith(b">")):
        return None, triple  # a blank-node graph name: not a graph with an IRI to name a dump after
    return tail[1:-1].decode("utf-8"), triple


def split_nquads(lines: Iterable[bytes]) -> Iterator[tuple[str, list[bytes]]]:
    """(graph IRI, its N-Triples lines) for each run of lines of one named graph, in file order."""
    current: str | None = None
    run: list[bytes] = []
    for line in lines:
        if not line.strip():
            continue
        graph, triple = _split_line(line)
        if graph != current:
            if current is not None and run:
                yield current, run
            current, run = graph, []
        if graph is not None:
            run.append(triple)
    if current is not None and run:
        yield current, run


@dataclass(frozen=True)
class GraphDump:
    graph: str
    name: str  # path under /dumps/, e.g. graph/links.nt
    triples: int


def write_graph_dumps(nquads: Path, directory: Path, base: str) -> list[GraphDump]:
    """Write the N-Triples dump of each named graph of the N-Quads file ``nquads`` under ``directory``."""
    written: list[GraphDump] = []
    names: set[str] = set()
    with open(nquads, "rb") as handle:
        for graph, lines in split_nquads(handle):
            name = graph_dump_name(graph, base)
            if name in names:  # one graph in two runs (not a file peerkg wrote), or two IRIs, one name
                raise ValueError(f"{nquads}: the quads of {graph} are not together")
            names.add(name)
            target = directory / name
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(b"".join(lines))
            tmp.replace(target)
            written.append(GraphDump(graph, name, len(lines)))
    return written
