"""The per-page build report: what each page gave, what was skipped and why, what was rejected."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from peerkg.model import LineStatus, PageRecord, WorkRecord
from peerkg.pipeline import BuildResult, PageOutcome
from peerkg.shacl_report import summary


def _work_summary(work: WorkRecord) -> dict[str, Any]:
    return {
        "type": work.work_type.value,
        "title": work.title,
        "doi": work.doi,
        "issued": work.issued.iso() if work.issued else None,
        "authors": [a.as_written for a in work.authors],
        "references": {"declared": work.references_declared, "listed": len(work.references)},
        "statements": len(work.statements),
        "counts": {c.kind.value: c.value for c in work.counts},
    }


MAX_RANGES = 200  # skipped ranges listed per page; the rest are counted by reason only


def skipped_ranges(record: PageRecord) -> list[dict[str, Any]]:
    """The skipped lines as runs: consecutive lines (no mapped line between them) skipped for one reason
    make one entry ``{"from", "to", "lines", "reason", "text"}`` (``text``: the run's first line, cut)."""
    runs: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for note in sorted(record.lines, key=lambda n: n.line):
        if note.status is not LineStatus.SKIPPED:
            current = None
            continue
        if current is not None and current["reason"] == note.what:
            current["to"] = note.line
            current["lines"] += 1
            continue
        current = {"from": note.line, "to": note.line, "lines": 1, "reason": note.what, "text": note.text[:120]}
        runs.append(current)
    return runs


def _lines(record: PageRecord) -> dict[str, Any]:
    mapped = Counter(n.what for n in record.lines if n.status is LineStatus.MAPPED)
    skipped = Counter(n.what for n in record.lines if n.status is LineStatus.SKIPPED)
    runs = skipped_ranges(record)
    out: dict[str, Any] = {"mapped": sum(mapped.values()), "skipped": sum(skipped.values()),
                           "mapped_by_field": dict(sorted(mapped.items())),
                           "skipped_by_reason": dict(sorted(skipped.items())),
                           "skipped_ranges": runs[:MAX_RANGES]}
    if len(runs) > MAX_RANGES:
        out["skipped_ranges_not_listed"] = len(runs) - MAX_RANGES
    return out


def page_report(outcome: PageOutcome) -> dict[str, Any]:
    entry: dict[str, Any] = {"page": outcome.path, "status": outcome.status}
    if outcome.document:
        entry["sha256"] = outcome.document.sha256
    if outcome.error:
        entry["error"] = outcome.error
        return entry
    if outcome.same_as:
        entry["same_as"] = outcome.same_as
        return entry
    record = outcome.record
    assert record is not None
    entry["kind"] = record.kind.value
    entry["confidence"] = record.confidence
    entry["evidence"] = list(record.evidence)
    entry["graph"] = str(outcome.graph)
    entry["works"] = [_work_summary(w) for w in record.works]
    entry["page_counts"] = {c.kind.value: c.value for c in record.counts}
    entry["lines"] = _lines(record)
    entry["problems"] = list(record.problems)
    return entry


def build_report(result: BuildResult) -> dict[str, Any]:
    validation = result.validation
    return {
        "pages": [page_report(o) for o in result.outcomes],
        "rejected": [o.path for o in result.rejected],
        "not_read": [{"file": str(u.path), "reason": u.reason} for u in result.unread],
        "works": len(result.decisions.works),
        "merges": [
            {"rule": m.rule, "score": m.score, "evidence": m.evidence} for m in result.decisions.merges
        ],
        "cited_merges": [
            {"rule": m.rule, "score": m.score, "evidence": m.evidence} for m in result.decisions.cited_merges
        ],
        # each shape violation with the pages whose statements make it (two pages that disagree on one node)
        "conflicts": [c.as_dict() for c in result.clashes],
        "validation": None if validation is None else summary(validation),
        "inferred_triples": result.inferred_triples,
    }


def as_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def as_text(report: dict[str, Any]) -> str:
    out: list[str] = []
    for page in report["pages"]:
        kind = f" ({page['kind']}" + (f", confidence {page['confidence']:.2f}" if page.get("confidence") is not None
                                      else "") + ")" if "kind" in page else ""
        out.append(f"{page['page']}: {page['status']}{kind}")
        if "error" in page:
            out.append(f"  rejected: {page['error']}")
            continue
        if "same_as" in page:
            out.append(f"  the same bytes as {page['same_as']}: read once, as that page")
            continue
        lines = page["lines"]
        out.append(f"  works: {len(page['works'])}; lines mapped {lines['mapped']}, skipped {lines['skipped']}")
        for reason, n in lines["skipped_by_reason"].items():
            out.append(f"  skipped {n} line(s): {reason}")
        for problem in page["problems"]:
            out.append(f"  problem: {problem}")
    for unread in report.get("not_read", []):
        out.append(f"{unread['file']}: not read ({unread['reason']})")
    v = report["validation"]
    out.append(f"{report['works']} works; {len(report['merges'])} merges; "
               f"{len(report['rejected'])} page(s) rejected")
    if v:
        shacl = "true" if v["conforms"] else f"false ({v['violations']} violations, {v['warnings']} warnings, " \
            f"{v['infos']} infos)"
        ours = "no violations" if v["noViolations"] else f"{v['violations']} VIOLATIONS"
        out.append(f"validation: SHACL sh:conforms {shacl}; peerkg verdict: {ours}")
    for conflict in report.get("conflicts", []):
        out.append(f"conflict: {conflict_text(conflict)}")
    return "\n".join(out) + "\n"


def conflict_text(conflict: dict[str, Any]) -> str:
    """One violation and the pages behind it: "<node> bibo:pageEnd: a.txt gives "12"; b.txt gives "13" — …"."""
    what = conflict["node"] + (f" <{conflict['path']}>" if conflict["path"] else "")
    if conflict["values"]:
        given = "; ".join(f"{', '.join(v['pages'])} give{'s' if len(v['pages']) == 1 else ''} {v['value']}"
                          for v in conflict["values"])
    else:
        given = "stated by " + (", ".join(conflict["pages"]) or "the build")
    why = f" (one node because {conflict['why']})" if conflict.get("why") else ""
    return f"{what}: {given} — {conflict['message']}{why}"
