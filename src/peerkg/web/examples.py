"""Example queries for the query page: the questions of DESIGN §1, and the shipped named queries."""

from __future__ import annotations

BUILT_IN: list[tuple[str, str]] = [
    ("Works with their titles and years", """SELECT ?work ?title ?year WHERE {
  ?work a dcterms:BibliographicResource ; dcterms:title ?title .
  OPTIONAL { ?work fabio:hasPublicationYear ?year }
}
ORDER BY DESC(?year)
LIMIT 50"""),
    ("Works on a peer-support model, and the setting", """SELECT ?work ?title ?model ?setting WHERE {
  ?work psmh:peerSupportModel ?m ; dcterms:title ?title .
  ?m skos:prefLabel ?model .
  OPTIONAL { ?work psmh:setting/skos:prefLabel ?setting }
}
LIMIT 50"""),
    ("Who cites a work, and how (supporting, mentioning, …)", """SELECT ?cited ?citing ?how ?text WHERE {
  ?statement a psmh:CitationStatement ;
             cito:hasCitedEntity ?cited ;
             cito:hasCitationCharacterization ?how .
  OPTIONAL { ?statement cito:hasCitingEntity ?citing }
  OPTIONAL { ?statement c4o:hasContent ?text }
}
LIMIT 50"""),
    ("Works of an author, in author order, with co-authors", """SELECT ?name ?work ?title ?position WHERE {
  ?role pro:isHeldBy ?person ; pro:relatesToDocument ?work ; schema:position ?position .
  ?person foaf:name ?name .
  ?work dcterms:title ?title .
  FILTER(CONTAINS(LCASE(?name), "repper"))
}
ORDER BY ?work ?position"""),
    ("Journals and their issues", """SELECT ?journal ?title ?issn ?volume ?issue WHERE {
  ?journal a fabio:Journal ; dcterms:title ?title .
  OPTIONAL { ?journal bibo:issn ?issn }
  OPTIONAL { ?i dcterms:isPartOf ?journal ; bibo:volume ?volume ; bibo:issue ?issue }
}
LIMIT 50"""),
    ("Named graphs and their sizes", """SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
}
GROUP BY ?graph
ORDER BY DESC(?triples)"""),
]


def example_queries() -> list[tuple[str, str]]:
    """``[(title, query body without prefixes), …]``: the questions of DESIGN §1."""
    return list(BUILT_IN)


def named_examples() -> list[tuple[str, str, str]]:
    """``[(name, title, full query rendered with its default parameters), …]`` for the query page."""
    from peerkg.errors import QueryError
    from peerkg.named_queries import load_named_queries, render

    try:
        return [(q.name, q.title, render(q)) for q in load_named_queries()]
    except QueryError:
        return []  # a malformed file: /queries says which; the query page still works
