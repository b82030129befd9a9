"""Ctrl-C during a build, never lost.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be when SIGINT arrives. When that is
inside a callback Python runs for itself (an import lock's weakref callback, say), the exception is only
printed as "Exception ignored in …" and the program carries on, so a build interrupted at that moment would
go on to write its output. :class:`Interrupts` records every SIGINT as well as raising it, silences those
"ignored" reports for ``KeyboardInterrupt`` alone, and :meth:`Interrupts.check` raises again before anything
is written.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType, TracebackType
from typing import Any


class Interrupts:
    """Within ``with Interrupts() as interrupts:``, SIGINT raises ``KeyboardInterrupt`` as usual and is
    remembered; ``interrupts.check()`` raises it again if the first one was swallowed."""

    def __init__(self) -> None:
        self.seen = False
        self._handler: Any = None
        self._hook: Any = None

    def __enter__(self) -> Interrupts:
        self._handler = signal.signal(signal.SIGINT, self._on_sigint)
        self._hook = sys.unraisablehook
        sys.unraisablehook = self._on_unraisable
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        signal.signal(signal.SIGINT, self._handler)
        sys.unraisablehook = self._hook

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if a SIGINT came and its exception was swallowed."""
        if self.seen:
            raise KeyboardInterrupt

    def _on_sigint(self, signum: int, frame: FrameType | None) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def _on_unraisable(self, unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return  # recorded by _on_sigint; check() raises it where it can be handled
        self._hook(unraisable)
