"""One definition per key: work identity, matching, people linking and IRI minting agree on every key."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peerkg.model import (
    PageRecord,
    ParsedPage,
    PartialDate,
    PersonName,
    SourceDocument,
    SourceKind,
    WorkKey,
    WorkRecord,
    WorkType,
)
from peerkg.normalise.keys import family_key, fold, slug, title_key
from peerkg.normalise.names import name_key
from peerkg.rdf.iri import Minter
from peerkg.resolve.matching import match_works
from peerkg.resolve.people import family_keys
from peerkg.resolve.works import decide_works

# letters with and without accents, curly and straight quotes, dashes, punctuation, spaces
TEXT = st.text(alphabet="aAbBéÉeEoöOÖ’'‘-–—:;,. _ßﬁ", min_size=0, max_size=24)
TITLE = st.lists(st.sampled_from(["Peer", "peer", "PÉER", "support", "suppórt", "in", "mental-health", "Mental–health",
                                  "‘lived’", "'lived'", "experience:", "experience", "wards", "ward"]),
                 min_size=3, max_size=6).map(" ".join)


def _page(n: int, title: str, family: str) -> ParsedPage:
    work = WorkRecord(work_type=WorkType.JOURNAL_ARTICLE, title=title, issued=PartialDate(2019),
                      authors=(PersonName(f"{family}, A.", family=family, given="A."),))
    sha = f"{n:x}" * 64
    return ParsedPage(path=f"{n}.txt", document=SourceDocument(f"{n}.txt", sha, 1),
                      record=PageRecord(kind=SourceKind.ARTICLE_PAGE, works=(work,)), cited=((),))


@given(TEXT)
def test_keys_are_idempotent(text):
    assert title_key(title_key(text)) == title_key(text)
    assert family_key(family_key(text)) == family_key(text)
    assert fold(fold(text)) == fold(text)
    assert slug(slug(text)) == slug(text)


@settings(max_examples=200, deadline=None)
@given(TITLE, TITLE)
def test_identity_matching_and_minting_agree_on_titles(a, b):
    same = title_key(a) == title_key(b)
    merged = decide_works([_page(1, a, "Repper"), _page(2, b, "Repper")])
    assert (len(set(merged.ids.values())) == 1) is same
    matches = match_works([WorkKey(id="a", title=a, year=2019), WorkKey(id="b", title=b, year=2019)])
    assert bool(matches) is same
    minter = Minter()
    assert (minter.journal_by_title(a) == minter.journal_by_title(b)) is same


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(lambda t: family_key(t)), TEXT.filter(lambda t: family_key(t)))
def test_identity_and_people_agree_on_family_names(a, b):
    """The first-author key of work identity is the family key people linking compares."""
    assert family_key(a) in family_keys(a)
    abstract = "peer support workers describe what their training gave them and what it did not give " * 2
    pages = []
    for n, family in enumerate((a, b), start=1):
        page = _page(n, None, family)
        work = WorkRecord(work_type=WorkType.JOURNAL_ARTICLE, issued=PartialDate(2019),
                          authors=page.record.works[0].authors, abstract=_abstract(abstract))
        pages.append(ParsedPage(page.path, page.document, PageRecord(kind=SourceKind.ARTICLE_PAGE, works=(work,)),
                                ((),)))
    merged = decide_works(pages)
    assert (len(set(merged.ids.values())) == 1) is (family_key(a) == family_key(b))


def _abstract(text: str):
    from peerkg.model import Abstract

    return Abstract(text=text)


@given(TEXT, TEXT)
def test_person_and_organisation_iris_are_slugs_of_the_key(family, given_name):
    minter = Minter()
    name = PersonName(f"{family} {given_name}", family=family or None, given=given_name or None)
    if name.family:
        assert str(minter.person(name_key(name))).endswith("/person/" + slug(f"{family} {given_name}"))
    assert str(minter.organization(name.as_written)).endswith("/organization/" + (slug(name.as_written) or "x"))
