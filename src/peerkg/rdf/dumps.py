"""The dump files of a build and their manifest, written by pyoxigraph, byte for byte the same every run.

A build hands over its graphs as *parts*: graph IRI → that graph's triples as sorted, duplicate-free
N-Triples lines. From them:

======================  =================================================================================
file                    holds
======================  =================================================================================
``peerkg.nq``           every named graph but the evidence graph; graphs in IRI order, lines sorted
``peerkg.trig``         the same quads as TriG (pyoxigraph, the prefixes of :data:`serialise.BINDINGS`)
``peerkg.nt``           their union: each distinct triple once (a set), lines sorted byte-wise
``peerkg.ttl``          the same triples as Turtle
``peerkg.jsonld``       the quads of ``peerkg.nq`` as JSON-LD, with peerkg's published context inline
                        (:mod:`peerkg.rdf.jsonld`)
``peerkg-evidence.nq``  the evidence graph (``…/graph/evidence``: every concept hit), only that graph
``peerkg-evidence.trig`` the same as TriG
``manifest.json``       for each file above: media type, bytes, SHA-256, quads or triples, graphs; the
                        triples of each named graph; the distinct triples of the union
======================  =================================================================================

A default graph's own triples (``parts[DEFAULT_GRAPH]``: never in a build; a service dumping a store loaded
from a Turtle file) come first in the N-Quads, without a graph term. The evidence dumps exist only when the
build has an evidence graph. The manifest's format is described in
the README ("The build folder").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from peerkg.rdf.jsonld import jsonld_dump
from peerkg.rdf.serialise import BINDINGS

__all__ = ["DEFAULT_GRAPH", "DUMPS", "EVIDENCE_DUMPS", "MANIFEST", "MANIFEST_VERSION", "Dumps", "make_dumps"]

DUMPS = ("peerkg.trig", "peerkg.nq", "peerkg.ttl", "peerkg.nt", "peerkg.jsonld")
EVIDENCE_DUMPS = ("peerkg-evidence.trig", "peerkg-evidence.nq")
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
DEFAULT_GRAPH = ""  # the key of the default graph's own triples in ``parts`` (a build has none)
MEDIA_TYPES = {".trig": "application/trig", ".nq": "application/n-quads", ".ttl": "text/turtle",
               ".nt": "application/n-triples", ".jsonld": "application/ld+json"}
_PREFIXES = {p: str(ns) for p, ns in BINDINGS.items()}


@dataclass(frozen=True)
class Dumps:
    """The dump files of a build (name → bytes) and its manifest."""

    files: dict[str, bytes]
    manifest: dict[str, Any]

    def manifest_bytes(self) -> bytes:
        return (json.dumps(self.manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _quad_lines(graph: str, lines: Sequence[bytes]) -> list[bytes]:
    """N-Triples lines (``"s p o .\\n"``) as the N-Quads lines of ``graph`` (the default graph: as they are)."""
    if graph == DEFAULT_GRAPH:
        return list(lines)
    name = b"<" + graph.encode("utf-8") + b"> .\n"
    return [line[:-2] + name for line in lines]


def _serialise(data: bytes, source: ox.RdfFormat, target: ox.RdfFormat) -> bytes:
    return ox.serialize(ox.parse(data, format=source), format=target, prefixes=_PREFIXES) or b""


def _entry(name: str, data: bytes, count: int, graphs: int | None = None) -> dict[str, Any]:
    """A file's manifest entry: ``quads`` and ``graphs`` for TriG/N-Quads/JSON-LD, ``triples`` for
    Turtle/N-Triples."""
    suffix = name[name.rindex("."):]
    entry: dict[str, Any] = {"media_type": MEDIA_TYPES[suffix], "bytes": len(data),
                             "sha256": hashlib.sha256(data).hexdigest()}
    if graphs is None:
        entry["triples"] = count
    else:
        entry.update(quads=count, graphs=graphs)
    return entry


def make_dumps(parts: Mapping[str, Sequence[bytes]], evidence_graph: str, base: str) -> Dumps:
    """Every dump file of a build and its manifest, from ``parts`` (graph IRI → sorted unique N-Triples
    lines)."""
    graphs = sorted(g for g, lines in parts.items() if lines)
    default = [g for g in graphs if g != evidence_graph]
    nq = b"".join(b"".join(_quad_lines(g, parts[g])) for g in default)
    distinct = {line for g in default for line in parts[g]}
    union = sorted(distinct)
    nt = b"".join(union)
    files = {"peerkg.nq": nq, "peerkg.trig": _serialise(nq, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG),
             "peerkg.nt": nt, "peerkg.ttl": _serialise(nt, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE)}
    files["peerkg.jsonld"] = jsonld_dump(parts, default, DEFAULT_GRAPH)
    quads = sum(len(parts[g]) for g in default)
    named = len([g for g in default if g != DEFAULT_GRAPH])
    entries = {"peerkg.nq": _entry("peerkg.nq", nq, quads, named),
               "peerkg.trig": _entry("peerkg.trig", files["peerkg.trig"], quads, named),
               "peerkg.nt": _entry("peerkg.nt", nt, len(union)),
               "peerkg.ttl": _entry("peerkg.ttl", files["peerkg.ttl"], len(union)),
               "peerkg.jsonld": _entry("peerkg.jsonld", files["peerkg.jsonld"], quads, named)}
    if evidence_graph in graphs:
        evidence = parts[evidence_graph]
        files["peerkg-evidence.nq"] = b"".join(_quad_lines(evidence_graph, evidence))
        files["peerkg-evidence.trig"] = _serialise(files["peerkg-evidence.nq"], ox.RdfFormat.N_QUADS,
                                                   ox.RdfFormat.TRIG)
        for name in EVIDENCE_DUMPS:
            entries[name] = _entry(name, files[name], len(evidence), 1)
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "base": base,
        "evidence_graph": evidence_graph,
        "files": entries,
        "graphs": {g: len(parts[g]) for g in graphs if g != DEFAULT_GRAPH},
        "union_triples": len(union),
        "union_triples_with_evidence": len(union) + len(set(parts.get(evidence_graph, ())) - distinct),
    }
    return Dumps(files=files, manifest=manifest)
