"""One node per real work across all pages of a build, with every merge decision recorded.

Rules, strongest first (a pair merges on the first rule that fits; conflicting DOIs or years never merge):

* ``same-doi`` (1.0): both records carry the same DOI.
* ``same-title-and-year`` (0.95): normalised titles equal and publication years equal.
* ``same-first-author-and-abstract`` (0.95): first authors' family names equal and the first abstract
  section (or the whole abstract) has the same normalised text, at least 60 characters long — how a
  listing hit without a title is recognised as the article another page names.

A merged group gets its IRI from the DOI of any member, else from a hash of the best key the group
as a whole offers (ISSN + volume + issue + title, year + first author + title, …).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import URIRef

from peerkg.model import PageRecord, SourceDocument, WorkRecord
from peerkg.rdf.iri import Minter, normalised_title

MIN_ABSTRACT_KEY = 60


@dataclass(frozen=True)
class WorkRef:
    page: int  # index of the page in the build
    index: int  # index of the work in the page

    def label(self, documents: Sequence[SourceDocument]) -> str:
        return f"{documents[self.page].name} work {self.index + 1}"


@dataclass(frozen=True)
class WorkMerge:
    first: WorkRef
    second: WorkRef
    rule: str
    score: float
    evidence: str


@dataclass(frozen=True)
class WorkIdentity:
    iris: dict[WorkRef, URIRef]
    merges: tuple[WorkMerge, ...]


def _first_family(record: WorkRecord) -> str | None:
    for name in record.authors:
        if name.family:
            return name.family.casefold()
    return None


def _abstract_key(record: WorkRecord) -> str | None:
    if not record.abstract:
        return None
    text = record.abstract.sections[0].text if record.abstract.sections else record.abstract.text
    key = normalised_title(text)
    return key if len(key) >= MIN_ABSTRACT_KEY else None


def _conflict(a: WorkRecord, b: WorkRecord) -> bool:
    if a.doi and b.doi and a.doi != b.doi:
        return True
    return bool(a.issued and b.issued and a.issued.year != b.issued.year)


def _match(a: WorkRecord, b: WorkRecord) -> tuple[str, float, str] | None:
    if _conflict(a, b):
        return None
    if a.doi and a.doi == b.doi:
        return "same-doi", 1.0, f"DOI {a.doi}"
    if a.title and b.title and a.issued and b.issued and normalised_title(a.title) == normalised_title(b.title):
        return "same-title-and-year", 0.95, f"title {a.title!r}, year {a.issued.year}"
    fa, fb = _first_family(a), _first_family(b)
    ka, kb = _abstract_key(a), _abstract_key(b)
    if fa and fa == fb and ka and ka == kb:
        return "same-first-author-and-abstract", 0.95, f"first author {fa!r}, abstract starting {ka[:60]!r}"
    return None


class _Groups:
    def __init__(self, refs: list[WorkRef]) -> None:
        self.parent = {r: r for r in refs}

    def find(self, r: WorkRef) -> WorkRef:
        while self.parent[r] != r:
            self.parent[r] = self.parent[self.parent[r]]
            r = self.parent[r]
        return r

    def union(self, a: WorkRef, b: WorkRef) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=lambda r: (r.page, r.index))] = min(
                ra, rb, key=lambda r: (r.page, r.index))


def _group_iri(records: list[WorkRecord], refs: list[WorkRef], documents: Sequence[SourceDocument],
               minter: Minter) -> URIRef:
    dois = sorted({r.doi for r in records if r.doi})
    if dois:
        return minter.work_by_doi(dois[0])
    title = next((normalised_title(r.title) for r in records if r.title), None)
    venue = next((r.venue for r in records if r.venue and r.venue.issn and r.venue.volume), None)
    year = next((str(r.issued.year) for r in records if r.issued), None)
    family = next((f for f in map(_first_family, records) if f), None)
    if title and venue:
        return minter.work_by_key("issn-volume-issue-title", venue.issn or "", venue.volume or "",
                                  venue.issue or "", title)
    if title and year and family:
        return minter.work_by_key("year-author-title", year, family, title)
    abstract = next((k for k in map(_abstract_key, records) if k), None)
    if abstract and year and family:
        return minter.work_by_key("year-author-abstract", year, family, abstract)
    if title:
        return minter.work_by_key("title", title)
    first = min(refs, key=lambda r: (r.page, r.index))
    return minter.work_by_key("source-position", documents[first.page].sha256, str(first.index))


def _candidate_pairs(refs: list[WorkRef], record: dict[WorkRef, WorkRecord]) -> list[tuple[WorkRef, WorkRef]]:
    """Pairs that share a blocking key (DOI, normalised title, first author + abstract), in page order:
    only they can match, so the cost grows with the blocks, not with the square of the works."""
    blocks: dict[tuple[str, ...], list[WorkRef]] = {}
    for r in refs:
        w = record[r]
        keys: list[tuple[str, ...]] = []
        if w.doi:
            keys.append(("doi", w.doi))
        if w.title:
            keys.append(("title", normalised_title(w.title)))
        family, abstract = _first_family(w), _abstract_key(w)
        if family and abstract:
            keys.append(("abstract", family, abstract))
        for key in keys:
            blocks.setdefault(key, []).append(r)
    order = {r: i for i, r in enumerate(refs)}
    pairs = {(a, b) if order[a] < order[b] else (b, a)
             for members in blocks.values() for i, a in enumerate(members) for b in members[i + 1:]}
    return sorted(pairs, key=lambda ab: (order[ab[0]], order[ab[1]]))


def decide_works(pages: Sequence[PageRecord], documents: Sequence[SourceDocument],
                 minter: Minter) -> WorkIdentity:
    refs = [WorkRef(p, i) for p, page in enumerate(pages) for i in range(len(page.works))]
    record = {r: pages[r.page].works[r.index] for r in refs}
    groups = _Groups(refs)
    merges: list[WorkMerge] = []
    for a, b in _candidate_pairs(refs, record):
        if a.page == b.page:
            continue  # works listed on one page are distinct works
        found = _match(record[a], record[b])
        if found and groups.find(a) != groups.find(b):
            rule, score, evidence = found
            groups.union(a, b)
            merges.append(WorkMerge(a, b, rule, score, evidence))
    members: dict[WorkRef, list[WorkRef]] = {}
    for r in refs:
        members.setdefault(groups.find(r), []).append(r)
    iris: dict[WorkRef, URIRef] = {}
    minted: dict[URIRef, list[list[WorkRef]]] = {}
    for group in members.values():
        minted.setdefault(_group_iri([record[r] for r in group], group, documents, minter), []).append(group)
    for iri, groups_with_iri in minted.items():
        for group in groups_with_iri:
            if len(groups_with_iri) > 1:  # distinct works with the same key (same title in one issue, …)
                iri = _distinct_iri(group, record, documents, minter)
            for r in group:
                iris[r] = iri
    return WorkIdentity(iris=iris, merges=tuple(merges))


def _distinct_iri(group: list[WorkRef], record: dict[WorkRef, WorkRecord], documents: Sequence[SourceDocument],
                  minter: Minter) -> URIRef:
    """An IRI for one of several unmerged works whose best keys coincide: the key plus every author and the
    pages and positions that describe it, so that the same input always gives the same IRI."""
    authors = sorted({(n.family or n.display).casefold() for r in group for n in record[r].authors})
    where = sorted(f"{documents[r.page].sha256[:16]}:{r.index}" for r in group)
    titles = sorted({normalised_title(record[r].title) for r in group if record[r].title})
    return minter.work_by_key("disambiguated", *titles, *authors, *where)
