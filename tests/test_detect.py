"""Page-kind detection over the four seeds, the variants and pages of no known kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerkg.errors import UnknownPageKind
from peerkg.model import SourceKind
from peerkg.sources import detect
from peerkg.sources.registry import PARSERS, scores

REPO = Path(__file__).resolve().parents[1]
SEEDS = {
    "000_5771ebd78ef556ab.txt": SourceKind.ARTICLE_PAGE,
    "001_9afed24ea45c8f93.txt": SourceKind.SEARCH_LISTING,
    "002_5d4d6c254dadd011.txt": SourceKind.CITATION_REPORT,
    "003_b981369f0f33fc2d.txt": SourceKind.FULL_TEXT,
}
PREFIXES = {"report_": SourceKind.CITATION_REPORT, "fulltext_": SourceKind.FULL_TEXT}
VARIANTS = sorted(p for p in (REPO / "tests" / "variants").glob("*.txt")
                  if any(p.name.startswith(prefix) for prefix in PREFIXES))


def test_all_four_parsers_registered() -> None:
    assert set(PARSERS) == set(SourceKind)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_kind(name: str) -> None:
    text = (REPO / "seeds" / name).read_text(encoding="utf-8")
    assert detect(text, name) is SEEDS[name]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_kind_clear_margin(name: str) -> None:
    ranked = sorted(scores((REPO / "seeds" / name).read_text(encoding="utf-8")).values(), reverse=True)
    assert ranked[0] >= 0.5 > ranked[1]


def test_variants_present() -> None:
    assert len(VARIANTS) >= 5


@pytest.mark.parametrize("path", VARIANTS, ids=[p.name for p in VARIANTS])
def test_variant_kind(path: Path) -> None:
    expected = next(kind for prefix, kind in PREFIXES.items() if path.name.startswith(prefix))
    assert detect(path.read_text(encoding="utf-8"), path.name) is expected


def test_detect_does_not_use_the_file_name() -> None:
    text = (REPO / "seeds" / "002_5d4d6c254dadd011.txt").read_text(encoding="utf-8")
    assert detect(text, "003_b981369f0f33fc2d.txt") is SourceKind.CITATION_REPORT


PROSE = "\n\n".join(
    ["The quick brown fox jumps over the lazy dog. " * 4,
     "It was a bright cold day in April, and the clocks were striking thirteen. The hallway smelt\n"
     "of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for indoor\n"
     "display, had been tacked to the wall.",
     "Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump!"])


@pytest.mark.parametrize("text", [
    "", "   \n\t\n  ", PROSE,
    "\x00\x01\x02\xff\xfe\x7f" * 40 + "\x89PNG\r\n\x1a\n" + "".join(map(chr, range(0, 256))),
], ids=["empty", "whitespace", "prose", "binary"])
def test_unknown_page_kind(text: str) -> None:
    with pytest.raises(UnknownPageKind) as info:
        detect(text, "page.txt")
    assert info.value.source == "page.txt"
