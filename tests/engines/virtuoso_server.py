"""A real Virtuoso (Debian's ``virtuoso-opensource``) for the tests: a private database and ini in a
temporary folder, SQL and HTTP on free loopback ports, started with ``virtuoso-t -f`` and stopped at the end.

Data is bulk-loaded with ``isql-vt`` (``ld_dir … rdf_loader_run(); checkpoint;``) from a folder named in
the ini's ``DirsAllowed``. SPARQL is at ``/sparql``, the Graph Store Protocol (digest auth, user ``dba``)
at ``/sparql-graph-crud-auth``.
"""

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

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
MISSING = None if VIRTUOSO and ISQL else (
    "Virtuoso is not installed (Debian package virtuoso-opensource: virtuoso-t, isql-vt); "
    ".ci/run installs it with apt-get")
PASSWORD = "dba"

_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 0
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
AllowOSCalls = 0
DirsAllowed = {d}/load
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}/vsp
MaxClientConnections = 6
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
ServerThreads = 6
MaxKeepAlives = 6
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 1

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = {max_seconds}
DefaultGraph =
"""


@dataclass
class Virtuoso:
    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint (digest auth: dba / dba)."""
        return self.url + "/sparql-graph-crud-auth"

    def isql(self, *statements: str, timeout: float = 300) -> str:
        """Run SQL statements with ``isql-vt`` as dba; raises with Virtuoso's message on an error."""
        script = "\n".join(s.rstrip(";") + ";" for s in statements) + "\n"
        assert ISQL is not None
        done = subprocess.run([ISQL, str(self.sql_port), "dba", PASSWORD, "VERBOSE=OFF", "BANNER=OFF",
                               "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT"],
                              input=script, capture_output=True, text=True, timeout=timeout, check=False)
        out = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql-vt failed ({done.returncode}):\n{out}")
        return out

    def bulk_load(self, file: Path, graph: str = "urn:peerkg:default") -> None:
        """Bulk-load an RDF file (N-Quads keep their graphs; ``graph`` is for triples without one)."""
        load_dir = self.folder / "load"
        for old in load_dir.iterdir():
            old.unlink()
        shutil.copy(file, load_dir / file.name)
        self.isql(f"ld_dir('{load_dir}', '{file.name}', '{graph}')", "rdf_loader_run()", "checkpoint")
        errors = self.isql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL")
        if "ll_error" in errors and file.name in errors:
            raise RuntimeError(f"Virtuoso bulk load of {file} failed:\n{errors}")

    def clear(self) -> None:
        """Drop every graph loaded so far (the system graphs stay)."""
        self.isql("DELETE FROM DB.DBA.RDF_QUAD WHERE G <> iri_to_id('http://www.openlinksw.com/schemas/virtrdf#')"
                  " AND G <> iri_to_id('http://www.w3.org/2002/07/owl#')",
                  "DELETE FROM DB.DBA.LOAD_LIST", "checkpoint")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / 100.0  # utime, stime in clock ticks (USER_HZ = 100)


@contextmanager
def running_virtuoso(folder: Path, *, max_rows: int = 1_000_000, max_seconds: int = 0,
                     buffers: int = 20_000) -> Iterator[Virtuoso]:
    """Start ``virtuoso-t -f`` with a private database in ``folder``; stop it (and wait) on exit."""
    if MISSING:
        raise RuntimeError(MISSING)
    assert VIRTUOSO is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "load").mkdir(exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(d=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows,
                               max_seconds=max_seconds, buffers=buffers, dirty=buffers * 3 // 4),
                   encoding="utf-8")
    log = open(folder / "stdout.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen([VIRTUOSO, "-f", "-c", str(ini)], cwd=folder, stdout=log,
                            stderr=subprocess.STDOUT)
    server = Virtuoso(folder, sql_port, http_port, proc)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError("virtuoso-t exited:\n" + (folder / "stdout.log").read_text(errors="replace"))
            try:
                resp = requests.get(server.sparql, params={"query": "ASK {}"},
                                    headers={"Accept": "application/sparql-results+json"}, timeout=5)
                if resp.status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("virtuoso-t did not answer within 120 s:\n"
                                   + (folder / "stdout.log").read_text(errors="replace"))
            time.sleep(0.2)
        # the Graph Store Protocol endpoint writes as dba: give dba the SPARQL update role
        server.isql("GRANT SPARQL_UPDATE TO \"dba\"")
        yield server
    finally:
        stop(proc, grace=30)
        log.close()
