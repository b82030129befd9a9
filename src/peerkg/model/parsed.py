"""One page after the parse stage: where it came from, what it states, its reference strings read."""

from __future__ import annotations

from dataclasses import dataclass

from peerkg.model.cited import CitedWork
from peerkg.model.page import PageRecord, SourceDocument

__all__ = ["ParsedPage"]


@dataclass(frozen=True)
class ParsedPage:
    """The parse stage's output for one page, the resolve stage's input.

    ``cited[i][k]`` is the work that reference entry ``k`` of work record ``i`` describes, read from the
    printed string by :func:`peerkg.references.parse_reference`.
    """

    path: str
    document: SourceDocument
    record: PageRecord
    cited: tuple[tuple[CitedWork, ...], ...]

    @property
    def source16(self) -> str:
        """The page's short id: the first 16 hex digits of its SHA-256."""
        return self.document.sha256[:16]
