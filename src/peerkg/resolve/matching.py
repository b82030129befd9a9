"""Works: which descriptions are the same work, and what an in-text citation points to.

Rules (scores in 0..1; a match is accepted at ``threshold``, default 0.85):

==================== ====== ==================================================================
rule                 score  when
==================== ====== ==================================================================
doi                  1.00   same bare lower-case DOI
title-year           0.95   same normalised title (≥ 3 words, or first authors agree) and year
authors-abstract     0.95   same author family list and same normalised abstract (≥ 20 words)
title-authors        0.90   same normalised title and author family list, one year unknown
author-year-venue    0.80+  same first-author family, year and venue (title or ISSN): 0.80,
                            +0.10 when volume and issue agree, +0.05 when both titles are
                            given and share ≥ half their words (so 0.80 alone is not enough)
title-no-year        0.80   same normalised title, one year unknown (below the threshold:
                            reported only when the caller lowers it)
==================== ====== ==================================================================

Never matched, whatever the score: two different DOIs; two different years; different first
authors; two complete (no "et al.") author lists that differ; volumes or issues that disagree;
two abstracts (≥ 20 words) sharing < half their words; (author-year-venue) titles that share
< half their words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from peerkg.model import Evidence, InTextCitation, Resolution, ResolutionStatus, WorkId, WorkKey, WorkMatch
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.keys import family_key, title_key

__all__ = [
    "DEFAULT_THRESHOLD",
    "cluster_works",
    "match_works",
    "resolve_citation",
]

DEFAULT_THRESHOLD = 0.85

@dataclass(frozen=True)
class _Prepared:
    """The keys of one description, computed once (matching compares these, never the raw strings)."""

    key: WorkKey
    doi: str | None
    first: str  # family_key of the first author
    families: tuple[str, ...]  # family_key of every author, in order
    complete: bool  # an author list without "et al."
    volume: str | None  # stripped, case folded; None when not given
    issue: str | None
    title: str  # title_key
    title_words: frozenset[str]
    title_length: int  # words
    abstract: str  # title_key
    abstract_words: frozenset[str]
    abstract_length: int  # words
    venue: str

    @classmethod
    def of(cls, key: WorkKey) -> _Prepared:
        title, abstract = title_key(key.title), title_key(key.abstract)
        return cls(
            key=key, doi=normalise_doi(key.doi),
            first=family_key(key.first_author_family or (key.author_families[0] if key.author_families else None)),
            families=tuple(family_key(f) for f in key.author_families),
            complete=bool(key.author_families) and not key.et_al,
            volume=key.volume.strip().casefold() if key.volume else None,
            issue=key.issue.strip().casefold() if key.issue else None,
            title=title, title_words=frozenset(title.split()), title_length=len(title.split()), abstract=abstract,
            abstract_words=frozenset(abstract.split()), abstract_length=len(abstract.split()),
            venue=re.sub(r"^the ", "", title_key(key.venue)))


def _numbered(value: str | None) -> bool:
    return bool(value) and "print" not in str(value).casefold()


def _score(pa: _Prepared, pb: _Prepared) -> tuple[str, float, str] | None:
    a, b = pa.key, pb.key
    if pa.doi and pb.doi:
        return ("doi", 1.0, f"same DOI {pa.doi}") if pa.doi == pb.doi else None
    if a.year is not None and b.year is not None and a.year != b.year:
        return None
    fa, fb = pa.first, pb.first
    if fa and fb and fa != fb:
        return None
    if ((pa.volume is not None and pb.volume is not None and pa.volume != pb.volume)
            or (pa.issue is not None and pb.issue is not None and pa.issue != pb.issue)):
        return None
    if pa.complete and pb.complete and pa.families != pb.families:
        return None  # both author lists complete and different
    if pa.abstract_length >= 20 and pb.abstract_length >= 20 and len(pa.abstract_words & pb.abstract_words) < 0.5 * min(
            len(pa.abstract_words), len(pb.abstract_words)):
        return None  # both abstracts shown and different
    ta, tb = pa.title, pb.title
    same_authors = bool(a.author_families) and pa.families == pb.families
    if ta and ta == tb and (pa.title_length >= 3 or (fa and fa == fb)):
        if a.year is not None and b.year is not None:
            return "title-year", 0.95, f"same normalised title {ta!r} and year {a.year}"
        if same_authors:
            return ("title-authors", 0.9,
                    f"same normalised title {ta!r} and authors {', '.join(a.author_families)}; "
                    "year unknown on one side")
        return "title-no-year", 0.8, f"same normalised title {ta!r}; year unknown on one side"
    xa = pa.abstract
    if same_authors and xa and xa == pb.abstract and pa.abstract_length >= 20:
        return ("authors-abstract", 0.95,
                f"same authors {', '.join(a.author_families)} and same abstract ({pa.abstract_length} words: "
                f"{' '.join(xa.split()[:8])} …)")
    same_venue = bool(a.issn and b.issn and a.issn == b.issn) or bool(pa.venue and pa.venue == pb.venue)
    if fa and fa == fb and a.year is not None and a.year == b.year and same_venue:
        wa, wb = pa.title_words, pb.title_words
        overlap = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else None
        if overlap is not None and overlap < 0.5:
            return None
        exact = bool(_numbered(a.volume) and a.volume == b.volume and _numbered(a.issue) and a.issue == b.issue)
        score = 0.8 + (0.1 if exact else 0.0) + (0.05 if overlap is not None else 0.0)
        venue = a.issn if a.issn and a.issn == b.issn else (a.venue or b.venue)
        return ("author-year-venue", round(score, 2),
                f"same first author {a.first_author_family or fa!r}, year {a.year} and venue {venue!r}"
                + (f", vol. {a.volume} no. {a.issue}" if exact else "")
                + (f", titles share {overlap:.0%} of their words" if overlap is not None else ""))
    return None


def _blocks(keys: Sequence[_Prepared], across: frozenset[int] | None = None) -> set[tuple[int, int]]:
    """Index pairs sharing a blocking key; with ``across``, only pairs with exactly one side in it (cost:
    the block sizes times the members of ``across`` in them, not the block sizes squared)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if k.doi:
            index[("doi", k.doi)].append(i)
        if k.key.title:
            index[("title", k.title)].append(i)
        if k.first and k.key.year is not None:
            index[("fy", k.first, str(k.key.year))].append(i)
        if k.key.abstract:
            index[("abstract", k.abstract)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if across is None:
            pairs.update(combinations(members, 2))
            continue
        inside = [i for i in members if i in across]
        outside = [i for i in members if i not in across]
        pairs.update((min(i, j), max(i, j)) for i in inside for j in outside)
    return pairs


def match_works(candidates: Sequence[WorkKey], threshold: float = DEFAULT_THRESHOLD,
                across: Iterable[WorkId] | None = None) -> list[WorkMatch]:
    """Pairs of descriptions that are the same work (score ≥ ``threshold``), best rule each.

    Each description's keys are computed once; candidates are blocked by DOI, title key and (first
    author, year), so the cost grows with the block sizes, not with n². With ``across`` (ids), only
    pairs with exactly one side among those ids are compared.
    """
    prepared = [_Prepared.of(k) for k in candidates]
    inside = None
    if across is not None:
        ids = set(across)
        inside = frozenset(i for i, k in enumerate(candidates) if k.id in ids)
    out: list[WorkMatch] = []
    for i, j in sorted(_blocks(prepared, inside)):
        a, b = candidates[i], candidates[j]
        if a.id == b.id:
            continue
        scored = _score(prepared[i], prepared[j])
        if scored and scored[1] >= threshold:
            left, right = sorted((a.id, b.id))
            out.append(WorkMatch(left=left, right=right, rule=scored[0], score=scored[1], evidence=scored[2]))
    return sorted(set(out), key=lambda m: (m.left, m.right))


def cluster_works(candidates: Sequence[WorkKey], matches: Iterable[WorkMatch]) -> list[tuple[str, ...]]:
    """Group ids into works (union of matches), never putting two different DOIs in one group.

    Matches are applied best-first; one that would join two groups with different DOIs is skipped.
    """
    parent = {k.id: k.id for k in candidates}
    dois = {k.id: {d} if (d := normalise_doi(k.doi)) else set() for k in candidates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in sorted(matches, key=lambda m: (-m.score, m.left, m.right)):
        ra, rb = find(m.left), find(m.right)
        if ra == rb or len(dois[ra] | dois[rb]) > 1:
            continue
        parent[rb] = ra
        dois[ra] |= dois.pop(rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in candidates:
        groups[find(k.id)].append(k.id)
    return sorted(tuple(sorted(set(g))) for g in groups.values())


# --- in-text citations ------------------------------------------------------------------------

def _names_fit(citation: InTextCitation, key: WorkKey) -> bool:
    names = [family_key(n) for n in citation.names]
    fams = [family_key(f) for f in key.author_families]
    if not fams or not names:
        return False
    if citation.et_al:  # "A et al." = A first, then at least two more (3+ authors in all)
        return fams[: len(names)] == names and (len(fams) >= max(3, len(names) + 1) or key.et_al)
    if key.et_al:  # a truncated list: the citation must extend it
        return names[: len(fams)] == fams and len(names) > len(fams)
    return fams == names  # "A & B" = exactly A and B, in order


def resolve_citation(citation: InTextCitation, works: Sequence[WorkKey]) -> Resolution:
    """Resolve an in-text citation against the works known to the graph (one key per work).

    Resolved only when exactly one work fits both the names (all named authors, in order; "et al."
    = first author(s) of three or more; "A & B" = exactly two) and the year (and the suffix when
    both give one). Several → ambiguous; none, or the year lost → unresolved. Never guesses.
    """
    shown = citation.text.replace("\n", " ")
    named = {w.id for w in works if _names_fit(citation, w)}
    by_names = sorted(named)
    if citation.year is None:
        return Resolution(
            citation=shown, status=ResolutionStatus.UNRESOLVED, candidates=tuple(by_names), rule="year-missing",
            evidence=Evidence.of(f"{shown!r} gives no year; {len(by_names)} work(s) by these names: ",
                                 tuple(by_names)))
    fits = sorted({
        w.id for w in works if w.id in named and w.year == citation.year
        and not (citation.year_suffix and w.year_suffix and citation.year_suffix != w.year_suffix)})
    who = " & ".join(citation.names) + (" et al." if citation.et_al else "")
    duplicates: tuple[WorkId, ...] = ()
    if len(fits) > 1:  # several descriptions of one work (the same reference on several pages) are one fit
        fitting = [w for w in works if w.id in set(fits)]
        groups = cluster_works(fitting, match_works(fitting))
        if len(groups) == 1:
            duplicates = tuple(fits)
            fits = [min(fits, key=lambda i: (i.scheme == "cited", i))]
    if len(fits) == 1 and duplicates:
        score = 0.85 if citation.et_al else 0.9
        return Resolution(citation=shown, status=ResolutionStatus.RESOLVED, work_id=fits[0], candidates=duplicates,
                          rule="family-names-year", score=score,
                          evidence=Evidence.of(f"the only work by {who} in {citation.year} (described ",
                                               f"{len(duplicates)} times, the same work by title and year): ",
                                               duplicates))
    if len(fits) == 1:
        score = 0.85 if citation.et_al else 0.9
        return Resolution(citation=shown, status=ResolutionStatus.RESOLVED, work_id=fits[0], candidates=tuple(fits),
                          rule="family-names-year", score=score,
                          evidence=Evidence.of(f"the only work by {who} in {citation.year}: ", fits[0]))
    if fits:
        return Resolution(citation=shown, status=ResolutionStatus.AMBIGUOUS, candidates=tuple(fits),
                          rule="family-names-year", score=round(1 / len(fits), 2),
                          evidence=Evidence.of(f"{len(fits)} works by {who} in {citation.year}: ", tuple(fits)))
    return Resolution(citation=shown, status=ResolutionStatus.UNRESOLVED, rule="family-names-year",
                      evidence=Evidence.of(f"no work by {who} in {citation.year} in the graph "
                                           f"({len(by_names)} by these names)"))
