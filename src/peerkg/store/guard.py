"""Screening a query text before it runs: is it an update, does it use SERVICE or LOAD, which FROM graphs.

pyoxigraph executes ``SERVICE`` by making the HTTP request itself and exposes no parser of its own, so
the screen lexes the text by the terminals of the SPARQL 1.1 grammar (section 19.8: IRIREF, PNAME_LN
with PLX escapes such as ``ex:a\\'``, the four string forms with ECHAR only, comments, variables) and
checks the bracket structure. It is strict: whatever it cannot lex is refused as a syntax error with its
line and column (the engine would refuse it too), so it never reads a string where the engine reads a
name. Codepoint escapes (``\\u0053ERVICE``) are screened both as written and decoded. The scan is one
left-to-right pass (linear in the text) and nesting is bounded. Query workers also run without network
(:func:`peerkg.store.worker.cut_network`), so a SERVICE that got past the screen could not connect.

:func:`readable_syntax_error` turns the engine's messages ("expected one of …, [_]") into ones a person
can read: "unknown prefix foo:", "unexpected end of query", "expected } at line 3, column 2".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from peerkg.store.base import QuerySyntaxError

# Possessive repetition (``*+``, ``++``): the regex engine keeps no backtracking state per character, so
# lexing a 100 kB unterminated string costs no memory (a backtracking ``*`` held ~0.7 kB per character).
_ECHAR = r"\\[tbnrf\\\"']|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKEN = re.compile(
    r"(?P<ws>[ \t\r\n]++)"
    r"|(?P<comment>#[^\r\n]*+)"
    rf"|(?P<string>\"\"\"(?:[^\"\\]++|{_ECHAR}|\"(?!\"\"))*+\"\"\""
    rf"|'''(?:[^'\\]++|{_ECHAR}|'(?!''))*+'''"
    rf"|\"(?:[^\"\\\n\r]++|{_ECHAR})*+\"|'(?:[^'\\\n\r]++|{_ECHAR})*+')"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)"
    r"|(?P<bnode>_:[\w\-.\u00B7]*)"
    r"|(?P<pname>(?:[^\W\d_][\w\-.\u00B7]*)?:(?:[\w:\-.\u00B7]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])*)"
    r"|(?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\.(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"
    r"|(?P<word>[A-Za-z][A-Za-z0-9_]*)"
    r"|(?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\],;.*+\-/!=<>|^?])",
    re.UNICODE,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPEN, _CLOSE = {"{": "}", "(": ")", "[": "]"}, {"}": "{", ")": "(", "]": "["}
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                             "WITH"})
DEFAULT_MAX_DEPTH = 64
MAX_CHAIN = 1000  # pyoxigraph 0.5 overflows its stack (the worker dies) on chains of ~8,000
_OPERATORS = frozenset({"||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "|", "^"})


@dataclass
class Screening:
    is_update: bool = False
    uses_service: bool = False
    uses_load: bool = False
    from_graphs: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    pos: int


def _where(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _fail(text: str, pos: int, what: str) -> QuerySyntaxError:
    line, column = _where(text, pos)
    return QuerySyntaxError(f"error at {line}:{column}: {what}")


def lex(text: str) -> Iterator[_Token]:
    """The tokens of ``text`` but whitespace and comments, left to right (``kind``, ``text``, ``pos``)."""
    pos, end = 0, len(text)
    while pos < end:
        m = _TOKEN.match(text, pos)
        if m is None:
            ch = text[pos]
            if ch in "\"'":
                raise _fail(text, pos, "a string is not closed (or holds a backslash escape SPARQL does not "
                                       "have); close it with " + ch)
            raise _fail(text, pos, f"unexpected character {ch!r}" if ch.isprintable()
                        else f"unexpected character U+{ord(ch):04X}")
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield _Token(kind, m.group(), pos)
        pos = m.end()


def _tokens(text: str, max_depth: int) -> list[_Token]:
    """The tokens of ``text``, checking the bracket structure as they come: a text that nests too deeply or
    chains too many operators is refused at the first token over the limit (no list of 40,000 tokens)."""
    tokens: list[_Token] = []
    stack: list[_Token] = []
    chains = [0]  # operators (and UNIONs) seen at each open level: the engine recurses once per operator
    for tok in lex(text):
        tokens.append(tok)
        if tok.kind == "word" and tok.text.upper() == "UNION" or tok.kind == "punct" and tok.text in _OPERATORS:
            chains[-1] += 1
            if chains[-1] > MAX_CHAIN:
                raise _fail(text, tok.pos, f"more than {MAX_CHAIN} operators or UNIONs in a row, the limit of "
                                           "this service; use VALUES or IN (…) for long lists of alternatives")
            continue
        if tok.kind != "punct":
            continue
        if tok.text in _OPEN:
            chains.append(0)
            stack.append(tok)
            if len(stack) > max_depth:
                raise _fail(text, tok.pos, f"the query nests groups and brackets deeper than {max_depth} "
                                           "levels, the limit of this service; flatten it")
        elif tok.text in _CLOSE:
            if not stack:
                raise _fail(text, tok.pos, f"unexpected {tok.text} (nothing to close)")
            opened = stack.pop()
            chains.pop()
            if opened.text != _CLOSE[tok.text]:
                raise _fail(text, tok.pos, f"expected {_OPEN[opened.text]}, found {tok.text}")
    if stack:
        opened = stack[-1]
        line, column = _where(text, opened.pos)
        raise _fail(text, len(text), f"unexpected end of query: expected {_OPEN[opened.text]} to close the "
                                     f"{opened.text} at line {line}, column {column}")
    return tokens


def _scan(text: str, known_prefixes: Mapping[str, str], max_depth: int) -> Screening:
    tokens = _tokens(text, max_depth)
    result = Screening()
    prefixes: dict[str, str] = dict(known_prefixes)  # predeclared ones, overridden by PREFIX
    first_keyword: str | None = None
    for i, tok in enumerate(tokens):
        if tok.kind == "word":
            upper = tok.text.upper()
            if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1].kind == "pname" \
                    and tokens[i + 2].kind == "iri":
                prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text[1:-1]
                continue
            if first_keyword is None and upper not in ("PREFIX", "BASE"):
                first_keyword = upper
            if upper == "SERVICE":
                result.uses_service = True
            elif upper == "LOAD":
                result.uses_load = True
            elif upper == "FROM":
                result.from_graphs += _graph_after(tokens, i, prefixes)
        elif tok.kind == "pname":
            prefix = tok.text.partition(":")[0]
            declared = prefix in prefixes
            declaring = i > 0 and tokens[i - 1].text.upper() == "PREFIX"
            if not declared and not declaring:
                raise _fail(text, tok.pos, f"unknown prefix {prefix}: (declare it: PREFIX {prefix}: <…>)")
    result.is_update = first_keyword in UPDATE_KEYWORDS
    return result


def _graph_after(tokens: list[_Token], i: int, prefixes: dict[str, str]) -> list[str]:
    j = i + 1
    if j < len(tokens) and tokens[j].text.upper() == "NAMED":
        j += 1
    if j >= len(tokens):
        return []
    tok = tokens[j]
    if tok.kind == "iri":
        return [tok.text[1:-1]]
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return [prefixes[prefix] + local]
    return []


def _decode(m: re.Match[str]) -> str:
    code = int(m.group(1) or m.group(2), 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def screen(query: str, known_prefixes: Mapping[str, str] | None = None,
           max_depth: int = DEFAULT_MAX_DEPTH) -> Screening:
    """Screen ``query``; raise :class:`QuerySyntaxError` (with line and column) for what cannot be lexed.

    ``known_prefixes`` are the prefixes the service predeclares (a query's own PREFIX overrides them).
    """
    known_prefixes = known_prefixes or {}
    result = _scan(query, known_prefixes, max_depth)
    if _ESCAPE.search(query):
        decoded = _ESCAPE.sub(_decode, query)
        try:
            other = _scan(decoded, known_prefixes, max_depth)
        except QuerySyntaxError:  # the decoded text does not lex: look for the keywords anywhere in it
            other = Screening(uses_service=bool(re.search(r"service", decoded, re.I)),
                              uses_load=bool(re.search(r"\bload\b", decoded, re.I)))
        result.uses_service |= other.uses_service
        result.uses_load |= other.uses_load
        result.from_graphs += [g for g in other.from_graphs if g not in result.from_graphs]
    return result


_ENGINE = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def readable_syntax_error(query: str, message: str, known_prefixes: Mapping[str, str] | None = None) -> str:
    """A message a person can read for a query the engine refused (``message`` is the engine's).

    The screen's own diagnosis wins (unknown prefix, unclosed bracket or string); otherwise the engine's
    expected tokens are kept by name, character classes dropped, and the end of the text is said so.
    """
    try:
        _scan(query, known_prefixes or {}, 10_000)
    except QuerySyntaxError as exc:
        return str(exc)
    m = _ENGINE.match(message)
    if m is None:
        return message.splitlines()[0] if message else "syntax error"
    line, column, what = int(m.group(1)), int(m.group(2)), m.group(3).strip()
    names = [n.strip() for n in re.split(r",\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", what.removeprefix(
        "expected one of ").removeprefix("expected ")) if n.strip() and not n.strip().startswith("[")]
    lines = query.split("\n")
    rest = "\n".join(lines[line - 1:])[column - 1:] if line <= len(lines) else ""
    if not rest.strip():
        head = "unexpected end of query"
    else:
        found = re.match(r"\S{1,20}", rest.lstrip())
        head = f"unexpected {found.group() if found else 'text'!r}"
    if names:
        head += ": expected " + (names[0] if len(names) == 1 else "one of " + ", ".join(names[:6]))
    return f"error at {line}:{column}: {head}"
