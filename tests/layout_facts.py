"""Facts read by hand from the layout pages (tests/layouts/), and the field-level score against them.

A fact is ``"hit.field=value"``: ``1.title=…``, ``1.author2=Hannah Cordle`` (the name as displayed, given
name first), ``1.issued=2010-05``, ``1.journal=…``, ``1.volume=14``, ``1.issue=2``, ``1.issn=…``,
``1.publisher=…``, ``1.place=…``, ``1.section3=findings``, ``1.keyword=…``, ``1.type=…``,
``1.references=3``, ``1.statements=1``, ``1.doi=…``, ``1.teaser=<first five words>``.
"""

from __future__ import annotations

from peerkg.model import PageRecord

F = "Mental Health and Social Inclusion"
J = "The Journal of Mental Health Training, Education and Practice"
WARD = ("1.author1=Matthew Ward", "1.author2=Hannah Cordle", "1.author3=Peter Chadwick")

EXPECTED: dict[str, tuple[str, set[str]]] = {
    "article_from_author.txt": ("article-page", {
        *WARD, "1.publisher=Emerald", "1.section1=purpose", "1.section2=design-methodology-approach",
        "1.section3=findings", "1.section4=originality-value", "1.subject=Psychiatry and Mental health",
        "1.subject=Health Policy", "1.references=3"}),
    "article_from_abstract.txt": ("article-page", {
        "1.publisher=Emerald", "1.section1=purpose", "1.section2=design-methodology-approach",
        "1.section3=findings", "1.section4=originality-value", "1.subject=Psychiatry and Mental health",
        "1.subject=Education"}),
    "article_from_references.txt": ("article-page", {"1.references=3"}),
    "article_from_affiliations.txt": ("article-page", {
        "1.publisher=Emerald", "1.section1=purpose", "1.section2=design-methodology-approach",
        "1.section3=findings", "1.section4=practical-implications", "1.section5=originality-value",
        "1.subject=Psychiatry and Mental health", "1.subject=Nursing", "1.references=2"}),
    "article_only_references.txt": ("article-page", {
        "1.title=Peer workers in crisis teams: a first look", "1.references=5"}),
    "article_apa_references.txt": ("article-page", {
        "1.title=Peer support on acute wards: a pilot in two hospitals", "1.author1=Grace Okafor",
        "1.author2=Maria Lindqvist", "1.publisher=Emerald", "1.section1=purpose",
        "1.section2=design-methodology-approach", "1.section3=findings", "1.section4=originality-value",
        "1.subject=Psychiatry and Mental health", "1.subject=Nursing", "1.references=6"}),
    "report_one_statement.txt": ("citation-report", {"1.statements=1"}),
    "listing_compact_glued.txt": ("search-listing", {
        *WARD, "1.issued=2010-05", f"1.journal={F}", "1.volume=14", "1.issue=2", "1.issn=2042-8308",
        "1.type=Research Article", "1.teaser=This paper describes how a",
        "2.author1=Peter Chadwick", "2.author2=Louise Fenn", "2.issued=2013-03", f"2.journal={J}",
        "2.volume=8", "2.issue=1", "2.issn=1755-6228", "2.type=Research Article",
        "2.teaser=The purpose of this paper"}),
    "listing_stripped_headings.txt": ("search-listing", {
        "1.author1=Tori Wolfendale", "1.author2=Angella Musaabi", "1.issued=2017-08-14", f"1.journal={F}",
        "1.volume=21", "1.issue=4", "1.issn=2042-8308", "1.type=Research Article",
        "1.teaser=This paper describes how peer", "1.section1=purpose", "1.section2=design-methodology-approach",
        "1.section3=findings", "1.section4=originality-value", "1.keyword=Peer support",
        "1.keyword=Forensic mental health", "1.keyword=Secure care",
        "2.author1=Julie Repper", "2.author2=Emma Watson", "2.issued=2016-10-01", f"2.journal={J}",
        "2.volume=11", "2.issue=5", "2.issn=1755-6228", "2.type=Research Article",
        "2.teaser=The purpose of this paper", "2.section1=purpose", "2.section2=design-methodology-approach",
        "2.section3=findings", "2.section4=originality-value", "2.keyword=Peer support workers",
        "2.keyword=Training", "2.keyword=Lived experience"}),
    "listing_author_search.txt": ("search-listing", {
        "1.author1=Simon Bradstreet", "1.author2=Rebekah Pratt", "1.issued=2010-08-18", f"1.journal={F}",
        "1.volume=14", "1.issue=3", "1.issn=2042-8308", "1.type=Research Article",
        "1.teaser=This paper reflects on the", "1.section1=purpose", "1.section2=findings",
        "1.keyword=Peer support workers", "1.keyword=Scotland", "1.keyword=Recovery",
        "2.author1=Simon Bradstreet", "2.issued=2008-06-20", "2.journal=The Mental Health Review",
        "2.volume=13", "2.issue=2", "2.issn=1361-9322", "2.type=General Review",
        "2.teaser=This paper describes the Scottish"}),
    "fulltext_vlex_dash.txt": ("full-text", {
        "1.title=Developing peer support worker roles in a community mental health trust", *WARD,
        "1.issued=2010-05-01", "1.pages=5-12", f"1.journal={F}", "1.volume=14", "1.issue=2",
        "1.publisher=Pier Professional Ltd", "1.subject=Health & social care", "1.subject=Mental health",
        "1.section1=purpose", "1.section2=design-methodology-approach", "1.section3=findings",
        "1.section4=originality-value", "1.keyword=Peer support", "1.keyword=Recovery",
        "1.keyword=Mental health services", "1.type=Research paper"}),
    "fulltext_vlex_nodash.txt": ("full-text", {
        "1.title=Self-help groups in a day centre: what members said", "1.author1=Terry Carter",
        "1.issued=1996-12-01", "1.pages=14-18", "1.journal=The Mental Health Review", "1.volume=1", "1.issue=4",
        "1.publisher=Pavilion Publishing", "1.place=Brighton", "1.subject=Health & social care",
        "1.section1=purpose", "1.section2=design-methodology-approach", "1.section3=findings",
        "1.section4=originality-value", "1.keyword=Self-help groups", "1.keyword=Day centres",
        "1.keyword=User involvement", "1.type=Research paper"}),
}


def facts(record: PageRecord) -> set[str]:
    """The facts a parsed page holds, in the notation of :data:`EXPECTED`."""
    out: set[str] = set()
    for n, w in enumerate(record.works, start=1):
        def add(name: str, value: object, n: int = n) -> None:
            if value not in (None, "", ()):
                out.add(f"{n}.{name}={value}")
        add("title", w.title)
        for i, a in enumerate(w.authors, start=1):
            add(f"author{i}", a.display)
        add("issued", w.issued.iso() if w.issued else None)
        add("doi", w.doi)
        if w.pages:
            add("pages", f"{w.pages.start}-{w.pages.end}" if w.pages.end else w.pages.start)
        v = w.venue
        if v:
            add("journal", v.title)
            add("volume", v.volume)
            add("issue", v.issue)
            add("issn", v.issn)
            add("place", v.place)
        add("publisher", w.publisher or (v.publisher if v else None))
        add("type", w.article_type)
        add("teaser", " ".join(w.teaser.split()[:5]) if w.teaser else None)
        if w.abstract:
            for s in w.abstract.sections:
                add(f"section{s.position}", s.heading)
        for s in w.subjects:
            add("subject", s)
        for k in w.keywords:
            add("keyword", k)
        if w.references:
            add("references", len(w.references))
        if w.statements:
            add("statements", len(w.statements))
    return out


def score(found: dict[str, set[str]], expected: dict[str, set[str]]) -> tuple[float, float, float]:
    """Micro-averaged precision, recall and F1 of ``found`` against ``expected`` (pages × facts)."""
    tp = sum(len(found[p] & expected[p]) for p in expected)
    got = sum(len(found[p]) for p in expected)
    want = sum(len(expected[p]) for p in expected)
    precision = tp / got if got else 1.0
    recall = tp / want if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
