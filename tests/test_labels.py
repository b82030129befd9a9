"""The one language rule for labels (peerkg.labels), prefixed names and plain literal values, and the rule
applied where the CLI and named queries choose labels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from peerkg.errors import QueryError
from peerkg.explain import explain
from peerkg.labels import choose_label, label_languages, node_label, plain_value, prefixed
from peerkg.named_queries import NamedQuery, get_named_query, parse_named_query, render

MUTUALITY = [("Gegenseitigkeit", "de"), ("mutuality", "en")]
TTL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/psmh/vocab/theme/mutuality> a skos:Concept ;
    skos:prefLabel "Gegenseitigkeit"@de, "mutuality"@en ; skos:altLabel "reciprocity"@en .
"""


@pytest.mark.parametrize(("page", "accept", "expected"), [
    (None, None, ("en",)),
    (None, "de-DE,de;q=0.9,en;q=0.8", ("de-de", "de", "en")),
    (None, "fr;q=0.2, de;q=0.7, *;q=0.1", ("de", "fr", "en")),
    (None, "de;q=0, fr", ("fr", "en")),
    ("en", "de", ("en",)),           # the page's language wins over Accept-Language
    ("de", None, ("de", "en")),
    ("<script>", "de", ("de", "en")),  # not a language tag: ignored
])
def test_label_languages_rule(page: str | None, accept: str | None, expected: tuple[str, ...]) -> None:
    assert label_languages(page, accept) == expected


def test_choose_label_prefers_the_rule_over_alphabetical_order() -> None:
    assert choose_label(MUTUALITY) == "mutuality"
    assert choose_label(list(reversed(MUTUALITY))) == "mutuality"
    assert choose_label(MUTUALITY, label_languages(None, "de-AT")) == "Gegenseitigkeit"
    assert choose_label([("Peer-Arbeit", "de"), ("Peer work", "")]) == "Peer work"  # untagged before others
    assert choose_label([("Peer-Arbeit", "de")]) == "Peer-Arbeit"  # any label before none
    assert choose_label([]) is None
    assert node_label({"http://purl.org/dc/terms/title": [("Title", "en")],
                       "http://www.w3.org/2000/01/rdf-schema#label": [("label", "en")]}, ("en",)) == ("Title", "en")


def test_prefixed_names_and_plain_values() -> None:
    assert prefixed("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == "rdf:type"
    assert prefixed("http://purl.org/spar/fabio/hasPublicationYear") == "fabio:hasPublicationYear"
    assert prefixed("https://w3id.org/psmh/ontology#hasStatedCount") == "psmh:hasStatedCount"
    assert prefixed("https://example.org/x") == "https://example.org/x"
    assert plain_value("2010", "http://www.w3.org/2001/XMLSchema#gYear") == "2010"
    assert plain_value("true", "http://www.w3.org/2001/XMLSchema#boolean") == "yes"


def test_cli_explain_label_by_the_rule(tmp_path: Path) -> None:
    ds = Dataset()
    ds.parse(data=TTL, format="turtle")
    iri = "https://w3id.org/psmh/vocab/theme/mutuality"
    assert explain(ds, iri).label == "mutuality"
    assert explain(ds, iri, lang="de").label == "Gegenseitigkeit"


def test_named_queries_take_the_label_language() -> None:
    query = get_named_query("concepts")
    assert 'FILTER (langMatches(lang(?label), "en"))' in render(query)
    german = render(query, lang="de")
    # the reader's language first, English as the fallback
    assert german.index('langMatches(lang(?label), "de")') < german.index('(lang(?label) = "en")')
    assert 'langMatches(lang(?label), "de")' in render(query, lang="de-AT")
    assert 'langMatches(lang(?label), "en")' in render(query, lang='x" } DROP ALL {')  # not a tag: English
    with pytest.raises(QueryError, match="built in"):
        parse_named_query("# title: t\n# param: lang = \"en\"\nSELECT * WHERE { ?s ?p $lang }", "bad")
    assert isinstance(query, NamedQuery)


def test_cli_named_query_lang(tmp_path: Path) -> None:
    data = tmp_path / "g.ttl"
    scheme = "skos:inScheme <https://w3id.org/psmh/vocab/theme> ;"
    data.write_text(TTL.replace("a skos:Concept ;", f"a skos:Concept ; {scheme}"), encoding="utf-8")

    def run(*extra: str) -> str:
        cmd = [sys.executable, "-m", "peerkg", "query", "--named", "concepts", "--data", str(data), "--format", "csv",
               *extra]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        return out.stdout

    assert ",mutuality," in run() and "Gegenseitigkeit" not in run()
    assert ",Gegenseitigkeit," in run("--lang", "de")
