"""The named graphs of a build folder, read from its N-Quads dumps one line at a time, in constant memory.

``peerkg build`` writes each dump graph by graph (graph IRIs in order, a graph's lines sorted and unique, every
line ``S P O <G> .``). One pass over the files gives each graph's place in its file (byte offsets), its triple
count and the SHA-256 of its N-Triples body (the same lines without the graph); a :class:`GraphBody` then
streams that body from the file for a request — nothing larger than a line is held — so a graph of any size
can be sent. A file that is not laid out so (a graph split over two runs of lines, a triple outside any named
graph) is refused with the line that shows it.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from peerkg.errors import InputError

__all__ = ["GraphBody", "GraphPayload", "build_graphs", "nquads_files"]

_END = b"> .\n"


@dataclass(frozen=True)
class GraphPayload:
    """One named graph of the build: where its lines are, how many, and the SHA-256 of the N-Triples sent."""

    iri: str
    path: Path
    start: int  # byte offsets of its run of lines in ``path``
    end: int
    triples: int
    size: int  # bytes of the N-Triples body
    sha256: str

    def body(self) -> GraphBody:
        return GraphBody(self)

    def read(self) -> bytes:
        """The whole N-Triples body (for small graphs and tests; requests stream :meth:`body`)."""
        return self.body().read()


class GraphBody(io.RawIOBase):
    """A graph's N-Triples body read from its dump: ``read``, ``tell``, ``seek(0)`` (an HTTP client rewinds it
    to answer an authentication challenge) and ``len`` (so the request carries a Content-Length)."""

    def __init__(self, payload: GraphPayload) -> None:
        self.payload = payload
        self._cut = len(b" <" + payload.iri.encode("utf-8") + _END)
        self._file = payload.path.open("rb")
        self._file.seek(payload.start)
        self._pos, self._buffer = 0, b""

    def __len__(self) -> int:
        return self.payload.size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if (offset, whence) not in ((0, io.SEEK_SET), (self._pos, io.SEEK_SET), (0, io.SEEK_CUR)):
            raise io.UnsupportedOperation("a graph body rewinds to its start only")
        if offset == 0 and whence == io.SEEK_SET:
            self._file.seek(self.payload.start)
            self._pos, self._buffer = 0, b""
        return self._pos

    def read(self, size: int | None = -1) -> bytes:
        want = self.payload.size if size is None or size < 0 else size
        parts, have = [self._buffer], len(self._buffer)
        while have < want and self._file.tell() < self.payload.end:
            line = self._file.readline()
            part = line[:-self._cut] + b" .\n"
            parts.append(part)
            have += len(part)
        data = b"".join(parts)
        out, self._buffer = data[:want], data[want:]
        self._pos += len(out)
        return out

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._file.close()
        super().close()


def nquads_files(folder: Path) -> list[Path]:
    """The build's N-Quads dumps: those the manifest lists (every ``*.nq`` of the folder without one)."""
    manifest = folder / "manifest.json"
    if manifest.is_file():
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files", {})
        names = sorted(n for n, e in files.items() if e.get("media_type") == "application/n-quads")
    else:
        names = sorted(p.name for p in folder.glob("*.nq"))
    if not names:
        raise InputError(f"{folder} holds no N-Quads dump: run `peerkg build --out {folder}` first")
    return [folder / n for n in names]


def _graph_of(line: bytes, path: Path, number: int) -> bytes:
    """The graph IRI of an N-Quads line of a build dump (``S P O <G> .``)."""
    at = line.rfind(b" <")
    if not line.endswith(_END) or at < 0 or b" " in line[at + 2:-len(_END)] or line.count(b" ", 0, at) < 2:
        raise InputError(f"{path.name}:{number}: not a line of a peerkg build's N-Quads dump "
                         "(a triple in a named graph, `S P O <G> .`)")
    return line[at + 2:-len(_END)]


def _scan(path: Path, out: dict[str, GraphPayload]) -> None:
    """Add the graphs of one dump file to ``out`` (one pass; a line in memory at a time)."""
    iri, suffix, start, offset, count, size, digest = "", b"", 0, 0, 0, 0, hashlib.sha256()
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not (suffix and line.endswith(suffix)):
                if iri:
                    out[iri] = GraphPayload(iri, path, start, offset, count, size, digest.hexdigest())
                graph = _graph_of(line, path, number)
                iri = graph.decode("utf-8")
                if iri in out:
                    raise InputError(f"{path.name}:{number}: the lines of graph <{iri}> are not together "
                                     "(not a peerkg build dump)")
                suffix, start, count, size, digest = b" <" + graph + _END, offset, 0, 0, hashlib.sha256()
            body = line[:-len(suffix)] + b" .\n"
            digest.update(body)
            count, size, offset = count + 1, size + len(body), offset + len(line)
    if iri:
        out[iri] = GraphPayload(iri, path, start, offset, count, size, digest.hexdigest())


def build_graphs(folder: Path) -> dict[str, GraphPayload]:
    """Every named graph of the build folder (graph IRI → payload), in IRI order."""
    out: dict[str, GraphPayload] = {}
    for path in nquads_files(folder):
        _scan(path, out)
    return dict(sorted(out.items()))
