"""What a person's page leads with: their works, newest first, each with its year, title, venue, the
co-authors and the person's role (author n of m), and where a work is known only from a reference list.

Every look-up is a bounded SELECT through the backend (:mod:`peerkg.web.lookups`).
"""

from __future__ import annotations

from typing import Any

from peerkg.web.citations import describe_works
from peerkg.web.lookups import select, value

ROLES = """SELECT ?work ?pos ?role WHERE {
  { ?slot pro:isHeldBy <%(iri)s> ; pro:relatesToDocument ?work
    OPTIONAL { ?slot schema:position ?pos } OPTIONAL { ?slot pro:withRole ?role } }
  UNION { ?work dcterms:creator <%(iri)s> }
  ?work a dcterms:BibliographicResource }"""


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def is_person(iri: str) -> bool:
    return bool(select(f"SELECT ?x WHERE {{ <{iri}> a <http://xmlns.com/foaf/0.1/Person> BIND(1 AS ?x) }} LIMIT 1",
                       1))


def person_works(iri: str) -> list[dict[str, Any]] | None:
    """The works of the person ``iri``, newest first (then by title), or ``None`` when ``iri`` is not a
    person. Each work is :func:`peerkg.web.citations.describe_works`' entry plus ``role`` ("1st author of
    3"), ``coauthors`` (the other authors, in order) and ``position``."""
    if not is_person(iri):
        return None
    roles: dict[str, dict[str, str]] = {}
    for r in select(ROLES % {"iri": iri}, 2000, prologue=True):
        entry = roles.setdefault(value(r, "work"), {"position": "", "role": ""})
        entry["position"] = entry["position"] or value(r, "pos")
        entry["role"] = entry["role"] or value(r, "role")
    described = describe_works(set(roles))
    works = []
    for work, d in described.items():
        others = [a for a in d["authors"] if a["person"] != iri]
        role = (roles[work]["role"].rsplit("/", 1)[-1] or "author").replace("-", " ")
        pos = roles[work]["position"]
        if pos.isdigit() and d["authors"]:
            role = f"{_ordinal(int(pos))} {role} of {len(d['authors'])}"
        works.append({**d, "role": role, "coauthors": others, "position": pos})
    works.sort(key=lambda w: (-int(w["year"]) if w["year"].isdigit() else 0, w["title"].lower() or "~", w["iri"]))
    return works
