"""Labelled tokens → field values: each field is a slice of the printed string.

The tagger says which field each token belongs to; this module cuts the fields out of the string,
splits the author and editor lists into people (at the separators the tagger marks, or where a
family name follows a complete name, as in Cambridge's ``Family, Given Family, Given`` lists), and
repairs only what is certain (hyphen look-alikes, abbreviated page ranges, a page range whose dash
was lost when exactly one split is a plausible range). Alphanumeric text that no field takes —
apart from the styles' own marker words — is returned as ``unparsed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerkg.model import PageRange, PersonName
from peerkg.normalise.pages import parse_pages
from peerkg.references.parts import is_organisation_name
from peerkg.references.tokens import Token

#: words the styles print around fields (never taken as unparsed text)
MARKER_WORDS = frozenset(re.split(r"\s+", """vol volume no nos issue iss number pp p pages page in ed eds edn
edition editor editors edited by available at from online retrieved accessed viewed cited on chapter chap ch
doi https http dx org www et al and und n d nd html htm internet url last published updated""".strip()))
_NAME_LABELS = {"a": ("af", "ag", "as"), "e": ("ef", "eg", "es")}
_STRIP_L = " ,.;:)]}”’\"'»-–"
_STRIP_R = " ,;:([{“‘\"'«-–"
_PAIRS = {")": "(", "]": "[", "”": "“", "’": "‘", "»": "«"}
_OPENERS = {"‘": "’", "“": "”", "(": ")", "'": "'"}
_KEEP_DOT = re.compile(r"(?:\b[A-Z]|\bal|\bed|\beds|\bIn[ck]|\bLtd|\bCo)\.$")
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s")
_NAME_THEN_INITIAL = re.compile(r"[^\W\d_]*[a-z][^\W\d_]*\s+[A-Z]$")  # a given name, then one initial
_RUN_OF_DIGITS = re.compile(r"\d{5,8}")


@dataclass
class Parsed:
    """Field values cut from one string (mutable scratch-pad; :mod:`.parser` freezes it)."""

    values: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # token index range per field
    conf: dict[str, float] = field(default_factory=dict)
    authors: list[PersonName] = field(default_factory=list)
    editors: list[PersonName] = field(default_factory=list)
    et_al: bool = False
    markers: set[str] = field(default_factory=set)  # "in", "eds-after-authors", "internet", "available"
    unparsed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def tidy(value: str) -> str:
    """Strip the punctuation around a field, keeping closing brackets/quotes that close inside it."""
    v = value.strip()
    while v and v[0] in _STRIP_R:
        if v[0] in "([{“‘«" and any(c in v for c in ")]}”’»"):
            break
        v = v[1:].lstrip()
    while v and v[-1] in _STRIP_L + ".":
        c = v[-1]
        if c in _PAIRS and _PAIRS[c] in v:
            break
        if c == "." and (v.endswith("..") or _KEEP_DOT.search(v)):
            break
        v = v[:-1].rstrip()
    return v


def _runs(labels: list[str]) -> list[tuple[str, int, int]]:
    runs: list[tuple[str, int, int]] = []
    for i, lab in enumerate(labels):
        if runs and runs[-1][0] == lab:
            runs[-1] = (lab, runs[-1][1], i + 1)
        else:
            runs.append((lab, i, i + 1))
    return runs


def _people(text: str, toks: list[Token], labels: list[str], probs: list[float], role: str,
            out: Parsed) -> list[PersonName]:
    fam, giv, sep = _NAME_LABELS[role]
    people: list[list[int]] = []
    cur: list[int] = []

    def has(lab: str) -> bool:
        return any(labels[j] == lab for j in cur)

    for i, lab in enumerate(labels):
        if lab == sep:
            if toks[i].text.casefold() in ("et", "al"):
                out.et_al = True
            if cur:
                people.append(cur)
            cur = []
        elif lab in (fam, giv):
            prev = labels[i - 1] if i else "O"
            if cur and lab == fam and prev == giv and has(fam) and has(giv):
                people.append(cur)  # "Repper, Julie Carter, Tim": a family name after a whole name
                cur = []
            elif cur and lab == giv and prev == fam and has(fam) and has(giv) and labels[cur[0]] == giv:
                people.append(cur)  # "J. Smith K. Jones"
                cur = []
            cur.append(i)
        elif cur and lab != "O":
            people.append(cur)
            cur = []
    if cur:
        people.append(cur)
    names: list[PersonName] = []
    for idx in people:
        f_idx = [j for j in idx if labels[j] == fam]
        g_idx = [j for j in idx if labels[j] == giv]
        written = tidy(text[toks[idx[0]].start: toks[idx[-1]].end]) if idx else ""
        if g_idx and toks[g_idx[-1]].text == "." and not written.endswith("."):
            written += "."  # "Smith, J." keeps the dot of its initial
        if not written:
            continue
        if not f_idx:  # a lone given-name piece: keep it as a name, never drop it
            names.append(PersonName(as_written=written, family=written))
            continue
        family = tidy(text[toks[f_idx[0]].start: toks[f_idx[-1]].end])
        given = text[toks[g_idx[0]].start: toks[g_idx[-1]].end].strip(" ,") if g_idx else ""
        if not _WORD.search(given):
            given, written = "", family
            names.append(PersonName(as_written=written, is_organisation=True) if is_organisation_name(written)
                         or len(written.split()) != 1 or written.isupper()
                         else PersonName(as_written=written, family=written))
            continue
        given = given.rstrip(",;:")
        end = toks[g_idx[-1]].end
        if _NAME_THEN_INITIAL.search(given) and text[end: end + 1] == ".":
            given += "."  # "Deegan, Patricia E. 1988.": the full stop that ends the names is the initial's too
        names.append(PersonName(as_written=written, family=family, given=given or None))
    return names


def pages_from(text: str, marked_plural: bool) -> PageRange | None:
    """Page range, with a lost dash restored when that is certain (``pp. 112834`` → 1128–1134)."""
    pr = parse_pages(text)
    digits = _SPACE.sub("", text)
    if pr and pr.end is None and _RUN_OF_DIGITS.fullmatch(digits):
        found = []
        for i in range(1, len(digits)):
            s, e = digits[:i], digits[i:]
            if e[0] == "0":
                continue
            full = parse_pages(f"{s}-{e}")
            if full and full.end and int(full.end) > int(s) and int(full.end) - int(s) <= 60 and len(e) <= len(s):
                found.append(full)
        half = len(digits) // 2
        halves = [f for f in found if len(digits) % 2 == 0 and f.start == digits[:half] and f.end == digits[half:]]
        if halves:  # both ends printed in full: "10421047" is 1042-1047
            return PageRange(start=halves[0].start, end=halves[0].end, as_written=text)
        if len(found) == 1 and (marked_plural or len(digits) >= 6):
            return PageRange(start=found[0].start, end=found[0].end, as_written=text)
    return pr


def cut(text: str, toks: list[Token], labels: list[str], probs: list[float]) -> Parsed:
    out = Parsed()
    for role in ("a", "e"):
        fam, giv, sep = _NAME_LABELS[role]
        idx = [i for i, lab in enumerate(labels) if lab in (fam, giv, sep)]
        if idx:
            sub = list(range(idx[0], idx[-1] + 1))
            names = _people(text, [toks[i] for i in sub], [labels[i] for i in sub], [probs[i] for i in sub], role, out)
            (out.authors if role == "a" else out.editors).extend(names)
            out.conf["authors" if role == "a" else "editors"] = min(probs[i] for i in idx)
            for i in sub:  # O tokens inside a name list ("Smith, J. (Ed.), Jones, K.")
                if labels[i] == "O" and toks[i].text.casefold() in ("ed", "eds", "editor", "editors"):
                    out.markers.add("eds-after-authors" if role == "a" else "eds")
    runs = _runs(labels)
    taken: dict[str, list[tuple[int, int]]] = {}
    for lab, i, j in runs:
        if lab in ("O", "af", "ag", "as", "ef", "eg", "es"):
            continue
        taken.setdefault(lab, []).append((i, j))
    for lab, spans in taken.items():
        merged = [spans[0]]
        for i, j in spans[1:]:
            gap = range(merged[-1][1], i)
            if all(labels[k] == "O" and toks[k].kind == "other" for k in gap) and len(gap) <= 2:
                merged[-1] = (merged[-1][0], j)
            else:
                merged.append((i, j))
        first_i, first_j = merged[0]
        while first_i > 0 and labels[first_i - 1] == "O" and toks[first_i - 1].text in _OPENERS:
            closer = _OPENERS[toks[first_i - 1].text]
            inside = [t.text for t in toks[first_i:first_j]]
            if closer in inside and inside.count(closer) > inside.count(toks[first_i - 1].text):
                first_i -= 1
            else:
                break
        if first_j < len(toks) and labels[first_j] == "O" and toks[first_j].text in _PAIRS:
            inside = [t.text for t in toks[first_i:first_j]]
            if inside.count(_PAIRS[toks[first_j].text]) > inside.count(toks[first_j].text):
                first_j += 1  # "Toronto (ON)": the closing bracket belongs to the field
        merged[0] = (first_i, first_j)
        if lab == "note":
            out.notes.extend(text[toks[i].start: toks[j - 1].end] for i, j in merged)
        else:
            out.values[lab] = text[toks[first_i].start: toks[first_j - 1].end]
            out.spans[lab] = (first_i, first_j)
            for i, j in merged[1:]:
                out.unparsed.append(text[toks[i].start: toks[j - 1].end])
        out.conf[lab] = min(probs[k] for i, j in merged for k in range(i, j))
    for i, lab in enumerate(labels):
        if lab != "O":
            continue
        low = toks[i].text.casefold()
        if low in ("in", "in:"):
            nxt = next((labels[k] for k in range(i + 1, len(labels)) if labels[k] != "O"), None)
            if nxt in ("ef", "eg", "container"):
                out.markers.add("in")
        elif low in ("internet", "online", "available", "retrieved", "accessed", "cited", "viewed"):
            out.markers.add("web")
            if low == "internet":
                out.markers.add("internet")
        if toks[i].kind in ("word", "num") and low not in MARKER_WORDS or toks[i].kind in ("url", "doi"):
            out.unparsed.append(toks[i].text)
    return out
