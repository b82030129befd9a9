"""Shared helpers of the web tests: a small TriG fixture and a REAL server in a subprocess.

Imported by the ``test_web_*`` modules (each starts one server per module, on 127.0.0.1, free port).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from processes import stop

W3C = Path(__file__).resolve().parent / "data" / "w3c"
PROTOCOL_GRAPH = "http://kasei.us/2009/09/sparql/data/{}.rdf"

ID = "https://w3id.org/psmh/id/"
SOURCE_GRAPH = "https://w3id.org/psmh/graph/source/00112233aabbccdd"

FIXTURE_TRIG = f"""
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix fabio: <http://purl.org/spar/fabio/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix pro: <http://purl.org/spar/pro/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <{ID}> .

<{SOURCE_GRAPH}> {{
  <work/doi/10.1108/mhsi-05-2019-060> a dcterms:BibliographicResource, fabio:JournalArticle ;
      dcterms:title "Peer support on inpatient wards"@en ;
      fabio:hasPublicationYear "2019"^^xsd:gYear ;
      dcterms:creator <person/repper-julie>, <person/faulkner-alison> ;
      pro:isDocumentContextFor <work/doi/10.1108/mhsi-05-2019-060/author/1> ;
      cito:cites <work/doi/10.1108/mhsi-01-2015-0002> ;
      prov:wasDerivedFrom <source/00112233aabbccdd> .
  <work/doi/10.1108/mhsi-05-2019-060/author/1> a pro:RoleInTime ; pro:withRole pro:author ;
      pro:isHeldBy <person/repper-julie> ; schema:position 1 ;
      pro:relatesToDocument <work/doi/10.1108/mhsi-05-2019-060> .
  <person/repper-julie> a foaf:Person ; foaf:name "Julie Repper" ; foaf:familyName "Repper" .
  <person/faulkner-alison> a foaf:Person ; foaf:name "Alison Faulkner" .
  <work/doi/10.1108/mhsi-01-2015-0002> a dcterms:BibliographicResource, fabio:JournalArticle ;
      dcterms:title "Intentional peer support: a review"@en ; dcterms:creator <person/repper-julie> .
  <source/00112233aabbccdd> a prov:Entity, foaf:Document ; dcterms:identifier "000_page.txt" .
}}
"""


def fixture_trig() -> str:
    """The peerkg fixture plus the W3C protocol data (data1–3 as their named graphs)."""
    parts = [FIXTURE_TRIG]
    for n in (1, 2, 3):
        nt = (W3C / "protocol" / f"data{n}.nt").read_text(encoding="utf-8")
        parts.append(f"<{PROTOCOL_GRAPH.format(f'data{n}')}> {{\n{nt}\n}}\n")
    return "\n".join(parts)


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: list[str]

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, timeout=60, **kwargs)  # type: ignore[arg-type]

    def post(self, path: str, **kwargs: object) -> requests.Response:
        return requests.post(self.url + path, timeout=60, **kwargs)  # type: ignore[arg-type]


@contextmanager
def running_server(tmp: Path, *args: str, trig: str | None = None, seeds: bool = False) -> Iterator[Server]:
    """A real ``peerkg serve`` on a free loopback port: over the fixture (or ``trig``), or with ``seeds``
    over a fresh build of the bundled seed pages (no ``--data``; the build takes ~10 s)."""
    data_args: list[str] = []
    if not seeds:
        data = tmp / "fixture.trig"
        data.write_text(trig if trig is not None else fixture_trig(), encoding="utf-8")
        data_args = ["--data", str(data)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "peerkg", "serve", "--port", "0", *data_args,
           "--dumps-dir", str(tmp / "dumps"), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    log: list[str] = []
    url_box: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            log.append(line)
            m = re.search(r"serving on (http://\S+?)/ ", line)
            if m and not url_box:
                url_box.append(m.group(1))

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + (180 if seeds else 90)
    while not url_box:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("server did not start:\n" + "".join(log))
        time.sleep(0.05)
    server = Server(url_box[0], proc, log)
    while True:
        try:
            if server.get("/health").status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("server never became healthy:\n" + "".join(log))
        time.sleep(0.05)
    try:
        yield server
    finally:
        stop(proc)


class _SourceAdapter(requests.adapters.HTTPAdapter):
    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]


def client_from(address: str) -> requests.Session:
    """A session whose connections come from ``address`` (any 127.x.y.z on Linux loopback): another client
    as far as the server's per-client limits are concerned."""
    session = requests.Session()
    session.mount("http://", _SourceAdapter(address))
    return session
