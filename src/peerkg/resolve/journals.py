"""Journal identity: one node per journal, whether a page prints it with its ISSN or a reference by title.

A printing is a (title, ISSN) pair a page gives for a journal: a work record's venue, a reference entry's
journal (title only), a running header. Titles compare on :func:`~peerkg.normalise.venues.journal_key`
(case, accents, punctuation, a leading "The", "&"/"and" and lost spaces do not count), so
``MENTALHEALTH AND SOCIAL INCLUSION`` and ``Mental Health and Social Inclusion`` are one title.

Rules:

* a printing with an ISSN is that ISSN's journal; two different ISSNs are never one node (a journal's
  print and online ISSNs stay two nodes rather than risk joining two journals);
* printings of a title without an ISSN join the journal of the one ISSN that pages print with that title
  (``title-printed-with-issn``), recorded as a :class:`~peerkg.model.journals.JournalJoin`;
* a title printed with two or more different ISSNs joins none of them (the evidence conflicts): its
  ISSN-less printings stay one node of their own, named by the best-formed variant;
* ISSN-less printings of variants of one title are one node, named by the best-formed variant
  (:func:`~peerkg.normalise.venues.preferred_title`), so the choice does not depend on page order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from peerkg.model import ParsedPage, WorkType
from peerkg.model.journals import JournalId, JournalIdentity, JournalJoin
from peerkg.normalise.venues import journal_key, preferred_title

__all__ = ["Printing", "decide_journals", "printings"]

Printing = tuple[str, str | None, str]  # (title, ISSN or None, source16 of the page)


def printings(pages: Sequence[ParsedPage]) -> Iterable[Printing]:
    """Every journal printing of ``pages``: work records' venues and journal articles' containers."""
    for page in pages:
        for i, record in enumerate(page.record.works):
            venue = record.venue
            if venue is not None and venue.title:
                yield venue.title, venue.issn, page.source16
            for cited in page.cited[i] if i < len(page.cited) else ():
                if cited.work_type is WorkType.JOURNAL_ARTICLE and cited.container_title:
                    yield cited.container_title, None, page.source16


def decide_journals(found: Iterable[Printing]) -> JournalIdentity:
    """The node of every journal key printed in ``found``, and the joins that tied titles to an ISSN."""
    variants: dict[str, list[str]] = defaultdict(list)
    pages: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)  # key -> pages printing the title without an ISSN
    issns: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # key -> ISSN -> pages
    for title, issn, source in found:
        key = journal_key(title)
        if not key:
            continue
        variants[key].append(title)
        pages[key].add(source)
        if issn:
            issns[key][issn].add(source)
        else:
            bare[key].add(source)
    by_key: dict[str, JournalId] = {}
    joins: list[JournalJoin] = []
    for key in sorted(variants):
        printed = sorted(set(variants[key]))
        best = preferred_title(variants[key]) or printed[0]
        with_issn = issns.get(key, {})
        shown = " / ".join(map(repr, printed))
        sources = tuple(sorted(pages[key]))
        if len(with_issn) == 1:
            (issn, on), = with_issn.items()
            node = by_key[key] = JournalId("issn", issn)
            if bare[key]:  # printings without the ISSN join the ISSN's node
                joins.append(JournalJoin(key, best, "title-printed-with-issn", node, tuple(printed),
                                         f"{shown} printed with ISSN {issn} on {len(on)} page(s), with no other "
                                         f"ISSN on any page, and without an ISSN on {len(bare[key])}", sources))
            continue
        node = by_key[key] = JournalId("title", best)
        if len(with_issn) > 1:
            joins.append(JournalJoin(key, best, "title-with-several-issns", node, tuple(printed),
                                     f"{shown} printed with {len(with_issn)} different ISSNs "
                                     f"({', '.join(sorted(with_issn))}): printings without an ISSN "
                                     "joined to none of them", sources))
        elif len(printed) > 1:
            joins.append(JournalJoin(key, best, "title-variants", node, tuple(printed),
                                     f"{shown} are variants of one title, no ISSN printed", sources))
    return JournalIdentity(by_key=by_key, joins=tuple(joins))
