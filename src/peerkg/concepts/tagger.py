"""Tag works with thesaurus concepts, with evidence, and decide per work "about" versus "mentions".

A work is **about** a concept when its *own* text makes the concept part of its topic: the concept is in
the title, in the object of its purpose or aim, or it recurs across the work's sentences. Everything else
is a **mention**. Each hit (one label found in one field, :func:`tag`) gets a rule and a weight; a work is
about a concept when the weights of its hits reach :data:`ABOUT` (2), counting each sentence once
(:func:`decide`):

======================  ======  =========================================================================
rule                    weight  the hit is …
======================  ======  =========================================================================
``title``               3       in the work's title
``aim``                 3       after an aim cue: "This paper aims to …", "The purpose of this article is
                                to …", "This study explores …", "The authors argue …", "We describe …"
``purpose``             2       elsewhere in a purpose (aim, objective) section
``lead``                2       in the first sentence of an unstructured abstract, or of a teaser when the
                                work has no abstract
``finding``             2       what a findings or conclusions section opens a sentence with, or what a
                                "challenges have included …" cue lists
``study-setting``       2       a setting or place in a design / methodology section: where the study was done
``sentence``            1       any other sentence of the work's own text (design, findings, implications,
                                originality, body …)
``background``          0.5     in a background section
``reported``            0.5     in a sentence reporting others' claims ("It has been argued that …")
``statement``           0       in a citation statement: another author's words about the work
``teaser``              0       in a listing teaser, a copy of the abstract's start (read as the abstract
                                when the work has none)
``other-work``          0       in a sentence about another work ("An earlier paper focuses on …")
``in-name``             0       inside a name or the title of another work (:mod:`peerkg.concepts.matching`)
``modifier``            0       qualifying, not a topic: "from a lived experience perspective", "known as
                                intentional peer support", "this service user narrative"
``enumeration``         0       one of three or more concepts of one scheme listed in a sentence that states
                                no aim (an aim's list is what the work covers)
``negation``            0       governed by "not", "never", "nor", "nicht", "kein…"
``contrast``            0       the foil: "most papers address X", "unlike X", "rather than X"
======================  ======  =========================================================================

Hits in several sentences add up for models, settings, themes and populations; an organisation or a place
recurs as an example or an affiliation, so a work is about one only when a single hit says so (its title,
aim, purpose or lead). At work level a concept whose narrower concept the work is about becomes a mention
("narrower-about"), and the root concept *peer support* is never about ("root"): neither says anything the
narrower tag does not. A work found on several pages is tagged once per distinct text: a field that two pages print
identically (the same abstract section) counts once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from peerkg.concepts import cues
from peerkg.concepts.matching import Match, find_matches
from peerkg.concepts.records import CONTEXT_CHARS, SCHEMES, Relation, Tag, WorkConcept
from peerkg.concepts.text import Analysis, analyse, language_of
from peerkg.concepts.thesaurus import VOCAB, Thesaurus, default_thesaurus
from peerkg.model import WorkRecord

ABOUT = 2.0
WEIGHTS = {
    "title": 3.0, "aim": 3.0, "purpose": 2.0, "lead": 2.0, "finding": 2.0, "study-setting": 2.0, "sentence": 1.0,
    "background": 0.5, "reported": 0.5, "statement": 0.0, "teaser": 0.0, "other-work": 0.0, "in-name": 0.0,
    "modifier": 0.0, "enumeration": 0.0, "negation": 0.0, "contrast": 0.0,
}
SCORES = {
    "title": 1.0, "aim": 0.9, "purpose": 0.8, "lead": 0.8, "finding": 0.7, "study-setting": 0.7, "sentence": 0.4,
    "background": 0.3, "reported": 0.3, "statement": 0.2, "teaser": 0.2, "other-work": 0.1, "in-name": 0.1,
    "modifier": 0.1, "enumeration": 0.2, "negation": 0.1, "contrast": 0.1,
}
ROOTS = frozenset({VOCAB + "model/peer-support"})
# Schemes where hits in several sentences add up. An organisation or a place recurs as an example or an
# affiliation; a work is about one only when a single hit says so (its title, aim or purpose).
RECURRING = frozenset({"model", "setting", "theme", "population"})
ENUMERATION = 3  # concepts of one scheme named in one list
FINDINGS_SECTIONS = frozenset({"abstract/findings", "abstract/conclusions"})
DESIGN_SECTIONS = frozenset({"abstract/design-methodology-approach"})
STUDY_SETTING_SCHEMES = frozenset({"setting", "place"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "such", "their", "its", "our", "der", "die", "das"})
_TOKEN = re.compile(r"[^\W_]+")
_CONNECTORS = frozenset({"and", "or", "also", "but", "as", "well", "including", "not", "only", "und", "oder",
                         "sowie", "auch"})


def _kind(field: str) -> str:
    if field == "title":
        return "title"
    if field == "abstract/purpose":
        return "purpose"
    if field == "abstract/background":
        return "background"
    if field in ("abstract", "teaser"):
        return "abstract"  # a teaser is the start of the abstract
    if field == "body":
        return field
    if field.startswith("statement/"):
        return "statement"
    return "section"


def _listed_between(gap: str) -> bool:
    """Whether ``gap`` joins two list items: a comma, semicolon or connector and at most one other word."""
    words = [w.casefold() for w in _TOKEN.findall(gap)]
    joined = any(ch in gap for ch in ",;") or any(w in _CONNECTORS for w in words)
    return joined and sum(w not in _CONNECTORS for w in words) <= 1


def _enumerated(analysis: Analysis, matches: list[tuple[int, Match]]) -> set[int]:
    """Indexes of matches in a list of ENUMERATION or more concepts of one scheme within one sentence."""
    out: set[int] = set()
    by_scheme: dict[tuple[int, str], list[tuple[int, Match]]] = defaultdict(list)
    for n, m in matches:
        by_scheme[(analysis.words[m.first_word].sentence, m.entry.scheme)].append((n, m))
    for group in by_scheme.values():
        chain: list[tuple[int, Match]] = []
        for n, m in [*group, (-1, None)]:
            if m is not None and chain and m.start >= chain[-1][1].end \
                    and _listed_between(analysis.text[chain[-1][1].end:m.start]):
                chain.append((n, m))
                continue
            if len({c.entry.concept for _, c in chain}) >= ENUMERATION:
                out.update(k for k, _ in chain)
            chain = [(n, m)] if m is not None else []
    return out


def _opens_sentence(analysis: Analysis, m: Match) -> bool:
    """The match is the first noun phrase of its sentence ("Professionalisation of peer support may …")."""
    sentence = analysis.words[m.first_word].sentence
    before = [w for w in analysis.words[:m.first_word] if w.sentence == sentence]
    return not before or (len(before) == 1 and before[0].key in _DETERMINERS)


def _rules(analysis: Analysis, field: str, matches: list[Match]) -> list[str]:
    """The rule of each match (see the module docstring)."""
    text, language, kind = analysis.text, analysis.language, _kind(field)
    per_sentence = []
    for span in analysis.sentences:
        per_sentence.append({
            "aim": cues.aim(text, span, language), "foils": cues.contrast_spans(text, span, language),
            "negated": cues.negation_spans(text, span, language), "modifiers": cues.modifiers(text, span),
            "findings": cues.findings(text, span), "reported": cues.reported(text, span),
            "other": cues.other_work(text, span),
        })
    listed = _enumerated(analysis, [(n, m) for n, m in enumerate(matches) if not m.in_name])
    rules = []
    for n, m in enumerate(matches):
        sentence = analysis.words[m.first_word].sentence
        cue = per_sentence[min(sentence, len(per_sentence) - 1)]
        aim = cue["aim"]
        if m.in_name:
            rules.append("in-name")
        elif kind == "statement":
            rules.append("statement")
        elif cues.inside(m.start, cue["negated"]):
            rules.append("negation")
        elif cues.inside(m.start, cue["foils"]):
            rules.append("contrast")
        elif cues.inside(m.start, cue["modifiers"]) or (aim and cues.inside(m.start, [aim[0]])):
            rules.append("modifier")
        elif kind == "title":
            rules.append("title")
        elif aim and m.start >= aim[1][0]:
            rules.append("aim")
        elif cue["other"]:
            rules.append("other-work")
        elif cue["reported"]:
            rules.append("reported")
        elif n in listed and kind != "purpose":
            rules.append("enumeration")
        elif kind == "purpose":
            rules.append("purpose")
        elif cues.inside(m.start, cue["findings"]) or (field in FINDINGS_SECTIONS and _opens_sentence(analysis, m)):
            rules.append("finding")
        elif field in DESIGN_SECTIONS and m.entry.scheme in STUDY_SETTING_SCHEMES:
            rules.append("study-setting")
        elif kind == "abstract" and sentence == 0:
            rules.append("lead")
        elif kind == "background":
            rules.append("background")
        else:
            rules.append("sentence")
    return rules


def _tag(analysis: Analysis, match: Match, field: str, rule: str, origin: int) -> Tag:
    text = analysis.text
    weight = WEIGHTS[rule]
    return Tag(
        concept=match.entry.concept, scheme=match.entry.scheme,
        relation=Relation.ABOUT if weight >= ABOUT else Relation.MENTIONS, field=field,
        words=text[match.start:match.end], start=match.start, end=match.end,
        prefix=text[max(0, match.start - CONTEXT_CHARS):match.start], suffix=text[match.end:match.end + CONTEXT_CHARS],
        rule=rule, score=SCORES[rule], label=match.entry.label, label_kind=match.entry.kind,
        language=analysis.language, sentence=analysis.words[match.first_word].sentence, weight=weight, origin=origin,
    )


def tag(text: str, field: str, language: str = "en", thesaurus: Thesaurus | None = None,
        origin: int = 0) -> tuple[Tag, ...]:
    """The hits of one field's ``text``, each with its rule (see the module docstring)."""
    if not text or not text.strip():
        return ()
    analysis = analyse(text, language_of(language))
    matches = find_matches(analysis, thesaurus or default_thesaurus(), headline=field == "title")
    rules = _rules(analysis, field, matches)
    return tuple(_tag(analysis, m, field, rule, origin) for m, rule in zip(matches, rules, strict=True))


def work_fields(work: WorkRecord) -> list[tuple[str, str, str]]:
    """``(field, text, language)`` for every taggable field of a work record: its own text and the
    citation statements about it (reference lists are not tagged)."""
    fields: list[tuple[str, str, str]] = []
    if work.title:
        fields.append(("title", work.title, work.language))
    if work.teaser:
        fields.append(("teaser", work.teaser, work.language))
    if work.abstract is not None:
        if work.abstract.sections:
            fields.extend((f"abstract/{s.heading}", s.text, work.abstract.language) for s in work.abstract.sections)
        elif work.abstract.text:
            fields.append(("abstract", work.abstract.text, work.abstract.language))
    if work.body:
        fields.append(("body", work.body, work.language))
    for statement in work.statements:
        if statement.duplicate_of is None:
            fields.append((f"statement/{statement.position}", statement.text, statement.language))
    return fields


def tag_work(work: WorkRecord, thesaurus: Thesaurus | None = None, origin: int = 0) -> tuple[Tag, ...]:
    """Every hit in the fields of one record of a work. A teaser counts only when the work has no abstract
    (it is a copy of the abstract's start); with one, its hits keep the rule "teaser" and weigh nothing."""
    has_abstract = work.abstract is not None and bool(work.abstract.text or work.abstract.sections)
    out: list[Tag] = []
    for field, text, language in work_fields(work):
        tags = tag(text, field, language, thesaurus, origin)
        if field == "teaser" and has_abstract:
            tags = tuple(replace(t, rule="teaser", weight=0.0, score=SCORES["teaser"], relation=Relation.MENTIONS)
                         for t in tags)
        out.extend(tags)
    return tuple(out)


def duplicate_fields(records: Sequence[WorkRecord]) -> dict[tuple[int, str], tuple[int, ...]]:
    """``(origin, field) -> origins`` of every record printing that field with the same text, first first."""
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for origin, record in enumerate(records):
        for field, text, _ in work_fields(record):
            seen[(field, text)].append(origin)
    return {(origins[0], field): tuple(origins) for (field, _), origins in seen.items()}


def work_hits(records: Sequence[WorkRecord], thesaurus: Thesaurus | None = None,
              hits: Sequence[Sequence[Tag]] | None = None) -> tuple[Tag, ...]:
    """The hits of a work printed on one or more pages (``records``, one per page); a field two pages print
    identically counts once, from the first. ``hits``: each record's :func:`tag_work` hits, when the tag
    stage already has them."""
    firsts = set(duplicate_fields(records))
    out: list[Tag] = []
    for origin, record in enumerate(records):
        found = hits[origin] if hits is not None else tag_work(record, thesaurus)
        out.extend(replace(t, origin=origin) for t in found if (origin, t.field) in firsts)
    return tuple(out)


def work_concepts(records: Sequence[WorkRecord], thesaurus: Thesaurus | None = None) -> tuple[WorkConcept, ...]:
    """Per concept, whether the work (printed on one or more pages) is about it or mentions it, with its hits."""
    return decide(work_hits(records, thesaurus), thesaurus)


def decide(tags: Iterable[Tag], thesaurus: Thesaurus | None = None) -> tuple[WorkConcept, ...]:
    """Work-level concepts from hits: weights summed per sentence, narrower over broader, never the root."""
    thesaurus = thesaurus or default_thesaurus()
    grouped: dict[str, list[Tag]] = defaultdict(list)
    for t in tags:
        grouped[t.concept].append(t)
    decided: dict[str, tuple[Relation, str, float]] = {}
    for iri, hits in grouped.items():
        per_sentence: dict[tuple[int, str, int], float] = {}
        for t in hits:
            key = (t.origin, t.field, t.sentence)
            per_sentence[key] = max(per_sentence.get(key, 0.0), t.weight)
        weight = sum(per_sentence.values())
        strongest = max(hits, key=lambda t: t.weight)
        if iri in ROOTS:
            decided[iri] = (Relation.MENTIONS, "root", weight)
        elif strongest.weight >= ABOUT:
            decided[iri] = (Relation.ABOUT, strongest.rule, weight)
        elif weight >= ABOUT and hits[0].scheme in RECURRING:
            decided[iri] = (Relation.ABOUT, "recurs", weight)
        else:
            decided[iri] = (Relation.MENTIONS, strongest.rule, weight)
    about = [iri for iri, (relation, _, _) in decided.items() if relation is Relation.ABOUT]
    covered = {up for iri in about if iri in thesaurus for up in thesaurus.ancestors(iri)}
    for iri in about:
        if iri in covered:
            decided[iri] = (Relation.MENTIONS, "narrower-about", decided[iri][2])
    order = {s: i for i, s in enumerate(SCHEMES)}
    out = [WorkConcept(concept=iri, scheme=hits[0].scheme, relation=decided[iri][0], tags=tuple(hits),
                       rule=decided[iri][1], weight=decided[iri][2])
           for iri, hits in grouped.items()]
    return tuple(sorted(out, key=lambda wc: (order.get(wc.scheme, 99), wc.concept)))


def aggregate(tags: Iterable[Tag], thesaurus: Thesaurus | None = None) -> tuple[WorkConcept, ...]:
    """Work-level concepts of one work's hits (:func:`decide`)."""
    return decide(tags, thesaurus)


def about_concepts(tags: Iterable[Tag], schemes: Iterable[str] = SCHEMES,
                   thesaurus: Thesaurus | None = None) -> frozenset[str]:
    """IRIs of the concepts the hits make the work about, in the given schemes."""
    wanted = set(schemes)
    return frozenset(wc.concept for wc in decide(tags, thesaurus)
                     if wc.relation is Relation.ABOUT and wc.scheme in wanted)
