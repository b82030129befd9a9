"""Tables and literal constructors the mapping uses: the few decisions that are pure lookups."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from peerkg.model import PartialDate, WorkType
from peerkg.rdf.namespaces import CITO, FABIO

WORK_CLASS: dict[WorkType, URIRef] = {
    WorkType.JOURNAL_ARTICLE: FABIO.JournalArticle,
    WorkType.EDITORIAL: FABIO.JournalEditorial,
    WorkType.BOOK_CHAPTER: FABIO.BookChapter,
    WorkType.BOOK: FABIO.Book,
    WorkType.REPORT: FABIO.ReportDocument,
    WorkType.NEWSPAPER_ARTICLE: FABIO.NewspaperArticle,
    WorkType.WEB_PAGE: FABIO.WebPage,
    WorkType.THESIS: FABIO.Thesis,
    WorkType.WORK: FABIO.Expression,
}

# How a citation-type label given by a citation report maps to a CiTO characterization.
# cito:supports means the citing work supports the cited one; cito:disputes that it disputes it.
CHARACTERIZATION: dict[str, URIRef] = {
    "supporting": CITO.supports,
    "contrasting": CITO.disputes,
    "mentioning": CITO.citesForInformation,
    "unclassified": CITO.cites,
}


def date_literal(date: PartialDate) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear: exactly as precise as the page states."""
    if date.day is not None and date.month is not None:
        return Literal(date.iso(), datatype=XSD.date)
    if date.month is not None:
        return Literal(date.iso(), datatype=XSD.gYearMonth)
    return Literal(date.iso(), datatype=XSD.gYear)


def year_literal(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def decimal(value: Decimal | float | str) -> Literal:
    text = format(Decimal(str(value)).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def text(value: str, language: str | None = None) -> Literal:
    return Literal(value, lang=language) if language else Literal(value)
