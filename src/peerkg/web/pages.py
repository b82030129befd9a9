"""Pages for people and their RDF twins: resource pages under ``/id/…``, ontology and shapes.

External IRIs under the configured base (``https://w3id.org/psmh/``) map to this server's paths
(``/id/…``, ``/ontology``, ``/shapes``), so every IRI the graph mints dereferences here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from flask import Blueprint, Response, render_template, request
from rdflib import Graph

from peerkg.labels import prefixed
from peerkg.resources import ontology_files, shapes_files
from peerkg.store.base import QueryRequest
from peerkg.web.citations import author_names
from peerkg.web.concept_view import concept_facts, concept_works
from peerkg.web.documents import choose, rdf_response
from peerkg.web.errors import ApiError
from peerkg.web.explanation import explain_node
from peerkg.web.formats import BY_NAME
from peerkg.web.incoming import ancestors, derived_label, group_incoming, incoming_terms
from peerkg.web.journal_view import journal_works
from peerkg.web.lookups import select
from peerkg.web.person_view import person_works
from peerkg.web.state import backend, cache, config
from peerkg.web.terms import cell as cell  # re-exported: result tables draw cells as resource pages do
from peerkg.web.terms import iri_term, iris_in, labels_with_language, languages, linked, local_href, term
from peerkg.web.terms import labels_of as labels_of  # re-exported
from peerkg.web.work_view import related_iris, work_view

bp = Blueprint("pages", __name__)

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
# The node's statements both ways, plus the Web Annotations (concept tags) that target it, with every hit
# the store holds (graph evidence) and the hits' selectors.
ANNOTATED_CBD = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX psmh: <https://w3id.org/psmh/ontology#>
CONSTRUCT { NODE ?p ?o . ?s ?q NODE . ?a ?ap ?ao . ?t ?tp ?to . ?sel ?sp ?so }
WHERE { { NODE ?p ?o } UNION { ?s ?q NODE } UNION {
  ?a oa:hasTarget NODE .
  { ?a ?ap ?ao } UNION { ?a psmh:hit ?t { ?t ?tp ?to } UNION { ?t oa:hasSelector ?sel . ?sel ?sp ?so } } } }"""


def _resource_html(iri: str) -> str:
    limit = config().resource_links
    rows = select(f"SELECT DISTINCT ?dir ?p ?o WHERE {{ {{ <{iri}> ?p ?o BIND(\"out\" AS ?dir) }} UNION "
                  f"{{ ?o ?p <{iri}> BIND(\"in\" AS ?dir) }} }} LIMIT {2 * limit}", 2 * limit)
    outgoing_rows = [r for r in rows if r["dir"]["value"] == "out"]
    incoming_rows = [r for r in rows if r["dir"]["value"] == "in"]
    why = explain_node(iri)
    work = work_view(iri)
    people = person_works(iri)
    journal = journal_works(iri)
    concept = concept_works(iri)
    facts = concept_facts(iri, languages()) if concept is not None else None
    more = {iri, *ancestors(iri)} | set(why.decision_nodes)
    more |= {i for d in why.explanation.decisions for i in iris_in(d.evidence)}
    more |= related_iris(work, (people or []) + (journal or []), concept)
    more |= {i for k in ("broader", "narrower", "scheme") for i in (facts or {}).get(k, [])}
    objects = {r["o"]["value"] for r in outgoing_rows if r["o"]["type"] == "uri"}
    more |= objects | {a for o in objects for a in ancestors(o)} | {r["p"]["value"] for r in rows}
    incoming, incoming_iris = group_incoming(iri, incoming_rows)
    named = labels_with_language(more | incoming_iris)
    labels = {k: text for k, (text, _lang) in named.items()}
    for d in list((work or {}).get("works", {}).values()) + (people or []) + (journal or []):
        if d["iri"] not in labels:
            labels[d["iri"]] = f"Untitled work ({d['year']})" if d["year"] else "Untitled work"
    for o in objects - set(labels):
        labels[o] = derived_label(o, labels) or prefixed(o)
    outgoing: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in outgoing_rows:
        outgoing[row["p"]["value"]].append(term(row["o"], labels))
    label, label_lang = named[iri] if iri in named else (derived_label(iri, labels), "")
    if work and not label:
        names = author_names(work["citation"])
        label = "Untitled work" + (f" by {', '.join(names)}" if names else "")
    return render_template("resource.html", iri=iri, label=label, label_lang=label_lang,
                           types=outgoing.get(RDF_TYPE, []), sources=outgoing.get(DERIVED_FROM, []),
                           why=why, work=work, person_works=people, journal_works=journal, concept=concept,
                           concept_facts=facts,
                           labels=labels, ontology_graph=config().base_iri + "graph/ontology",
                           href=local_href, name=lambda i: labels.get(i) or prefixed(i),
                           linked=lambda text: linked(text, labels),
                           outgoing={p: (iri_term(p, labels), v) for p, v in sorted(outgoing.items())},
                           incoming=incoming_terms(incoming, labels),
                           limit=limit, formats=[f for f in BY_NAME.values() if "graph" in f.kinds])


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    return _resource(config().id_base + rest)


@bp.route("/vocab/<path:rest>")
def concept(rest: str) -> Response:
    """Concepts and concept schemes of the thesaurus (``https://w3id.org/psmh/vocab/…``)."""
    return _resource(config().base_iri + "vocab/" + rest)


@bp.route("/explain")
def explain() -> Response:
    """``peerkg explain --json`` over HTTP: ``/explain?iri=IRI`` (the same explanation as the page)."""
    iri = request.args.get("iri", "")
    if not iri or any(c in iri for c in '<>" {}|^`\\'):
        raise ApiError(400, "bad-iri", "give the node to explain as ?iri=https://w3id.org/psmh/id/…")
    why = explain_node(iri)
    if not why.explanation.known:
        raise ApiError(404, "not-found", f"no triple and no decision mentions <{iri}> in this dataset")
    return Response(json.dumps(why.as_json(), ensure_ascii=False, indent=1) + "\n",
                    content_type="application/json")


def _resource(iri: str) -> Response:
    if "<" in iri or ">" in iri or " " in iri or '"' in iri:
        raise ApiError(400, "bad-iri", "not a valid IRI path")
    if not select(f"SELECT * WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }} LIMIT 1", 1):
        raise ApiError(404, "not-found", f"no triples mention <{iri}> in this dataset")
    fmt = choose(("graph", "html"))
    if fmt.name == "html":
        body = _resource_html(iri)
        resp = Response(body, content_type=fmt.content_type)
    else:
        limit = config().resource_links
        query = ANNOTATED_CBD.replace("NODE", f"<{iri}>")
        req = QueryRequest(query, {"graph": fmt.media_type, "solutions": None, "boolean": None},
                           timeout=config().query_timeout, max_rows=40 * limit, allow_partial=True)
        resp = Response(backend().execute(req).body, content_type=fmt.content_type)
    resp.headers["Vary"] = "Accept"
    resp.headers["Link"] = f'<{iri}>; rel="canonical"'
    return resp


def _file_graph(name: str) -> Graph:
    key = f"graph:{name}"
    store = cache()
    if key not in store:
        g = Graph()
        for path in (ontology_files() if name == "ontology" else shapes_files()):
            g.parse(path, format="turtle")
        store[key] = g
    return store[key]


def _graph_page(name: str, iri: str) -> Response:
    graph = _file_graph(name)
    if len(graph) == 0:
        raise ApiError(404, "not-found", f"this installation ships no {name} files")

    def html() -> str:
        subjects: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for s, p, o in graph:
            subjects[str(s)].append((graph.namespace_manager.normalizeUri(p), str(o)))
        return render_template("graph.html", title=name.capitalize(), iri=iri,
                               subjects=dict(sorted(subjects.items())), href=local_href)
    return rdf_response(graph, html=html)


@bp.route("/ontology")
def ontology() -> Response:
    return _graph_page("ontology", config().ontology_iri)


@bp.route("/shapes")
def shapes() -> Response:
    return _graph_page("shapes", config().shapes_iri)
