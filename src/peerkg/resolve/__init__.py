"""Entity resolution: which records name the same work, person or organisation, and what each in-text
citation points to — decisions on records and keys, with rule, score and evidence.

``resolve(pages) -> Decisions`` is the stage's one entry point (:mod:`peerkg.resolve.stage`). The package
reads :mod:`peerkg.model` and :mod:`peerkg.normalise` only: it never imports rdflib or ``peerkg.rdf`` and
never sees an IRI; ``peerkg.rdf.iri`` mints IRIs from the keys its decisions carry.

* :mod:`~peerkg.resolve.works` — one node per work across pages (identity rules);
* :mod:`~peerkg.resolve.matching` — is a cited work a described one; what an in-text citation resolves to;
* :mod:`~peerkg.resolve.intext` — finding author-year citations in running text;
* :mod:`~peerkg.resolve.people` — author mentions into persons and organisations;
* :mod:`~peerkg.resolve.implied` — facts the pages imply (authors from citing statements, journal from DOI).
"""

from peerkg.collector import collector_paused
from peerkg.resolve import stage
from peerkg.resolve.intext import find_citations

# the cyclic collector paused while the pages are resolved: linear in their size (see peerkg.collector)
resolve = collector_paused()(stage.resolve)

__all__ = ["find_citations", "resolve"]
