"""Page parsers, one module per source kind, chosen by what the text looks like.

Each parser module exposes:

* ``KIND``: its :class:`peerkg.model.SourceKind`;
* ``detect(text: str) -> float``: a score in [0, 1] for how much the text looks like its kind
  (structure, not exact wording: a score over 0.5 means "this is mine");
* ``parse(text: str, source: str = "<text>") -> PageRecord``: a pure function.
"""

from peerkg.sources.registry import PARSERS, detect, parse_page

__all__ = ["PARSERS", "detect", "parse_page"]
