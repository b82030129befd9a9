"""Linking: in-text citations, work matching, people — pure functions over records.

Every merge is a :class:`LinkDecision` and every implied fact an :class:`Inference`, each with its
rule, score/confidence, evidence text and the ids involved; ``peerkg.rdf.mapping`` writes them to
the links graph.
"""

from peerkg.linking.intext import find_citations
from peerkg.linking.people import link_people
from peerkg.linking.records import (
    CitedWork,
    Inference,
    InTextCitation,
    LinkDecision,
    PersonCluster,
    PersonMention,
    Resolution,
    ResolutionStatus,
    WorkKey,
    WorkMatch,
)
from peerkg.linking.works import (
    EMERALD_JOURNALS,
    cluster_works,
    infer_authors_from_statements,
    journal_from_doi,
    match_works,
    normalise_title,
    resolve_citation,
)

__all__ = [
    "EMERALD_JOURNALS",
    "CitedWork",
    "InTextCitation",
    "Inference",
    "LinkDecision",
    "PersonCluster",
    "PersonMention",
    "Resolution",
    "ResolutionStatus",
    "WorkKey",
    "WorkMatch",
    "cluster_works",
    "find_citations",
    "infer_authors_from_statements",
    "journal_from_doi",
    "link_people",
    "match_works",
    "normalise_title",
    "resolve_citation",
]
