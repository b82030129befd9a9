"""Concept tags as pages show them: a work's concepts (one entry per concept, its strongest evidence first)
and a concept's works (those about it, directly or through a narrower concept, and those that mention it).

Both read the compact annotations (one ``oa:Annotation`` per work × concept, graph ``…/graph/annotations``)
and, when the store holds it, every further hit (graph ``…/graph/evidence``). Every look-up is a bounded
SELECT through the backend (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from typing import Any

from peerkg.labels import choose_label, label_language
from peerkg.web.lookups import Row, select, value

OA_CLASSIFYING = "http://www.w3.org/ns/oa#classifying"
ABSTRACT = "http://purl.org/spar/fabio/Abstract"
STATEMENT = "https://w3id.org/psmh/ontology#CitationStatement"
SCHEMES = ("model", "setting", "theme", "population", "organisation", "place")
VOCAB = "https://w3id.org/psmh/vocab/"

# The work's annotations (their target is the work), with every hit the store holds (graph evidence) and
# which one is the strongest (graph annotations).
WORK_HITS = """SELECT ?a ?concept ?label ?motivation ?rule ?hits ?strong ?target ?source ?kind ?heading ?spos
       ?field ?exact ?prefix ?suffix ?start ?end ?hrule ?score WHERE {
  ?a oa:hasTarget <%(iri)s> ; oa:hasBody ?concept ; oa:motivatedBy ?motivation .
  OPTIONAL { ?a psmh:hitCount ?hits } OPTIONAL { ?a psmh:rule ?rule } OPTIONAL { ?a psmh:strongestHit ?strong }
  OPTIONAL { ?concept skos:prefLabel ?label FILTER (lang(?label) = "en") }
  OPTIONAL { ?a psmh:hit ?target .
    OPTIONAL { ?target oa:hasSource ?source
               OPTIONAL { ?source a ?kind VALUES ?kind { fabio:Abstract psmh:CitationStatement } }
               OPTIONAL { ?source rdfs:label ?heading FILTER (?source != <%(iri)s>) }
               OPTIONAL { ?source schema:position ?spos } }
    OPTIONAL { ?target psmh:annotatedField ?field } OPTIONAL { ?target psmh:rule ?hrule }
    OPTIONAL { ?target psmh:score ?score }
    OPTIONAL { ?target oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact
               OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix } }
    OPTIONAL { ?target oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end } } }"""

# Works about the concept or a narrower one (their direct links), with the annotation that says so.
CONCEPT_ABOUT = """SELECT DISTINCT ?work ?title ?year ?concept ?label ?rule ?hits WHERE {
  ?concept skos:broader* <%(iri)s> .
  VALUES ?p { psmh:peerSupportModel psmh:setting psmh:theme dcterms:subject }
  ?work ?p ?concept ; a dcterms:BibliographicResource .
  OPTIONAL { ?concept skos:prefLabel ?label FILTER (lang(?label) = "en") }
  OPTIONAL { ?work dcterms:title ?title } OPTIONAL { ?work fabio:hasPublicationYear ?year }
  OPTIONAL { ?a oa:hasTarget ?work ; oa:hasBody ?concept ; oa:motivatedBy oa:classifying ; psmh:hitCount ?hits
             OPTIONAL { ?a psmh:rule ?rule } }
} ORDER BY DESC(?year) ?work"""

# Works whose annotation of the concept is a mention, with the words of its strongest hit.
CONCEPT_MENTIONS = """SELECT DISTINCT ?work ?title ?year ?rule ?hits ?exact ?field WHERE {
  ?a oa:hasBody <%(iri)s> ; oa:motivatedBy oa:tagging ; oa:hasTarget ?work .
  OPTIONAL { ?a psmh:rule ?rule } OPTIONAL { ?a psmh:hitCount ?hits }
  OPTIONAL { ?a psmh:strongestHit ?t OPTIONAL { ?t psmh:annotatedField ?field }
             OPTIONAL { ?t oa:hasSelector ?q . ?q oa:exact ?exact } }
  OPTIONAL { ?work dcterms:title ?title } OPTIONAL { ?work fabio:hasPublicationYear ?year }
} ORDER BY DESC(?year) ?work"""


# What the thesaurus says about the concept: definition, other labels, broader and narrower concepts, scheme.
CONCEPT_FACTS = """SELECT ?rel ?o ?text WHERE {
  { <%(iri)s> skos:definition ?text BIND ("definition" AS ?rel) }
  UNION { <%(iri)s> skos:altLabel ?text BIND ("alt" AS ?rel) }
  UNION { <%(iri)s> skos:broader ?o BIND ("broader" AS ?rel) }
  UNION { ?o skos:broader <%(iri)s> BIND ("narrower" AS ?rel) }
  UNION { <%(iri)s> skos:inScheme ?o BIND ("scheme" AS ?rel) } }"""


def _q(query: str, iri: str, limit: int = 5000) -> list[Row]:
    return select(query % {"iri": iri}, limit, prologue=True)


def field_label(row: Row, iri: str) -> str:
    """Where the words are, for a reader: title, teaser, body, abstract, abstract section “…”, citation
    statement n."""
    field, source, kind = value(row, "field"), value(row, "source"), value(row, "kind")
    if kind == STATEMENT or field.startswith("statement/"):
        return f"citation statement {value(row, 'spos') or field.partition('/')[2] or '?'}"
    if field.startswith("abstract/") or (source != iri and kind != ABSTRACT and not field):
        heading = value(row, "heading") or field.partition("/")[2].replace("-", " ").capitalize()
        return f"abstract section “{heading}”" if heading else "abstract section"
    if kind == ABSTRACT or field == "abstract":
        return "abstract"
    return field or "body"


def _hit(row: Row, iri: str) -> dict[str, Any]:
    return {"target": value(row, "target"), "annotation": value(row, "a"), "exact": value(row, "exact"),
            "prefix": value(row, "prefix"), "suffix": value(row, "suffix"), "field": field_label(row, iri),
            "source": value(row, "source"), "start": value(row, "start"), "end": value(row, "end"),
            "rule": value(row, "hrule") or value(row, "rule"), "score": value(row, "score"),
            "strongest": bool(value(row, "target")) and value(row, "target") == value(row, "strong")}


def scheme_of(concept: str) -> str:
    return concept[len(VOCAB):].partition("/")[0] if concept.startswith(VOCAB) else ""


def work_concepts(iri: str) -> list[dict[str, Any]]:
    """One entry per concept of the work ``iri``: ``concept``, ``label``, ``scheme``, ``relation`` ("about" or
    "mentions"), ``rule`` (why), ``hits`` (how many), ``strongest`` (its best evidence: words, context, field,
    offsets, rule, score) and ``evidence`` (every hit the store holds, strongest first; only the strongest
    hit's IRI when the store lacks the evidence graph). Ordered by scheme (models, settings, themes,
    populations, organisations, places), then label."""
    entries: dict[str, dict[str, Any]] = {}
    for row in _q(WORK_HITS, iri):
        a = value(row, "a")
        entry = entries.setdefault(a, {
            "annotation": a, "concept": value(row, "concept"), "scheme": scheme_of(value(row, "concept")),
            "label": value(row, "label") or value(row, "concept").rsplit("/", 1)[-1],
            "relation": "about" if value(row, "motivation") == OA_CLASSIFYING else "mentions",
            "rule": value(row, "rule"), "hits": int(value(row, "hits") or 0), "strong": value(row, "strong"),
            "evidence": []})
        hit = _hit(row, iri)
        if hit["target"] and all(h["target"] != hit["target"] for h in entry["evidence"]):
            entry["evidence"].append(hit)
    out = []
    for entry in entries.values():
        entry["evidence"].sort(key=lambda h: (not h["strongest"], -float(h["score"] or 0), h["field"],
                                              int(h["start"] or 0)))
        strong = entry.pop("strong")
        if not entry["evidence"] or not entry["evidence"][0]["strongest"]:
            entry["evidence"].insert(0, _bare_hit(strong, entry["annotation"]))
        entry["strongest"] = entry["evidence"][0]
        entry["hits"] = max(entry["hits"], len(entry["evidence"]))
        out.append(entry)
    order = {s: i for i, s in enumerate(SCHEMES)}
    return sorted(out, key=lambda e: (order.get(e["scheme"], 99), e["label"].lower()))


def _bare_hit(target: str, annotation: str) -> dict[str, Any]:
    """The strongest hit as the annotations graph alone names it (a store without the evidence graph)."""
    return {"target": target, "annotation": annotation, "exact": "", "prefix": "", "suffix": "", "field": "",
            "source": "", "start": "", "end": "", "rule": "", "score": "", "strongest": True}


def work_tags(iri: str) -> dict[str, list[dict[str, Any]]]:
    """:func:`work_concepts` split into ``{"about": [...], "mentions": [...]}``."""
    out: dict[str, list[dict[str, Any]]] = {"about": [], "mentions": []}
    for entry in work_concepts(iri):
        out[entry["relation"]].append(entry)
    return out


def concept_works(iri: str) -> dict[str, list[dict[str, str]]] | None:
    """The works about the concept ``iri`` (directly or through a narrower concept: ``via``) and those that
    only mention it, each with its title, year, the rule and the number of hits; ``None`` when ``iri`` is
    not a concept of the thesaurus schemes."""
    if not iri.startswith(VOCAB) or scheme_of(iri) not in SCHEMES or "/" not in iri[len(VOCAB):]:
        return None
    about: dict[str, dict[str, str]] = {}
    for row in _q(CONCEPT_ABOUT, iri, 2000):
        work = value(row, "work")
        via = value(row, "concept")
        entry = about.setdefault(work, {"work": work, "title": value(row, "title"), "year": value(row, "year"),
                                        "rule": value(row, "rule"), "hits": value(row, "hits"), "via": "",
                                        "via_label": ""})
        if via != iri:
            entry["via"], entry["via_label"] = via, value(row, "label")
        else:
            entry.update(rule=value(row, "rule") or entry["rule"], hits=value(row, "hits") or entry["hits"])
    mentions: dict[str, dict[str, str]] = {}
    for row in _q(CONCEPT_MENTIONS, iri, 2000):
        work = value(row, "work")
        if work not in about:
            mentions.setdefault(work, {"work": work, "title": value(row, "title"), "year": value(row, "year"),
                                       "rule": value(row, "rule"), "hits": value(row, "hits"),
                                       "exact": value(row, "exact"), "field": value(row, "field")})
    return {"about": list(about.values()), "mentions": list(mentions.values())}


def concept_facts(iri: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """``{definition, also (other labels in the page's language), broader, narrower, scheme}`` of the
    concept ``iri`` (the definition by the language rule, :func:`peerkg.labels.choose_label`)."""
    definitions: list[tuple[str, str]] = []
    alt: list[tuple[str, str]] = []
    out: dict[str, Any] = {"broader": [], "narrower": [], "scheme": []}
    for row in _q(CONCEPT_FACTS, iri, 500):
        rel = value(row, "rel")
        if rel in out:
            out[rel].append(value(row, "o"))
        elif rel in ("definition", "alt"):
            (definitions if rel == "definition" else alt).append((value(row, "text"), row["text"].get("xml:lang", "")))
    best = label_language(alt, languages)
    wanted = best[1] if best else ""
    out["definition"] = choose_label(definitions, languages) or ""
    out["also"] = sorted({text for text, lang in alt if lang == wanted}, key=str.lower)
    return {k: (sorted(v) if isinstance(v, list) and k != "also" else v) for k, v in out.items()}
