"""Headless Debian Chromium for the browser tests, driven by Playwright (one place for the binary, its flags
and the skips)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# without the background-networking flags Chromium tries hosts this machine cannot reach
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
NO_CHROMIUM = "Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"


@contextmanager
def chromium_context(**options: Any) -> Iterator[Any]:
    """A new browser context of a headless Chromium (``options`` go to ``new_context``, e.g. ``locale``);
    skips the test when Chromium or the playwright package is missing."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    api = pytest.importorskip("playwright.sync_api", reason="the playwright python package is needed")
    with api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser.new_context(**options)
        finally:
            browser.close()
