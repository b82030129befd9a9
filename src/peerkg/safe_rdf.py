"""Reading RDF that someone else wrote: nothing it says can make peerkg connect anywhere or read a file.

rdflib's JSON-LD parser fetches every ``@context`` given by IRI (``http:``, ``https:`` and ``file:`` alike)
and its RDF/XML parser expands the entities a document type declaration defines ("billion laughs").
:func:`parse_untrusted` screens the bytes first and refuses, with a message naming what it found:

- JSON-LD: a context given by reference — a string ``@context``, a string entry of an ``@context`` array,
  an ``@import``, at any depth (scoped contexts inside term definitions included). Inline contexts work.
- RDF/XML: any entity declaration (internal or external, general or parameter) and any external
  reference, checked by ``defusedxml``'s expat reader before rdflib sees the document.

No format makes rdflib follow ``owl:imports`` or ``rdfs:seeAlso``; peerkg never does either.
"""

from __future__ import annotations

import json
from typing import Any

import rdflib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

#: How deeply a JSON-LD document may nest objects and arrays (deeper: refused, never a RecursionError).
MAX_JSON_DEPTH = 200


class UnsafeInput(ValueError):
    """The document asks for something peerkg never does for a client (fetch, read a file, expand)."""


def _json_contexts(doc: Any) -> str | None:
    """The first context reference (IRI) anywhere in a parsed JSON-LD document, else None.

    Walks the document iteratively (no recursion), with a depth bound.
    """
    stack: list[tuple[Any, int, bool]] = [(doc, 0, False)]  # (value, depth, is it a context value?)
    while stack:
        value, depth, in_context = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise UnsafeInput(f"the JSON-LD document nests deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(value, str):
            if in_context:
                return value
        elif isinstance(value, list):
            stack.extend((item, depth + 1, in_context) for item in value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "@import" and isinstance(item, str):
                    return item
                if key == "@context":
                    stack.append((item, depth + 1, True))
                elif isinstance(item, (dict, list)):
                    stack.append((item, depth + 1, False))
    return None


def check_jsonld(data: bytes | str) -> None:
    """Refuse a JSON-LD document that refers to a context by IRI (remote or ``file:``)."""
    try:
        doc = json.loads(data)
    except RecursionError:
        raise UnsafeInput(f"the JSON-LD document nests deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError:
        return  # not JSON: the parser reports where (and fetches nothing from a document it cannot read)
    ref = _json_contexts(doc)
    if ref is not None:
        raise UnsafeInput(f"the JSON-LD refers to the context {ref!s}; contexts are never fetched (neither "
                          "remote nor file: ones). Put the context inline (\"@context\": {…}) instead")


def check_rdfxml(data: bytes | str) -> None:
    """Refuse an RDF/XML document that declares entities or refers to external ones."""
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        name = getattr(exc, "name", None)
        what = f" ({name})" if name else ""
        raise UnsafeInput(f"the RDF/XML declares entities{what} in its DTD; entity declarations and "
                          "external references are refused. Write the values out in full instead") from None
    except ParseError:
        return  # not well-formed: the RDF/XML parser reports where, before it could expand anything


def check_untrusted(data: bytes | str, fmt: str) -> None:
    """Raise :class:`UnsafeInput` when ``data`` (in rdflib format ``fmt``) asks for a fetch or an expansion."""
    if fmt == "json-ld":
        check_jsonld(data)
    elif fmt == "xml":
        check_rdfxml(data)


def parse_untrusted(target: rdflib.Graph, data: bytes | str, fmt: str, public_id: str | None = None) -> None:
    """Screen ``data`` (see the module docstring), then parse it into ``target``."""
    check_untrusted(data, fmt)
    target.parse(data=data, format=fmt, publicID=public_id)
