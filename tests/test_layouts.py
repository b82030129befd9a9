"""Real-page layouts (tests/layouts/, pages written in the style of the sites users save): each page read
by evidence, fragments kept and flagged, every fact checked, and a field-level score over all of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from layout_facts import EXPECTED, facts, score
from pagecheck import REPO, assert_lines_accounted
from peerkg.model import LineStatus
from peerkg.sources import parse_page

LAYOUTS = REPO / "tests" / "layouts"
PARTIAL = {"article_from_abstract.txt", "article_from_references.txt", "report_one_statement.txt"}


def _parse(name: str):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    return text, parse_page(text, name)


def test_every_layout_page_has_expected_facts() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in LAYOUTS.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_page(name: str) -> None:
    text, record = _parse(name)
    kind, expected = EXPECTED[name]
    assert record.kind.value == kind
    assert facts(record) == expected
    assert_lines_accounted(text, record)
    assert record.confidence is not None and record.evidence
    assert record.partial is (name in PARTIAL)
    if name in PARTIAL:
        assert any(p.startswith("fits no page kind fully") and kind in p for p in record.problems)


def test_field_level_score_over_the_layout_pages(capsys: pytest.CaptureFixture[str]) -> None:
    """Every hand-read fact of every layout page, as text and (where there is one) saved as HTML, scored
    field by field; printed like the tagger's score."""
    from peerkg.inputs import read_page

    found = {name: facts(_parse(name)[1]) for name in EXPECTED}
    expected = {n: e for n, (_, e) in EXPECTED.items()}
    for path in sorted((REPO / "tests" / "layouts_html").glob("*.html")):
        found[path.name] = facts(parse_page(read_page(path).text, path.name))
        expected[path.name] = EXPECTED[path.stem + ".txt"][1]
    precision, recall, f1 = score(found, expected)
    fields = sorted({_field(f) for e in expected.values() for f in e})
    by_field = {}
    for name in fields:
        pick = {p: {f for f in fs if _field(f) == name} for p, fs in found.items()}
        want = {p: {f for f in fs if _field(f) == name} for p, fs in expected.items()}
        by_field[name] = score(pick, want)[2], sum(len(w) for w in want.values())
    with capsys.disabled():
        total = sum(len(e) for e in expected.values())
        print(f"\nlayout pages: {len(expected)} pages ({len(EXPECTED)} text, {len(expected) - len(EXPECTED)} HTML), "
              f"{total} hand-read facts: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
        print("  F1 by field: " + ", ".join(f"{name} {f:.2f} ({n})" for name, (f, n) in by_field.items()))
    assert f1 >= 0.99
    assert all(f >= 0.95 for f, _ in by_field.values()), by_field


def _field(fact: str) -> str:
    """The field of a fact: "1.author2=Hannah Cordle" → "author"."""
    return re.sub(r"\d+$", "", fact.split("=", 1)[0].split(".", 1)[1])


def test_skipped_lines_say_why() -> None:
    _, record = _parse("article_from_affiliations.txt")
    skipped = [(n.line, n.what) for n in record.lines if n.status is LineStatus.SKIPPED]
    assert (1, "affiliation (peerkg records no affiliations)") in skipped
    assert (3, "affiliation (peerkg records no affiliations)") in skipped
    _, record = _parse("article_from_references.txt")
    assert record.works[0].title is None
    assert [r.label for r in record.works[0].references] == ["4.", "5.", "6."]


def test_running_heads_give_venue_without_page_numbers() -> None:
    _, record = _parse("fulltext_vlex_dash.txt")
    (work,) = record.works
    assert work.publisher == "Pier Professional Ltd"
    assert work.venue is not None and work.venue.title == "Mental Health and Social Inclusion"
    assert [s.text[:30] for s in work.abstract.sections][:2] == [
        "This paper describes how a com", "The authors draw on team meeti"]
    assert "Purpose" not in (work.body or "") and "Keywords" not in (work.body or "")
    _, record = _parse("fulltext_vlex_nodash.txt")
    assert record.works[0].abstract.sections[0].heading_as_written == "Purpose"
    assert record.works[0].abstract.sections[0].text.startswith("The purpose of this paper is to report")


def test_names_in_both_orders() -> None:
    listing = _parse("listing_compact_glued.txt")[1].works[0]
    full = _parse("fulltext_vlex_dash.txt")[1].works[0]
    assert [(a.family, a.given) for a in listing.authors] == [(a.family, a.given) for a in full.authors] == [
        ("Ward", "Matthew"), ("Cordle", "Hannah"), ("Chadwick", "Peter")]


@pytest.mark.parametrize("text", [
    "The quick brown fox jumps over the lazy dog. " * 5,
    "Home\nAbout us\nContact\n",
])
def test_nothing_readable_is_rejected_saying_what_was_looked_for(text: str) -> None:
    from peerkg.errors import UnknownPageKind

    with pytest.raises(UnknownPageKind) as info:
        parse_page(text, "page.txt")
    assert "looked for: author block" in str(info.value)


NOISE = re.compile(r"\u00a9|\(c\)|Show more|Read more|Sign up|View full text|\|Cite|Copyright|Download|Cookie"
                   r"|^\d+\s|\s\d{1,4}$", re.IGNORECASE)
ALL_PAGES = sorted(LAYOUTS.glob("*.txt")) + sorted((REPO / "seeds").glob("*.txt")) + sorted(
    (REPO / "tests" / "variants").glob("*.txt"))


@pytest.mark.parametrize("path", ALL_PAGES, ids=[p.name for p in ALL_PAGES])
def test_no_noise_in_titles_names_journals_publishers(path: Path) -> None:
    """Page numbers, copyright lines, running heads and UI words never end up inside a value."""
    record = parse_page(path.read_text(encoding="utf-8"), path.name)
    for work in record.works:
        values = [work.title, work.publisher, *(a.display for a in work.authors)]
        if work.venue:
            values += [work.venue.title, work.venue.publisher]
        for value in filter(None, values):
            assert not NOISE.search(value), (path.name, value)
