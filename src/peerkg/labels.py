"""How a node is named for a reader: the one language rule for labels, prefixed names, plain literal values.

The rule (:func:`label_languages`): the page's language, else the reader's ``Accept-Language``, else
English. :func:`choose_label` applies it to the labels a node has. Resource pages, named-query results
and the CLI all name nodes through these functions, so a concept with an ``@en`` and an ``@de`` label
comes out in English on an English page, whatever order the store returns them in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from peerkg.rdf.namespaces import PREFIXES

DEFAULT_LANGUAGE = "en"
# Which statement names a node, the most telling first: a concept's preferred label, a work's title, a
# person's name, any rdfs:label (ontology terms, decisions, abstract sections), a source document's file name,
# and last the words of an in-text citation or a citation statement (its beginning).
CONTENT = "http://purl.org/spar/c4o/hasContent"
LABEL_PREDICATES = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title",
                    "http://xmlns.com/foaf/0.1/name", "http://www.w3.org/2000/01/rdf-schema#label",
                    "http://purl.org/dc/terms/identifier", CONTENT)
CONTENT_WORDS = 80  # a label from c4o:hasContent is cut to about this many characters
_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def _tag(value: str | None) -> str:
    value = (value or "").strip()
    return value.lower() if _TAG.match(value) else ""


def _accepted(header: str | None) -> list[str]:
    """The language ranges of an ``Accept-Language`` header, most wanted first (``*`` and q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        lang, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, val = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        tag = _tag(lang)
        if tag and q > 0:
            ranked.append((-q, i, tag))
    return [tag for _q, _i, tag in sorted(ranked)]


def label_languages(page: str | None = None, accept_language: str | None = None) -> tuple[str, ...]:
    """THE language rule for labels: the page's language, else ``Accept-Language``, else English.

    Returns the languages to try, in order; English always comes last as the fallback. ``page`` is an
    explicit choice (``?lang=de``, ``peerkg query --lang de``); ``accept_language`` the request header."""
    chosen = _tag(page)
    wanted = [chosen] if chosen else _accepted(accept_language)
    out: list[str] = []
    for tag in [*wanted, DEFAULT_LANGUAGE]:
        if tag not in out:
            out.append(tag)
    return tuple(out)


def _rank(lang: str | None, languages: Sequence[str]) -> int:
    tag = (lang or "").lower()
    for i, wanted in enumerate(languages):
        if tag and (tag == wanted or tag.startswith(wanted + "-") or wanted.startswith(tag + "-")):
            return i
    return len(languages) if not tag else len(languages) + 1  # untagged before other languages


def label_language(labels: Iterable[tuple[str, str | None]], languages: Sequence[str] = (DEFAULT_LANGUAGE,)
                   ) -> tuple[str, str] | None:
    """The label to show among ``(text, language tag)`` pairs and its tag (``""`` when untagged), by
    :func:`label_languages`' order: the first wanted language that has one, else an untagged label, else
    any (the same one every time)."""
    best: tuple[int, str, str] | None = None
    for text, lang in labels:
        key = (_rank(lang, languages), text, lang or "")
        if best is None or key < best:
            best = key
    return None if best is None else (best[1], best[2])


def choose_label(labels: Iterable[tuple[str, str | None]], languages: Sequence[str] = (DEFAULT_LANGUAGE,)
                 ) -> str | None:
    """The text of :func:`label_language`'s choice."""
    best = label_language(labels, languages)
    return None if best is None else best[0]


def node_label(by_predicate: dict[str, list[tuple[str, str | None]]], languages: Sequence[str]
               ) -> tuple[str, str] | None:
    """The label of a node from its label statements ``{predicate: [(text, tag), …]}``: the first of
    :data:`LABEL_PREDICATES` it has, in the first of ``languages`` that has one (:func:`label_language`)."""
    for pred in LABEL_PREDICATES:
        if by_predicate.get(pred):
            chosen = label_language(by_predicate[pred], languages)
            if chosen and pred == CONTENT:
                text = " ".join(chosen[0].split())
                if len(text) > CONTENT_WORDS:
                    text = text[:CONTENT_WORDS].rsplit(" ", 1)[0] + "…"
                return text, chosen[1]
            return chosen
    return None


def prefixed(iri: str) -> str:
    """``rdf:type`` for ``http://www.w3.org/1999/02/22-rdf-syntax-ns#type``: the prefixed name by peerkg's
    prefixes (the longest namespace that fits), else the IRI itself."""
    best = ""
    name = iri
    for prefix, ns in PREFIXES.items():
        base = str(ns)
        local = iri[len(base):]
        if iri.startswith(base) and len(base) > len(best) and local and re.fullmatch(r"[\w.-]*[\w-]", local):
            best, name = base, f"{prefix}:{local}"
    return name


def plain_value(value: str, datatype: str | None = None) -> str:
    """A literal as a reader reads it: ``2010`` for ``"2010"^^xsd:gYear``, ``yes``/``no`` for booleans."""
    if datatype and datatype.endswith("#boolean"):
        return {"true": "yes", "1": "yes", "false": "no", "0": "no"}.get(value.strip(), value)
    return value
