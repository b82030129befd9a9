"""SPARQL constraints run by pyoxigraph over all focus nodes give exactly pyshacl's per-focus-node results."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

from peerkg import shacl_sparql
from peerkg.validation import load_shapes, validate

CASES = sorted((Path(__file__).parent / "shapes").glob("*.ttl"))


def _by_pyshacl_alone(monkeypatch: pytest.MonkeyPatch, data: Graph):
    with monkeypatch.context() as m:
        m.setattr(shacl_sparql, "split", lambda shapes: (shapes, []))
        return validate(data)


def test_every_shipped_sparql_constraint_runs_in_pyoxigraph() -> None:
    shapes = load_shapes()
    rest, batched = shacl_sparql.split(shapes)
    assert len(batched) == len(set(shapes.objects(None, SH.sparql))) == 8
    assert not set(rest.objects(None, SH.sparql))
    assert all(str(b.constraint).startswith("https://w3id.org/psmh/shapes#") for b in batched)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_same_results_as_pyshacl(monkeypatch: pytest.MonkeyPatch, case: Path) -> None:
    data = Graph().parse(case, format="turtle")
    ours = validate(data)
    reference = _by_pyshacl_alone(monkeypatch, data)
    assert ours.results == reference.results
    assert (ours.conforms, ours.violations, ours.warnings) == (reference.conforms, reference.violations,
                                                              reference.warnings)
    report = ours.graph.value(None, RDF.type, SH.ValidationReport)
    assert ours.graph.value(report, SH.conforms).toPython() is ours.conforms


def test_the_sparql_cases_do_find_sparql_results() -> None:
    found = {r.check.rsplit("#", 1)[-1] for case in CASES if "invalid" in case.name
             for r in validate(Graph().parse(case, format="turtle")).results
             if r.component and r.component.endswith("SPARQLConstraintComponent")}
    assert {"Work-authorPositionGap", "Work-authorPositionDuplicate", "Work-referencesWithinCount",
            "Journal-issnCheckDigit"} <= found
