"""The linking stage of a build: reference strings, in-text citations, people, implied facts.

It runs after :mod:`peerkg.identity` has decided the main works and before the mapping; its results
are plain records keyed by the ids the mapping uses (work IRIs as strings, mention ids).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from peerkg import references
from peerkg.identity import WorkIdentity, WorkRef
from peerkg.linking import intext, people, works
from peerkg.linking.records import (
    CitedWork,
    Inference,
    InTextCitation,
    PersonCluster,
    PersonMention,
    Resolution,
    WorkKey,
)
from peerkg.model import PageRecord, PersonName, SourceDocument, WorkRecord
from peerkg.rdf.iri import Minter


def mention_id(source16: str, work_index: int, position: int, reference: int | None = None) -> str:
    """The id of one author mention: page, work on the page, (reference entry,) author position."""
    ref = f":ref{reference}" if reference is not None else ""
    return f"{source16}:{work_index}{ref}:{position}"


@dataclass(frozen=True)
class CitedEntry:
    """A reference-list entry parsed into its cited work, and the node that work gets."""

    ref: WorkRef
    position: int
    cited: CitedWork
    iri: URIRef
    matched: bool  # the cited work is a work another page describes (same DOI / title and year)


@dataclass(frozen=True)
class Pointer:
    """An in-text citation found in a work's body or in a citation statement."""

    ref: WorkRef
    context: URIRef  # the work or statement whose text holds it
    number: int  # 1-based, per citing work
    citation: InTextCitation
    resolution: Resolution


@dataclass
class Linkage:
    cited: list[CitedEntry] = field(default_factory=list)
    pointers: list[Pointer] = field(default_factory=list)
    clusters: list[PersonCluster] = field(default_factory=list)
    agents: dict[str, URIRef] = field(default_factory=dict)  # mention id -> person/organisation IRI
    inferences: list[Inference] = field(default_factory=list)
    mention_names: dict[str, str] = field(default_factory=dict)  # mention id -> "name (where)"
    canonical_names: dict[URIRef, PersonName] = field(default_factory=dict)  # person node -> fullest name


def _family(names: Sequence[PersonName]) -> tuple[str, ...]:
    return tuple((n.family or n.display) for n in names)


def work_key(iri: URIRef, records: Sequence[WorkRecord]) -> WorkKey:
    """One matching key for a work from every record that describes it."""
    def first(getter):  # noqa: ANN001, ANN202 - tiny local helper
        return next((v for v in map(getter, records) if v), None)

    authors = first(lambda r: _family(r.authors)) or ()
    return WorkKey(
        id=str(iri), doi=first(lambda r: r.doi), title=first(lambda r: r.title),
        year=first(lambda r: r.issued.year if r.issued else None),
        first_author_family=authors[0] if authors else None, author_families=authors,
        venue=first(lambda r: r.venue.title if r.venue else None),
        issn=first(lambda r: r.venue.issn if r.venue else None),
        volume=first(lambda r: r.venue.volume if r.venue else None),
        issue=first(lambda r: r.venue.issue if r.venue else None),
    )


def cited_key(iri: URIRef, cited: CitedWork) -> WorkKey:
    authors = _family(cited.authors)
    return WorkKey(id=str(iri), doi=cited.doi, title=cited.title, year=cited.year,
                   first_author_family=authors[0] if authors else None, author_families=authors,
                   venue=cited.container_title, volume=cited.volume, issue=cited.issue,
                   year_suffix=cited.year_suffix, et_al=cited.et_al)


def _matches_to_main(cited: Sequence[WorkKey], main: Sequence[WorkKey]) -> dict[str, str]:
    """For each cited work that is the same as exactly one main work (DOI, title and year, …), that work.

    One blocked matching pass over all keys, not one per reference."""
    main_ids = {m.id for m in main}
    found: dict[str, set[str]] = {}
    for m in works.match_works([*main, *cited]):
        for one, other in ((m.left, m.right), (m.right, m.left)):
            if one not in main_ids and other in main_ids:
                found.setdefault(one, set()).add(other)
    return {cited_id: next(iter(ids)) for cited_id, ids in found.items() if len(ids) == 1}


def _first_family_index(keys: Sequence[WorkKey]) -> dict[str, list[WorkKey]]:
    index: dict[str, list[WorkKey]] = {}
    for key in keys:
        if key.author_families:
            index.setdefault(works.family_key(key.author_families[0]), []).append(key)
    return index


def link(pages: Sequence[PageRecord], documents: Sequence[SourceDocument], identity: WorkIdentity,
         minter: Minter) -> Linkage:
    result = Linkage()
    groups: dict[URIRef, list[WorkRecord]] = {}
    for ref, iri in sorted(identity.iris.items(), key=lambda kv: (kv[0].page, kv[0].index)):
        groups.setdefault(iri, []).append(pages[ref.page].works[ref.index])
    main_keys = [work_key(iri, records) for iri, records in groups.items()]

    # reference strings -> cited works (matched to a main work when one is the same work)
    parsed: list[tuple[WorkRef, int, CitedWork, URIRef]] = []
    for p, page in enumerate(pages):
        for i, record in enumerate(page.works):
            citing = identity.iris[WorkRef(p, i)]
            for entry in record.references:
                own = minter.part(citing, "reference", entry.position, "work")
                parsed.append((WorkRef(p, i), entry.position, references.parse_reference(entry.text), own))
    matched = _matches_to_main([cited_key(own, cited) for _r, _n, cited, own in parsed], main_keys)
    cited_keys: list[WorkKey] = []
    for ref, position, cited, own in parsed:
        match = matched.get(str(own))
        result.cited.append(CitedEntry(ref, position, cited, URIRef(match) if match else own, match is not None))
        if not match:
            cited_keys.append(cited_key(own, cited))

    _link_people(result, pages, documents, identity, minter)

    # in-text citations in bodies and statements, resolved against every work the graph knows
    by_first_author = _first_family_index(main_keys + cited_keys)
    for p, page in enumerate(pages):
        source16 = documents[p].sha256[:16]
        for i, record in enumerate(page.works):
            w = identity.iris[WorkRef(p, i)]
            texts: list[tuple[URIRef, str]] = []
            if record.body:
                texts.append((w, record.body))
            for s in record.statements:
                texts.append((minter.part(w, "statement", f"{source16}-{s.position}"), s.text))
            number = 0
            for context, text in texts:
                for citation in intext.find_citations(text):
                    number += 1
                    first = works.family_key(citation.names[0]) if citation.names else ""
                    resolution = works.resolve_citation(citation, by_first_author.get(first, []))
                    result.pointers.append(Pointer(WorkRef(p, i), context, number, citation, resolution))
    result.inferences.extend(_inferences(pages, documents, identity, main_keys, minter))
    return result


def _mentions(pages: Sequence[PageRecord], documents: Sequence[SourceDocument], identity: WorkIdentity,
              cited: Sequence[CitedEntry]) -> tuple[list[PersonMention], dict[str, str]]:
    mentions: list[PersonMention] = []
    names: dict[str, str] = {}

    def add(mid: str, name: PersonName, work: URIRef, authors: Sequence[PersonName], source: str,
            where: str) -> None:
        others = tuple(n.family or n.display for n in authors if n is not name)
        mentions.append(PersonMention(id=mid, name=name, work_id=str(work), coauthor_families=others,
                                      source_id=source))
        names[mid] = f"{name.as_written!r} ({where})"

    for p, page in enumerate(pages):
        source16 = documents[p].sha256[:16]
        for i, record in enumerate(page.works):
            w = identity.iris[WorkRef(p, i)]
            for position, name in enumerate(record.authors, start=1):
                add(mention_id(source16, i, position), name, w, record.authors, source16,
                    f"{documents[p].name}, work {i + 1}, author {position}")
    for entry in cited:
        source16 = documents[entry.ref.page].sha256[:16]
        for position, name in enumerate(entry.cited.authors, start=1):
            add(mention_id(source16, entry.ref.index, position, entry.position), name, entry.iri,
                entry.cited.authors, source16,
                f"{documents[entry.ref.page].name}, reference {entry.position}, author {position}")
    return mentions, names


def _link_people(result: Linkage, pages: Sequence[PageRecord], documents: Sequence[SourceDocument],
                 identity: WorkIdentity, minter: Minter) -> None:
    mentions, result.mention_names = _mentions(pages, documents, identity, result.cited)
    result.clusters = list(people.link_people(mentions))
    for cluster in result.clusters:
        if cluster.is_organisation or not cluster.name.family:
            iri = minter.organization(cluster.name.display)
        else:
            iri = minter.person(cluster.key)
            result.canonical_names[iri] = cluster.name
        for mid in cluster.mention_ids:
            result.agents[mid] = iri


def _inferences(pages: Sequence[PageRecord], documents: Sequence[SourceDocument], identity: WorkIdentity,
                main_keys: Sequence[WorkKey], minter: Minter) -> list[Inference]:
    """Facts the pages imply but do not print: authors read off citing statements, journals off DOIs."""
    found: list[Inference] = []
    keys = {k.id: k for k in main_keys}
    for key in main_keys:
        if key.doi and not key.issn:
            journal = works.journal_from_doi(key.doi, subject=key.id)
            if journal is not None:
                found.append(journal)
    statements: dict[str, list[tuple[str, str]]] = {}
    for p, page in enumerate(pages):
        source16 = documents[p].sha256[:16]
        for i, record in enumerate(page.works):
            w = identity.iris[WorkRef(p, i)]
            for s in record.statements:
                sid = str(minter.part(w, "statement", f"{source16}-{s.position}"))
                statements.setdefault(str(w), []).append((sid, s.text))
    for work, found_statements in sorted(statements.items()):
        inference = works.infer_authors_from_statements(keys[work], found_statements)
        if inference is not None:
            found.append(inference)
    return found
