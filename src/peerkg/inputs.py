"""Finding and reading page files, with errors that name the file and say what is wrong."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peerkg.errors import InputError
from peerkg.model import SourceDocument

PAGE_SUFFIXES = (".txt", ".text")


@dataclass(frozen=True)
class PageInput:
    path: Path
    document: SourceDocument
    text: str


def collect(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders to the page files in them (``*.txt``, sorted); keep files as given.

    Raises :class:`InputError` for a path that does not exist. Duplicates are dropped (first wins).
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES
                                and not p.name.startswith(".")))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise InputError("no such file or folder", source=str(path),
                             hint="give page files or folders holding *.txt pages")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _generated_at() -> str | None:
    """The build time, only when SOURCE_DATE_EPOCH asks for one (builds stay byte-identical)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError as exc:
        raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds",
                         source="environment") from exc


def read_page(path: Path) -> PageInput:
    """Read one page as UTF-8 text. Empty, binary and undecodable files raise :class:`InputError`."""
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a page file", source=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", source=str(path), hint="a page must hold the text of a scraped page")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text page", source=str(path),
                         hint="save the page as UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                         source=str(path), line=line, hint="re-save the page as UTF-8") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(data).hexdigest()
    extra = {}
    generated = _generated_at()
    if generated:
        extra["generated_at"] = generated
    document = SourceDocument(name=path.name, sha256=digest, size=len(data), extra=extra)
    return PageInput(path=path, document=document, text=text)
