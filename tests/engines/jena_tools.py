"""Apache Jena from Debian (``libapache-jena-java``) as real processes: riot, TDB2, SHACL, rsparql.

Debian ships the jars but no launcher scripts, so the command-line classes (``riotcmd.riot``,
``tdb2.tdbloader``, ``tdb2.tdbquery``, ``shacl.shacl``, ``arq.rsparql``) are run with ``java -cp``: the
Jena jars plus the jars of the libraries the package depends on. jena-core relocates the xerces classes
to the package ``xerces`` but leaves their message bundles under ``org/apache/jena/ext/xerces``, so the
first datatype check dies with "XSSimpleTypeDecl … internal error"; :func:`classpath` copies the bundles
where the relocated classes look for them (a folder put on the classpath).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
JAVA = shutil.which("java")
_JENA = ("base", "core", "arq", "iri", "cmds", "dboe-base", "dboe-index", "dboe-storage", "dboe-trans-data",
         "dboe-transaction", "rdfconnection", "shacl", "shex", "tdb", "tdb2")
# the jars of libapache-jena-java's Depends (Debian names), slf4j-nop to keep the logs quiet; httpclient-cache
# for the JSON-LD 1.0 reader (jsonld-java). Its JSON-LD 1.1 reader (titanium) needs a jakarta.json
# implementation Debian does not ship: "The document could not be loaded or parsed [LOADING_DOCUMENT_FAILED]"
_DEPENDS = ("commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
            "dexx.collection", "gson", "guava", "httpclient", "httpclient-cache", "httpcore", "jackson-core",
            "jackson-databind", "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf", "slf4j-api",
            "slf4j-nop", "thrift", "titanium-json-ld")
MISSING = (None if JAVA and (JAVA_DIR / "jena-core.jar").exists() else
           "Apache Jena is not installed (Debian package libapache-jena-java, and a java runtime); "
           ".ci/run installs it with apt-get")
# a JVM started per command: small heap and the client compiler start fastest
_JVM = ("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g")


def classpath(workdir: Path) -> str:
    """The classpath for Jena's command-line classes, with the xerces message bundles put in place."""
    bundles = workdir / "xerces-bundles"
    if not bundles.exists():
        with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
            for name in jar.namelist():
                prefix = "org/apache/jena/ext/xerces/impl/"
                if name.startswith(prefix) and name.endswith(".properties"):
                    target = bundles / "xerces" / "impl" / name[len(prefix):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(name))
    jars = [JAVA_DIR / f"jena-{j}.jar" for j in _JENA] + [JAVA_DIR / f"{d}.jar" for d in _DEPENDS]
    return ":".join([str(bundles)] + [str(j) for j in jars if j.exists()])


@dataclass(frozen=True)
class Jena:
    """Runs Jena command-line classes; ``workdir`` holds the bundles folder and the TDB2 databases."""

    workdir: Path

    def run(self, main: str, *args: str, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert JAVA is not None
        cmd = [JAVA, *_JVM, "-cp", classpath(self.workdir), main, *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{main} {' '.join(args)} exited {done.returncode}:\n{done.stderr[-4000:]}")
        return done

    def _query_file(self, query: str) -> Path:
        handle, name = tempfile.mkstemp(suffix=".rq", dir=self.workdir)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(query)
        return Path(name)

    # -- riot ----------------------------------------------------------------------------------------
    def riot_count(self, file: Path) -> int:
        """Triples (or quads) riot reads from ``file``; riot prints "Triples = 11,607" (with separators)."""
        done = self.run("riotcmd.riot", "--count", str(file))
        for line in (done.stdout + done.stderr).splitlines():
            if "Triples =" in line or "Quads =" in line:
                return int(line.split("=")[1].split()[0].replace(",", "").replace(".", ""))
        raise RuntimeError(f"riot --count printed no count:\n{done.stdout}\n{done.stderr}")

    def riot_warnings(self, file: Path) -> list[str]:
        """riot's warnings and errors while validating ``file`` (``--validate``)."""
        done = self.run("riotcmd.riot", "--validate", str(file), check=False)
        return [line for line in (done.stdout + done.stderr).splitlines() if "WARN" in line or "ERROR" in line]

    # -- TDB2 ----------------------------------------------------------------------------------------
    def tdb2_load(self, files: list[Path], name: str = "tdb2") -> Path:
        """A new TDB2 database in ``workdir/name`` with ``files`` loaded (quads keep their graphs)."""
        location = self.workdir / name
        shutil.rmtree(location, ignore_errors=True)
        self.run("tdb2.tdbloader", "--loc", str(location), *map(str, files))
        return location

    def tdb2_select(self, location: Path, query: str) -> dict[str, object]:
        """SPARQL JSON results of ``query`` over the TDB2 database, default graph = union of named graphs."""
        qfile = self._query_file(query)
        done = self.run("tdb2.tdbquery", "--loc", str(location), "--set", "tdb:unionDefaultGraph=true",
                        "--results=json", "--query", str(qfile))
        return json.loads(done.stdout)

    # -- SHACL ---------------------------------------------------------------------------------------
    def shacl_validate(self, data: Path, shapes: Path) -> str:
        """Jena's SHACL validation report (Turtle) for ``data`` against ``shapes`` (``shacl validate``;
        on a TriG or N-Quads file Jena validates the default graph only)."""
        return self.run("shacl.shacl", "validate", "--shapes", str(shapes), "--data", str(data)).stdout

    # -- rsparql: Jena as a client of a SPARQL endpoint ---------------------------------------------
    def rsparql(self, service: str, query: str, results: str = "json") -> str:
        """``rsparql --service URL --query FILE --results FMT``: Jena's HTTP client, default settings."""
        qfile = self._query_file(query)
        return self.run("arq.rsparql", "--service", service, "--query", str(qfile),
                        f"--results={results}").stdout
