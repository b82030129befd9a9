"""What a sentence says about the concepts in it: the cues the tagger's rules read.

Every function takes the field's text and one sentence span (from :mod:`peerkg.concepts.text`) and returns
character spans, so that tags keep exact evidence.

* **aim** — "This paper aims to …", "The purpose of this article is to …", "This study explores …",
  "The authors argue …", "We describe …": the text after the cue is the work's object; the words between
  "this" and "paper" ("this service user narrative and viewpoint article") only say what kind of work it is;
* **reported** — "It has been argued that …", "Slade et al. (2017) claim that …": other people's claims;
* **other work** — "An earlier paper focuses on …": a sentence about another work;
* **finding** — "Challenges have included …", "these included …": what the work found, listed;
* **modifier** — "from a lived experience perspective", "(which is) often known as intentional peer
  support": the concept qualifies or names, it is not the topic;
* **contrast** — "most papers address X", "unlike X", "rather than X", "very different from X", "outside X":
  X is the foil;
* **negation** — "not", "never", "nor": the next three words of the clause ("not only … but also" is none).
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_PAPER = r"(?:paper|article|study|chapter|editorial|book|viewpoint|essay|commentary|thesis|dissertation)"
_WORK = (r"(?:paper|article|study|chapter|editorial|book|review|report|viewpoint|narrative|research|project"
         r"|evaluation|analysis|essay|commentary|account|case study|thesis|dissertation)")
_AIM_VERBS = (
    r"(?:aims?|seeks?|sets? out|attempts?|intends?|wants?)\s+to|(?:has\s+|have\s+)?(?:also\s+)?"
    r"(?:describes?|described|explores?|explored|examines?|examined|reviews?|reviewed|outlines?|outlined"
    r"|discuss(?:es)?|discussed|presents?|presented|reports?\s+on|reported\s+on|investigates?|investigated"
    r"|evaluates?|evaluated|explains?|explained|considers?|considered|looks?\s+at|looked\s+at"
    r"|focus(?:es)?\s+on|focused\s+on|address(?:es)?|addressed|argues?|argued|provides?|provided"
    r"|highlights?|highlighted|analy[sz]es|analy[sz]ed|assess(?:es)?|assessed|summari[sz]es|summari[sz]ed"
    r"|critiques?|critiqued|documents|documented|charts|charted|traces|traced|introduces|introduced)"
)
_AIM = {
    "en": re.compile(
        r"\b(?:the|our|my)\s+(?:main\s+|overall\s+|primary\s+)?(?:purpose|aims?|objectives?|goals?|intention)"
        r"\s+of\s+(?:this|the\s+present|our|the)\b[^.;]{0,60}?\b" + _WORK + r"s?\s+(?:is|was|are|were)\s+to\b"
        r"|\b(?:this|the\s+present|our|in\s+this)\b[^.;,]{0,60}?\b" + _WORK + r"\s+(?:" + _AIM_VERBS + r")\b"
        r"|\bthe\s+" + _PAPER + r"\s+(?:" + _AIM_VERBS + r")\b"
        r"|\bthe\s+authors?\s+(?:also\s+)?(?:" + _AIM_VERBS + r")\b"
        r"|\bthe\s+authors?\b[^.;]{0,120}?\band\s+(?:argues?|argued)\b"
        r"|\bwe\s+(?:also\s+)?(?:" + _AIM_VERBS + r")\b"
        r"|\b(?:it|this)\s+(?:also\s+)?(?:aims|seeks|sets out|presents|provides|describes|explores|examines"
        r"|outlines|reviews|discusses)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:Ziel|Gegenstand|Im\s+Zentrum)\s+(?:meiner|dieser|unserer|der)\s+(?:Arbeit|Studie|Dissertation"
        r"|Untersuchung|Beitrags?)\b|\b(?:diese|meine|unsere)\s+(?:Arbeit|Studie|Dissertation|Untersuchung)\s+"
        r"(?:untersucht|beschreibt|zeigt|analysiert|fragt)\b",
    ),
}
_REPORTED = re.compile(
    r"\bit\s+(?:has|had)?\s*(?:been|is|was)\s+(?:argued|claimed|suggested|said|asserted|contended)\b"
    r"|\b(?:some|others|critics|commentators)\s+(?:have\s+)?(?:argue|argued|claim|claimed|suggest|suggested)\b"
    r"|\b(?:claims?|claimed|says|said|contends?|asserts?)\s+(?:that|they)\b",
    re.IGNORECASE,
)
_OTHER_WORK = re.compile(
    r"\b(?:an?|the)\s+(?:earlier|previous|prior|companion|forthcoming|later|first)\s+" + _WORK + r"\b",
    re.IGNORECASE,
)
_FINDING = re.compile(
    r"\b(?:challenges|difficulties|barriers|benefits|issues|themes|tensions|problems|concerns|obstacles"
    r"|lessons|facilitators)\s+(?:encountered\s+|identified\s+|found\s+|reported\s+)?(?:have\s+|has\s+|had\s+)?"
    r"(?:included|include|includes|comprised)\b|\bthese\s+(?:have\s+)?(?:included|include)\b",
    re.IGNORECASE,
)
_FINDING_END = re.compile(r"\b(?:but|whereas|although|though|however|yet)\b|[–—]\s")
_PERSPECTIVE = re.compile(
    r"\bfrom\s+(?:a|an|the|their|his|her|its|my|our)\s+(?P<m>[^.;,()]{1,50}?)\s+"
    r"(?:perspective|point\s+of\s+view|standpoint|viewpoint|lens)s?\b",
    re.IGNORECASE,
)
_NAMING = re.compile(
    r"\b(?:(?:known|referred\s+to|described|defined)\s+as|(?:called|termed|labelled|labeled|dubbed|named))\s+",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"[,;:]|\s(?:but|whereas|while|which|and|or|as)\s")

# "most papers address X", "an abundance of literature on X": X is what *other* work covers, the foil.
_LITERATURE_FOIL = re.compile(
    r"\b(?:most|many|much)\s+(?:of\s+the\s+)?(?:papers|studies|research|literature|articles|evaluations)\b"
    r"|\b(?:an\s+)?abundance\s+of\b|\bprevious(?:ly)?\s+(?:research|studies|work)\b"
    r"|\b(?:has|have)\s+(?:mostly|largely|mainly)\s+focused\b|\bthe\s+majority\s+of\s+(?:papers|studies)\b",
    re.IGNORECASE,
)
_CONTRAST = {
    "en": re.compile(
        r"\bunlike\b|\brather\s+than\b|\binstead\s+of\b|\bas\s+opposed\s+to\b|\bin\s+contrast\s+to\b"
        r"|\b(?:very\s+|quite\s+|markedly\s+)?different\s+(?:from|to)\b|\bother\s+than\b|\boutside(?:\s+of)?\b",
        re.IGNORECASE,
    ),
    "de": re.compile(r"\bim\s+Gegensatz\s+zu[mr]?\b|\banders\s+als\b|\b(?:an)?statt\b|\bim\s+Unterschied\s+zu[mr]?\b"),
}
_NEGATOR = {
    "en": re.compile(
        r"\b(?:not|never|nor|neither)\b(?!\s+(?:only|just|least|merely|surprisingly)\b)",
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


def aim(text: str, span: Span, language: str) -> tuple[Span, Span] | None:
    """``(cue, object)`` when the sentence states the work's aim: the cue's span (its words only say what
    kind of work it is) and the rest of the sentence, the work's object."""
    s, e = span
    m = _AIM.get(language, _AIM["en"]).search(text, s, e)
    return ((m.start(), m.end()), (m.end(), e)) if m else None


def reported(text: str, span: Span) -> bool:
    return bool(_REPORTED.search(text, *span))


def other_work(text: str, span: Span) -> bool:
    return bool(_OTHER_WORK.search(text, *span))


def findings(text: str, span: Span) -> list[Span]:
    """What a "challenges have included …" cue lists: from the cue to a contrast or the sentence's end."""
    s, e = span
    out = []
    for m in _FINDING.finditer(text, s, e):
        stop = _FINDING_END.search(text, m.end(), e)
        out.append((m.end(), stop.start() if stop else e))
    return out


def modifiers(text: str, span: Span) -> list[Span]:
    """Words that qualify or name rather than state a topic: perspectives and "known as X"."""
    s, e = span
    out = [(m.start("m"), m.end("m")) for m in _PERSPECTIVE.finditer(text, s, e)]
    for m in _NAMING.finditer(text, s, e):
        stop = _NAME_END.search(text, m.end(), e)
        out.append((m.end(), stop.start() if stop else e))
    return out


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
