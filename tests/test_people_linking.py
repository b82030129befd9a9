"""People linking: the seeds' authors, and a constructed near-miss set with zero false merges."""

from __future__ import annotations

from itertools import combinations

import pytest

from peerkg.model import PersonCluster, PersonMention, PersonName
from peerkg.normalise.names import parse_name
from peerkg.resolve.people import family_keys, given_tokens, givens_compatible, link_people

PEER_SUPPORT = frozenset({"https://w3id.org/psmh/vocab/model/peer-support"})


def _list(source: str, work: str, names: list[str], order: str = "auto", prefix: str = "",
          topics: frozenset[str] = frozenset()) -> list[PersonMention]:
    """Mentions for one author list (co-authors = the others of the list)."""
    parsed = [parse_name(n, order) for n in names]
    fams = [p.family or p.as_written for p in parsed]
    return [PersonMention(id=f"{prefix or work}/a{i + 1}", name=p, work_id=work,
                          coauthor_families=tuple(f for j, f in enumerate(fams) if j != i), source_id=source,
                          topics=topics)
            for i, p in enumerate(parsed)]


def seed_mentions() -> list[PersonMention]:
    ms: list[PersonMention] = []
    ms += _list("s000", "w:long-history", ["Faulkner Alison", "Basset Thurstine"], "family-first")
    ms += _list("s000", "s000/ref1", ["Basset, T.", "Faulkner, A.", "Repper, J.", "Stamou, E."])
    ms += _list("s000", "s000/ref2", ["Beresford, P.", "Bryant, W."])
    ms += _list("s000", "s000/ref3", ["Bradstreet, S."])
    ms += _list("s000", "s000/ref4", ["Campbell, P."])
    ms += _list("s000", "s000/ref5", ["Dawney, L."])
    hits = [["Benjamin Thomas Gray", "Matthew Sisto", "Renee Conley"], ["Benjamin Thomas Gray", "Matthew Sisto"],
            ["Simon Lawton-Smith"], ["Alison Faulkner", "Thurstine Basset"], ["Simon Bradstreet", "Rebekah Pratt"],
            ["Alison Faulkner", "Thurstine Basset"], ["Tori Wolfendale", "Angella Musaabi"], ["Claire Ockwell"],
            ["Julie Repper", "Emma Watson"], ["Daryl Mahon"]]
    for i, names in enumerate(hits, start=1):
        work = "w:long-history" if i == 4 else f"s001#{i}"  # hit 4 is seed 000's work (matched by the identity step)
        ms += _list("s001", work, names, "given-first", prefix=f"s001#{i}", topics=PEER_SUPPORT)
    # the tagger finds both works about peer support: the one context Julie Repper's two works share
    ms += _list("s003", "w:where-going", ["Rachel Perkins", "Julie Repper"], "given-first", topics=PEER_SUPPORT)
    return ms


def _cluster_of(clusters: list[PersonCluster], mention_id: str) -> PersonCluster:
    return next(c for c in clusters if mention_id in c.mention_ids)


def test_name_comparison_helpers() -> None:
    assert family_keys("Müller") & family_keys("Mueller") and family_keys("Müller") & family_keys("Muller")
    assert not family_keys("Muller") & family_keys("Mueller")
    assert not family_keys("Lawton-Smith") & family_keys("Smith")
    assert family_keys("Lawton Smith") == family_keys("Lawton-Smith")
    assert givens_compatible(given_tokens("J."), given_tokens("Julie"))
    assert givens_compatible(given_tokens("A. B."), given_tokens("Alison Beth"))
    assert givens_compatible(given_tokens("B."), given_tokens("Benjamin Thomas"))
    assert givens_compatible(given_tokens("B.T."), given_tokens("Benjamin Thomas"))
    assert not givens_compatible(given_tokens("B. J."), given_tokens("Benjamin Thomas"))
    assert not givens_compatible(given_tokens("J."), given_tokens("K."))
    assert not givens_compatible(given_tokens("Julie"), given_tokens("Julia"))
    assert not givens_compatible(given_tokens(None), given_tokens("Julie"))  # family name alone: never


def test_seed_people() -> None:
    clusters = link_people(seed_mentions())
    repper = _cluster_of(clusters, "s001#9/a1")
    assert repper.name.display == "Julie Repper" and repper.key == "repper-julie"
    assert set(repper.mention_ids) == {"s001#9/a1", "w:where-going/a2", "s000/ref1/a3"}
    assert set(repper.work_ids) == {"s001#9", "w:where-going", "s000/ref1"}  # three works
    rules = {d.rule for d in repper.decisions}
    assert rules == {"same-full-name-shared-topic", "unique-full-name-anchored-coauthors"}
    anchored = next(d for d in repper.decisions if d.rule == "unique-full-name-anchored-coauthors")
    assert anchored.score == 0.75
    assert "'Basset, T.' → 'Thurstine Basset'" in anchored.evidence
    assert "'Faulkner, A.' → 'Alison Faulkner'" in anchored.evidence
    faulkner = _cluster_of(clusters, "s000/ref1/a2")
    assert faulkner.name.display == "Alison Faulkner"
    assert len(faulkner.mention_ids) == 4  # seed 000 author, reference 1, hits 4 and 6
    shared = next(d for d in faulkner.decisions if d.subject == "s000/ref1/a2" or d.object == "s000/ref1/a2")
    assert shared.rule == "compatible-given-shared-coauthor" and "shared co-author Basset" in shared.evidence
    basset = _cluster_of(clusters, "s000/ref1/a1")
    assert basset.name.display == "Thurstine Basset" and len(basset.mention_ids) == 4
    assert len(_cluster_of(clusters, "s001#1/a1").mention_ids) == 2  # Benjamin Thomas Gray, hits 1 and 2
    # no evidence, no merge: Bradstreet, S. (2006, no co-authors) vs Simon Bradstreet (with Pratt)
    assert _cluster_of(clusters, "s000/ref3/a1") != _cluster_of(clusters, "s001#5/a1")
    assert len(_cluster_of(clusters, "s000/ref1/a4").mention_ids) == 1  # Stamou, E.
    for c in clusters:
        for d in c.decisions:
            assert d.rule and d.evidence and 0 < d.score <= 1 and d.subject and d.object and d.involved
    assert len({c.key for c in clusters}) == len(clusters)


# --- near misses ------------------------------------------------------------------------------
# (source, work, [(name, truth label), ...]) — the truth label says who the person really is in
# this constructed world; the rule for co-authors is the rest of the same list.
NEAR_MISS = [
    ("n1", "w1", [("Smith, J.", "smith-j-1"), ("Brown, A.", "brown-a")]),
    ("n1", "w2", [("Smith, K.", "smith-k"), ("Brown, A.", "brown-a")]),           # initials differ
    ("n1", "w2b", [("Alan Brown", "brown-a"), ("Carol Davies", "davies-c")]),
    ("n2", "w3", [("Smith, J.", "smith-j-2"), ("Green, P.", "green-p")]),
    ("n2", "w4", [("John Smith", "john-smith"), ("White, R.", "white-r")]),       # no shared co-author
    ("n3", "w5", [("Smith, J.", "jane-smith"), ("Patel, R.", "patel-r")]),
    ("n3", "w6", [("Jane Smith", "jane-smith"), ("Ravi Patel", "patel-r")]),      # shared co-author Patel
    ("n4", "w7", [("Müller, K.", "katrin-mueller"), ("Schmidt, H.", "schmidt-h")]),
    ("n4", "w8", [("Katrin Mueller", "katrin-mueller"), ("Hanna Schmidt", "schmidt-h")]),  # transliteration
    ("n5", "w9", [("Lawton-Smith, S.", "simon-lawton-smith"), ("Jones, D.", "jones-d")]),
    ("n5", "w10", [("Simon Smith", "simon-smith"), ("Jones, D.", "jones-d")]),    # hyphenated ≠ Smith
    ("n5", "w11", [("Simon Lawton-Smith", "simon-lawton-smith")]),
    ("n6", "w11", [("Lawton Smith, S.", "simon-lawton-smith")]),                  # same work, other page
    ("n7", "w12", [("Benjamin Thomas Gray", "btg"), ("Matthew Sisto", "sisto"), ("Renee Conley", "conley")]),
    ("n7", "w13", [("Gray, B. T.", "btg"), ("Sisto, M.", "sisto")]),
    ("n7", "w14", [("Gray, B.", "btg"), ("Conley, R.", "conley")]),
    ("n7", "w15", [("Gray, B. J.", "bjg"), ("Sisto, M.", "sisto")]),              # initials conflict
    ("n7", "w16", [("Gray, T.", "tom-gray"), ("Sisto, M.", "sisto")]),            # initial conflicts
    ("n8", "w17", [("Mind", "org-mind")]),
    ("n8", "w18", [("Mind", "org-mind")]),
    ("n8", "w19", [("Mind, Alex", "alex-mind"), ("Patel, R.", "patel-r-2")]),     # a person named Mind
    ("n9", "w20", [("José García", "jose-garcia")]),
    ("n9", "w21", [("Jose Garcia", "jose-garcia")]),                              # accents folded
    ("n10", "w22", [("Smith, J.", "smith-j-3"), ("Smith, J.", "smith-j-4")]),     # two in one list
    ("n11", "w23", [("Repper, J.", "other-repper"), ("Okafor, C.", "okafor-c")]),
    ("n11", "w24", [("Julie Repper", "julie-repper"), ("Emma Watson", "watson-e")]),  # unrelated works
    ("n12", "w25", [("Julia Roberts", "julia-roberts"), ("Tan, K.", "tan-k")]),
    ("n12", "w26", [("Julie Roberts", "julie-roberts"), ("Tan, K.", "tan-k")]),   # different full names
    ("n13", "w27", [("Mental Health Task Force", "org-mhtf")]),
    ("n13", "w28", [("Mental Health Taskforce", "org-mhtf")]),  # spelt as one word
    ("n14", "w29", [("Khan, A.", "khan-a-1"), ("Ali, M.", "ali-m")]),
    ("n14", "w30", [("Khan, A.", "khan-a-2"), ("Ali, S.", "ali-s")]),             # one shared family only
    ("n15", "w31", [("Okoro, C.", "okoro-c"), ("Hughes, D.", "hughes-d"), ("Lewis, E.", "lewis-e")]),
    ("n15", "w32", [("Okoro, C.", "okoro-c"), ("Hughes, D.", "hughes-d"), ("Lewis, E.", "lewis-e")]),
]


def near_miss_mentions() -> tuple[list[PersonMention], dict[str, str]]:
    mentions, truth = [], {}
    for source, work, people in NEAR_MISS:
        for i, m in enumerate(_list(source, work, [n for n, _ in people], prefix=f"{source}:{work}")):
            mentions.append(m)
            truth[m.id] = people[i][1]
    return mentions, truth


def _pairs(groups: list[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def test_near_miss_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    """Pairwise precision must be 1.0. Recall is bounded by the rules on purpose: two initials-only
    mentions merge only on the same work or two shared co-authors ("Okoro, C." with Hughes and Lewis
    twice), so "Brown, A." twice, "Tan, K." twice and "Jones, D." twice stay apart, as does an
    initials-only mention with no shared co-author or work ("Lawton-Smith, S." with Jones)."""
    mentions, truth = near_miss_mentions()
    clusters = link_people(mentions)
    predicted = _pairs([c.mention_ids for c in clusters])
    by_truth: dict[str, list[str]] = {}
    for mid, label in truth.items():
        by_truth.setdefault(label, []).append(mid)
    actual = _pairs([tuple(v) for v in by_truth.values()])
    true_pos = predicted & actual
    precision = len(true_pos) / len(predicted) if predicted else 1.0
    recall = len(true_pos) / len(actual)
    with capsys.disabled():
        print(f"\npeople near-miss set: {len(mentions)} mentions, {len(actual)} true pairs, "
              f"{len(predicted)} merged pairs, precision {precision:.3f}, recall {recall:.3f}")
        for p in sorted(actual - predicted, key=sorted):
            print("  missed:", sorted(p))
    assert predicted - actual == set(), "false merges"
    assert precision == 1.0
    assert recall >= 0.65


def test_near_miss_specifics() -> None:
    mentions, _ = near_miss_mentions()
    clusters = link_people(mentions)

    def together(a: str, b: str) -> bool:
        return _cluster_of(clusters, a) is _cluster_of(clusters, b)

    assert together("n3:w5/a1", "n3:w6/a1")  # Smith, J. ~ Jane Smith via Patel
    assert together("n4:w7/a1", "n4:w8/a1")  # Müller, K. ~ Katrin Mueller via Schmidt
    assert together("n7:w12/a1", "n7:w13/a1") and together("n7:w12/a1", "n7:w14/a1")
    assert not together("n7:w12/a1", "n7:w15/a1") and not together("n7:w12/a1", "n7:w16/a1")
    assert not together("n2:w3/a1", "n2:w4/a1")
    assert not together("n11:w23/a1", "n11:w24/a1")
    assert not together("n10:w22/a1", "n10:w22/a2")
    assert not together("n5:w9/a1", "n5:w10/a1")
    assert together("n5:w11/a1", "n6:w11/a1")
    mind = _cluster_of(clusters, "n8:w17/a1")
    assert mind.is_organisation and set(mind.mention_ids) == {"n8:w17/a1", "n8:w18/a1"}
    assert not _cluster_of(clusters, "n8:w19/a1").is_organisation
    assert _cluster_of(clusters, "n13:w27/a1").is_organisation


def test_anchored_rule_refuses_two_candidates() -> None:
    ms = seed_mentions() + _list("x", "w:other", ["James Repper", "Kim Lee"], "given-first")
    clusters = link_people(ms)
    assert len(_cluster_of(clusters, "s000/ref1/a3").mention_ids) == 1  # J. could be Julie or James


def test_anchored_rule_off_above_its_score() -> None:
    clusters = link_people(seed_mentions(), threshold=0.8)
    assert len(_cluster_of(clusters, "s000/ref1/a3").mention_ids) == 1
    assert len(_cluster_of(clusters, "s000/ref1/a2").mention_ids) == 4  # the strong rules still apply


def test_organisations_never_merge_with_people() -> None:
    ms = [PersonMention("o1", PersonName("Mind", is_organisation=True), "w1", ("Smith",)),
          PersonMention("p1", PersonName("Mind, A.", "Mind", "A."), "w1b", ("Smith",)),
          PersonMention("p2", PersonName("Alex Mind", "Mind", "Alex"), "w2", ("Smith",))]
    clusters = link_people(ms)
    assert _cluster_of(clusters, "o1").mention_ids == ("o1",)
    assert _cluster_of(clusters, "p1") is _cluster_of(clusters, "p2")  # people: shared co-author Smith
