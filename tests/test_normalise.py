"""Table and property tests for peerkg.normalise."""

from __future__ import annotations

import datetime
import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerkg.model import PersonName
from peerkg.normalise import dates, identifiers, names, pages, text
from peerkg.normalise.dates import parse_date
from peerkg.normalise.identifiers import (
    doi_url,
    issn_check_digit,
    issn_is_valid,
    normalise_doi,
    normalise_issn,
)
from peerkg.normalise.names import is_organisation_name, name_key, parse_name, split_authors
from peerkg.normalise.pages import parse_pages
from peerkg.normalise.text import clean, repair_url, split_glued


@pytest.mark.parametrize("module", [dates, identifiers, names, pages, text])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.failed == 0


# --- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "order", "family", "given_"),
    [
        ("Faulkner Alison", "family-first", "Faulkner", "Alison"),
        ("Basset Thurstine", "family-first", "Basset", "Thurstine"),
        ("Alison Faulkner", "given-first", "Faulkner", "Alison"),
        ("Faulkner, A.", "auto", "Faulkner", "A."),
        ("Repper, J.", "auto", "Repper", "J."),
        ("Stamou, E.", "auto", "Stamou", "E."),
        ("Benjamin Thomas Gray", "auto", "Gray", "Benjamin Thomas"),
        ("Simon Lawton-Smith", "auto", "Lawton-Smith", "Simon"),
        ("van der Berg, J.", "auto", "van der Berg", "J."),
        ("Jan van der Berg", "given-first", "van der Berg", "Jan"),
        ("van der Berg Jan", "family-first", "van der Berg", "Jan"),
        ("Repper J", "auto", "Repper", "J"),
        ("J. A. Repper", "auto", "Repper", "J. A."),
    ],
)
def test_parse_name(written: str, order: str, family: str, given_: str) -> None:
    name = parse_name(written, order)
    assert (name.family, name.given, name.as_written) == (family, given_, written)
    assert not name.is_organisation


def test_initials_are_never_expanded() -> None:
    assert parse_name("Bradstreet, S.").given == "S."


@pytest.mark.parametrize("org", ["Mind", "Mental Health Task Force",
                                 "Together/NSUN/University of Nottingham",
                                 "Sainsbury Centre for Mental Health", "NSUN",
                                 "Nottinghamshire Healthcare NHS Trust"])
def test_organisations(org: str) -> None:
    assert is_organisation_name(org)
    name = parse_name(org)
    assert name.is_organisation and name.family is None and name.display == org


@pytest.mark.parametrize("person", ["Faulkner Alison", "Renee Conley", "Repper, J.",
                                    "Simon Lawton-Smith", "Claire Ockwell"])
def test_people_are_not_organisations(person: str) -> None:
    assert not is_organisation_name(person)


@pytest.mark.parametrize(
    ("written", "style", "expected"),
    [
        ("Benjamin Thomas Gray, Matthew Sisto and Renee Conley", "and",
         ["Benjamin Thomas Gray", "Matthew Sisto", "Renee Conley"]),
        ("Alison Faulkner and Thurstine Basset", "and", ["Alison Faulkner", "Thurstine Basset"]),
        ("A Smith & B Jones", "and", ["A Smith", "B Jones"]),
        ("Ann Smith, Bob Jones, and Cy Young", "and", ["Ann Smith", "Bob Jones", "Cy Young"]),
        ("Faulkner Alison,Basset Thurstine", "comma", ["Faulkner Alison", "Basset Thurstine"]),
        ("Faulkner Alison,Basset Thurstine", "auto", ["Faulkner Alison", "Basset Thurstine"]),
        ("Basset, T., Faulkner, A., Repper, J. and Stamou, E.", "auto",
         ["Basset, T.", "Faulkner, A.", "Repper, J.", "Stamou, E."]),
        ("Beresford, P. and Bryant, W.", "family-initials", ["Beresford, P.", "Bryant, W."]),
        ("Daryl Mahon", "auto", ["Daryl Mahon"]),
        ("", "auto", []),
    ],
)
def test_split_authors(written: str, style: str, expected: list[str]) -> None:
    assert split_authors(written, style) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (parse_name("Faulkner Alison", "family-first"), "faulkner-alison"),
        (parse_name("Alison Faulkner", "given-first"), "faulkner-alison"),
        (parse_name("Repper, J."), "repper-j"),
        (parse_name("José Ãlvarez"), "alvarez-jose"),
        (parse_name("Mind"), "mind"),
        (PersonName("Benjamin Thomas Gray", "Gray", "Benjamin Thomas"), "gray-benjamin-thomas"),
    ],
)
def test_name_key(name: PersonName, key: str) -> None:
    assert name_key(name) == key


@given(st.text(max_size=60))
def test_name_functions_never_crash_and_keys_are_ascii_slugs(value: str) -> None:
    name = parse_name(value)
    key = name_key(name)
    assert key == key.lower() and key.isascii() and " " not in key
    split_authors(value)


def test_bad_order_and_style_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_name("A B", "sideways")
    with pytest.raises(ValueError):
        split_authors("A B", "semicolon")


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("15 June 2012", "2012-06-15"),
        ("Publication date: 22 August 2024", "2024-08-22"),
        ("Published date15 May 2019", "2019-05-15"),
        ("May 2019", "2019-05"),
        ("2015", "2015"),
        ("2012-06-15", "2012-06-15"),
        ("June 11, 2008", "2008-06-11"),
        ("3 Sept 2020", "2020-09-03"),
        ("29 February 2024", "2024-02-29"),
    ],
)
def test_parse_date(written: str, iso: str) -> None:
    parsed = parse_date(written)
    assert parsed is not None and parsed.iso() == iso and parsed.as_written == written


@pytest.mark.parametrize("bad", ["31 February 2012", "29 February 2023", "2012-13-01", "2012-00-10",
                                 "32 May 2019", "Smarch 2019", "", "yesterday", "0999"])
def test_impossible_dates_are_rejected(bad: str) -> None:
    assert parse_date(bad) is None


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_date_round_trips(day: datetime.date) -> None:
    written = f"{day.day} {day.strftime('%B')} {day.year}"
    parsed = parse_date(written)
    assert parsed is not None and parsed.iso() == day.isoformat()
    iso = parse_date(day.isoformat())
    assert iso is not None and iso.iso() == day.isoformat()


@given(st.text(max_size=40))
def test_parse_date_never_crashes(value: str) -> None:
    parse_date(value)


# --- identifiers -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "doi"),
    [
        ("https://doi.org/10.1108/MHSI-05-2019-060", "10.1108/mhsi-05-2019-060"),
        ("http://dx.doi.org/10.1108/20428301211205892", "10.1108/20428301211205892"),
        ("doi:10.1108/17556221211236457", "10.1108/17556221211236457"),
        ("DOI 10.1108/MHSI-05-2019-060", "10.1108/mhsi-05-2019-060"),
        ("  10.1108/ mhsi-05-2019-060 ", "10.1108/mhsi-05-2019-060"),
        ("DOI: https://doi.org/10.1108/MHSI\u201005\u20102019\u2010060.", "10.1108/mhsi-05-2019-060"),
    ],
)
def test_normalise_doi(written: str, doi: str) -> None:
    assert normalise_doi(written) == doi
    assert doi_url(written) == f"https://doi.org/{doi}"


@pytest.mark.parametrize("bad", ["", "10.1/abc", "11.1108/abc", "not a doi", "10.1108/", None])
def test_bad_dois(bad: str | None) -> None:
    assert normalise_doi(bad) is None


def test_doi_url_refuses_invalid() -> None:
    with pytest.raises(ValueError):
        doi_url("nope")


_DOI_SUFFIX = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._;()/:",
                      min_size=1, max_size=30)


@given(st.integers(1000, 999_999_999), _DOI_SUFFIX, st.sampled_from(["", "doi:", "https://doi.org/",
                                                                     "DOI "]))
def test_doi_normalisation_is_idempotent(prefix: int, suffix: str, label: str) -> None:
    first = normalise_doi(f"{label}10.{prefix}/{suffix}")
    if first is not None:
        assert normalise_doi(first) == first
        assert first == first.lower()


@pytest.mark.parametrize(("written", "issn"), [("2042-8308", "2042-8308"), ("1755-6228", "1755-6228"),
                                              ("ISSN: 2042-8308", "2042-8308"), ("20428308", "2042-8308"),
                                              ("0378-5955", "0378-5955"), ("2434-561x", "2434-561X")])
def test_normalise_issn(written: str, issn: str) -> None:
    assert normalise_issn(written) == issn
    assert issn_is_valid(written)


@pytest.mark.parametrize("bad", ["2042-8309", "1755-6229", "2042-830", "abcd-efgh", "", None])
def test_invalid_issns(bad: str | None) -> None:
    assert normalise_issn(bad) is None
    assert not issn_is_valid(bad)


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_issn_check_digit_round_trip(first7: str) -> None:
    check = issn_check_digit(first7)
    issn = f"{first7[:4]}-{first7[4:]}{check}"
    assert issn_is_valid(issn) and normalise_issn(issn) == issn
    for other in "0123456789X":
        if other != check:
            assert not issn_is_valid(f"{first7[:4]}-{first7[4:]}{other}")


# --- pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("61-63", "61", "63"),
        ("pp. 61-63", "61", "63"),
        ("pp. 33\u20107", "33", "37"),
        ("123-9", "123", "129"),
        ("1234-56", "1234", "1256"),
        ("61\u201363", "61", "63"),
        ("p. 7", "7", None),
        ("e123", "e123", None),
        ("S12-S19", "S12", "S19"),
    ],
)
def test_parse_pages(written: str, start: str, end: str | None) -> None:
    parsed = parse_pages(written)
    assert parsed is not None
    assert (parsed.start, parsed.end, parsed.as_written) == (start, end, written)


@pytest.mark.parametrize("bad", ["", "pp.", "abc", "12-x", None])
def test_parse_pages_rejects(bad: str | None) -> None:
    assert parse_pages(bad) is None


@given(st.integers(1, 99_999), st.integers(0, 99_999), st.sampled_from(["-", "\u2010", "\u2013"]))
def test_abbreviated_page_ends_expand_to_at_least_start(start: int, span: int, dash: str) -> None:
    end = start + span
    full, short = str(end), str(end)
    # abbreviate the end as printers do: drop the leading digits it shares with the start
    s = str(start)
    if len(full) == len(s):
        i = 0
        while i < len(s) - 1 and s[i] == full[i]:
            i += 1
        short = full[i:]
    parsed = parse_pages(f"{start}{dash}{short}")
    assert parsed is not None and parsed.end is not None
    assert int(parsed.end) == end >= int(parsed.start)


# --- text --------------------------------------------------------------------------------------

def test_clean_keeps_quotes_and_collapses_space() -> None:
    assert clean("  \u201cSaving\u00a0the   day\u201d \n") == "\u201cSaving the day\u201d"
    assert clean("Cafe\u0301") == "Caf\u00e9"


def test_repair_url_only_touches_urls() -> None:
    line = "peer\u2010run groups, available at: www.authorityresearch.net/literature\u2010reviews.html"
    assert repair_url(line) == ("peer\u2010run groups, available at: "
                                "www.authorityresearch.net/literature-reviews.html")
    assert repair_url("https://x\u2011y.org/a") == "https://x-y.org/a"


def test_split_glued() -> None:
    assert split_glued("Intro PurposeA.FindingsB.", ["Purpose", "Findings"]) == [
        (None, "Intro "), ("Purpose", "A."), ("Findings", "B.")]


@given(st.text(max_size=80))
def test_clean_is_idempotent(value: str) -> None:
    assert clean(clean(value)) == clean(value)
