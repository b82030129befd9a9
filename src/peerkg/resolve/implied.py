"""Facts the pages imply about a work but do not print: authors read off the statements that cite it,
a journal read off an Emerald DOI's code. Each is an :class:`~peerkg.model.Inference` with its rule,
confidence and evidence; it goes to the links graph, never into a page's graph."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from peerkg.model import Inference, NodeId, WorkKey
from peerkg.normalise.identifiers import normalise_doi
from peerkg.normalise.keys import family_key
from peerkg.resolve.intext import find_citations

__all__ = ["EMERALD_JOURNALS", "infer_authors_from_statements", "journal_from_doi"]

#: Emerald journal codes (``10.1108/{code}-…``) → (title, print ISSN). Only codes whose title and
#: ISSN we could check (ISSNs pass the mod-11 check); unknown codes give no inference.
EMERALD_JOURNALS: dict[str, tuple[str, str | None]] = {
    "jmhtep": ("The Journal of Mental Health Training, Education and Practice", "1755-6228"),
    "mhsi": ("Mental Health and Social Inclusion", "2042-8308"),
    "mhrj": ("Mental Health Review Journal", "1361-9322"),
    "jpmh": ("Journal of Public Mental Health", "1746-5729"),
    "amhid": ("Advances in Mental Health and Intellectual Disabilities", "2044-1282"),
    "tc": ("Therapeutic Communities: The International Journal of Therapeutic Communities", "0964-1866"),
    "jica": ("Journal of Integrated Care", "1476-9018"),
    "wwop": ("Working with Older People", "1366-3666"),
    "jfp": ("Journal of Forensic Practice", "2050-8794"),
    "ijmhsc": ("International Journal of Migration, Health and Social Care", "1747-9894"),
    "dat": ("Drugs and Alcohol Today", "1745-9265"),
    "jacpr": ("Journal of Aggression, Conflict and Peace Research", "1759-6599"),
    "ijhrh": ("International Journal of Human Rights in Healthcare", "2056-4902"),
    "jidob": ("Journal of Intellectual Disabilities and Offending Behaviour", "2050-8824"),
}


def infer_authors_from_statements(work: WorkKey, statements: Sequence[tuple[NodeId, str]]) -> Inference | None:
    """Authors of a work that has none on any page, read off the statements that cite it.

    ``statements``: (statement id, text) of the citation statements *about* ``work``. The rule
    ("authors-from-citing-statements"): among the citations without "et al." whose year is the
    work's year (or lost), the name list found in the most distinct statement texts is proposed,
    if it occurs in at least two distinct texts and in at least half of them, and no other list
    ties with it. Confidence = 0.5 + 0.45 × (share of distinct texts citing it).
    """
    if work.author_families:
        return None
    texts: dict[str, list[NodeId]] = {}
    for sid, text in statements:
        texts.setdefault(text, []).append(sid)
    support: dict[tuple[str, ...], set[str]] = defaultdict(set)
    shown: dict[tuple[str, ...], tuple[str, ...]] = {}
    where: dict[tuple[str, ...], list[tuple[NodeId, str, str]]] = defaultdict(list)  # (statement, @offsets, text)
    for text, sids in texts.items():
        for c in find_citations(text):
            if c.et_al or (c.year is not None and work.year is not None and c.year != work.year):
                continue
            key = tuple(family_key(n) for n in c.names)
            support[key].add(text)
            shown.setdefault(key, c.names)
            where[key] += [(sid, f"@{c.start}-{c.end}", c.text.replace(chr(10), " ")) for sid in sids]
    if not support:
        return None
    ranked = sorted(support, key=lambda k: (-len(support[k]), k))
    best = ranked[0]
    n, total = len(support[best]), len(texts)
    if n < 2 or n * 2 < total or (len(ranked) > 1 and len(support[ranked[1]]) == n):
        return None
    forms = sorted({form for _sid, _at, form in where[best]})
    return Inference(
        subject=work.id, property="authors", values=tuple(("author", name) for name in shown[best]),
        rule="authors-from-citing-statements", confidence=round(0.5 + 0.45 * n / total, 2),
        evidence=(f"{n} of {total} distinct statements about the work cite it as "
                  + " / ".join(repr(f) for f in forms)
                  + (f" (year {work.year})" if work.year else "") + "; no page lists its authors"),
        evidence_ids=tuple(sorted(f"{sid}{at}:{form}" for sid, at, form in where[best])),
        sources=tuple(dict.fromkeys(sid for sid, _at, _form in where[best])),
    )


def journal_from_doi(doi: str | None, subject: str | None = None) -> Inference | None:
    """The journal an Emerald DOI names by its code (``10.1108/jmhtep-03-2015-0013``).

    >>> journal_from_doi("10.1108/MHSI-05-2019-060").get("issn")
    '2042-8308'
    """
    bare = normalise_doi(doi)
    if not bare or not bare.startswith("10.1108/"):
        return None
    code = re.split(r"[-./]", bare[len("10.1108/"):], maxsplit=1)[0]
    if code not in EMERALD_JOURNALS:
        return None
    title, issn = EMERALD_JOURNALS[code]
    values = [("title", title), ("code", code)] + ([("issn", issn)] if issn else [])
    return Inference(
        subject=subject or f"doi:{bare}", property="journal", values=tuple(values), rule="journal-from-doi-prefix",
        confidence=0.95, evidence=f"DOI {bare} carries Emerald's journal code {code!r} = {title}",
        evidence_ids=(bare,))
