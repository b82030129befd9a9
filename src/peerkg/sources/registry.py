"""The registry of page parsers and the detector that picks one by the text's structure."""

from __future__ import annotations

import importlib
from types import ModuleType

from peerkg.errors import UnknownPageKind
from peerkg.model import PageRecord, SourceKind

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


def parse_page(text: str, source: str = "<text>", kind: SourceKind | None = None) -> PageRecord:
    """Detect the kind of ``text`` (unless given) and parse it."""
    kind = kind or detect(text, source)
    return PARSERS[kind].parse(text, source)
