"""Property tests: whatever text a page holds, the RDF the mapping writes survives every dump format.

Random records (titles with quotes, backslashes, newlines, non-Latin scripts; names; dates of every
precision; counts; statements) are mapped, serialised as Turtle, N-Triples, TriG and N-Quads, and read
back by rdflib and by pyoxigraph: the graphs must be isomorphic to what the mapping built, and the
literals must be the page's text unchanged.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from peerkg.model import (
    CitationStatement,
    CountKind,
    PageRecord,
    PartialDate,
    PersonName,
    SourceDocument,
    SourceKind,
    StatedCount,
    WorkRecord,
    WorkType,
)
from peerkg.rdf import serialise
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import PageMapper

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"'\\<>“”‘’–—…"),
               min_size=1, max_size=60).filter(lambda s: s.strip())
NAME = st.builds(lambda given, family: PersonName(as_written=f"{family}, {given}", family=family, given=given),
                 TEXT.map(lambda s: s.replace("\n", " ").strip() or "X"),
                 TEXT.map(lambda s: s.replace("\n", " ").strip() or "Y"))
DATE = st.one_of(
    st.builds(PartialDate, st.integers(1800, 2100)),
    st.builds(PartialDate, st.integers(1800, 2100), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1800, 2100), st.integers(1, 12), st.integers(1, 28)),
)
STATEMENT = st.builds(
    lambda pos, text, label, conf: CitationStatement(position=pos, text=text, language="en", type_label=label,
                                                     confidence=conf),
    st.integers(1, 50), TEXT, st.sampled_from(["supporting", "mentioning", "contrasting", "unclassified"]),
    st.none() | st.integers(0, 100).map(lambda n: Decimal(n) / 100),
)
WORK = st.builds(
    lambda title, authors, issued, counts, statements: WorkRecord(
        work_type=WorkType.JOURNAL_ARTICLE, title=title, authors=tuple(authors), issued=issued,
        counts=tuple(StatedCount(kind=CountKind.CITED_BY, value=v, as_written=str(v)) for v in counts[:1]),
        statements=tuple({s.position: s for s in statements}.values())),
    st.none() | TEXT, st.lists(NAME, max_size=3), st.none() | DATE, st.lists(st.integers(0, 10**6), max_size=1),
    st.lists(STATEMENT, max_size=3),
)


def mapped(work: WorkRecord) -> Dataset:
    page = PageRecord(kind=SourceKind.CITATION_REPORT, works=(work,))
    sha = hashlib.sha256(repr(work).encode()).hexdigest()
    document = SourceDocument(name="page.txt", sha256=sha, size=1)
    minter = Minter()
    dataset = Dataset()
    graph = dataset.graph(minter.source_graph(sha))
    resolve = lambda _mid, name: minter.person(hashlib.sha256(name.as_written.encode()).hexdigest()[:12])  # noqa: E731
    PageMapper(page, document, [minter.work_by_key("w", sha)], resolve, minter, graph).map()
    return dataset


def via_oxigraph(data: bytes, fmt: pyoxigraph.RdfFormat) -> Graph:
    back = Graph()
    for quad in pyoxigraph.parse(data, format=fmt):
        back.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    return back


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORK)
def test_every_dump_format_reads_back_the_same_graph(work):
    dataset = mapped(work)
    union = serialise.union(dataset)
    ttl, nt = serialise.turtle(union), serialise.ntriples(union)
    assert isomorphic(Graph().parse(data=ttl, format="turtle"), union)
    assert isomorphic(Graph().parse(data=nt, format="nt"), union)
    assert isomorphic(via_oxigraph(ttl, pyoxigraph.RdfFormat.TURTLE), union)
    assert isomorphic(via_oxigraph(nt, pyoxigraph.RdfFormat.N_TRIPLES), union)
    trig = serialise.trig(dataset)
    assert len(list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))) == len(union)
    back = Dataset()
    back.parse(data=serialise.nquads(dataset), format="nquads")
    assert len(list(back.quads())) == len(union)


@settings(max_examples=60, deadline=None)
@given(WORK)
def test_page_text_lands_unchanged(work):
    union = serialise.union(mapped(work))
    if work.title:
        assert Literal(work.title, lang="en") in set(union.objects(None, DCTERMS.title))
    written = {str(o) for o in union.objects(None, URIRef("https://w3id.org/psmh/ontology#nameAsWritten"))}
    assert written == {a.as_written for a in work.authors}
    contents = {str(o) for o in union.objects(None, URIRef("http://purl.org/spar/c4o/hasContent"))}
    assert {s.text for s in work.statements} <= contents


@settings(max_examples=30, deadline=None)
@given(WORK)
def test_serialisation_is_deterministic(work):
    a, b = mapped(work), mapped(work)
    assert serialise.trig(a) == serialise.trig(b)
    assert serialise.turtle(serialise.union(a)) == serialise.turtle(serialise.union(b))
