"""Peer-support concepts: the SKOS thesaurus as records, and evidence-backed tagging of works."""

from peerkg.concepts.records import Concept, Label, LabelKind, Relation, Tag, WorkConcept
from peerkg.concepts.tagger import about_concepts, aggregate, tag, tag_work
from peerkg.concepts.thesaurus import Thesaurus, default_thesaurus, load_thesaurus

__all__ = [
    "Concept", "Label", "LabelKind", "Relation", "Tag", "Thesaurus", "WorkConcept",
    "about_concepts", "aggregate", "default_thesaurus", "load_thesaurus", "tag", "tag_work",
]
