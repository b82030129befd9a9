"""Finding and reading page files, with errors that name the file and say what is wrong.

Pages are text (``.txt``, ``.text``) or saved HTML (``.html``, ``.htm``, ``.xhtml``; read through
:mod:`peerkg.normalise.html`, so line numbers in reports are those of the page's text). Encodings are
detected: UTF-8, UTF-16 and UTF-32 with a byte-order mark, UTF-8 and UTF-16 without one, and for HTML the
``<meta charset>`` the page declares; anything else is refused with a clear message. A page over the size
limit (:data:`DEFAULT_MAX_PAGE_MB`, or ``PEERKG_MAX_PAGE_MB``) is refused before it is read. Files in a
folder that are not pages (``.pdf``, ``.docx``, …) are listed by :func:`unread_files` with what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peerkg.errors import InputError
from peerkg.model import SourceDocument

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PAGE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_PAGE_MB = 5.0
MAX_PAGE_ENV = "PEERKG_MAX_PAGE_MB"

# What to do with the files peerkg does not read, by suffix.
_NOT_READ = {
    ".pdf": "copy its text into a .txt file (for example with `pdftotext FILE.pdf`), or save the web page as HTML",
    ".doc": "save it as plain text (.txt)", ".docx": "save it as plain text (.txt)",
    ".odt": "save it as plain text (.txt)", ".rtf": "save it as plain text (.txt)",
    ".mhtml": "save the page as 'Web Page, HTML only' (.html)",
    ".mht": "save the page as 'Web Page, HTML only' (.html)",
    ".webarchive": "save the page as 'Web Page, HTML only' (.html)",
    ".png": "an image: peerkg reads the text of pages", ".jpg": "an image: peerkg reads the text of pages",
    ".jpeg": "an image: peerkg reads the text of pages", ".gif": "an image: peerkg reads the text of pages",
}
_OTHER = "not a page file: peerkg reads .txt and .html pages (give the file by name to read it as text anyway)"


@dataclass(frozen=True)
class UnreadFile:
    """A file in a page folder that is not read, and what to do about it."""

    path: Path
    reason: str


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


def unread_files(paths: Iterable[Path | str]) -> list[UnreadFile]:
    """The files inside the given folders that :func:`collect` does not read (hidden files left out)."""
    unread = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.iterdir()):
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in PAGE_SUFFIXES:
                    what = _NOT_READ.get(p.suffix.lower(), _OTHER)
                    unread.append(UnreadFile(p, f"{p.suffix or 'no suffix'} files are not read: {what}"))
    return unread


def _megabytes(size: int) -> str:
    """A size in MB with the digits that show it is over a limit: "12.3", "0.0026"."""
    mb = size / 1_000_000
    return f"{mb:.1f}" if mb >= 0.1 else f"{mb:.2g}"


def max_page_bytes() -> int:
    """The page size limit in bytes: ``PEERKG_MAX_PAGE_MB`` megabytes, default :data:`DEFAULT_MAX_PAGE_MB`."""
    raw = os.environ.get(MAX_PAGE_ENV)
    if not raw:
        return int(DEFAULT_MAX_PAGE_MB * 1_000_000)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise InputError(f"{MAX_PAGE_ENV}={raw!r} is not a positive number of megabytes", source="environment",
                         hint=f"for example {MAX_PAGE_ENV}=20")
    return int(value * 1_000_000)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NUL bytes fall on one side of the pairs, as in UTF-16 text."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    if odd >= 0.3 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str, html_page: bool = False) -> str:
    """The text of a page's bytes in the encoding detected (see the module docstring)."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text page", source=source,
                         hint="save the page as UTF-8 text or HTML")
    declared = None
    if encoding is None and html_page:
        from peerkg.normalise.html import declared_charset

        declared = declared_charset(data)
        if declared:
            try:
                codecs.lookup(declared)
            except LookupError:
                declared = None
    encoding = encoding or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if declared and declared not in ("utf-8", "utf8"):
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not {encoding.upper().replace('-SIG', '')} text: byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start}; peerkg reads UTF-8 and UTF-16 (with or without a byte-order mark)",
                         source=source, line=line, hint="re-save the page as UTF-8") from exc


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


def read_page(path: Path, limit: int | None = None) -> PageInput:
    """Read one page (text or HTML, encoding detected). Empty, binary, oversized (over ``limit`` bytes,
    default :func:`max_page_bytes`) and undecodable files raise :class:`InputError`."""
    limit = limit or max_page_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"page is {_megabytes(size)} MB, over the {limit / 1_000_000:g} MB page size limit",
                             source=str(path),
                             hint=f"give --max-page-mb (or set {MAX_PAGE_ENV}) a larger number of megabytes "
                                  "to read it, "
                                  "or split the file into one page per file")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a page file", source=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", source=str(path), hint="a page must hold the text of a scraped page")
    is_html = path.suffix.lower() in HTML_SUFFIXES
    text = decode(data, str(path), html_page=is_html or data[:1024].lstrip().startswith(b"<")).lstrip("\ufeff")
    if not text.strip():
        raise InputError("file is empty", source=str(path), hint="a page must hold the text of a scraped page")
    from peerkg.normalise.html import html_to_text, looks_like_html

    if is_html or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise InputError("HTML page with no visible text", source=str(path),
                             hint="save the page after it has loaded, as 'Web Page, complete' or 'HTML only'")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(data).hexdigest()
    extra = {}
    generated = _generated_at()
    if generated:
        extra["generated_at"] = generated
    document = SourceDocument(name=path.name, sha256=digest, size=len(data), extra=extra)
    return PageInput(path=path, document=document, text=text)
