"""The ``peerkg`` command: a thin click layer over the library.

Each verb lives in its own module and turns domain errors (:class:`peerkg.errors.PeerkgError`)
into ``click.ClickException`` with exit code 2 (usage/input) or 1 (data invalid / checks failed).
"""

from __future__ import annotations

import importlib

import click

from peerkg import __version__

_COMMAND_MODULES = ("peerkg.cli.build", "peerkg.cli.serve", "peerkg.cli.explain", "peerkg.cli.publish")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="peerkg")
def main() -> None:
    """peerkg: a knowledge graph of the literature on peer support in mental health.

    Example:

        peerkg build seeds/ --out build/ && peerkg serve
    """


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()
