"""Helpers the parser tests share: variant pages, every string a record holds, line accounting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from peerkg.model import PageRecord

REPO = Path(__file__).resolve().parents[1]
VARIANTS = REPO / "tests" / "variants"


def seed(prefix: str) -> str:
    """The text of the bundled seed page whose name starts with ``prefix`` ("002")."""
    (path,) = (REPO / "seeds").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def variant(name: str) -> str:
    return (VARIANTS / name).read_text(encoding="utf-8")


def strings(obj: object) -> list[str]:
    """Every string literal held anywhere in a record."""
    if isinstance(obj, str):
        return [obj]
    if dataclasses.is_dataclass(obj):
        return [s for f in dataclasses.fields(obj) for s in strings(getattr(obj, f.name))]
    if isinstance(obj, tuple | list):
        return [s for x in obj for s in strings(x)]
    return []


def assert_lines_accounted(text: str, page: PageRecord) -> None:
    """Every non-blank line of ``text`` has exactly one note, in page order."""
    expected = [n for n, ln in enumerate(text.splitlines(), start=1) if ln.strip()]
    assert [note.line for note in page.lines] == expected
