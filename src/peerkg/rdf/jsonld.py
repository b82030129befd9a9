"""The JSON-LD dump (``peerkg.jsonld``): the named graphs of ``peerkg.nq`` as JSON-LD, with peerkg's context.

The context is the file ``context.jsonld`` shipped with peerkg (:func:`context_bytes`), served by the service
at ``/dumps/context.jsonld``: the prefixes of the dumps' Turtle and TriG, and nothing else (no terms, no
``@vocab``, no ``@language``, no ``@base``), so it means the same to JSON-LD 1.0 and 1.1 processors. The dump
holds that context inline, object for object, so it parses offline — no processor fetches anything — and
means what the published context means.

Written from the build's N-Triples lines, term by term, never through a JSON-LD processor: one graph object
per named graph (IRI order), one node object per subject (the order of the sorted lines), ``@type`` for
``rdf:type`` IRIs, every literal as a value object with its lexical form kept exactly (``"0.0"`` stays
``"0.0"``; no JSON numbers or booleans), strings as plain JSON strings. Properties, types and datatypes are
compact IRIs (``dcterms:title``) where a prefix fits; subjects and objects are full IRIs. So the dump gives
exactly the quads of ``peerkg.nq``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

import pyoxigraph as ox

from peerkg.resources import folder

__all__ = ["CONTEXT_FILE", "context", "context_bytes", "jsonld_dump"]

CONTEXT_FILE = "context.jsonld"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def context_bytes() -> bytes:
    """The published context, as shipped (``ontology/context.jsonld``)."""
    return (folder("ontology") / CONTEXT_FILE).read_bytes()


def context() -> dict[str, str]:
    """Prefix → namespace of the published context."""
    return dict(json.loads(context_bytes())["@context"])


def _compacter(prefixes: Mapping[str, str]) -> Callable[[str], str]:
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def compact(iri: str) -> str:
        for prefix, namespace in ordered:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri
    return compact


def _term_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal, compact: Callable[[str], str]) -> Any:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": _term_id(term)}


def _nodes(lines: Sequence[bytes], compact: Callable[[str], str]) -> Iterator[dict[str, Any]]:
    """Node objects of one graph's sorted N-Triples lines: one per subject, in line order."""
    node: dict[str, Any] | None = None
    subject: str | None = None
    for quad in ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES):
        sid = _term_id(quad.subject)
        if sid != subject:
            if node is not None:
                yield node
            subject, node = sid, {"@id": sid}
        assert node is not None
        predicate = quad.predicate.value
        if predicate == _RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(quad.object.value))
        else:
            node.setdefault(compact(predicate), []).append(_value(quad.object, compact))
    if node is not None:
        yield node


def _ordered(node: dict[str, Any]) -> dict[str, Any]:
    """``@id``, ``@type``, then the properties in the order they came (the lines' order)."""
    head = {k: node[k] for k in ("@id", "@type") if k in node}
    return {**head, **{k: v for k, v in node.items() if k not in head}}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def jsonld_dump(parts: Mapping[str, Sequence[bytes]], graphs: Sequence[str], default_graph: str = "") -> bytes:
    """The JSON-LD of ``graphs`` (in that order) from ``parts`` (graph IRI → sorted unique N-Triples lines);
    ``default_graph`` is the key of the default graph's own triples (their nodes sit at the top level)."""
    prefixes = context()
    compact = _compacter(prefixes)
    items: list[str] = []
    for graph in graphs:
        nodes = [_json(_ordered(n)) for n in _nodes(parts[graph], compact)]
        if graph == default_graph:
            items.extend(nodes)
        elif nodes:
            items.append('{"@id":' + _json(graph) + ',"@graph":[\n' + ",\n".join(nodes) + "\n]}")
    head = '{"@context":' + json.dumps(prefixes, ensure_ascii=False, indent=1, sort_keys=True)
    return (head + ',\n"@graph":[\n' + ",\n".join(items) + "\n]}\n").encode("utf-8")
