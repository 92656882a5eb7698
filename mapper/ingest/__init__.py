"""Ingest: turn files and folders of news reports into :class:`~mapper.article.Article` values.

Modules follow the data flow: :mod:`~mapper.ingest.decode` (bytes to text), :mod:`~mapper.ingest.markup` (HTML to
text), :mod:`~mapper.ingest.furniture` (page furniture out), :mod:`~mapper.ingest.metadata` and
:mod:`~mapper.ingest.dates` (front matter, manifests, datelines), :mod:`~mapper.ingest.readers` (one file each).

Bad input never raises: it becomes a :class:`~mapper.errors.Problem` in the same stream as the articles, so a caller
can show progress, keep going, and report every problem at the end.

Examples
--------
>>> from mapper.ingest import collect
>>> articles, problems = collect(["seeds"])  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from mapper.article import Article
from mapper.errors import IngestError, Problem
from mapper.ingest.metadata import MANIFEST_NAME, Manifest, Metadata, read_manifest
from mapper.ingest.readers import JSONL_SUFFIXES, SUFFIXES, read_document, read_jsonl

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "collect", "read_articles"]

DEFAULT_MAX_BYTES = 10_000_000


def _walk(root: Path, given: str) -> Iterator[tuple[Path, str, str]]:
    """Article files under a folder, sorted by relative path; hidden entries and manifests skipped."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = Path(folder).relative_to(root)  # once per folder: pathlib costs ~10 us a call
        for name in files:
            if name.startswith(".") or name.lower() == MANIFEST_NAME or not name.lower().endswith(SUFFIXES):
                continue
            rel = rel_folder / name
            found.append((rel.as_posix(), rel))
    for rel_id, rel in sorted(found):
        yield root / rel, rel_id, os.path.join(given, *rel.parts)


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str, str] | Problem]:
    """Each argument in the order given: (file, article id, path as given) or a problem."""
    seen: set[str] = set()
    for item in paths:
        given = os.fspath(item)
        path = Path(given)
        if path.is_dir():
            entries = list(_walk(path, given))
            if not entries:
                yield Problem(given, f"no article files ({' '.join(SUFFIXES)}) in this folder", severity="warning")
        elif path.is_file():
            if not path.name.lower().endswith(SUFFIXES):
                yield Problem(given, f"unsupported file type {path.suffix or '(none)'!r} (readable: "
                                     f"{' '.join(SUFFIXES)}); skipped")
                continue
            entries = [(path, path.name, given)]
        else:
            yield Problem(given, "no such file or folder")
            continue
        for file, article_id, where in entries:
            key = os.path.normcase(os.path.abspath(file))
            if key not in seen:  # the same file named twice (a file and its folder) is read once
                seen.add(key)
                yield file, article_id, where


def _manifests(files: list[tuple[Path, str, str]], explicit: Path | None) -> tuple[Manifest, list[Problem]]:
    """The explicit manifest, then every ``manifest.csv`` beside the files; earlier ones win."""
    sources = [explicit] if explicit is not None else []
    for folder in sorted({file.parent for file, _, _ in files}):
        beside = folder / MANIFEST_NAME
        if beside.is_file() and (explicit is None or beside.resolve() != Path(explicit).resolve()):
            sources.append(beside)
    manifest, problems = Manifest({}), []
    for source in sources:
        try:
            found, found_problems = read_manifest(Path(source))
        except IngestError as exc:
            problems.append(Problem(str(source), str(exc).removeprefix(f"{source}: ")))
            continue
        manifest = manifest.merged(found)
        problems.extend(found_problems)
    return manifest, problems


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    manifest: Path | None = None,
) -> Iterator[Article | Problem]:
    """Read articles from files and folders, yielding articles and problems as they come.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl``) and folders, walked recursively in sorted order
        (hidden entries, ``manifest.csv`` and other files skipped). Arguments are taken in the order given.
    published : datetime.date, optional
        Publication day for articles no front matter or manifest dates (meant for a single file); beats a dateline.
    max_bytes : int
        Files (for JSONL: lines) larger than this are skipped with a problem.
    manifest : Path, optional
        A manifest to use besides (and before) the ``manifest.csv`` files found beside the articles.

    Yields
    ------
    Article or Problem
        Manifest problems first, then per file its problems and articles. ``Article.id`` is the file's path relative
        to the folder given (its name when a file was given); ``Article.path`` is the path as given.

    Examples
    --------
    >>> items = list(read_articles(["no/such/folder"]))
    >>> str(items[0])
    'no/such/folder: no such file or folder'
    """
    files: list[tuple[Path, str, str]] = []
    for entry in _expand(paths):
        if isinstance(entry, Problem):
            yield entry
        else:
            files.append(entry)
    found, problems = _manifests(files, manifest)
    yield from problems
    option = Metadata(published, "option" if published else "")
    for file, article_id, where in files:
        fallback = found.lookup(file).fill_from(option)
        reader = read_jsonl if file.name.lower().endswith(JSONL_SUFFIXES) else read_document
        yield from reader(file, where, article_id, fallback, max_bytes)


def collect(paths: Iterable[str | Path], **kwargs) -> tuple[list[Article], list[Problem]]:
    """Read everything at once: ``(articles, problems)``; keyword arguments as for :func:`read_articles`."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_articles(paths, **kwargs):
        (articles if isinstance(item, Article) else problems).append(item)
    return articles, problems
