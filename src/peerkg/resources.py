"""The one place that finds the files peerkg ships: ontology, shapes, seeds and named queries.

In a wheel they are the data packages ``peerkg.ontology_files`` and friends (see ``pyproject.toml``);
in a source checkout (editable install) they are the top-level folders of the repository.
"""

from __future__ import annotations

import importlib
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]
_FOLDERS = {
    "ontology": "peerkg.ontology_files",
    "shapes": "peerkg.shapes_files",
    "seeds": "peerkg.seed_files",
    "queries": "peerkg.query_files",
}


def folder(name: str) -> Path:
    """Return the folder of shipped files called ``name`` (one of ontology, shapes, seeds, queries)."""
    if name not in _FOLDERS:
        raise KeyError(f"unknown resource folder {name!r}; expected one of {sorted(_FOLDERS)}")
    try:
        module = importlib.import_module(_FOLDERS[name])
        paths = list(getattr(module, "__path__", []))
        if paths:
            return Path(paths[0])
    except ModuleNotFoundError:
        pass
    return _REPO_ROOT / name


def files(name: str, pattern: str = "*") -> list[Path]:
    """The files of a shipped folder matching ``pattern``, sorted by name (deterministic order)."""
    return sorted(p for p in folder(name).glob(pattern) if p.is_file())


def ontology_files() -> list[Path]:
    return files("ontology", "*.ttl")


def shapes_files() -> list[Path]:
    return files("shapes", "*.ttl")


def seed_pages() -> list[Path]:
    return files("seeds", "*.txt")


def named_query_files() -> list[Path]:
    return files("queries", "*.rq")
