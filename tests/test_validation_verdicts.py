"""Validation says what other validators say: SHACL's ``sh:conforms`` (false on any result) and peerkg's own
verdict (no violations) stated apart, in the API, the CLI, the build report and ``POST /validate``; TriG and
N-Quads inputs are validated as the union of their graphs. (Jena's ``shacl`` on the same files:
tests/engines/test_shacl_engines.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from conftest_web import Server, running_server
from peerkg import report as build_reporting
from peerkg.shacl_report import read_results
from peerkg.validation import load_shapes, report_as_json, report_as_text, validate

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "shapes"
NO_VIOLATIONS = URIRef("https://w3id.org/psmh/ontology#noViolations")
ID = "https://w3id.org/psmh/id/"
DUMPS = ("peerkg.ttl", "peerkg.nt", "peerkg.trig", "peerkg.nq")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peerkg", *args], capture_output=True, text=True, timeout=300)


def verdicts_in(graph: Graph) -> tuple[bool, bool]:
    node = graph.value(None, RDF.type, SH.ValidationReport)
    return graph.value(node, SH.conforms).toPython(), graph.value(node, NO_VIOLATIONS).toPython()


# -- the report itself ------------------------------------------------------------------------------


def test_warnings_only_do_not_conform_in_shacl_terms_but_pass_peerkgs_verdict() -> None:
    report = validate(Graph().parse(EXAMPLES / "work-reference-count.invalid.ttl"))
    assert (report.violations, report.warnings, report.infos) == (0, 1, 0)
    assert report.conforms is False and report.no_violations is True
    assert verdicts_in(report.graph) == (False, True)
    assert report_as_text(report).splitlines()[-2:] == [
        "SHACL sh:conforms false: 1 result: 0 violations, 1 warning, 0 infos.",
        "peerkg verdict: no violations (warnings and infos are allowed)."]
    doc = report_as_json(report)
    assert {k: doc[k] for k in ("conforms", "noViolations", "violations", "warnings", "infos")} == {
        "conforms": False, "noViolations": True, "violations": 0, "warnings": 1, "infos": 0}


def test_no_result_conforms_in_both_senses() -> None:
    report = validate(Graph().parse(EXAMPLES / "person.valid.ttl"))
    assert report.results == () and report.conforms and report.no_violations
    assert verdicts_in(report.graph) == (True, True)
    assert report_as_text(report).splitlines()[-2:] == [
        "SHACL sh:conforms true: no results.", "peerkg verdict: no violations (warnings and infos are allowed)."]


# -- the seed build: peerkg, the CLI and plain pyshacl agree -----------------------------------------


@pytest.fixture(scope="module")
def dumps(seed_build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dump files of the seed build, as ``peerkg build`` writes them."""
    out = tmp_path_factory.mktemp("dumps")
    for name in DUMPS:
        (out / name).write_bytes(seed_build.dumps.files[name])
    return out


def test_the_seed_build_has_warnings_only(seed_build) -> None:
    report = seed_build.validation
    assert (report.violations, report.warnings, report.infos) == (0, 12, 0)
    assert report.conforms is False and report.no_violations is True
    checks = Counter(r.check.rsplit("#", 1)[1] for r in report.results)
    assert checks == {"Work-title-present": 9, "Work-issued-present": 3}  # listing hits, reference containers
    summary = build_reporting.build_report(seed_build)["validation"]
    assert summary == {"conforms": False, "noViolations": True, "violations": 0, "warnings": 12, "infos": 0}
    text = build_reporting.as_text(build_reporting.build_report(seed_build))
    assert ("validation: SHACL sh:conforms false (0 violations, 12 warnings, 0 infos); "
            "peerkg verdict: no violations") in text


def test_plain_pyshacl_on_the_union_dump_says_what_peerkg_says(seed_build, dumps: Path) -> None:
    """pyshacl with its defaults (no allow_warnings, no inference), on the Turtle union dump."""
    conforms, graph, _text = pyshacl_validate(Graph().parse(dumps / "peerkg.ttl"), shacl_graph=load_shapes())
    assert conforms is False is seed_build.validation.conforms
    assert graph.value(graph.value(None, RDF.type, SH.ValidationReport), SH.conforms) == Literal(False)
    assert read_results(graph) == seed_build.validation.results


@pytest.mark.parametrize("name", DUMPS)
def test_peerkg_validate_gives_the_same_report_for_every_dump(seed_build, dumps: Path, name: str) -> None:
    """TriG and N-Quads are validated as the union of their graphs: the same results as the union dump."""
    done = run("validate", str(dumps / name), "--format", "json")
    assert done.returncode == 0, done.stderr  # peerkg's verdict decides the exit code: no violations
    doc = json.loads(done.stdout)
    warnings = seed_build.validation.warnings
    assert (doc["conforms"], doc["noViolations"], doc["violations"], doc["warnings"]) == (False, True, 0, warnings)
    assert doc["results"] == [r.as_dict() for r in seed_build.validation.results]


def test_the_text_report_ends_with_both_verdicts(seed_build, dumps: Path) -> None:
    done = run("validate", str(dumps / "peerkg.nq"))
    assert done.returncode == 0
    warnings = seed_build.validation.warnings
    assert done.stdout.splitlines()[-2:] == [
        f"SHACL sh:conforms false: {warnings} results: 0 violations, {warnings} warnings, 0 infos.",
        "peerkg verdict: no violations (warnings and infos are allowed)."]


def test_the_turtle_report_states_both_verdicts(dumps: Path) -> None:
    done = run("validate", str(dumps / "peerkg.trig"), "--format", "turtle")
    assert done.returncode == 0, done.stderr
    assert verdicts_in(Graph().parse(data=done.stdout, format="turtle")) == (False, True)


# -- POST /validate ---------------------------------------------------------------------------------

NAMELESS_IN_A_GRAPH = f"""@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<{ID}person/a-b> a foaf:Person ; foaf:name "B A" ; foaf:givenName "B" ; foaf:familyName "A" .
<https://w3id.org/psmh/graph/links> {{ <{ID}person/nameless> a foaf:Person . }}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    with running_server(tmp_path_factory.mktemp("validate")) as srv:
        yield srv


def _post(server: Server, body: bytes, ctype: str, accept: str):
    resp = server.post("/validate", data=body, headers={"Content-Type": ctype, "Accept": accept})
    assert resp.status_code == 200, resp.text
    return resp


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_a_quads_body_is_validated_as_the_union_of_its_graphs(server: Server, fmt: str) -> None:
    ds = Dataset()
    ds.parse(data=NAMELESS_IN_A_GRAPH, format="trig")
    ctype = {"trig": "application/trig", "nquads": "application/n-quads"}[fmt]
    resp = _post(server, ds.serialize(format=fmt, encoding="utf-8"), ctype, "text/turtle")
    assert (resp.headers["X-SHACL-Conforms"], resp.headers["X-PeerKG-No-Violations"]) == ("false", "false")
    report = Graph().parse(data=resp.text, format="turtle")
    assert verdicts_in(report) == (False, False)
    focus = {str(r.focus_node) for r in read_results(report)}
    assert focus == {f"{ID}person/nameless"}  # the node only the named graph holds
    html = _post(server, ds.serialize(format=fmt, encoding="utf-8"), ctype, "text/html").text
    assert "5 triples checked" in html  # 4 in the default graph, 1 in the named graph


def test_warnings_only_over_http_state_both_verdicts(server: Server) -> None:
    body = (EXAMPLES / "work-reference-count.invalid.ttl").read_bytes()
    resp = _post(server, body, "text/turtle", "application/ld+json")
    assert (resp.headers["X-SHACL-Conforms"], resp.headers["X-PeerKG-No-Violations"]) == ("false", "true")
    assert verdicts_in(Graph().parse(data=resp.text, format="json-ld")) == (False, True)
    html = _post(server, body, "text/turtle", "text/html").text
    assert "Does not conform" in html and "no violations" in html and "1 warning(s)" in html
