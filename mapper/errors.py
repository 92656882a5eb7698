"""Exceptions and problem reports of the mapper package.

::

    MapperError
    ├── IngestError (+ OSError)       an article file or manifest that cannot be read at all
    ├── ExtractError (+ ValueError)   text the extractor cannot work on
    ├── ExportError (+ OSError)       an output that cannot be written
    └── RenderError (+ ValueError)    an events file the renderer cannot draw

Bad input in a batch does not raise: it becomes a :class:`Problem` (file, line, message) and the run goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


class MapperError(Exception):
    """Root of every error the mapper raises."""


class IngestError(MapperError, OSError):
    """An input that cannot be read at all."""


class ExtractError(MapperError, ValueError):
    """Text the extractor cannot work on."""


class ExportError(MapperError, OSError):
    """An output that cannot be written."""


class RenderError(MapperError, ValueError):
    """An events file the renderer cannot draw."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A recoverable problem with one input: where it is and what is wrong."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error" (the input was skipped) or "warning" (it was used with a caveat)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
