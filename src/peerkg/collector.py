"""Build stages run with Python's cyclic garbage collector paused, so their time is linear in the page.

Used for each page's read, parse and tag (``peerkg.per_page``) and for resolution (``peerkg.resolve``).

A stage that reads a page (records, reference strings, mentions) or resolves the pages (keys, clusters,
decisions) allocates objects that live until it ends. Every full collection walks all live objects, so
with the collector on, the stage's time grows faster than its input: on a page of one line repeated
(bench/bench_page_scaling.py), 10x the lines cost 15-23x the time of resolution, 10-11x with the collector
paused. Nothing acyclic is kept longer (reference counting frees it as before); the cycles a stage made
are freed by the collector's next runs once it is back on (the stage's survivors are walked once: linear).
No collection is forced at the end: a full one walks every live object of the process (≈0.1 s with the
thesaurus and shapes loaded), which would cost more than the stage on a small page.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block (or a decorated function).

    Nested uses pause nothing more; the outermost one turns the collector back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
