"""Deterministic IRI minting. An IRI, once minted for a key, never changes.

See ``docs/data-model.md`` for the IRI scheme. Everything here is a pure function of its inputs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from peerkg.rdf.namespaces import Base

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case ASCII slug: ``"Psychiatry and Mental health"`` -> ``"psychiatry-and-mental-health"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_STRIP.sub("-", ascii_text.lower()).strip("-") or "x"


def short_hash(*parts: str, length: int = 16) -> str:
    """First ``length`` hex digits of the SHA-256 of the parts joined by U+001F."""
    data = "\x1f".join(parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def normalised_title(title: str) -> str:
    """A matching key for titles: NFKC, case-folded, quotes/dashes/punctuation folded away."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


class Minter:
    """Mints the IRIs of one deployment base."""

    def __init__(self, base: Base | None = None) -> None:
        self.base = base or Base()

    def _id(self, path: str) -> URIRef:
        return URIRef(self.base.iri + "id/" + path)

    # works -----------------------------------------------------------------
    def work_by_doi(self, doi: str) -> URIRef:
        return self._id(f"work/doi/{doi}")

    def work_by_key(self, *key: str) -> URIRef:
        return self._id(f"work/h/{short_hash(*key)}")

    # parts of works ----------------------------------------------------------
    @staticmethod
    def part(parent: URIRef, *path: str | int) -> URIRef:
        return URIRef(str(parent) + "/" + "/".join(str(p) for p in path))

    # agents ------------------------------------------------------------------
    def person(self, key: str) -> URIRef:
        return self._id(f"person/{key}")

    def organization(self, name: str) -> URIRef:
        return self._id(f"organization/{slug(name)}")

    # venues ------------------------------------------------------------------
    def journal_by_issn(self, issn: str) -> URIRef:
        return self._id(f"journal/issn/{issn}")

    def journal_by_title(self, title: str) -> URIRef:
        return self._id(f"journal/h/{short_hash(normalised_title(title))}")

    def issue(self, journal: URIRef, volume: str, issue: str | None) -> URIRef:
        path = f"volume/{slug(volume)}"
        if issue:
            path += f"/issue/{slug(issue)}"
        return self.part(journal, path)

    # provenance ----------------------------------------------------------------
    def source(self, sha256: str) -> URIRef:
        return self._id(f"source/{sha256[:16]}")

    def source_graph(self, sha256: str) -> URIRef:
        return URIRef(self.base.iri + f"graph/source/{sha256[:16]}")

    # vocabularies ---------------------------------------------------------------
    def scheme(self, scheme: str) -> URIRef:
        return URIRef(self.base.iri + f"vocab/{scheme}")

    def concept(self, scheme: str, label_or_slug: str) -> URIRef:
        return URIRef(self.base.iri + f"vocab/{scheme}/{slug(label_or_slug)}")
