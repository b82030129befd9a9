"""SHACL validation of peerkg data (asserted triples, no inference).

How the ontology is treated
---------------------------
pyshacl's ``ont_graph`` only "inoculates" RDFS/OWL axioms into the data graph: SKOS concepts and schemes
(``vocab:citation-type/supporting a skos:Concept``) are not copied, so ``sh:class skos:Concept`` on a
concept defined in ``ontology/schemes.ttl`` would fail. We therefore **merge the ontology files into the
(copied) data graph** before validating, when ``include_ontology`` is true (the default). This is what a
build's union graph looks like anyway (the build writes the same files into ``graph:ontology``), it needs
no inference, and it validates the shipped concept schemes with the same shapes as the data. It adds no
entailments: validation stays on asserted triples (``inference="none"``), as DESIGN §3 requires.

A :class:`rdflib.Dataset` (or any graph with named graphs) is validated as the union of all its graphs,
default graph included; the caller's data is never modified. So a TriG or N-Quads file (read by
:func:`load_rdf`) is validated as the union of its graphs, as its Turtle union dump would be.

The report states two verdicts apart (:mod:`peerkg.shacl_report`): SHACL's ``sh:conforms`` (no result of any
severity, what pyshacl and Jena say) and peerkg's own (no ``sh:Violation``; the exit code follows it).

How it is kept fast: see :mod:`peerkg.shacl_view` and :mod:`peerkg.shacl_sparql` (SPARQL constraints run
once each over all focus nodes, by pyoxigraph); ``bench/bench_validate.py`` measures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import rdflib
from pyshacl import validate as _pyshacl_validate
from rdflib import Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from peerkg import resources, shacl_sparql
from peerkg.errors import InputError
from peerkg.safe_rdf import FORMAT_NAMES, UnsafeInput, check_untrusted, describe_syntax_error
from peerkg.shacl_report import (
    ValidationReport,
    ValidationResult,
    read_results,
    report_as_json,
    report_as_text,
    state_verdicts,
)
from peerkg.shacl_view import ValidationGraph, batched_shapes

__all__ = [
    "RDF_FORMATS",
    "ValidationReport",
    "ValidationResult",
    "load_data",
    "load_ontology",
    "load_rdf",
    "load_shapes",
    "report_as_json",
    "report_as_text",
    "validate",
]

#: File extension -> rdflib parser name. ``.json`` is read as JSON-LD; ``.xml``/``.owl`` as RDF/XML.
RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

# --------------------------------------------------------------------------------------------------
# reading RDF
# --------------------------------------------------------------------------------------------------


def _format_for(path: Path) -> str:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(RDF_FORMATS))
        raise InputError(f"cannot tell the RDF format from the extension {path.suffix or '(none)'!r}",
                         source=str(path), hint=f"use one of: {known}")
    return fmt


def line_of(exc: BaseException) -> int | None:
    """The line number a parser error reports, if any (rdflib/XML/JSON parsers spell it differently)."""
    if isinstance(exc, BadSyntax):
        # rdflib's Turtle/TriG/N3 parser: its ``lines`` counter runs ahead over skipped whitespace, so count
        # the newlines before the offset where it stopped instead.
        text, offset = getattr(exc, "_str", None), getattr(exc, "_i", None)
        if isinstance(text, bytes) and isinstance(offset, int):
            return text.count(b"\n", 0, offset) + 1
        return int(exc.lines) + 1
    for attr in ("lineno", "line", "_line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int) and value > 0:
            return value
    getline = getattr(exc, "getLineNumber", None)  # xml.sax.SAXParseException
    if callable(getline):
        try:
            value = getline()
            if isinstance(value, int) and value > 0:
                return value
        except Exception:  # noqa: BLE001 - best effort only
            return None
    m = re.search(r"line[: ]+(\d+)", str(exc), flags=re.IGNORECASE)
    return int(m.group(1)) if m else None


def load_rdf(paths: Path | str | Iterable[Path | str], *, into: rdflib.Dataset | None = None,
             graph_per_file: bool = False) -> rdflib.Dataset:
    """Read RDF files (format by extension) into one :class:`rdflib.Dataset`.

    Quads formats (TriG, N-Quads) keep their named graphs. Triples formats go into the default graph, or,
    with ``graph_per_file``, into a named graph per file (named by the file's URI).
    Raises :class:`InputError` naming the file (and, for syntax errors, the line) on any problem.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    ds = into if into is not None else rdflib.Dataset()
    for p in paths:
        path = Path(p)
        fmt = _format_for(path)
        if not path.exists():
            raise InputError("file not found", source=str(path), hint="check the path")
        if not path.is_file():
            raise InputError("not a file", source=str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror or exc}", source=str(path)) from exc
        if not data.strip():
            raise InputError("the file is empty", source=str(path), hint="expected RDF in " + fmt)
        try:
            check_untrusted(data, fmt)
        except UnsafeInput as exc:
            raise InputError(str(exc), source=str(path), hint="nothing was fetched or expanded") from None
        try:
            if fmt in ("trig", "nquads") or not graph_per_file:
                ds.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
            else:
                target = ds.graph(URIRef(path.resolve().as_uri()))
                target.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
        except UnicodeDecodeError as exc:
            raise InputError("the file is not UTF-8 text", source=str(path),
                             hint=f"byte {exc.start} cannot be decoded") from exc
        except Exception as exc:  # noqa: BLE001 - every parser raises its own type
            problem = describe_syntax_error(data, fmt, exc)
            line = problem.line
            if line is None and fmt in ("nt", "nquads"):
                line = _first_bad_line(data, fmt)
            where = f"column {problem.column}: " if problem.column is not None and line is not None else ""
            raise InputError(f"not valid {FORMAT_NAMES.get(fmt, fmt)}: {where}{problem.what}", source=str(path),
                             line=line, hint="fix the syntax at that place") from exc
    return ds


def load_data(paths: Path | str | Iterable[Path | str]) -> rdflib.Dataset:
    """Read the user's RDF files into one Dataset (see :func:`load_rdf`); the CLI's entry point."""
    return load_rdf(paths)


def _first_bad_line(data: bytes, fmt: str) -> int | None:
    """N-Triples/N-Quads errors carry no line number: find the first line that does not parse alone."""
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            rdflib.Dataset().parse(data=raw + "\n", format=fmt)
        except Exception:  # noqa: BLE001
            return number
    return None


def detail_of(exc: BaseException) -> str:
    """What the parser says is wrong, in one line, without rdflib's byte-string excerpt."""
    if isinstance(exc, BadSyntax):
        return f"{exc._why}"
    text = str(exc).strip()
    lines = text.splitlines()
    return lines[0] if lines else type(exc).__name__


def _parse_one(path: Path) -> Graph:
    g = Graph()
    try:
        g.parse(path, format=_format_for(path))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"cannot parse: {detail_of(exc)}", source=str(path), line=line_of(exc)) from exc
    return g


def load_shapes(paths: Sequence[Path | str] | None = None) -> Graph:
    """The shapes graph: the given files, or every shapes file peerkg ships."""
    chosen = [Path(p) for p in paths] if paths is not None else resources.shapes_files()
    if not chosen:
        raise InputError("no shapes files found", source=str(resources.folder("shapes")))
    g = Graph()
    for p in chosen:
        g += _parse_one(p)
    return g


def load_ontology() -> Graph:
    """The ontology graph: psmh.ttl, the concept schemes and the thesaurus (every shipped ontology file)."""
    g = Graph()
    for triple in _ontology_triples():
        g.add(triple)
    return g


def _ontology_triples() -> frozenset:
    """The triples of every shipped ontology file, parsed once per process and again when a file changes."""
    files = resources.ontology_files()
    return _parsed_ontology(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@lru_cache(maxsize=4)
def _parsed_ontology(key: tuple[tuple[str, int, int], ...]) -> frozenset:
    g = Graph()
    for path, _mtime, _size in key:
        g += _parse_one(Path(path))
    return frozenset(g)


# --------------------------------------------------------------------------------------------------
# validating
# --------------------------------------------------------------------------------------------------


def validate(data: Graph | rdflib.Dataset, shapes: Graph | None = None, *,
             include_ontology: bool = True) -> ValidationReport:
    """Validate ``data`` (asserted triples, union of all graphs) against the peerkg shapes.

    ``shapes`` defaults to :func:`load_shapes`. With ``include_ontology`` (default) the shipped ontology and
    concept schemes are merged into a copy of the data first (see the module docstring). The report states
    SHACL's ``sh:conforms`` (no result at all) and peerkg's verdict (no sh:Violation) apart: see
    :mod:`peerkg.shacl_report`.
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    data_graph = ValidationGraph(data, _ontology_triples() if include_ontology else ())
    rest, batched = shacl_sparql.split(batched_shapes(shapes_graph))
    conforms, report_graph, _text_report = _pyshacl_validate(
        data_graph,
        shacl_graph=rest,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        inplace=True,  # a read-only view: without inference or rules pyshacl does not write to it
    )
    if not isinstance(report_graph, Graph):  # pyshacl returns a ValidationFailure for unusable shapes
        raise InputError(f"the shapes cannot be used: {report_graph}", source="shapes",
                         hint="check the shapes file with pyshacl")
    if batched:  # the SPARQL constraints pyshacl was not given: one query each, by pyoxigraph
        store = shacl_sparql.store_of(data_graph.triples((None, None, None)))
        shacl_sparql.add_results(report_graph, shacl_sparql.run(store, batched))
    results = read_results(report_graph)
    state_verdicts(report_graph, results)
    violations = sum(1 for r in results if r.severity == "Violation")
    warnings = sum(1 for r in results if r.severity == "Warning")
    return ValidationReport(violations=violations, warnings=warnings, results=results, graph=report_graph)
