"""Reference strings → CitedWork: a hand-written table, seed 000's list, and properties."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerkg.model import CitedWork, WorkType
from peerkg.references import field_text, parse_reference
from peerkg.references.fields import MARKER_WORDS

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"


def project(w: CitedWork) -> dict[str, object]:
    """The fields of a parse as the table writes them (empty fields left out)."""
    d: dict[str, object] = {"type": w.work_type.value}
    if w.authors:
        d["authors"] = [f"ORG:{a.as_written}" if a.is_organisation else f"{a.family}|{a.given or ''}"
                        for a in w.authors]
    for k in ("et_al", "authors_are_editors", "no_date"):
        if getattr(w, k):
            d[k] = True
    for k in ("year", "year_suffix", "date_detail", "title", "container_title", "genre", "volume", "issue", "chapter",
              "edition", "publisher", "place", "url", "accessed", "doi"):
        v = getattr(w, k)
        if v not in (None, ""):
            d[k] = v
    if w.container_editors:
        d["container_editors"] = [f"{a.family}|{a.given or ''}" for a in w.container_editors]
    if w.pages:
        d["pages"] = f"{w.pages.start}-{w.pages.end}" if w.pages.end else w.pages.start
    return d


def _table() -> list[tuple[str, dict[str, object]]]:
    rows = []
    for line in (HERE / "data" / "references.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ref, expected = line.split("\t")
            rows.append((ref, json.loads(expected)))
    return rows


TABLE = _table()


def test_table_is_large_and_varied() -> None:
    assert len(TABLE) >= 40
    types = Counter(str(e["type"]) for _, e in TABLE)
    for t in WorkType:
        if t not in (WorkType.EDITORIAL, WorkType.WORK):
            assert types[t.value] >= 1, t
    styles = Counter(parse_reference(r).style for r, _ in TABLE)
    assert styles["harvard"] >= 20 and styles["apa"] >= 10 and styles["vancouver"] >= 4


@pytest.mark.parametrize(("ref", "expected"), TABLE, ids=[f"row{i + 1}" for i in range(len(TABLE))])
def test_reference_table(ref: str, expected: dict[str, object]) -> None:
    w = parse_reference(ref)
    assert project(w) == expected
    assert w.unparsed == ()
    assert w.confidence >= 0.9


def test_field_accuracy_on_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Per-field accuracy over the table (every field of every row, empty fields included)."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for ref, expected in TABLE:
        got = project(parse_reference(ref))
        for key in set(got) | set(expected):
            total[key] += 1
            right[key] += got.get(key) == expected.get(key)
    overall = sum(right.values()) / sum(total.values())
    with capsys.disabled():
        print(f"\nreference fields: {sum(right.values())}/{sum(total.values())} = {overall:.3f}")
    assert overall == 1.0


def test_unparseable_string_is_kept_and_scored_low() -> None:
    w = parse_reference("See also the NSUN website for more.")
    assert w.work_type is WorkType.WORK and w.year is None and w.confidence <= 0.5
    assert "NSUN" in field_text(w)


# --- seed 000 ---------------------------------------------------------------------------------

def _seed_references() -> list[str]:
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    block = text[text.index("Reference20 articles."):]
    return [m.group(1) for m in re.finditer(r"^\d+\. (.+)$", block, re.MULTILINE)]


def test_seed_000_has_five_references() -> None:
    assert len(_seed_references()) == 5


def test_seed_000_reference_1_report() -> None:
    w = parse_reference(_seed_references()[0])
    assert [(a.family, a.given) for a in w.authors] == [
        ("Basset", "T."), ("Faulkner", "A."), ("Repper", "J."), ("Stamou", "E.")]
    assert (w.year, w.title) == (2010, "Lived Experience Leading the Way: Peer Support in Mental Health")
    assert (w.publisher, w.place) == ("Together/NSUN/University of Nottingham", "London")
    assert w.url == "www.together-uk.org"  # U+2010 repaired
    assert w.work_type is WorkType.REPORT
    assert w.container_title is None and w.unparsed == ()


def test_seed_000_reference_2_newspaper() -> None:
    w = parse_reference(_seed_references()[1])
    assert [(a.family, a.given) for a in w.authors] == [("Beresford", "P."), ("Bryant", "W.")]
    assert (w.year, w.title, w.container_title, w.date_detail) == (
        2008, "Saving the day centre", "The Guardian", "June 11")
    assert w.url == "www.guardian.co.uk/society/2008/jun/11/mentalhealth.socialcare"
    assert w.work_type is WorkType.NEWSPAPER_ARTICLE and w.unparsed == ()


def test_seed_000_reference_3_journal_article() -> None:
    w = parse_reference(_seed_references()[2])
    assert [(a.family, a.given) for a in w.authors] == [("Bradstreet", "S.")]
    assert w.year == 2006
    assert w.title == "Harnessing the ‘lived experience’: formalising peer support approaches to promote recovery"
    assert (w.container_title, w.volume, w.issue) == ("The Mental Health Review", "11", "2")
    assert w.pages is not None and (w.pages.start, w.pages.end, w.pages.as_written) == ("33", "37", "pp. 33‐7")
    assert w.work_type is WorkType.JOURNAL_ARTICLE and w.unparsed == ()


def test_seed_000_reference_4_chapter() -> None:
    w = parse_reference(_seed_references()[3])
    assert [(a.family, a.given) for a in w.authors] == [("Campbell", "P.")]
    assert (w.year, w.title) == (2005, "From Little Acorns: the mental health service user movement")
    assert (w.container_title, w.chapter) == ("Beyond the Water Towers", "6")
    assert (w.publisher, w.place) == ("Sainsbury Centre for Mental Health", "London")
    assert w.work_type is WorkType.BOOK_CHAPTER and w.unparsed == ()


def test_seed_000_reference_5_report_series() -> None:
    w = parse_reference(_seed_references()[4])
    assert [(a.family, a.given) for a in w.authors] == [("Dawney", "L.")]
    assert (w.year, w.title) == (2011, "Review two: authority and experience")
    assert w.container_title == "Literature Review for the Authority Research Network"
    assert w.url == "www.authorityresearch.net/literature-reviews-on-authority.html"
    assert w.work_type is WorkType.REPORT and w.unparsed == ()


# --- properties -------------------------------------------------------------------------------

_STOP = {"vol", "volume", "no", "nos", "issue", "iss", "pp", "p", "pages", "page", "in", "ed", "eds", "edn",
         "edition", "editor", "editors", "available", "at", "from", "online", "retrieved", "accessed", "viewed",
         "on", "chapter", "chap", "ch", "doi", "https", "http", "dx", "org", "www", "et", "al", "and", "und",
         "n", "d", "nd", "html", "htm"} | MARKER_WORDS  # the CRF reader's marker words ("edited by", "cited")


def _tokens(text: str) -> list[str]:
    """Alphanumeric tokens, compared in NFC (canonically equivalent text is the same text)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())


@settings(max_examples=300)
@given(st.text(max_size=250))
def test_never_crashes_and_drops_nothing(text: str) -> None:
    """Every alphanumeric token of the input (bar structural labels: "Vol", "pp", "available at",
    …) is in some field or in ``unparsed``."""
    w = parse_reference(text)
    have = set(_tokens(field_text(w)))
    for tok in _tokens(text):
        assert tok in have or tok in _STOP, tok
    assert 0.0 < w.confidence <= 1.0


_FAMILIES = ["Repper", "Faulkner", "Basset", "Lloyd-Evans", "O’Hagan", "Rebeiro Gruhl", "Stamou", "Mead",
             "Chinman", "Delphin-Rittmon", "Müller", "Smith"]
_WORDS = ["peer", "support", "recovery", "mental", "health", "services", "lived", "experience", "workers",
          "inpatient", "wards", "community", "values", "training", "outcomes"]
_JOURNALS = ["Mental Health and Social Inclusion", "Journal of Mental Health", "Psychiatric Services",
             "The Mental Health Review", "BMC Psychiatry", "Schizophrenia Bulletin"]

people = st.lists(st.tuples(st.sampled_from(_FAMILIES), st.sampled_from(["A.", "J.", "B. T.", "K.L."])),
                  min_size=1, max_size=5)
titles = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=9).map(lambda ws: " ".join(ws).capitalize())


def _emerald_authors(ps: list[tuple[str, str]]) -> str:
    names = [f"{f}, {g}" for f, g in ps]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _apa_authors(ps: list[tuple[str, str]]) -> str:
    names = [f"{f}, {g}" for f, g in ps]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]


@settings(max_examples=200)
@given(people, st.integers(1950, 2024), titles, st.sampled_from(_JOURNALS), st.integers(1, 60),
       st.integers(1, 12), st.integers(1, 900), st.integers(1, 40), st.booleans())
def test_generated_journal_articles_round_trip(ps, year, title, journal, vol, iss, start, length, apa) -> None:
    end = start + length
    if apa:
        ref = f"{_apa_authors(ps)} ({year}). {title}. {journal}, {vol}({iss}), {start}–{end}."
    else:
        ref = f"{_emerald_authors(ps)} ({year}), “{title}”, {journal}, Vol. {vol} No. {iss}, pp. {start}‐{end}."
    w = parse_reference(ref)
    assert [(a.family, a.given) for a in w.authors] == ps
    assert (w.year, w.title, w.container_title) == (year, title, journal)
    assert (w.volume, w.issue) == (str(vol), str(iss))
    assert w.pages is not None and (w.pages.start, w.pages.end) == (str(start), str(end))
    assert w.work_type is WorkType.JOURNAL_ARTICLE and w.unparsed == ()


def test_field_accuracy_on_holdout(capsys: pytest.CaptureFixture[str]) -> None:
    """Rows written after tuning (tests/data/references_holdout.tsv): measured, floor 0.9.
    Known misses: Vancouver "2013;(3):CD004807" article number read as publisher; place "Cham"
    (not in the place list); a publisher containing a comma cut at the comma."""
    right = total = 0
    for line in (HERE / "data" / "references_holdout.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ref, raw = line.split("\t")
        expected, got = json.loads(raw), project(parse_reference(ref))
        for key in set(got) | set(expected):
            total += 1
            right += got.get(key) == expected.get(key)
    with capsys.disabled():
        print(f"\nreference fields (holdout): {right}/{total} = {right / total:.3f}")
    assert right / total >= 0.9
