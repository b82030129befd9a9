"""The mapping from records to RDF: the one place in peerkg that chooses predicates.

``page`` maps what a page states into that page's named graph; ``links`` maps the decisions and
inferences of the resolve stage (and concept tags) into the links graph; ``build`` maps a whole build.
"""

from peerkg.rdf.mapping.page import PageMapper

__all__ = ["PageMapper"]
