"""The records that flow between the build's stages: plain frozen dataclasses, no RDF.

* :mod:`~peerkg.model.page` — what a parser reads off one page (:class:`PageRecord` and its parts);
* :mod:`~peerkg.model.cited` — a reference string read into the work it describes (:class:`CitedWork`);
* :mod:`~peerkg.model.parsed` — one page after the parse stage (:class:`ParsedPage`);
* :mod:`~peerkg.model.decisions` — what the resolve stage decides (:class:`Decisions`), nodes named by keys.
"""

from __future__ import annotations

from peerkg.model.cited import (
    CitedWork,
)
from peerkg.model.decisions import (
    AgentId,
    CitedEntry,
    CitedMerge,
    Decisions,
    Evidence,
    Inference,
    InTextCitation,
    LinkDecision,
    MentionAgent,
    NodeId,
    PageDecisions,
    PersonCluster,
    PersonMention,
    Pointer,
    RecordRef,
    Resolution,
    ResolutionStatus,
    StatementId,
    WorkId,
    WorkKey,
    WorkMatch,
    WorkMerge,
    mention_id,
)
from peerkg.model.journals import JournalId, JournalIdentity, JournalJoin
from peerkg.model.page import (
    Abstract,
    AbstractSection,
    CitationStatement,
    CountKind,
    DatePrecision,
    Footnote,
    LineNote,
    LineStatus,
    PageRange,
    PageRecord,
    PartialDate,
    PersonName,
    ReferenceEntry,
    SourceDocument,
    SourceKind,
    StatedCount,
    Venue,
    WorkRecord,
    WorkType,
)
from peerkg.model.parsed import (
    ParsedPage,
)

__all__ = [
    "Abstract",
    "AbstractSection",
    "AgentId",
    "CitationStatement",
    "CitedEntry",
    "CitedMerge",
    "CitedWork",
    "CountKind",
    "DatePrecision",
    "Decisions",
    "Evidence",
    "Footnote",
    "InTextCitation",
    "Inference",
    "LineNote",
    "LineStatus",
    "LinkDecision",
    "MentionAgent",
    "NodeId",
    "PageDecisions",
    "PageRange",
    "PageRecord",
    "ParsedPage",
    "PartialDate",
    "PersonCluster",
    "PersonMention",
    "PersonName",
    "Pointer",
    "RecordRef",
    "ReferenceEntry",
    "Resolution",
    "ResolutionStatus",
    "SourceDocument",
    "SourceKind",
    "StatedCount",
    "StatementId",
    "Venue",
    "WorkId",
    "WorkKey",
    "WorkMatch",
    "WorkMerge",
    "WorkRecord",
    "WorkType",
    "JournalId",
    "JournalIdentity",
    "JournalJoin",
    "mention_id",
]
