"""Turning domain errors into click errors with the right exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from peerkg.errors import PeerkgError


class CommandError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@contextmanager
def user_errors() -> Iterator[None]:
    """Report :class:`PeerkgError` as a one-line message (no traceback) with its exit code."""
    try:
        yield
    except PeerkgError as exc:
        raise CommandError(str(exc), exc.exit_code) from exc
    except OSError as exc:
        raise CommandError(f"{exc.filename or ''}: {exc.strerror or exc}", 2) from exc
