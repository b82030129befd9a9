"""Cited works across reference lists (peerkg.resolve.cited): entries of different lists citing one work that
no page describes are one node; near-misses, different DOIs and disagreeing fields stay apart; an entry with
only a first author and a year joins a work only when exactly one fits."""

from __future__ import annotations

from pathlib import Path

from pagecheck import REPO
from peerkg.model import CitedWork, PageRange, PersonName, RecordRef, ResolutionStatus, WorkId, WorkKey
from peerkg.pipeline import parse_pages, read_pages
from peerkg.references import parse_reference
from peerkg.resolve import resolve
from peerkg.resolve.cited import decide_cited

LAYOUTS = REPO / "tests" / "layouts"


def _name(record: RecordRef) -> str:
    return f"page{record.page}.txt work {record.index + 1}"


def _cited(title: str | None = "Peer support: a theoretical perspective", year: int | None = 2001,
           authors: tuple[str, ...] = ("Mead, S.", "Hilton, D."), **more: object) -> CitedWork:
    names = tuple(PersonName(a, a.split(",")[0], a.split(", ")[1] if ", " in a else None) for a in authors)
    return CitedWork(text=f"{authors} ({year}) {title}", title=title, year=year, authors=names, **more)  # type: ignore[arg-type]


def _entry(page: int, position: int = 1) -> tuple[RecordRef, int]:
    return RecordRef(page, 0), position


def _nodes(entries: list[tuple[tuple[RecordRef, int], CitedWork]], main: tuple[WorkKey, ...] = ()):
    decided = decide_cited(entries, main, _name)
    return decided, [decided.works.get(e) for e, _ in entries]


def test_same_title_year_and_first_author_in_two_lists_are_one_node() -> None:
    decided, (a, b) = _nodes([(_entry(0), _cited()), (_entry(1, 4), _cited(title="Peer Support: A Theoretical "
                                                                                  "Perspective."))])
    assert a == b == WorkId("key", ("year-author-title", "2001", "mead", "peer support a theoretical perspective"))
    (merge,) = decided.merges
    assert (merge.rule, merge.score) == ("same-title-year-first-author", 0.95)
    assert merge.evidence.startswith("reference 1 of page0.txt work 1 and reference 4 of page1.txt work 1 cite")


def test_near_misses_stay_apart() -> None:
    base = _cited()
    cases = [
        _cited(title="Peer support in practice"),  # same authors and year, another title
        _cited(year=2002),  # another year
        _cited(authors=("Meade, S.", "Hilton, D.")),  # another first author
        _cited(authors=("Mead, P.", "Hilton, D.")),  # initials that cannot be one person
        _cited(authors=("Mead, S.",)),  # a shorter list without "et al."
        _cited(volume="26"),  # volumes disagree (the other gives one)
    ]
    for other in cases:
        _, (a, b) = _nodes([(_entry(0), _cited(volume="25")), (_entry(1), other)])
        assert a is None and b is None, other
    _, (a, b) = _nodes([(_entry(0), base), (_entry(1), _cited(authors=("Mead, S.",), et_al=True))])
    assert a == b is not None  # "Mead, S. et al." extends to the full list


def test_two_dois_never_one_node_even_through_a_chain() -> None:
    x = _cited(doi="10.1037/h0095032")
    y = _cited(doi="10.1037/h0099999")
    decided, (a, b, c) = _nodes([(_entry(0), x), (_entry(1), _cited()), (_entry(2), y)])
    assert a != c and (a == b or b == c)
    assert len(decided.merges) == 1


def test_same_doi_joins_differently_printed_titles() -> None:
    x = _cited(doi="10.1037/h0095032")
    y = _cited(title="Peer support: theoretical perspectives", doi="10.1037/h0095032")
    decided, (a, b) = _nodes([(_entry(0), x), (_entry(1), y)])
    assert a == b == WorkId("doi", ("10.1037/h0095032",))
    assert decided.merges[0].rule == "same-doi"


def test_entries_of_one_list_are_never_one_node() -> None:
    _, (a, b) = _nodes([(_entry(0, 1), _cited()), (_entry(0, 2), _cited())])
    assert a is None and b is None


def test_first_author_and_year_alone_join_only_the_one_work_that_fits() -> None:
    untitled = _cited(title=None, pages=PageRange("134", "141"))
    main = WorkKey(id=WorkId("doi", ("10.1037/h0095032",)), title="Peer support: a theoretical perspective",
                   year=2001, first_author_family="Mead", author_families=("Mead", "Hilton"))
    decided, (a,) = _nodes([(_entry(0), untitled)], (main,))
    assert a is None and decided.matched == {_entry(0): main.id}
    (merge,) = decided.merges
    assert (merge.second, merge.work, merge.rule) == (None, main.id, "only-work-by-first-author-and-year")
    assert "has only first author 'Mead' and year 2001" in merge.evidence
    # a second work by the same first author in the same year (cited with a title on another page): ambiguous
    decided, (a, b) = _nodes([(_entry(0), untitled), (_entry(1), _cited(title="Peer support in practice"))],
                             (main,))
    assert decided.matched == {} and a is None and b is None
    # no described work, one titled cited work that fits: the entry joins its node
    decided, (a, b) = _nodes([(_entry(0), untitled), (_entry(1), _cited())])
    assert a == b is not None and decided.merges[0].rule == "only-work-by-first-author-and-year"


def test_citation_stays_resolved_as_pages_citing_the_work_are_added(tmp_path: Path) -> None:
    """A statement citing "(Repper & Carter, 2011)" resolves to the one cited node, however many reference
    lists (of whatever style) cite that work."""
    statement = (LAYOUTS / "report_one_statement.txt").read_text(encoding="utf-8").replace(
        "Faulkner & Basset, 2012", "Repper & Carter, 2011")
    (tmp_path / "report.txt").write_text(statement, encoding="utf-8")
    lists = ["article_from_author.txt", "article_from_references.txt", "article_only_references.txt",
             "article_apa_references.txt"]
    for n in range(1, len(lists) + 1):
        pages = [tmp_path / "report.txt", *(LAYOUTS / name for name in lists[:n])]
        inputs, _ = read_pages(pages)
        parsed, _ = parse_pages(inputs)
        decisions = resolve(parsed)
        (pointer,) = decisions.pages[0].pointers
        cited = {e.work for page in decisions.pages for e in page.cited
                 if e.cited.title and e.cited.title.startswith("A review of the literature on peer support")}
        assert pointer.resolution.status is ResolutionStatus.RESOLVED, n
        assert len(cited) == 1 and pointer.resolution.work_id == next(iter(cited)), n


def test_reference_styles_read_alike() -> None:
    harvard = parse_reference("Mead, S., Hilton, D. and Curtis, L. (2001), “Peer support: a theoretical "
                              "perspective”, Psychiatric Rehabilitation Journal, Vol. 25 No. 2, pp. 134‐41.")
    apa = parse_reference("Mead, S., Hilton, D., & Curtis, L. (2001). Peer support: A theoretical perspective. "
                          "Psychiatric Rehabilitation Journal, 25(2), 134–141.")
    _, (a, b) = _nodes([(_entry(0), harvard), (_entry(1), apa)])
    assert (harvard.style, apa.style) == ("harvard", "apa") and a == b is not None
