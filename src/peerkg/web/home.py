"""The home page as a way in: what the data holds (counted when the store was filled), the lists to browse
(works by year, people, journals, concepts), a search over titles and names, and the example questions as
links that run them.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template, request, url_for

from peerkg.kinds import by_name, counts_query
from peerkg.web import browse
from peerkg.web.errors import ApiError
from peerkg.web.lookups import select, value
from peerkg.web.state import backend, cache, config
from peerkg.web.terms import local_href

bp = Blueprint("home", __name__)

# what the home page counts, in its words, and the list each count opens
COUNTED = (("works", "works", "works"), ("people", "people", "people"), ("journals", "journals", "journals"),
           ("concepts", "concepts", "concepts"), ("citation statements", "citation statements", None))
LIST_TITLES = {"works": "Works, by year", "people": "People", "journals": "Journals", "concepts": "Concepts"}
# the researchers' questions (README), each answered by a named query with its parameters
QUESTIONS = (
    ("Who cites Beales & Wilson (2015), and how?", "who-cites", {}),
    ("Which works did Julie Repper write, with whom, where?", "author-works", {}),
    ("Which studies look at peer support on inpatient wards?", "works-by-setting", {}),
    ("Works by year and venue", "works-by-year-and-venue", {}),
)


def kind_counts() -> dict[str, int]:
    """Nodes per kind: the counts the store wrote when it was filled (``peerkg-store.json``); for a backend
    that keeps none (a remote endpoint), counted once per app and kept."""
    stored = backend().status().get("kinds")
    if isinstance(stored, dict):
        return {str(k): int(v) for k, v in stored.items()}
    store = cache()
    if "kinds" not in store:
        rows = select(counts_query(), 100)
        store["kinds"] = by_name({value(r, "c"): int(value(r, "n", "0")) for r in rows})
    return store["kinds"]


def _run_link(query: str) -> str:
    """The query page with ``query`` in the editor, run as the page opens."""
    return url_for("sparql.sparql") + "#run=" + quote(query, safe="")


def _page_number() -> int:
    raw = request.args.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise ApiError(400, "bad-page", f"page={raw!r} is not a page number (1, 2, …)", parameter="page")
    return int(raw)


def _html(body: str) -> Response:
    return Response(body, content_type="text/html; charset=utf-8")


@bp.route("/")
def home() -> Response:
    counts = kind_counts()
    examples = [(title, _run_link(body)) for title, body in current_app.config["PEERKG_EXAMPLES"]]
    questions = [(title, url_for("named.named_query", name=name, **params)) for title, name, params in QUESTIONS]
    return _html(render_template(
        "home.html", title=config().title, sparql=url_for("sparql.sparql"), examples=examples,
        questions=questions, years=browse.work_years(),
        counts=[(words, counts.get(kind, 0), url_for("home.browse_list", kind=target) if target else None)
                for kind, words, target in COUNTED]))


@bp.route("/browse/<kind>")
def browse_list(kind: str) -> Response:
    if kind not in browse.KINDS:
        raise ApiError(404, "not-found", f"there is no list of {kind!r}; the lists are "
                       + ", ".join(f"/browse/{k}" for k in browse.KINDS))
    year = request.args.get("year") if kind == "works" else None
    if year is not None and not (year == "" or (len(year) == 4 and year.isdigit())):
        raise ApiError(400, "bad-year", f"year={year!r} is not a year (e.g. 2015; empty for works without one)",
                       parameter="year")
    page = _page_number()
    found = browse.listing(kind, page, year)
    if request.args.get("format") == "json":
        return Response(json.dumps({"kind": kind, "page": page, "more": found.more, "items": found.items},
                                   ensure_ascii=False) + "\n", content_type="application/json")
    title = LIST_TITLES[kind] + (f": {year or 'no year'}" if year is not None else "")
    return _html(render_template("browse.html", kind=kind, title=title, listing=found, year=year,
                                 href=local_href, years=browse.work_years() if kind == "works" else []))


@bp.route("/search")
def search() -> Response:
    text = request.args.get("q", "")[:500]
    page = _page_number()
    found = browse.search(text, page)
    if request.args.get("format") == "json":
        return Response(json.dumps({"q": text, "words": found.extra["words"], "page": page, "more": found.more,
                                    "items": found.items}, ensure_ascii=False) + "\n",
                        content_type="application/json")
    return _html(render_template("search.html", q=text, listing=found, href=local_href))
