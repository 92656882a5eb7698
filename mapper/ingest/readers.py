"""Readers for one file each: plain text and markdown, HTML, and JSONL (one article per line).

Every reader yields :class:`~mapper.article.Article` values and :class:`~mapper.errors.Problem` values; none raises
for bad input.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from mapper.article import Article
from mapper.errors import Problem
from mapper.ingest.dates import find_dateline, parse_date_value
from mapper.ingest.decode import decode_bytes, looks_binary
from mapper.ingest.furniture import remove_furniture
from mapper.ingest.markup import html_to_text
from mapper.ingest.metadata import Metadata, split_front_matter

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES[:2] + HTML_SUFFIXES + JSONL_SUFFIXES
_LOOKS_HTML = re.compile(r"<(?:p|div|br|article|html|body|span|a)\b[^>]*>", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)


def _article(article_id: str, where: str, text: str, meta: Metadata) -> Article | Problem:
    """Finish an article: drop furniture, fall back to a dateline, refuse an empty result."""
    if meta.published is None:
        dateline = find_dateline(text)
        if dateline is not None:
            meta = Metadata(dateline, "dateline in text", meta.source, meta.url, meta.title)
    text = remove_furniture(text)
    if not text:
        return Problem(where, "no article text left after removing markup and page furniture; skipped")
    return Article(
        id=article_id, path=where, text=text, published=meta.published, published_evidence=meta.published_evidence,
        source=meta.source, url=meta.url, title=meta.title,
    )


def _html_article(html: str, where: str, article_id: str, fallback: Metadata,
                  line: int | None = None) -> Iterator[Article | Problem]:
    doc = html_to_text(html)
    published = parse_date_value(doc.published) if doc.published else None
    if doc.published and published is None:
        yield Problem(where, f"HTML publication time {doc.published!r} is not a date; ignored", line, "warning")
    own = Metadata(published, "html metadata" if published else "", doc.site_name, doc.url, doc.title)
    yield _article(article_id, where, doc.text, own.fill_from(fallback))


def _read_bytes(path: Path, where: str, max_bytes: int) -> bytes | Problem:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return Problem(where, f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes raises it); "
                                  "skipped")
        with open(path, "rb") as handle:
            # A read of the stat size (+1 to see growth): read(max_bytes + 1) would allocate the whole limit (10 MB)
            # for every 4 kB file, which cost 2% of a run.
            data = handle.read(size + 1)
            if len(data) > size:  # grew since stat: read on up to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        return Problem(where, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:  # grew since stat
        return Problem(where, f"file is over the limit of {max_bytes:,} bytes (--max-bytes raises it); skipped")
    return data


def read_document(path: Path, where: str, article_id: str, fallback: Metadata,
                  max_bytes: int) -> Iterator[Article | Problem]:
    """Read a ``.txt``, ``.md`` or ``.html`` file as one article.

    Parameters
    ----------
    path : Path
        The file.
    where : str
        The path as the user gave it, for the article and for messages.
    article_id : str
        The article's stable id.
    fallback : Metadata
        Metadata from lower-precedence sources (manifest, then the ``published`` argument).
    max_bytes : int
        Larger files are skipped with a problem.
    """
    data = _read_bytes(path, where, max_bytes)
    if isinstance(data, Problem):
        yield data
        return
    if looks_binary(data):
        yield Problem(where, "looks binary (NUL or control bytes), not text; skipped")
        return
    decoded = decode_bytes(data)
    if decoded.warning:
        yield Problem(where, decoded.warning, decoded.line, "warning")
    if not decoded.text.strip():
        yield Problem(where, "empty (no text); skipped")
        return
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield from _html_article(decoded.text, where, article_id, fallback)
        return
    text, own, problems = split_front_matter(decoded.text, where)
    yield from problems
    if suffix != ".txt":
        text = _MD_HEADING.sub("", text)
    if not text.strip():
        yield Problem(where, "empty (front matter but no text); skipped")
        return
    yield _article(article_id, where, text, own.fill_from(fallback))


def _jsonl_line(raw: bytes, number: int, where: str, article_id: str,
                fallback: Metadata) -> Iterator[Article | Problem]:
    decoded = decode_bytes(raw)
    if decoded.warning:
        yield Problem(where, decoded.warning, number, "warning")
    try:
        record = json.loads(decoded.text.rstrip("\n"))
    except json.JSONDecodeError as exc:
        yield Problem(where, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped", number)
        return
    if not isinstance(record, dict):
        yield Problem(where, f"expected a JSON object, found {type(record).__name__}; line skipped", number)
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(where, "no 'text' (a non-empty string is required); line skipped", number)
        return
    raw_date = record.get("published")
    published = parse_date_value(raw_date) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and published is None:
        yield Problem(where, f"published {raw_date!r} is not a date (expected YYYY-MM-DD); publication date unknown",
                      number, "warning")

    def field(key: str) -> str | None:
        value = record.get(key)
        return str(value).strip() or None if value is not None else None

    own = Metadata(published, "jsonl" if published else "", field("source"), field("url"), field("title"))
    line_id = f"{article_id}#{number}"
    if _LOOKS_HTML.search(text):
        yield from _html_article(text, where, line_id, own.fill_from(fallback), number)
    else:
        yield _article(line_id, where, text.replace("\r\n", "\n"), own.fill_from(fallback))


def read_jsonl(path: Path, where: str, article_id: str, fallback: Metadata,
               max_bytes: int) -> Iterator[Article | Problem]:
    """Read a JSONL file line by line (memory stays flat); ``max_bytes`` limits each line, not the file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
            if not head.strip():
                yield Problem(where, "empty (no lines); skipped")
                return
            if looks_binary(head):
                yield Problem(where, "looks binary (NUL or control bytes), not JSON lines; skipped")
                return
            handle.seek(0)
            for number, raw in enumerate(handle, start=1):
                if len(raw) > max_bytes:
                    yield Problem(where, f"line is {len(raw):,} bytes, over the limit of {max_bytes:,} "
                                         "(--max-bytes raises it); skipped", number)
                elif raw.strip():
                    yield from _jsonl_line(raw, number, where, article_id, fallback)
    except OSError as exc:
        yield Problem(where, f"cannot read: {exc.strerror or exc}")
