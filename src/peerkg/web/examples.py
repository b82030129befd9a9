"""Example queries for the query page: the questions of DESIGN §1, and the shipped named queries."""

from __future__ import annotations

BUILT_IN: list[tuple[str, str]] = [
    ("Works with their titles and years", """SELECT ?work ?title ?year WHERE {
  ?work a dcterms:BibliographicResource ; dcterms:title ?title .
  OPTIONAL { ?work fabio:hasPublicationYear ?year }
}
ORDER BY DESC(?year) ?title
LIMIT 50"""),
    ("Works on a peer-support model, and the setting", """SELECT ?work ?title ?year
       (GROUP_CONCAT(DISTINCT STR(?model); separator=", ") AS ?models)
       (GROUP_CONCAT(DISTINCT STR(?setting); separator=", ") AS ?settings) WHERE {
  ?work psmh:peerSupportModel/skos:prefLabel ?model FILTER (lang(?model) = "en")
  OPTIONAL { ?work dcterms:title ?title }
  OPTIONAL { ?work fabio:hasPublicationYear ?year }
  OPTIONAL { ?work psmh:setting/skos:prefLabel ?setting FILTER (lang(?setting) = "en") }
}
GROUP BY ?work ?title ?year
ORDER BY DESC(?year) ?work
LIMIT 50"""),
    ("Who cites a work, and how (supporting, mentioning, …)", """SELECT ?cited ?citedTitle ?type ?how ?citing ?text
WHERE {
  ?statement a psmh:CitationStatement ;
             cito:hasCitedEntity ?cited ;
             cito:hasCitationCharacterization ?how ;
             c4o:hasContent ?text .
  FILTER NOT EXISTS { ?statement psmh:sameTextAs ?earlier }  # a statement printed twice: once
  OPTIONAL { ?cited dcterms:title ?citedTitle }
  OPTIONAL { ?statement dcterms:type/skos:prefLabel ?type FILTER (lang(?type) = "en") }
  OPTIONAL { ?statement cito:hasCitingEntity ?citing }  # when the report names the citing work
}
ORDER BY ?cited ?type
LIMIT 50"""),
    ("Works of an author, in author order, with co-authors", """SELECT ?work ?title ?year ?position
       (GROUP_CONCAT(DISTINCT ?coauthor; separator=", ") AS ?coauthors) WHERE {
  ?person foaf:familyName "Repper" .
  ?role pro:isHeldBy ?person ; pro:relatesToDocument ?work ; schema:position ?position .
  OPTIONAL { ?work dcterms:title ?title }
  OPTIONAL { ?work fabio:hasPublicationYear ?year }
  OPTIONAL { ?work dcterms:creator ?other . ?other foaf:name ?coauthor FILTER (?other != ?person) }
}
GROUP BY ?work ?title ?year ?position
ORDER BY DESC(?year) ?work"""),
    ("Journals and their issues", """SELECT ?journal ?title ?issn ?volume ?issue WHERE {
  ?journal a fabio:Journal ; dcterms:title ?title .
  OPTIONAL { ?journal bibo:issn ?issn }
  OPTIONAL { ?i dcterms:isPartOf ?journal ; bibo:volume ?volume ; bibo:issue ?issue }
}
ORDER BY ?title xsd:integer(?volume) xsd:integer(?issue)
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
