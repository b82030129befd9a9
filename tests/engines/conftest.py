"""Fixtures of the cross-engine tests: the seed build as ``peerkg build`` writes it, and the external
engines (Apache Jena, Virtuoso, Oxigraph server) as real processes on loopback, each skipped with the
reason when its package is not installed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jena_tools
import oxigraph_server
import pytest
import virtuoso_server


@pytest.fixture(scope="session")
def seed_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``peerkg build --out DIR`` of the bundled seed pages (the files a user would load elsewhere)."""
    out = tmp_path_factory.mktemp("seed-build")
    done = subprocess.run([sys.executable, "-m", "peerkg", "build", "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def jena(tmp_path_factory: pytest.TempPathFactory) -> jena_tools.Jena:
    if jena_tools.MISSING:
        pytest.skip(jena_tools.MISSING)
    return jena_tools.Jena(tmp_path_factory.mktemp("jena"))


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso_server.Virtuoso]:
    """One Virtuoso for the session (each test module loads what it needs, after ``clear()``)."""
    if virtuoso_server.MISSING:
        pytest.skip(virtuoso_server.MISSING)
    with virtuoso_server.running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[oxigraph_server.OxigraphServer]:
    """A fresh, empty Oxigraph server per test."""
    if oxigraph_server.MISSING:
        pytest.skip(oxigraph_server.MISSING)
    with oxigraph_server.running_oxigraph(tmp_path) as server:
        yield server
