"""Labels that are also common words, and the context that makes them the concept (settings as data).

"independent" is the theme *independence* in "peer support needs to be independent" but not in "an
independent evaluation"; "benefits" is the theme *benefits and outcomes* in "the benefits of peer support"
but not in "the benefits and pitfalls of the new contract". Each entry below names a thesaurus label (the
tests check that it is one) and what its match needs:

``peer``
    the sentence, or the one before it in the same field, speaks of peers or peer support (a word
    starting with "peer");
``requires``
    spaCy ``Matcher`` patterns over the words of the text (punctuation left out, casefolded), one of
    which must cover the label's match;
``rejects``
    patterns none of which may cover it ("pay attention", "we hope").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Pattern = list[dict[str, Any]]

BE = ["is", "are", "be", "been", "being", "was", "were", "remain", "remains", "remained", "become", "becomes",
      "became", "stay", "stays", "stayed", "keep", "kept"]
ADVERBS = ["truly", "fully", "really", "genuinely", "more", "still", "always", "entirely", "largely", "not",
           "also", "properly", "completely"]
DETERMINERS = ["the", "a", "an", "their", "its", "his", "her", "our", "each", "this", "that", "these", "those",
               "different", "local", "existing", "wider", "whole", "particular"]
CULTURE_HEADS = ["team", "teams", "ward", "wards", "organisation", "organisations", "organization",
                 "organizations", "service", "services", "unit", "units", "hospital", "hospitals", "trust",
                 "trusts", "workplace", "profession", "professions", "system", "systems", "setting", "settings"]
CULTURE_ADJECTIVES = ["team", "ward", "organisational", "organizational", "service", "workplace", "clinical",
                      "professional", "institutional"]
PRONOUNS = ["we", "i", "they", "you", "he", "she", "authors", "author"]


@dataclass(frozen=True)
class LabelContext:
    peer: bool = False
    requires: tuple[Pattern, ...] = ()
    rejects: tuple[Pattern, ...] = ()
    why: str = ""


def _word(label: str) -> dict[str, Any]:
    return {"ORTH": label}


def _predicative(word: str, complements: list[str]) -> tuple[Pattern, ...]:
    return (
        [{"ORTH": {"IN": BE}}, {"ORTH": {"IN": ADVERBS}, "OP": "*"}, _word(word)],
        [_word(word), {"ORTH": {"IN": complements}}],
    )


def _culture(word: str) -> tuple[Pattern, ...]:
    return (
        [_word(word), {"ORTH": "of"}, {"ORTH": {"IN": DETERMINERS}, "OP": "*"}, {"ORTH": {"IN": CULTURE_HEADS}}],
        [{"ORTH": {"IN": CULTURE_ADJECTIVES}}, _word(word)],
    )


_PEER = LabelContext(peer=True, why="a common word: counts where the sentence speaks of peer support")
_LOCATIVE = ("in", "within", "into", "across", "throughout", "inside")

#: ``(concept key, label) -> LabelContext``; the label as written in the thesaurus.
CONTEXTS: dict[tuple[str, str], LabelContext] = {
    ("theme/independence", "independent"): LabelContext(
        requires=_predicative("independent", ["of", "from"]),
        why="an adjective: the theme only when said of peer support (is, remains, becomes independent; "
            "independent of or from services), never in names or before another noun"),
    ("theme/independence", "unabhängig"): LabelContext(
        requires=(
            [{"ORTH": {"IN": ["ist", "sind", "sein", "bleibt", "bleiben", "wird", "werden"]}},
             {"ORTH": {"IN": ["nicht", "wirklich", "völlig", "ganz"]}, "OP": "*"}, _word("unabhängig")],
            [_word("unabhängig"), {"ORTH": {"IN": ["von", "vom"]}}]),
        why="German adjective, as 'independent'"),
    **{("theme/benefits-and-outcomes", label): _PEER for label in (
        "benefits", "benefit", "outcomes", "outcome", "added value", "effectiveness", "evidence base")},
    **{("theme/history", label): _PEER for label in ("historically", "roots", "origins", "originated")},
    **{("theme/implementation", label): _PEER for label in (
        "implementing", "implement", "implemented", "set up", "setting up")},
    ("model/intentional-peer-support", "IPS"): LabelContext(
        peer=True, why="IPS also abbreviates Individual Placement and Support"),
    ("theme/organisational-culture", "culture"): LabelContext(
        requires=_culture("culture"), why="culture of a team, ward, service or organisation"),
    ("theme/organisational-culture", "cultures"): LabelContext(
        requires=_culture("cultures"), why="as 'culture'"),
    ("theme/payment", "pay"): LabelContext(
        rejects=([_word("pay"), {"ORTH": {"IN": ["attention", "tribute", "heed", "respect", "respects", "off",
                                                 "back", "homage"]}}],),
        why="'pay attention' is no payment"),
    ("theme/payment", "paid"): LabelContext(
        rejects=([_word("paid"), {"ORTH": {"IN": ["attention", "tribute", "heed", "off", "homage"]}}],),
        why="'paid attention' is no payment"),
    ("theme/hope-and-empowerment", "hope"): LabelContext(
        rejects=([{"ORTH": {"IN": PRONOUNS}}, {"ORTH": {"IN": ADVERBS}, "OP": "*"}, _word("hope")],
                 [_word("hope"), {"ORTH": {"IN": ["that", "to"]}}]),
        why="the noun, not the verb ('we hope that')"),
    **{("setting/statutory-services", label): LabelContext(
        requires=([{"ORTH": {"IN": list(_LOCATIVE)}}, *({"ORTH": w} for w in label.split())],),
        why="'mainstream' is a common adjective: the setting where work happens in or within such services")
       for label in ("mainstream services", "mainstream service")},
}
