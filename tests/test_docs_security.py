"""docs/service.md's Security section states the limits the code has: each default in its table is the one
in peerkg/web/config.py (and the modules holding the fixed bounds), and every option of ``peerkg serve`` is
documented."""

from __future__ import annotations

import re
from pathlib import Path

from peerkg.cli.serve import serve
from peerkg.safe_rdf import MAX_JSON_DEPTH
from peerkg.store.guard import MAX_CHAIN
from peerkg.store.pool import RECYCLE_GROWTH_MB
from peerkg.web import config

DOC = (Path(__file__).resolve().parents[1] / "docs" / "service.md").read_text(encoding="utf-8")


def _security() -> str:
    start = DOC.index("\n## Security\n")
    return DOC[start:DOC.index("\n## ", start + 5)]


def _row(key: str) -> str:
    rows = [line for line in _security().splitlines() if line.startswith("|") and key in line]
    assert len(rows) == 1, (key, rows)
    return rows[0]


def _n(value: float) -> str:
    return f"{value:,.0f}" if value >= 10_000 else f"{value:g}"


def test_limit_defaults_are_the_code_s() -> None:
    cfg = config.ServiceConfig()
    expected = {
        "`--query-timeout`": f"{_n(config.DEFAULT_QUERY_TIMEOUT)} s",
        "`--query-memory-mb`": f"{_n(config.DEFAULT_QUERY_MEMORY_MB)} MB",
        "`--max-rows`": _n(config.DEFAULT_MAX_ROWS),
        "`--validate-timeout`": f"{_n(config.DEFAULT_VALIDATE_TIMEOUT)} s",
        "`--validate-memory-mb`": f"{_n(config.DEFAULT_VALIDATE_MEMORY_MB)} MB",
        "| HTTP threads": str(config.DEFAULT_THREADS),
        "threads −": f"threads − {config.SPARE_THREADS}",
        "`ServiceConfig.validate_workers`": str(config.DEFAULT_VALIDATE_WORKERS),
        "`ServiceConfig.max_query_bytes`": f"{_n(config.DEFAULT_MAX_QUERY_BYTES)} bytes",
        "`ServiceConfig.max_validate_bytes`": f"{_n(config.DEFAULT_MAX_VALIDATE_BYTES)} bytes",
        "`ServiceConfig.max_query_depth`": str(config.MAX_QUERY_DEPTH),
        "`ServiceConfig.resource_links`": f"2 × {config.DEFAULT_RESOURCE_LINKS}",
        "| operators or `UNION`s in a row": f"{MAX_CHAIN}",
        "| JSON-LD nesting |": str(MAX_JSON_DEPTH),
        "start-up size": f"{RECYCLE_GROWTH_MB:g} MB",
        "`--read-timeout`": f"{_n(config.DEFAULT_READ_TIMEOUT)} s",
        "`peerkg.web.config.IDLE_TIMEOUT`": f"{_n(config.IDLE_TIMEOUT)} s",
        "`peerkg.web.config.CLIENT_CONNECTIONS`": f"| {config.CLIENT_CONNECTIONS} |",
        "`peerkg.web.config.CONNECTION_LIMIT`": f"| {config.CONNECTION_LIMIT} |",
    }
    lexing = _row("| a query the screen cannot lex")
    assert f"deeper than {config.MAX_QUERY_DEPTH}" in lexing and f"more than {MAX_CHAIN} operators" in lexing
    for key, value in expected.items():
        assert value in _row(key), (key, value, _row(key))
    assert cfg.max_body_bytes == max(cfg.max_validate_bytes, cfg.max_query_bytes) + 1_000_000
    assert "the larger of the two + 1 MB" in _row("any request body")


def test_every_serve_option_is_documented() -> None:
    options = [opt for param in serve.params for opt in param.opts if opt.startswith("--")]
    assert len(options) >= 19
    missing = [opt for opt in options if not re.search(re.escape(opt) + r"\b", DOC)]
    assert missing == [], missing


def test_what_an_operator_may_open_names_its_risk() -> None:
    section = _security()
    for option in ("--allow-remote", "--enable-update", "--client-header", "--query-memory-mb 0"):
        assert f"**`{option}" in section or f"`{option}`" in section, option
    assert "169.254.169.254" in section
