"""The full-text page parser (seed 003 and variants)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagecheck import assert_lines_accounted, seed, strings, variant
from peerkg.errors import ParseError
from peerkg.model import LineStatus, PageRecord, SourceKind, WorkType
from peerkg.sources import full_text

SEED = seed("003")


@pytest.fixture(scope="module")
def page() -> PageRecord:
    return full_text.parse(SEED, "003.txt")


def test_kind(page: PageRecord) -> None:
    assert full_text.KIND is SourceKind.FULL_TEXT and page.kind is SourceKind.FULL_TEXT
    assert len(page.works) == 1 and not page.partial and page.problems == ()


def test_header_fields(page: PageRecord) -> None:
    work = page.works[0]
    assert work.title == "Where is peer support going?"
    assert work.issued is not None and work.issued.iso() == "2019-05-15"
    assert work.pages is not None and (work.pages.start, work.pages.end) == ("61", "63")
    assert work.doi == "10.1108/mhsi-05-2019-060"
    assert [(a.given, a.family) for a in work.authors] == [("Rachel", "Perkins"), ("Julie", "Repper")]
    assert [a.as_written for a in work.authors] == ["Rachel Perkins", "Julie Repper"]
    assert work.subjects == ("Health & social care", "Mental health", "Social inclusion")


def test_footer_venue_and_type(page: PageRecord) -> None:
    work = page.works[0]
    venue = work.venue
    assert venue is not None
    assert (venue.volume, venue.issue, venue.issn) == ("23", "2", "2042-8308")
    assert venue.publisher == "Emerald Publishing Limited" == work.publisher
    assert venue.title == "MENTALHEALTH AND SOCIAL INCLUSION"  # as printed
    assert work.article_type == "Editorial" and work.work_type is WorkType.EDITORIAL


def test_body(page: PageRecord) -> None:
    body = page.works[0].body
    assert body is not None
    assert body.startswith("Peer support is not new.")
    assert body.endswith("remain and impede the mutuality")
    assert "Where is peer support going?" not in body and "Rachel Perkins and Julie Repper" not in body
    assert "Bipolar\nUK[1] and the Hearing Voices Network[2]" in body  # lines and markers as printed
    assert "Minds 20122016 strategy" in body and "realpeer support" in body  # typos kept
    for junk in ("To continue reading", "Request your trial", "cookie", "ACCEPT", "PAG E", "VOL. 23",
                 "MENTALHEALTH"):
        assert junk not in body


def test_footnotes(page: PageRecord) -> None:
    work = page.works[0]
    body = work.body or ""
    assert [f.marker for f in work.footnotes] == ["1", "2", "3"]
    assert [f.offset for f in work.footnotes] == [
        body.index("UK[1]") + 2, body.index("Network[2]") + 7, body.index("developed[3]") + 9]
    for f in work.footnotes:
        assert body[f.offset:f.offset + len(f.marker) + 2] == f"[{f.marker}]"


def test_line_notes(page: PageRecord) -> None:
    assert_lines_accounted(SEED, page)
    notes = {n.line: n for n in page.lines}
    assert notes[1].what == "title" and notes[3].what == "issued" and notes[4].what == "issued (repeat)"
    assert notes[9].status is LineStatus.MAPPED and "repeat" in notes[9].what
    assert notes[10].status is LineStatus.MAPPED and notes[10].what == "title (repeat)"
    assert all(notes[n].what == "body" for n in range(11, 54))
    assert notes[54].status is LineStatus.MAPPED and notes[54].what.startswith("footer")
    for n in (55, 57, 58):
        assert notes[n].status is LineStatus.SKIPPED and notes[n].what == "page furniture"
    assert notes[59].what == "article type"
    assert notes[61].what == "paywall" and notes[63].what == "paywall"
    assert notes[65].what == "cookie banner"


def test_no_chrome_in_records(page: PageRecord) -> None:
    for text in strings(page.works):
        for chrome in ("To continue reading", "Request your trial", "cookie"):
            assert chrome not in text


def test_article_with_spaced_labels_reordered_no_footer() -> None:
    text = variant("fulltext_article_spaced.txt")
    page = full_text.parse(text)
    work = page.works[0]
    assert work.title == "Peer-led crisis houses: a qualitative study of guests' experiences"
    assert work.doi == "10.1177/13591045211012345"
    assert work.issued is not None and work.issued.iso() == "2021-03-03"
    assert work.pages is not None and (work.pages.start, work.pages.end) == ("112", "129")
    assert [(a.given, a.family) for a in work.authors] == [("Maria", "Lopez"), ("Tom", "Okafor")]
    assert work.subjects == ("Crisis care", "Peer support")
    assert work.article_type == "Research paper" and work.work_type is WorkType.JOURNAL_ARTICLE
    assert work.venue is None and page.problems == ()
    assert work.body is not None and work.body.startswith("Crisis houses run by people")
    assert work.body.endswith("during the day.")
    assert [f.marker for f in work.footnotes] == ["1", "2"]
    assert_lines_accounted(text, page)
    for s in strings(page.works):
        assert "cookie" not in s and "Sign in" not in s


def test_header_and_footer_doi_disagree() -> None:
    text = variant("fulltext_doi_conflict.txt")
    page = full_text.parse(text)
    work = page.works[0]
    assert work.doi == "10.1108/jmhtep-01-2020-0001"  # the header wins
    assert any("differs" in p and "10.1108/jmhtep-01-2020-0002" in p for p in page.problems)
    assert work.venue is not None and work.venue.issn == "1755-6228"
    assert (work.venue.volume, work.venue.issue) == ("15", "3")
    assert [a.as_written for a in work.authors] == ["Sam Whitfield"]
    assert work.article_type == "Viewpoint" and work.work_type is WorkType.JOURNAL_ARTICLE
    assert_lines_accounted(text, page)


def test_invalid_footer_issn_is_a_problem() -> None:
    text = SEED.replace("ISSN 2042-8308", "ISSN 2042-8309")
    page = full_text.parse(text)
    assert page.works[0].venue is not None and page.works[0].venue.issn is None
    assert any("2042-8309" in p for p in page.problems)


def test_nothing_useful_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        full_text.parse("Some title\nsome prose that goes on\nand on.\n")


SEED_LINES = [ln for ln in SEED.splitlines() if ln.strip()]
LINES = st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=60),
                  st.sampled_from(["DOI: 10.1177/abc", "Pages: 1-2", "Author", "Date", "Issue 3", "j",
                                   "A", "EDITORIAL", "[1]"]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(LINES, max_size=40).map("\n".join)))
def test_never_crashes_and_accounts_every_line(text: str) -> None:
    try:
        page = full_text.parse(text)
    except ParseError:
        return
    assert_lines_accounted(text, page)
    work = page.works[0]
    for f in work.footnotes:
        assert (work.body or "")[f.offset] == "["


def test_title_missing_body_not_taken_as_title() -> None:
    text = ("Published date: 3 March 2021\nDOI: 10.1177/13591045211012345\n"
            "Crisis houses run by people with lived experience offer an alternative to hospital admission\n"
            "for people in acute distress. This paper reports interviews.\n")
    work = full_text.parse(text).works[0]
    assert work.title is None
    assert work.body is not None and work.body.startswith("Crisis houses run by people")
    assert work.work_type is WorkType.JOURNAL_ARTICLE  # the default when no type is printed
