"""Load the peer-support thesaurus (``ontology/thesaurus.ttl``) into plain records.

rdflib is used only here, to read the Turtle once; the tagger works on the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from peerkg import resources
from peerkg.concepts.records import SCHEMES, Concept, Label, LabelKind

VOCAB = "https://w3id.org/psmh/vocab/"
THESAURUS_FILE = "thesaurus.ttl"

_KINDS = ((SKOS.prefLabel, LabelKind.PREF), (SKOS.altLabel, LabelKind.ALT), (SKOS.hiddenLabel, LabelKind.HIDDEN))


@dataclass(frozen=True, eq=False)
class Thesaurus:
    """The concepts of the six schemes, by IRI, in a deterministic order (hashed by identity)."""

    concepts: dict[str, Concept] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, iri: str) -> Concept:
        return self.concepts[iri]

    def __contains__(self, iri: object) -> bool:
        return iri in self.concepts

    def in_scheme(self, scheme: str) -> list[Concept]:
        return [c for c in self if c.scheme == scheme]

    def iri(self, key: str) -> str:
        """The IRI of ``scheme/slug`` (e.g. ``theme/professionalisation``); KeyError if unknown."""
        iri = key if key.startswith("http") else VOCAB + key
        if iri not in self.concepts:
            raise KeyError(f"no concept {key!r} in the thesaurus")
        return iri

    def ancestors(self, iri: str) -> set[str]:
        """Every concept above ``iri`` along skos:broader (not including itself)."""
        seen: set[str] = set()
        todo = list(self.concepts[iri].broader)
        while todo:
            up = todo.pop()
            if up not in seen:
                seen.add(up)
                todo.extend(self.concepts[up].broader if up in self.concepts else ())
        return seen


def scheme_of(iri: str) -> tuple[str, str]:
    """``(scheme, slug)`` of a concept IRI ``…/vocab/{scheme}/{slug}``."""
    if not iri.startswith(VOCAB):
        raise ValueError(f"{iri} is not a peerkg vocabulary IRI")
    scheme, _, slug = iri[len(VOCAB):].partition("/")
    return scheme, slug


def _literals(graph: Graph, subject: URIRef, predicate: URIRef) -> Iterable[Literal]:
    return sorted((o for o in graph.objects(subject, predicate) if isinstance(o, Literal)), key=str)


def concepts_from_graph(graph: Graph) -> Thesaurus:
    """The concepts of the thesaurus schemes found in ``graph``."""
    concepts: dict[str, Concept] = {}
    for subject in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        if not isinstance(subject, URIRef) or not str(subject).startswith(VOCAB):
            continue
        scheme, slug = scheme_of(str(subject))
        if scheme not in SCHEMES:
            continue
        labels = tuple(
            Label(str(lit), lit.language or "", kind)
            for predicate, kind in _KINDS
            for lit in _literals(graph, subject, predicate)
        )
        pref = next((lab.text for lab in labels if lab.kind is LabelKind.PREF and lab.language == "en"), slug)
        definition = next((str(d) for d in _literals(graph, subject, SKOS.definition) if d.language == "en"), "")
        concepts[str(subject)] = Concept(
            iri=str(subject),
            scheme=scheme,
            slug=slug,
            pref_label=pref,
            definition=definition,
            labels=labels,
            broader=tuple(sorted(str(b) for b in graph.objects(subject, SKOS.broader))),
            close_match=tuple(sorted(str(m) for m in graph.objects(subject, SKOS.closeMatch))),
        )
    return Thesaurus(concepts)


def thesaurus_path() -> Path:
    return resources.folder("ontology") / THESAURUS_FILE


def thesaurus_graph(path: Path | None = None) -> Graph:
    graph = Graph()
    graph.parse(path or thesaurus_path(), format="turtle")
    return graph


def load_thesaurus(path: Path | None = None) -> Thesaurus:
    """Read the thesaurus Turtle (the shipped one unless ``path`` is given)."""
    return concepts_from_graph(thesaurus_graph(path))


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The shipped thesaurus, read once per process."""
    return load_thesaurus()
