"""The columns of ``SELECT *`` in the order the query names its variables.

SPARQL leaves the order of ``SELECT *`` columns to the engine; pyoxigraph 0.5 sorts them by name
(``?o ?p ?s``), while Jena, Virtuoso and every query editor show them in the order the variables first
appear in the query (``?s ?p ?o``). :func:`star_order` gives that order, read from the query text with the
screen's lexer (:mod:`peerkg.store.guard`), so strings, IRIs and comments never count as variables.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerkg.store.base import QuerySyntaxError
from peerkg.store.guard import lex

_MODIFIERS = frozenset({"DISTINCT", "REDUCED"})


def star_order(query: str, variables: Sequence[str]) -> list[str]:
    """``variables`` (the engine's columns) reordered as they first appear in ``query`` when its outermost
    projection is ``SELECT *``; otherwise (an explicit projection, which engines keep) unchanged.

    Variables the text does not show (none should) keep the engine's order, after the others.
    """
    try:
        tokens = list(lex(query))
    except QuerySyntaxError:
        return list(variables)
    i = next((k for k, t in enumerate(tokens) if t.kind == "word" and t.text.upper() == "SELECT"), None)
    if i is None:
        return list(variables)
    i += 1
    while i < len(tokens) and tokens[i].kind == "word" and tokens[i].text.upper() in _MODIFIERS:
        i += 1
    if i >= len(tokens) or tokens[i].text != "*":
        return list(variables)
    wanted = set(variables)
    order: list[str] = []
    for tok in tokens[i + 1:]:
        if tok.kind == "var":
            name = tok.text[1:]
            if name in wanted and name not in order:
                order.append(name)
    return order + [v for v in variables if v not in order]
