"""Validation says what Jena says: ``sh:conforms`` and the results of ``peerkg validate`` equal those of Apache
Jena's ``shacl validate`` (Debian's libapache-jena-java) on the seed build as ``peerkg build`` writes it, and on
every invalid shapes example at once; and Jena on the TriG dump checks only its (empty) default graph, which is
why the docs tell Jena users to validate the union dump ``peerkg.ttl``."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

from peerkg import resources
from peerkg.shacl_report import ValidationResult, read_results
from peerkg.validation import load_ontology

EXAMPLES = Path(__file__).resolve().parents[1] / "shapes"


@cache
def shapes_file() -> Path:
    files = resources.shapes_files()
    assert len(files) == 1, files
    return files[0]


def comparable(results: tuple[ValidationResult, ...] | list[ValidationResult]) -> list[tuple]:
    """What SHACL fixes about a result. Left out: sh:sourceConstraint (optional; Jena omits it) and the
    message text, where Jena substitutes an IRI in ``{?value}`` as ``<iri>`` and pyshacl as ``iri``."""
    return sorted(tuple(x or "" for x in (r.focus_node, r.path, r.value, r.severity, r.shape, r.component))
                  for r in results)


def jena_report(jena, data: Path) -> Graph:
    return Graph().parse(data=jena.shacl_validate(data, shapes_file()), format="turtle")


def conforms_of(report: Graph) -> bool:
    return report.value(report.value(None, RDF.type, SH.ValidationReport), SH.conforms).toPython()


def peerkg_validate(data: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "peerkg", "validate", str(data), "--format", "json"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def results_of(doc: dict) -> list[ValidationResult]:
    return [ValidationResult(focus_node=r["focusNode"], path=r["path"], value=r["value"], severity=r["severity"],
                             message=r["message"], shape=r["shape"], constraint=r["constraint"],
                             component=r["component"]) for r in doc["results"]]


def test_jena_on_the_union_dump_says_what_peerkg_says(jena, seed_build_dir: Path) -> None:
    theirs = jena_report(jena, seed_build_dir / "peerkg.ttl")
    ours = peerkg_validate(seed_build_dir / "peerkg.trig")  # peerkg validates the TriG's union of graphs
    assert conforms_of(theirs) is ours["conforms"] is False  # warnings only: SHACL says "does not conform"
    assert ours["noViolations"] is True and ours["violations"] == 0 and ours["warnings"] > 0
    assert comparable(read_results(theirs)) == comparable(results_of(ours))
    assert len(read_results(theirs)) == ours["warnings"]


def test_jena_on_the_trig_dump_sees_only_its_empty_default_graph(jena, seed_build_dir: Path) -> None:
    """The pitfall the docs warn about: ``shacl validate --data peerkg.trig`` says "conforms"."""
    theirs = jena_report(jena, seed_build_dir / "peerkg.trig")
    assert conforms_of(theirs) is True and read_results(theirs) == ()
    assert peerkg_validate(seed_build_dir / "peerkg.trig")["conforms"] is False


def test_jena_gives_the_same_results_on_every_invalid_example(jena, tmp_path: Path) -> None:
    """All invalid examples in one file with the ontology (peerkg merges it into the data; Jena is given it),
    one Jena run: violations and warnings of every kind, SPARQL constraints included."""
    data = Graph()
    for path in sorted(EXAMPLES.glob("*.invalid.ttl")):
        data.parse(path)
    data += load_ontology()
    file = tmp_path / "invalid.ttl"
    data.serialize(file, format="turtle")
    theirs, ours = jena_report(jena, file), peerkg_validate(file)
    assert conforms_of(theirs) is ours["conforms"] is False
    assert comparable(read_results(theirs)) == comparable(results_of(ours))
    severities = {r.severity for r in results_of(ours)}
    assert severities == {"Violation", "Warning"} and ours["noViolations"] is False
    sparql = [r for r in results_of(ours) if r.component and r.component.endswith("SPARQLConstraintComponent")]
    assert len(sparql) >= 8  # the SPARQL-based checks are compared too
    assert len(results_of(ours)) == len(read_results(theirs)) > 100

