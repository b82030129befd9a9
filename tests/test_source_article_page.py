"""Tests for the scholar-index article-page parser (seed 000 and hand-written variants)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerkg.errors import ParseError
from peerkg.model import CountKind, LineStatus, PageRecord, SourceKind, WorkType
from peerkg.sources import article_page

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("000_*.txt"))
VARIANTS = Path(__file__).parent / "variants"


def _parse(path: Path) -> PageRecord:
    return article_page.parse(path.read_text(encoding="utf-8"), source=path.name)


def _nonblank(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _assert_lines_accounted(text: str, record: PageRecord) -> None:
    assert sorted(n.line for n in record.lines) == _nonblank(text)


@pytest.fixture(scope="module")
def seed() -> PageRecord:
    return _parse(SEED)


def test_seed_title_type_and_publisher(seed: PageRecord) -> None:
    assert seed.kind is SourceKind.ARTICLE_PAGE
    assert len(seed.works) == 1
    work = seed.works[0]
    assert work.title == "A long and honourable history"
    assert work.work_type is WorkType.JOURNAL_ARTICLE
    assert work.publisher == "Emerald"
    assert not seed.partial and seed.problems == ()


def test_seed_authors_family_first(seed: PageRecord) -> None:
    authors = seed.works[0].authors
    assert [(a.as_written, a.family, a.given) for a in authors] == [
        ("Faulkner Alison", "Faulkner", "Alison"), ("Basset Thurstine", "Basset", "Thurstine")]
    assert [a.display for a in authors] == ["Alison Faulkner", "Thurstine Basset"]


def test_seed_structured_abstract(seed: PageRecord) -> None:
    abstract = seed.works[0].abstract
    assert abstract is not None
    assert [(s.position, s.heading) for s in abstract.sections] == [
        (1, "purpose"), (2, "design-methodology-approach"), (3, "findings"),
        (4, "practical-implications"), (5, "originality-value")]
    assert [s.heading_as_written for s in abstract.sections] == [
        "Purpose", "Design/methodology/approach", "Findings", "Practical implications",
        "Originality/value"]
    assert abstract.sections[0].text.startswith("This paper aims to explore the extensive roots")
    assert abstract.sections[0].text.endswith("National Health Service (NHS).")
    assert abstract.sections[3].text.startswith("The findings suggest that commissioners")
    assert abstract.sections[4].text.endswith("informal service\u2010user led peer support.")
    assert abstract.text.startswith("PurposeThis paper") and not abstract.truncated


def test_seed_subjects_as_printed(seed: PageRecord) -> None:
    assert seed.works[0].subjects == (
        "Psychiatry and Mental health", "Organizational Behavior and Human Resource Management",
        "Health Policy", "Education", "Pshychiatric Mental Health", "Health (social science)")


def test_seed_references(seed: PageRecord) -> None:
    work = seed.works[0]
    assert work.references_declared == 20
    assert len(work.counts) == 1
    count = work.counts[0]
    assert (count.kind, count.value, count.as_written) == (CountKind.REFERENCES, 20,
                                                            "Reference20 articles.")
    assert [(r.position, r.label) for r in work.references] == [
        (1, "1."), (2, "2."), (3, "3."), (4, "4."), (5, "5.")]
    assert work.references[2].text == (
        "Bradstreet, S. (2006), \u201cHarnessing the \u2018lived experience\u2019: formalising peer "
        "support approaches to promote recovery\u201d, The Mental Health Review, Vol. 11 No. 2, "
        "pp. 33\u20107.")
    assert work.references[0].text.startswith("Basset, T., Faulkner, A., Repper, J. and Stamou, E. (2010)")


def test_seed_every_line_accounted_once(seed: PageRecord) -> None:
    text = SEED.read_text(encoding="utf-8")
    _assert_lines_accounted(text, seed)
    ads = [n for n in seed.lines if n.what == article_page.CHROME]
    assert all(n.status is LineStatus.SKIPPED for n in ads)
    assert {n.text for n in ads} >= {"www.globalauthorid.com", "TOP"}
    assert any(n.text.startswith("Copyright \u00a9") for n in ads)
    # the numbered site promo lines are not references
    assert not any(n.what.startswith("reference") and "\u5b66" in n.text for n in seed.lines)


def test_detect_prefers_article_pages() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    scores = {p.name[:3]: article_page.detect(p.read_text(encoding="utf-8")) for p in seeds}
    assert scores["000"] >= 0.9
    assert all(scores[k] < 0.5 for k in ("001", "002", "003"))


def test_variant_reordered_without_title() -> None:
    path = VARIANTS / "article_page_reordered.txt"
    record = _parse(path)
    work = record.works[0]
    assert work.title is None
    assert work.subjects == ("Community Mental Health", "Nursing (all)")
    assert [(a.family, a.given, a.is_organisation) for a in work.authors] == [
        ("van der Berg", "J.", False), ("Repper", "J.", False), (None, None, True)]
    assert work.authors[2].display == "Mental Health Task Force"
    assert work.publisher == "Pavilion Publishing"
    assert work.abstract is not None
    assert [s.heading for s in work.abstract.sections] == [
        "purpose", "design-methodology-approach", "findings", "research-limitations-implications",
        "social-implications", "originality-value"]
    assert work.abstract.sections[3].text == "The sample is small."
    assert work.references_declared == 3 and len(work.references) == 2
    assert work.references[1].text.startswith("Repper, J. and Carter, T. (2011)")
    bio = [n for n in record.lines if n.what == "author biography (not mapped)"]
    assert len(bio) == 1 and bio[0].status is LineStatus.SKIPPED
    _assert_lines_accounted(path.read_text(encoding="utf-8"), record)
    assert not record.partial


def test_variant_cut_mid_word_is_partial() -> None:
    path = VARIANTS / "article_page_cut.txt"
    record = _parse(path)
    work = record.works[0]
    assert record.partial and record.problems
    assert work.title == "Peer workers on acute wards"
    assert [a.family for a in work.authors] == ["Ockwell", "Repper"]
    assert work.abstract is not None and work.abstract.truncated
    assert work.abstract.sections[-1].text == "Peer workers were valued by pat"
    _assert_lines_accounted(path.read_text(encoding="utf-8"), record)


def test_variant_unstructured_abstract_and_missing_references() -> None:
    path = VARIANTS / "article_page_unstructured.txt"
    record = _parse(path)
    work = record.works[0]
    assert work.abstract is not None and work.abstract.sections == ()
    assert work.abstract.text.startswith("Lived experience")
    assert work.references_declared == 12 and work.references == ()
    assert work.publisher == "Emerald Publishing Limited"
    _assert_lines_accounted(path.read_text(encoding="utf-8"), record)


def test_label_with_value_on_same_line_and_type() -> None:
    text = "Author: Perkins Rachel\nType: Editorial\nDOI: https://doi.org/10.1108/MHSI-05-2019-060\n"
    work = article_page.parse(text).works[0]
    assert work.work_type is WorkType.EDITORIAL and work.doi == "10.1108/mhsi-05-2019-060"
    assert work.authors[0].family == "Perkins"


def test_label_without_value_at_end_is_partial() -> None:
    record = article_page.parse("Some title\n\nAuthor:\n\nRepper Julie\n\nPublisher\n")
    assert record.partial and record.works[0].publisher is None


def test_nothing_useful_raises() -> None:
    with pytest.raises(ParseError):
        article_page.parse("")
    with pytest.raises(ParseError):
        article_page.parse("TOP\nwww.globalauthorid.com\n")


_LINES = st.lists(st.one_of(
    st.sampled_from(["Author:", "Abstract", "Publisher", "Subject", "Reference20 articles.", "TOP",
                     "1. Smith, J. (2001), Title.", "PurposeX.FindingsY", "", "Faulkner Alison,B C",
                     "\u540c\u821f\u4e91", "Type: Book", "DOI: nope", "Date: 31 February 2012"]),
    st.text(max_size=40)), max_size=25)


@settings(max_examples=200)
@given(_LINES)
def test_never_crashes_and_accounts_for_every_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        record = article_page.parse(text)
    except ParseError:
        return
    assert isinstance(record, PageRecord)
    assert sorted(n.line for n in record.lines) == [
        i for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
    assert 0.0 <= article_page.detect(text) <= 1.0


@pytest.mark.parametrize("marker", ["Practical implica", "The Mental Health Rev", "Publisher\n"])
def test_seed_cut_short_is_partial(marker: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    cut = text[: text.index(marker) + len(marker)]
    record = article_page.parse(cut)
    assert record.partial and record.problems
    assert record.works[0].title == "A long and honourable history"
    assert len(record.works[0].authors) == 2
    assert sorted(n.line for n in record.lines) == _nonblank(cut)


@settings(max_examples=100)
@given(st.integers(0, 6000), st.text(max_size=30))
def test_any_prefix_of_the_seed_parses(cut: int, tail: str) -> None:
    text = SEED.read_text(encoding="utf-8")[:cut] + tail
    try:
        record = article_page.parse(text)
    except ParseError:
        return
    assert sorted(n.line for n in record.lines) == _nonblank(text)
