"""Saved HTML pages to text with their block structure, for the same readers as text pages.

lxml parses the page (as browsers do, forgiving broken markup); what a reader never sees is dropped —
``<head>``, scripts, styles, ``<noscript>``, templates, navigation menus, buttons and form fields,
elements marked ``hidden`` or ``aria-hidden="true"`` or styled ``display: none`` / ``visibility: hidden``
— and inscriptis renders the
rest as text laid out the way a browser shows it: one line per block (paragraph, heading, list item, table
row), ordered lists numbered, table cells side by side. List bullets (``*``) are not kept.
"""

from __future__ import annotations

import re

from inscriptis import Inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import etree, html

__all__ = ["declared_charset", "html_to_text", "looks_like_html"]

_DROP_TAGS = ("head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "nav", "button", "select", "input", "textarea")
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_BULLET = re.compile(r"^[ \t]*\*[ \t]+", re.MULTILINE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document (starts with a doctype or an html/head/body tag)."""
    return bool(_HTML_START.match(text[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta charset>`` (or http-equiv) tag, if any."""
    m = _CHARSET.search(data[:4096])
    return m[1].decode("ascii").lower() if m else None


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return True
    if element.tag == "input" and element.get("type", "").lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style", "")))


def html_to_text(markup: str) -> str:
    """The text a reader sees on the HTML page ``markup``, one line per block."""
    try:
        root = html.document_fromstring(markup)
    except (etree.ParserError, ValueError):  # no elements at all
        return ""
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and (el.tag in _DROP_TAGS or _hidden(el))]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for comment in root.xpath("//comment() | //processing-instruction()"):
        comment.drop_tree()
    text = Inscriptis(root, ParserConfig(css=CSS_PROFILES["strict"], display_images=False)).get_text()
    return _BULLET.sub("", text)
