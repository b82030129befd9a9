"""Tests for the publisher search-listing parser (seed 001 and hand-written variants)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerkg.errors import ParseError
from peerkg.model import CountKind, LineStatus, PageRecord, SourceKind, WorkType
from peerkg.sources import search_listing

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("001_*.txt"))
VARIANTS = Path(__file__).parent / "variants"


def _parse(path: Path) -> PageRecord:
    return search_listing.parse(path.read_text(encoding="utf-8"), source=path.name)


def _nonblank(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), start=1) if line.strip()]


@pytest.fixture(scope="module")
def seed() -> PageRecord:
    return _parse(SEED)


def test_seed_total(seed: PageRecord) -> None:
    assert seed.kind is SourceKind.SEARCH_LISTING
    assert len(seed.counts) == 1
    total = seed.counts[0]
    assert (total.kind, total.value, total.qualifier, total.range_start, total.range_end) == (
        CountKind.SEARCH_RESULTS, 73000, "over", 1, 10)
    assert total.as_written == "1 \u2013 10 of over 73000"
    totals = [n for n in seed.lines if n.what.startswith("search total")]
    assert [n.status for n in totals] == [LineStatus.MAPPED, LineStatus.MAPPED]
    assert not seed.partial and seed.problems == ()


def test_seed_hits_kinds_and_dates(seed: PageRecord) -> None:
    works = seed.works
    assert [w.position for w in works] == list(range(1, 11))
    assert [w.kind_as_written for w in works] == ["Article"] * 9 + ["Book part"]
    assert [w.work_type for w in works] == [WorkType.JOURNAL_ARTICLE] * 9 + [WorkType.BOOK_CHAPTER]
    assert all(w.title is None for w in works)
    assert [w.issued.iso() if w.issued else None for w in works] == [
        "2024-08-22", "2024-07-03", "2013-09-16", "2012-06-15", "2010-08-18", "2012-02-24",
        "2017-08-14", "2012-06-15", "2012-06-15", "2024-05-22"]
    assert works[0].issued is not None and works[0].issued.as_written == "22 August 2024"


def test_seed_authors(seed: PageRecord) -> None:
    first = seed.works[0].authors
    assert [(a.given, a.family) for a in first] == [
        ("Benjamin Thomas", "Gray"), ("Matthew", "Sisto"), ("Renee", "Conley")]
    assert [a.display for a in seed.works[2].authors] == ["Simon Lawton-Smith"]
    assert seed.works[2].authors[0].family == "Lawton-Smith"
    assert [a.family for a in seed.works[8].authors] == ["Repper", "Watson"]
    assert [a.display for a in seed.works[9].authors] == ["Daryl Mahon"]


def test_seed_listing_figures(seed: PageRecord) -> None:
    figures = {w.position: [c.value for c in w.counts] for w in seed.works}
    assert figures == {1: [], 2: [], 3: [1600], 4: [418], 5: [], 6: [1309], 7: [], 8: [419],
                       9: [506], 10: []}
    assert all(c.kind is CountKind.LISTING_FIGURE for w in seed.works for c in w.counts)


def test_seed_teasers_kept_as_printed(seed: PageRecord) -> None:
    assert seed.works[0].teaser is not None
    assert seed.works[0].teaser.endswith("on a men\u2019s mental health ward over the\u2026")
    assert seed.works[5].teaser == ("The purpose of this paper is to review current perspectives on "
                                    "peer support in mental health informed by service user "
                                    "perspectives.")


def test_seed_venues(seed: PageRecord) -> None:
    venues = [w.venue for w in seed.works]
    assert venues[9] is None
    rows = [(v.title, v.issn, v.volume, v.issue, v.ahead_of_print) for v in venues[:9] if v]
    mhsi, jmh = "Mental Health and Social Inclusion", (
        "The Journal of Mental Health Training, Education and Practice")
    assert rows == [
        (mhsi, "2042-8308", None, None, True), (mhsi, "2042-8308", None, None, True),
        (jmh, "1755-6228", "8", "3", False), (jmh, "1755-6228", "7", "2", False),
        (mhsi, "2042-8308", "14", "3", False), (mhsi, "2042-8308", "16", "1", False),
        (mhsi, "2042-8308", "21", "4", False), (jmh, "1755-6228", "7", "2", False),
        (jmh, "1755-6228", "7", "2", False)]
    assert all(w.article_type == "Research Article" for w in seed.works[:9])
    assert all(w.keywords == () for w in seed.works)


def test_seed_abstracts(seed: PageRecord) -> None:
    headings = [[s.heading for s in w.abstract.sections] if w.abstract else None for w in seed.works]
    four = ["purpose", "design-methodology-approach", "findings", "originality-value"]
    five = ["purpose", "design-methodology-approach", "findings", "practical-implications",
            "originality-value"]
    assert headings == [four, four, four, five, [], five, five, four, four, []]
    unstructured = seed.works[4].abstract
    assert unstructured is not None
    assert unstructured.text.startswith("This article describes the development of peer support")
    assert seed.works[9].abstract is not None
    assert seed.works[9].abstract.text.endswith("across multiple areas of peer support work.")
    purpose = seed.works[0].abstract.sections[0]  # type: ignore[union-attr]
    assert purpose.text.startswith("The purpose of this service user narrative")


def test_seed_every_line_accounted_once(seed: PageRecord) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert sorted(n.line for n in seed.lines) == _nonblank(text)
    by_line = {n.line: n for n in seed.lines}
    assert by_line[1].status is LineStatus.SKIPPED  # "Search results"
    whats = {n.what for n in seed.lines}
    assert {"hit 3 abstract purpose", "hit 3 listing figure", "hit 10 kind", "hit 5 abstract"} <= whats
    assert all(n.what == "section heading" for n in seed.lines
               if n.text in ("Abstract", "Details", "Keywords"))


def test_detect() -> None:
    scores = {p.name[:3]: search_listing.detect(p.read_text(encoding="utf-8"))
              for p in sorted((ROOT / "seeds").glob("*.txt"))}
    assert scores["001"] >= 0.9
    assert all(scores[k] < 0.5 for k in ("000", "002", "003"))


def test_variant_small_listing() -> None:
    path = VARIANTS / "listing_small.txt"
    record = _parse(path)
    total = record.counts[0]
    assert (total.value, total.qualifier, total.range_start, total.range_end) == (9, None, 1, 9)
    first, second = record.works
    assert [a.display for a in first.authors] == ["Ann Smith", "Bo Jones"]
    assert first.issued is not None and first.issued.iso() == "2019-05"
    assert first.venue is not None
    assert (first.venue.title, first.venue.volume, first.venue.issue) == (
        "Journal of Public Mental Health", "1", "4")
    assert first.venue.issn is None  # 2042-8309 fails the check digit
    assert any("2042-8309" in p for p in record.problems)
    assert first.keywords == ("Peer support", "Prisons", "Recovery")
    assert first.abstract is not None
    assert [s.heading for s in first.abstract.sections] == [
        "purpose", "research-limitations-implications", "social-implications"]
    assert second.kind_as_written == "Case study" and second.work_type is WorkType.WORK
    assert second.authors[0].is_organisation and second.issued is not None
    assert second.issued.iso() == "2015"
    assert second.venue is not None
    assert (second.venue.title, second.venue.volume, second.venue.issue, second.venue.issn) == (
        "Mental Health Review Journal", "7", "2", "1361-9322")
    assert second.pages is not None and (second.pages.start, second.pages.end) == ("33", "37")
    # the page states 9 items but shows 2: recorded, not faked
    assert record.partial and any("shows 2 hits" in p for p in record.problems)
    assert sorted(n.line for n in record.lines) == _nonblank(path.read_text(encoding="utf-8"))


def test_variant_cut_mid_word() -> None:
    path = VARIANTS / "listing_cut.txt"
    record = _parse(path)
    assert record.partial
    assert record.counts[0].value == 1234 and record.counts[0].range_end == 20
    (work,) = record.works
    assert work.work_type is WorkType.BOOK_CHAPTER
    assert work.teaser == "Peer support workers in community teams have been employ"
    assert sorted(n.line for n in record.lines) == _nonblank(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("venue_line", "volume", "issue", "ahead"),
    [("Mental Health Review Journal, Vol. 7 No. 2", "7", "2", False),
     ("Mental Health Review Journal, 7:2", "7", "2", False),
     ("Mental Health Review Journal, vol. 1 no. 4", "1", "4", False),
     ("Mental Health Review Journal, Volume 12 Issue 3", "12", "3", False),
     ("Mental Health Review Journal, vol. ahead-of-print no. ahead-of-print", None, None, True)])
def test_venue_notations(venue_line: str, volume: str | None, issue: str | None, ahead: bool) -> None:
    text = f"1 – 1 of 1\nArticle\nPublication date: 2020\n\nDetails\n\n{venue_line}\nISSN: 1755-6228\n"
    (work,) = search_listing.parse(text).works
    assert work.venue is not None
    assert (work.venue.title, work.venue.volume, work.venue.issue, work.venue.ahead_of_print) == (
        "Mental Health Review Journal", volume, issue, ahead)


def test_conflicting_repeated_total_is_noted() -> None:
    record = search_listing.parse("1 - 20 of 1234\n\n1 - 20 of 999\n")
    assert record.counts[0].value == 1234 and record.problems


def test_nothing_useful_raises() -> None:
    with pytest.raises(ParseError):
        search_listing.parse("just some words\n")


_LINES = st.lists(st.one_of(
    st.sampled_from(["Article", "Book part", "Publication date: 22 August 2024", "Publication date: x",
                     "1 – 10 of over 73000", "Abstract", "Details", "Keywords", "Purpose", "Findings",
                     "1600", "A B and C D", "Journal, vol. 7 no. 2", "ISSN: 2042-8309", "Type: X",
                     "Teaser…", ""]),
    st.text(max_size=40)), max_size=30)


@settings(max_examples=200)
@given(_LINES)
def test_never_crashes_and_accounts_for_every_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        record = search_listing.parse(text)
    except ParseError:
        return
    assert isinstance(record, PageRecord)
    assert sorted(n.line for n in record.lines) == [
        i for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
    assert 0.0 <= search_listing.detect(text) <= 1.0


@settings(max_examples=100)
@given(st.integers(0, 30000), st.text(max_size=30))
def test_any_prefix_of_the_seed_parses(cut: int, tail: str) -> None:
    text = SEED.read_text(encoding="utf-8")[:cut] + tail
    try:
        record = search_listing.parse(text)
    except ParseError:
        return
    assert sorted(n.line for n in record.lines) == _nonblank(text)
    assert [w.position for w in record.works] == list(range(1, len(record.works) + 1))
