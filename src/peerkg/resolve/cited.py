"""Cited works across pages: reference entries of different lists that cite one work no page describes
become one node, with a decision per join.

Rules (only fields the reference parser is sure of count, :meth:`~peerkg.model.CitedWork.strong`):

* ``same-doi`` (1.0): both entries carry the same DOI.
* ``same-title-year-first-author`` (0.95): the same normalised title, the same year and a compatible first
  author family ("Müller" = "Mueller").
* ``only-work-by-first-author-and-year`` (0.8): an entry without a sure title or DOI joins the one work
  (described by a page, or cited elsewhere with a title) whose first author and year it shares — only when
  exactly one fits; two candidates leave it a node of its own.

Never joined, whatever the rule: two different DOIs (also across a chain: a node holds at most one DOI);
years, volumes, issues, first or last pages that disagree; kinds of work that disagree (both stated);
author lists that disagree (family names position by position, given names that could not be one person,
a shorter list without "et al."); two entries of one reference list.

Keys are computed once per entry; entries are blocked by DOI and by (title, year, first author), so the
cost grows with the number of entries times the distinct readings of a work, not with their square.
A node of several entries is named by its DOI (unless a work a page describes already holds it) or by
the key a described work with these fields would get (``year-author-title``), so a page describing the
work later keeps the node; keys that coincide with another node's get the entries' positions added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from peerkg.model import CitedMerge, CitedWork, RecordRef, WorkId, WorkKey, WorkType
from peerkg.normalise.keys import fold, title_key
from peerkg.resolve.people import family_keys, given_tokens, givens_compatible

__all__ = ["CitedIdentity", "Entry", "decide_cited"]

Entry = tuple[RecordRef, int]  # the citing work record and the entry's position in its list
_Givens = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class _Keys:
    """What identity compares of one reference entry (hashable: entries that read alike share one)."""

    doi: str | None
    title: str | None  # title_key of a sure title
    weak_title: frozenset[str]  # words of a title the parser is unsure of
    year: int | None
    families: tuple[frozenset[str], ...]  # family keys per author, in order
    givens: tuple[_Givens, ...]
    et_al: bool
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None
    kind: WorkType | None  # None: not stated

    @classmethod
    def of(cls, cited: CitedWork) -> _Keys:
        def sure(name: str, value: str | None) -> str | None:
            return value.strip().casefold() or None if value and cited.strong(name) else None

        authors = cited.authors if cited.strong("authors") else ()
        title = title_key(cited.title) if cited.title else ""
        pages = cited.pages if cited.strong("pages") else None
        return cls(doi=sure("doi", cited.doi), title=title if title and cited.strong("title") else None,
                   weak_title=frozenset(title.split()) if title and not cited.strong("title") else frozenset(),
                   year=cited.year if cited.strong("year") else None,
                   families=tuple(family_keys(n.family or n.display) for n in authors),
                   givens=tuple(given_tokens(n.given) for n in authors), et_al=cited.et_al,
                   volume=sure("volume", cited.volume), issue=sure("issue", cited.issue),
                   first_page=pages.start if pages else None, last_page=pages.end if pages else None,
                   kind=None if cited.work_type is WorkType.WORK else cited.work_type)

    @classmethod
    def of_work(cls, key: WorkKey) -> _Keys:
        """The same keys for a work a page describes (its fields as the build's work key gives them)."""
        def low(value: str | None) -> str | None:
            return value.strip().casefold() or None if value else None

        return cls(doi=low(key.doi), title=title_key(key.title) or None, weak_title=frozenset(), year=key.year,
                   families=tuple(family_keys(f) for f in key.author_families),
                   givens=tuple(() for _ in key.author_families), et_al=key.et_al, volume=low(key.volume),
                   issue=low(key.issue), first_page=None, last_page=None, kind=None)

    @property
    def first(self) -> frozenset[str]:
        return self.families[0] if self.families else frozenset()


def _same_person(a: _Givens, b: _Givens) -> bool:
    """Given names the people rules could join on one work: unknown on a side, the very same initials, or
    compatible with one side written out."""
    if not a or not b:
        return True
    return givens_compatible(a, b) and ([t for t, _ in a] == [t for t, _ in b] or not a[0][1] or not b[0][1])


def _authors_agree(a: _Keys, b: _Keys) -> bool:
    if not a.families or not b.families:
        return True
    if not all(fa & fb and _same_person(ga, gb) for fa, fb, ga, gb in zip(a.families, b.families, a.givens,
                                                                         b.givens, strict=False)):
        return False
    shorter = a if len(a.families) < len(b.families) else b
    return len(a.families) == len(b.families) or shorter.et_al


def _conflict(a: _Keys, b: _Keys) -> str | None:
    """The first field the two readings both state and disagree on (then they are never one work)."""
    for name in ("doi", "year", "volume", "issue", "first_page", "last_page", "kind"):
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None and x != y:
            return name
    return None if _authors_agree(a, b) else "authors"


def _match(a: _Keys, b: _Keys) -> tuple[str, float] | None:
    if _conflict(a, b):
        return None
    if a.doi and a.doi == b.doi:
        return "same-doi", 1.0
    if a.title and a.title == b.title and a.year is not None and a.year == b.year and a.first & b.first:
        return "same-title-year-first-author", 0.95
    return None


@dataclass(frozen=True)
class CitedIdentity:
    """The node of every reference entry that identity joined (entries absent keep a node of their own)."""

    works: dict[Entry, WorkId]  # entries joined with entries of other lists
    matched: dict[Entry, WorkId]  # entries joined to a work a page describes (first author and year)
    merges: tuple[CitedMerge, ...]


class _Groups:
    """Union-find over entries; a group holds at most one DOI and one entry per reference list."""

    def __init__(self, keys: dict[Entry, _Keys]) -> None:
        self.parent = {e: e for e in keys}
        self.forms: dict[Entry, set[_Keys]] = {e: {k} for e, k in keys.items()}
        self.lists: dict[Entry, set[RecordRef]] = {e: {e[0]} for e in keys}

    def find(self, e: Entry) -> Entry:
        while self.parent[e] != e:
            self.parent[e] = self.parent[self.parent[e]]
            e = self.parent[e]
        return e

    def union(self, a: Entry, b: Entry) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.lists[ra].isdisjoint(self.lists[rb]):
            return False
        if any(_conflict(x, y) for x in self.forms[ra] for y in self.forms[rb]):
            return False  # a chain would join readings that disagree (different DOIs, volumes, …)
        low, high = min(ra, rb), max(ra, rb)
        self.parent[high] = low
        self.forms[low] |= self.forms.pop(high)
        self.lists[low] |= self.lists.pop(high)
        return True


def _pairs(keys: dict[Entry, _Keys]) -> list[tuple[Entry, Entry, str, float]]:
    """Entries that match, each compared with one entry per distinct reading already in its block."""
    blocks: dict[tuple[object, ...], list[Entry]] = defaultdict(list)
    for e, k in keys.items():
        if k.doi:
            blocks[("doi", k.doi)].append(e)
        if k.title and k.year is not None:
            for f in k.first:
                blocks[("title", k.title, k.year, f)].append(e)
    found: dict[tuple[Entry, Entry], tuple[str, float]] = {}
    for members in blocks.values():
        readings: dict[_Keys, list[Entry]] = {}
        for e in members:
            for k, seen in readings.items():
                other = next((x for x in seen if x[0] != e[0]), None)  # one of another list
                matched = _match(keys[e], k) if other else None
                if other and matched:
                    found[(min(e, other), max(e, other))] = matched
            readings.setdefault(keys[e], []).append(e)
    return sorted(((a, b, *m) for (a, b), m in found.items()), key=lambda p: (-p[3], p[0], p[1]))


def _group_id(keys: Sequence[tuple[Entry, CitedWork, _Keys]], taken: set[WorkId]) -> WorkId:
    doi = next((k.doi for _e, _c, k in keys if k.doi), None)
    if doi and WorkId("doi", (doi,)) not in taken:
        return WorkId("doi", (doi,))
    title = next((k.title for _e, _c, k in keys if k.title), None)
    year = next((str(k.year) for _e, _c, k in keys if k.year is not None), None)
    family = next((fold(c.authors[0].family or c.authors[0].display) for _e, c, k in keys if k.families), None)
    if title and year and family:
        return WorkId("key", ("year-author-title", year, family, title))
    return WorkId("key", ("cited", *(x for x in (doi, title, year, family) if x)))


def _describe(entry: Entry, name: Callable[[RecordRef], str]) -> str:
    return f"reference {entry[1]} of {name(entry[0])}"


def _first(cited: CitedWork) -> str:
    return cited.authors[0].family or cited.authors[0].display if cited.authors else "?"


def _evidence(rule: str, cited: CitedWork) -> str:
    first = _first(cited)
    if rule == "same-doi":
        return f"DOI {cited.doi}"
    if rule == "same-title-year-first-author":
        return f"title {cited.title!r}, year {cited.year}, first author {first!r}"
    return (f"the one entry has only first author {first!r} and year {cited.year}, and the other's is the "
            "only work in the build that fits them")


def decide_cited(entries: Sequence[tuple[Entry, CitedWork]], main: Sequence[WorkKey],
                 name: Callable[[RecordRef], str]) -> CitedIdentity:
    """Join the reference entries of ``entries`` (those no described work matched) that cite one work, and
    entries with only a first author and year to the one work that fits. ``main``: the described works'
    keys; ``name``: how decisions name a citing record ("page.txt work 1")."""
    cited = dict(entries)
    keys = {e: _Keys.of(c) for e, c in entries}
    groups = _Groups(keys)
    joined = [(a, b, rule, score, _evidence(rule, cited[a])) for a, b, rule, score in _pairs(keys)
              if groups.union(a, b)]
    matched, more = _by_first_author_and_year(keys, groups, main)
    for entry, target in more:
        if groups.union(entry, target):
            rule = "only-work-by-first-author-and-year"
            joined.append((min(entry, target), max(entry, target), rule, 0.8, _evidence(rule, cited[entry])))
    members: dict[Entry, list[Entry]] = defaultdict(list)
    for e in keys:
        members[groups.find(e)].append(e)
    taken = {m.id for m in main if isinstance(m.id, WorkId)}
    named: dict[WorkId, list[list[Entry]]] = defaultdict(list)
    for group in (sorted(g) for g in members.values() if len(g) > 1):
        named[_group_id([(e, cited[e], keys[e]) for e in group], taken)].append(group)
    works: dict[Entry, WorkId] = {}
    for work, found in named.items():
        for group in found:
            distinct = work if len(found) == 1 and work not in taken else WorkId(
                "key", (*work.parts, *(f"{name(e[0])}:{e[1]}" for e in group)))
            works.update((e, distinct) for e in group)
    merges = [CitedMerge(a, b, works[a], rule, score,
                         f"{_describe(a, name)} and {_describe(b, name)} cite the same work: {evidence}")
              for a, b, rule, score, evidence in joined]
    rule = "only-work-by-first-author-and-year"
    merges += [CitedMerge(e, None, work, rule, 0.8, f"{_describe(e, name)} has only first author "
                          f"{_first(cited[e])!r} and year {cited[e].year}, and the work a page describes is the "
                          "only work in the build that fits them") for e, work in sorted(matched.items())]
    return CitedIdentity(works=works, matched=matched, merges=tuple(merges))


def _by_first_author_and_year(keys: dict[Entry, _Keys], groups: _Groups, main: Sequence[WorkKey],
                              ) -> tuple[dict[Entry, WorkId], list[tuple[Entry, Entry]]]:
    """Entries with neither a sure title nor a DOI, each joined to the one node that fits its first author
    and year: a described work (returned in the first dict) or a titled cited entry's node (second)."""
    # (first author key, year) → node → its distinct readings (a set: a work cited 1,000 times alike is one)
    index: dict[tuple[str, int], dict[object, set[_Keys]]] = defaultdict(lambda: defaultdict(set))
    titles: dict[object, frozenset[str]] = {}
    for m in main:
        k = _Keys.of_work(m)
        for f in k.first:
            if k.year is not None:
                index[(f, k.year)][m.id].add(k)
        titles[m.id] = frozenset((k.title or "").split())
    for e, k in keys.items():
        if k.title and k.year is not None:
            root = groups.find(e)
            for f in k.first:
                index[(f, k.year)][root].add(k)
            titles[root] = frozenset(k.title.split())
    matched: dict[Entry, WorkId] = {}
    joins: list[tuple[Entry, Entry]] = []
    for e, k in sorted(keys.items()):
        if k.title or k.doi or k.year is None or not k.first:
            continue
        fits = {node for f in k.first for node, forms in index.get((f, k.year), {}).items()
                if node != groups.find(e) and not any(_conflict(k, x) for x in forms)
                and _titles_fit(k.weak_title, titles.get(node, frozenset()))}
        if len(fits) != 1:
            continue
        node = fits.pop()
        if isinstance(node, tuple):
            joins.append((e, node))  # type: ignore[arg-type]
        elif isinstance(node, WorkId):
            matched[e] = node
    return matched, joins


def _titles_fit(weak: frozenset[str], other: frozenset[str]) -> bool:
    """An unsure title must share at least half its words with the candidate's title, when both have one."""
    return not weak or not other or len(weak & other) >= 0.5 * min(len(weak), len(other))
