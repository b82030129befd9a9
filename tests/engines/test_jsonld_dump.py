"""Jena reads the JSON-LD dump of a build as the same quads as its N-Quads dump (``riot --syntax=jsonld10``:
Debian's Jena has no working JSON-LD 1.1 reader, see jena_tools)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from jena_tools import Jena


def _canonical(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def test_jena_reads_the_jsonld_dump_as_the_nquads_dump(jena: Jena, seed_build_dir: Path) -> None:
    done = jena.run("riotcmd.riot", "--syntax=jsonld10", "--output=nq", str(seed_build_dir / "peerkg.jsonld"))
    read = _canonical(ox.parse(done.stdout.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    expected = _canonical(ox.parse(path=seed_build_dir / "peerkg.nq", format=ox.RdfFormat.N_QUADS))
    assert len(read) == len(expected) > 4000
    assert read == expected
