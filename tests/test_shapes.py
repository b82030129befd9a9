"""The SHACL shapes (shapes/peerkg.ttl) and peerkg.validation.

Every targeted shape has a conforming and a non-conforming example in tests/shapes/
(``{stem}.valid.ttl`` / ``{stem}.invalid.ttl``); the non-conforming one must produce exactly the results
listed in EXPECTED: focus node, severity and the check (property shape or SPARQL constraint) that fires.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, XSD

from peerkg import resources
from peerkg.errors import InputError
from peerkg.validation import (
    ValidationReport,
    load_ontology,
    load_rdf,
    load_shapes,
    report_as_json,
    report_as_text,
    validate,
)
from vocabularies import OA, OA_TERMS, SCHEMA_HTTP, SPAR, _in_closed, pinned_terms, term_exists

HERE = Path(__file__).parent
EXAMPLES = HERE / "shapes"
SHAPES_NS = "https://w3id.org/psmh/shapes#"
ID = "https://w3id.org/psmh/id/"
VOCAB = "https://w3id.org/psmh/vocab/"
PSMH = "https://w3id.org/psmh/ontology#"

# rdflib logs a traceback for deliberately ill-formed literals ("2019-13-45"^^xsd:date) in the examples.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)

V, W = "Violation", "Warning"

#: stem -> {(focus node relative to id:, or absolute, severity, check local name)}
EXPECTED: dict[str, set[tuple[str, str, str]]] = {
    "work": {
        ("work/h/000000000000000a", V, "Work-title"),
        ("work/h/000000000000000a", V, "Work-issued"),
        ("work/h/000000000000000a", V, "Work-doi"),
        ("work/h/000000000000000a", V, "Work-fabioType"),
        ("work/h/000000000000000a", V, "Work-authorPositionGap"),
        ("work/h/000000000000000b", V, "Work-authorPositionDuplicate"),
        ("work/h/000000000000000b", V, "Work-subject"),
        ("work/h/000000000000000b", V, "Work-placeOfPublication"),
        ("work/h/000000000000000b", W, "Work-title-present"),
        ("work/h/000000000000000b", W, "Work-issued-present"),
    },
    "book": {
        ("work/h/00000000000000cc/container", V, "Book-fabioType"),
        ("work/h/00000000000000dd/container", V, "Book-workType"),
    },
    "newspaper": {
        ("work/h/00000000000000ee/container", V, "Newspaper-biboType"),
        ("work/h/00000000000000ff/container", V, "Newspaper-fabioType"),
        ("work/h/00000000000000ff/container", V, "Newspaper-workType"),
    },
    "website": {
        ("work/h/0000000000000011/container", V, "Website-workType"),
    },
    "location": {
        ("place/000000000001", V, "Location-label"),
        ("place/000000000002", V, "Location-label"),
    },
    "annotation": {
        ("work/h/00000000000000aa/annotation/0000000000000001", V, "Annotation-body"),
        ("work/h/00000000000000aa/annotation/0000000000000001", V, "Annotation-motivation"),
        ("work/h/00000000000000aa/annotation/0000000000000001", V, "Annotation-hitCount"),
        ("work/h/00000000000000aa/annotation/0000000000000001", V, "Annotation-strongestHit"),
        ("work/h/00000000000000aa/annotation/0000000000000001", V, "Annotation-hit"),
        ("work/h/00000000000000aa/annotation/0000000000000002", V, "Annotation-target"),
        ("work/h/00000000000000aa/annotation/0000000000000002", V, "Annotation-strongestHit"),
        ("work/h/00000000000000aa/annotation/0000000000000002", V, "Annotation-rule"),
        ("work/h/00000000000000aa/annotation/0000000000000002", V, "Annotation-hitCount"),
    },
    "specific-resource": {
        ("work/h/00000000000000aa/annotation/0000000000000001/target", V, "SpecificResource-source"),
        ("work/h/00000000000000aa/annotation/0000000000000001/target", V, "SpecificResource-position"),
        ("work/h/00000000000000aa/annotation/0000000000000001/target", V, "SpecificResource-score"),
        ("work/h/00000000000000aa/annotation/0000000000000002/target", V, "SpecificResource-source"),
        ("work/h/00000000000000aa/annotation/0000000000000002/target", V, "SpecificResource-selectors"),
        ("work/h/00000000000000aa/annotation/0000000000000002/target", V, "SpecificResource-field"),
        ("work/h/00000000000000aa/annotation/0000000000000002/target", V, "SpecificResource-derivedFrom"),
    },
    "text-quote-selector": {
        ("work/h/00000000000000aa/annotation/0000000000000001/quote", V, "TextQuoteSelector-exact"),
        ("work/h/00000000000000aa/annotation/0000000000000001/quote", V, "TextQuoteSelector-prefix"),
        ("work/h/00000000000000aa/annotation/0000000000000002/quote", V, "TextQuoteSelector-exact"),
        ("work/h/00000000000000aa/annotation/0000000000000002/quote", V, "TextQuoteSelector-suffix"),
    },
    "text-position-selector": {
        ("work/h/00000000000000aa/annotation/0000000000000001/position", V, "TextPositionSelector-start"),
        ("work/h/00000000000000aa/annotation/0000000000000002/position", V, "TextPositionSelector-start"),
        ("work/h/00000000000000aa/annotation/0000000000000002/position", V, "TextPositionSelector-end"),
        ("work/h/00000000000000aa/annotation/0000000000000003/position", V, "TextPositionSelector-end"),
    },
    "work-reference-count": {
        ("work/h/00000000000000aa", W, "Work-referencesWithinCount"),
    },
    "author-role": {
        ("work/h/00000000000000aa/author/1", V, "AuthorRole-withRole"),
        ("work/h/00000000000000aa/author/1", V, "AuthorRole-position"),
        ("work/h/00000000000000aa/author/2", V, "AuthorRole-heldBy"),
        ("work/h/00000000000000aa/author/2", V, "AuthorRole-position"),
    },
    "person": {
        ("person/cher", V, "Person-name"),
        ("person/cher", W, "Person-familyName-present"),
        ("person/x", V, "Person-name"),
        ("person/x", V, "Person-familyName"),
    },
    "organization": {
        ("organization/nameless", V, "Organization-name"),
    },
    "journal": {
        ("journal/issn/2042-8309", V, "Journal-biboType"),
        ("journal/issn/2042-8309", V, "Journal-issnCheckDigit"),
        ("journal/h/0000000000000002", V, "Journal-fabioType"),
        ("journal/h/0000000000000002", V, "Journal-issn"),
    },
    "issue": {
        ("journal/issn/2042-8308/volume/23/issue/4", V, "Issue-volume"),
        ("journal/issn/2042-8308/volume/23/issue/4", V, "Issue-journal"),
        ("journal/issn/2042-8308/volume/23/issue/5", V, "Issue-fabioType"),
    },
    "abstract": {
        ("work/h/00000000000000aa/abstract", V, "Abstract-content"),
        ("work/h/00000000000000aa/abstract", V, "Abstract-truncated"),
        ("work/h/00000000000000aa/abstract", V, "Abstract-section"),
    },
    "section": {
        ("work/h/00000000000000aa/abstract/1", V, "Section-heading"),
        ("work/h/00000000000000aa/abstract/1", V, "Section-position"),
        ("work/h/00000000000000aa/abstract/2", V, "Section-heading"),
        ("work/h/00000000000000aa/abstract/2", V, "Section-content"),
        ("work/h/00000000000000aa/abstract/2", V, "Section-no-title"),
    },
    "reference-entry": {
        ("work/h/00000000000000aa/reference/1", V, "ReferenceEntry-content"),
        ("work/h/00000000000000aa/reference/1", V, "ReferenceEntry-position"),
        ("work/h/00000000000000aa/reference/2", V, "ReferenceEntry-citingWork"),
        ("work/h/00000000000000aa/reference/2", V, "ReferenceEntry-references"),
    },
    "in-text-pointer": {
        ("work/h/00000000000000aa/pointer/1", V, "Pointer-resolvedHasTarget"),
        ("work/h/00000000000000aa/pointer/1", V, "Pointer-offsetStart"),
        ("work/h/00000000000000aa/pointer/2", V, "Pointer-targetOnlyWhenResolved"),
        ("work/h/00000000000000aa/pointer/2", V, "Pointer-context"),
        ("work/h/00000000000000aa/pointer/3", V, "Pointer-ambiguousHasCandidates"),
        ("work/h/00000000000000aa/pointer/4", V, "Pointer-status"),
    },
    "citation-statement": {
        ("work/h/00000000000000aa/statement/0123456789abcdef-1", V, "Statement-citoType"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-1", V, "Statement-characterizationMatchesLabel"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-1", V, "Statement-confidence"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-2", V, "Statement-characterization"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-2", V, "Statement-label"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-2", V, "Statement-content"),
        ("work/h/00000000000000aa/statement/0123456789abcdef-2", V, "Statement-confidence"),
    },
    "stated-count": {
        ("work/h/00000000000000aa/count/0123456789abcdef/supporting", V, "Count-kind"),
        ("work/h/00000000000000aa/count/0123456789abcdef/supporting", V, "Count-value"),
        ("work/h/00000000000000aa/count/0123456789abcdef/cited-by", V, "Count-value"),
        ("work/h/00000000000000aa/count/0123456789abcdef/cited-by", V, "Count-derivedFrom"),
    },
    "concept": {
        (VOCAB + "keyword/recovery", V, "Concept-scheme"),
        (VOCAB + "keyword/recovery", V, "Concept-prefLabel"),
        (VOCAB + "keyword/stigma", V, "Concept-scheme"),
        (VOCAB + "keyword/stigma", V, "Concept-prefLabel"),
        (VOCAB + "keyword/stigma", V, "Concept-broader"),
    },
    "concept-scheme": {
        (VOCAB + "example-untitled-scheme", V, "ConceptScheme-title"),
    },
    "source-document": {
        ("source/0123456789abcdef", V, "Source-provType"),
        ("source/0123456789abcdef", V, "Source-sha256"),
        ("source/fedcba9876543210", V, "Source-kind"),
        ("source/fedcba9876543210", V, "Source-byteSize"),
        ("source/fedcba9876543210", V, "Source-identifier"),
    },
    "link-decision": {
        ("link/0000000000000001", V, "LinkDecision-rule"),
        ("link/0000000000000001", V, "LinkDecision-score"),
        ("link/0000000000000002", V, "LinkDecision-subject"),
        ("link/0000000000000002", V, "LinkDecision-object"),
    },
    "inference": {
        ("inference/0000000000000001", V, "Inference-statementType"),
        ("inference/0000000000000001", V, "Inference-confidence"),
        ("inference/0000000000000002", V, "Inference-predicate"),
        ("inference/0000000000000002", V, "Inference-object"),
        ("inference/0000000000000002", V, "Inference-rule"),
    },
}


# ------------------------------------------------------------------------------------------------
# fixtures and helpers
# ------------------------------------------------------------------------------------------------


@cache
def shapes() -> Graph:
    return load_shapes()


def shape_files_graphs() -> list[tuple[Path, Graph]]:
    return [(p, Graph().parse(p)) for p in resources.shapes_files()]


def stem_of(shape: URIRef) -> str:
    local = str(shape)[len(SHAPES_NS):]
    assert local.endswith("Shape"), local
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local[: -len("Shape")]).lower()


def targeted_shapes() -> list[URIRef]:
    g = shapes()
    return sorted({s for s in g.subjects(SH.targetClass, None) if isinstance(s, URIRef)})


def absolute(focus: str) -> str:
    return focus if "://" in focus else ID + focus


def local(iri: str | None) -> str:
    return (iri or "")[len(SHAPES_NS):] if (iri or "").startswith(SHAPES_NS) else (iri or "")


@cache
def example(stem: str, kind: str) -> tuple[Graph, ValidationReport]:
    g = Graph().parse(EXAMPLES / f"{stem}.{kind}.ttl")
    return g, validate(g, shapes())


def results_about_example(stem: str, kind: str):
    g, report = example(stem, kind)
    subjects = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    return [r for r in report.results if r.focus_node in subjects]


def owner_shape(check: str) -> URIRef:
    """The node shape a property shape or SPARQL constraint belongs to."""
    g = shapes()
    node = URIRef(SHAPES_NS + check)
    owners = set(g.subjects(SH.property, node)) | set(g.subjects(SH.sparql, node))
    assert len(owners) == 1, (check, owners)
    return owners.pop()


# ------------------------------------------------------------------------------------------------
# examples
# ------------------------------------------------------------------------------------------------


def test_every_targeted_shape_has_examples_and_expectations():
    stems = {stem_of(s) for s in targeted_shapes()}
    assert stems == set(EXPECTED), "EXPECTED must list exactly the targeted shapes"
    for stem in stems:
        assert (EXAMPLES / f"{stem}.valid.ttl").is_file(), stem
        assert (EXAMPLES / f"{stem}.invalid.ttl").is_file(), stem
    on_disk = {p.name.rsplit(".", 2)[0] for p in EXAMPLES.glob("*.ttl")}
    assert on_disk == stems, "example files without a shape"


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_valid_example_conforms_without_any_result(stem):
    found = results_about_example(stem, "valid")
    assert found == [], "\n".join(f"{r.severity} {r.focus_node} {r.check}: {r.message}" for r in found)
    _g, report = example(stem, "valid")
    assert report.conforms and report.no_violations


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_invalid_example_gives_exactly_the_expected_results(stem):
    found = results_about_example(stem, "invalid")
    got = {(r.focus_node, r.severity, local(r.check)) for r in found}
    want = {(absolute(f), sev, check) for f, sev, check in EXPECTED[stem]}
    assert got == want
    for r in found:
        assert r.message.strip(), f"result without a message: {r}"
        assert r.shape and r.shape.startswith(SHAPES_NS)
    _g, report = example(stem, "invalid")
    has_violation = any(sev == V for _f, sev, _c in EXPECTED[stem])
    assert report.no_violations is (not has_violation)
    assert report.conforms is False  # SHACL: any result, a warning too, means sh:conforms false


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_expected_checks_belong_to_the_shape_under_test(stem):
    shape = URIRef(SHAPES_NS + "".join(part.capitalize() for part in stem.split("-")) + "Shape")
    assert shape in targeted_shapes()
    for _focus, severity, check in EXPECTED[stem]:
        assert owner_shape(check) == shape, check
        g = shapes()
        node = URIRef(SHAPES_NS + check)
        declared = g.value(node, SH.severity) or g.value(shape, SH.severity) or SH.Violation
        assert declared == (SH.Violation if severity == V else SH.Warning), check


def test_shipped_ontology_and_schemes_conform_to_the_shapes():
    report = validate(Graph(), shapes())  # the ontology files are merged in
    assert report.results == (), report_as_text(report)


# ------------------------------------------------------------------------------------------------
# the shapes file itself
# ------------------------------------------------------------------------------------------------


def test_every_constraint_has_a_message_and_node_shapes_have_none():
    g = shapes()
    node_shapes = set(g.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    for ns in node_shapes:
        assert g.value(ns, SH.message) is None, f"{ns}: a node shape's message is copied onto every result"
        assert g.value(ns, RDFS.label) is not None
    prop_shapes = set(g.objects(None, SH.property))
    sparqls = set(g.objects(None, SH.sparql))
    assert prop_shapes and sparqls
    for node in prop_shapes | sparqls:
        assert isinstance(node, URIRef) and str(node).startswith(SHAPES_NS), node
        msgs = list(g.objects(node, SH.message))
        assert msgs and all(isinstance(m, Literal) and m.language == "en" for m in msgs), node
        assert g.value(node, RDFS.label) is not None, node
    for node in sparqls:
        assert g.value(node, SH.severity) is None, f"{node}: sh:severity on a sh:sparql node is ignored"
    for ns in node_shapes:
        assert str(ns).startswith(SHAPES_NS)


def test_property_shape_severities_are_violation_or_warning():
    g = shapes()
    for node in g.objects(None, SH.property):
        assert g.value(node, SH.severity) in (SH.Violation, SH.Warning), node


def test_no_closed_shapes_and_no_made_up_datatypes():
    g = shapes()
    assert not list(g.subjects(SH.closed, None))
    for dt in g.objects(None, SH.datatype):
        assert dt != XSD.positiveInteger, "Turtle integers are xsd:integer: use sh:minInclusive"


def test_sparql_constraints_compile():
    from rdflib.plugins.sparql import prepareQuery

    g = shapes()
    prefixes = {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace)) for d in g.objects(None, SH.declare)}
    for node in g.objects(None, SH.sparql):
        select = str(g.value(node, SH.select))
        assert "VALUES" not in select.upper().split("#")[0], "pyshacl refuses VALUES in SPARQL constraints"
        prepareQuery(select.replace("$this", "?this"), initNs=prefixes)


def _closed_lists(g: Graph, path: URIRef) -> set[URIRef]:
    out: set[URIRef] = set()
    for ps in g.subjects(SH.path, path):
        lst = g.value(ps, SH["in"])
        if lst is not None:
            out |= set(Collection(g, lst))
    return out


@pytest.mark.parametrize(("path", "scheme"), [
    (URIRef(PSMH + "countKind"), "count-kind"),
    (URIRef(PSMH + "sourceKind"), "source-kind"),
    (URIRef(PSMH + "resolutionStatus"), "resolution-status"),
])
def test_sh_in_lists_match_the_concept_schemes(path, scheme):
    g = shapes()
    ont = load_ontology()
    concepts = set(ont.subjects(SKOS.inScheme, URIRef(VOCAB + scheme)))
    assert concepts and _closed_lists(g, path) == concepts


def test_sh_in_lists_for_dcterms_type_are_whole_schemes():
    g = shapes()
    ont = load_ontology()
    for shape, scheme in [("Section-heading", "abstract-heading"), ("Statement-label", "citation-type")]:
        lst = g.value(URIRef(SHAPES_NS + shape), SH["in"])
        assert set(Collection(g, lst)) == set(ont.subjects(SKOS.inScheme, URIRef(VOCAB + scheme)))


# ------------------------------------------------------------------------------------------------
# every term exists; prefixes are well formed
# ------------------------------------------------------------------------------------------------

def iris_used(g: Graph) -> set[str]:
    """Every IRI in the graph, plus IRIs and prefixed names written inside SPARQL constraints."""
    out = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    prefixes = {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace)) for d in g.objects(None, SH.declare)}
    for q in g.objects(None, SH.select):
        text = str(q)
        out |= set(re.findall(r"<([^<>\s]+)>", text))
        for prefix, name in re.findall(r"\b([a-z][a-z0-9]*):([A-Za-z][\w-]*)", text):
            if prefix in prefixes:
                out.add(prefixes[prefix] + name)
    return out


def ontology_and_shapes_graphs() -> list[tuple[Path, Graph]]:
    own = [p for p in resources.ontology_files() if p.name in ("psmh.ttl", "schemes.ttl")]
    return [(p, Graph().parse(p)) for p in own] + shape_files_graphs()


@pytest.mark.parametrize("path", [p for p, _g in ontology_and_shapes_graphs()], ids=lambda p: p.name)
def test_every_reused_term_exists_in_its_vocabulary(path):
    g = Graph().parse(path)
    ont = load_ontology()
    known_psmh = {str(s) for s in ont.subjects(RDF.type, None)}
    missing = [iri for iri in sorted(iris_used(g)) if not (
        iri in known_psmh if iri.startswith((PSMH, VOCAB)) else term_exists(iri) is not False)]
    assert not missing, f"unknown terms in {path.name}: {missing}"


def test_shapes_use_only_web_annotation_terms_and_cover_what_the_build_emits():
    from peerkg.rdf.mapping import annotations

    used = {iri for _p, g in shape_files_graphs() for iri in iris_used(g) if iri.startswith(OA)}
    assert used and used <= OA_TERMS, sorted(used - OA_TERMS)
    source = Path(annotations.__file__).read_text(encoding="utf-8")
    emitted = {OA + name for name in re.findall(r"\bOA\.(\w+)", source)}
    assert emitted and emitted <= OA_TERMS, sorted(emitted - OA_TERMS)
    assert emitted <= used, f"oa: terms the build emits but no shape checks: {sorted(emitted - used)}"
    assert OA + "hasSelecter" not in OA_TERMS and OA + "Tag" not in OA_TERMS  # misspelt / pre-2017 terms


def test_cited_work_nodes_and_containers_are_covered_by_shapes_with_messages():
    g = shapes()
    fabio, bibo = "http://purl.org/spar/fabio/", "http://purl.org/ontology/bibo/"
    targets = {str(o) for o in g.objects(None, SH.targetClass)}
    for cls in (bibo + "Book", fabio + "Newspaper", bibo + "Newspaper", bibo + "Website", str(DCTERMS.Location)):
        assert cls in targets, cls
    work_paths = {str(g.value(ps, SH.path)) for ps in g.objects(URIRef(SHAPES_NS + "WorkShape"), SH.property)}
    for prop in (fabio + "hasURL", bibo + "chapter", bibo + "edition", fabio + "hasPlaceOfPublication"):
        assert prop in work_paths, prop
    url = next(ps for ps in g.objects(URIRef(SHAPES_NS + "WorkShape"), SH.property)
               if str(g.value(ps, SH.path)) == fabio + "hasURL")
    assert g.value(url, SH.datatype) == XSD.anyURI and g.value(url, SH.message) is not None
    place = URIRef(SHAPES_NS + "Work-placeOfPublication")
    assert g.value(place, SH["class"]) == DCTERMS.Location and g.value(place, SH.message) is not None
    assert g.value(URIRef(SHAPES_NS + "Location-label"), SH.path) == RDFS.label


def test_batched_property_shapes_give_the_same_results(monkeypatch):
    """shacl_view.batched_shapes (property shapes take their node shape's targets) changes no result."""
    from peerkg import validation

    def keyset(report):
        return {(r.focus_node, r.path, r.value, r.severity, r.message, r.shape, r.component) for r in report.results}

    data = Graph()
    for p in sorted(EXAMPLES.glob("*.ttl")):
        data.parse(p)
    batched = validate(data, shapes())
    monkeypatch.setattr(validation, "batched_shapes", lambda g: g)
    plain = validate(data, shapes())
    assert keyset(batched) == keyset(plain) and len(batched.results) == len(plain.results)
    assert len(batched.results) > 50


def test_the_validated_view_adds_only_missing_ontology_triples_and_reads_every_graph():
    from peerkg.shacl_view import ValidationGraph as _ValidationGraph
    from peerkg.validation import _ontology_triples

    g = load_ontology()
    g += Graph().parse(EXAMPLES / "concept.valid.ttl")
    view = _ValidationGraph(g, _ontology_triples())
    assert len(view) == len(g) and set(view) == set(g)  # the ontology is in the data already: nothing twice
    ds = rdflib.Dataset()
    ds.graph(URIRef("https://w3id.org/psmh/graph/a")).parse(EXAMPLES / "person.valid.ttl")
    ds.add((URIRef(ID + "person/extra"), RDF.type, FOAF.Person))
    view = _ValidationGraph(ds, _ontology_triples())
    assert len(view) == len(set(ds.quads((None, None, None, None)))) + len(_ontology_triples())
    assert (URIRef(ID + "person/extra"), RDF.type, FOAF.Person) in view
    assert validate(g, shapes()).results == ()


def test_known_misspellings_are_caught():
    assert "http://purl.org/spar/cito/hasCitationCharacterization" in pinned_terms()
    assert "http://purl.org/spar/cito/hasCitationCharacterisation" not in pinned_terms()
    assert not _in_closed(SH, "minValue") and not _in_closed(SH, "datatypeIn")
    assert _in_closed(SH, "minInclusive")


def _declared_prefixes(text: str) -> dict[str, str]:
    return dict(re.findall(r"@prefix\s+([\w-]*):\s*<([^>]*)>", text, flags=re.IGNORECASE))


@pytest.mark.parametrize("path", [p for p, _g in ontology_and_shapes_graphs()], ids=lambda p: p.name)
def test_prefixes_end_with_slash_or_hash(path):
    text = path.read_text(encoding="utf-8")
    declared = _declared_prefixes(text)
    assert declared
    for prefix, ns in declared.items():
        assert ns.endswith(("/", "#")), f"{path.name}: prefix {prefix}: <{ns}> lacks its trailing / or #"
    known = {**SPAR, "dcterms": str(DCTERMS), "skos": str(SKOS), "foaf": str(FOAF), "prov": str(PROV),
             "schema": SCHEMA_HTTP, "oa": OA, "psmh": PSMH, "sh": str(SH), "xsd": str(XSD), "rdf": str(RDF),
             "rdfs": str(RDFS), "owl": str(OWL), "vann": str(VANN)}
    for prefix, ns in declared.items():
        if prefix in known:
            assert ns == known[prefix], f"{path.name}: {prefix}: is <{ns}>, expected <{known[prefix]}>"


def test_sparql_prefix_declarations_end_with_slash_or_hash():
    g = shapes()
    for d in g.objects(None, SH.declare):
        ns = g.value(d, SH.namespace)
        assert isinstance(ns, Literal) and ns.datatype == XSD.anyURI
        assert str(ns).endswith(("/", "#")), ns


# ------------------------------------------------------------------------------------------------
# validation module
# ------------------------------------------------------------------------------------------------


def test_dataset_is_validated_as_the_union_of_its_graphs():
    g = Graph().parse(EXAMPLES / "work.valid.ttl")
    ds = rdflib.Dataset()
    half = sorted(g, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    g1 = ds.graph(URIRef("https://w3id.org/psmh/graph/source/0123456789abcdef"))
    g2 = ds.graph(URIRef("https://w3id.org/psmh/graph/links"))
    for i, t in enumerate(half):
        (g1 if i % 3 else g2).add(t)
    ds.add((URIRef(ID + "person/extra"), RDF.type, FOAF.Person))  # default graph counts too
    report = validate(ds, shapes())
    about = {(r.focus_node, local(r.check)) for r in report.results}
    assert about == {(ID + "person/extra", "Person-name"), (ID + "person/extra", "Person-familyName-present")}
    assert not report.no_violations and report.violations == 1 and report.warnings == 1


def test_caller_data_is_not_modified():
    g = Graph().parse(EXAMPLES / "person.valid.ttl")
    before = len(g)
    validate(g, shapes())
    assert len(g) == before


def test_validate_without_ontology_needs_the_concepts_in_the_data():
    g = Graph().parse(EXAMPLES / "concept.valid.ttl")
    report = validate(g, shapes(), include_ontology=False)
    assert {local(r.check) for r in report.results} == {"Concept-scheme"}  # vocab:subject is not in the data


def test_report_as_text_and_json():
    _g, report = example("person", "invalid")
    text = report_as_text(report)
    assert "Violation: <https://w3id.org/psmh/id/person/x> foaf:name:" in text
    assert "Warning: <https://w3id.org/psmh/id/person/cher> foaf:familyName:" in text
    assert "(value \"Cher\"@en)" in text
    assert text.index("Violation:") < text.index("Warning:")
    assert text.rstrip().endswith("SHACL sh:conforms false: 4 results: 3 violations, 1 warning, 0 infos.\n"
                                  "peerkg verdict: 3 violations.")
    doc = report_as_json(report)
    assert json.loads(json.dumps(doc)) == doc
    assert doc["conforms"] is False and doc["noViolations"] is False
    assert (doc["violations"], doc["warnings"], doc["infos"]) == (3, 1, 0)
    assert {r["severity"] for r in doc["results"]} == {"Violation", "Warning"}
    assert all(r["message"] and r["focusNode"] and r["shape"] for r in doc["results"])


def test_report_is_a_frozen_record_with_the_report_graph():
    _g, report = example("organization", "invalid")
    with pytest.raises(AttributeError):
        report.conforms = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        report.violations = 0  # type: ignore[misc]
    assert (None, RDF.type, SH.ValidationReport) in report.graph
    assert isinstance(report.results, tuple)


@pytest.mark.parametrize(("name", "content", "line"), [
    ("bad.ttl", '@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', 3),
    ("bad.nt", "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/a> <http://ex/b> .\n", 2),
    ("bad.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description>\n'
                "</rdf:RDF>\n", 3),
    ("bad.jsonld", '{"@id":\n', 2),
    ("bad.trig", "<http://ex/g> {\n<http://ex/a> <http://ex/b> \n}\n", 3),  # the } where the object belongs
    ("bad2.ttl", "<http://ex/a> <http://ex/b> <http://ex/c> .\n\n\n<http://ex/a> <http://ex/b> .\n", 4),
])
def test_parse_errors_name_the_file_and_line(tmp_path, name, content, line):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_rdf(p)
    assert info.value.source == str(p)
    assert info.value.line == line
    assert name in str(info.value) and f":{line}" in str(info.value)


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("data.txt", "x", "extension"),
    ("empty.ttl", "", "empty"),
    ("missing.ttl", None, "not found"),
])
def test_other_input_errors_are_clear(tmp_path, name, content, needle):
    p = tmp_path / name
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_rdf(p)
    assert needle in str(info.value) and name in str(info.value)


def test_not_utf8_is_an_input_error(tmp_path):
    p = tmp_path / "latin1.ttl"
    p.write_bytes('<http://ex/a> <http://ex/b> "caf\xe9" .\n'.encode("latin-1"))
    with pytest.raises(InputError) as info:
        load_rdf(p)
    assert "latin1.ttl" in str(info.value)


def test_load_rdf_reads_every_format(tmp_path):
    g = Graph().parse(EXAMPLES / "organization.valid.ttl")
    for ext, fmt in [(".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"), (".jsonld", "json-ld"),
                     (".owl", "xml"), (".xml", "xml"), (".json", "json-ld")]:
        p = tmp_path / f"data{ext}"
        p.write_text(g.serialize(format=fmt), encoding="utf-8")
        ds = load_rdf(p)
        assert len(set(ds.quads((None, None, None, None)))) == len(g), ext
    ds = rdflib.Dataset()
    ds.graph(URIRef("http://ex/g")).parse(data=g.serialize(format="turtle"), format="turtle")
    for ext, fmt in [(".trig", "trig"), (".nq", "nquads")]:
        p = tmp_path / f"data{ext}"
        p.write_text(ds.serialize(format=fmt), encoding="utf-8")
        loaded = load_rdf(p)
        assert URIRef("http://ex/g") in {c.identifier if hasattr(c, "identifier") else c
                                         for _s, _p, _o, c in loaded.quads((None, None, None, None))}
        report = validate(loaded, shapes())
        assert report.conforms and report.no_violations and report.results == ()


def test_unusable_shapes_raise_an_input_error():
    bad = Graph()
    shape = URIRef(SHAPES_NS + "Bad")
    constraint = BNode()
    bad.add((shape, RDF.type, SH.NodeShape))
    bad.add((shape, SH.targetClass, FOAF.Person))
    bad.add((shape, SH.sparql, constraint))
    bad.add((constraint, SH.select, Literal("SELECT $this WHERE { VALUES ?x { 1 } }")))
    data = Graph()
    data.add((URIRef(ID + "person/x"), RDF.type, FOAF.Person))
    with pytest.raises(InputError):
        validate(data, bad)


def test_load_data_puts_triples_in_the_default_graph_or_one_graph_per_file(tmp_path):
    from peerkg.validation import load_data

    a, b = tmp_path / "a.ttl", tmp_path / "b.nt"
    a.write_text((EXAMPLES / "person.valid.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(Graph().parse(EXAMPLES / "organization.valid.ttl").serialize(format="nt"), encoding="utf-8")
    ds = load_data([a, b])
    graphs = {str(c) for _s, _p, _o, c in ds.quads((None, None, None, None))}
    assert graphs == {"urn:x-rdflib:default"}
    per_file = load_rdf([a, b], graph_per_file=True)
    graphs = {str(c) for _s, _p, _o, c in per_file.quads((None, None, None, None))}
    assert graphs == {a.resolve().as_uri(), b.resolve().as_uri()}
    assert validate(per_file, shapes()).results == ()


def test_namespace_prefixes_of_the_package_end_with_slash_or_hash():
    from peerkg.rdf.namespaces import PREFIXES

    for prefix, ns in PREFIXES.items():
        assert str(ns).endswith(("/", "#")), prefix
    assert str(PREFIXES["c4o"]) == SPAR["c4o"] and str(PREFIXES["cito"]) == SPAR["cito"]
