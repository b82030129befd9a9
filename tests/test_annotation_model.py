"""The compact annotation model: one annotation per work × concept in the annotations graph, every hit in the
evidence graph, and the two together give back exactly what the tagger found (parsed back by pyoxigraph)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from peerkg.rdf import serialise
from peerkg.rdf.namespaces import C4O, OA, PSMH

ANNOTATION, EVIDENCE = "annotations", "evidence"
# the build's other graphs hold no tag; the default dumps are these plus the per-page, links and inferred graphs
TEXT = {"title": DCTERMS.title, "teaser": PSMH.listingTeaser}


@pytest.fixture(scope="module")
def build():
    from peerkg.pipeline import build_dataset

    return build_dataset(validate=False, infer=False)


@pytest.fixture(scope="module")
def graphs(build) -> dict[str, Graph]:
    """The annotations and evidence graphs as pyoxigraph reads them back from the build's N-Quads."""
    store = pyoxigraph.Store()
    store.load(serialise.nquads(build.dataset), format=pyoxigraph.RdfFormat.N_QUADS)
    out: dict[str, Graph] = {}
    for name, iri in ((ANNOTATION, build.base.annotations_graph), (EVIDENCE, build.base.evidence_graph)):
        g = Graph()
        for quad in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(iri)):
            g.add(tuple(_rdflib(t) for t in (quad.subject, quad.predicate, quad.object)))
        out[name] = g
    return out


def _rdflib(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        return Literal(term.value, lang=term.language, datatype=None if term.language else URIRef(term.datatype.value))
    raise AssertionError(f"no blank nodes in annotations: {term}")


def _tagged(build) -> dict[tuple[str, str], Counter]:
    """What the tagger found, work by work: (work IRI, concept) -> the hits (field, start, end, words)."""
    from peerkg.concepts import tag_work
    from peerkg.rdf.iri import Minter
    from peerkg.rdf.mapping.annotations import Printing, work_concepts

    minter = Minter(build.base)
    printings: dict[str, list[Printing]] = defaultdict(list)
    pages = [o for o in build.outcomes if o.record]  # the parsed pages, in the order decisions hold them
    for page, decided in zip(pages, build.decisions.pages, strict=True):
        for index, record in enumerate(page.record.works):
            work = str(minter.work(decided.works[index]))
            printings[work].append(Printing(record, tag_work(record), URIRef(page.path), page.document.sha256[:16]))
    out: dict[tuple[str, str], Counter] = {}
    for work, printed in printings.items():
        for wc in work_concepts(printed):
            out[(work, wc.concept)] = Counter((t.field, t.start, t.end, t.words) for t in wc.tags)
    return out


def test_one_annotation_per_work_and_concept_with_its_strongest_hit(graphs: dict[str, Graph]) -> None:
    ann = graphs[ANNOTATION]
    seen: set[tuple[str, str]] = set()
    for a in ann.subjects(RDF.type, OA.Annotation):
        body = ann.value(a, OA.hasBody)
        work = str(a).rsplit("/annotation/", 1)[0]
        assert (work, str(body)) not in seen
        seen.add((work, str(body)))
        assert len(list(ann.objects(a, OA.hasTarget))) == 1  # the strongest hit, in the default dumps
        assert int(ann.value(a, PSMH.hitCount)) >= 1 and ann.value(a, PSMH.rule) is not None
        assert ann.value(a, OA.motivatedBy) in (OA.classifying, OA.tagging)
    assert len(seen) > 100


def test_compact_model_round_trips_to_the_full_evidence(build, graphs: dict[str, Graph]) -> None:
    ann, ev = graphs[ANNOTATION], graphs[EVIDENCE]
    union = ann + ev
    found: dict[tuple[str, str], Counter] = {}
    for a in ann.subjects(RDF.type, OA.Annotation):
        targets = set(union.objects(a, OA.hasTarget))
        assert len(targets) == int(ann.value(a, PSMH.hitCount)), a  # every hit reachable from its annotation
        hits = Counter()
        for t in targets:
            quote = next(s for s in union.objects(t, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in union)
            position = next(s for s in union.objects(t, OA.hasSelector)
                            if (s, RDF.type, OA.TextPositionSelector) in union)
            assert union.value(t, PSMH.rule) is not None and union.value(t, PSMH.score) is not None
            assert list(ev.objects(t, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
            hits[(str(union.value(t, PSMH.annotatedField)), int(union.value(position, OA.start)),
                  int(union.value(position, OA.end)), str(union.value(quote, OA.exact)))] += 1
        found[(str(a).rsplit("/annotation/", 1)[0], str(ann.value(a, OA.hasBody)))] = hits
    # and the other way: every target in the evidence graph belongs to exactly one annotation
    for t in set(ev.subjects(RDF.type, OA.SpecificResource)):
        assert len(list(union.subjects(OA.hasTarget, t))) == 1, t
    assert found == _tagged(build)


def test_quotes_are_the_words_at_their_offsets(build, graphs: dict[str, Graph]) -> None:
    texts_of: dict[tuple[URIRef, URIRef], list[str]] = defaultdict(list)
    for s, p, o, _ in build.dataset.quads((None, None, None, None)):
        if isinstance(o, Literal) and p in (DCTERMS.title, PSMH.listingTeaser, C4O.hasContent):
            texts_of[(s, p)].append(str(o))
    union = graphs[ANNOTATION] + graphs[EVIDENCE]
    checked = Counter()
    for t in union.subjects(RDF.type, OA.SpecificResource):
        source, field = union.value(t, OA.hasSource), str(union.value(t, PSMH.annotatedField))
        quote = next(s for s in union.objects(t, OA.hasSelector) if union.value(s, OA.exact) is not None)
        position = next(s for s in union.objects(t, OA.hasSelector) if union.value(s, OA.start) is not None)
        texts = texts_of[(source, TEXT.get(field, C4O.hasContent))]
        if field == "body":
            continue  # a body's text is not part of the graph
        start, end = int(union.value(position, OA.start)), int(union.value(position, OA.end))
        assert str(union.value(quote, OA.exact)) in {text[start:end] for text in texts}, (t, field)
        checked[field.split("/")[0]] += 1
    assert set(checked) >= {"title", "abstract", "statement"}


def test_triples_per_page(build, graphs: dict[str, Graph]) -> None:
    """The default dumps hold the compact annotations; the evidence graph is the bulk of the hits."""
    pages = sum(1 for o in build.outcomes if o.record)
    default = sum(len(g) for g in build.dataset.graphs()
                  if str(g.identifier) not in (build.base.evidence_graph, build.base.ontology_graph))
    annotations = len(graphs[ANNOTATION])
    print(f"\nseed build: {pages} pages, {default / pages:.0f} triples per page in the default dumps (ontology "
          f"aside), of which annotations {annotations / pages:.0f}; evidence graph {len(graphs[EVIDENCE])} triples")
    pairs = len(set(graphs[ANNOTATION].subjects(RDF.type, OA.Annotation)))
    assert annotations <= 17 * pairs  # ≤ 16 triples per work × concept, plus the work's direct link
