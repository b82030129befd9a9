"""Which IRIs a page may make clickable: ``http:``/``https:`` ones and the service's own paths.

A triple can name any IRI (``javascript:alert(1)``, ``data:text/html,…``, ``file:///etc/passwd``);
pages show such IRIs as text, never as a link. Registered as the ``safe_href`` template filter.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https"})


def safe_href(value: object) -> str | None:
    """``value`` when it is an http(s) IRI or a path of this service (``/…``), else ``None``."""
    if not isinstance(value, str) or not value or any(ch in value for ch in "\x00\r\n\t"):
        return None
    if value.startswith("/") and not value.startswith("//"):
        return value
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return None
    return value if scheme in SAFE_SCHEMES else None
