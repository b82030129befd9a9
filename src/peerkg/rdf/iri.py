"""Deterministic IRI minting: the one place where a key becomes an IRI. An IRI, once minted for a key,
never changes.

The resolve stage names nodes by keys (:class:`~peerkg.model.WorkId`, :class:`~peerkg.model.StatementId`,
:class:`~peerkg.model.AgentId`); :class:`Minter` has one method per kind of node. See ``docs/data-model.md``
for the IRI scheme. Everything here is a pure function of its inputs.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from peerkg.model import AgentId, JournalId, StatementId, WorkId
from peerkg.normalise import keys
from peerkg.rdf.namespaces import Base


def slug(text: str) -> str:
    """The path segment of a name: :func:`peerkg.normalise.keys.slug`, "x" when nothing is left."""
    return keys.slug(text) or "x"


def short_hash(*parts: str, length: int = 16) -> str:
    """First ``length`` hex digits of the SHA-256 of the parts joined by U+001F."""
    data = "\x1f".join(parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


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

    def work(self, work: WorkId) -> URIRef:
        """The node of a work key: by DOI, by the hash of its best key, or under the work citing it."""
        if work.scheme == "doi":
            return self.work_by_doi(work.parts[0])
        if work.scheme == "cited" and work.citing is not None:
            return self.part(self.work(work.citing), "reference", work.parts[0], "work")
        return self.work_by_key(*work.parts)

    def node(self, key: WorkId | StatementId | AgentId) -> URIRef:
        """The node of any key a decision carries."""
        if isinstance(key, WorkId):
            return self.work(key)
        if isinstance(key, StatementId):
            return self.statement(self.work(key.work), key.source16, key.position)
        return self.agent(key)

    # parts of works ----------------------------------------------------------
    @staticmethod
    def part(parent: URIRef, *path: str | int) -> URIRef:
        return URIRef(str(parent) + "/" + "/".join(str(p) for p in path))

    def statement(self, work: URIRef, source16: str, position: int | str) -> URIRef:
        """A citation statement about ``work`` on the page ``source16``."""
        return self.part(work, "statement", f"{source16}-{position}")

    def reference(self, work: URIRef, position: int | str) -> URIRef:
        """Entry ``position`` of the reference list of ``work`` (``"2-<page>"``: one page's entry 2, where
        another page of the work prints another entry 2)."""
        return self.part(work, "reference", position)

    def pointer(self, work: URIRef, source16: str, number: int) -> URIRef:
        """In-text citation ``number`` of ``work`` on the page ``source16``."""
        return self.part(work, "pointer", f"{source16}-{number}")

    def abstract(self, work: URIRef, source16: str) -> URIRef:
        """The abstract of ``work`` as the page ``source16`` shows it."""
        return self.part(work, "abstract", source16)

    def annotation(self, work: URIRef, concept: str) -> URIRef:
        """The one concept annotation of ``work`` for ``concept`` (``…/annotation/{scheme}-{slug}``)."""
        scheme, name = concept.rsplit("/", 2)[-2:]
        return self.part(work, "annotation", f"{scheme}-{name}")

    def hit(self, annotation: URIRef, source16: str, field: str, start: int) -> URIRef:
        """One hit of a concept annotation: where the words stand (page, field, offset)."""
        return self.part(annotation, "hit", short_hash(source16, field, str(start)))

    # agents ------------------------------------------------------------------
    def person(self, key: str) -> URIRef:
        return self._id(f"person/{key}")

    def organization(self, name: str) -> URIRef:
        return self._id(f"organization/{slug(name)}")

    def agent(self, agent: AgentId) -> URIRef:
        return self.organization(agent.key) if agent.organisation else self.person(agent.key)

    def place(self, name: str) -> URIRef:
        return self._id(f"place/{short_hash(name.casefold(), length=12)}")

    # venues ------------------------------------------------------------------
    def journal_by_issn(self, issn: str) -> URIRef:
        return self._id(f"journal/issn/{issn}")

    def journal_by_title(self, title: str) -> URIRef:
        return self._id(f"journal/h/{short_hash(keys.title_key(title))}")

    def journal(self, journal: JournalId) -> URIRef:
        """The node of a journal key: by ISSN, else by the hash of its title's key."""
        if journal.scheme == "issn":
            return self.journal_by_issn(journal.value)
        return self.journal_by_title(journal.value)

    def issue(self, journal: URIRef, volume: str, issue: str | None) -> URIRef:
        path = f"volume/{slug(volume)}"
        if issue:
            path += f"/issue/{slug(issue)}"
        return self.part(journal, path)

    # decisions -----------------------------------------------------------------
    def decision(self, *key: str) -> URIRef:
        return self._id(f"decision/{short_hash(*key)}")

    def inference(self, subject: URIRef, prop: str, values: str) -> URIRef:
        return self._id(f"inference/{short_hash(str(subject), prop, values)}")

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
