"""``SELECT *`` columns in the order the variables first appear in the query text."""

from __future__ import annotations

from peerkg.store.projection import star_order


def test_star_order_follows_the_text() -> None:
    engine = ["o", "p", "s"]  # pyoxigraph's order: sorted by name
    assert star_order("SELECT * WHERE { ?s ?p ?o }", engine) == ["s", "p", "o"]
    assert star_order("PREFIX ex: <http://e/> SELECT REDUCED * { $s ?p ?o }", engine) == ["s", "p", "o"]
    # strings, IRIs and comments hold no variables
    assert star_order('SELECT * { # ?o first?\n ?s ?p "?o" . ?p ?x ?o }', ["o", "p", "s", "x"]) == \
        ["s", "p", "x", "o"]


def test_explicit_projection_and_bad_text_unchanged() -> None:
    assert star_order("SELECT ?o ?s { ?s ?p ?o }", ["o", "s"]) == ["o", "s"]
    assert star_order("ASK { ?s ?p ?o }", []) == []
    assert star_order('SELECT * { "unclosed }', ["b", "a"]) == ["b", "a"]
