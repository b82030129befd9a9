"""The two hand-read gold sets of concept tags, and how a tagger is scored on them.

* ``seeds``: the twelve works of the bundled seed pages (``gold/concepts.tsv``);
* ``abstracts``: twenty works written for peerkg in the style of real abstracts (``gold/abstracts.txt``,
  gold in ``gold/abstracts.tsv``), with the traps the seed pages lack.

Both list the concepts each work is *about*, in every scheme; everything else a tagger marks "about" is a
false positive. Scores are per facet (the scheme: model, setting, theme, population, organisation, place).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from peerkg import resources
from peerkg.concepts import Relation, WorkConcept, work_concepts
from peerkg.concepts.records import SCHEMES
from peerkg.concepts.thesaurus import VOCAB
from peerkg.model import Abstract, AbstractSection, CitationStatement, PageRecord, WorkRecord, WorkType
from peerkg.normalise.abstracts import heading_key

GOLD = Path(__file__).parent / "gold"
MIN_PRECISION, MIN_RECALL = 0.9, 0.85


@cache
def seed_pages() -> dict[str, PageRecord]:
    from peerkg.sources import parse_page

    return {p.name[:3]: parse_page(p.read_text(encoding="utf-8"), p.name) for p in resources.seed_pages()}


def seed_record(ref: str) -> WorkRecord:
    """``"001#4"`` -> listing hit 4 of seed 001; ``"003"`` -> the page's main work."""
    seed, _, position = ref.partition("#")
    works = seed_pages()[seed].works
    return works[0] if not position else next(w for w in works if w.position == int(position))


def read_gold(path: Path) -> dict[str, set[str]]:
    """``work -> concept IRIs`` (a work whose only row is "-" is about no concept)."""
    gold: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            concepts = gold.setdefault(row["work"], set())
            if row["concept"] != "-":
                concepts.add(VOCAB + row["concept"])
    return gold


def _record(fields: list[tuple[str, str]]) -> WorkRecord:
    title = teaser = body = None
    text = None
    sections: list[AbstractSection] = []
    statements: list[CitationStatement] = []
    for name, value in fields:
        if name == "title":
            title = value
        elif name == "teaser":
            teaser = value
        elif name == "abstract":
            text = value
        elif name == "body":
            body = value
        elif name == "statement":
            statements.append(CitationStatement(len(statements) + 1, value, "en", "mentioning"))
        else:
            key = heading_key(name)
            assert key, f"unknown abstract heading {name!r}"
            sections.append(AbstractSection(key, name, value, len(sections) + 1))
    abstract = None
    if sections:
        abstract = Abstract(" ".join(f"{s.heading_as_written} {s.text}" for s in sections), tuple(sections))
    elif text:
        abstract = Abstract(text)
    return WorkRecord(WorkType.JOURNAL_ARTICLE, title=title, teaser=teaser, abstract=abstract, body=body,
                      statements=tuple(statements))


@cache
def abstract_records() -> dict[str, WorkRecord]:
    """The works of ``gold/abstracts.txt`` as the parsers would give them."""
    records: dict[str, WorkRecord] = {}
    current: str | None = None
    fields: list[tuple[str, str]] = []
    for line in [*(GOLD / "abstracts.txt").read_text(encoding="utf-8").splitlines(), "=== end"]:
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("=== "):
            if current:
                records[current] = _record(fields)
            current, fields = line[4:].strip(), []
            continue
        name, _, value = line.partition(": ")
        fields.append((name.strip(), value.strip()))
    return records


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    name: str
    works: int = 0
    total: Score = field(default_factory=Score)
    facets: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"{self.name}: {self.works} works — about-precision {self.total.precision:.3f}, "
                 f"recall {self.total.recall:.3f} (tp {self.total.tp}, fp {self.total.fp}, fn {self.total.fn})"]
        for facet in SCHEMES:
            s = self.facets.get(facet)
            if s is not None and s.tp + s.fp + s.fn:
                lines.append(f"  {facet:13} precision {s.precision:.3f}  recall {s.recall:.3f}  "
                             f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")
        return "\n".join(lines + self.errors)


def evaluate(name: str, gold: dict[str, set[str]], concepts_of: dict[str, tuple[WorkConcept, ...]]) -> Evaluation:
    result = Evaluation(name, works=len(gold))
    for work, expected in gold.items():
        predicted = {wc.concept for wc in concepts_of[work] if wc.relation is Relation.ABOUT}
        for iri in predicted | expected:
            facet = iri[len(VOCAB):].split("/", 1)[0]
            hit = (iri in predicted, iri in expected)
            for score in (result.total, result.facets[facet]):
                score.tp += hit == (True, True)
                score.fp += hit == (True, False)
                score.fn += hit == (False, True)
        extra = sorted(c[len(VOCAB):] for c in predicted - expected)
        missed = sorted(c[len(VOCAB):] for c in expected - predicted)
        if extra or missed:
            result.errors.append(f"  {work:10} false about: {extra}  missed: {missed}")
    return result


def evaluate_seeds() -> Evaluation:
    gold = read_gold(GOLD / "concepts.tsv")
    return evaluate("seed works", gold, {w: work_concepts([seed_record(r) for r in w.split("|")]) for w in gold})


def evaluate_abstracts() -> Evaluation:
    gold = read_gold(GOLD / "abstracts.tsv")
    records = abstract_records()
    assert set(gold) == set(records), "every written work has a gold row and every gold row a work"
    return evaluate("written abstracts", gold, {w: work_concepts([records[w]]) for w in gold})
