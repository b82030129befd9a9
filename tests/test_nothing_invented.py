"""Nothing invented: every as-printed string a parser returns is text the page holds.

Checked on the seeds and on pages mutated the way real scrapes vary — lines dropped, the page cut at
any point, blank lines doubled — for all four parsers. Normalised fields (DOIs, ISSNs, canonical
heading keys, dates) are excluded: they are derived by rule and tested elsewhere.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerkg.errors import PeerkgError
from peerkg.model import PageRecord
from peerkg.resources import seed_pages
from peerkg.sources import parse_page

EXAMPLES = int(os.environ.get("PEERKG_FUZZ", "150"))  # PEERKG_FUZZ=3000 for a longer run by hand
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in seed_pages()}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_strings(record: PageRecord) -> Iterator[tuple[str, str]]:
    """(field, value) for every field the model documents as "as printed"."""
    for count in record.counts:
        yield "page count", count.as_written
    for n, work in enumerate(record.works, start=1):
        for name in ("title", "teaser", "article_type", "kind_as_written", "publisher"):
            value = getattr(work, name)
            if value:
                yield f"work {n} {name}", value
        for line in (work.body or "").split("\n"):  # a body may run on across page furniture
            if line.strip():
                yield f"work {n} body line", line
        for subject in (*work.subjects, *work.keywords):
            yield f"work {n} subject/keyword", subject
        for author in work.authors:
            yield f"work {n} author", author.as_written
        if work.venue and work.venue.title:
            yield f"work {n} venue", work.venue.title
        if work.abstract:
            for section in work.abstract.sections:
                yield f"work {n} abstract {section.heading}", section.text
                yield f"work {n} abstract heading", section.heading_as_written
        for entry in work.references:
            yield f"work {n} reference {entry.position}", entry.text
        for statement in work.statements:
            yield f"work {n} statement {statement.position}", statement.text
            if statement.section:
                yield f"work {n} statement section", statement.section
        for count in work.counts:
            yield f"work {n} count", count.as_written


def assert_nothing_invented(text: str, record: PageRecord) -> None:
    page = _norm(text)
    for where, value in printed_strings(record):
        assert _norm(value) in page, f"{where}: {value[:80]!r} is not in the page"


def test_seeds_invent_nothing():
    for text in SEEDS.values():
        assert_nothing_invented(text, parse_page(text))


def _mutate(text: str, drop: list[int], cut: float, doubled: bool) -> str:
    lines = text.split("\n")
    lines = [line for i, line in enumerate(lines) if i not in set(drop)]
    out = "\n".join(lines)
    out = out[: max(1, int(len(out) * cut))]
    return out.replace("\n\n", "\n\n\n") if doubled else out


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(sorted(SEEDS)), drop=st.lists(st.integers(0, 330), max_size=6),
       cut=st.floats(0.05, 1.0), doubled=st.booleans())
def test_mutated_pages_invent_nothing(seed, drop, cut, doubled):
    text = _mutate(SEEDS[seed], drop, cut, doubled)
    try:
        record = parse_page(text)
    except PeerkgError:
        return  # refusing a page is allowed; inventing is not
    assert_nothing_invented(text, record)
