"""Find thesaurus labels in a field's text with spaCy's rule matchers, knowing case, names and context.

* Labels are matched word by word (:mod:`peerkg.concepts.text`) with a ``PhraseMatcher`` over the words'
  keys. Between the words of a label the text may have a short run of spaces, line breaks, hyphens or
  apostrophes ("peer-run" = "peer‐run" = "peer run"), never other punctuation.
* A one-word label written with a capital (IPS, NHS, Mind, German nouns) matches only as written.
* A label written in lower case does not match words capitalised inside a sentence — they are part of a
  name ("Matt Ward", "Independent Mental Health Advocate", "User Empowerment: Ten Years On"). A one-word
  label is then no match; a longer one ("Peer Support in the Community programme") is a match *in a name*,
  which the tagger counts as a mention only. A title in Title Case is exempt.
* Words inside a quoted title ("… ‘Saving the Day Centre’ …", four or more words, or two or more in Title
  Case) are in a name too: the title of another work; so are words inside a parenthetical in-text
  citation ("(Mind, 2013, p. 1)"): the author of another work.
* Labels that are common words need the context :data:`peerkg.concepts.context.CONTEXTS` gives them.
* Longest match first: a match inside a longer one is dropped ("intentional peer support" wins over "peer
  support"), except a place inside an organisation's name ("Nottinghamshire Healthcare NHS Trust",
  "Bipolar UK") and a model or population inside a theme ("the mental health of peer support workers"),
  which are found too. Partly overlapping matches are both kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from peerkg.concepts.context import CONTEXTS, LabelContext
from peerkg.concepts.records import LabelKind
from peerkg.concepts.text import Analysis, label_keys, pipeline
from peerkg.concepts.thesaurus import VOCAB, Thesaurus

_GAP = re.compile(r"[\s\-\u00ad\u2010-\u2013'\u2019]{0,4}")
_KIND_RANK = {LabelKind.PREF: 0, LabelKind.ALT: 1, LabelKind.HIDDEN: 2}
_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[“\"‘'](?=\S)(?P<q>[^“”\"\n]{2,200}?)(?<=\S)[”\"’'](?=$|[\s.,;:)\]!?])")
_QUOTED_WORDS = 4
# A parenthetical in-text citation: "(Mind, 2013, p. 1)", "(see, e.g. Chamberlin, 1978; OHagan, 2014)".
_CITATION = re.compile(r"\((?=[^()]*[A-Z])[^()]*\b(?:1[89]|20)\d{2}[a-z]?\b[^()]*\)")
NAMED_SCHEMES = frozenset({"organisation", "place"})  # their labels are names themselves
# (inner scheme, outer scheme): a match inside a longer one that is kept — a place in an organisation's
# name, the peer workers in "the mental health of peer support workers"
NESTED = frozenset({("place", "organisation"), ("model", "theme"), ("population", "theme")})


@dataclass(frozen=True)
class Entry:
    """One label of one concept, as the matcher knows it."""

    keys: tuple[str, ...]
    concept: str
    scheme: str
    label: str
    kind: LabelKind
    exact: bool  # one word with a capital: must match as written
    lower: bool  # written in lower case: its words may not be capitalised inside a sentence
    context: LabelContext | None


@dataclass(frozen=True)
class Match:
    start: int  # character offsets into the field's text
    end: int
    first_word: int  # word indexes, end-exclusive
    last_word: int
    entry: Entry
    in_name: bool = False


@dataclass(frozen=True)
class LabelIndex:
    entries: dict[str, tuple[Entry, ...]]  # PhraseMatcher key -> the entries sharing those words
    phrases: PhraseMatcher
    contexts: Matcher


def _concept_key(iri: str) -> str:
    return iri[len(VOCAB):] if iri.startswith(VOCAB) else iri


@lru_cache(maxsize=8)
def label_index(thesaurus: Thesaurus, language: str) -> LabelIndex:
    """The matchers for the labels of ``language`` (untagged labels count as English)."""
    vocab = pipeline(language).vocab
    grouped: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for concept in thesaurus:
        for label in sorted(concept.labels, key=lambda lab: _KIND_RANK[lab.kind]):
            if label.language != language and not (language == "en" and label.language == ""):
                continue
            keys = label_keys(label.text, language)
            if not keys or (concept.iri, keys) in seen:
                continue
            seen.add((concept.iri, keys))
            exact = len(keys) == 1 and any(ch.isupper() for ch in label.text)
            context = CONTEXTS.get((_concept_key(concept.iri), label.text))
            grouped[keys].append(Entry(keys, concept.iri, concept.scheme, label.text, label.kind, exact,
                                       label.text == label.text.lower(), context))
    phrases = PhraseMatcher(vocab, attr="ORTH")
    contexts = Matcher(vocab)
    entries: dict[str, tuple[Entry, ...]] = {}
    for n, (keys, group) in enumerate(sorted(grouped.items())):
        name = f"label{n}"
        entries[name] = tuple(group)
        phrases.add(name, [Doc(vocab, words=list(keys))])
        for entry in group:
            if entry.context is not None:
                for kind, patterns in (("requires", entry.context.requires), ("rejects", entry.context.rejects)):
                    if patterns:
                        contexts.add(f"{kind}|{entry.concept}|{entry.label}", list(patterns))
    return LabelIndex(entries, phrases, contexts)


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of quoted titles of other works (not scare quotes round a word or two)."""
    spans = []
    for m in _QUOTED.finditer(text):
        words = re.findall(r"[^\W\d_][^\W_]*", m.group("q"))
        capitalised = sum(w[:1].isupper() for w in words if len(w) > 3)
        if len(words) >= _QUOTED_WORDS or (len(words) >= 2 and capitalised >= 2):
            spans.append((m.start("q"), m.end("q")))
    return spans


def _peer_context(analysis: Analysis, sentence: int) -> bool:
    return any(w.key.startswith("peer") for w in analysis.words if w.sentence in (sentence, sentence - 1))


def _context_ok(entry: Entry, match: tuple[int, int], analysis: Analysis,
                covering: dict[str, list[tuple[int, int]]]) -> bool:
    context = entry.context
    if context is None:
        return True
    start, end = match
    if context.peer and not _peer_context(analysis, analysis.words[start].sentence):
        return False

    def covered(kind: str) -> bool:
        return any(s <= start and end <= e for s, e in covering.get(f"{kind}|{entry.concept}|{entry.label}", ()))

    if context.requires and not covered("requires"):
        return False
    return not (context.rejects and covered("rejects"))


def find_matches(analysis: Analysis, thesaurus: Thesaurus, headline: bool = False) -> list[Match]:
    """Every label occurrence in the analysed text (see the module docstring for the rules). ``headline``:
    the text is a title, so capitals in Title Case say nothing about names."""
    words = analysis.words
    if not words:
        return []
    index = label_index(thesaurus, analysis.language)
    doc = Doc(index.phrases.vocab, words=[w.key for w in words])
    covering: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match_id, s, e in index.contexts(doc):
        covering[index.contexts.vocab.strings[match_id]].append((s, e))
    quoted = _quoted_titles(analysis.text) + [m.span() for m in _CITATION.finditer(analysis.text)]
    check_case = analysis.language == "en" and not (headline and analysis.title_case)
    found: list[Match] = []
    for match_id, i, j in index.phrases(doc):
        if any(not _GAP.fullmatch(analysis.text, words[k].end, words[k + 1].start) for k in range(i, j - 1)):
            continue
        span = words[i:j]
        for entry in index.entries[index.phrases.vocab.strings[match_id]]:
            if entry.exact and span[0].text.translate(str.maketrans("’", "'")) != entry.label:
                continue
            if not _context_ok(entry, (i, j), analysis, covering):
                continue
            in_name = any(s <= span[0].start and span[-1].end <= e for s, e in quoted)
            if check_case and entry.lower and entry.scheme not in NAMED_SCHEMES \
                    and any(w.capitalised and not w.first for w in span):
                if j - i == 1:
                    continue  # a lower-case word capitalised inside a sentence: a name, not the concept
                in_name = True
            found.append(Match(span[0].start, span[-1].end, i, j, entry, in_name))
    found.sort(key=lambda m: (m.start, -m.end, m.entry.concept))
    return [m for m in found if not _inside_longer(m, found)]


def _inside_longer(m: Match, matches: list[Match]) -> bool:
    return any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
               and (m.entry.scheme, o.entry.scheme) not in NESTED for o in matches)
