""""Referenced by" for a reader: what links to a node, grouped and labelled instead of raw IRIs.

The node's own parts (its author slots, concept annotations and their hits, in-text citations, citation
statements, stated counts, abstract) are counted per kind, with a link to the page's section that shows
them. Everything else is listed per predicate (at most :data:`SHOWN` entries each, nodes of one label
collapsed into one entry with their number), and a node without a label of
its own is named after its nearest labelled ancestor: ``…/reference/1/work/author/3`` is "author 3 of
Lived Experience Leading the Way…".
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from peerkg.labels import prefixed
from peerkg.web.lookups import Row, select, value
from peerkg.web.terms import iri_term, local_href

SHOWN = 25  # entries per predicate (after nodes of one label are collapsed into one)
READ = 300  # nodes per predicate read and labelled
PARTS = {  # first path segment under the node → (what they are, the page section that shows them)
    "annotation": ("concept annotations and their evidence", "#tags"),
    "pointer": ("in-text citations", "#citations"),
    "statement": ("citation statements", "#statements"),
    "count": ("stated counts", "#stated-counts"),
    "author": ("author slots", "#authors"),
    "abstract": ("abstract parts", "#abstract"),
    "reference": ("references", "#references"),
}
SEGMENTS = {"author": "author", "reference": "reference", "statement": "citation statement",
            "pointer": "in-text citation", "annotation": "annotation", "count": "count", "hit": "hit",
            "abstract": "abstract", "work": "cited work", "container": "venue"}


def ancestors(iri: str) -> list[str]:
    """The IRIs above ``iri`` at ``/`` boundaries, nearest first (``…/a/b/c`` → ``…/a/b``, ``…/a``)."""
    out = []
    head = iri
    while "/" in head.rstrip("/"):
        head = head.rsplit("/", 1)[0]
        if head.endswith(":/") or head.endswith("//") or head.count("/") < 4:
            break
        out.append(head)
    return out


INFERENCES = """SELECT ?i ?s ?p ?rule WHERE { VALUES ?i { %(iris)s }
  ?i a psmh:Inference ; rdf:subject ?s ; rdf:predicate ?p OPTIONAL { ?i psmh:rule ?rule } }"""


def inferences(iris: set[str]) -> dict[str, dict[str, str]]:
    """What each inference record of ``iris`` is about: ``{inference: {subject, predicate, rule}}``."""
    if not iris:
        return {}
    rows = select(INFERENCES % {"iris": " ".join(f"<{i}>" for i in sorted(iris)[:200])}, 400, prologue=True)
    return {value(r, "i"): {"subject": value(r, "s"), "predicate": value(r, "p"), "rule": value(r, "rule")}
            for r in rows}


def group_incoming(iri: str, rows: list[Row]) -> tuple[dict[str, Any], set[str]]:
    """``({"parts": [...], "by_predicate": {p: [subject IRIs]}, "more": {p: n}, "inferences": {…}}, IRIs to
    label)``."""
    parts: dict[str, set[str]] = defaultdict(set)
    by_predicate: dict[str, list[str]] = defaultdict(list)
    more: dict[str, int] = defaultdict(int)
    to_label: set[str] = set()
    for row in rows:
        subject, pred = row["o"], row["p"]["value"]
        if subject["type"] != "uri":
            continue
        s = subject["value"]
        rest = s[len(iri) + 1:] if s.startswith(iri + "/") else ""
        if rest and rest.split("/", 1)[0] in PARTS:
            parts[rest.split("/", 1)[0]].add(s)
        elif len(by_predicate[pred]) < READ:
            by_predicate[pred].append(s)
            to_label |= {s, *ancestors(s)}
        else:
            more[pred] += 1
    found = [{"kind": kind, "what": PARTS[kind][0], "anchor": PARTS[kind][1], "count": len(parts[kind])}
             for kind in PARTS if parts.get(kind)]
    about = inferences({s for subjects in by_predicate.values() for s in subjects})
    to_label |= {i["subject"] for i in about.values()}
    return {"parts": found, "by_predicate": dict(by_predicate), "more": dict(more), "inferences": about}, to_label


def derived_label(iri: str, labels: dict[str, str]) -> str:
    """A label for an unlabelled node from its nearest labelled ancestor ("author 3 of …"), else ""."""
    for up in ancestors(iri):
        if up in labels:
            steps = iri[len(up) + 1:].split("/")
            words = []
            i = 0
            while i < len(steps):
                segment = SEGMENTS.get(steps[i], steps[i])
                nxt = steps[i + 1] if i + 1 < len(steps) else ""
                m = re.fullmatch(r"(?:[0-9a-f]{16}-)?(\d+)", nxt)
                number = m.group(1) if m else ""
                words.append(f"{segment} {number}" if number else segment)
                i += 2 if nxt and (number or steps[i] in ("annotation", "hit", "count")) else 1
            return f"{' › '.join(words)} of “{labels[up]}”"
    return ""


def incoming_terms(incoming: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """The grouped links as the template draws them: predicates and subjects as labelled terms."""
    rows = []
    for pred, subjects in sorted(incoming["by_predicate"].items()):
        terms = []
        for s in subjects:
            t = iri_term(s, labels)
            inferred = incoming["inferences"].get(s)
            if inferred and s not in labels:
                t["label"] = (f"inference ({inferred['rule']}): {prefixed(inferred['predicate'])} of "
                              f"“{labels.get(inferred['subject']) or prefixed(inferred['subject'])}”")
            elif s not in labels or "/count/" in s:  # a count's own words are just its number
                t["label"] = derived_label(s, labels) or t["label"]
            terms.append(t)
        terms.sort(key=lambda t: t["label"].lower())
        collapsed = _collapse(terms)
        hidden = sum(t.get("times", 1) for t in collapsed[SHOWN:])
        rows.append({"predicate": iri_term(pred, labels), "subjects": collapsed[:SHOWN],
                     "more": incoming["more"].get(pred, 0) + hidden})
    return {"parts": incoming["parts"], "rows": rows, "href": local_href}


def _collapse(terms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nodes of one label shown once, with how many they are ("annotation › hit of “…” ×12")."""
    out: list[dict[str, Any]] = []
    for t in terms:
        if out and out[-1]["label"] == t["label"]:
            out[-1]["times"] = out[-1].get("times", 1) + 1
        else:
            out.append(t)
    for t in out:
        if t.get("times", 1) > 1:
            t["label"] = f"{t['label']} ×{t['times']}"
    return out
