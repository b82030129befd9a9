"""The resolve stage: parsed pages in, one :class:`~peerkg.model.Decisions` out.

1. work identity across pages (:mod:`peerkg.resolve.works`);
2. each reference entry's cited work matched to a work another page describes, else a node of its own;
3. people: author mentions clustered into persons and organisations (:mod:`peerkg.resolve.people`);
4. in-text citations in bodies and statements found and resolved against every work the build knows;
5. facts the pages imply (:mod:`peerkg.resolve.implied`).

Every step works on records and keys; nothing here knows an IRI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from peerkg.model import (
    CitedEntry,
    CitedMerge,
    CitedWork,
    Decisions,
    Inference,
    MentionAgent,
    PageDecisions,
    ParsedPage,
    PersonMention,
    PersonName,
    Pointer,
    RecordRef,
    StatementId,
    WorkId,
    WorkKey,
    WorkRecord,
    WorkType,
    mention_id,
)
from peerkg.normalise.keys import family_key, title_key
from peerkg.resolve import implied, intext, matching, people
from peerkg.resolve.cited import decide_cited
from peerkg.resolve.journals import decide_journals, printings
from peerkg.resolve.works import WorkIdentity, decide_works

__all__ = ["cited_key", "resolve", "work_key"]

T = TypeVar("T")


def _family(names: Sequence[PersonName]) -> tuple[str, ...]:
    return tuple((n.family or n.display) for n in names)


def work_key(work: WorkId, records: Sequence[WorkRecord]) -> WorkKey:
    """One matching description of a work from every record that describes it."""
    def first(getter: Callable[[WorkRecord], T | None]) -> T | None:
        return next((v for v in map(getter, records) if v), None)

    authors = first(lambda r: _family(r.authors)) or ()
    return WorkKey(
        id=work, doi=first(lambda r: r.doi), title=first(lambda r: r.title),
        year=first(lambda r: r.issued.year if r.issued else None),
        first_author_family=authors[0] if authors else None, author_families=authors,
        venue=first(lambda r: r.venue.title if r.venue else None),
        issn=first(lambda r: r.venue.issn if r.venue else None),
        volume=first(lambda r: r.venue.volume if r.venue else None),
        issue=first(lambda r: r.venue.issue if r.venue else None),
    )


def cited_key(work: WorkId, cited: CitedWork) -> WorkKey:
    """The matching key of a cited work: only the fields the reference parser is sure of."""
    def sure(name: str, value: T) -> T | None:
        return value if cited.strong(name) else None

    authors = _family(cited.authors) if cited.strong("authors") else ()
    return WorkKey(id=work, doi=sure("doi", cited.doi), title=sure("title", cited.title),
                   year=sure("year", cited.year), first_author_family=authors[0] if authors else None,
                   author_families=authors, venue=sure("container", cited.container_title),
                   volume=sure("volume", cited.volume), issue=sure("issue", cited.issue),
                   year_suffix=sure("year", cited.year_suffix), et_al=cited.et_al)


def _matches_to_main(cited: Sequence[WorkKey], main: Sequence[WorkKey]) -> dict[WorkId, WorkId]:
    """For each cited work that is the same as exactly one main work (DOI, title and year, …), that work.

    One blocked matching pass over all keys, not one per reference."""
    main_ids = {m.id for m in main}
    found: dict[WorkId, set[WorkId]] = {}
    for m in matching.match_works([*main, *cited], across=main_ids):
        for one, other in ((m.left, m.right), (m.right, m.left)):
            if one not in main_ids and other in main_ids:
                found.setdefault(one, set()).add(other)
    return {cited_id: next(iter(ids)) for cited_id, ids in found.items() if len(ids) == 1}


def _first_family_index(keys: Sequence[WorkKey]) -> dict[str, list[WorkKey]]:
    index: dict[str, list[WorkKey]] = {}
    for key in keys:
        if key.author_families:
            index.setdefault(family_key(key.author_families[0]), []).append(key)
    return index


def resolve(pages: Sequence[ParsedPage], topics: Sequence[Sequence[frozenset[str]]] | None = None) -> Decisions:
    """Decide what the records of ``pages`` refer to: works, cited works, people, in-text citations.

    ``topics[p][i]``: the concepts work record ``i`` of page ``p`` is about (from the tag stage), a context
    that same-full-name people may share (:mod:`peerkg.resolve.person_names`); none when not given."""
    identity = decide_works(pages)
    groups: dict[WorkId, list[WorkRecord]] = {}
    for ref, work in sorted(identity.ids.items()):
        groups.setdefault(work, []).append(pages[ref.page].record.works[ref.index])
    main_keys = [work_key(work, records) for work, records in groups.items()]
    cited, cited_keys, cited_merges, segments = _cited_entries(pages, identity, main_keys)
    mentions, where = _mentions(pages, identity, cited, _contexts(pages, identity, cited, topics))
    clusters = people.link_people(mentions)
    by_first_author = _first_family_index(main_keys + cited_keys)
    agents: dict[int, list[MentionAgent]] = defaultdict(list)
    for cluster in clusters:
        fullest = None if cluster.agent.organisation else cluster.name
        for mid in cluster.mention_ids:
            agents[where[mid][0]].append(MentionAgent(mid, cluster.agent, fullest))
    page_decisions = tuple(PageDecisions(
        works=tuple(identity.ids[RecordRef(p, i)] for i in range(len(page.record.works))),
        cited=tuple(cited.get(p, ())), pointers=_pointers(p, page, identity, by_first_author),
        agents=tuple(sorted(agents.get(p, ()), key=lambda a: a.mention)),
        reference_segments=tuple(segments.get(p, ()))) for p, page in enumerate(pages))
    decided = {mid for c in clusters for d in c.decisions for mid in (d.subject, d.object)}
    return Decisions(pages=page_decisions, merges=identity.merges, cited_merges=cited_merges,
                     people=tuple(clusters),
                     inferences=tuple(_inferences(pages, identity, main_keys)),
                     journals=decide_journals(printings(pages)),
                     mention_labels={m.id: f"{m.name.as_written!r} ({pages[where[m.id][0]].document.name}, "
                                           f"{where[m.id][1]})" for m in mentions if m.id in decided})


def _cited_entries(pages: Sequence[ParsedPage], identity: WorkIdentity, main_keys: Sequence[WorkKey],
                   ) -> tuple[dict[int, list[CitedEntry]], list[WorkKey], tuple[CitedMerge, ...],
                              dict[int, list[tuple[int, int, str]]]]:
    """Reference entries → the work each cites: a main work when one is the same work, else the node the
    entries of other lists citing that work share (:mod:`peerkg.resolve.cited`), else a node of its own."""
    parsed: list[tuple[RecordRef, int, CitedWork, WorkId, WorkId]] = []
    printed: dict[tuple[WorkId, int], str] = {}  # (work, position) → the text the first page prints there
    segments: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for i, record in enumerate(page.record.works):
            citing = identity.ids[RecordRef(p, i)]
            for entry, cited in zip(record.references, page.cited[i], strict=True):
                text = printed.setdefault((citing, entry.position), title_key(entry.text))
                # two pages of one work with other entries at this position: each its own reference node
                segment = str(entry.position) if text == title_key(entry.text) else f"{entry.position}-{page.source16}"
                own = WorkId("cited", (segment,), citing=citing)
                if segment != str(entry.position):
                    segments[p].append((i, entry.position, segment))
                probe = WorkId("entry", (str(p), str(i), str(entry.position)))  # one per entry, for matching
                parsed.append((RecordRef(p, i), entry.position, cited, own, probe))
    matched = _matches_to_main([cited_key(probe, cited) for *_, cited, _own, probe in parsed], main_keys)
    joined = decide_cited([((ref, position), cited) for ref, position, cited, _own, probe in parsed
                           if probe not in matched], main_keys,
                          lambda ref: f"{pages[ref.page].document.name} work {ref.index + 1}")
    entries: dict[int, list[CitedEntry]] = defaultdict(list)
    unmatched: dict[WorkId, WorkKey] = {}
    for ref, position, cited, own, probe in parsed:
        match = matched.get(probe) or joined.matched.get((ref, position))
        work = match or joined.works.get((ref, position), own)
        entries[ref.page].append(CitedEntry(ref, position, cited, work, match is not None))
        if not match and (work not in unmatched or not unmatched[work].title):
            unmatched[work] = cited_key(work, cited)
    return entries, list(unmatched.values()), joined.merges, segments


def _pointers(p: int, page: ParsedPage, identity: WorkIdentity,
              by_first_author: dict[str, list[WorkKey]]) -> tuple[Pointer, ...]:
    """In-text citations in the bodies and statements of one page, resolved against every known work."""
    found: list[Pointer] = []
    for i, record in enumerate(page.record.works):
        w = identity.ids[RecordRef(p, i)]
        texts: list[tuple[WorkId | StatementId, str]] = []
        if record.body:
            texts.append((w, record.body))
        for s in record.statements:
            texts.append((StatementId(w, page.source16, s.position), s.text))
        number = 0
        for context, text in texts:
            for citation in intext.find_citations(text):
                number += 1
                first = family_key(citation.names[0]) if citation.names else ""
                resolution = matching.resolve_citation(citation, by_first_author.get(first, []))
                found.append(Pointer(RecordRef(p, i), context, number, citation, resolution))
    return tuple(found)


def _contexts(pages: Sequence[ParsedPage], identity: WorkIdentity, cited: dict[int, list[CitedEntry]],
              topics: Sequence[Sequence[frozenset[str]]] | None) -> dict[WorkId, tuple[frozenset[str], frozenset[str]]]:
    """Per work node: its journal (ISSN and title key) and the concepts its records are about."""
    journals: dict[WorkId, set[str]] = defaultdict(set)
    about: dict[WorkId, set[str]] = defaultdict(set)
    for p, page in enumerate(pages):
        for i, record in enumerate(page.record.works):
            work, venue = identity.ids[RecordRef(p, i)], record.venue
            if venue:
                journals[work] |= {k for k in (venue.issn, title_key(venue.title)) if k}
            if topics is not None:
                about[work] |= topics[p][i]
        for entry in cited.get(p, ()):
            journal = entry.cited.container_title if entry.cited.work_type is WorkType.JOURNAL_ARTICLE else None
            if journal and entry.cited.strong("container"):
                journals[entry.work].add(title_key(journal))
    return {w: (frozenset(journals.get(w, ())), frozenset(about.get(w, ()))) for w in set(journals) | set(about)}


def _mentions(pages: Sequence[ParsedPage], identity: WorkIdentity, cited: dict[int, list[CitedEntry]],
              contexts: dict[WorkId, tuple[frozenset[str], frozenset[str]]],
              ) -> tuple[list[PersonMention], dict[str, tuple[int, str]]]:
    """Every author mention (of a work record or of a cited work), and where it is: page, place on it."""
    mentions: list[PersonMention] = []
    where: dict[str, tuple[int, str]] = {}

    lists: dict[int, tuple[dict[str, int], tuple[str, ...]]] = {}  # per author list: family counts, once

    def add(p: int, mid: str, name: PersonName, work: WorkId, authors: Sequence[PersonName], at: str) -> None:
        if id(authors) not in lists:
            families = [n.family or n.display for n in authors]
            counts: dict[str, int] = {}
            for f in families:
                counts[f] = counts.get(f, 0) + 1
            lists[id(authors)] = counts, tuple(counts)
        counts, unique = lists[id(authors)]
        own = name.family or name.display
        # the other authors' family names, each once (linear in the list, however long)
        others = tuple(f for f in unique if f != own or counts[f] > 1)
        journals, about = contexts.get(work, (frozenset(), frozenset()))
        mentions.append(PersonMention(id=mid, name=name, work_id=work, coauthor_families=others,
                                      source_id=pages[p].source16, journals=journals, topics=about))
        where[mid] = (p, at)

    for p, page in enumerate(pages):
        for i, record in enumerate(page.record.works):
            for position, name in enumerate(record.authors, start=1):
                add(p, mention_id(page.source16, i, position), name, identity.ids[RecordRef(p, i)], record.authors,
                    f"work {i + 1}, author {position}")
        for entry in cited.get(p, ()):
            for position, name in enumerate(entry.cited.authors, start=1):
                add(p, mention_id(page.source16, entry.ref.index, position, entry.position), name, entry.work,
                    entry.cited.authors, f"reference {entry.position}, author {position}")
    return mentions, where


def _inferences(pages: Sequence[ParsedPage], identity: WorkIdentity,
                main_keys: Sequence[WorkKey]) -> list[Inference]:
    """Facts the pages imply but do not print: authors read off citing statements, journals off DOIs."""
    found: list[Inference] = []
    keys = {k.id: k for k in main_keys}
    for key in main_keys:
        if key.doi and not key.issn:
            journal = implied.journal_from_doi(key.doi, subject=key.id)
            if journal is not None:
                found.append(journal)
    statements: dict[WorkId, list[tuple[StatementId, str]]] = {}
    for p, page in enumerate(pages):
        for i, record in enumerate(page.record.works):
            w = identity.ids[RecordRef(p, i)]
            for s in record.statements:
                statements.setdefault(w, []).append((StatementId(w, page.source16, s.position), s.text))
    for work, found_statements in sorted(statements.items()):
        inference = implied.infer_authors_from_statements(keys[work], found_statements)
        if inference is not None:
            found.append(inference)
    return found

