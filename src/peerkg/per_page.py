"""The per-page stages of a build — read, parse (references included), tag — in worker processes.

A page needs nothing from any other page until resolution, so these stages run on every core: each worker
takes a path and gives back a :class:`PageWork` (the parsed page and its concept tags, or why the page was
refused), in input order. One worker (or a handful of pages) runs in this process, with the same results.

In ``strict`` mode the first refused page aborts the build: it is read again here, so the error raised is
the one the page gives (file, line, field and what to do), not a copy pickled across processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from peerkg.collector import collector_paused
from peerkg.concepts.records import Tag
from peerkg.concepts.tagger import tag_work
from peerkg.concepts.thesaurus import default_thesaurus
from peerkg.errors import PeerkgError
from peerkg.inputs import read_page
from peerkg.model import ParsedPage, SourceDocument

__all__ = ["PageTags", "PageWork", "default_workers", "run_pages"]

PageTags = tuple[tuple[Tag, ...], ...]  # per work record of a page, its tags
SMALL_BUILD = 16  # fewer pages than this are done in this process: starting workers costs more


@dataclass(frozen=True)
class PageWork:
    """One page after the per-page stages: parsed and tagged, or refused (``error``, at ``stage``)."""

    path: str
    parsed: ParsedPage | None = None
    tags: PageTags = ()
    document: SourceDocument | None = None  # of a page read but not parsed
    error: str | None = None
    stage: str = ""  # "read" or "parse" for a refused page


def default_workers() -> int:
    """Worker processes for the per-page stages: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Job:
    strict: bool
    limit: int | None


@collector_paused()  # read, parse and tag linear in the page's size (see peerkg.collector)
def _work(job: _Job, path: Path) -> PageWork:
    from peerkg.pipeline import parse_one

    try:
        page = read_page(path, job.limit)
    except PeerkgError as exc:
        return PageWork(path=str(path), error=str(exc), stage="read")
    try:
        parsed = parse_one(page, job.strict)
    except PeerkgError as exc:
        return PageWork(path=str(page.path), document=page.document, error=str(exc), stage="parse")
    thesaurus = default_thesaurus()
    tags = tuple(tag_work(record, thesaurus) for record in parsed.record.works)
    return PageWork(path=parsed.path, parsed=parsed, tags=tags)


_JOB: _Job | None = None


def _start(job: _Job) -> None:
    global _JOB
    _JOB = job


def _in_worker(path: Path) -> PageWork:
    assert _JOB is not None
    return _work(_JOB, path)


def _results(paths: Sequence[Path], job: _Job, workers: int) -> Iterator[PageWork]:
    if workers <= 1:
        yield from (_work(job, path) for path in paths)
        return
    # The first page is done here: it loads the parsers' models, the thesaurus and the tokenizers once,
    # and the forked workers inherit them instead of each loading its own.
    yield _work(job, paths[0])
    rest = paths[1:]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_start, initargs=(job,)) as pool:
        yield from pool.imap(_in_worker, rest, chunksize=max(1, min(16, len(rest) // (workers * 8))))


def run_pages(paths: Sequence[Path], *, strict: bool = False, limit: int | None = None,
              workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> list[PageWork]:
    """Read, parse and tag every page, in ``workers`` processes (default: :func:`default_workers`, or this
    process alone for fewer than :data:`SMALL_BUILD` pages); results in the order of ``paths``."""
    if workers is None:
        workers = default_workers() if len(paths) >= SMALL_BUILD else 1
    job = _Job(strict=strict, limit=limit)
    done: list[PageWork] = []
    for number, work in enumerate(_results(paths, job, min(workers, len(paths)) or 1), start=1):
        if strict and work.error:
            _raise_again(Path(work.path), job)
        done.append(work)
        if progress:
            progress(number, len(paths))
    return done


def _raise_again(path: Path, job: _Job) -> None:
    """Read a refused page again in this process, so that its own error is raised."""
    from peerkg.pipeline import parse_one

    parse_one(read_page(path, job.limit), strict=True)
    raise PeerkgError("page refused in a worker but read here", source=str(path))  # pragma: no cover
