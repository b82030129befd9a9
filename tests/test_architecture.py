"""The stages' import rules, read from the code: resolution never touches RDF, only rdf/ builds IRIs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "peerkg"
# the stages before mapping: they work on records and keys and know nothing of RDF
BEFORE_MAPPING = ("model", "inputs.py", "sources", "normalise", "references", "resolve")
RDF_LIBRARIES = ("rdflib", "pyoxigraph", "owlrl", "pyshacl", "peerkg.rdf")


def _modules(*places: str) -> list[Path]:
    found: list[Path] = []
    for place in places:
        path = PACKAGE / place
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", _modules("resolve"), ids=_name)
def test_resolution_imports_only_records_keys_and_itself(path):
    imported = {n for n in _imports(path) if n.startswith("peerkg")}
    # peerkg.collector: how the stage runs (the cyclic collector paused), not what it reads
    allowed = ("peerkg.model", "peerkg.normalise", "peerkg.resolve", "peerkg.collector")
    assert {n for n in imported if not n.startswith(allowed)} == set()
    assert not any(n == lib or n.startswith(lib + ".") for n in _imports(path) for lib in RDF_LIBRARIES)


@pytest.mark.parametrize("path", _modules(*BEFORE_MAPPING), ids=_name)
def test_stages_before_mapping_know_no_rdf(path):
    offending = sorted(n for n in _imports(path) for lib in RDF_LIBRARIES if n == lib or n.startswith(lib + "."))
    assert offending == []
    assert "w3id.org" not in path.read_text(encoding="utf-8")


def _builds_iri(node: ast.AST) -> bool:
    """``URIRef(<f-string or concatenation>)``, or an f-string / ``+`` joining an IRI path of the scheme."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "URIRef":
        return bool(node.args) and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        pieces = [c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        return any(p.lstrip("/").startswith(("id/", "graph/source", "vocab/")) for p in pieces)
    return False


# the service answers for IRIs it is asked about and names its own endpoints: it reads the scheme, and
# builds no node of the knowledge graph
SERVICE = ("web", "store", "cli")


def test_only_rdf_builds_iris():
    """Outside ``peerkg.rdf`` no code of the build spells an IRI of the scheme: keys become IRIs in
    rdf/iri.py only."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "rdf") or any(path.is_relative_to(PACKAGE / s) for s in SERVICE):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _builds_iri(node):
                found.append(f"{_name(path)}:{node.lineno}")
    assert found == []


def test_the_checks_see_what_they_look_for():
    assert _builds_iri(ast.parse('URIRef(base + "x")').body[0].value)
    assert _builds_iri(ast.parse('f"{base}id/work/{key}"').body[0].value)
    assert not _builds_iri(ast.parse('URIRef(name)').body[0].value)
    assert "peerkg.rdf.iri" in _imports(PACKAGE / "rdf" / "mapping" / "page.py")
