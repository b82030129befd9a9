"""Work matching, citation resolution and inferred facts, on the seeds and on near misses."""

from __future__ import annotations

import re
from pathlib import Path

from peerkg.model import InTextCitation, WorkKey
from peerkg.normalise.keys import title_key
from peerkg.references import parse_reference
from peerkg.resolve.implied import infer_authors_from_statements, journal_from_doi
from peerkg.resolve.intext import find_citations
from peerkg.resolve.matching import cluster_works, match_works, resolve_citation

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


ABSTRACT_000 = (
    "This paper aims to explore the extensive roots of peer support in mental health, and to identify the "
    "values and principles that the authors wish to hold onto as choices are made as to how and whether to "
    "engage with formal peer support within the National Health Service (NHS).")

# The works the four seed pages describe, keyed as the build keys them (hand-copied from the pages).
SEED_WORKS = [
    WorkKey(id="s000", title="A long and honourable history", first_author_family="Faulkner",
            author_families=("Faulkner", "Basset"), abstract=ABSTRACT_000),
    WorkKey(id="s001#1", year=2024, first_author_family="Gray", author_families=("Gray", "Sisto", "Conley"),
            venue="Mental Health and Social Inclusion", issn="2042-8308", volume="ahead-of-print"),
    WorkKey(id="s001#2", year=2024, first_author_family="Gray", author_families=("Gray", "Sisto"),
            venue="Mental Health and Social Inclusion", issn="2042-8308", volume="ahead-of-print"),
    WorkKey(id="s001#3", year=2013, first_author_family="Lawton-Smith", author_families=("Lawton-Smith",),
            venue="The Journal of Mental Health Training, Education and Practice", issn="1755-6228",
            volume="8", issue="3"),
    WorkKey(id="s001#4", year=2012, first_author_family="Faulkner", author_families=("Faulkner", "Basset"),
            venue="The Journal of Mental Health Training, Education and Practice", issn="1755-6228",
            volume="7", issue="2", abstract=ABSTRACT_000),
    WorkKey(id="s001#5", year=2010, first_author_family="Bradstreet", author_families=("Bradstreet", "Pratt"),
            venue="Mental Health and Social Inclusion", issn="2042-8308", volume="14", issue="3"),
    WorkKey(id="s001#6", year=2012, first_author_family="Faulkner", author_families=("Faulkner", "Basset"),
            venue="Mental Health and Social Inclusion", issn="2042-8308", volume="16", issue="1"),
    WorkKey(id="s001#9", year=2012, first_author_family="Repper", author_families=("Repper", "Watson"),
            venue="The Journal of Mental Health Training, Education and Practice", issn="1755-6228",
            volume="7", issue="2"),
    WorkKey(id="s002", doi="10.1108/jmhtep-03-2015-0013", year=2015,
            title="Peer support – the what, why, who, how and now"),
    WorkKey(id="s003", doi="10.1108/MHSI-05-2019-060", year=2019, title="Where is peer support going?",
            first_author_family="Perkins", author_families=("Perkins", "Repper"),
            venue="Mental Health and Social Inclusion", issn="2042-8308", volume="23", issue="2"),
]


def _key_from_reference(ref_id: str, text: str) -> WorkKey:
    w = parse_reference(text)
    fams = tuple(a.family or a.as_written for a in w.authors)
    return WorkKey(id=ref_id, doi=w.doi, title=w.title, year=w.year, first_author_family=fams[0] if fams else None,
                   author_families=fams, venue=w.container_title, volume=w.volume, issue=w.issue,
                   year_suffix=w.year_suffix, et_al=w.et_al)


def _pairs(matches) -> set[tuple[str, str, str]]:
    return {(m.left, m.right, m.rule) for m in matches}


# --- match_works ------------------------------------------------------------------------------

def test_seed_works_match_only_on_evidence() -> None:
    matches = match_works(SEED_WORKS)
    # seed 000's article page = listing hit 4 (same authors, same abstract; seed 000 gives no year)
    assert _pairs(matches) == {("s000", "s001#4", "authors-abstract")}
    m = matches[0]
    assert m.score == 0.95 and "Faulkner, Basset" in m.evidence
    # the two Faulkner & Basset 2012 papers (different journals) stay apart, as do Gray 2024 a/b
    assert ("s001#4", "s001#6") not in {(x.left, x.right) for x in matches}


def test_reference_matches_by_doi_and_by_author_year_venue() -> None:
    refs = [
        _key_from_reference("ref-bw", "Beales, A., & Wilson, J. (2015). Peer support – the what, why, who, how "
                                      "and now. The Journal of Mental Health Training, Education and Practice, "
                                      "10(5), 314–324. https://doi.org/10.1108/JMHTEP-03-2015-0013"),
        _key_from_reference("ref-fb", "Faulkner, A. and Basset, T. (2012), “A long and honourable history”, The "
                                      "Journal of Mental Health Training, Education and Practice, Vol. 7 No. 2, "
                                      "pp. 41-51."),
        _key_from_reference("ref-brad", "Bradstreet, S. (2006), “Harnessing the ‘lived experience’”, The Mental "
                                        "Health Review, Vol. 11 No. 2, pp. 33‐7."),
    ]
    got = {(m.left, m.right): (m.rule, m.score) for m in match_works(SEED_WORKS + refs)}
    assert got[("ref-bw", "s002")] == ("doi", 1.0)
    assert got[("ref-fb", "s001#4")] == ("author-year-venue", 0.9)  # vol. 7 no. 2 agree
    assert got[("ref-fb", "s000")] == ("title-authors", 0.9)
    assert not any("ref-brad" in pair for pair in got)  # Bradstreet 2006 ≠ Bradstreet & Pratt 2010
    assert not any("s001#6" in pair for pair in got)  # the other Faulkner & Basset 2012 paper
    clusters = cluster_works(SEED_WORKS + refs, match_works(SEED_WORKS + refs))
    assert ("ref-fb", "s000", "s001#4") in clusters and ("ref-bw", "s002") in clusters


def test_title_normalisation() -> None:
    a = WorkKey(id="a", year=2006, title="Harnessing the ‘lived experience’: formalising peer support")
    b = WorkKey(id="b", year=2006, title="Harnessing the 'Lived Experience' - formalising peer-support")
    assert title_key(a.title) == title_key(b.title)
    assert _pairs(match_works([a, b])) == {("a", "b", "title-year")}


def test_near_misses_never_match() -> None:
    base = WorkKey(id="x", doi="10.1108/mhsi-01-2020-0001", year=2020, title="Peer support on inpatient wards",
                   first_author_family="Smith", author_families=("Smith",), venue="Mental Health and Social Inclusion",
                   volume="24", issue="1")
    near = [
        WorkKey(id="other-doi", doi="10.1108/mhsi-01-2020-0002", year=2020, title="Peer support on inpatient wards"),
        WorkKey(id="other-year", year=2021, title="Peer support on inpatient wards", first_author_family="Smith"),
        WorkKey(id="other-author", year=2020, title="Peer support on inpatient wards", first_author_family="Jones"),
        WorkKey(id="other-issue", year=2020, first_author_family="Smith", venue="Mental Health and Social Inclusion",
                volume="24", issue="2"),
        WorkKey(id="other-title", year=2020, first_author_family="Smith", venue="Mental Health and Social Inclusion",
                title="Commissioning recovery colleges in rural Wales"),
        WorkKey(id="short-title", year=2020, title="Editorial", first_author_family="Brown"),
        WorkKey(id="short-title-2", year=2020, title="Editorial", first_author_family="Green"),
    ]
    assert [m for m in match_works([base, *near]) if "x" in (m.left, m.right)] == []
    assert [m for m in match_works(near) if "short-title" in m.left] == []  # "Editorial" ≠ "Editorial"


def test_clusters_never_hold_two_dois() -> None:
    a = WorkKey(id="a", doi="10.1234/aaaa", year=2020, title="Same long title here")
    b = WorkKey(id="b", year=2020, title="Same long title here")
    c = WorkKey(id="c", doi="10.1234/bbbb", year=2020, title="Same long title here")
    matches = match_works([a, b, c])
    assert {(m.left, m.right) for m in matches} == {("a", "b"), ("b", "c")}
    clusters = cluster_works([a, b, c], matches)
    assert sorted(clusters) == [("a", "b"), ("c",)]


# --- resolve_citation -------------------------------------------------------------------------

def _cite(text: str) -> InTextCitation:
    (c,) = find_citations(text)
    return c


def test_faulkner_basset_2012_is_ambiguous() -> None:
    r = resolve_citation(_cite("(Faulkner & Basset, 2012)"), SEED_WORKS)
    assert r.status == "ambiguous" and r.candidates == ("s001#4", "s001#6") and r.work_id is None
    assert "2 works by Faulkner & Basset in 2012" in r.evidence


def test_resolution_rules() -> None:
    works = SEED_WORKS + [
        WorkKey(id="repper2013", year=2013, author_families=("Repper", "Aldridge", "Gilfoyle", "Gillard", "Perkins")),
        WorkKey(id="repper-carter2011", year=2011, author_families=("Repper", "Carter")),
        WorkKey(id="repper-carter-x2011", year=2011, author_families=("Repper", "Carter", "Smith")),
        WorkKey(id="mind2013", year=2013, author_families=("Mind",)),
        WorkKey(id="duo2013", year=2013, author_families=("Repper", "Perkins")),
    ]
    r = resolve_citation(_cite("(Repper et al., 2013)"), works)
    assert (r.status, r.work_id, r.rule) == ("resolved", "repper2013", "family-names-year")  # not the duo
    r = resolve_citation(_cite("(see Repper and Carter, 2011)"), works)
    assert (r.status, r.work_id) == ("resolved", "repper-carter2011")  # not the three-author paper
    r = resolve_citation(_cite("(Mind, 2013, p. 1)"), works)
    assert (r.status, r.work_id) == ("resolved", "mind2013")
    r = resolve_citation(_cite("Slade et al. (2017)"), works)
    assert r.status == "unresolved" and r.candidates == ()
    r = resolve_citation(_cite("(Perkins & Repper, 2019)"), works)
    assert (r.status, r.work_id) == ("resolved", "s003")
    r = resolve_citation(_cite("(Repper & Perkins, 2019)"), works)  # order matters
    assert r.status == "unresolved"


def test_lost_year_is_never_guessed() -> None:
    works = [WorkKey(id="bw", year=2015, author_families=("Beales", "Wilson"))]
    r = resolve_citation(_cite("remains unresolved (Beales & Wilson ), and"), works)
    assert (r.status, r.work_id, r.candidates, r.rule) == ("unresolved", None, ("bw",), "year-missing")


def test_editorial_citations_all_get_a_status() -> None:
    body = _seed("003")
    statuses = [(c.text.replace("\n", " "), resolve_citation(c, SEED_WORKS).status) for c in find_citations(body)]
    assert len(statuses) == 9
    # none of the nine cited works is described by the four seed pages: all unresolved, none guessed
    assert all(s == "unresolved" for _, s in statuses)


# --- inferences -------------------------------------------------------------------------------

def _statements_002() -> list[tuple[str, str]]:
    text = _seed("002")
    return [(f"s002/statement/{i}", m.group(1)) for i, m in
            enumerate(re.finditer(r"“…(.*?)…”", text, re.DOTALL), start=1)]


def test_beales_wilson_inferred_from_statements() -> None:
    statements = _statements_002()
    assert len(statements) == 6
    work = next(w for w in SEED_WORKS if w.id == "s002")
    inf = infer_authors_from_statements(work, statements)
    assert inf is not None
    assert inf.subject == "s002" and inf.property == "authors"
    assert inf.all("author") == ("Beales", "Wilson")
    assert inf.rule == "authors-from-citing-statements"
    assert inf.confidence == 0.95  # 5 of 5 distinct texts (statements 1 and 2 are identical)
    assert "'Beales & Wilson, 2015'" in inf.evidence and "'Beales und Wilson 2015'" in inf.evidence
    assert {e.split("@")[0] for e in inf.evidence_ids} == {f"s002/statement/{i}" for i in range(1, 7)}
    # with the inferred authors, "Beales & Wilson, 2015" resolves to the report's work
    with_authors = WorkKey(id="s002", doi=work.doi, year=2015, title=work.title, author_families=inf.all("author"))
    r = resolve_citation(_cite("(Beales & Wilson, 2015)"), [with_authors, *SEED_WORKS[:-2]])
    assert (r.status, r.work_id) == ("resolved", "s002")


def test_no_inference_without_consensus_or_when_authors_known() -> None:
    work = WorkKey(id="w", year=2015)
    assert infer_authors_from_statements(work, [("1", "as shown (Smith, 2015)"), ("2", "and (Jones, 2015)")]) is None
    assert infer_authors_from_statements(work, [("1", "as shown (Smith, 2015)")]) is None  # one text only
    assert infer_authors_from_statements(work, [("1", "(Smith et al., 2015)"), ("2", "(Smith et al., 2015).")]) is None
    known = WorkKey(id="k", year=2015, author_families=("Beales", "Wilson"))
    assert infer_authors_from_statements(known, _statements_002()) is None


def test_journal_from_doi() -> None:
    inf = journal_from_doi("10.1108/JMHTEP-03-2015-0013", subject="s002")
    assert inf is not None and inf.rule == "journal-from-doi-prefix" and inf.subject == "s002"
    assert inf.get("title") == "The Journal of Mental Health Training, Education and Practice"
    assert inf.get("issn") == "1755-6228" and inf.evidence_ids == ("10.1108/jmhtep-03-2015-0013",)
    mhsi = journal_from_doi("https://doi.org/10.1108/MHSI-05-2019-060")
    assert mhsi is not None and (mhsi.get("title"), mhsi.get("issn")) == ("Mental Health and Social Inclusion",
                                                                          "2042-8308")
    mhrj = journal_from_doi("10.1108/MHRJ-01-2020-0001")
    assert mhrj is not None and mhrj.get("title") == "Mental Health Review Journal"
    assert journal_from_doi("10.1108/20428301211205892") is None  # legacy numeric DOI: no code
    assert journal_from_doi("10.1186/1471-244X-14-39") is None  # not Emerald
    assert journal_from_doi("10.1108/zzzz-01-2020-0001") is None  # unknown code: no guess
