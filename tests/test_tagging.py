"""Concept tagging: evidence, about/mentions, names, context, contrast and negation, German labels, and the
two hand-read gold sets (per facet, thresholds on both)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsets import (
    MIN_PRECISION,
    MIN_RECALL,
    abstract_records,
    evaluate_abstracts,
    evaluate_seeds,
    seed_pages,
    seed_record,
)
from peerkg.concepts import Relation, tag, tag_work, work_concepts
from peerkg.concepts.context import CONTEXTS
from peerkg.concepts.records import CONTEXT_CHARS
from peerkg.concepts.tagger import WEIGHTS, work_fields
from peerkg.concepts.thesaurus import VOCAB, default_thesaurus
from peerkg.model import Abstract, AbstractSection, CitationStatement, WorkRecord, WorkType

MENS_WARD = (
    "Little has been written on this topic in a mental health inpatient setting as most papers address "
    "community peer support work, which is very different from peer support in hospital."
)
ABUNDANCE = (
    "There is an abundance of literature and research on peer support in the community but little in the "
    "inpatient setting, making this paper novel and a contribution to understanding peer support on mental "
    "health wards."
)
GERMAN = (
    "Die Geschichte informeller Peer-Unterstützung reicht -der offenen Definition dieses Begriffs entsprechend "
    "-bis in die Zeit der ersten Asyle zurück (Beales und Wilson 2015). Im Zentrum meiner Dissertation steht "
    "jedoch die institutionalisierte und professionalisierte Peer-Arbeit in (teil-)stationärer Versorgung in "
    "Deutschland."
)


def by_concept(tags, key: str):
    return [t for t in tags if t.concept == VOCAB + key]


def concepts(tags) -> set[str]:
    return {t.concept[len(VOCAB):] for t in tags}


def about(records: list[WorkRecord]) -> set[str]:
    return {wc.concept[len(VOCAB):] for wc in work_concepts(records) if wc.relation is Relation.ABOUT}


def structured(**sections: str) -> WorkRecord:
    """A work with a structured abstract: ``purpose=…, findings=…`` (heading keys with - as _)."""
    parts = tuple(AbstractSection(k.replace("_", "-"), k, v, n) for n, (k, v) in enumerate(sections.items(), 1))
    return WorkRecord(WorkType.JOURNAL_ARTICLE, abstract=Abstract(" ".join(sections.values()), parts))


def check_evidence(text: str, tags) -> None:
    for t in tags:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.words
        assert t.prefix == text[max(0, t.start - CONTEXT_CHARS):t.start]
        assert t.suffix == text[t.end:t.end + CONTEXT_CHARS]
        assert 0.0 <= t.score <= 1.0 and t.rule in WEIGHTS and t.weight == WEIGHTS[t.rule]


# ------------------------------------------------------------- error class 1: names are not concepts


def test_a_person_called_ward_is_no_inpatient_ward() -> None:
    text = "The service user profile was written by Gordon McManus and Matt Ward for the trust newsletter."
    assert not by_concept(tag(text, "abstract/purpose"), "setting/inpatient")
    assert by_concept(tag("Matt joined the ward in May.", "abstract/purpose"), "setting/inpatient")


def test_independent_in_an_organisation_name_is_no_independence() -> None:
    text = "Independent Mental Health Advocate services work alongside peer support on the wards."
    assert not by_concept(tag(text, "abstract/purpose"), "theme/independence")
    assert concepts(tag("Real peer support needs to be independent.", "abstract/purpose")) >= {"theme/independence"}
    assert not by_concept(tag("An independent evaluation of peer support.", "abstract/purpose"), "theme/independence")


def test_a_conference_title_gives_no_theme() -> None:
    text = 'An earlier version was presented at the conference "User Empowerment: Ten Years On" in 2019.'
    assert not by_concept(tag(text, "abstract/design-methodology-approach"), "theme/hope-and-empowerment")
    titled = tag("It was discussed at the “Peer Support In The Community” conference.", "body")
    assert {t.rule for t in by_concept(titled, "setting/community")} <= {"in-name"}


def test_names_inside_organisations_are_found_as_places() -> None:
    text = "In April 2010, Nottinghamshire Healthcare NHS trust won Regional Innovation Funding to recruit staff."
    tags = tag(text, "abstract/purpose")
    assert concepts(tags) >= {"organisation/nottinghamshire-healthcare", "place/nottinghamshire"}
    assert not by_concept(tags, "organisation/nhs")  # inside the trust's name
    assert not by_concept(tags, "theme/funding")  # a fund's name, not a sentence about funding
    assert {t.words for t in by_concept(tag("Bipolar UK runs groups.", "body"), "place/united-kingdom")} == {"UK"}


def test_in_text_citations_are_names() -> None:
    tags = tag("Everyone can access peer support by 2016 (Mind, 2013, p. 1).", "body")
    assert {t.rule for t in by_concept(tags, "organisation/mind")} == {"in-name"}


# ----------------------------------------------------- error class 2: other people's words about a work


def test_citation_statements_never_make_the_cited_work_about_a_concept() -> None:
    report = seed_record("002")
    statement_only = {"theme/professionalisation", "theme/lived-experience", "model/informal-peer-support",
                      "model/peer-support-workers"}
    decided = {wc.concept[len(VOCAB):]: wc for wc in work_concepts([report])}
    for key in statement_only:
        assert decided[key].relation is Relation.MENTIONS, key
        assert {t.rule for t in decided[key].tags} == {"statement"}
    words = {t.words for key in statement_only for t in decided[key].tags}
    assert {"professionalization", "gelebter Erfahrung", "naturalistic support", "peer workforce"} <= words


def test_claims_reported_from_others_weigh_half() -> None:
    text = ("It has been argued that peer support workers employed in mainstream mental health services are not "
            "really peer, and that real peer support needs to be independent.")
    tags = tag(text, "body")
    assert {t.rule for t in by_concept(tags, "theme/independence")} == {"reported"}
    assert about([WorkRecord(WorkType.JOURNAL_ARTICLE, body=text)]) == set()


def test_an_earlier_paper_is_another_work() -> None:
    text = "An earlier paper focuses on the lessons learned in supervision."
    assert {t.rule for t in tag(text, "abstract/purpose")} == {"other-work"}


# ------------------------------------------------------------- error class 3: generic words are no themes


@pytest.mark.parametrize("field, text, concept", [
    ("abstract/originality-value", "This paper looks at some of the benefits and pitfalls of the new contract.",
     "theme/benefits-and-outcomes"),
    ("abstract/design-methodology-approach", "The project was evaluated using a simple evaluation model "
     "reflecting service structure, processes and outcomes.", "theme/benefits-and-outcomes"),
    ("abstract/design-methodology-approach", "The paper sets the project within local and historical contexts.",
     "theme/history"),
    ("abstract/purpose", "The purpose of this paper is to describe interprofessional and interpersonal barriers.",
     "theme/relationships"),
    ("abstract/findings", "Independence may also be compromised if it becomes just another part of mainstream "
     "services.", "setting/statutory-services"),
    ("abstract/findings", "Respondents asked managers to pay attention to the emotional labour of the role.",
     "theme/payment"),
    ("abstract/purpose", "To help residents move towards independent living.", "theme/independence"),
    ("abstract/findings", "We hope that culture will matter less.", "theme/hope-and-empowerment"),
])
def test_common_words_need_their_context(field: str, text: str, concept: str) -> None:
    assert not by_concept(tag(text, field), concept), text


@pytest.mark.parametrize("text, concept", [
    ("evidence of the benefits of peer support", "theme/benefits-and-outcomes"),
    ("the cultures of the different wards in which peer workers work", "theme/organisational-culture"),
    ("peer support must remain independent of statutory services", "theme/independence"),
    ("peer support workers employed in mainstream services", "setting/statutory-services"),
])
def test_common_words_in_their_context_count(text: str, concept: str) -> None:
    assert by_concept(tag(text, "body"), concept), text


def test_added_value_and_set_up_in_a_design_section_stay_mentions() -> None:
    work = structured(
        purpose="This paper aims to explain how the CAPITAL Project Trust established an inpatient peer support "
                "project in West Sussex.",
        design_methodology_approach="The paper sets the project within local and historical contexts, before "
        "explaining the methodology used to set up the project. The author draws on evidence from evaluations to "
        "demonstrate the added value offered by inpatient peer support and argues for a peer defined set of values.",
        findings="Models of inpatient peer support need to be flexible to the cultures of the different wards.",
    )
    got = about([work])
    assert {"theme/values", "setting/inpatient", "organisation/capital-project-trust"} <= got
    assert not got & {"theme/implementation", "theme/benefits-and-outcomes", "theme/history",
                      "theme/organisational-culture"}


def test_whose_perspective_and_what_kind_of_work_are_no_topic() -> None:
    text = ("The purpose of this service user narrative and viewpoint article is to describe barriers to peer "
            "support on a men’s mental health ward from a lived experience perspective.")
    tags = tag(text, "abstract/purpose")
    assert {t.rule for t in by_concept(tags, "population/service-users")} == {"modifier"}
    assert {t.rule for t in by_concept(tags, "theme/lived-experience")} == {"modifier"}
    assert {t.rule for t in by_concept(tags, "setting/mens-ward")} == {"aim"}


def test_a_named_approach_is_no_topic() -> None:
    text = "The authors cover the third type, which is often known as intentional peer support (IPS)."
    assert {t.rule for t in by_concept(tag(text, "abstract/design-methodology-approach"),
                                        "model/intentional-peer-support")} == {"modifier"}


# ---------------------------------------------- error class 4: the root and broader concepts say nothing


def test_root_is_never_about_and_narrower_suppresses_broader() -> None:
    work = structured(purpose="This paper describes barriers to peer support on a men’s mental health ward, "
                              "in hospital.")
    decided = {wc.concept[len(VOCAB):]: wc for wc in work_concepts([work])}
    assert decided["model/peer-support"].relation is Relation.MENTIONS and decided["model/peer-support"].rule == "root"
    assert decided["setting/mens-ward"].relation is Relation.ABOUT
    assert decided["setting/inpatient"].rule == "narrower-about"
    seeds = [seed_record(r) for r in ("001#1", "001#2", "001#3", "001#5", "003")]
    assert all(VOCAB + "model/peer-support" not in {wc.concept for wc in work_concepts([w])
                                                    if wc.relation is Relation.ABOUT} for w in seeds)


# --------------------------------------------------------------------- error class 5: missed routes


def test_routes_that_were_missing() -> None:
    assert by_concept(tag("as well as buddying between peer workers", "body"), "model/peer-support-workers")
    assert by_concept(tag("Online forums for young people", "title"), "population/young-people")
    assert by_concept(tag("Peer support can empower people", "body"), "theme/hope-and-empowerment")
    assert by_concept(tag("the mental health of peer support workers", "body"), "theme/peer-worker-wellbeing")
    assert by_concept(tag("the mental health of peer support workers", "body"), "model/peer-support-workers")
    assert by_concept(tag("These include: shared identity; skills", "body"), "theme/shared-identity")
    assert by_concept(tag("all aspects of relational security", "body"), "theme/relational-security")
    assert by_concept(tag("when funding for peer roles ended", "body"), "theme/funding")


def test_challenges_a_paper_reports_are_what_it_is_about() -> None:
    got = about([seed_record("001#7")])
    assert {"theme/boundaries", "theme/power-and-hierarchy", "theme/role-conflict"} <= got
    assert "theme/relational-security" not in got  # named once, in passing


def test_places_nested_in_organisation_names_are_about_the_work() -> None:
    assert {"organisation/nottinghamshire-healthcare", "place/nottinghamshire"} <= about([seed_record("001#9")])


# --------------------------------------------------------- error class 6: a merged work counts once


def test_a_work_on_two_pages_counts_each_text_once() -> None:
    article, hit = seed_record("000"), seed_record("001#4")
    decided = work_concepts([article, hit])
    values = next(wc for wc in decided if wc.concept == VOCAB + "theme/values")
    # the listing prints the same abstract sections: read once, from the first page; its teaser is its own
    assert {(t.origin, t.field) for t in values.tags if t.origin == 1} == {(1, "teaser")}
    alone = next(wc for wc in work_concepts([article]) if wc.concept == VOCAB + "theme/values")
    assert values.hit_count == alone.hit_count + 1
    assert {wc.concept: wc.relation for wc in decided} == {wc.concept: wc.relation for wc in work_concepts([article])}


# ------------------------------------------------------------------------------ contrast and negation


def test_mens_ward_contrast_sentence() -> None:
    tags = tag(MENS_WARD, "abstract/originality-value")
    check_evidence(MENS_WARD, tags)
    community = by_concept(tags, "setting/community")
    assert community and all(t.relation is Relation.MENTIONS and t.rule == "contrast" for t in community)
    inpatient = by_concept(tags, "setting/inpatient")
    assert {t.words for t in inpatient} == {"inpatient setting", "hospital"}  # the topic side: not blocked
    assert {t.rule for t in inpatient} == {"sentence"}
    text = MENS_WARD + " This paper addresses one of the first peer support pilot projects in hospital."
    assert {t.rule for t in by_concept(tag(text, "abstract/originality-value"), "setting/inpatient")} \
        == {"sentence", "aim"}
    assert all(t.relation is Relation.MENTIONS for t in by_concept(tag(MENS_WARD, "abstract/purpose"),
                                                                  "setting/community"))


def test_abundance_in_the_community_but_little_inpatient() -> None:
    tags = tag(ABUNDANCE, "abstract/originality-value")
    assert [t.rule for t in by_concept(tags, "setting/community")] == ["contrast"]
    assert {t.rule for t in by_concept(tags, "setting/inpatient")} == {"sentence"}


@pytest.mark.parametrize("text, cue", [
    ("Unlike peer support in the community, this paper studies inpatient wards.", "contrast"),
    ("This paper looks at inpatient wards rather than community settings.", "contrast"),
    ("This paper shows that they are not peer support workers.", "negation"),
    ("It sustains peer support outside statutory services.", "contrast"),
])
def test_contrast_and_negation_cues(text: str, cue: str) -> None:
    tags = tag(text, "abstract/purpose")
    blocked = [t for t in tags if t.rule == cue]
    assert blocked and all(t.relation is Relation.MENTIONS and t.weight == 0 for t in blocked)


def test_not_only_is_no_negation() -> None:
    text = "Peers work not only in community mental health teams but also on inpatient wards."
    assert {t.rule for t in tag(text, "abstract/findings")} == {"finding", "sentence"}
    assert not [t for t in tag(text, "abstract/findings") if t.rule == "negation"]


# ----------------------------------------------------------------------------- language and matching


def test_sentences_come_from_pysbd_and_skip_abbreviations() -> None:
    from peerkg.concepts.text import analyse

    text = "Peer support is old (see, e.g. Chamberlin,\n1978; OHagan, 2014). Onken et al. (2002) found more."
    spans = analyse(text).sentences
    assert [text[s:e] for s, e in spans] == [
        "Peer support is old (see, e.g. Chamberlin,\n1978; OHagan, 2014).", "Onken et al. (2002) found more."]


def test_german_statement_tagged_through_german_labels() -> None:
    tags = tag(GERMAN, "statement/6", language="de")
    check_evidence(GERMAN, tags)
    found = {t.concept[len(VOCAB):]: t for t in tags}
    assert found["model/informal-peer-support"].words == "informeller Peer-Unterstützung"
    assert found["theme/history"].words == "Geschichte"
    assert found["setting/inpatient"].words == "stationärer Versorgung"
    assert found["theme/professionalisation"].words == "professionalisierte"
    assert found["model/peer-support-workers"].words == "Peer-Arbeit"
    assert found["place/germany"].words == "Deutschland"
    assert all(t.language == "de" and t.rule == "statement" for t in tags)
    assert not tag("Die Geschichte", "title", language="en")


def test_longest_match_first() -> None:
    text = "Intentional peer support (IPS) differs from informal peer support."
    tags = tag(text, "title")
    assert [t.concept[len(VOCAB):] for t in tags] == [
        "model/intentional-peer-support", "model/intentional-peer-support", "model/informal-peer-support"]
    assert not by_concept(tags, "model/peer-support")


def test_ips_needs_peer_context() -> None:
    assert not by_concept(tag("They also worked in Individual Placement and Support (IPS) teams.", "body"),
                          "model/intentional-peer-support")


def test_spelling_plural_hyphen_and_case_variants() -> None:
    for text, key in [("professionalization", "theme/professionalisation"),
                      ("peer‐run groups", "model/user-led-peer-support"),
                      ("peer run groups", "model/user-led-peer-support"),
                      ("Peer Support Workers", "model/peer-support-workers"),
                      ("on-line peer support", "model/online-peer-support"),
                      ("men’s wards", "setting/mens-ward"),
                      ("Minds strategy", "organisation/mind")]:
        assert by_concept(tag(text, "title"), key), text
    assert not tag("peace of mind", "title")
    assert not by_concept(tag("peer. Support groups", "title"), "model/peer-support")


def test_context_table_names_real_labels() -> None:
    thesaurus = default_thesaurus()
    for key, label in CONTEXTS:
        assert label in {lab.text for lab in thesaurus[thesaurus.iri(key)].labels}, (key, label)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "peer support", "intentional", " ", "  ", "\n", "-", "‐", ",", ".", "not ", "unlike ", "inpatient", "ward",
    "Mind", "IPS", "men’s", "Peer-Unterstützung", "gelebte Erfahrung", "é", "x", "Professionalisation", "(", ")",
    "most papers address ", "community", "The paper ", "2015", "&", "“", "”", "Ward", "Independent ", "benefits",
]), max_size=40), st.sampled_from(["title", "abstract", "abstract/findings", "body", "statement/1"]),
    st.sampled_from(["en", "de"]))
def test_offsets_always_slice_back(parts: list[str], field: str, language: str) -> None:
    text = "".join(parts)
    check_evidence(text, tag(text, field, language))


def test_seed_tags_carry_exact_evidence() -> None:
    for page in seed_pages().values():
        for work in page.works:
            texts = {field: text for field, text, _ in work_fields(work)}
            for t in tag_work(work):
                check_evidence(texts[t.field], [t])


def test_statements_about_a_work_are_mentions_even_when_they_agree() -> None:
    one = CitationStatement(1, "Stigma is discussed (Beales & Wilson, 2015).", "en", "mentioning")
    two = CitationStatement(2, "Peers challenge stigma (Beales & Wilson, 2015).", "en", "mentioning")
    (wc,) = [w for w in work_concepts([WorkRecord(WorkType.JOURNAL_ARTICLE, statements=(one, two))])
             if w.concept == VOCAB + "theme/stigma"]
    assert wc.relation is Relation.MENTIONS and wc.hit_count == 2


# ------------------------------------------------------------------------------------ the gold sets


def test_gold_tables_are_well_formed() -> None:
    from goldsets import GOLD, read_gold

    thesaurus = default_thesaurus()
    seeds, written = read_gold(GOLD / "concepts.tsv"), read_gold(GOLD / "abstracts.tsv")
    assert len(seeds) == 12 and len(written) == len(abstract_records()) >= 15
    for gold in (seeds, written):
        for iris in gold.values():
            assert all(iri in thesaurus for iri in iris), iris
            assert VOCAB + "model/peer-support" not in iris
            for iri in iris:  # a narrower concept replaces its broader one in the gold too
                assert not thesaurus.ancestors(iri) & iris, iri


@pytest.mark.parametrize("evaluation", [evaluate_seeds, evaluate_abstracts], ids=["seeds", "abstracts"])
def test_about_precision_and_recall_per_facet(evaluation) -> None:
    """A change to the tagger is judged on both sets: each must keep precision and recall."""
    result = evaluation()
    print("\n" + result.report())
    assert result.total.precision >= MIN_PRECISION and result.total.recall >= MIN_RECALL
