"""Analyst overlay CSVs: add places, add aliases to known ones, override coordinates.

Same columns as the bundled table; only ``id`` and ``name`` are required. A row whose id is already known adds its
name and aliases to that place and, when it gives lat/lon, moves it; a row with a new id adds a place (and then
needs coordinates).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gazetteer.place import Place
from gazetteer.sources.base import PlaceRow, PlaceSource, SourceProblem, SourceResult, read_place_rows, row_to_place


class OverlaySource(PlaceSource):
    """One overlay file, applied on top of every other source."""

    name = "overlay"
    priority = 40

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> tuple[list[PlaceRow], list[SourceProblem]]:
        """The parsed rows and the problems of the bad ones."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return [], [SourceProblem(str(self.path), None, f"cannot read overlay: {exc}")]
        return read_place_rows(text, str(self.path))

    def load(self) -> SourceResult:
        """Only the rows that are whole places (with coordinates); see :meth:`apply` for edits."""
        rows, problems = self.read()
        return SourceResult(tuple(row_to_place(r, self.name) for r in rows if r.lat is not None), tuple(problems))

    def apply(self, places: dict[str, Place]) -> list[SourceProblem]:
        """Apply the overlay to ``places`` (id -> Place) in place; return the problems met."""
        rows, problems = self.read()
        for row in rows:
            known = places.get(row.id)
            if known is None:
                if row.lat is None:
                    problems.append(SourceProblem(str(self.path), row.line,
                                                  f"unknown id {row.id!r} needs lat and lon to add a place"))
                    continue
                places[row.id] = row_to_place(row, self.name)
                continue
            extra = tuple(a for a in (row.name, *row.aliases) if a != known.name and a not in known.aliases)
            changes: dict = {"aliases": known.aliases + extra}
            if row.lat is not None:
                changes.update(lat=row.lat, lon=row.lon, source=self.name)
            places[row.id] = replace(known, **changes)
        return problems
