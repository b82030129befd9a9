"""Shared fixtures: one build of the bundled seeds per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_build():
    """The full build (validated, inferred) of the four bundled seed pages."""
    from peerkg.pipeline import build_dataset

    return build_dataset()


@pytest.fixture(scope="session")
def seed_union(seed_build):
    """The union graph of the seed build, as rdflib reads it back from the Turtle dump."""
    from rdflib import Graph

    return Graph().parse(data=seed_build.ttl, format="turtle")
