"""Cited-work identity and same-full-name people at n and 2n records: the time ratio shows the growth
(≈ 2 when linear, ≈ 4 when quadratic). Run by hand: ``python bench/bench_identity.py [n]``."""

from __future__ import annotations

import sys
import time

from peerkg.model import CitedWork, PersonMention, PersonName, RecordRef, WorkId
from peerkg.resolve.cited import decide_cited
from peerkg.resolve.people import link_people


def _entries(n: int) -> list[tuple[tuple[RecordRef, int], CitedWork]]:
    """n reference entries on n / 5 pages citing n / 10 works (each cited about ten times, two spellings)."""
    out = []
    for i in range(n):
        work = i % (n // 10)
        title = f"Peer support study number {work}" + (" (revisited)" if work % 7 == 0 else "")
        names = (PersonName(f"Author{work % 97}, A.", f"Author{work % 97}", "A."),)
        cited = CitedWork(text=title, title=title if i % 2 else title.upper(), year=2000 + work % 20, authors=names)
        out.append(((RecordRef(i // 5, 0), i % 5 + 1), cited))
    return out


def _mentions(n: int) -> list[PersonMention]:
    """n mentions of n / 20 full names, on n / 10 works, in 10 journals and 5 topics."""
    return [PersonMention(id=f"m{i}", name=PersonName(f"Given{i % (n // 20)} Family{i % 13}", f"Family{i % 13}",
                                                      f"Given{i % (n // 20)}"),
                          work_id=WorkId("key", (str(i % (n // 10)),)), source_id=f"p{i // 7}",
                          journals=frozenset({f"j{i % 10}"}), topics=frozenset({f"t{i % 5}"}))
            for i in range(n)]


def _time(call) -> float:  # noqa: ANN001
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main(n: int = 20_000) -> None:
    for label, make, run in (("cited identity", _entries, lambda x: decide_cited(x, (), str)),
                             ("people (full names)", _mentions, link_people)):
        small, large = make(n), make(2 * n)
        t1, t2 = _time(lambda small=small, run=run: run(small)), _time(lambda large=large, run=run: run(large))
        print(f"{label}: {n} records {t1:.2f} s, {2 * n} records {t2:.2f} s, ratio {t2 / t1:.2f} (linear ≈ 2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
