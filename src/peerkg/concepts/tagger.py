"""Tag text with thesaurus concepts, with evidence, and decide "about" versus "mentions".

Matching
    Labels of the text's language (``@en`` plus untagged labels for English, ``@de`` for German) are
    matched on word boundaries. Words are compared case-insensitively, except one-word labels that
    contain a capital (acronyms such as IPS and NHS, proper names such as Mind, German nouns), which
    must match as written. Between the words of a label the text may have any short run of spaces,
    line breaks, hyphens or apostrophes ("peer-run" = "peer‐run" = "peer run"), never other punctuation.
    A match inside a longer match is dropped (longest match first: "intentional peer support" wins over
    "peer support"); partly overlapping matches are both kept.

About or mentions (per field; see :data:`ABOUT_FIELDS`)
    * title, teaser, abstract purpose / design / findings, and the first two sentences of an
      unstructured abstract: every match is **about** ("title", "about-field", "lead-sentence");
    * every other field of the work's own text (practical / social implications, limitations,
      originality/value, the rest of an unstructured abstract, body text) needs stronger evidence: the
      match is in a **key sentence** ("key-sentence": a sentence about the work itself — "This paper…",
      "The findings suggest…"), or the concept is matched in **two or more sentences** ("repeated": of the
      field for :func:`tag`, of the work's own text for :func:`tag_work`); otherwise it is a passing
      mention ("passing"). A sentence naming three or more concepts of one scheme is an enumeration
      ("we work in primary care, forensic and dementia services"): unless it is a key sentence, its
      matches of that scheme are mentions ("enumeration") and do not count as repetitions;
    * a citation statement is another author's sentence about the work: only its citing sentence (the one
      naming the cited authors, or else holding a parenthetical citation) can be about a concept
      ("citing-sentence"); at work level (:func:`tag_work`) that needs **two different statements**
      agreeing, else the tag becomes a mention ("single-statement").

Contrast and negation (any field; such matches are always **mentions** and count for nothing else)
    * "most papers address X", "an abundance of literature on X": X, up to the end of its clause, is what
      other work covers ("contrast") — the sentence's topic is the other side;
    * "unlike X", "rather than X", "instead of X", "as opposed to X", "(very) different from X",
      German "im Gegensatz zu X", "anders als X", "statt X": X up to the end of the clause ("contrast"),
      unless the sentence already has a literature cue (then that cue decides the side);
    * "not", "never", "nor", German "nicht", "kein…": the next three words of the clause ("negation");
      "not only … but also" is no negation.

A work is about a concept when any of its fields is about it (:func:`aggregate`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from peerkg.concepts import cues
from peerkg.concepts.records import CONTEXT_CHARS, SCHEMES, LabelKind, Relation, Tag, WorkConcept
from peerkg.concepts.thesaurus import Thesaurus, default_thesaurus
from peerkg.model import WorkRecord

ABOUT_FIELDS = frozenset({
    "title", "teaser", "abstract/purpose", "abstract/design-methodology-approach", "abstract/findings",
    "abstract/conclusions",
})
LEAD_SENTENCES = 2  # sentences of an unstructured abstract that count as its purpose
REPEATED = 2  # sentences of one field a concept must appear in to be "about" without a key sentence
SCORES = {
    "title": 1.0, "about-field": 0.9, "lead-sentence": 0.9, "key-sentence": 0.8, "citing-sentence": 0.8,
    "repeated": 0.7, "passing": 0.4, "enumeration": 0.3, "single-statement": 0.3, "contrast": 0.2,
    "negation": 0.2,
}
MENTION_RULES = frozenset({"passing", "enumeration", "single-statement", "contrast", "negation"})
ENUMERATION = 3  # concepts of one scheme named in one sentence that make it a list
_TOKEN = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\s\-\u00ad\u2010-\u2013'\u2019]{1,4}")
_KIND_RANK = {LabelKind.PREF: 0, LabelKind.ALT: 1, LabelKind.HIDDEN: 2}


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]  # casefolded, or as written when exact
    exact: bool
    concept: str
    scheme: str
    label: str
    kind: LabelKind


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    entry: _Entry


def _label_words(text: str) -> list[str]:
    return _TOKEN.findall(text)


@lru_cache(maxsize=8)
def _index(thesaurus: Thesaurus, language: str) -> dict[str, tuple[_Entry, ...]]:
    """First word (casefolded) -> label entries, longest first."""
    by_first: dict[str, list[_Entry]] = defaultdict(list)
    seen: set[tuple[str, tuple[str, ...], bool]] = set()
    for concept in thesaurus:
        labels = sorted(concept.labels, key=lambda lab: _KIND_RANK[lab.kind])
        for label in labels:
            if label.language != language and not (language == "en" and label.language == ""):
                continue
            words = _label_words(label.text)
            if not words:
                continue
            exact = len(words) == 1 and any(ch.isupper() for ch in words[0])
            key = tuple(words) if exact else tuple(w.casefold() for w in words)
            if (concept.iri, key, exact) in seen:
                continue
            seen.add((concept.iri, key, exact))
            entry = _Entry(key, exact, concept.iri, concept.scheme, label.text, label.kind)
            by_first[words[0].casefold()].append(entry)
    return {k: tuple(sorted(v, key=lambda e: (-len(e.words), e.concept))) for k, v in by_first.items()}


def find_matches(text: str, language: str = "en", thesaurus: Thesaurus | None = None) -> list[_Match]:
    """Every label occurrence in ``text``, with matches inside longer matches dropped."""
    index = _index(thesaurus or default_thesaurus(), language)
    tokens = list(_TOKEN.finditer(text))
    folded = [t.group().casefold() for t in tokens]
    found: dict[tuple[str, int, int], _Match] = {}
    for i, first in enumerate(folded):
        for entry in index.get(first, ()):
            n = len(entry.words)
            if i + n > len(tokens):
                continue
            got = [t.group() for t in tokens[i:i + n]] if entry.exact else folded[i:i + n]
            if tuple(got) != entry.words:
                continue
            if any(not _GAP.fullmatch(text, tokens[j].end(), tokens[j + 1].start()) for j in range(i, i + n - 1)):
                continue
            match = _Match(tokens[i].start(), tokens[i + n - 1].end(), entry)
            found.setdefault((entry.concept, match.start, match.end), match)
    matches = sorted(found.values(), key=lambda m: (m.start, -m.end, m.entry.concept))
    return [
        m for m in matches
        if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in matches)
    ]


_CONNECTORS = frozenset({"and", "or", "also", "but", "as", "well", "including", "not", "only", "und", "oder",
                         "sowie", "auch"})


def _listed_between(gap: str) -> bool:
    """Whether ``gap`` joins two list items: a comma, semicolon or connector and at most one other word."""
    words = [w.casefold() for w in _TOKEN.findall(gap)]
    joined = any(ch in gap for ch in ",;") or any(w in _CONNECTORS for w in words)
    return joined and sum(w not in _CONNECTORS for w in words) <= 1


def _enumerated(text: str, spans: list[cues.Span], matches: list[tuple[int, _Match]]) -> set[int]:
    """Indexes of matches in a list of ENUMERATION or more concepts of one scheme within one sentence."""
    out: set[int] = set()
    by_scheme: dict[tuple[int, str], list[tuple[int, _Match]]] = defaultdict(list)
    for n, m in matches:
        by_scheme[(cues.sentence_index(spans, m.start), m.entry.scheme)].append((n, m))
    for group in by_scheme.values():
        chain: list[tuple[int, _Match]] = []
        for n, m in [*group, (-1, None)]:
            if m is not None and chain and m.start >= chain[-1][1].end \
                    and _listed_between(text[chain[-1][1].end:m.start]):
                chain.append((n, m))
                continue
            if len({c.entry.concept for _, c in chain}) >= ENUMERATION:
                out.update(k for k, _ in chain)
            chain = [(n, m)] if m is not None else []
    return out


def _field_kind(field: str) -> str:
    if field == "title":
        return "title"
    if field in ABOUT_FIELDS:
        return "about"
    if field == "abstract":
        return "lead"
    if field.startswith("statement"):
        return "statement"
    return "evidence"


def tag(text: str, field: str, language: str = "en", thesaurus: Thesaurus | None = None,
        cited_names: Sequence[str] = ()) -> tuple[Tag, ...]:
    """Tag one field's ``text`` (see the module docstring for the rules).

    ``cited_names``: for a citation statement, family names of the cited work's authors; the sentence
    naming one of them is the key sentence (without names, any sentence with a parenthetical citation).
    """
    if not text or not text.strip():
        return ()
    thesaurus = thesaurus or default_thesaurus()
    language = (language or "en").split("-")[0].lower()
    matches = find_matches(text, language, thesaurus)
    if not matches:
        return ()
    kind = _field_kind(field)
    spans = cues.sentences(text)
    foils: list[cues.Span] = []
    negated: list[cues.Span] = []
    for span in spans:
        foils.extend(cues.contrast_spans(text, span, language))
        negated.extend(cues.negation_spans(text, span, language))
    if kind == "statement":
        key = cues.citing_sentences(text, spans, tuple(cited_names))
        key_rule = "citing-sentence"
    else:
        key = cues.self_reference_sentences(text, spans, language)
        key_rule = "key-sentence"

    blocked: dict[int, str] = {}
    for n, m in enumerate(matches):
        if cues.inside(m.start, foils):
            blocked[n] = "contrast"
        elif cues.inside(m.start, negated):
            blocked[n] = "negation"
    open_matches = [(n, m) for n, m in enumerate(matches) if n not in blocked]
    listed = _enumerated(text, spans, open_matches)
    sentences_of: dict[str, set[int]] = defaultdict(set)
    for n, m in open_matches:
        sentence = cues.sentence_index(spans, m.start)
        if n not in listed or sentence in key:
            sentences_of[m.entry.concept].add(sentence)

    tags: list[Tag] = []
    for n, m in enumerate(matches):
        sentence = cues.sentence_index(spans, m.start)
        if n in blocked:
            rule = blocked[n]
        elif kind == "title":
            rule = "title"
        elif kind == "about":
            rule = "about-field"
        elif kind == "lead" and sentence < LEAD_SENTENCES:
            rule = "lead-sentence"
        elif sentence in key:
            rule = key_rule
        elif kind == "statement":
            rule = "passing"
        elif n in listed:
            rule = "enumeration"
        elif len(sentences_of[m.entry.concept]) >= REPEATED:
            rule = "repeated"
        else:
            rule = "passing"
        relation = Relation.MENTIONS if rule in MENTION_RULES else Relation.ABOUT
        tags.append(Tag(
            concept=m.entry.concept, scheme=m.entry.scheme, relation=relation, field=field,
            words=text[m.start:m.end], start=m.start, end=m.end,
            prefix=text[max(0, m.start - CONTEXT_CHARS):m.start], suffix=text[m.end:m.end + CONTEXT_CHARS],
            rule=rule, score=SCORES[rule], label=m.entry.label, label_kind=m.entry.kind,
            language=language, sentence=sentence,
        ))
    return tuple(tags)


def work_fields(work: WorkRecord) -> list[tuple[str, str, str]]:
    """``(field, text, language)`` for every taggable field of a work record."""
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


def tag_work(work: WorkRecord, thesaurus: Thesaurus | None = None,
             cited_names: Sequence[str] | None = None) -> tuple[Tag, ...]:
    """Tag every field of ``work``: title, teaser, abstract (sections), body, citation statements."""
    if cited_names is None:
        cited_names = tuple(a.family for a in work.authors if a.family and not a.is_organisation)
    out: list[Tag] = []
    for field, text, language in work_fields(work):
        out.extend(tag(text, field, language, thesaurus, cited_names))
    return _work_level(out)


def _work_level(tags: list[Tag]) -> tuple[Tag, ...]:
    """Repetition across the work's own fields, and agreement between citation statements."""
    own: dict[str, set[tuple[str, int]]] = defaultdict(set)
    citing: dict[str, set[str]] = defaultdict(set)
    for t in tags:
        if t.field.startswith("statement/"):
            if t.rule == "citing-sentence":
                citing[t.concept].add(t.field)
        elif t.field != "teaser" and t.rule not in ("contrast", "negation", "enumeration"):
            own[t.concept].add((t.field, t.sentence))
    out: list[Tag] = []
    for t in tags:
        if t.rule == "passing" and not t.field.startswith("statement/") and len(own[t.concept]) >= REPEATED:
            t = replace(t, relation=Relation.ABOUT, rule="repeated", score=SCORES["repeated"])
        elif t.rule == "citing-sentence" and len(citing[t.concept]) < 2:
            t = replace(t, relation=Relation.MENTIONS, rule="single-statement", score=SCORES["single-statement"])
        out.append(t)
    return tuple(out)


def aggregate(tags: Iterable[Tag]) -> tuple[WorkConcept, ...]:
    """Work-level concepts: "about" when any field is about the concept, with every tag as evidence."""
    grouped: dict[str, list[Tag]] = defaultdict(list)
    for t in tags:
        grouped[t.concept].append(t)
    order = {s: i for i, s in enumerate(SCHEMES)}
    out = [
        WorkConcept(
            concept=iri, scheme=ts[0].scheme,
            relation=Relation.ABOUT if any(t.is_about for t in ts) else Relation.MENTIONS,
            tags=tuple(ts),
        )
        for iri, ts in grouped.items()
    ]
    return tuple(sorted(out, key=lambda wc: (order.get(wc.scheme, 99), wc.concept)))


def about_concepts(tags: Iterable[Tag], schemes: Iterable[str] = ("model", "setting", "theme")) -> frozenset[str]:
    """IRIs of the concepts the tags make the work about, in the given schemes."""
    wanted = set(schemes)
    return frozenset(wc.concept for wc in aggregate(tags) if wc.relation is Relation.ABOUT and wc.scheme in wanted)
