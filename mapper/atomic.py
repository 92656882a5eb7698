"""Atomic writes: every output goes to a temporary file beside the target, then ``os.replace`` moves it in.

A reader (the renderer, a GIS) never sees a half-written file, and a writer that fails leaves the old file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mapper.errors import ExportError


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a fresh temporary path in ``path``'s directory; move it onto ``path`` when the block succeeds.

    The temporary name keeps the target's suffix (drivers choose the format by it). On any exception the
    temporary file is removed and the exception propagates; OS errors become :class:`ExportError` naming ``path``.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{target}: the directory {target.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    except OSError as e:
        raise ExportError(f"{target}: cannot create a file in {target.parent}: {e.strerror or e}") from e
    os.close(fd)
    temporary = Path(name)
    temporary.unlink()  # some writers (GeoPackage) refuse to overwrite an existing empty file
    try:
        yield temporary
        os.replace(temporary, target)
    except ExportError:
        raise
    except OSError as e:
        raise ExportError(f"{target}: cannot write: {e.strerror or e}") from e
    finally:
        if temporary.exists():
            temporary.unlink()


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, atomically."""
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def ensure_directory(path: str | os.PathLike, what: str = "file") -> None:
    """Create ``path``'s directory if needed; an OS error becomes :class:`ExportError` naming ``path`` and ``what``."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"{target}: cannot write the {what}: {e.strerror or e}") from e
