"""Works: which descriptions are the same work, what an in-text citation points to, and the facts
pages imply about a work (authors read off citing statements, a journal read off a DOI).

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
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from peerkg.linking.intext import find_citations
from peerkg.linking.records import (
    Inference,
    InTextCitation,
    Resolution,
    ResolutionStatus,
    WorkKey,
    WorkMatch,
)
from peerkg.normalise.identifiers import normalise_doi

__all__ = [
    "DEFAULT_THRESHOLD",
    "EMERALD_JOURNALS",
    "cluster_works",
    "family_key",
    "infer_authors_from_statements",
    "journal_from_doi",
    "match_works",
    "normalise_title",
    "resolve_citation",
]

DEFAULT_THRESHOLD = 0.85

#: Emerald journal codes (``10.1108/{code}-…``) → (title, print ISSN). Only codes whose title and
#: ISSN we could check (ISSNs pass the mod-11 check); unknown codes give no inference.
EMERALD_JOURNALS: dict[str, tuple[str, str | None]] = {
    "jmhtep": ("The Journal of Mental Health Training, Education and Practice", "1755-6228"),
    "mhsi": ("Mental Health and Social Inclusion", "2042-8308"),
    "mhrj": ("Mental Health Review Journal", "1361-9322"),
    "jpmh": ("Journal of Public Mental Health", "1746-5729"),
    "amhid": ("Advances in Mental Health and Intellectual Disabilities", "2044-1282"),
    "tc": ("Therapeutic Communities: The International Journal of Therapeutic Communities", "0964-1866"),
    "jica": ("Journal of Integrated Care", "1476-9018"),
    "wwop": ("Working with Older People", "1366-3666"),
    "jfp": ("Journal of Forensic Practice", "2050-8794"),
    "ijmhsc": ("International Journal of Migration, Health and Social Care", "1747-9894"),
    "dat": ("Drugs and Alcohol Today", "1745-9265"),
    "jacpr": ("Journal of Aggression, Conflict and Peace Research", "1759-6599"),
    "ijhrh": ("International Journal of Human Rights in Healthcare", "2056-4902"),
    "jidob": ("Journal of Intellectual Disabilities and Offending Behaviour", "2050-8824"),
}

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
                        | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def normalise_title(title: str | None) -> str:
    """Casefold, unify quotes/dashes, strip accents and punctuation, collapse spaces.

    >>> normalise_title("Harnessing the ‘lived experience’: formalising…")
    'harnessing the lived experience formalising'
    """
    if not title:
        return ""
    return " ".join(re.sub(r"[^\w\s]|_", " ", _fold(title)).split())


def family_key(name: str | None) -> str:
    """Family names compare on letters and digits only: "O'Hagan" = "OHagan", "Müller" = "Muller".

    >>> family_key("O’Hagan"), family_key("Lloyd-Evans"), family_key("Lawton-Smith") == family_key("Smith")
    ('ohagan', 'lloydevans', False)
    """
    return re.sub(r"[^a-z0-9]", "", _fold(name or ""))


def _venue_key(key: WorkKey) -> str:
    return re.sub(r"^the ", "", normalise_title(key.venue))


def _words(title: str | None) -> set[str]:
    return set(normalise_title(title).split())


def _first_family(key: WorkKey) -> str:
    return family_key(key.first_author_family or (key.author_families[0] if key.author_families else None))


def _complete(key: WorkKey) -> bool:
    return bool(key.author_families) and not key.et_al


def _numbered(value: str | None) -> bool:
    return bool(value) and "print" not in str(value).casefold()


def _score(a: WorkKey, b: WorkKey) -> tuple[str, float, str] | None:
    da, db = normalise_doi(a.doi), normalise_doi(b.doi)
    if da and db:
        return ("doi", 1.0, f"same DOI {da}") if da == db else None
    if a.year is not None and b.year is not None and a.year != b.year:
        return None
    fa, fb = _first_family(a), _first_family(b)
    if fa and fb and fa != fb:
        return None
    for x, y in ((a.volume, b.volume), (a.issue, b.issue)):
        if x and y and x.strip().casefold() != y.strip().casefold():
            return None
    if _complete(a) and _complete(b) and [family_key(f) for f in a.author_families] != [
            family_key(f) for f in b.author_families]:
        return None  # both author lists complete and different
    xa, xb = normalise_title(a.abstract), normalise_title(b.abstract)
    if len(xa.split()) >= 20 and len(xb.split()) >= 20 and len(set(xa.split()) & set(xb.split())) < 0.5 * min(
            len(set(xa.split())), len(set(xb.split()))):
        return None  # both abstracts shown and different
    ta, tb = normalise_title(a.title), normalise_title(b.title)
    same_authors = bool(a.author_families) and [family_key(f) for f in a.author_families] == [
        family_key(f) for f in b.author_families]
    if ta and ta == tb and (len(ta.split()) >= 3 or (fa and fa == fb)):
        if a.year is not None and b.year is not None:
            return "title-year", 0.95, f"same normalised title {ta!r} and year {a.year}"
        if same_authors:
            return ("title-authors", 0.9,
                    f"same normalised title {ta!r} and authors {', '.join(a.author_families)}; "
                    "year unknown on one side")
        return "title-no-year", 0.8, f"same normalised title {ta!r}; year unknown on one side"
    if same_authors and xa and xa == xb and len(xa.split()) >= 20:
        return ("authors-abstract", 0.95,
                f"same authors {', '.join(a.author_families)} and same abstract ({len(xa.split())} words: "
                f"{' '.join(xa.split()[:8])} …)")
    same_venue = bool(a.issn and b.issn and a.issn == b.issn) or bool(_venue_key(a) and _venue_key(a) == _venue_key(b))
    if fa and fa == fb and a.year is not None and a.year == b.year and same_venue:
        wa, wb = _words(a.title), _words(b.title)
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


def _blocks(keys: Sequence[WorkKey]) -> set[tuple[int, int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        doi = normalise_doi(k.doi)
        if doi:
            index[("doi", doi)].append(i)
        if k.title:
            index[("title", normalise_title(k.title))].append(i)
        if _first_family(k) and k.year is not None:
            index[("fy", _first_family(k), str(k.year))].append(i)
        if k.abstract:
            index[("abstract", normalise_title(k.abstract))].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        pairs.update(combinations(members, 2))
    return pairs


def match_works(candidates: Sequence[WorkKey], threshold: float = DEFAULT_THRESHOLD) -> list[WorkMatch]:
    """Pairs of descriptions that are the same work (score ≥ ``threshold``), best rule each.

    Candidates are blocked by DOI, normalised title and (first author, year), so the cost grows
    with the block sizes, not with n².
    """
    out: list[WorkMatch] = []
    for i, j in sorted(_blocks(candidates)):
        a, b = candidates[i], candidates[j]
        if a.id == b.id:
            continue
        scored = _score(a, b)
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
    by_names = sorted({w.id for w in works if _names_fit(citation, w)})
    if citation.year is None:
        return Resolution(
            citation=shown, status=ResolutionStatus.UNRESOLVED, candidates=tuple(by_names), rule="year-missing",
            evidence=f"{shown!r} gives no year; {len(by_names)} work(s) by these names: {', '.join(by_names)}")
    fits = sorted({
        w.id for w in works if w.id in by_names and w.year == citation.year
        and not (citation.year_suffix and w.year_suffix and citation.year_suffix != w.year_suffix)})
    who = " & ".join(citation.names) + (" et al." if citation.et_al else "")
    if len(fits) == 1:
        score = 0.85 if citation.et_al else 0.9
        return Resolution(citation=shown, status=ResolutionStatus.RESOLVED, work_id=fits[0], candidates=tuple(fits),
                          rule="family-names-year", score=score,
                          evidence=f"the only work by {who} in {citation.year}: {fits[0]}")
    if fits:
        return Resolution(citation=shown, status=ResolutionStatus.AMBIGUOUS, candidates=tuple(fits),
                          rule="family-names-year", score=round(1 / len(fits), 2),
                          evidence=f"{len(fits)} works by {who} in {citation.year}: {', '.join(fits)}")
    return Resolution(citation=shown, status=ResolutionStatus.UNRESOLVED, rule="family-names-year",
                      evidence=f"no work by {who} in {citation.year} in the graph ({len(by_names)} by these names)")


# --- inferences -------------------------------------------------------------------------------

def infer_authors_from_statements(work: WorkKey, statements: Sequence[tuple[str, str]]) -> Inference | None:
    """Authors of a work that has none on any page, read off the statements that cite it.

    ``statements``: (statement id, text) of the citation statements *about* ``work``. The rule
    ("authors-from-citing-statements"): among the citations without "et al." whose year is the
    work's year (or lost), the name list found in the most distinct statement texts is proposed,
    if it occurs in at least two distinct texts and in at least half of them, and no other list
    ties with it. Confidence = 0.5 + 0.45 × (share of distinct texts citing it).
    """
    if work.author_families:
        return None
    texts: dict[str, list[str]] = {}
    for sid, text in statements:
        texts.setdefault(text, []).append(sid)
    support: dict[tuple[str, ...], set[str]] = defaultdict(set)
    shown: dict[tuple[str, ...], tuple[str, ...]] = {}
    where: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)  # (statement@offsets, text)
    for text, sids in texts.items():
        for c in find_citations(text):
            if c.et_al or (c.year is not None and work.year is not None and c.year != work.year):
                continue
            key = tuple(family_key(n) for n in c.names)
            support[key].add(text)
            shown.setdefault(key, c.names)
            where[key] += [(f"{sid}@{c.start}-{c.end}", c.text.replace(chr(10), " ")) for sid in sids]
    if not support:
        return None
    ranked = sorted(support, key=lambda k: (-len(support[k]), k))
    best = ranked[0]
    n, total = len(support[best]), len(texts)
    if n < 2 or n * 2 < total or (len(ranked) > 1 and len(support[ranked[1]]) == n):
        return None
    forms = sorted({form for _where, form in where[best]})
    return Inference(
        subject=work.id, property="authors", values=tuple(("author", name) for name in shown[best]),
        rule="authors-from-citing-statements", confidence=round(0.5 + 0.45 * n / total, 2),
        evidence=(f"{n} of {total} distinct statements about the work cite it as "
                  + " / ".join(repr(f) for f in forms)
                  + (f" (year {work.year})" if work.year else "") + "; no page lists its authors"),
        evidence_ids=tuple(sorted(f"{at}:{form}" for at, form in where[best])),
    )


def journal_from_doi(doi: str | None, subject: str | None = None) -> Inference | None:
    """The journal an Emerald DOI names by its code (``10.1108/jmhtep-03-2015-0013``).

    >>> journal_from_doi("10.1108/MHSI-05-2019-060").get("issn")
    '2042-8308'
    """
    bare = normalise_doi(doi)
    if not bare or not bare.startswith("10.1108/"):
        return None
    code = re.split(r"[-./]", bare[len("10.1108/"):], maxsplit=1)[0]
    if code not in EMERALD_JOURNALS:
        return None
    title, issn = EMERALD_JOURNALS[code]
    values = [("title", title), ("code", code)] + ([("issn", issn)] if issn else [])
    return Inference(
        subject=subject or f"doi:{bare}", property="journal", values=tuple(values), rule="journal-from-doi-prefix",
        confidence=0.95, evidence=f"DOI {bare} carries Emerald's journal code {code!r} = {title}",
        evidence_ids=(bare,))
