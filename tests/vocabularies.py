"""What the vocabularies peerkg reuses define: term lists pinned from the published files (data/vocab/,
see data/README.md), rdflib's closed namespaces and the Web Annotation Recommendation's term tables.
Used by the shapes and ontology tests to check that every reused term exists."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, VANN, XSD, ClosedNamespace

VOCAB_DIR = Path(__file__).parent / "data" / "vocab"

SPAR = {
    "bibo": "http://purl.org/ontology/bibo/",
    "fabio": "http://purl.org/spar/fabio/",
    "cito": "http://purl.org/spar/cito/",
    "c4o": "http://purl.org/spar/c4o/",
    "biro": "http://purl.org/spar/biro/",
    "pro": "http://purl.org/spar/pro/",
    "doco": "http://purl.org/spar/doco/",
    "deo": "http://purl.org/spar/deo/",
}
CLOSED = {  # rdflib closed namespaces
    str(SH): SH, str(DCTERMS): DCTERMS, str(SKOS): SKOS, str(FOAF): FOAF, str(PROV): PROV,
    str(RDF): RDF, str(RDFS): RDFS, str(OWL): OWL, str(XSD): XSD, str(VANN): VANN,
}
SCHEMA_HTTP = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"

#: Every term of the W3C Web Annotation Vocabulary (Recommendation, 23 February 2017,
#: https://www.w3.org/TR/annotation-vocab/ sections 3.1 Classes, 3.2 Properties, 3.3 Named Individuals).
#: Written out here from the Recommendation's term tables.
OA_TERMS = frozenset(OA + t for t in (
    # classes
    "Annotation", "Choice", "CssSelector", "CssStyle", "DataPositionSelector", "Direction", "FragmentSelector",
    "HttpRequestState", "Motivation", "RangeSelector", "ResourceSelection", "Selector", "SpecificResource",
    "State", "Style", "SvgSelector", "TextPositionSelector", "TextQuoteSelector", "TextualBody", "TimeState",
    "XPathSelector",
    # properties
    "annotationService", "bodyValue", "cachedSource", "canonical", "end", "exact", "hasBody", "hasEndSelector",
    "hasPurpose", "hasScope", "hasSelector", "hasSource", "hasStartSelector", "hasState", "hasTarget",
    "motivatedBy", "prefix", "processingLanguage", "refinedBy", "renderedVia", "sourceDate", "sourceDateEnd",
    "sourceDateStart", "start", "styleClass", "styledBy", "suffix", "textDirection", "via",
    # named individuals: motivations, text directions, container preferences
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
    "ltrDirection", "rtlDirection", "PreferContainedDescriptions", "PreferContainedIRIs",
))


@cache
def pinned_terms() -> frozenset[str]:
    terms: set[str] = set()
    for p in sorted(VOCAB_DIR.glob("*.txt")):
        terms.update(line for line in p.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    assert len(terms) > 900, f"term lists missing under {VOCAB_DIR}"
    return frozenset(terms)


def _in_closed(ns: ClosedNamespace | type, name: str) -> bool:
    try:
        getattr(ns, name)
    except AttributeError:
        return False
    return True


def term_exists(iri: str) -> bool | None:
    """Whether a vocabulary peerkg reuses defines ``iri``; None when ``iri`` is in none of them."""
    if iri.startswith(tuple(SPAR.values())):
        return iri in pinned_terms()
    if iri.startswith(SCHEMA_HTTP):
        return _in_closed(SDO, iri[len(SCHEMA_HTTP):])
    if iri.startswith(OA):
        return iri in OA_TERMS
    for base, ns in CLOSED.items():
        if iri.startswith(base) and iri != base.rstrip("#/"):
            return _in_closed(ns, iri[len(base):])
    return None
