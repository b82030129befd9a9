"""The same works on pages of different kinds: one node per work, no false merges, citations that stay
resolved as pages are added, and IRIs that follow identity."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from pagecheck import REPO
from peerkg.model import ResolutionStatus
from peerkg.pipeline import build_dataset, parse_pages, read_pages
from peerkg.rdf.iri import Minter
from peerkg.rdf.namespaces import Base
from peerkg.resolve import resolve

LAYOUTS = REPO / "tests" / "layouts"
SEEDS = REPO / "seeds"

# records (page name prefix, index of the work on the page) that describe one work, read by hand
SAME = [
    {("article_from_author", 0), ("listing_compact_glued", 0), ("fulltext_vlex_dash", 0)},  # Ward et al. 2010
    {("000_", 0), ("001_", 3)},  # Faulkner & Basset 2012, A long and honourable history
    {("001_", 4), ("listing_author_search", 0)},  # Bradstreet & Pratt 2010
    {("001_", 6), ("listing_stripped_headings", 0)},  # Wolfendale & Musaabi 2017
]
# reference entries (page, position) that cite one of the works above (index into SAME)
CITES = {("article_only_references", 1): 2, ("article_only_references", 2): 1, ("article_only_references", 4): 3,
         ("article_from_author", 3): 1, ("article_from_affiliations", 2): 2,
         ("article_apa_references", 6): 2}  # "Bradstreet, S., & Pratt, R. (2010)." only first author and year
# reference entries (page, position) in lists of different styles (Emerald's Harvard, APA) that cite one work
# no page describes, read by hand: each group is one node, and no other cited node has several entries
CITED_SAME = [
    {("article_from_author", 2), ("article_from_affiliations", 1), ("article_apa_references", 1)},  # Mead 2001
    {("article_from_author", 1), ("article_from_references", 3), ("article_only_references", 3),
     ("article_apa_references", 5)},  # Repper & Carter 2011
    {("article_from_references", 1), ("article_apa_references", 2)},  # Davidson et al. 2012
]
# near-misses: the same authors and year as an entry above (or on another page), another title
CITED_APART = [(("article_apa_references", 3), ("article_apa_references", 1)),  # Mead, Hilton & Curtis 2001
               (("article_apa_references", 4), ("article_from_references", 2))]  # Gillard et al. 2013


@pytest.fixture(scope="module")
def resolved():
    inputs, failures = read_pages([SEEDS, LAYOUTS])
    assert not failures
    parsed, failures = parse_pages(inputs)
    assert not failures
    return parsed, resolve(parsed)


PREFIXES = sorted({x for group in SAME + CITED_SAME for x, _ in group} | {n for n, _ in CITES}
                  | {n for pair in CITED_APART for n, _ in pair}, key=len, reverse=True)


def _name(parsed, p: int) -> str:
    """The page's name as SAME and CITES spell it (a prefix), else its file name."""
    name = parsed[p].document.name
    return next((x for x in PREFIXES if name.startswith(x)), name)


def test_one_node_per_work_and_no_false_merges(resolved, capsys: pytest.CaptureFixture[str]) -> None:
    parsed, decisions = resolved
    nodes: dict[object, set[tuple[str, int]]] = defaultdict(set)
    for p, page in enumerate(decisions.pages):
        for i, work in enumerate(page.works):
            nodes[work].add((_name(parsed, p), i))
    found = [members for members in nodes.values() if len(members) > 1]
    split = [group for group in SAME if not any(group <= members for members in nodes.values())]
    false = [members for members in found if members not in SAME]
    records = sum(len(page.works) for page in decisions.pages)
    with capsys.disabled():
        print(f"\ncross-page set: {len(parsed)} pages, {records} work records, {len(nodes)} nodes; "
              f"{len(SAME) - len(split)}/{len(SAME)} works seen on several pages are one node; "
              f"false merges {len(false)}")
    assert split == [] and false == []


def test_references_point_to_the_work_the_other_pages_describe(resolved) -> None:
    parsed, decisions = resolved
    node_of = {(_name(parsed, p), i): w for p, page in enumerate(decisions.pages) for i, w in enumerate(page.works)}
    for p, page in enumerate(decisions.pages):
        for entry in page.cited:
            want = CITES.get((_name(parsed, p), entry.position))
            if want is not None:
                assert entry.matched and entry.work == node_of[next(iter(SAME[want]))], (p, entry.position)


def test_one_node_per_cited_work_across_reference_lists(resolved, capsys: pytest.CaptureFixture[str]) -> None:
    parsed, decisions = resolved
    nodes: dict[object, set[tuple[str, int]]] = defaultdict(set)
    node_of = {}
    for p, page in enumerate(decisions.pages):
        for entry in page.cited:
            if not entry.matched:
                nodes[entry.work].add((_name(parsed, p), entry.position))
                node_of[(_name(parsed, p), entry.position)] = entry.work
    shared = [members for members in nodes.values() if len(members) > 1]
    split = [group for group in CITED_SAME if group not in shared]
    false = [members for members in shared if members not in CITED_SAME]
    apart = [pair for pair in CITED_APART if node_of[pair[0]] == node_of[pair[1]]]
    entries = sum(len(m) for m in nodes.values())
    with capsys.disabled():
        print(f"\ncross-page set, cited works no page describes: {entries} reference entries, {len(nodes)} nodes; "
              f"{len(CITED_SAME) - len(split)}/{len(CITED_SAME)} cited on several pages are one node; "
              f"false merges {len(false)}, near-misses joined {len(apart)}/{len(CITED_APART)}")
    assert split == [] and false == [] and apart == []
    by_work = {m.work for m in decisions.cited_merges if m.second}
    assert {node_of[next(iter(group))] for group in CITED_SAME} == by_work
    assert {m.rule for m in decisions.cited_merges if m.second} == {"same-title-year-first-author"}
    (alone,) = [m for m in decisions.cited_merges if m.second is None]
    assert alone.rule == "only-work-by-first-author-and-year" and alone.first[1] == 6


def test_cited_merge_is_explained(tmp_path: Path) -> None:
    from peerkg.explain import as_text, explain

    result = build_dataset([SEEDS, LAYOUTS], infer=False)
    assert result.validation.violations == 0
    minter = Minter(Base())
    mead = next(m.work for m in result.decisions.cited_merges if "theoretical perspective" in m.evidence)
    text = as_text(explain(result.dataset, str(minter.work(mead))))
    assert "rule same-title-year-first-author score 0.95" in text
    assert ("reference 1 of article_apa_references.txt work 1 and reference 2 of article_from_author.txt work 1 "
            "cite the same work") in text
    assert "article_from_affiliations.txt" in text and "first author 'Mead'" in text
    bradstreet = next(m.work for m in result.decisions.cited_merges if m.second is None)
    text = as_text(explain(result.dataset, str(minter.work(bradstreet))))
    assert "reference 6 of article_apa_references.txt work 1 cites a work a page describes" in text
    assert "[rule only-work-by-first-author-and-year score 0.8]" in text


# people whose full name is printed on several pages of the set, read by hand: each is one node
PEOPLE = ["Matthew Ward", "Hannah Cordle", "Peter Chadwick", "Simon Bradstreet", "Rebekah Pratt", "Tori Wolfendale",
          "Angella Musaabi", "Julie Repper", "Emma Watson", "Alison Faulkner", "Thurstine Basset"]


def test_one_node_per_person_across_pages(capsys: pytest.CaptureFixture[str]) -> None:
    """With the tags the build gives resolve (a topic is a context same-full-name people may share)."""
    from peerkg.model import mention_id
    from peerkg.normalise.keys import fold

    result = build_dataset([SEEDS, LAYOUTS], validate=False, infer=False)
    authors = {mention_id(o.document.sha256[:16], i, n): (a, Path(o.path).name)  # every work record's author
               for o in result.outcomes if o.record for i, w in enumerate(o.record.works)
               for n, a in enumerate(w.authors, start=1)}
    by_name: dict[str, set[object]] = defaultdict(set)  # full name → the nodes of its mentions
    pages_of: dict[object, set[str]] = defaultdict(set)
    full: dict[object, set[str]] = defaultdict(set)  # node → the full names of its mentions
    for cluster in result.decisions.people:
        for mid in cluster.mention_ids:
            if mid in authors:
                name, page = authors[mid]
                pages_of[cluster.agent].add(page)
                if name.given and "." not in name.given:
                    full[cluster.agent].add(fold(name.display))
                    by_name[fold(name.display)].add(cluster.agent)
    split = [p for p in PEOPLE if len(by_name[fold(p)]) != 1 or len(pages_of[next(iter(by_name[fold(p)]))]) < 2]
    false = [agent for agent, forms in full.items() if len(forms) > 1]
    with capsys.disabled():
        print(f"\ncross-page set, people: {len(result.decisions.people)} nodes ({len(authors)} author mentions "
              "of described works); "
              f"{len(PEOPLE) - len(split)}/{len(PEOPLE)} people printed on several pages are one node; "
              f"false merges {len(false)}")
    assert split == [] and false == []


def test_in_text_citation_resolves_to_the_merged_work(resolved) -> None:
    parsed, decisions = resolved
    p = next(i for i, page in enumerate(parsed) if page.document.name == "fulltext_vlex_dash.txt")
    (pointer,) = [x for x in decisions.pages[p].pointers if x.citation.names[0] == "Bradstreet"]
    assert pointer.resolution.status is ResolutionStatus.RESOLVED
    q = next(i for i, page in enumerate(parsed) if page.document.name.startswith("001_"))
    assert pointer.resolution.work_id == decisions.pages[q].works[4]


def test_repeated_references_do_not_make_a_citation_ambiguous(resolved) -> None:
    """Repper & Carter (2011) is cited on four pages and described by no page of its own: one cited node,
    and one work for "(Repper and Carter, 2011)"."""
    from peerkg.model import InTextCitation
    from peerkg.resolve.matching import resolve_citation
    from peerkg.resolve.stage import cited_key

    parsed, decisions = resolved
    keys = [cited_key(e.work, e.cited) for page in decisions.pages for e in page.cited
            if e.cited.title and e.cited.title.startswith("A review of the literature on peer support")]
    assert len(keys) == 4 and len({k.id for k in keys}) == 1
    citation = InTextCitation(text="Repper and Carter, 2011", start=0, end=23, names=("Repper", "Carter"), year=2011)
    resolution = resolve_citation(citation, keys)
    assert resolution.status is ResolutionStatus.RESOLVED and resolution.candidates == (keys[0].id,)


def test_copies_differing_only_in_years_are_two_works_with_two_iris(tmp_path: Path) -> None:
    text = (LAYOUTS / "listing_stripped_headings.txt").read_text(encoding="utf-8")
    (tmp_path / "listing.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corrected.txt").write_text(text.replace("2017", "2018").replace("2016", "2015"), encoding="utf-8")
    result = build_dataset([tmp_path], infer=False)
    assert not result.rejected
    minter = Minter(Base())
    iris = [minter.work(w) for page in result.decisions.pages for w in page.works]
    assert len(iris) == 4 and len(set(iris)) == 4
    assert result.validation.no_violations, result.validation


def test_one_preferred_title_per_journal_the_others_kept_with_their_page(tmp_path: Path) -> None:
    from rdflib import Dataset, URIRef
    from rdflib.namespace import DCTERMS, SKOS

    result = build_dataset([SEEDS, LAYOUTS], infer=False)
    assert result.validation.no_violations
    journal = URIRef("https://w3id.org/psmh/id/journal/issn/2042-8308")
    union = result.union
    assert [str(t) for t in union.objects(journal, DCTERMS.title)] == ["Mental Health and Social Inclusion"]
    assert [str(t) for t in union.objects(journal, SKOS.altLabel)] == ["MENTALHEALTH AND SOCIAL INCLUSION"]
    dataset: Dataset = result.dataset
    sources = {str(g.identifier) for g in dataset.graphs() if (journal, SKOS.altLabel, None) in g}
    page = next(o for o in result.outcomes if o.path.endswith("003_b981369f0f33fc2d.txt"))
    assert sources == {str(page.graph)}
