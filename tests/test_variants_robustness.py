"""Parsers on layouts the seeds don't show: the ``robust_*`` variants, plus checks over every page.

Each ``robust_*`` page was written from the rules real pages follow (other publishers and DOI
prefixes, missing titles, fields in other orders, cut pages, APA reference lists, wrapped titles,
glued and spaced labels …). The tests assert the facts each page states. The parametrised tests
run over all seeds and variants: every non-blank line has exactly one note; CRLF line endings,
no-break spaces, tabs and trailing whitespace change nothing; nothing is invented.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest

from pagecheck import REPO, VARIANTS, assert_lines_accounted
from peerkg.model import CountKind, DatePrecision, PageRecord, SourceKind, WorkRecord, WorkType
from peerkg.sources import detect, parse_page
from test_nothing_invented import assert_nothing_invented

PAGES = sorted(REPO.joinpath("seeds").glob("*.txt")) + sorted(VARIANTS.glob("*.txt"))
KINDS = {"robust_article_": SourceKind.ARTICLE_PAGE, "robust_listing_": SourceKind.SEARCH_LISTING,
         "robust_report_": SourceKind.CITATION_REPORT, "robust_fulltext_": SourceKind.FULL_TEXT}
ROBUST = sorted(VARIANTS.glob("robust_*.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:  # keep CRLF where a page has it
        return f.read()


def page(name: str) -> PageRecord:
    text = _read(VARIANTS / name)
    record = parse_page(text, name)
    assert record.kind is next(k for p, k in KINDS.items() if name.startswith(p))
    return record


def names(work: WorkRecord) -> list[tuple[str | None, str | None, bool]]:
    return [(a.family, a.given, a.is_organisation) for a in work.authors]


def count(counts, kind: CountKind) -> int | None:
    return next((c.value for c in counts if c.kind is kind), None)


def test_there_are_enough_robust_variants() -> None:
    assert len(ROBUST) >= 12
    for prefix in KINDS:
        assert sum(p.name.startswith(prefix) for p in ROBUST) >= 3, prefix


@pytest.mark.parametrize("path", ROBUST, ids=[p.name for p in ROBUST])
def test_detection_picks_the_kind(path: Path) -> None:
    expected = next(k for p, k in KINDS.items() if path.name.startswith(p))
    assert detect(_read(path), path.name) is expected


# -- article pages ----------------------------------------------------------------------------

def test_article_apa_references_no_title_biography_six_part_abstract() -> None:
    rec = page("robust_article_apa_refs.txt")
    (w,) = rec.works
    assert w.title is None and not rec.partial
    assert names(w) == [("Smith", "Mary K.", False), ("O\u2019Hagan", "Mary", False),
                        ("Lloyd-Evans", "Brynmor", False), ("van der Berg", "Jan", False)]
    assert any(n.what == "author biography (not mapped)" for n in rec.lines)
    assert [s.heading for s in w.abstract.sections] == [
        "purpose", "design-methodology-approach", "findings", "research-limitations-implications",
        "practical-implications", "originality-value"]
    assert w.publisher == "SAGE Publications"
    assert w.subjects == ("Psychiatry and Mental health", "Nursing (all)")
    assert w.references_declared == 3
    assert [r.text.split(" (")[0] for r in w.references] == [
        "Smith, M. K., & Jones, P.", "O\u2019Hagan, M.",
        "Lloyd-Evans, B., Mayo-Wilson, E., Harrison, B., Istead, H., Brown, E., Pilling, S., "
        "Johnson, S., & Kendall, T."]
    assert all(r.label is None for r in w.references)
    assert w.references[2].text.endswith("https://doi.org/10.1186/1471-244X-14-39")


def test_article_crlf_organisation_author_fields_reordered() -> None:
    rec = page("robust_article_crlf_org.txt")
    (w,) = rec.works
    assert w.title == "Peer support on forensic wards: a scoping review"
    assert names(w) == [(None, None, True), ("Repper", "Julie", False)]
    assert w.authors[0].as_written == "Mental Health Foundation"
    assert w.publisher == "Taylor & Francis"
    assert w.abstract.text == ("Peer support on forensic wards has grown quickly. Little is known about "
                               "how it works in secure settings.")
    assert w.abstract.sections == ()
    assert w.subjects == ("Forensic Psychiatry", "Health Policy")
    assert w.references_declared == 12 and len(w.references) == 2
    assert [r.label for r in w.references] == ["1.", "2."]
    assert not rec.partial and rec.problems == ()


def test_article_cut_mid_word() -> None:
    rec = page("robust_article_cut_midword.txt")
    (w,) = rec.works
    assert w.title == "Peer-run respite: what guests say"
    assert names(w) == [("Kim", "Soo-jin", False), ("Ostrow", "Laysha", False), ("Croft", "Bevin", False)]
    assert w.keywords == ("peer respite", "crisis", "recovery")
    assert [s.heading for s in w.abstract.sections] == ["purpose", "social-implications", "findings"]
    assert w.publisher == "Emerald Publishing Limited"
    assert w.references_declared == 8 and len(w.references) == 2
    assert w.references[1].text.endswith("emergency serv")
    assert rec.partial and any("mid-field" in p for p in rec.problems)


def test_article_semicolon_authors_and_bracketed_references() -> None:
    rec = page("robust_article_semicolon_authors.txt")
    (w,) = rec.works
    assert w.title == "Co-production in recovery colleges"
    assert names(w) == [("Smith", "Mary K.", False), ("O\u2019Hagan", "Mary", False), (None, None, True)]
    assert w.subjects == ("Recovery", "Co-production")
    assert w.references_declared == 2
    assert [r.label for r in w.references] == ["[1]", "[2]"]


def test_article_short_biography_is_not_an_author() -> None:
    text = "Peer work today\n\nAuthor:\n\nSmith Mary K.\n\nMary Smith is a peer worker.\n\nAbstract\n\nShort.\n"
    rec = parse_page(text)
    assert [a.as_written for a in rec.works[0].authors] == ["Smith Mary K."]
    assert rec.lines[3].what == "author biography (not mapped)"


# -- search listings --------------------------------------------------------------------------

def test_listing_exact_total_three_kinds_of_hit() -> None:
    rec = page("robust_listing_exact.txt")
    (total,) = rec.counts
    assert (total.value, total.qualifier, total.range_start, total.range_end) == (3, None, 1, 3)
    assert not rec.partial and rec.problems == ()
    one, two, three = rec.works
    assert one.work_type is WorkType.JOURNAL_ARTICLE and one.title is None
    assert names(one) == [("Smith", "Mary K.", False), ("O\u2019Hagan", "Mary", False),
                          ("van der Berg", "Jan", False)]
    assert (one.issued.iso(), one.issued.precision) == ("2020-08-01", DatePrecision.DAY)
    v = one.venue
    assert (v.title, v.volume, v.issue, v.issn) == (
        "International Journal of Social Psychiatry", "66", "5", "0020-7640")
    assert (one.pages.start, one.pages.end) == ("455", "463")
    assert len(one.abstract.sections) == 6
    assert one.keywords == ("Peer support", "Risk", "Crisis care")
    assert two.work_type is WorkType.BOOK_CHAPTER and two.kind_as_written == "Book part"
    assert names(two) == [(None, None, True)]
    assert (two.issued.iso(), two.issued.precision) == ("2019-03", DatePrecision.MONTH)
    assert two.venue.title == "Peer Support in Forensic Care" and two.venue.volume is None
    assert (two.pages.start, two.pages.end) == ("33", "51")
    assert three.article_type == "Literature Review"
    assert (three.issued.iso(), three.issued.precision) == ("2017", DatePrecision.YEAR)
    assert (three.venue.title, three.venue.volume, three.venue.issue) == ("Journal of Mental Health", "26", "4")
    assert count(three.counts, CountKind.LISTING_FIGURE) == 212
    assert three.abstract.sections == ()


def test_listing_details_before_abstract_kind_line_missing() -> None:
    rec = page("robust_listing_reordered.txt")
    assert (rec.counts[0].value, rec.counts[0].range_end) == (2, 2)
    one, two = rec.works
    assert one.kind_as_written is None and one.work_type is WorkType.WORK
    assert names(one) == [("Repper", "Julie", False), ("Perkins", "Rachel", False),
                          ("van der Berg", "Jan", False)]
    assert one.issued.iso() == "2021-02-12"
    assert one.doi == "10.1186/s12888-021-03045-x"
    assert (one.venue.title, one.venue.volume, one.venue.issue, one.venue.issn) == (
        "BMC Psychiatry", "21", "1", "1471-244X")
    assert one.abstract.text.startswith("Recovery colleges offer courses")
    assert one.keywords == ("Recovery college", "Co-production")
    assert two.work_type is WorkType.EDITORIAL and two.article_type == "Editorial"
    assert names(two) == [("Gillard", "Steve", False)]
    assert two.doi == "10.1080/09638237.2018.1466050"
    assert (two.venue.volume, two.venue.issue, two.venue.issn) == ("27", "3", "0963-8237")
    assert [s.heading for s in two.abstract.sections] == ["purpose"]


def test_listing_cut_mid_abstract() -> None:
    rec = page("robust_listing_cut.txt")
    (total,) = rec.counts
    assert (total.value, total.qualifier, total.range_start, total.range_end) == (512, "about", 1, 10)
    assert rec.partial
    one, two = rec.works
    assert names(one) == [("Ostrow", "Laysha", False), ("Croft", "Bevin", False)]
    assert (one.venue.title, one.venue.volume, one.venue.issue, one.venue.issn) == (
        "Psychiatric Rehabilitation Journal", "45", "3", "1095-158X")
    assert not one.abstract.truncated
    assert names(two) == [("Kim", "Soo-jin", False)]
    assert two.abstract.truncated and two.abstract.text.endswith("the first peer spec")


# -- citation reports -------------------------------------------------------------------------

def test_report_wrapped_title_sections_on_their_own_line() -> None:
    rec = page("robust_report_wrapped_title.txt")
    (w,) = rec.works
    assert w.title == ("Peer support workers in community mental health teams: a mixed-methods "
                       "evaluation of fidelity and outcomes")
    assert w.doi == "10.1186/s12888-020-02923-3" and w.issued.iso() == "2020"
    assert w.venue.title == "BMC Psychiatry" and w.work_type is WorkType.JOURNAL_ARTICLE
    assert w.abstract.truncated
    assert [count(w.counts, CountKind(t)) for t in ("supporting", "mentioning", "contrasting",
                                                      "unclassified")] == [4, 6, 2, 1]
    assert count(w.counts, CountKind.CITED_BY) == 11
    assert count(w.counts, CountKind.CITATION_STATEMENTS) == 13
    assert w.references_declared == 48
    got = [(s.type_label, s.confidence, s.section, s.language) for s in w.statements]
    assert got == [("supporting", Decimal("0.87"), "Discussion", "en"),
                   ("contrasting", Decimal("0.64"), "Results", "en"),
                   ("mentioning", Decimal("0.92"), None, "en"),
                   ("unclassified", None, None, "de")]
    assert not w.statements[1].truncated_start and w.statements[0].truncated_start


def test_report_labelled_counts_multiline_ascii_quotes() -> None:
    rec = page("robust_report_multiline.txt")
    (w,) = rec.works
    assert w.title == "Peer support in crisis teams: a review"
    assert w.doi == "10.1080/09638237.2019.1608935" and w.issued.precision is DatePrecision.YEAR
    assert [s.heading for s in w.abstract.sections] == ["purpose", "findings", "originality-value"]
    assert [count(w.counts, CountKind(t)) for t in ("supporting", "mentioning", "contrasting",
                                                      "unclassified")] == [1, 2, 1, 0]
    assert (count(w.counts, CountKind.CITED_BY), count(w.counts, CountKind.CITATION_STATEMENTS)) == (4, 4)
    assert w.references_declared == 27
    got = [(s.type_label, s.confidence, s.section) for s in w.statements]
    assert got == [("supporting", Decimal("0.81"), "Introduction"),
                   ("mentioning", Decimal("0.99"), "Background"),
                   ("contrasting", Decimal("0.77"), "Findings"),
                   ("mentioning", Decimal("0.97"), "Introduction")]
    assert w.statements[0].text.startswith("Peer workers in crisis teams")
    assert w.statements[0].text.endswith("(Smith and Jones, 2019)")


def test_report_without_title_or_year() -> None:
    rec = page("robust_report_no_title.txt")
    (w,) = rec.works
    assert w.title is None and w.issued is None
    assert w.doi == "10.1177/0020764019894610"
    assert w.abstract.sections == () and not w.abstract.truncated
    assert [count(w.counts, CountKind(t)) for t in ("supporting", "mentioning", "contrasting",
                                                      "unclassified")] == [0, 2, 0, 0]
    assert w.references_declared == 61
    assert [(s.section, s.confidence) for s in w.statements] == [
        ("Introduction", Decimal("0.96")), (None, Decimal("0.88"))]


def test_report_statement_fields_in_other_orders() -> None:
    rec = page("robust_report_field_order.txt")
    (w,) = rec.works
    assert w.title == "Recovery colleges and peer trainers" and w.issued.iso() == "2021"
    assert [(s.type_label, s.confidence, s.section) for s in w.statements] == [
        ("mentioning", Decimal("0.94"), "Discussion"),
        ("contrasting", Decimal("0.71"), None),
        ("supporting", Decimal("0.90"), "Introduction")]
    assert rec.problems == ()


# -- full-text pages --------------------------------------------------------------------------

def test_fulltext_research_paper_spaced_labels_mixed_case_footer() -> None:
    rec = page("robust_fulltext_research.txt")
    (w,) = rec.works
    assert w.title == "Peer support and hope: a longitudinal study in community teams"
    assert w.article_type == "Research paper" and w.work_type is WorkType.JOURNAL_ARTICLE
    assert names(w) == [("Smith", "Mary K.", False), ("O\u2019Hagan", "Mary", False),
                        ("Lloyd-Evans", "Brynmor", False)]
    assert (w.issued.iso(), w.issued.precision) == ("2021-11-04", DatePrecision.DAY)
    assert w.doi == "10.1080/09638237.2021.1952957"
    assert (w.pages.start, w.pages.end) == ("201", "214")
    v = w.venue
    assert (v.title, v.volume, v.issue, v.issn, v.publisher) == (
        "JOURNAL OF MENTAL HEALTH", "30", "6", "0963-8237", "Informa UK Limited")
    assert w.subjects == ("Mental health", "Peer support", "Recovery")
    assert [f.marker for f in w.footnotes] == ["1"]
    assert w.body.startswith("Hope is often described") and "Sign in" not in w.body
    assert rec.problems == ()


def test_fulltext_glued_labels_organisation_author() -> None:
    rec = page("robust_fulltext_glued.txt")
    (w,) = rec.works
    assert w.title == "Recovery colleges in Europe: a survey"
    assert names(w) == [("van der Berg", "Jan", False), (None, None, True), ("de la Cruz", "Ana", False)]
    assert w.issued.iso() == "2020-03-12" and w.doi == "10.1186/s12888-020-02512-0"
    assert (w.pages.start, w.pages.end) == ("1", "12")
    v = w.venue
    assert (v.title, v.volume, v.issue, v.issn) == ("BMC PSYCHIATRY", "20", "1", "1471-244X")
    assert w.article_type == "Research Article"
    assert w.subjects == ("Mental health", "Recovery colleges")
    assert rec.problems == ()


def test_fulltext_without_title_guest_editorial() -> None:
    rec = page("robust_fulltext_no_title.txt")
    (w,) = rec.works
    assert w.title is None
    assert w.work_type is WorkType.EDITORIAL and w.article_type == "Guest editorial"
    assert names(w) == [("Carr", "Sarah", False)]
    assert w.issued.iso() == "2018-12-18" and w.doi == "10.1108/jpmh-09-2018-0065"
    assert (w.pages.start, w.pages.end) == ("249", "251")
    v = w.venue
    assert (v.title, v.volume, v.issue, v.issn, v.publisher) == (
        "JOURNAL OF PUBLIC MENTAL HEALTH", "17", "4", "1746-5729", "Emerald Publishing Limited")
    assert w.body.startswith("Peer support is often presented") and "To continue" not in w.body


def test_fulltext_labelled_venue_comma_names_lower_case_doi_footer() -> None:
    rec = page("robust_fulltext_labelled_venue.txt")
    (w,) = rec.works
    assert w.title == "Peer support in Aotearoa New Zealand"
    assert names(w) == [("O\u2019Hagan", "Mary", False), ("Smith", "Mary K.", False)]
    assert w.issued.iso() == "2014-05-02" and w.doi == "10.5172/jamh.2014.12.3.44"
    assert (w.pages.start, w.pages.end) == ("44", "52")
    v = w.venue
    assert (v.title, v.volume, v.issue, v.issn) == ("Advances in Mental Health", "12", "3", "1838-7357")
    assert rec.problems == ()


# -- every page -------------------------------------------------------------------------------

def _norm(obj: object) -> object:
    """A record as plain data with every string's whitespace collapsed (NBSP and tabs included)."""
    if isinstance(obj, str):
        return re.sub(r"\s+", " ", obj).strip()
    if isinstance(obj, dict):
        return {k: _norm(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_norm(x) for x in obj]
    return obj


def _dirty(text: str) -> str:
    """The page as scrapes mangle it: CRLF, no-break spaces, tabs, trailing whitespace."""
    out = []
    for i, line in enumerate(text.splitlines()):
        if i % 3 == 0:
            line = line.replace(" ", "\u00a0", 1)
        if i % 4 == 1:
            line = line.replace(" ", "\t", 1)
        if i % 5 == 2:
            line = "\t" + line
        out.append(line + ("  \t" if i % 2 else " "))
    return "\r\n".join(out) + "\r\n"


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_line_has_one_note(path: Path) -> None:
    text = _read(path)
    assert_lines_accounted(text, parse_page(text, path.name))


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_whitespace_and_line_endings_change_nothing(path: Path) -> None:
    text = _read(path).replace("\r\n", "\n")
    clean = parse_page(text, path.name)
    dirty = parse_page(_dirty(text), path.name)
    assert _norm(dataclasses.asdict(dirty)) == _norm(dataclasses.asdict(clean))


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_nothing_invented(path: Path) -> None:
    text = _read(path)
    assert_nothing_invented(text, parse_page(text, path.name))


def test_listing_total_with_a_leading_word():
    from peerkg.sources import search_listing

    page = search_listing.parse("""Showing 1–1 of 1

Article
Publication date: 2 March 2020

Ann Able

A teaser…
""")
    (total,) = page.counts
    assert (total.value, total.range_start, total.range_end, total.qualifier) == (1, 1, 1, None)
    assert total.as_written == "Showing 1–1 of 1"


def test_listing_authors_written_family_first_with_initials():
    from peerkg.sources import search_listing

    page = search_listing.parse("""1 – 1 of 1

Article
Publication date: 2 March 2020

Smith, M. K., O'Hagan, P. and Lloyd-Evans, B.

A teaser…
""")
    authors = [(a.family, a.given) for a in page.works[0].authors]
    assert authors == [("Smith", "M. K."), ("O'Hagan", "P."), ("Lloyd-Evans", "B.")]
