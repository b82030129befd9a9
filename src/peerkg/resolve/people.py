"""People: which author mentions name the same person — merged only on evidence.

Names compare on folded forms: case and accents folded ("José García" = "Jose Garcia"); family
names compare on letters only ("O'Hagan" = "OHagan", "Lawton Smith" = "Lawton-Smith", but
"Lawton-Smith" ≠ "Smith"). Transliteration: a family name written with an umlaut also matches
its "ae/oe/ue" spelling ("Müller" = "Muller" = "Mueller"), but "Muller" ≠ "Mueller" (nothing
says either had an umlaut). Given names are compatible token by token: full names must be equal,
an initial must be the first letter of the other side's token; a longer side may carry extra
tokens ("B." ~ "Benjamin Thomas", "A. B." ~ "Alison Beth"; "B. J." ≁ "Benjamin Thomas").

Rules (a merge needs its rule's score ≥ ``threshold``, default 0.7):

=================================== ===== ===============================================================
rule                                score evidence required
=================================== ===== ===============================================================
same-organisation-name              1.00  organisations only: the same name on letters and digits
same-full-name-same-work            0.95  same family and full given name(s) (no initials on either side),
                                          and the same work (another page's author list) …
same-full-name-shared-coauthor      0.95  … or a co-author family in common
same-full-name-same-journal         0.90  … or works in the same journal (ISSN, else title)
same-full-name-same-page            0.90  … or works listed on the same page (an author's listing)
same-full-name-shared-topic         0.85  … or works about a common concept of the thesaurus (tagged)
compatible-given-shared-coauthor    0.90  compatible given names, one side full; a co-author family shared
compatible-given-same-work          0.90  compatible given names, one side full; the same work (other page)
unique-full-name-anchored-coauthors 0.75  an initials-only mention whose given is compatible with exactly
                                          one full-name person in the whole graph, and at least one of
                                          whose co-authors in the same author list was itself linked to a
                                          full-name person by one of the rules above (no chaining)
=================================== ===== ===============================================================

The same full name with nothing else in common is not enough (two "Emma Watson"s in unrelated fields):
see :mod:`peerkg.resolve.person_names`. Never merged: on a family name alone (a mention without given
name never merges); initials or given names that conflict anywhere in the resulting cluster; two mentions
from one author list; people with organisations. An initials-only mention that shared-co-author/same-work
evidence ties to two mutually incompatible people is left alone (ambiguous).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial

from peerkg.model import Evidence, LinkDecision, NodeId, PersonCluster, PersonMention, PersonName
from peerkg.normalise.keys import family_key
from peerkg.normalise.names import name_key
from peerkg.resolve.person_names import family_keys, full_name_pairs, given_tokens, givens_compatible

__all__ = ["DEFAULT_THRESHOLD", "family_keys", "given_tokens", "givens_compatible", "link_people"]

DEFAULT_THRESHOLD = 0.7


@dataclass
class _M:
    mention: PersonMention
    fams: frozenset[str]
    given: tuple[tuple[str, bool], ...]
    list_key: tuple[str | None, str]
    list_families: frozenset[str] = frozenset()  # family keys of every name in the author list

    @cached_property
    def full(self) -> bool:  # the first given name is written out
        return bool(self.given) and not self.given[0][1]

    @cached_property
    def all_full(self) -> bool:
        return bool(self.given) and not any(i for _, i in self.given)

    @cached_property
    def letters(self) -> tuple[str, ...]:  # the given-name tokens without their initial flags
        return tuple(t for t, _ in self.given)

    @cached_property
    def coauthors(self) -> frozenset[str]:
        return self.list_families - self.fams


def _label(m: _M) -> Evidence:
    return Evidence.of(f"{m.mention.name.as_written!r} ({m.mention.id}, work ", m.mention.work_id, ")")


def _both(a: _M, b: _M, *rest: str | NodeId) -> Evidence:
    return Evidence.of(_label(a), " and ", _label(b), *rest)


class _Clusters:
    def __init__(self, ms: Sequence[_M]) -> None:
        self.ms = {m.mention.id: m for m in ms}
        self.parent = {i: i for i in self.ms}
        self.members: dict[str, list[str]] = {i: [i] for i in self.ms}
        self.decisions: list[LinkDecision] = []
        self.rule_of: dict[str, str] = {}  # mention id -> rule that attached it (for anchoring)
        # per cluster: its author lists and its distinct (family keys, given name) forms, so that a merge
        # check costs the number of distinct forms, not the number of mentions (repeated names stay cheap)
        self.lists: dict[str, set[tuple[str | None, str]]] = {i: {m.list_key} for i, m in self.ms.items()}
        self.forms: dict[str, set[tuple[frozenset[str], tuple[tuple[str, bool], ...]]]] = {
            i: {(m.fams, m.given)} for i, m in self.ms.items()}
        self.full: dict[str, bool] = {i: m.full for i, m in self.ms.items()}  # a full-name mention in it

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def consistent(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if not self.lists[ra].isdisjoint(self.lists[rb]):
            return False
        return all(fx & fy and givens_compatible(gx, gy) for fx, gx in self.forms[ra] for fy, gy in self.forms[rb])

    def merge(self, a: str, b: str, rule: str, score: float, evidence: Evidence | Callable[[], Evidence],
              involved: tuple[NodeId, ...]) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.consistent(a, b):
            return False
        if callable(evidence):
            evidence = evidence()
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.lists[ra] |= self.lists.pop(rb)
        self.forms[ra] |= self.forms.pop(rb)
        self.full[ra] = self.full[ra] or self.full.pop(rb)
        self.decisions.append(LinkDecision(subject=a, object=b, rule=rule, score=score, evidence=evidence,
                                           involved=involved))
        self.rule_of.setdefault(a, rule)
        self.rule_of.setdefault(b, rule)
        return True

    def has_full(self, root: str) -> bool:
        return self.full[self.find(root)]


# rule, score, the evidence (written only when the merge is made), the ids involved
_Found = tuple[str, float, Callable[[], Evidence], tuple[NodeId, ...]]


def _pair_evidence(a: _M, b: _M) -> _Found | None:
    if a.list_key == b.list_key or not (a.fams & b.fams) or not givens_compatible(a.given, b.given):
        return None
    ids = (a.mention.work_id, b.mention.work_id)
    if a.all_full and b.all_full and a.letters == b.letters:
        return None  # the same full name: joined only on a shared context (person_names.full_name_pairs)
    if not (a.full or b.full):
        return _initials_evidence(a, b, ids)
    if a.mention.work_id == b.mention.work_id:
        return ("compatible-given-same-work", 0.9,
                partial(_both, a, b, ": compatible given names, both authors of ",
                            a.mention.work_id), ids)
    shared = sorted(a.coauthors & b.coauthors)
    if shared:
        return ("compatible-given-shared-coauthor", 0.9,
                partial(_shared_evidence, a, b, shared, ": compatible given names and shared co-author "), ids)
    return None


def _initials_evidence(a: _M, b: _M, ids: tuple[NodeId, NodeId]) -> _Found | None:
    """Two initial-only forms ("Repper, J." twice): only the very same initials, and only with the same
    work or at least two shared co-authors, ever link them. One shared co-author family is not enough
    here ("Khan, A." with an Ali twice may be two people): initials and family names are common."""
    if a.letters != b.letters or not a.given:
        return None
    if a.mention.work_id == b.mention.work_id:
        return ("same-initials-same-work", 0.8,
                partial(_both, a, b, ": the same initials, both authors of ",
                            a.mention.work_id), ids)
    shared = sorted(a.coauthors & b.coauthors)
    if len(shared) < 2:
        return None
    return ("same-initials-shared-coauthors", 0.8,
            partial(_shared_evidence, a, b, shared, ": the same initials and shared co-authors "), ids)


def _shared_evidence(a: _M, b: _M, shared: list[str], text: str) -> Evidence:
    names = sorted({f for f in a.mention.coauthor_families + b.mention.coauthor_families
                    if family_keys(f) & set(shared)})
    return _both(a, b, text + ", ".join(names))


def _org_clusters(orgs: Sequence[PersonMention]) -> list[PersonCluster]:
    groups: dict[str, list[PersonMention]] = defaultdict(list)
    for m in orgs:
        groups[family_key(m.name.as_written)].append(m)  # "Taskforce" = "Task Force"
    out = []
    for _key, ms in sorted(groups.items()):
        ms = sorted(ms, key=lambda m: m.id)
        decisions = tuple(LinkDecision(subject=m.id, object=ms[0].id, rule="same-organisation-name", score=1.0,
                                       evidence=Evidence.of(f"organisation names {m.name.as_written!r} and "
                                                            f"{ms[0].name.as_written!r} are the same"),
                                       involved=(m.work_id, ms[0].work_id)) for m in ms[1:])
        out.append(PersonCluster(key=name_key(ms[0].name), name=ms[0].name, mention_ids=tuple(m.id for m in ms),
                                 work_ids=tuple(sorted({m.work_id for m in ms})), is_organisation=True,
                                 decisions=decisions))
    return out


def link_people(mentions: Sequence[PersonMention], threshold: float = DEFAULT_THRESHOLD) -> list[PersonCluster]:
    """Cluster author mentions into people and organisations, with a decision per merge."""
    orgs = [m for m in mentions if m.name.is_organisation or not m.name.family]
    lists: dict[tuple[str | None, NodeId], frozenset[str]] = {}  # one key set per author list, not per name
    for m in mentions:
        if (m.source_id, m.work_id) not in lists:
            names = (*m.coauthor_families, m.name.family or m.name.as_written)
            lists[(m.source_id, m.work_id)] = frozenset(k for f in names for k in family_keys(f))
    ms = sorted((_M(m, family_keys(m.name.family or ""), given_tokens(m.name.given),
                    (m.source_id, m.work_id), lists[(m.source_id, m.work_id)])
                 for m in mentions if not (m.name.is_organisation or not m.name.family)),
                key=lambda m: m.mention.id)
    cl = _Clusters(ms)
    # blocks of one family key and one first initial: given names that start with different letters are never
    # compatible, and a mention without a given name never merges, so no pair with evidence is left out
    by_family: dict[tuple[str, str], list[_M]] = defaultdict(list)
    for m in ms:
        for k in m.fams if m.given else ():
            by_family[(k, m.given[0][0][0])].append(m)
    pairs = _evidence_pairs(by_family.values(), threshold)
    pairs.update((p, found) for p, found in full_name_pairs(ms).items() if found[1] >= threshold)
    # an initials-only mention tied by evidence to two incompatible people stays alone, and so does every
    # mention of its form (what the rules read is the same for all of them)
    form_of = {m.mention.id: _form(m) for m in ms}
    # evidence of the same work outranks shared co-authors: a list's "Bradstreet, S." is the Simon
    # Bradstreet another page gives for that work, even if a Sarah Bradstreet wrote with the same co-author
    partner_givens: dict[tuple[object, ...], dict[bool, set[tuple[tuple[str, bool], ...]]]] = defaultdict(
        lambda: {True: set(), False: set()})
    for (x, y), found in pairs.items():
        same_work = found[0].endswith("same-work")
        partner_givens[form_of[x]][same_work].add(cl.ms[y].given)
        partner_givens[form_of[y]][same_work].add(cl.ms[x].given)
    ambiguous_forms = set()
    for f, tiers in partner_givens.items():
        givens = tiers[True] or tiers[False]
        if any(not givens_compatible(g, h) for g in givens for h in givens):
            ambiguous_forms.add(f)
    ambiguous = {mid for mid, f in form_of.items() if f in ambiguous_forms and not cl.ms[mid].full}
    by_work = {f for f, tiers in partner_givens.items() if tiers[True]}
    pairs = {(x, y): found for (x, y), found in pairs.items() if found[0].endswith("same-work") or not any(
        form_of[m] in by_work and not cl.ms[m].full for m in (x, y))}
    order = sorted(pairs, key=lambda p: (-pairs[p][1], p))
    for x, y in order:
        if x in ambiguous or y in ambiguous:
            continue
        rule, score, evidence, involved = pairs[(x, y)]
        cl.merge(x, y, rule, score, evidence, involved)
    _anchored(cl, ms, threshold)
    return _unique_keys(_person_clusters(cl) + _org_clusters(orgs))


def _form(m: _M) -> tuple[object, ...]:
    """What the pair rules read of a mention, but for its work and author list."""
    return (m.fams, m.given, m.coauthors)


def _evidence_pairs(groups: Iterable[list[_M]], threshold: float) -> dict[tuple[str, str], _Found]:
    """The pairs of mentions with evidence ≥ ``threshold``, each group (one family key) compared by form.

    Mentions of one form get the same evidence against any mention of another work: rather than every pair
    (mentions squared), each mention is compared with the first mention of the other form, and pairs of one
    work are compared directly (forms squared plus mentions). Joined by the same merges, the clusters are
    those that every pair would give."""
    pairs: dict[tuple[str, str], _Found] = {}

    def add(a: _M, b: _M) -> None:
        found = _pair_evidence(a, b)
        if found and found[1] >= threshold:
            pairs[tuple(sorted((a.mention.id, b.mention.id)))] = found  # type: ignore[index]

    for group in groups:
        forms: dict[tuple[object, ...], dict[NodeId, list[_M]]] = defaultdict(lambda: defaultdict(list))
        for m in group:
            forms[_form(m)][m.mention.work_id].append(m)
        alike = [[ws[w] for w in ws] for ws in forms.values()]  # per form: its mentions by work
        for subs in alike:
            for same_work in subs:
                for x in same_work[1:]:
                    add(same_work[0], x)
            for other in subs[1:]:
                add(subs[0][0], other[0])
        for i, xs in enumerate(alike):
            for ys in alike[i + 1:]:
                works_y = {y[0].mention.work_id: y[0] for y in ys}
                for x in xs:
                    if x[0].mention.work_id in works_y:
                        add(x[0], works_y[x[0].mention.work_id])
                    add(x[0], ys[0][0])
                for y in ys[1:]:
                    add(xs[0][0], y[0])
    return pairs


def _unique_keys(clusters: list[PersonCluster]) -> list[PersonCluster]:
    """Two clusters may share a name key ("repper-j" for two unmerged J. Reppers): suffix "-2", "-3" in
    order of their first mention id, so IRIs stay distinct and deterministic."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for c in sorted(clusters, key=lambda c: (c.key, c.mention_ids)):
        seen[c.key] += 1
        out.append(c if seen[c.key] == 1 else dataclasses.replace(c, key=f"{c.key}-{seen[c.key]}"))
    return out


def _anchored(cl: _Clusters, ms: Sequence[_M], threshold: float) -> None:
    score = 0.75
    if score < threshold:
        return
    strong = dict(cl.rule_of)  # anchors come from the strong rules only: no chaining
    lists: dict[tuple[str | None, NodeId], list[_M]] = defaultdict(list)
    full_by_family: dict[str, list[_M]] = defaultdict(list)
    for m in ms:
        lists[m.list_key].append(m)
        if m.full:
            for k in m.fams:
                full_by_family[k].append(m)
    for m in ms:
        if m.full or not m.given or cl.has_full(m.mention.id):
            continue
        roots = {cl.find(o.mention.id) for k in m.fams for o in full_by_family[k]
                 if givens_compatible(o.given, m.given)}
        roots = {r for r in roots if cl.consistent(m.mention.id, r)}
        if len(roots) != 1:
            continue
        anchors = [c for c in lists[m.list_key] if c is not m and c.mention.id in strong and cl.has_full(c.mention.id)]
        if not anchors:
            continue
        root = roots.pop()
        full = next(cl.ms[x] for x in cl.members[root] if cl.ms[x].full)
        linked = "; ".join(f"{c.mention.name.as_written!r} → {_full_of(cl, c).mention.name.display!r} "
                           f"({strong[c.mention.id]})" for c in anchors)
        evidence = Evidence.of(
            _label(m), f": the only full-name person in the graph with a compatible name is "
            f"{full.mention.name.display!r} ({full.mention.id}); co-authors in the same author list are "
            f"linked to full-name persons: {linked}")
        cl.merge(m.mention.id, full.mention.id, "unique-full-name-anchored-coauthors", score, evidence,
                 (m.mention.work_id, full.mention.work_id, *(c.mention.id for c in anchors)))


def _full_of(cl: _Clusters, m: _M) -> _M:
    return next(cl.ms[x] for x in cl.members[cl.find(m.mention.id)] if cl.ms[x].full)


def _fullest(names: Sequence[PersonName]) -> PersonName:
    def rank(n: PersonName) -> tuple[int, int, int]:
        toks = given_tokens(n.given)
        return (sum(not i for _, i in toks), len(toks), len(n.as_written))

    return max(names, key=rank)


def _person_clusters(cl: _Clusters) -> list[PersonCluster]:
    out = []
    decided: dict[str, list[LinkDecision]] = defaultdict(list)
    for d in cl.decisions:
        decided[cl.find(d.subject)].append(d)
    for root, members in cl.members.items():
        ids = sorted(members)
        ms = [cl.ms[i] for i in ids]
        name = _fullest([m.mention.name for m in ms])
        decisions = tuple(decided.get(root, ()))
        out.append(PersonCluster(key=name_key(name), name=name, mention_ids=tuple(ids),
                                 work_ids=tuple(sorted({m.mention.work_id for m in ms})), decisions=decisions))
    return sorted(out, key=lambda c: (c.key, c.mention_ids))
