"""The citation-statements report parser (seed 002 and variants)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagecheck import assert_lines_accounted, seed, strings, variant
from peerkg.errors import ParseError
from peerkg.model import CountKind, LineStatus, PageRecord, SourceKind, WorkType
from peerkg.sources import citation_report

SEED = seed("002")


@pytest.fixture(scope="module")
def page() -> PageRecord:
    return citation_report.parse(SEED, "002.txt")


def test_kind_and_one_work(page: PageRecord) -> None:
    assert citation_report.KIND is SourceKind.CITATION_REPORT
    assert page.kind is SourceKind.CITATION_REPORT
    assert len(page.works) == 1
    assert not page.partial and page.problems == ()


def test_work_fields(page: PageRecord) -> None:
    work = page.works[0]
    assert work.doi == "10.1108/jmhtep-03-2015-0013"
    assert work.issued is not None and work.issued.year == 2015 and work.issued.iso() == "2015"
    assert work.title == "Peer support \u2013 the what, why, who, how and now"
    assert work.work_type is WorkType.WORK  # the page names no type or journal


def test_abstract_sections_and_truncation(page: PageRecord) -> None:
    abstract = page.works[0].abstract
    assert abstract is not None and abstract.truncated
    assert abstract.text.startswith("Purpose \u2013 The purpose of this paper")
    assert "Show more" not in abstract.text and not abstract.text.endswith("\u2026")
    assert [s.heading for s in abstract.sections] == ["purpose", "design-methodology-approach"]
    assert [s.heading_as_written for s in abstract.sections] == ["Purpose", "Design/methodology/approach"]
    assert abstract.sections[0].text.startswith("The purpose of this paper is to outline")
    assert abstract.sections[1].text.endswith("UK-wide learning.")
    assert [s.position for s in abstract.sections] == [1, 2]


def test_counts_as_stated(page: PageRecord) -> None:
    work = page.works[0]
    counts = {c.kind: c.value for c in work.counts}
    assert counts == {
        CountKind.SUPPORTING: 2, CountKind.MENTIONING: 41, CountKind.CONTRASTING: 0,
        CountKind.UNCLASSIFIED: 3, CountKind.CITED_BY: 30, CountKind.CITATION_STATEMENTS: 46,
        CountKind.REFERENCES: 10,
    }
    assert len(work.counts) == 7  # the repeated 2/41/0/3 block is not counted twice
    assert work.references_declared == 10
    as_written = {c.kind: c.as_written for c in work.counts}
    assert as_written[CountKind.CITED_BY] == "Cited by 30 publications"
    assert as_written[CountKind.CITATION_STATEMENTS] == "(46 citation statements)"


def test_statements(page: PageRecord) -> None:
    sts = page.works[0].statements
    assert [s.position for s in sts] == [1, 2, 3, 4, 5, 6]
    assert [s.type_label for s in sts] == ["mentioning"] * 4 + ["unclassified"] * 2
    assert [s.confidence for s in sts] == [Decimal("0.99")] * 4 + [None, None]
    assert [s.section for s in sts] == ["Discussion", "Discussion", None, None,
                                        "Peer-arbeit In Psychiatrischer Versorgung", None]
    assert [s.language for s in sts] == ["en"] * 4 + ["de"] * 2
    assert [s.duplicate_of for s in sts] == [None, 1, None, None, None, None]
    assert sts[0].text == sts[1].text
    assert sts[0].text.startswith("The possibility that availability of formal peer support")
    assert sts[0].text.endswith("in residential care.")
    assert "(Beales & Wilson )" in sts[0].text  # as printed
    assert all(s.truncated_start and s.truncated_end for s in sts)
    assert sts[4].text.startswith("(Faulkner et al 2013, 6) Diese Definition")
    assert sts[5].text.endswith("in Deutschland.")
    for s in sts:
        assert s.text[:1] not in "\u201c\u2026" and s.text[-1:] not in "\u201d\u2026"


def test_every_line_noted_once(page: PageRecord) -> None:
    assert_lines_accounted(SEED, page)
    notes = {n.line: n for n in page.lines}
    assert notes[3].status is LineStatus.SKIPPED and notes[3].what == "page chrome"
    assert notes[5].what == "page chrome" and notes[12].what == "page chrome"
    assert notes[21].status is LineStatus.SKIPPED and notes[21].what == "facet widget values, unlabelled"
    assert notes[33].what == "facet widget values, unlabelled"  # Year Published, not the work's year
    assert notes[26].status is LineStatus.MAPPED and notes[26].what == "supporting count"
    for n in (58, 59, 60, 61):
        assert notes[n].status is LineStatus.MAPPED and "duplicate" in notes[n].what
    assert notes[64].what == "statement 1 section and type"
    assert notes[65].what == "statement 1 confidence"
    assert notes[78].what == "statement 6 type"


def test_no_chrome_in_records(page: PageRecord) -> None:
    for text in strings(page.works):
        for chrome in ("Sign up to set email alerts", "Help me understand this report", "Show more",
                       "Order By", "cookie"):
            assert chrome not in text


def test_methods_supporting_and_contrasting_variant() -> None:
    text = variant("report_methods_contrasting.txt")
    page = citation_report.parse(text)
    work = page.works[0]
    assert work.doi == "10.1177/0020764019862190" and work.issued is not None and work.issued.year == 2020
    sts = work.statements
    assert [(s.type_label, s.section, s.confidence) for s in sts] == [
        ("supporting", "Methods", Decimal("0.87")),
        ("contrasting", "Results", Decimal("0.72")),
        ("mentioning", None, Decimal("0.95")),
    ]
    assert (sts[1].truncated_start, sts[1].truncated_end) == (False, True)
    assert (sts[2].truncated_start, sts[2].truncated_end) == (True, False)
    counts = {c.kind: c.value for c in work.counts}
    assert counts[CountKind.CITED_BY] == 17 and counts[CountKind.CITATION_STATEMENTS] == 18
    assert counts[CountKind.CONTRASTING] == 1 and work.references_declared == 34
    assert [s.heading for s in work.abstract.sections] == ["purpose", "findings", "originality-value"]
    assert not work.abstract.truncated
    assert_lines_accounted(text, page)


def test_report_without_abstract_multiline_statement() -> None:
    text = variant("report_no_abstract.txt")
    page = citation_report.parse(text)
    work = page.works[0]
    assert work.abstract is None
    assert work.title == "Recovery colleges and peer trainers: a realist review"
    assert work.doi == "10.1016/j.psychres.2018.04.012"
    sts = work.statements
    assert len(sts) == 3
    assert "co-deliver courses alongside clinicians" in sts[0].text  # spans two lines
    assert sts[1].section == "Background" and sts[1].type_label == "mentioning"  # section on its own line
    assert sts[2].section == "Diskussion" and sts[2].language == "de"
    assert work.references_declared is None
    assert_lines_accounted(text, page)


def test_page_cut_mid_statement_is_partial() -> None:
    text = variant("report_cut.txt")
    page = citation_report.parse(text)
    assert page.partial and page.problems
    work = page.works[0]
    assert len(work.statements) == 1
    assert work.statements[0].type_label == "supporting" and work.statements[0].section == "Introduction"
    assert work.abstract is not None and work.abstract.truncated
    assert_lines_accounted(text, page)
    assert {n.status for n in page.lines if n.line >= 19} == {LineStatus.SKIPPED}


def test_nothing_useful_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        citation_report.parse("Just a heading\n\nand some words\n")


def test_language_heuristic() -> None:
    german = "Die Peer-Arbeit ist nicht neu und wird von vielen genutzt."
    assert citation_report.detect_language(german) == "de"
    assert citation_report.detect_language("The peer work is not new and is used by many.") == "en"
    assert citation_report.detect_language("") == "en"


SEED_LINES = [ln for ln in SEED.splitlines() if ln.strip()]
LINES = st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=60),
                  st.sampled_from(["\u201c\u2026half a statement", "Section: X", "confidence: 5%",
                                   "Citation Types", "1", "2015", "Abstract:", "\u201d"]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(LINES, max_size=40).map("\n".join)))
def test_never_crashes_and_accounts_every_line(text: str) -> None:
    try:
        page = citation_report.parse(text)
    except ParseError:
        return
    assert_lines_accounted(text, page)
    assert len(page.works) == 1
    assert [s.position for s in page.works[0].statements] == list(range(1, len(page.works[0].statements) + 1))
