"""Self-description: the SPARQL 1.1 Service Description (bare GET /sparql) and VoID (/.well-known/void)."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, render_template, request, url_for
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, VOID, XSD

from peerkg.rdf.namespaces import SD
from peerkg.store.base import QueryRequest
from peerkg.web.documents import rdf_response
from peerkg.web.dumps import dump_manifest, graph_dumps, whole_dumps
from peerkg.web.state import backend, cache, config

bp = Blueprint("self_description", __name__)

FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
RESULT_FORMAT_IRIS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                      "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads")
STATS_TIMEOUT = 600.0


def _select(query: str) -> list[dict[str, str]]:
    """Run a trusted statistics query through the backend; plain string values back."""
    formats: dict[str, str | None] = {"solutions": "application/sparql-results+json", "boolean": None,
                                      "graph": None}
    req = QueryRequest(query, formats, timeout=STATS_TIMEOUT, max_rows=1_000_000)
    doc = json.loads(backend().execute(req).body)
    return [{k: v["value"] for k, v in row.items()} for row in doc["results"]["bindings"]]


def statistics() -> dict[str, Any]:
    """VoID counts for the whole dataset and per named graph (computed once per app)."""
    store = cache()
    if "stats" in store:
        return store["stats"]
    id_base = config().id_base
    counts = ("(COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) "
              "(COUNT(DISTINCT ?p) AS ?properties)")
    total = _select(f"SELECT {counts} WHERE {{ ?s ?p ?o }}")[0]
    total["classes"] = _select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }")[0]["n"]
    total["entities"] = _select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o "
                                f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{id_base}\")) }}")[0]["n"]
    graphs: dict[str, dict[str, str]] = {}
    for row in _select(f"SELECT ?g {counts} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"):
        graphs[row.pop("g")] = row
    for row in _select("SELECT ?g (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g"):
        graphs.setdefault(row["g"], {})["classes"] = row["n"]
    store["stats"] = {"total": total, "graphs": dict(sorted(graphs.items()))}
    return store["stats"]


def _add_counts(g: Graph, node: URIRef | BNode, counts: dict[str, str]) -> None:
    for key, prop in (("triples", VOID.triples), ("subjects", VOID.distinctSubjects),
                      ("objects", VOID.distinctObjects), ("properties", VOID.properties),
                      ("classes", VOID.classes), ("entities", VOID.entities)):
        if key in counts:
            g.add((node, prop, Literal(int(counts[key]), datatype=XSD.integer)))


def service_description_graph(endpoint: str) -> Graph:
    cfg = config()
    stats = statistics()
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if cfg.allow_remote:
        g.add((service, SD.feature, SD.BasicFederatedQuery))
    for name in RESULT_FORMAT_IRIS:
        g.add((service, SD.resultFormat, FORMATS_NS[name]))
    g.add((service, DCTERMS.title, Literal(cfg.title, lang="en")))
    _declare_prefixes(g, service)
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, DCTERMS.title, Literal("peerkg", lang="en")))
    default = BNode()
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, DCTERMS.description, Literal("the union of all named graphs", lang="en")))
    _add_counts(g, default, {"triples": stats["total"]["triples"]})
    for name, counts in stats["graphs"].items():
        named, graph = BNode(), BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
        g.add((named, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        _add_counts(g, graph, {"triples": counts.get("triples", "0")})
    return g


def _declare_prefixes(g: Graph, service: URIRef) -> None:
    """The prefixes a query may use undeclared, as SHACL prefix declarations (sh:declare)."""
    from peerkg.web.sparql import PREDECLARED

    g.bind("sh", SH)
    for prefix, namespace in PREDECLARED.items():
        node = BNode()
        g.add((service, SH.declare, node))
        g.add((node, SH.prefix, Literal(prefix)))
        g.add((node, SH.namespace, Literal(namespace, datatype=XSD.anyURI)))


def service_description_response() -> Response:
    return rdf_response(service_description_graph(request.base_url))


def void_graph() -> Graph:
    cfg = config()
    stats = statistics()
    root = request.host_url
    g = Graph()
    for prefix, ns in (("void", VOID), ("sd", SD), ("spdx", SPDX), ("dcat", DCAT), ("dcterms", DCTERMS)):
        g.bind(prefix, ns)
    ds = URIRef(cfg.base_iri + "dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal(cfg.title, lang="en")))
    g.add((ds, VOID.sparqlEndpoint, URIRef(root + "sparql")))
    g.add((ds, VOID.uriSpace, Literal(cfg.id_base)))
    g.add((ds, VOID.rootResource, URIRef(cfg.ontology_iri)))
    _add_counts(g, ds, stats["total"])
    for name, counts in stats["graphs"].items():
        sub = URIRef(name)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, SD.name, URIRef(name)))
        _add_counts(g, sub, counts)
    for entry in dump_manifest():
        _add_dump(g, ds, root, entry)
    return g


def _add_dump(g: Graph, ds: URIRef, root: str, entry: dict[str, Any]) -> None:
    """A dump as a ``dcat:Distribution``: the dataset's (whole-dataset dumps) or its graph's subset's, with
    media type, bytes, triples (quads for TriG/N-Quads) and the SHA-256 of the bytes served."""
    dump = URIRef(root + "dumps/" + entry["name"])
    g.add((URIRef(entry["graph"]) if "graph" in entry else ds, VOID.dataDump, dump))
    g.add((dump, RDF.type, DCAT.Distribution))
    g.add((dump, DCAT.mediaType, Literal(entry["media_type"])))
    g.add((dump, DCTERMS.format, Literal(entry["media_type"])))
    g.add((dump, DCAT.byteSize, Literal(entry["bytes"], datatype=XSD.nonNegativeInteger)))
    g.add((dump, VOID.triples, Literal(entry.get("triples", entry.get("quads")), datatype=XSD.integer)))
    if entry["media_type"] == "application/ld+json":  # its @context, inline, is the one published here
        g.add((dump, DCTERMS.conformsTo, URIRef(root + "dumps/context.jsonld")))
    checksum = BNode()
    g.add((dump, SPDX.checksum, checksum))
    g.add((checksum, RDF.type, SPDX.Checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(entry["sha256"], datatype=XSD.hexBinary)))


@bp.route("/.well-known/void")
def void() -> Response:
    graph = void_graph()
    return rdf_response(graph, html=lambda: render_template(
        "void.html", stats=statistics(), dumps=whole_dumps(), graph_dumps=graph_dumps(),
        sparql=url_for("sparql.sparql")))
