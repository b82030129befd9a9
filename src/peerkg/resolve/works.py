"""Work identity: one node per real work across all pages of a build, with every merge decision recorded.

Rules, strongest first (a pair merges on the first rule that fits; conflicting DOIs or years never merge):

* ``same-doi`` (1.0): both records carry the same DOI.
* ``same-title-and-year`` (0.95): title keys equal and publication years equal.
* ``same-first-author-and-abstract`` (0.95): first authors' family keys equal and the first abstract
  section (or the whole abstract) has the same title key, at least 60 characters long — how a
  listing hit without a title is recognised as the article another page names.

A merged group is named by a :class:`~peerkg.model.WorkId`: the DOI of any member, else the best key the
group as a whole offers (ISSN + volume + issue + title, year + first author + title, …), which
``peerkg.rdf.iri`` hashes into the IRI. Keys come from :mod:`peerkg.normalise.keys` and are computed once
per record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerkg.model import ParsedPage, RecordRef, WorkId, WorkMerge, WorkRecord
from peerkg.normalise.keys import family_key, fold, title_key

MIN_ABSTRACT_KEY = 60


@dataclass(frozen=True)
class WorkIdentity:
    """The node of every work record of a build, and the merges that joined records into one node."""

    ids: dict[RecordRef, WorkId]
    merges: tuple[WorkMerge, ...]


@dataclass(frozen=True)
class _Keys:
    """The keys of one work record, computed once."""

    record: WorkRecord
    doi: str | None
    title: str | None  # title_key
    year: int | None
    family: str | None  # family_key of the first author with a family name (matching)
    family_folded: str | None  # the same name folded (minting: kept as the IRIs were first minted)
    abstract: str | None  # title_key of the first abstract section, when ≥ MIN_ABSTRACT_KEY characters

    @classmethod
    def of(cls, record: WorkRecord) -> _Keys:
        family = next((n.family for n in record.authors if n.family), None)
        return cls(record=record, doi=record.doi, title=title_key(record.title) if record.title else None,
                   year=record.issued.year if record.issued else None,
                   family=family_key(family) if family else None, family_folded=fold(family) if family else None,
                   abstract=_abstract_key(record))


def _abstract_key(record: WorkRecord) -> str | None:
    if not record.abstract:
        return None
    text = record.abstract.sections[0].text if record.abstract.sections else record.abstract.text
    key = title_key(text)
    return key if len(key) >= MIN_ABSTRACT_KEY else None


def _match(a: _Keys, b: _Keys) -> tuple[str, float, str] | None:
    if (a.doi and b.doi and a.doi != b.doi) or (a.year is not None and b.year is not None and a.year != b.year):
        return None
    if a.doi and a.doi == b.doi:
        return "same-doi", 1.0, f"DOI {a.doi}"
    if a.record.title and b.record.title and a.year is not None and b.year is not None and a.title == b.title:
        return "same-title-and-year", 0.95, f"title {a.record.title!r}, year {a.year}"
    if a.family and a.family == b.family and a.abstract and a.abstract == b.abstract:
        return ("same-first-author-and-abstract", 0.95,
                f"first author {a.family_folded!r}, abstract starting {a.abstract[:60]!r}")
    return None


class _Groups:
    def __init__(self, refs: list[RecordRef]) -> None:
        self.parent = {r: r for r in refs}

    def find(self, r: RecordRef) -> RecordRef:
        while self.parent[r] != r:
            self.parent[r] = self.parent[self.parent[r]]
            r = self.parent[r]
        return r

    def union(self, a: RecordRef, b: RecordRef) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _group_id(keys: list[_Keys], refs: list[RecordRef], pages: Sequence[ParsedPage]) -> WorkId:
    dois = sorted({k.doi for k in keys if k.doi})
    if dois:
        return WorkId("doi", (dois[0],))
    title = next((k.title for k in keys if k.title), None)
    venue = next((k.record.venue for k in keys if k.record.venue and k.record.venue.issn and k.record.venue.volume),
                 None)
    year = next((str(k.year) for k in keys if k.year is not None), None)
    family = next((k.family_folded for k in keys if k.family_folded), None)
    if title and venue:
        return WorkId("key", ("issn-volume-issue-title", venue.issn or "", venue.volume or "", venue.issue or "",
                              title))
    if title and year and family:
        return WorkId("key", ("year-author-title", year, family, title))
    abstract = next((k.abstract for k in keys if k.abstract), None)
    if abstract and year and family:
        return WorkId("key", ("year-author-abstract", year, family, abstract))
    if title:
        return WorkId("key", ("title", title))
    first = min(refs)
    return WorkId("key", ("source-position", pages[first.page].document.sha256, str(first.index)))


def _candidate_pairs(refs: list[RecordRef], keys: dict[RecordRef, _Keys]) -> list[tuple[RecordRef, RecordRef]]:
    """Pairs that share a blocking key (DOI, title key, first author + abstract), in page order:
    only they can match, so the cost grows with the blocks, not with the square of the works."""
    blocks: dict[tuple[str, ...], list[RecordRef]] = {}
    for r in refs:
        k = keys[r]
        found: list[tuple[str, ...]] = []
        if k.doi:
            found.append(("doi", k.doi))
        if k.title is not None:
            found.append(("title", k.title))
        if k.family and k.abstract:
            found.append(("abstract", k.family, k.abstract))
        for key in found:
            blocks.setdefault(key, []).append(r)
    pairs = {(a, b) for members in blocks.values() for i, a in enumerate(members) for b in members[i + 1:]}
    return sorted(pairs)


def decide_works(pages: Sequence[ParsedPage]) -> WorkIdentity:
    """The node of every work record across ``pages``, with a merge decision for each join."""
    refs = [RecordRef(p, i) for p, page in enumerate(pages) for i in range(len(page.record.works))]
    keys = {r: _Keys.of(pages[r.page].record.works[r.index]) for r in refs}
    groups = _Groups(refs)
    joined: list[tuple[RecordRef, RecordRef, str, float, str]] = []
    for a, b in _candidate_pairs(refs, keys):
        if a.page == b.page:
            continue  # works listed on one page are distinct works
        found = _match(keys[a], keys[b])
        if found and groups.find(a) != groups.find(b):
            groups.union(a, b)
            joined.append((a, b, *found))
    members: dict[RecordRef, list[RecordRef]] = {}
    for r in refs:
        members.setdefault(groups.find(r), []).append(r)
    ids: dict[RecordRef, WorkId] = {}
    named: dict[WorkId, list[list[RecordRef]]] = {}
    for group in members.values():
        named.setdefault(_group_id([keys[r] for r in group], group, pages), []).append(group)
    for work, groups_with_id in named.items():
        for group in groups_with_id:
            # distinct works with the same key (same title in one issue, …) are told apart
            distinct = _distinct_id(group, keys, pages) if len(groups_with_id) > 1 else work
            for r in group:
                ids[r] = distinct
    merges = tuple(WorkMerge(a, b, ids[a], rule, score, evidence) for a, b, rule, score, evidence in joined)
    return WorkIdentity(ids=ids, merges=merges)


def _distinct_id(group: list[RecordRef], keys: dict[RecordRef, _Keys], pages: Sequence[ParsedPage]) -> WorkId:
    """A key for one of several unmerged works whose best keys coincide: the key plus every author and the
    pages and positions that describe it, so that the same input always gives the same key."""
    authors = sorted({fold(n.family or n.display) for r in group for n in keys[r].record.authors})
    where = sorted(f"{pages[r.page].source16}:{r.index}" for r in group)
    titles = sorted({keys[r].title for r in group if keys[r].title})
    return WorkId("key", ("disambiguated", *titles, *authors, *where))
