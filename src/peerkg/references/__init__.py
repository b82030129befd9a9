"""Reference-list strings → :class:`~peerkg.model.CitedWork` records (part of the parse stage).

A reference string is page content: reading it into fields needs nothing but the string, so it is done
per page, before any linking. :func:`parse_reference` is the entry point.
"""

from peerkg.references.rules import field_text, parse_reference

__all__ = ["field_text", "parse_reference"]
