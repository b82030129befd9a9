"""Worker processes for the per-page stages: the same build, byte for byte, and the same errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerkg.errors import PeerkgError
from peerkg.pipeline import build_dataset
from peerkg.resources import seed_pages

REPO = Path(__file__).resolve().parents[1]
LAYOUTS = REPO / "tests" / "layouts"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for path in [*seed_pages(), *sorted(LAYOUTS.glob("*.txt"))]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_text("  \n")
    (folder / "prose.txt").write_text("Dear diary,\nToday it rained and I stayed home reading.\n")
    return folder


def test_two_workers_build_what_one_builds(pages: Path) -> None:
    one = build_dataset([pages], workers=1, validate=False)
    two = build_dataset([pages], workers=2, validate=False)
    assert two.dumps.manifest == one.dumps.manifest
    assert two.dumps.files == one.dumps.files
    assert [(o.path, o.status, o.error) for o in two.outcomes] == [(o.path, o.status, o.error) for o in one.outcomes]
    rejected = sorted(Path(o.path).name for o in two.rejected)
    assert rejected == ["empty.txt", "prose.txt"]
    assert sum(1 for o in two.outcomes if o.graph is not None) == 4 + len(list(LAYOUTS.glob("*.txt")))
    assert set(two.timings) == {"read+parse+tag", "resolve", "map", "infer", "dumps"}


def test_strict_with_workers_raises_the_pages_own_error(tmp_path: Path) -> None:
    for path in seed_pages():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(PeerkgError) as info:
        build_dataset([tmp_path], workers=2, strict=True, validate=False, infer=False)
    assert info.value.source == str(tmp_path / "empty.txt") and "file is empty" in str(info.value)
