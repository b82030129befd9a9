"""The language layer of the tagger: words, sentences and case of one field's text.

Tokens come from spaCy's blank pipelines (``spacy.blank("en")`` / ``"de"``: tokenizer rules and exceptions
only, no model download), with three infixes added so that the words of a label are words of the text too:
Unicode hyphens between letters ("peer‐run"), brackets and parentheses glued to words ("UK[1]",
"(teil-)stationärer") and slashes ("Design/methodology"). Sentences come from pysbd (rule-based sentence
boundary detection: abbreviations, initials, "et al.", citations), on the text with line breaks read as
spaces, so offsets stay those of the field.

A :class:`Word` is a token holding a letter or digit; punctuation tokens are gaps between words. Its
``key`` is the casefolded text with typographic apostrophes made plain ("’s" -> "'s"): matching compares keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd
import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

Span = tuple[int, int]

_EXTRA_INFIXES = (r"(?<=[^\W_])[\u00ad\u2010-\u2015](?=[^\W_])", r"[\[\]()/]")
_LANGUAGES = ("en", "de")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_HAS_WORD = re.compile(r"[^\W_]")
# Where a sentence could end inside a text: a stop, then space, then what may open a sentence. A text with
# none is one sentence, and pysbd (the costly step) is not asked.
_MAY_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]?[^\W_]")
TITLE_CASE_SHARE = 0.6  # share of content words capitalised that makes a text title-cased
_CONTENT_WORD = 4  # letters a word needs to count in the title-case share ("of", "the", "and" do not)


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # as in the field
    key: str  # what matching compares: casefolded, apostrophes made plain
    sentence: int  # index into Analysis.sentences
    first: bool  # the first word of its sentence (or after a colon, dash or opening quote)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Analysis:
    """One field's text as the tagger reads it."""

    text: str
    language: str
    words: tuple[Word, ...]
    sentences: tuple[Span, ...]
    title_case: bool  # headline style (most content words capitalised): in a title, case says nothing about names

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def words_of(self, sentence: int) -> list[Word]:
        return [w for w in self.words if w.sentence == sentence]


def language_of(tag: str | None) -> str:
    """The pipeline for a BCP 47 tag: ``de`` for German, ``en`` for everything else."""
    primary = (tag or "en").split("-")[0].lower()
    return primary if primary in _LANGUAGES else "en"


@lru_cache(maxsize=2)
def pipeline(language: str) -> Language:
    """spaCy's blank pipeline for ``language`` with the extra infixes (built once per process)."""
    nlp = spacy.blank(language)
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@lru_cache(maxsize=2)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def key(text: str) -> str:
    return text.casefold().translate(_APOSTROPHES)


def label_keys(label: str, language: str) -> tuple[str, ...]:
    """The word keys of a thesaurus label, tokenized as text is."""
    return tuple(key(t.text) for t in pipeline(language).make_doc(label) if _HAS_WORD.search(t.text))


def sentence_spans(text: str, language: str) -> tuple[Span, ...]:
    """Sentence spans of ``text`` (0-based, end-exclusive), found by pysbd and located in the text in order."""
    if not text.strip():
        return ()
    flat = text.replace("\r", " ").replace("\n", " ")
    if not _MAY_END.search(flat):
        stripped = flat.strip()
        at = flat.find(stripped)
        return ((at, at + len(stripped)),)
    try:
        pieces = _segmenter(language).segment(flat)
    except Exception:  # pysbd fails on some odd inputs; the field is then one sentence
        pieces = [flat]
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        stripped = str(piece).strip()
        if not stripped:
            continue
        at = flat.find(stripped, cursor)
        if at < 0:
            continue
        spans.append((at, at + len(stripped)))
        cursor = at + len(stripped)
    if not spans:
        stripped = flat.strip()
        at = flat.find(stripped)
        return ((at, at + len(stripped)),)
    return tuple(spans)  # a word pysbd left out (rare) belongs to the sentence before it


def _title_case(words: list[tuple[int, int, str]]) -> bool:
    content = [t for _, _, t in words if len(t) >= _CONTENT_WORD and t[:1].isalpha()]
    if len(content) < 2:
        return False
    return sum(t[:1].isupper() for t in content) / len(content) >= TITLE_CASE_SHARE


_OPENERS = frozenset(":;“\"‘'(–—-•")


@lru_cache(maxsize=4096)
def analyse(text: str, language: str = "en") -> Analysis:
    """Words, sentences and case of ``text`` (cached: a merged work's copies of a field are read once)."""
    language = language_of(language)
    spans = sentence_spans(text, language)
    doc = pipeline(language).make_doc(text)
    raw = [(t.idx, t.idx + len(t.text), t.text) for t in doc if _HAS_WORD.search(t.text)]
    words: list[Word] = []
    sentence = 0
    previous_end = -1
    for start, end, token in raw:
        while sentence + 1 < len(spans) and start >= spans[sentence + 1][0]:
            sentence += 1
        opens = bool(spans) and (not words or words[-1].sentence != sentence)
        between = text[previous_end:start].strip() if previous_end >= 0 else ""
        first = opens or bool(between) and between[-1] in _OPENERS
        words.append(Word(start, end, token, key(token), sentence, first))
        previous_end = end
    return Analysis(text=text, language=language, words=tuple(words), sentences=spans or ((0, len(text)),),
                    title_case=_title_case(raw))
