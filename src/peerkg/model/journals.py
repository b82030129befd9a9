"""Journal identity: which printed journal titles and ISSNs name one journal node.

A reference prints a journal by title only; a listing prints it with its ISSN. The resolve stage
(:mod:`peerkg.resolve.journals`) decides, from every page of a build, which titles belong to which ISSN;
:class:`JournalIdentity` answers, for one printing (title, ISSN), the key of its node (:class:`JournalId`).
The mapping mints the IRI from that key (``peerkg.rdf.iri.Minter.journal``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from peerkg.normalise.venues import journal_key

__all__ = ["JournalId", "JournalIdentity", "JournalJoin"]


@dataclass(frozen=True, order=True)
class JournalId:
    """The key of one journal node: ``scheme`` "issn" (``value`` the ISSN) or "title" (``value`` the
    title whose key is hashed into the IRI)."""

    scheme: str
    value: str

    def __str__(self) -> str:
        return f"journal:{self.scheme}/{self.value}"


@dataclass(frozen=True)
class JournalJoin:
    """One decision about the printings of one journal title (key ``key``, best-formed variant ``title``):
    ``rule`` "title-printed-with-issn" (they are the journal ``node``, the one ISSN pages print with the
    title), "title-variants" (variants of one title, one node) or "title-with-several-issns" (printed
    with different ISSNs: joined to none). ``sources``: source16 of every page printing the title."""

    key: str
    title: str
    rule: str
    node: JournalId
    variants: tuple[str, ...]
    evidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class JournalIdentity:
    """For each journal key (:func:`peerkg.normalise.venues.journal_key` of a printed title) the node
    its printings without an ISSN belong to; ISSN printings are always their ISSN's node."""

    by_key: Mapping[str, JournalId] = field(default_factory=dict, hash=False)
    joins: tuple[JournalJoin, ...] = ()

    def of(self, title: str | None, issn: str | None = None) -> JournalId | None:
        """The node of a journal printed as ``title`` (with ``issn`` when the page gives one)."""
        if issn:
            return JournalId("issn", issn)
        if not title:
            return None
        return self.by_key.get(journal_key(title)) or JournalId("title", title)
