"""Domain errors. Each names the input, the place (line or field) and what to do about it."""

from __future__ import annotations


class PeerkgError(Exception):
    """Base of every error peerkg reports to a user (no traceback is shown for these)."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 field: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(PeerkgError):
    """The input cannot be read at all: missing, unreadable, empty, binary, not UTF-8."""


class UnknownPageKind(PeerkgError):
    """The text is not a page of any kind peerkg knows."""


class ParseError(PeerkgError):
    """A page of a known kind is malformed beyond recovery."""


class DataInvalid(PeerkgError):
    """RDF does not conform to the shapes."""

    exit_code = 1


class QueryError(PeerkgError):
    """A SPARQL query is malformed or not allowed."""
