"""One preferred title per journal: the best-formed printed variant is its ``dcterms:title``; every other
variant stays in the graph of the page that printed it, as ``skos:altLabel`` (its source is that graph)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from peerkg.normalise.venues import preferred_title
from peerkg.rdf.namespaces import FABIO


def prefer_journal_titles(graphs: Sequence[Graph]) -> int:
    """Keep one ``dcterms:title`` per journal across ``graphs`` (the page graphs); returns how many printed
    variants became alternative labels."""
    printed: dict[URIRef, list[tuple[Graph, Literal]]] = defaultdict(list)
    for graph in graphs:
        for journal in graph.subjects(RDF.type, FABIO.Journal):
            for title in graph.objects(journal, DCTERMS.title):
                printed[journal].append((graph, title))  # type: ignore[arg-type, index]
    moved = 0
    for journal, found in printed.items():
        best = preferred_title(str(t) for _, t in found)
        for graph, title in found:
            if str(title) != best:
                graph.remove((journal, DCTERMS.title, title))
                graph.add((journal, SKOS.altLabel, title))
                moved += 1
    return moved
