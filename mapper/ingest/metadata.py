"""Article metadata: YAML front matter, ``manifest.csv`` files, and merging by precedence.

Precedence, highest first: front matter (or the page's own HTML metadata, or a JSONL line's fields) > manifest >
the ``published`` argument > a dateline in the text (see :mod:`mapper.ingest.dates`). Each field is merged on its
own: a manifest can give the date while the front matter gives the title.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from mapper.errors import IngestError, Problem
from mapper.ingest.dates import parse_date_value

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "source", "url", "date_evidence")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_DATE_KEYS = ("published", "date", "published_at", "pubdate")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text; ``None`` means unknown."""

    published: dt.date | None = None
    published_evidence: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def fill_from(self, other: Metadata) -> Metadata:
        """Return a copy whose unknown fields are taken from ``other`` (``self`` wins where both know)."""
        published, evidence = self.published, self.published_evidence
        if published is None and other.published is not None:
            published, evidence = other.published, other.published_evidence
        # The constructor, not dataclasses.replace: this runs twice per article and replace() costs ~5x more.
        return Metadata(published, evidence, self.source or other.source, self.url or other.url,
                        self.title or other.title)


def _text(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _key_line(block: str, key: str) -> int:
    """Line (1-based, in the file) of ``key:`` inside a front-matter block that starts on line 2."""
    for number, line in enumerate(block.split("\n"), start=2):
        if re.match(rf"\s*{re.escape(key)}\s*:", line):
            return number
    return 1


_FAST_LOADER = getattr(yaml, "CBaseLoader", None)  # libyaml, when PyYAML was built with it: ~10x faster


# One "key: value" line whose value YAML reads as the plain scalar written: a word character first (no indicator,
# quote, "~" or "-"), then anything but a newline; the caller refuses ": ", " #", a final ":" and what YAML would not
# print. Spaces only, before and after the value: a tab is separation in some places and content in others.
_FLAT_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):[ ]+([^\W_][^\n]*?)[ ]*\n")


def _flat_fields(block: str) -> dict[str, str] | None:
    """What the BaseLoader gives for a flat block of ``key: value`` lines, or ``None`` when the block is anything else.

    Most front matter is a few such lines, and YAML's parser costs ~35 us for them even through libyaml. Anything
    unusual (quotes, lists, comments, blank lines, indentation, anchors, tags, empty values) is left to YAML.

    Examples
    --------
    >>> _flat_fields("published: 2019-12-24\\ntitle: Idlib: the offensive\\n") is None
    True
    >>> _flat_fields("published: 2019-12-24\\nsource: SANA\\n")
    {'published': '2019-12-24', 'source': 'SANA'}
    """
    fields = {}
    at, end = 0, len(block)
    while at < end:
        match = _FLAT_FIELD.match(block, at)
        if match is None:
            return None
        value = match.group(2)
        # ": " would open a nested mapping and " #" a comment; a final ":" is an error; str.isprintable() refuses all
        # YAML cannot print (and a little it can), tabs and odd line breaks (U+0085, U+2028) too
        if ": " in value or " #" in value or value.endswith(":") or not value.isprintable():
            return None
        fields[match.group(1)] = value  # a repeated key: the last one wins, as in PyYAML
        at = match.end()
    return fields or None


def _load_yaml(block: str):
    """``yaml.load`` with the BaseLoader (every value a string), through libyaml when available.

    Front matter is parsed once per article, and the pure-Python parser was a third of the time spent reading a
    2-5 kB article. On an error the pure-Python parser runs again, so messages (and line numbers) stay its own.
    Flat ``key: value`` front matter, the usual kind, skips YAML altogether (:func:`_flat_fields`).
    """
    fields = _flat_fields(block)
    if fields is not None:
        return fields
    if _FAST_LOADER is not None:
        try:
            return yaml.load(block, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.load(block, Loader=yaml.BaseLoader)


def split_front_matter(text: str, path: str) -> tuple[str, Metadata, list[Problem]]:
    """Take YAML front matter off the top of a text.

    Returns the text without it (blank lines keep line numbers), the metadata it gives, and warnings for values that
    cannot be used. All values are read as strings (YAML's BaseLoader) so a bad date is reported, not half-parsed.

    Examples
    --------
    >>> body, meta, problems = split_front_matter("---\\npublished: 2019-12-24\\ntitle: Idlib\\n---\\nText", "a.md")
    >>> meta.published, meta.title, body.strip()
    (datetime.date(2019, 12, 24), 'Idlib', 'Text')
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, Metadata(), []
    block = match.group(1) or ""
    body = "\n" * match.group(0).count("\n") + text[match.end():]
    problems: list[Problem] = []
    try:
        fields = _load_yaml(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problems.append(Problem(path, f"front matter is not valid YAML ({getattr(exc, 'problem', exc)}); ignored",
                                line, "warning"))
        return body, Metadata(), problems
    if not isinstance(fields, dict):
        problems.append(Problem(path, "front matter is not a mapping of keys to values; ignored", 1, "warning"))
        return body, Metadata(), problems
    fields = {str(k).strip().lower(): v for k, v in fields.items()}
    published = None
    for key in _DATE_KEYS:
        value = _text(fields.get(key))
        if value is None:
            continue
        published = parse_date_value(value)
        if published is None:
            problems.append(Problem(
                path, f"front matter {key}: {value!r} is not a date (expected YYYY-MM-DD); publication date unknown",
                _key_line(block, key), "warning"))
        break
    meta = Metadata(
        published=published, published_evidence="front matter" if published else "",
        source=_text(fields.get("source")), url=_text(fields.get("url")), title=_text(fields.get("title")),
    )
    return body, meta, problems


def _manifest_key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


@dataclass(frozen=True, slots=True)
class Manifest:
    """Metadata rows of one or more manifests, looked up by file."""

    entries: dict[str, Metadata]

    def lookup(self, path: Path) -> Metadata:
        """Metadata for a file, or empty metadata when no manifest row names it."""
        if not self.entries:  # no manifest at all (the usual case): skip making an absolute path per file
            return Metadata()
        return self.entries.get(_manifest_key(path), Metadata())

    def merged(self, other: Manifest) -> Manifest:
        """Combine with another manifest; rows of ``self`` win."""
        return Manifest({**other.entries, **self.entries})


def read_manifest(path: Path) -> tuple[Manifest, list[Problem]]:
    """Read a ``manifest.csv`` (columns file, published, source, url, date_evidence; optional title).

    File names are relative to the manifest's folder. An empty ``published`` means unknown. Rows naming a missing file
    or holding a bad date are reported with the manifest's line and the rest is read.

    Raises
    ------
    mapper.errors.IngestError
        When the manifest cannot be read at all or has no ``file`` column.
    """
    where = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip().lower() for c in reader.fieldnames or []]
            reader.fieldnames = columns
            rows = []
            start = reader.line_num + 1
            for row in reader:
                rows.append((start, row))  # the row's first line, even when a quoted field spans lines
                start = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IngestError(f"{where}: cannot read manifest: {exc}") from exc
    if "file" not in columns:
        raise IngestError(f"{where}: manifest has no 'file' column (columns: {', '.join(columns) or 'none'})")
    entries: dict[str, Metadata] = {}
    problems: list[Problem] = []
    base = path.parent
    for line, row in rows:
        name = _text(row.get("file"))
        if name is None:
            problems.append(Problem(where, "row has no file name; skipped", line))
            continue
        target = base / name
        if not target.is_file():
            problems.append(Problem(where, f"row names {name!r}, which does not exist in {base}; skipped", line))
            continue
        raw_date = _text(row.get("published"))
        published = parse_date_value(raw_date) if raw_date else None
        if raw_date and published is None:
            problems.append(Problem(where, f"{name}: published {raw_date!r} is not a date (expected YYYY-MM-DD); "
                                           "publication date unknown", line, "warning"))
        entries[_manifest_key(target)] = Metadata(
            published=published, published_evidence="manifest" if published else "",
            source=_text(row.get("source")), url=_text(row.get("url")), title=_text(row.get("title")),
        )
    return Manifest(entries), problems
