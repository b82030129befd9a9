"""Map one parsed page (a :class:`PageRecord`) into the RDF graph of that page.

This package is the only code that chooses predicates; ``docs/data-model.md`` documents the result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS

from peerkg import __version__
from peerkg.model import (
    Abstract,
    CitationStatement,
    JournalIdentity,
    PageRange,
    PageRecord,
    PersonName,
    ReferenceEntry,
    SourceDocument,
    StatedCount,
    Venue,
    WorkRecord,
    mention_id,
)
from peerkg.rdf.iri import Minter
from peerkg.rdf.mapping import terms
from peerkg.rdf.namespaces import BIBO, BIRO, C4O, CITO, DOCO, FABIO, PRO, PSMH, SCHEMA

# (mention id, name as parsed) -> the person/organisation node decided by the resolve stage
AgentResolver = Callable[[str, PersonName], URIRef]

@dataclass
class PageMapper:
    """Writes the triples one page states into ``graph``.

    ``work_iris[i]`` is the IRI of the work key the resolve stage decided for ``page.works[i]``;
    ``agent_iri`` resolves an author name to its person/organisation node.
    """

    page: PageRecord
    source: SourceDocument
    work_iris: list[URIRef]
    agent_iri: AgentResolver
    minter: Minter = field(default_factory=Minter)
    graph: Graph = field(default_factory=Graph)
    # preferred label of each concept minted from print, shared by all pages of a build: a later
    # page printing the same heading differently ("Mental health" / "Mental Health") adds an altLabel
    concept_labels: dict[URIRef, str] = field(default_factory=dict)
    # the fullest name the resolve stage found for each person node: a page that writes a shorter
    # form ("Faulkner, A.") keeps it on the author role (psmh:nameAsWritten), not as the person's name
    canonical_names: dict[URIRef, PersonName] = field(default_factory=dict)
    # (work record, entry position) → the reference entry's path segment when it is not the position (two
    # pages of one work print other entries there: each page's entry is its own node)
    reference_segments: Mapping[tuple[int, int], str] = field(default_factory=dict)
    # which journal node each printed (title, ISSN) belongs to, decided across the build's pages
    journals: JournalIdentity = field(default_factory=JournalIdentity)

    @property
    def source_iri(self) -> URIRef:
        return self.minter.source(self.source.sha256)

    @property
    def source16(self) -> str:
        return self.source.sha256[:16]

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    # ------------------------------------------------------------------ page
    def map(self) -> Graph:
        self.map_source()
        for count in self.page.counts:
            node = self.minter.part(self.source_iri, "count", count.kind.value)
            self.map_count(self.source_iri, count, node)
        for index, (record, iri) in enumerate(zip(self.page.works, self.work_iris, strict=True)):
            self.map_work(record, iri, index)
        return self.graph

    def map_source(self) -> None:
        s = self.source_iri
        self.graph.add((s, RDF.type, PROV.Entity))
        self.graph.add((s, RDF.type, FOAF.Document))
        self.graph.add((s, DCTERMS.identifier, Literal(self.source.name)))
        self.graph.add((s, PSMH.sourceKind, self.minter.concept("source-kind", self.page.kind.value)))
        self.graph.add((s, PSMH.sha256, Literal(self.source.sha256)))
        self.graph.add((s, PSMH.byteSize, terms.integer(self.source.size)))
        self.graph.add((s, PSMH.converterVersion, Literal(__version__)))
        if self.page.partial:
            self.graph.add((s, PSMH.truncated, terms.boolean(True)))
        generated = self.source.extra.get("generated_at")
        if generated:
            self.graph.add((s, PROV.generatedAtTime, Literal(generated, datatype=terms.XSD.dateTime)))

    # ------------------------------------------------------------------ works
    def map_work(self, record: WorkRecord, w: URIRef, index: int = 0) -> None:
        g = self.graph
        g.add((w, RDF.type, DCTERMS.BibliographicResource))
        g.add((w, RDF.type, terms.WORK_CLASS[record.work_type]))
        g.add((w, PROV.wasDerivedFrom, self.source_iri))
        if record.title:
            g.add((w, DCTERMS.title, terms.text(record.title, record.language)))
        if record.issued:
            g.add((w, DCTERMS.issued, terms.date_literal(record.issued)))
            g.add((w, FABIO.hasPublicationYear, terms.year_literal(record.issued.year)))
        self.map_doi_and_pages(w, record.doi, record.pages)
        if record.publisher:
            g.add((w, DCTERMS.publisher, self.organization(record.publisher)))
        if record.teaser:
            g.add((w, PSMH.listingTeaser, terms.text(record.teaser, record.language)))
        for label in (record.article_type, record.kind_as_written):
            if label:
                g.add((w, DCTERMS.type, self.printed_concept("publication-type", label)))
        for subject in record.subjects:
            g.add((w, DCTERMS.subject, self.printed_concept("subject", subject)))
        for keyword in record.keywords:
            g.add((w, DCTERMS.subject, self.printed_concept("keyword", keyword)))
        self.map_authors(record, w, index)
        if record.venue:
            self.map_venue(record.venue, w)
        if record.abstract:
            self.map_abstract(record.abstract, w)
        for count in record.counts:
            self.map_count(w, count, self.minter.part(w, "count", self.source16, count.kind.value))
        for entry in record.references:
            self.map_reference(entry, w, index)
        for statement in record.statements:
            self.map_statement(statement, w)

    def map_doi_and_pages(self, w: URIRef, doi: str | None, pages: PageRange | None) -> None:
        if doi:
            self.graph.add((w, BIBO.doi, Literal(doi)))
            self.graph.add((w, SCHEMA.sameAs, URIRef("https://doi.org/" + doi)))
        if pages:
            self.add(w, BIBO.pageStart, Literal(pages.start) if pages.start else None)
            self.add(w, BIBO.pageEnd, Literal(pages.end) if pages.end else None)

    def map_authors(self, record: WorkRecord, w: URIRef, index: int) -> None:
        for position, name in enumerate(record.authors, start=1):
            self.map_role(w, position, name, mention_id(self.source16, index, position))

    def map_role(self, w: URIRef, position: int, name: PersonName, mention: str,
                 role_kind: URIRef = PRO.author) -> None:
        """One author (or editor) of ``w``: the agent, its role in time, the position and the name as written."""
        agent = self.agent_iri(mention, name)
        role = self.minter.part(w, "author", position)
        self.map_agent(name, agent)
        self.graph.add((w, DCTERMS.creator, agent))
        self.graph.add((w, PRO.isDocumentContextFor, role))
        self.graph.add((role, RDF.type, PRO.RoleInTime))
        self.graph.add((role, PRO.withRole, role_kind))
        self.graph.add((role, PRO.isHeldBy, agent))
        self.graph.add((role, PRO.relatesToDocument, w))
        self.graph.add((role, SCHEMA.position, terms.integer(position)))
        self.graph.add((role, PSMH.nameAsWritten, Literal(name.as_written)))

    def map_agent(self, name: PersonName, agent: URIRef) -> None:
        g = self.graph
        if name.is_organisation:
            g.add((agent, RDF.type, FOAF.Organization))
            g.add((agent, FOAF.name, Literal(name.display)))
            return
        g.add((agent, RDF.type, FOAF.Person))
        canonical = self.canonical_names.get(agent)
        if canonical is not None and canonical.display != name.display:
            return
        g.add((agent, FOAF.name, Literal(name.display)))
        self.add(agent, FOAF.familyName, Literal(name.family) if name.family else None)
        self.add(agent, FOAF.givenName, Literal(name.given) if name.given else None)

    def organization(self, name: str) -> URIRef:
        org = self.minter.organization(name)
        self.graph.add((org, RDF.type, FOAF.Organization))
        self.graph.add((org, FOAF.name, Literal(name)))
        return org

    def journal(self, title: str | None, issn: str | None = None) -> URIRef | None:
        """The node of the journal printed as ``title``/``issn``: the one the resolve stage decided."""
        key = self.journals.of(title, issn)
        return self.minter.journal(key) if key is not None else None

    def map_venue(self, venue: Venue, w: URIRef) -> None:
        g = self.graph
        journal = self.journal(venue.title, venue.issn)
        if journal is None:
            return
        g.add((journal, RDF.type, FABIO.Journal))
        g.add((journal, RDF.type, BIBO.Journal))
        if venue.title:
            g.add((journal, DCTERMS.title, Literal(venue.title)))
        if venue.issn:
            g.add((journal, BIBO.issn, Literal(venue.issn)))
        if venue.publisher:
            g.add((journal, DCTERMS.publisher, self.organization(venue.publisher)))
        if venue.ahead_of_print or not venue.volume:
            g.add((w, DCTERMS.isPartOf, journal))
            if venue.ahead_of_print:
                g.add((w, PSMH.aheadOfPrint, terms.boolean(True)))
            return
        self.map_issue(journal, venue.volume, venue.issue, w)

    def map_issue(self, journal: URIRef, volume: str, issue_number: str | None, w: URIRef) -> None:
        """The issue (volume, number) of ``journal`` that holds ``w``; bibo:issue only on the issue node."""
        issue = self.minter.issue(journal, volume, issue_number)
        self.graph.add((issue, RDF.type, FABIO.JournalIssue))
        self.graph.add((issue, RDF.type, BIBO.Issue))
        self.graph.add((issue, BIBO.volume, Literal(volume)))
        self.add(issue, BIBO.issue, Literal(issue_number) if issue_number else None)
        self.graph.add((issue, DCTERMS.isPartOf, journal))
        self.graph.add((w, DCTERMS.isPartOf, issue))

    def map_abstract(self, abstract: Abstract, w: URIRef) -> None:
        g = self.graph
        node = self.minter.abstract(w, self.source16)
        g.add((w, DCTERMS.abstract, terms.text(abstract.text, abstract.language)))
        g.add((w, DCTERMS.hasPart, node))
        g.add((node, RDF.type, FABIO.Abstract))
        g.add((node, C4O.hasContent, terms.text(abstract.text, abstract.language)))
        if abstract.truncated:
            g.add((node, PSMH.truncated, terms.boolean(True)))
        for section in abstract.sections:
            s = self.minter.part(node, section.position)
            g.add((node, DCTERMS.hasPart, s))
            g.add((s, RDF.type, DOCO.Section))
            g.add((s, DCTERMS.type, self.minter.concept("abstract-heading", section.heading)))
            # the heading as printed labels the section; it is not a title (dcterms:title is for works)
            g.add((s, RDFS.label, Literal(section.heading_as_written)))
            g.add((s, C4O.hasContent, terms.text(section.text, abstract.language)))
            g.add((s, SCHEMA.position, terms.integer(section.position)))

    # ------------------------------------------------------------------ counts, references
    def map_count(self, subject: URIRef, count: StatedCount, node: URIRef) -> None:
        g = self.graph
        g.add((subject, PSMH.hasStatedCount, node))
        g.add((node, RDF.type, PSMH.StatedCount))
        g.add((node, PSMH.countKind, self.minter.concept("count-kind", count.kind.value)))
        g.add((node, PSMH.countValue, terms.integer(count.value)))
        self.add(node, PSMH.countQualifier, Literal(count.qualifier) if count.qualifier else None)
        g.add((node, C4O.hasContent, Literal(count.as_written)))
        g.add((node, PROV.wasDerivedFrom, self.source_iri))

    def reference_node(self, w: URIRef, index: int, position: int) -> URIRef:
        """Entry ``position`` of the list of work record ``index`` (``w``)."""
        return self.minter.reference(w, self.reference_segments.get((index, position), position))

    def map_reference(self, entry: ReferenceEntry, w: URIRef, index: int = 0) -> None:
        g = self.graph
        ref = self.reference_node(w, index, entry.position)
        g.add((ref, RDF.type, BIRO.BibliographicReference))
        g.add((ref, C4O.hasContent, Literal(entry.text)))
        g.add((ref, SCHEMA.position, terms.integer(entry.position)))
        g.add((ref, DCTERMS.isPartOf, w))
        g.add((ref, PROV.wasDerivedFrom, self.source_iri))

    def map_statement(self, statement: CitationStatement, w: URIRef) -> None:
        g = self.graph
        node = self.minter.statement(w, self.source16, statement.position)
        label = statement.type_label.lower()
        g.add((node, RDF.type, PSMH.CitationStatement))
        g.add((node, RDF.type, CITO.Citation))
        g.add((node, CITO.hasCitedEntity, w))
        g.add((node, CITO.hasCitationCharacterization, terms.CHARACTERIZATION.get(label, CITO.cites)))
        g.add((node, DCTERMS.type, self.minter.concept("citation-type", label)))
        if statement.confidence is not None:
            g.add((node, PSMH.confidence, terms.decimal(statement.confidence)))
        if statement.section:
            g.add((node, PSMH.citingSection, Literal(statement.section)))
        g.add((node, C4O.hasContent, terms.text(statement.text, statement.language)))
        g.add((node, SCHEMA.position, terms.integer(statement.position)))
        if statement.truncated_start or statement.truncated_end:
            g.add((node, PSMH.truncated, terms.boolean(True)))
        if statement.duplicate_of is not None:
            first = self.minter.statement(w, self.source16, statement.duplicate_of)
            g.add((node, PSMH.sameTextAs, first))
        g.add((node, PROV.wasDerivedFrom, self.source_iri))

    # ------------------------------------------------------------------ concepts from print
    def printed_concept(self, scheme: str, label: str) -> URIRef:
        """A concept for a heading as a page prints it (subjects, keywords, publication types)."""
        concept = self.minter.concept(scheme, label)
        g = self.graph
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.inScheme, self.minter.scheme(scheme)))
        preferred = self.concept_labels.setdefault(concept, label)
        g.add((concept, SKOS.prefLabel, Literal(preferred, lang="en")))
        if label != preferred:
            g.add((concept, SKOS.altLabel, Literal(label, lang="en")))
        return concept
