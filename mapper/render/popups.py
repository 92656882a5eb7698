"""What a popup may show, cleaned on the Python side; the browser builds it with ``textContent`` only.

Article text is untrusted. Nothing here turns text into HTML: every field stays plain text, and the page's
popup builder (``assets/popup.js``) inserts it with ``textContent`` so ``<script>`` or ``<img onerror>`` in a
sentence display as text. Links are kept only for ``http``/``https`` URLs, so ``javascript:`` never becomes
an ``href``. Embedding the data in a ``<script>`` block is made safe by :func:`script_safe_json`.
"""

from __future__ import annotations

import json
import re

# Characters that could end a <script> block or an HTML comment, or break a JS string in old engines.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_ESCAPES)
# Scheme http(s), then a host; no whitespace or control characters anywhere (they hide schemes from naive checks).
_HTTP_URL = re.compile(r"https?://[^\s/?#\\]+[^\s\x00-\x1f]*\Z", re.IGNORECASE)


def script_safe_json(value: object) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element (sorted keys, so output is deterministic).

    Examples
    --------
    >>> script_safe_json({"s": "</script><b>"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_TABLE)


def safe_url(url: object) -> str | None:
    """The URL when it is an absolute ``http``/``https`` URL, else None (no ``javascript:``/``data:`` links)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _HTTP_URL.match(url) else None


def _text(value: object) -> str:
    """A field as display text ("" for missing); numbers and lists become their plain string form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(value)


def popup_source(source: dict) -> dict:
    """The fields of one source a popup shows: outlet, title, safe link, published day, quoted sentence, article."""
    return {
        "source": _text(source.get("source")),
        "title": _text(source.get("title")),
        "url": safe_url(source.get("url")),
        "published": _text(source.get("published")),
        "sentence": _text(source.get("sentence")),
        "article": _text(source.get("article")),
    }


def text_list(values: object) -> list[str]:
    """A list of display strings from a list-like property (a single string becomes one item)."""
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    if isinstance(values, (list, tuple)):
        return [_text(v) for v in values if v is not None]
    return [_text(values)]
