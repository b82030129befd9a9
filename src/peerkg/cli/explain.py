"""``peerkg explain`` and ``peerkg stats``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from peerkg.cli.errors import CommandError, user_errors

DEFAULT_DATA = Path("build/peerkg.trig")


def _load(data: tuple[Path, ...]):  # noqa: ANN202 - returns an rdflib Dataset
    from peerkg.validation import load_data

    if data:
        return load_data(list(data))
    if DEFAULT_DATA.exists():
        return load_data([DEFAULT_DATA])
    from peerkg.pipeline import build_dataset

    return build_dataset(validate=False, infer=False).dataset


@click.command()
@click.argument("iri")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Built RDF to explain from [default: build/peerkg.trig, else a fresh build of the seeds].")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--lang", default=None, metavar="TAG", help="Language of the label shown, e.g. de (where the node "
              "has a label in it, else English) [default: en].")
def explain(iri: str, data: tuple[Path, ...], as_json: bool, lang: str | None) -> None:
    """Explain why a node is what it is: source pages, merges with their evidence, inferences.

    Example:

        peerkg explain https://w3id.org/psmh/id/person/repper-julie
    """
    from peerkg import explain as lib

    with user_errors():
        explanation = lib.explain(_load(data), iri, lang=lang)
    if not explanation.known:
        raise CommandError(f"{iri}: no triple and no decision mentions this IRI "
                           "(check the spelling, or pass --data with the build that holds it)", 1)
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps(asdict(explanation), indent=2, ensure_ascii=False))
    else:
        click.echo(lib.as_text(explanation), nl=False)


@click.command()
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Built RDF [default: build/peerkg.trig, else a fresh build of the seeds].")
def stats(data: tuple[Path, ...]) -> None:
    """Count what a build holds: triples per graph, works, people, journals, statements, decisions.

    Example:

        peerkg stats --data build/peerkg.trig
    """
    from peerkg.stats import as_text, count

    with user_errors():
        click.echo(as_text(count(_load(data))), nl=False)


COMMANDS = [explain, stats]
