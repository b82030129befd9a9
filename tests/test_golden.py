"""Golden tests: the named graph of each seed page (and the links, annotations and evidence graphs) against a
reviewed Turtle file.

Compared with ``rdflib.compare.isomorphic``; on failure the message lists the triples only in the
expected file and only in the build, as sorted N-Triples. After a deliberate change, regenerate with

    PEERKG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from peerkg.resources import seed_pages

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PEERKG_UPDATE_GOLDEN") == "1"
SHOWN = 40


def _nt(graph: Graph) -> list[str]:
    return sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())


def readable_diff(expected: Graph, actual: Graph) -> str:
    _both, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"{len(only_expected)} triple(s) only in the golden file, {len(only_actual)} only in the build"]
    for title, graph in (("- expected, missing from the build:", only_expected),
                         ("+ in the build, not expected:", only_actual)):
        triples = _nt(graph)
        if triples:
            lines.append(title)
            lines += [f"    {t}" for t in triples[:SHOWN]]
            if len(triples) > SHOWN:
                lines.append(f"    … and {len(triples) - SHOWN} more")
    return "\n".join(lines)


def _cases(seed_build) -> dict[str, Graph]:
    cases: dict[str, Graph] = {}
    for outcome in seed_build.outcomes:
        assert outcome.graph is not None, outcome.error
        cases[Path(outcome.path).stem] = seed_build.dataset.graph(outcome.graph)
    cases["links"] = seed_build.dataset.graph(URIRef(seed_build.base.links_graph))
    cases["annotations"] = seed_build.dataset.graph(URIRef(seed_build.base.annotations_graph))
    cases["evidence"] = seed_build.dataset.graph(URIRef(seed_build.base.evidence_graph))
    return cases


CASES = [p.stem for p in seed_pages()] + ["links", "annotations", "evidence"]


@pytest.mark.parametrize("case", CASES)
def test_graph_matches_golden(seed_build, case):
    actual = Graph()
    for triple in _cases(seed_build)[case]:
        actual.add(triple)
    path = GOLDEN / f"{case}.ttl"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        from peerkg.rdf.serialise import turtle

        path.write_bytes(turtle(actual))
    assert path.exists(), f"no golden file {path}: run with PEERKG_UPDATE_GOLDEN=1 and review it"
    expected = Graph().parse(path, format="turtle")
    assert isomorphic(expected, actual), f"{case}: the build differs from {path.name}\n" + readable_diff(
        expected, actual)


def test_readable_diff_names_the_differing_triples():
    a = Graph().parse(data='<urn:x> <urn:p> "one" .', format="nt")
    b = Graph().parse(data='<urn:x> <urn:p> "two" .', format="nt")
    text = readable_diff(a, b)
    assert '"one"' in text.split("+ in the build")[0]
    assert '"two"' in text.split("+ in the build")[1]
