"""The one table of formats the service speaks, and content negotiation over it (RFC 9110 §12.5.1).

Every response the service makes — SPARQL results, RDF graphs, service description, VoID, resource
pages, ontology, shapes, SHACL reports — chooses its format here. Kinds:
``solutions`` and ``boolean`` (SELECT/ASK results), ``graph`` (RDF), ``html`` (pages for people).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str                       # short name for ?format= and file extensions
    media_type: str
    kinds: frozenset[str]
    extension: str
    aliases: tuple[str, ...] = ()   # other media types clients use for it
    charset: bool = False           # add "; charset=utf-8" to Content-Type
    names: tuple[str, ...] = ()     # other short names clients send in ?format= (SPARQLWrapper, Virtuoso, …)

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type


_R = frozenset({"solutions", "boolean"})
_G = frozenset({"graph"})

# Order = the server's preference when the client's q-values tie (e.g. Accept: */*).
# A short name may stand for one format of each kind: ``format=json`` is JSON results for SELECT/ASK and
# JSON-LD for CONSTRUCT/DESCRIBE, ``format=xml`` is XML results or RDF/XML (what SPARQLWrapper expects).
FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", _R, "srj", ("application/json",), names=("srj",)),
    Format("xml", "application/sparql-results+xml", _R, "srx", ("application/xml", "text/xml"), names=("srx",)),
    Format("csv", "text/csv", _R, "csv", (), True),
    Format("tsv", "text/tab-separated-values", _R, "tsv", (), True),
    Format("ttl", "text/turtle", _G, "ttl", ("application/x-turtle", "application/turtle"), True,
           ("turtle", "n3", "text/n3", "text/rdf+n3", "application/n3")),
    Format("nt", "application/n-triples", _G, "nt", ("text/plain",), names=("ntriples", "n-triples")),
    Format("rdfxml", "application/rdf+xml", _G, "rdf", ("application/xml", "text/xml"),
           names=("rdf+xml", "rdf", "xml", "owl")),
    Format("jsonld", "application/ld+json", _G, "jsonld", ("application/json", "application/x-json+ld"),
           names=("json-ld", "json")),
    Format("trig", "application/trig", _G, "trig"),
    Format("nq", "application/n-quads", _G, "nq", names=("nquads", "n-quads")),
    Format("html", "text/html", frozenset({"html"}), "html", ("application/xhtml+xml",), True),
)
BY_NAME = {f.name: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}


def formats_for(kinds: Iterable[str]) -> list[Format]:
    wanted = set(kinds)
    return [f for f in FORMATS if f.kinds & wanted]


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media-range, q), …]``; a missing or empty header means ``*/*``."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching ``fmt`` (its media type or an alias); 0 if none."""
    best_specificity, best_q = -1, 0.0
    for media in (fmt.media_type, *fmt.aliases):
        mtype, _, msub = media.partition("/")
        for rng, q in ranges:
            rtype, _, rsub = rng.partition("/")
            if media != fmt.media_type and rng != media:
                continue  # aliases count only when named exactly, never through a wildcard
            if rng == media:
                spec = 3 if media == fmt.media_type else 2
            elif rtype == mtype and rsub == "*":
                spec = 1
            elif rng == "*/*":
                spec = 0
            else:
                continue
            if spec > best_specificity:
                best_specificity, best_q = spec, q
    return best_q


def named(value: str | None, kinds: Iterable[str]) -> Format | None:
    """The format of ``kinds`` that a ``format=`` value names: a short name, an alias name, or a media type
    (parameters such as ``; charset=utf-8`` ignored, case-insensitive); ``None`` if it names none."""
    if not value:
        return None
    key = value.split(";", 1)[0].strip().lower()
    for fmt in formats_for(kinds):
        if key == fmt.name or key in fmt.names or key == fmt.media_type or key in fmt.aliases:
            return fmt
    return None


def known(value: str | None) -> bool:
    """True when ``value`` names a format of any kind."""
    return named(value, {k for f in FORMATS for k in f.kinds}) is not None


def negotiate(accept: str | None, kinds: Iterable[str], override: str | None = None) -> Format | None:
    """The best format of ``kinds`` for ``accept``.

    ``override`` (a ``format=`` value) wins when it names a format of ``kinds``; when it names a format of
    another kind only, nothing fits (``None``: the caller answers 406); when it names nothing known at
    all, ``accept`` decides as if it had not been given.
    """
    kinds = list(kinds)
    if override and known(override):
        return named(override, kinds)
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for fmt in formats_for(kinds):
        q = _quality(fmt, ranges)
        if q > best_q:
            best, best_q = fmt, q
    return best


def prefers_html(accept: str | None) -> bool:
    """True when a browser-like Accept ranks text/html above every RDF and results format."""
    if not accept:
        return False
    ranges = parse_accept(accept)
    html = _quality(BY_NAME["html"], ranges)
    others = max(_quality(f, ranges) for f in FORMATS if f.name != "html")
    explicit = any(r in ("text/html", "application/xhtml+xml") for r, _ in ranges)
    return explicit and html >= others and html > 0


def available(kinds: Iterable[str]) -> str:
    return ", ".join(f.media_type for f in formats_for(kinds))
