"""RDF terms as pages draw them: a label for every IRI (by the one language rule of :mod:`peerkg.labels`,
else its prefixed name), this server's link for IRIs under the base, and literal values without datatype
noise (``2010``, not ``2010^^gYear``)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from flask import has_request_context, request
from markupsafe import Markup, escape

from peerkg.labels import LABEL_PREDICATES, label_languages, node_label, plain_value, prefixed
from peerkg.web.lookups import select
from peerkg.web.state import config


def languages() -> tuple[str, ...]:
    """The label languages of this request (:func:`peerkg.labels.label_languages`): ``?lang=``, else the
    ``Accept-Language`` header, else English."""
    if not has_request_context():
        return label_languages()
    return label_languages(request.args.get("lang"), request.headers.get("Accept-Language"))


def local_href(iri: str) -> str:
    """The link to show for ``iri``: this server's path for IRIs under the base (keeping a ``?lang=`` the
    page was asked in, so the reader stays in their language), else the IRI itself."""
    base = config().base_iri
    if iri.startswith(base):
        path = request.script_root + "/" + iri[len(base):]
        lang = request.args.get("lang", "")
        if lang and "#" not in path and label_languages(lang)[0] == lang.lower():
            path += f"?lang={lang.lower()}"
        return path
    return iri


def label_rows(iris: set[str]) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Every label statement of ``iris``: ``{iri: {predicate: [(text, language), …]}}``."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris)[:1000])
    preds = " ".join(f"<{p}>" for p in LABEL_PREDICATES)
    rows = select(f"SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {preds} }} ?s ?p ?l }}", 8000)
    out: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        out[row["s"]["value"]][row["p"]["value"]].append((row["l"]["value"], row["l"].get("xml:lang", "")))
    return out


def labels_with_language(iris: set[str]) -> dict[str, tuple[str, str]]:
    """``(label, language tag)`` for each of ``iris`` that has a label (:func:`peerkg.labels.node_label`),
    in the request's language (:func:`languages`)."""
    langs = languages()
    out: dict[str, tuple[str, str]] = {}
    for iri, by_pred in label_rows(iris).items():
        chosen = node_label(by_pred, langs)
        if chosen:
            out[iri] = chosen
    return out


def labels_of(iris: set[str]) -> dict[str, str]:
    """A label (preferred label, title, name…) for each of ``iris`` that has one, by the language rule."""
    return {iri: text for iri, (text, _lang) in labels_with_language(iris).items()}


def cell(t: dict[str, str] | None, labels: dict[str, str]) -> dict[str, Any] | None:
    """A SPARQL JSON binding as the ``term`` macro draws it (``None`` for an unbound variable)."""
    return None if t is None else term(t, labels)


def term(t: dict[str, str], labels: dict[str, str]) -> dict[str, Any]:
    """``{iri, href, label}`` (label: from ``labels``, else the prefixed name), ``{bnode}`` or
    ``{literal, lang, datatype}`` (the value as read; the datatype as a prefixed name, for a tooltip)."""
    if t["type"] == "uri":
        iri = t["value"]
        return {"iri": iri, "href": local_href(iri), "label": labels.get(iri) or prefixed(iri)}
    if t["type"] == "bnode":
        return {"bnode": t["value"]}
    datatype = t.get("datatype")
    return {"literal": plain_value(t["value"], datatype), "lang": t.get("xml:lang"),
            "datatype": prefixed(datatype) if datatype else None}


def iri_term(iri: str, labels: dict[str, str]) -> dict[str, Any]:
    return term({"type": "uri", "value": iri}, labels)


IRI_IN_TEXT = re.compile(r"https?://[^\s<>\"'(),;]+[^\s<>\"'(),;.:]")


def iris_in(text: str) -> set[str]:
    """The IRIs written in a piece of text (a decision's evidence, an inference's)."""
    return set(IRI_IN_TEXT.findall(text))


def linked(text: str, labels: dict[str, str]) -> Markup:
    """``text`` (escaped) with each IRI in it a link named by its label where it has one."""
    out: list[str] = []
    last = 0
    for m in IRI_IN_TEXT.finditer(text):
        iri = m.group(0)
        out.append(str(escape(text[last:m.start()])))
        shown = labels.get(iri)
        name = escape(f"“{shown}”" if shown else iri)
        out.append(f'<a href="{escape(local_href(iri))}" title="{escape(iri)}">{name}</a>')
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))
