"""``peerkg build``, ``validate``, ``infer`` and ``stats``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from peerkg.cli.errors import CommandError, user_errors
from peerkg.cli.interrupts import Interrupts

if TYPE_CHECKING:
    from peerkg.pipeline import BuildResult

EXIT_REJECTED = 3
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130  # the shell's code for SIGINT


def _progress_enabled(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


def _show_progress(stage: str, done: int, total: int) -> None:
    """One status line on stderr, rewritten in place: "parsing 120/400"."""
    counter = f" {done}/{total}" if total > 1 or done else ""
    click.echo(f"\r\033[K{stage}{counter}", err=True, nl=False)


@click.command()
@click.argument("pages", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
              show_default=True, help="Build folder: the dumps, manifest.json and the report.")
@click.option("--strict", is_flag=True, help="Abort on the first bad or partial page (writes nothing).")
@click.option("--no-infer", is_flag=True, help="Skip OWL RL inference (no inferred graph).")
@click.option("--base", default=None, help="IRI base of this deployment [default: https://w3id.org/psmh/].")
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary.")
@click.option("--max-page-mb", type=float, default=None, metavar="MB",
              help="Refuse page files larger than MB megabytes [default: PEERKG_MAX_PAGE_MB, else 5].")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes reading, parsing and tagging pages [default: one per CPU; 1 for under 16 pages].")
def build(pages: tuple[Path, ...], out: Path, strict: bool, no_infer: bool, base: str | None,
          quiet: bool, max_page_mb: float | None, workers: int | None) -> None:
    """Build the knowledge graph from PAGES (files or folders of *.txt; default: the bundled seeds).

    Writes OUT/peerkg.trig and .nq (the named graphs but the evidence graph), OUT/peerkg.ttl and .nt
    (their union, each triple once), OUT/peerkg-evidence.trig and .nq (every concept hit),
    OUT/manifest.json (each dump's bytes, SHA-256 and triple or quad count; triples per graph) and
    OUT/report.json and OUT/report.txt (per page: what was mapped, what was skipped and why).
    Exit codes: 0 built with no SHACL violation (warnings allowed: SHACL's sh:conforms may still be false,
    the summary says both); 1 SHACL violations; 2 input error (nothing written);
    3 built, but some pages were rejected (listed in the report); a build that would hold no work
    writes nothing and exits 2; Ctrl-C exits 130 and leaves the previous output intact.

    Example:

        peerkg build seeds/ my-pages/ --out build/ --max-page-mb 20 --workers 2
    """
    if max_page_mb is not None and not max_page_mb > 0:
        raise click.BadParameter(f"{max_page_mb:g} is not a positive number of megabytes (for example 20)",
                                 param_hint="--max-page-mb")
    if max_page_mb is None:  # the environment's limit applies: a bad one is a usage error, not N rejected pages
        from peerkg.errors import InputError
        from peerkg.inputs import MAX_PAGE_ENV, max_page_bytes

        try:
            max_page_bytes()
        except InputError:
            raise click.UsageError(f"{MAX_PAGE_ENV}={os.environ.get(MAX_PAGE_ENV)!r} is not a positive number of "
                                   f"megabytes: set it to one (for example {MAX_PAGE_ENV}=20), unset it for the "
                                   "5 MB default, or give --max-page-mb") from None
    progress = _show_progress if _progress_enabled(quiet) else None
    try:
        with Interrupts() as interrupts, user_errors():
            from peerkg import report as reporting  # imported here: Ctrl-C while importing is an interrupt too
            from peerkg.pipeline import build_dataset
            from peerkg.rdf.namespaces import Base

            try:
                result = build_dataset(list(pages) or None, base=Base(base) if base else None, strict=strict,
                                       infer=not no_infer, progress=progress, max_page_mb=max_page_mb,
                                       workers=workers)
            finally:
                if progress:
                    click.echo("\r\033[K", err=True, nl=False)
            report = reporting.build_report(result)
            if not report["works"]:
                click.echo(reporting.as_text(report), err=True, nl=False)
                raise CommandError(
                    f"no work could be built from {', '.join(map(str, pages)) or 'the seeds'} "
                    f"({len(result.rejected)} page(s) rejected, {len(result.unread)} file(s) not read); "
                    f"nothing written, the previous output in {out}/ is untouched. "
                    "Give folders or files of scraped pages (*.txt); the lines above say why each was refused",
                    EXIT_INPUT)
            interrupts.check()
            _write(out, result, report)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: nothing written, the previous output in {out}/ is intact", err=True)
        sys.exit(EXIT_INTERRUPTED)
    _finish(result)


def _write(out: Path, result: BuildResult, report: dict) -> None:
    from peerkg import report as reporting
    from peerkg.output import write_files
    from peerkg.rdf.dumps import EVIDENCE_DUMPS, MANIFEST

    dumps = result.dumps
    files = {
        **dumps.files,
        MANIFEST: dumps.manifest_bytes(),
        "report.json": reporting.as_json(report).encode("utf-8"),
        "report.txt": reporting.as_text(report).encode("utf-8"),
    }
    write_files(out, files)
    for name in EVIDENCE_DUMPS:  # an older build's evidence dumps, when this build has no evidence graph
        if name not in files:
            (out / name).unlink(missing_ok=True)
    click.echo(reporting.as_text(report), nl=False)
    click.echo(f"wrote {', '.join(sorted(files))} to {out}/")


def _finish(result: BuildResult) -> None:
    validation = result.validation
    if validation is not None and not validation.no_violations:
        from peerkg.validation import report_as_text

        click.echo(report_as_text(validation), err=True)
        between = [c for c in result.clashes if c.between_pages]
        if between:
            named = sorted({p for c in between for p in c.pages})
            raise CommandError(f"the build does not conform to the shapes: {len(between)} node(s) where pages "
                               f"disagree, between {', '.join(named)} (each conflict is listed above and in "
                               "report.txt, with what each page gives)", 1)
        raise CommandError("the build does not conform to the shapes (see above; report.txt names the page "
                           "behind each violation)", 1)
    if result.rejected:
        raise CommandError(f"{len(result.rejected)} page(s) rejected: "
                           + "; ".join(o.error or o.path for o in result.rejected), EXIT_REJECTED)


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--shapes", "shapes", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Shapes file(s) to use instead of peerkg's own.")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text",
              show_default=True, help="Report format.")
def validate(data: tuple[Path, ...], shapes: tuple[Path, ...], fmt: str) -> None:
    """Validate RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) against the shapes.

    The report ends with two verdicts: SHACL's sh:conforms (false on any result, warnings too; what pyshacl
    and Jena report) and peerkg's (no violations). TriG and N-Quads files are validated as the union of
    their graphs. Exit codes follow peerkg's verdict: 0 no violations (warnings allowed), 1 violations,
    2 a file could not be read.

    Example:

        peerkg validate my-data.ttl --format json
    """
    from peerkg import validation as v

    with user_errors():
        dataset = v.load_data(list(data))
        shapes_graph = v.load_shapes(list(shapes)) if shapes else None
        report = v.validate(dataset, shapes_graph)
    if fmt == "json":
        click.echo(json.dumps(v.report_as_json(report), indent=2, ensure_ascii=False))
    elif fmt == "turtle":
        click.echo(report.graph.serialize(format="turtle"))
    else:
        click.echo(v.report_as_text(report))
    if not report.no_violations:
        raise SystemExit(1)


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="TriG file to write: the input graphs plus a fresh inferred graph.")
def infer(data: tuple[Path, ...], out: Path) -> None:
    """Add OWL RL entailments over peerkg's ontology to the inferred graph.

    Example:

        peerkg infer build/peerkg.trig --out build/peerkg-inferred.trig
    """
    from peerkg.inference import infer_into
    from peerkg.output import write_atomic
    from peerkg.rdf import serialise
    from peerkg.validation import load_data

    with user_errors():
        dataset = load_data(list(data))
        added = infer_into(dataset)
        write_atomic(out, serialise.trig(dataset))
    click.echo(f"{added} inferred triples; wrote {out}")


COMMANDS = [build, validate, infer]
