"""Named queries: parameterised SPARQL files in ``queries/`` with a title, a description and parameters.

Each file starts with comment headers::

    # title: Works about a setting, with their findings
    # description: …
    # param: setting = vocab:setting/inpatient (the setting concept)

and uses ``$name`` for each parameter in its body (``$name`` is also a SPARQL variable, so the file parses
as it is). ``$lang`` needs no header: it is the label language of the reader, by the one language rule of
:func:`peerkg.labels.label_languages` (a string literal such as ``"de"``, the primary subtag), so a query
prefers labels in it and falls back to English::

    OPTIONAL { ?concept skos:prefLabel ?label FILTER (langMatches(lang(?label), $lang)) }
    OPTIONAL { ?concept skos:prefLabel ?label FILTER (lang(?label) = "en") }
 :func:`render` substitutes values as safe RDF terms; the kind of each parameter follows from
its default:

=====================================  ==========  ===============================================
default                                kind        a value is substituted as
=====================================  ==========  ===============================================
``<https://…>``                        ``iri``     ``<…>`` (absolute IRI, no spaces or ``<>"{}|^`\\``)
``<https://w3id.org/psmh/id/work/…>``  ``work``    ``<…>``: a work's IRI (``id:work/…`` too), or its DOI
                                                   (bare, ``doi:`` or ``https://doi.org/…``), which names
                                                   the work ``…/id/work/doi/{doi}``
``vocab:setting/inpatient``            ``concept`` ``<https://w3id.org/psmh/vocab/setting/inpatient>``;
                                                   values may be ``vocab:s/x``, ``s/x`` or a full IRI
``"10.1108/…"`` (a DOI)                ``doi``     an escaped string literal, lower-cased, DOI-checked
``"…"``                                ``string``  an escaped string literal
``1900``                               ``integer`` an integer literal
=====================================  ==========  ===============================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from peerkg import resources
from peerkg.errors import QueryError
from peerkg.labels import DEFAULT_LANGUAGE

LANG = "lang"  # the built-in parameter: the reader's label language

VOCAB = "https://w3id.org/psmh/vocab/"
WORKS = "https://w3id.org/psmh/id/work/"
KINDS = ("iri", "work", "concept", "doi", "string", "integer")
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(<[^>]*>|\"(?:[^\"\\]|\\.)*\"|\S+)\s*(?:\((.*)\))?$")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
_DOI = re.compile(r"^10\.[0-9]{4,9}/[-._;()/:a-z0-9]+$")
_CONCEPT = re.compile(r"^(?:vocab:)?([a-z][a-z-]*)/([a-z0-9][a-z0-9-]*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Param:
    name: str
    default: str  # the value as a user would pass it (no quotes, no angle brackets)
    kind: str  # one of KINDS
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str  # the file's stem: "works-by-setting"
    title: str
    description: str
    params: tuple[Param, ...]
    text: str  # the whole file, headers included
    path: Path | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)


def _parse_default(raw: str) -> tuple[str, str]:
    if raw.startswith("<") and raw.endswith(">"):
        return raw[1:-1], ("work" if raw[1:-1].startswith(WORKS) else "iri")
    if raw.startswith('"') and raw.endswith('"'):
        value = re.sub(r"\\(.)", r"\1", raw[1:-1])
        return value, ("doi" if value.startswith("10.") else "string")
    if re.fullmatch(r"-?[0-9]+", raw):
        return raw, "integer"
    if _CONCEPT.match(raw):
        return raw, "concept"
    raise ValueError(f"cannot tell the kind of default {raw!r} (write <iri>, vocab:scheme/slug, \"text\" or 123)")


def parse_named_query(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the headers of one named query; raises :class:`QueryError` naming the line when malformed."""
    source = str(path) if path else name
    title = description = ""
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError("malformed parameter header", source=source, line=number,
                                 hint="write: # param: name = default (description)")
            try:
                default, kind = _parse_default(pm.group(2))
            except ValueError as exc:
                raise QueryError(str(exc), source=source, line=number) from None
            params.append(Param(pm.group(1), default, kind, (pm.group(3) or "").strip()))
    if not title:
        raise QueryError("named query has no '# title:' header", source=source, line=1)
    declared = {p.name for p in params}
    if LANG in declared:
        raise QueryError(f"${LANG} is built in (the reader's label language); do not declare it", source=source)
    used = set(_PLACEHOLDER.findall(_body(text))) - {LANG}
    if used != declared:
        raise QueryError("parameters used and declared differ", source=source,
                         hint=f"used ${', $'.join(sorted(used)) or '-'}; declared {', '.join(sorted(declared)) or '-'}")
    return NamedQuery(name, title, description, tuple(params), text, path)


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def load_named_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every ``*.rq`` file of the queries folder (the shipped one unless ``folder`` is given), by name."""
    paths = sorted(folder.glob("*.rq")) if folder else resources.named_query_files()
    out = []
    for path in paths:
        if not _NAME.match(path.stem):
            raise QueryError("named query file names are lower-case words joined by '-'", source=str(path))
        out.append(parse_named_query(path.read_text(encoding="utf-8"), path.stem, path))
    return out


def get_named_query(name: str, folder: Path | None = None) -> NamedQuery:
    queries = {q.name: q for q in load_named_queries(folder)}
    if name not in queries:
        raise QueryError(f"no named query {name!r}", hint=f"known: {', '.join(sorted(queries))}")
    return queries[name]


def _escape(value: str) -> str:
    return ('"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t") + '"')


def term(param: Param, value: str, query: str = "") -> str:
    """The SPARQL term for ``value`` of ``param``; :class:`QueryError` with a readable reason if invalid."""
    where = f"{query} [{param.name}]" if query else param.name

    def bad(why: str, hint: str) -> QueryError:
        return QueryError(f"invalid value {value!r} for parameter {param.name}: {why}", source=where, hint=hint)

    value = value.strip()
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", value):
            raise bad("not an integer", "give a whole number, e.g. 2012")
        return str(int(value))
    if param.kind == "string":
        return _escape(value)
    if param.kind == "doi":
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE).lower()
        if not _DOI.match(doi):
            raise bad("not a DOI", "give a bare DOI such as 10.1108/jmhtep-03-2015-0013")
        return _escape(doi)
    if param.kind == "work":
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE).lower()
        if _DOI.match(doi):
            return f"<{WORKS}doi/{doi}>"
        iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
        iri = WORKS + iri[len("id:work/"):] if iri.startswith("id:work/") else iri
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or _IRI_FORBIDDEN.search(iri):
            raise bad("neither a work's IRI nor a DOI",
                      f"give the work's IRI (e.g. {param.default}) or its DOI (e.g. 10.1108/jmhtep-03-2015-0013)")
        return f"<{iri}>"
    if param.kind == "concept":
        m = _CONCEPT.match(value)
        iri = VOCAB + f"{m.group(1)}/{m.group(2)}" if m else value
        if not iri.startswith(VOCAB) or _IRI_FORBIDDEN.search(iri):
            raise bad("not a concept of the peerkg vocabularies",
                      f"give scheme/slug (e.g. {param.default}) or an IRI starting {VOCAB}")
        return f"<{iri}>"
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or _IRI_FORBIDDEN.search(iri):
        raise bad("not an absolute IRI", "give an IRI such as https://w3id.org/psmh/vocab/theme")
    return f"<{iri}>"


def render(query: NamedQuery, params: Mapping[str, str] | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The query text with every ``$name`` replaced by a safe term for the given (or default) value, and
    ``$lang`` by the label language ``lang`` (the first of :func:`peerkg.labels.label_languages`)."""
    params = dict(params or {})
    unknown = sorted(set(params) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"unknown parameter(s) {', '.join(unknown)}", source=query.name,
                         hint=f"{query.name} takes: {known}")
    terms = {p.name: term(p, params.get(p.name, p.default), query.name) for p in query.params}
    tag = lang.lower() if re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", lang) else DEFAULT_LANGUAGE
    terms[LANG] = _escape(tag.partition("-")[0])  # the language, any region: langMatches("de-AT", "de")
    lines = []
    for line in query.text.splitlines():
        if line.lstrip().startswith("#"):
            lines.append(line)
        else:
            lines.append(_PLACEHOLDER.sub(lambda m: terms[m.group(1)], line))
    return "\n".join(lines) + "\n"
