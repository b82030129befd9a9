"""Peer-support concepts: the SKOS thesaurus as records, and evidence-backed tagging of works."""

from peerkg.concepts.records import Concept, Label, LabelKind, Relation, Tag, WorkConcept
from peerkg.concepts.tagger import about_concepts, aggregate, decide, tag, tag_work, work_concepts, work_hits
from peerkg.concepts.thesaurus import Thesaurus, default_thesaurus, load_thesaurus

__all__ = [
    "Concept", "Label", "LabelKind", "Relation", "Tag", "Thesaurus", "WorkConcept",
    "about_concepts", "aggregate", "decide", "default_thesaurus", "load_thesaurus", "tag", "tag_work",
    "work_concepts", "work_hits",
]
