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
import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
import rdflib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

#: What each rdflib format is called in messages.
FORMAT_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "nquads": "N-Quads", "trig": "TriG", "xml": "RDF/XML",
                "json-ld": "JSON-LD", "n3": "N3"}
_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG}
_OX_MESSAGE = re.compile(r"Parser error (?:at|between) line (\d+) (?:between columns|column) (\d+)"
                         r"(?: and (?:line \d+ column )?\d+)?: (.*?)(?: \(line \d+\))?$", re.S)

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


@dataclass(frozen=True)
class SyntaxProblem:
    """Where a document stops being valid and why, in words (never a Python repr of the bytes)."""

    what: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.what
        where = f"line {self.line}" + (f", column {self.column}" if self.column is not None else "")
        return f"{where}: {self.what}"


def describe_syntax_error(data: bytes | str, fmt: str, exc: BaseException) -> SyntaxProblem:
    """Why rdflib could not parse ``data`` (rdflib format ``fmt``), said so a person can act on it.

    rdflib's messages for the Turtle family are poor ("string index out of range" at the end of a body, the
    bytes' repr around a caret, its own regular expressions), so those formats are read again with
    pyoxigraph's parser (error path only), which names the line, the column and what it expected. Other
    formats keep their parser's message, its first line and without file-name prefixes.
    """
    if fmt == "json-ld":  # rdflib reads JSON with orjson where installed: the stdlib's message, always
        try:
            json.loads(data)
        except json.JSONDecodeError as err:
            return SyntaxProblem(_sentence(err.msg), err.lineno, err.colno)
        except (ValueError, RecursionError):
            pass
    oxfmt = _OX_FORMATS.get(fmt)
    if oxfmt is not None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            for _ in ox.parse(raw, format=oxfmt, base_iri="http://peerkg.invalid/"):
                pass
        except SyntaxError as err:
            m = _OX_MESSAGE.match(str(err).strip())
            if m:
                line, column = int(m.group(1)), int(m.group(2))
                what = _sentence(m.group(3))
                text = raw.decode("utf-8", "replace").split("\n")
                at = text[line - 1][column - 1:column] if line <= len(text) else ""
                if m.group(3).lower().startswith("unexpected end") and at in ("\"", "'"):
                    what = "the string that opens here is never closed"
                return SyntaxProblem(what, line, column)
            return SyntaxProblem(_sentence(str(err).splitlines()[0]))
        except ValueError:
            pass  # not UTF-8 and the like: rdflib's own message below
    return _rdflib_problem(data, exc)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    if text.lower().startswith("unexpected end"):
        return "the document ends in the middle of a statement (each ends with a full stop)"
    return (text[:1].lower() + text[1:]) if text[:2] != text[:2].upper() else text


def _rdflib_problem(data: bytes | str, exc: BaseException) -> SyntaxProblem:
    why = getattr(exc, "_why", None)
    offset = getattr(exc, "_i", None)
    if isinstance(why, str) and isinstance(offset, int):  # rdflib's BadSyntax: offset into the body
        raw = data.encode("utf-8") if isinstance(data, str) else data
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        return SyntaxProblem(_sentence(why), line, column)
    if isinstance(exc, IndexError):
        return SyntaxProblem("the document ends in the middle of a statement")
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    m = re.match(r"<unknown>:(\d+):(\d+): (.*)", first)  # expat (RDF/XML)
    if m:
        return SyntaxProblem(_sentence(m.group(3)), int(m.group(1)), int(m.group(2)) + 1)
    m = re.match(r"(.*): line (\d+) column (\d+) \(char \d+\)$", first)  # json (JSON-LD)
    if m:
        return SyntaxProblem(_sentence(m.group(1)), int(m.group(2)), int(m.group(3)))
    return SyntaxProblem(_sentence(re.sub(r"b'([^']*)'", r"\1", first)))
