"""Structured abstracts under other publishers' headings (IMRaD and synonyms), in all three layouts."""

from __future__ import annotations

from peerkg.normalise.abstracts import heading_key, parse_glued_abstract, parse_lined_abstract
from peerkg.sources import parse_page


def test_synonyms_map_to_the_scheme():
    assert [heading_key(h) for h in ("Objectives", "Methods", "Results", "Conclusion", "Background:",
                                     "Implications for practice", "Limitations")] == [
        "purpose", "design-methodology-approach", "findings", "conclusions", "background",
        "practical-implications", "research-limitations-implications"]


def test_glued_imrad_abstract():
    a = parse_glued_abstract("BackgroundPeer work is growing.MethodsWe interviewed 12 peer workers."
                             "ResultsSupervision mattered most.ConclusionsTrusts should fund supervision.")
    assert [(s.heading, s.heading_as_written) for s in a.sections] == [
        ("background", "Background"), ("design-methodology-approach", "Methods"), ("findings", "Results"),
        ("conclusions", "Conclusions")]
    assert a.sections[3].text == "Trusts should fund supervision."


def test_lined_imrad_abstract():
    a = parse_lined_abstract(["Objective", "To describe peer roles.", "Results", "Roles varied widely."])
    assert [(s.heading, s.text) for s in a.sections] == [("purpose", "To describe peer roles."),
                                                          ("findings", "Roles varied widely.")]


def test_a_sentence_starting_with_a_heading_word_is_not_a_heading():
    a = parse_glued_abstract("Peer support is old. Results were mixed. Conclusions differ across studies.")
    assert a.sections == ()


def test_report_abstract_with_dash_imrad_headings():
    abstract = ("Abstract: Background – Peer workers are new on acute wards. Methods – We interviewed 20 staff. "
                "Results – Staff valued peer workers. Conclusions – Wards should employ peer workers.")
    page = f"""2021
DOI: 10.1186/s12888-021-00001-1

Peer workers on acute wards

{abstract}

Citation Types

1
2
0
0

Cited by 3 publications
(3 citation statements)
“…peer workers on acute wards (Smith et al., 2021).…”
Section: Introductionmentioning
confidence: 99%
"""
    record = parse_page(page)
    sections = record.works[0].abstract.sections
    assert [s.heading for s in sections] == ["background", "design-methodology-approach", "findings", "conclusions"]
    assert sections[-1].text.startswith("Wards should employ peer workers")


def test_report_prose_with_heading_words_is_not_split():
    from peerkg.sources.report_text import report_sections

    assert report_sections("We report findings – which were mixed – in this context: peers helped.") == ()
    assert [s.heading for s in report_sections("Purpose – To look. Findings – We saw.")] == ["purpose", "findings"]
