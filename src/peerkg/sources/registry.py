"""The registry of page parsers and the detector that picks one by the text's structure.

Each kind's parser scores the page by the structures it finds (:func:`scores`). A page whose best score
reaches :data:`THRESHOLD` is read by that kind's parser. A page that fits no kind fully is read for its
fragments: every parser whose kind scores above zero or whose structures the page shows
(:mod:`peerkg.sources.evidence`) reads it, and the reading with the most facts is kept, flagged
``partial`` with the kind it resembles and why. A page is rejected only when no parser reads a fact.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from types import ModuleType

from peerkg.errors import ParseError, UnknownPageKind
from peerkg.model import PageRecord, SourceKind
from peerkg.sources.evidence import CUES, kinds_of, structures

_MODULES = {
    SourceKind.ARTICLE_PAGE: "peerkg.sources.article_page",
    SourceKind.SEARCH_LISTING: "peerkg.sources.search_listing",
    SourceKind.CITATION_REPORT: "peerkg.sources.citation_report",
    SourceKind.FULL_TEXT: "peerkg.sources.full_text",
}

THRESHOLD = 0.5


def _load() -> dict[SourceKind, ModuleType]:
    loaded: dict[SourceKind, ModuleType] = {}
    for kind, name in _MODULES.items():
        try:
            loaded[kind] = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a parser not written yet
            if exc.name != name:
                raise
    return loaded


PARSERS: dict[SourceKind, ModuleType] = _load()


def scores(text: str) -> dict[SourceKind, float]:
    return {kind: float(module.detect(text)) for kind, module in PARSERS.items()}


def detect(text: str, source: str = "<text>") -> SourceKind:
    """The kind of page ``text`` is, by structure. Raises :class:`UnknownPageKind` when none fits."""
    ranked = sorted(scores(text).items(), key=lambda kv: (-kv[1], kv[0].value))
    if not ranked or ranked[0][1] < THRESHOLD:
        best = ", ".join(f"{k.value} {s:.2f}" for k, s in ranked) or "no parsers"
        raise UnknownPageKind(
            "not a page of any known kind",
            source=source,
            hint=f"peerkg reads {', '.join(k.value for k in SourceKind)} pages; best scores: {best}",
        )
    return ranked[0][0]


def facts_read(record: PageRecord) -> tuple[str, ...]:
    """The fields a record holds beyond a title or running text (what makes a page worth keeping)."""
    found: dict[str, None] = {}
    for w in record.works:
        for name, value in (("authors", w.authors), ("issued", w.issued), ("doi", w.doi), ("venue", w.venue),
                            ("publisher", w.publisher), ("abstract", w.abstract), ("teaser", w.teaser),
                            ("subjects", w.subjects), ("keywords", w.keywords), ("references", w.references),
                            ("citation statements", w.statements), ("pages", w.pages)):
            if value:
                found[name] = None
    if record.counts:
        found["counts"] = None
    return tuple(found)


def parse_page(text: str, source: str = "<text>", kind: SourceKind | None = None) -> PageRecord:
    """Detect the kind of ``text`` (unless given) and parse it; a page that fits no kind fully is read
    for its fragments (``partial``). Raises :class:`UnknownPageKind` only when nothing can be read."""
    if kind is not None:
        return PARSERS[kind].parse(text, source)
    ranked = sorted(scores(text).items(), key=lambda kv: (-kv[1], kv[0].value))
    found = structures(text)
    best, score = ranked[0]
    if score >= THRESHOLD:
        try:
            record = PARSERS[best].parse(text, source)
        except ParseError:
            pass
        else:
            return replace(record, confidence=round(score, 2), evidence=found)
    return _fragments(text, source, ranked, found)


def _fragments(text: str, source: str, ranked: list[tuple[SourceKind, float]],
               found: tuple[str, ...]) -> PageRecord:
    by_score = dict(ranked)
    typical = kinds_of(found)
    candidates = [k for k, s in ranked if s > 0]
    candidates += [k for k in typical if k not in candidates]
    readings: list[tuple[int, int, float, SourceKind, PageRecord, tuple[str, ...]]] = []
    for kind in candidates:
        try:
            record = PARSERS[kind].parse(text, source)
        except ParseError:
            continue
        facts = facts_read(record)
        if facts:
            readings.append((typical.get(kind, 0), len(facts), by_score[kind], kind, record, facts))
    if not readings:
        looked_for = ", ".join(c.name for c in CUES)
        raise UnknownPageKind(
            "nothing readable: not a page of any known kind",
            source=source,
            hint=f"peerkg reads {', '.join(k.value for k in SourceKind)} pages and looked for: {looked_for}; "
                 f"best scores: {', '.join(f'{k.value} {s:.2f}' for k, s in ranked)}")
    # the kind whose structures the page shows most, then the reading with the most facts
    readings.sort(key=lambda r: (-r[0], -r[1], -r[2], r[3].value))
    _, _, score, kind, record, facts = readings[0]
    why = ", ".join(found) or "no structure typical of a kind"
    note = (f"fits no page kind fully (best score {kind.value} {score:.2f} < {THRESHOLD}); read for its "
            f"fragments as a {kind.value} page (found: {why}); read: {', '.join(facts)}")
    return replace(record, partial=True, confidence=round(score, 2), evidence=found,
                   problems=(*record.problems, note))
