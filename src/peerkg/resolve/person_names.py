"""Person names compared, and same-full-name mentions joined on a shared context.

* :func:`family_keys`, :func:`given_tokens`, :func:`givens_compatible` — how two names compare (see
  :mod:`peerkg.resolve.people` for the rules);
* :func:`full_name_pairs` — mentions with the same full name (family and every given name written out) are
  one person only when something else ties them: the same work, a co-author in common, the same journal,
  the same page (a listing of one author's works), or a concept both works are about. The same full name
  and nothing else in common is two people (two "Emma Watson"s in unrelated fields).

Cost: mentions are grouped by full name; in a group each mention is paired with the first mention that
shares each of its contexts (an index per context), so the pairs grow with mentions × contexts, not with
the square of the mentions, and they join exactly the clusters that every corroborated pair would.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Protocol

from peerkg.model import Evidence, NodeId, PersonMention
from peerkg.normalise.keys import family_key, fold

__all__ = ["CONTEXT_RULES", "family_keys", "full_name_pairs", "given_tokens", "givens_compatible"]

_UMLAUT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}

#: context kind → (rule, score) of a same-full-name merge resting on it, strongest first
CONTEXT_RULES: dict[str, tuple[str, float]] = {
    "work": ("same-full-name-same-work", 0.95),
    "coauthor": ("same-full-name-shared-coauthor", 0.95),
    "journal": ("same-full-name-same-journal", 0.9),
    "page": ("same-full-name-same-page", 0.9),
    "topic": ("same-full-name-shared-topic", 0.85),
}


@lru_cache(maxsize=65536)
def family_keys(family: str) -> frozenset[str]:
    """Comparable keys of a family name (two names match when their key sets meet).

    >>> sorted(family_keys("Müller")), sorted(family_keys("Mueller"))
    (['mueller', 'muller'], ['mueller'])
    """
    keys = {family_key(family)}
    if any(c in family for c in _UMLAUT):
        keys.add(family_key("".join(_UMLAUT.get(c, c) for c in family)))
    return frozenset(k for k in keys if k)


def given_tokens(given: str | None) -> tuple[tuple[str, bool], ...]:
    """(folded token, is_initial) per given-name part: "B. T." -> (("b", True), ("t", True)).

    >>> given_tokens("Alison Beth"), given_tokens("J.-P.")
    ((('alison', False), ('beth', False)), (('j', True), ('p', True)))
    """
    if not given:
        return ()
    out: list[tuple[str, bool]] = []
    for raw in re.findall(r"[^\W\d_]+\.?", given):
        tok = fold(raw.rstrip("."))
        if len(tok) == 1 or (raw.isupper() and len(raw) <= 3 and not raw.endswith(".") and len(raw) > 1):
            out.extend((c, True) for c in tok)  # "J", "JA" (Vancouver) -> initials
        else:
            out.append((tok, False))
    return tuple(out)


def givens_compatible(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> bool:
    """Token-wise compatibility (see the module notes); empty given names are never compatible."""
    if not a or not b:
        return False
    for (ta, ia), (tb, ib) in zip(a, b, strict=False):
        if ia or ib:
            if ta[0] != tb[0]:
                return False
        elif ta != tb:
            return False
    return True


class Named(Protocol):
    """What :func:`full_name_pairs` reads of a mention (``peerkg.resolve.people``'s prepared mention)."""

    mention: PersonMention
    fams: frozenset[str]
    list_key: tuple[str | None, NodeId]

    @property
    def all_full(self) -> bool: ...

    @property
    def letters(self) -> tuple[str, ...]: ...

    @property
    def coauthors(self) -> frozenset[str]: ...


# rule, score, the evidence (written only when the merge is made), the ids involved
Found = tuple[str, float, Callable[[], Evidence], tuple[NodeId, ...]]


def _contexts(m: Named) -> Iterator[tuple[str, object]]:
    yield "work", m.mention.work_id
    for family in sorted(m.coauthors):
        yield "coauthor", family
    for journal in sorted(m.mention.journals):
        yield "journal", journal
    if m.mention.source_id:
        yield "page", m.mention.source_id
    for topic in sorted(m.mention.topics):
        yield "topic", topic


def _label(m: Named) -> Evidence:
    return Evidence.of(f"{m.mention.name.as_written!r} ({m.mention.id}, work ", m.mention.work_id, ")")


def _evidence(a: Named, b: Named, kind: str, value: object) -> Evidence:
    said = {"work": ("both authors of ", value),
            "coauthor": (f"the co-author {_coauthor(a, b, str(value))!r} in common",),
            "journal": (f"works in the same journal ({value})",),
            "page": (f"listed on the same page ({value})",),
            "topic": ("works both about " + "/".join(str(value).rstrip("/").split("/")[-2:]),)}[kind]
    return Evidence.of(_label(a), " and ", _label(b), " have the same full name and ", *said)  # type: ignore[arg-type]


def _coauthor(a: Named, b: Named, key: str) -> str:
    return next((f for f in a.mention.coauthor_families + b.mention.coauthor_families if key in family_keys(f)), key)


def full_name_pairs(ms: Iterable[Named]) -> dict[tuple[str, str], Found]:
    """Pairs of same-full-name mentions (different author lists) that share a context, best rule each."""
    groups: dict[tuple[str, tuple[str, ...]], list[Named]] = defaultdict(list)
    for m in ms:
        if m.all_full:
            for key in m.fams:
                groups[(key, m.letters)].append(m)
    found: dict[tuple[str, str], Found] = {}
    for members in groups.values():
        first: dict[tuple[str, object], Named] = {}
        for m in members:
            for context in _contexts(m):
                other = first.setdefault(context, m)
                if other is m or other.list_key == m.list_key:
                    continue
                rule, score = CONTEXT_RULES[context[0]]
                pair = (min(m.mention.id, other.mention.id), max(m.mention.id, other.mention.id))
                if pair not in found or found[pair][1] < score:
                    a, b = (m, other) if m.mention.id == pair[0] else (other, m)

                    def evidence(a: Named = a, b: Named = b, context: tuple[str, object] = context) -> Evidence:
                        return _evidence(a, b, *context)

                    found[pair] = (rule, score, evidence, (a.mention.work_id, b.mention.work_id))
    return found


