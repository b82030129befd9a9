"""Reading RDF files of any common format into a pyoxigraph store (named graphs kept)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from peerkg.errors import InputError

_EXTENSIONS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES, ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
}


def format_for(path: Path) -> ox.RdfFormat:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes or suffixes[-1] not in _EXTENSIONS:
        raise InputError("unknown RDF file type", source=str(path),
                         hint="use one of " + ", ".join(sorted(_EXTENSIONS)) + " (optionally .gz)")
    return _EXTENSIONS[suffixes[-1]]


def load_files(store: ox.Store, paths: Iterable[Path]) -> int:
    """Load every file into ``store``; return the number of quads added. Errors name the file and line."""
    before = len(store)
    for path in paths:
        fmt = format_for(path)
        if not path.is_file():
            raise InputError("no such file", source=str(path))
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
        load_bytes(store, data, fmt, source=str(path))
    return len(store) - before


def load_bytes(store: ox.Store, data: bytes, fmt: ox.RdfFormat, source: str = "<data>") -> None:
    try:
        store.load(data, format=fmt, base_iri=None if fmt.supports_datasets else None)
    except SyntaxError as exc:
        raise InputError(f"not valid {fmt.name}: {exc}", source=source,
                         hint="fix the file or give it the right extension") from exc
