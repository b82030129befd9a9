"""The build as a library: progress reporting and input collection."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerkg.errors import InputError
from peerkg.inputs import collect, read_page
from peerkg.pipeline import build_dataset
from peerkg.resources import seed_pages


def test_progress_reports_every_stage_in_order():
    seen: list[tuple[str, int, int]] = []
    pages = [p for p in seed_pages() if p.name.startswith(("002", "003"))]
    build_dataset(pages, validate=True, infer=True, progress=lambda *a: seen.append(a))
    stages = list(dict.fromkeys(stage for stage, _d, _t in seen))
    assert stages == ["parsing", "mapping", "validating", "inferring"]  # parsing: read, parse, tag
    assert ("parsing", 2, 2) in seen and ("mapping", 2, 2) in seen


def test_folders_expand_to_their_text_pages_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [p.name for p in collect([tmp_path])] == ["a.txt", "b.txt"]


def test_not_utf8_names_line_and_byte(tmp_path):
    page = tmp_path / "latin1.txt"
    page.write_bytes("Title\nAuthor: M\xfcller\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_page(page)
    text = str(err.value)
    assert "latin1.txt:2" in text and "not UTF-8" in text and "0xfc" in text


def test_missing_path_is_named(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        collect([Path(tmp_path / "nope.txt")])


def test_distinct_works_with_the_same_key_get_distinct_iris():
    """Two pages each describe an unsigned "Editorial" in the same issue, by different authors: the best
    key (ISSN + volume + issue + title) coincides, the works do not merge, and their IRIs stay distinct."""
    from peerkg.model import (
        PageRecord,
        ParsedPage,
        PersonName,
        SourceDocument,
        SourceKind,
        Venue,
        WorkRecord,
        WorkType,
    )
    from peerkg.rdf.iri import Minter
    from peerkg.resolve.works import decide_works

    def page(author: str, n: str) -> ParsedPage:
        work = WorkRecord(work_type=WorkType.EDITORIAL, title="Editorial",
                          authors=(PersonName(author, family=author.split()[1], given=author.split()[0]),),
                          venue=Venue(title="Mental Health and Social Inclusion", issn="2042-8308", volume="24",
                                      issue="2"))
        return ParsedPage(path=f"{n}.txt", document=SourceDocument(name=f"{n}.txt", sha256=n * 64, size=1),
                          record=PageRecord(kind=SourceKind.FULL_TEXT, works=(work,)), cited=((),))

    pages = [page("Ann Able", "a"), page("Bob Baker", "b")]
    identity = decide_works(pages)
    assert len({Minter().work(w) for w in identity.ids.values()}) == 2
    again = decide_works(pages)
    assert again.ids == identity.ids


def test_cited_web_pages_and_their_websites_validate(tmp_path):
    page = tmp_path / "web.txt"
    page.write_text("""Peer support online: a review

Author:

Able Ann,Baker Bob

Abstract

PurposeThis paper reviews online peer support.FindingsOnline groups reach people services do not.

Publisher

Emerald

Reference2 articles.

1. Mind (2013), "Mind strategy 2012-2016", Mind website, available at: www.mind.org.uk/strategy (accessed 3 May 2019).

2. Hearing Voices Network (2019), About us, available at: https://www.hearing-voices.org/about/ (accessed 1 June 2019).
""", encoding="utf-8")
    built = build_dataset([page], infer=False)
    from peerkg.validation import report_as_text

    assert built.validation.no_violations, report_as_text(built.validation)
    union = built.dataset
    site = list(union.query("""SELECT ?site WHERE { GRAPH ?g {
        ?w a <http://purl.org/spar/fabio/WebPage> ; <http://purl.org/dc/terms/isPartOf> ?site .
        ?site a <http://purl.org/spar/fabio/WebSite> } }"""))
    assert len(site) == 1


def test_a_page_given_twice_is_read_once_and_the_build_conforms(tmp_path):
    """Two files with the same bytes are one page (one source graph): the second is reported as a duplicate
    of the first, and the graph is exactly that of the page given once."""
    import shutil

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    for page in seed_pages():
        shutil.copy(page, first / page.name)
        shutil.copy(page, second / page.name)
    once = build_dataset([first], infer=False)
    twice = build_dataset([first, second], infer=False)
    assert twice.validation.no_violations and twice.validation.violations == 0
    assert twice.nq == once.nq
    duplicates = [o for o in twice.outcomes if o.status == "duplicate"]
    assert sorted((Path(o.path).name, o.same_as) for o in duplicates) == sorted(
        (p.name, str(first / p.name)) for p in seed_pages())
    assert [o.status for o in twice.outcomes if o.status != "duplicate"] == [o.status for o in once.outcomes]
