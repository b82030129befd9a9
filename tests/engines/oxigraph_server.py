"""A real Oxigraph server (the ``oxigraph`` command of the PyPI package of that name) on a free loopback
port, over a store in a temporary folder: SPARQL at ``/query``, the Graph Store Protocol at ``/store``."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from engine_ports import free_port

from processes import stop

OXIGRAPH = shutil.which("oxigraph")
MISSING = None if OXIGRAPH else "the Oxigraph server is not installed (pip install oxigraph; in .[test])"


@dataclass
class OxigraphServer:
    url: str
    process: subprocess.Popen[bytes]

    @property
    def graph_store(self) -> str:
        return self.url + "/store"

    @property
    def sparql(self) -> str:
        return self.url + "/query"


@contextmanager
def running_oxigraph(folder: Path) -> Iterator[OxigraphServer]:
    if MISSING:
        raise RuntimeError(MISSING)
    assert OXIGRAPH is not None
    port = free_port()
    log = open(folder / "oxigraph.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    server = OxigraphServer(f"http://127.0.0.1:{port}", proc)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError("oxigraph serve exited:\n" + (folder / "oxigraph.log").read_text(errors="replace"))
            try:
                if requests.get(server.sparql, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("oxigraph serve did not answer within 60 s")
            time.sleep(0.1)
        yield server
    finally:
        stop(proc)
        log.close()
