"""Sentences, key sentences, and contrast / negation cues: the text signals the tagger's rules read.

Everything works on character offsets into the field's text, so tags keep exact evidence.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

# --------------------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9ÄÖÜ])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|al|cf|pp?|vol|no|nos|dr|mr|mrs|ms|st|vs|ed|eds|fig|ch|S|z\.B|bzw|ca|vgl)"
    r"|\b[A-Z])\.[\"'”’)\]]*$",
)


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (0-based, end-exclusive), skipping abbreviations and initials."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text, max(start, m.start() - 8), m.start()):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def sentence_index(spans: list[Span], offset: int) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= offset < e:
            return i
    return max(len(spans) - 1, 0)


# --------------------------------------------------------------------------------- key sentences

# A sentence that speaks about the work itself ("This paper…", "The findings suggest…").
_SELF_REFERENCE = {
    "en": re.compile(
        r"\b(?:this|these|the present|our)\s+(?:paper|article|study|chapter|editorial|book|review|report"
        r"|viewpoint|narrative|research|project|evaluation)\b"
        r"|\bthe\s+(?:paper|article|chapter|editorial|authors?|findings)\b|\bwe\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:diese[rsm]?|meine[rm]?|unsere[rm]?)\s+(?:Arbeit|Studie|Beitrag|Beitrags|Artikel|Dissertation"
        r"|Untersuchung)\b|\bwir\b",
    ),
}

# A parenthetical in-text citation: "(Beales & Wilson, 2015)", "(Beales und Wilson 2015)", "(Beales & Wilson )".
_CITATION = re.compile(r"\((?=[^()]*[A-Z])[^()]*(?:\b(?:1[89]|20)\d{2}[a-z]?\b|&|\bet al\b|\bund\b)[^()]*\)")


def self_reference_sentences(text: str, spans: list[Span], language: str) -> set[int]:
    cue = _SELF_REFERENCE.get(language, _SELF_REFERENCE["en"])
    return {i for i, (s, e) in enumerate(spans) if cue.search(text, s, e)}


def citing_sentences(text: str, spans: list[Span], names: tuple[str, ...] = ()) -> set[int]:
    """Sentences that cite the cited work: those naming one of ``names`` (family names of its authors),
    or, when no names are known, those holding any parenthetical citation."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else _CITATION
    return {i for i, (s, e) in enumerate(spans) if pattern.search(text, s, e)}


# ------------------------------------------------------------------------------ contrast, negation

# "most papers address X", "an abundance of literature on X": X is what *other* work covers, the foil.
_LITERATURE_FOIL = re.compile(
    r"\b(?:most|many|much)\s+(?:of\s+the\s+)?(?:papers|studies|research|literature|articles|evaluations)\b"
    r"|\b(?:an\s+)?abundance\s+of\b|\bprevious(?:ly)?\s+(?:research|studies|work)\b"
    r"|\b(?:has|have)\s+(?:mostly|largely|mainly)\s+focused\b|\bthe\s+majority\s+of\s+(?:papers|studies)\b",
    re.IGNORECASE,
)
# "unlike X", "rather than X", "very different from X": the foil follows the cue.
_CONTRAST = {
    "en": re.compile(
        r"\bunlike\b|\brather\s+than\b|\binstead\s+of\b|\bas\s+opposed\s+to\b|\bin\s+contrast\s+to\b"
        r"|\b(?:very\s+|quite\s+|markedly\s+)?different\s+(?:from|to)\b|\bother\s+than\b",
        re.IGNORECASE,
    ),
    "de": re.compile(r"\bim\s+Gegensatz\s+zu[mr]?\b|\banders\s+als\b|\b(?:an)?statt\b|\bim\s+Unterschied\s+zu[mr]?\b"),
}
# Negators govern the next few words only; "not only … but also" is not a negation.
_NEGATOR = {
    "en": re.compile(
        r"\b(?:not|never|nor|neither)\b(?!\s+(?:only|just|least|merely|surprisingly|least)\b)",
        re.IGNORECASE,
    ),
    "de": re.compile(r"\b(?:nicht|kein(?:e|en|er|em|es)?|nie|weder)\b(?!\s+nur\b)"),
}
NEGATION_WINDOW = 3  # words after a negator that it governs
_CLAUSE_END = re.compile(
    r"[,;:()]|\s(?:but|whereas|while|which|making|although|though|yet|aber|sondern|während)\b|\s[–—]\s"
)
_WORD = re.compile(r"[^\W_]+")


def _clause_end(text: str, start: int, end: int) -> int:
    m = _CLAUSE_END.search(text, start, end)
    return m.start() if m else end


def contrast_spans(text: str, span: Span, language: str) -> list[Span]:
    """Foil spans of one sentence: what the sentence sets its topic against."""
    s, e = span
    literature = list(_LITERATURE_FOIL.finditer(text, s, e)) if language == "en" else []
    if literature:
        return [(m.start(), _clause_end(text, m.end(), e)) for m in literature]
    cue = _CONTRAST.get(language, _CONTRAST["en"])
    return [(m.end(), _clause_end(text, m.end(), e)) for m in cue.finditer(text, s, e)]


def negation_spans(text: str, span: Span, language: str) -> list[Span]:
    """Spans governed by a negator: the next NEGATION_WINDOW words, within the clause."""
    s, e = span
    out: list[Span] = []
    for m in _NEGATOR.get(language, _NEGATOR["en"]).finditer(text, s, e):
        clause_end = _clause_end(text, m.end(), e)
        words = list(_WORD.finditer(text, m.end(), clause_end))[:NEGATION_WINDOW]
        if words:
            out.append((m.end(), words[-1].end()))
    return out


def inside(offset: int, spans: list[Span]) -> bool:
    return any(s <= offset < e for s, e in spans)
