"""In-text citations: parsing of parenthetical and narrative author-year citations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerkg.resolve.intext import find_citations

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _editorial_body() -> str:
    """The body of seed 003: from the repeated title line to the running footer."""
    text = _seed("003")
    start = text.index("Where is peer support going?\nPeer support is not new.")
    end = text.index("DOI 10.1108/MHSI-05-2019-060 VOL.")
    return text[start:end]


# (text, expected [(names, et_al, year, suffix, locator, prefix, narrative)])
CASES = [
    ("(see, e.g. Chamberlin, 1978; OHagan, 2014)",
     [(("Chamberlin",), False, 1978, None, None, "see, e.g.", False),
      (("OHagan",), False, 2014, None, None, None, False)]),
    ("(Mind, 2013, p. 1)", [(("Mind",), False, 2013, None, "p. 1", None, False)]),
    ("(Repper et al., 2013)", [(("Repper",), True, 2013, None, None, None, False)]),
    ("(see, e.g. Mental Health Task Force, 2016)",
     [(("Mental Health Task Force",), False, 2016, None, None, "see, e.g.", False)]),
    ("the research by Onken et al. (2002), found", [(("Onken",), True, 2002, None, None, None, True)]),
    ("(see Repper and Carter, 2011; Repper et al., 2013)",
     [(("Repper", "Carter"), False, 2011, None, None, "see", False),
      (("Repper",), True, 2013, None, None, None, False)]),
    ("Indeed, Slade et al. (2017) claim", [(("Slade",), True, 2017, None, None, None, True)]),
    ("(Beales & Wilson, 2015;Faulkner & Basset, 2012;Stratford et al, 2017)",
     [(("Beales", "Wilson"), False, 2015, None, None, None, False),
      (("Faulkner", "Basset"), False, 2012, None, None, None, False),
      (("Stratford",), True, 2017, None, None, None, False)]),
    ("remains unresolved (Beales & Wilson ), and",
     [(("Beales", "Wilson"), False, None, None, None, None, False)]),
    ("(Faulkner et al 2013, 6)", [(("Faulkner",), True, 2013, None, "6", None, False)]),
    ("(Beales und Wilson 2015)", [(("Beales", "Wilson"), False, 2015, None, None, None, False)]),
    ("(Dixon, Krauss und Lehman 1994;Mead 2003;Rebeiro Gruhl, Lacarte und Calixte 2016)",
     [(("Dixon", "Krauss", "Lehman"), False, 1994, None, None, None, False),
      (("Mead",), False, 2003, None, None, None, False),
      (("Rebeiro Gruhl", "Lacarte", "Calixte"), False, 2016, None, None, None, False)]),
    ("(Chinman et al, 2014;Gillard et al, 2015;Lloyd-Evans et al, 2014)",
     [(("Chinman",), True, 2014, None, None, None, False),
      (("Gillard",), True, 2015, None, None, None, False),
      (("Lloyd-Evans",), True, 2014, None, None, None, False)]),
    ("(Smith, 2012a, pp. 3-4)", [(("Smith",), False, 2012, "a", "pp. 3-4", None, False)]),
    ("(van der Berg et al., 2019)", [(("van der Berg",), True, 2019, None, None, None, False)]),
    ("(Department of Health, 2011)", [(("Department of Health",), False, 2011, None, None, None, False)]),
    ("(O'Hagan, 2014)", [(("O'Hagan",), False, 2014, None, None, None, False)]),
    ("Repper and Carter (2011, p. 5) showed",
     [(("Repper", "Carter"), False, 2011, None, "p. 5", None, True)]),
    ("(Müller & Öztürk, 2020)", [(("Müller", "Öztürk"), False, 2020, None, None, None, False)]),
    ("(NHS, 2019)", [(("NHS",), False, 2019, None, None, None, False)]),
]

NEGATIVES = [
    "within the National Health Service (NHS).",
    "known as intentional peer support (IPS).",
    "perceive them to be one of us (a member of staff) or",
    "a core part of Minds 20122016 strategy",
    "can access peer support by 2016 and beyond",
    "the Community programme 20182021 aims",
    "published (2012) in a journal",
    "(Us and Them)",
    "(Table 1)",
    "(see above)",
    "Bipolar UK[1] and the Hearing Voices Network[2]",
    "(SUID’s) experience",
    "In (2002) the",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_citation_parts(text: str, expected: list[tuple]) -> None:
    found = find_citations(text)
    got = [(c.names, c.et_al, c.year, c.year_suffix, c.locator, c.prefix, c.narrative) for c in found]
    assert got == expected
    for c in found:
        assert text[c.start:c.end] == c.text
        assert c.group_start <= c.start < c.end <= c.group_end


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_citations(text: str) -> None:
    assert find_citations(text) == ()


def test_editorial_body_has_exactly_nine_citations() -> None:
    body = _editorial_body()
    found = find_citations(body)
    got = [(c.names, c.et_al, c.year, c.locator) for c in found]
    assert got == [
        (("Chamberlin",), False, 1978, None),
        (("OHagan",), False, 2014, None),
        (("Mind",), False, 2013, "p. 1"),
        (("Repper",), True, 2013, None),
        (("Mental Health Task Force",), False, 2016, None),
        (("Onken",), True, 2002, None),
        (("Repper", "Carter"), False, 2011, None),
        (("Repper",), True, 2013, None),
        (("Slade",), True, 2017, None),
    ]
    assert [c.text.replace("\n", " ") for c in found] == [
        "Chamberlin, 1978", "OHagan, 2014", "Mind, 2013, p. 1", "Repper et al., 2013",
        "Mental Health Task Force, 2016", "Onken et al. (2002)", "Repper and Carter, 2011",
        "Repper et al., 2013", "Slade et al. (2017)",
    ]
    assert [c.narrative for c in found] == [False] * 5 + [True] + [False] * 2 + [True]
    # the whole seed page yields the same nine (the header and footer hold none)
    assert len(find_citations(_seed("003"))) == 9


def test_citation_report_statements() -> None:
    found = find_citations(_seed("002"))
    texts = [c.text for c in found]
    assert texts.count("Beales & Wilson") == 2  # year lost, twice (duplicate statement)
    assert "Faulkner & Basset, 2012" in texts
    assert "Faulkner et al 2013, 6" in texts
    assert texts.count("Beales und Wilson 2015") == 2
    lost = [c for c in found if c.year is None]
    assert len(lost) == 2 and all(c.names == ("Beales", "Wilson") for c in lost)


@given(st.text(max_size=300))
def test_never_crashes_and_offsets_hold(text: str) -> None:
    for c in find_citations(text):
        assert text[c.start:c.end] == c.text
        assert c.names


@given(st.text(alphabet=st.characters(blacklist_categories=("Lu",)), max_size=200))
def test_no_capitals_no_citations(text: str) -> None:
    """Without a capitalised name there is no citation, whatever the digits and brackets."""
    assert find_citations(text) == ()
