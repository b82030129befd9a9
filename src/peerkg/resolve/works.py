"""Work identity: one node per real work across all pages of a build, with every merge decision recorded.

Rules, strongest first (a pair merges on the first rule that fits):

* ``same-doi`` (1.0): both records carry the same DOI.
* ``same-title-and-year`` (0.95): title keys equal and publication years equal.
* ``same-title-compatible-authors`` (0.9): title keys equal, one year unknown, and author lists compatible
  (the same family names — in any order, initials or full given names, either name order — with given
  names that agree where both are printed).
* ``same-first-author-and-abstract`` (0.95): first authors' family keys equal and the first abstract
  section (or the whole abstract) has the same title key, at least 60 characters long — how a
  listing hit without a title is recognised as the article another page names.
* ``teaser-prefix-of-abstract`` (0.9): compatible author lists, and one record's teaser (its "…" dropped,
  at least 40 characters of key) opens the other's abstract.
* ``same-authors-date-venue`` (0.9): compatible complete author lists, the same date to the month (or day),
  the same journal (ISSN or title) and the same volume and issue — two listings of one article.

Never merged, whatever the rule: two different DOIs (also across a chain of merges: a group holds at most
one DOI); dates that disagree at the precision both give (years, or months, or days); volumes or issues
that disagree; journals' ISSNs that disagree; two titles that differ; author lists that are not compatible;
two records of one page.

A merged group is named by a :class:`~peerkg.model.WorkId`: the DOI of any member, else the best key the
group as a whole offers (ISSN + volume + issue + title, year + first author + title, …), which
``peerkg.rdf.iri`` hashes into the IRI. Keys come from :mod:`peerkg.normalise.keys` and are computed once
per record. Groups that the rules keep apart but whose best keys coincide (two copies of a listing that
differ only in the years they print) get distinct keys (:func:`_distinct_id`), so they never share an IRI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerkg.model import ParsedPage, PartialDate, RecordRef, WorkId, WorkMerge, WorkRecord
from peerkg.normalise.keys import family_key, fold, title_key
from peerkg.resolve.people import given_tokens, givens_compatible

MIN_ABSTRACT_KEY = 60
MIN_TEASER_KEY = 40


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
    abstract_whole: str  # title_key of the whole abstract text without its headings ("" when none)
    teaser: str | None  # title_key of the teaser without its "…", when ≥ MIN_TEASER_KEY characters
    authors: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]  # (family key, given tokens), sorted
    issn: str | None
    venue: str | None  # title_key of the journal title
    volume: str | None
    issue: str | None

    @classmethod
    def of(cls, record: WorkRecord) -> _Keys:
        family = next((n.family for n in record.authors if n.family), None)
        venue = record.venue
        teaser = title_key((record.teaser or "").rstrip("\u2026. ")) if record.teaser else ""
        return cls(record=record, doi=record.doi, title=title_key(record.title) if record.title else None,
                   year=record.issued.year if record.issued else None,
                   family=family_key(family) if family else None, family_folded=fold(family) if family else None,
                   abstract=_abstract_key(record), abstract_whole=_abstract_text_key(record),
                   teaser=teaser if len(teaser) >= MIN_TEASER_KEY else None,
                   authors=tuple(sorted((family_key(n.family or n.display), given_tokens(n.given))
                                        for n in record.authors if not n.is_organisation)),
                   issn=venue.issn if venue else None,
                   venue=title_key(venue.title) or None if venue and venue.title else None,
                   volume=(venue.volume or "").strip().casefold() or None if venue else None,
                   issue=(venue.issue or "").strip().casefold() or None if venue else None)


def _abstract_key(record: WorkRecord) -> str | None:
    if not record.abstract:
        return None
    text = record.abstract.sections[0].text if record.abstract.sections else record.abstract.text
    key = title_key(text)
    return key if len(key) >= MIN_ABSTRACT_KEY else None


def _abstract_text_key(record: WorkRecord) -> str:
    if not record.abstract:
        return ""
    if record.abstract.sections:
        return " ".join(title_key(s.text) for s in record.abstract.sections)
    return title_key(record.abstract.text)


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """No date, or the same at the precision both give."""
    if a is None or b is None:
        return True
    return (a.year == b.year and (a.month is None or b.month is None or a.month == b.month)
            and (a.day is None or b.day is None or a.day == b.day))


def _authors_compatible(a: _Keys, b: _Keys) -> bool:
    """The same family names (any order) with given names that agree where both are printed."""
    if not a.authors or not b.authors or [f for f, _ in a.authors] != [f for f, _ in b.authors]:
        return False
    return all(not ga or not gb or givens_compatible(ga, gb) for (_, ga), (_, gb) in zip(a.authors, b.authors,
                                                                                     strict=True))


def _conflict(a: _Keys, b: _Keys) -> bool:
    """Whether anything the two records both state disagrees (then no rule may merge them)."""
    if a.doi and b.doi:
        return a.doi != b.doi
    if not _dates_agree(a.record.issued, b.record.issued):
        return True
    if a.title and b.title and a.title != b.title:
        return True
    if (a.volume and b.volume and a.volume != b.volume) or (a.issue and b.issue and a.issue != b.issue):
        return True
    if a.issn and b.issn and a.issn != b.issn:
        return True
    return bool(a.authors and b.authors and not _authors_compatible(a, b)
                and not (a.title and a.title == b.title and a.year is not None and a.year == b.year))


def _match(a: _Keys, b: _Keys) -> tuple[str, float, str] | None:
    if a.doi and a.doi == b.doi:
        return "same-doi", 1.0, f"DOI {a.doi}"
    if _conflict(a, b):
        return None
    if a.title and a.title == b.title:
        if a.year is not None and b.year is not None:
            return "same-title-and-year", 0.95, f"title {a.record.title!r}, year {a.year}"
        if _authors_compatible(a, b):
            return ("same-title-compatible-authors", 0.9,
                    f"title {a.record.title!r}, authors {_names(a)} and {_names(b)}, one year not given")
    if a.family and a.family == b.family and a.abstract and a.abstract == b.abstract:
        return ("same-first-author-and-abstract", 0.95,
                f"first author {a.family_folded!r}, abstract starting {a.abstract[:60]!r}")
    if _authors_compatible(a, b):
        for x, y in ((a, b), (b, a)):
            if x.teaser and y.abstract_whole.startswith(x.teaser):
                return ("teaser-prefix-of-abstract", 0.9,
                        f"authors {_names(a)}; the teaser {x.record.teaser!r} opens the other's abstract")
        da, db = a.record.issued, b.record.issued
        same_venue = (a.issn and a.issn == b.issn) or (a.venue and a.venue == b.venue)
        if (da and db and da.month is not None and db.month is not None and same_venue
                and a.volume and a.volume == b.volume and a.issue and a.issue == b.issue):
            return ("same-authors-date-venue", 0.9,
                    f"authors {_names(a)}, date {(da if da.precision >= db.precision else db).iso()}, "
                    f"{a.issn or a.record.venue.title} vol. {a.volume} no. {a.issue}")  # type: ignore[union-attr]
    return None


def _names(k: _Keys) -> str:
    return " & ".join(n.display for n in k.record.authors)


class _Groups:
    def __init__(self, refs: list[RecordRef]) -> None:
        self.parent = {r: r for r in refs}

    def find(self, r: RecordRef) -> RecordRef:
        while self.parent[r] != r:
            self.parent[r] = self.parent[self.parent[r]]
            r = self.parent[r]
        return r

    def union(self, a: RecordRef, b: RecordRef, dois: dict[RecordRef, set[str]]) -> bool:
        """Join the groups of ``a`` and ``b`` unless that would put two DOIs in one group."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or len(dois[ra] | dois[rb]) > 1:
            return False
        low, high = min(ra, rb), max(ra, rb)
        self.parent[high] = low
        dois[low] = dois[low] | dois.pop(high)
        return True


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
    """Pairs from different pages that share a blocking key (DOI, title key, first author + abstract, first
    author + year), in page order: only they can match, so the cost grows with the blocks, not with the
    square of the works; records of one page are never paired (a page of one line repeated costs nothing)."""
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
        if k.family and k.year is not None:
            found.append(("first-year", k.family, str(k.year)))
        if k.family and (k.teaser or k.abstract_whole) and k.year is None:
            found.append(("first-undated", k.family))
        for key in found:
            blocks.setdefault(key, []).append(r)
    dated: dict[str, list[RecordRef]] = {}
    for key, members in blocks.items():
        if key[0] == "first-year":
            dated.setdefault(key[1], []).extend(members)
    pairs: set[tuple[RecordRef, RecordRef]] = set()
    for key, members in blocks.items():
        others = dated.get(key[1], []) if key[0] == "first-undated" else None
        pairs |= _across_pages(members, others)
    return sorted(pairs)


def _across_pages(members: list[RecordRef], others: list[RecordRef] | None) -> set[tuple[RecordRef, RecordRef]]:
    """Pairs of ``members`` (or of ``members`` × ``others``) that come from different pages."""
    if others is None:
        by_page: dict[int, list[RecordRef]] = {}
        for r in members:
            by_page.setdefault(r.page, []).append(r)
        pages = sorted(by_page)
        return {(min(a, b), max(a, b)) for i, p in enumerate(pages) for q in pages[i + 1:]
                for a in by_page[p] for b in by_page[q]}
    return {(min(a, b), max(a, b)) for a in members for b in others if a.page != b.page}


def decide_works(pages: Sequence[ParsedPage]) -> WorkIdentity:
    """The node of every work record across ``pages``, with a merge decision for each join."""
    refs = [RecordRef(p, i) for p, page in enumerate(pages) for i in range(len(page.record.works))]
    keys = {r: _Keys.of(pages[r.page].record.works[r.index]) for r in refs}
    groups = _Groups(refs)
    dois = {r: {keys[r].doi} if keys[r].doi else set() for r in refs}
    found_pairs = []
    for a, b in _candidate_pairs(refs, keys):
        found = _match(keys[a], keys[b])
        if found:
            found_pairs.append((a, b, *found))
    joined: list[tuple[RecordRef, RecordRef, str, float, str]] = []
    for a, b, rule, score, evidence in sorted(found_pairs, key=lambda f: (-f[3], f[0], f[1])):  # best first
        if groups.union(a, b, dois):
            joined.append((a, b, rule, score, evidence))
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
