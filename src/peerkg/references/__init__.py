"""Reference-list strings → :class:`~peerkg.model.CitedWork` records (part of the parse stage).

A reference string is page content: reading it into fields needs nothing but the string, so it is done
per page, before any linking. :func:`parse_reference` is the entry point: a CRF tagger trained on
synthetic references in many citation styles (:mod:`peerkg.references.parser`). The older rule-based
reader stays available as :func:`peerkg.references.rules.parse_reference` (the benchmark's baseline).
"""

from peerkg.references.parser import parse_reference
from peerkg.references.rules import field_text

__all__ = ["field_text", "parse_reference"]
