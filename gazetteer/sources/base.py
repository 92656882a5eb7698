"""The small base every place source shares, and the CSV row reader the bundled table and overlays use.

A source turns one kind of input (a CSV table, a GeoNames index, a registry package) into :class:`Place` values
and a list of :class:`SourceProblem` for the rows it had to skip (geopy's ``geocoders/base.py`` shape).
"""

from __future__ import annotations

import csv
import io
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from gazetteer.errors import InvalidPlace
from gazetteer.place import Place

#: Columns of the bundled table and of overlay files; only ``id`` and ``name`` are required in an overlay.
CSV_COLUMNS = ("id", "name", "lat", "lon", "kind", "admin1", "admin2", "aliases", "source_ref", "note")
ALIAS_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A row a source skipped (or used with a caveat): where it is and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line is not None else f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class SourceResult:
    """What a source loaded: its places (in file order) and the problems it met."""

    places: tuple[Place, ...]
    problems: tuple[SourceProblem, ...] = field(default=())


class PlaceSource(ABC):
    """One layer of places. Subclasses set :attr:`name` (also the ``Place.source`` they give) and :attr:`priority`."""

    name: ClassVar[str] = ""
    #: Higher wins when two sources hold the same place id (overlay > geonames > bundled > cities).
    priority: ClassVar[int] = 0

    @abstractmethod
    def load(self) -> SourceResult:
        """Read the source; bad rows become problems, never exceptions."""


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One parsed CSV row; ``lat``/``lon`` are None when the row leaves them empty (allowed in overlays)."""

    line: int
    id: str
    name: str
    lat: float | None
    lon: float | None
    kind: str
    admin1: str | None
    admin2: str | None
    aliases: tuple[str, ...]
    source_ref: str


def split_aliases(text: str | None) -> tuple[str, ...]:
    """``"a|b| c"`` -> ``("a", "b", "c")``, empty parts dropped."""
    return tuple(part.strip() for part in (text or "").split(ALIAS_SEPARATOR) if part.strip())


def read_place_rows(text: str, path: str) -> tuple[list[PlaceRow], list[SourceProblem]]:
    """Parse a places CSV (header row with at least ``id`` and ``name``), reporting bad rows by ``path:line``."""
    rows: list[PlaceRow] = []
    problems: list[SourceProblem] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"id", "name"} - set(reader.fieldnames or ())
    if missing:
        return rows, [SourceProblem(path, 1, f"header lacks column(s) {', '.join(sorted(missing))}")]
    for record in reader:
        line = reader.line_num
        try:
            rows.append(_parse_row(record, line))
        except ValueError as exc:
            problems.append(SourceProblem(path, line, str(exc)))
    return rows, problems


def _parse_row(record: dict, line: int) -> PlaceRow:
    if None in record:
        raise ValueError(f"{len(record[None])} more field(s) than the header has columns")
    place_id = (record.get("id") or "").strip()
    name = (record.get("name") or "").strip()
    if not place_id or not name:
        raise ValueError("id and name are required")
    lat_text, lon_text = (record.get("lat") or "").strip(), (record.get("lon") or "").strip()
    if bool(lat_text) != bool(lon_text):
        raise ValueError("give both lat and lon, or neither")
    lat = lon = None
    if lat_text:
        try:
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            raise ValueError(f"coordinates are not numbers: {lat_text!r}, {lon_text!r}") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return PlaceRow(line=line, id=place_id, name=name, lat=lat, lon=lon,
                    kind=(record.get("kind") or "").strip() or "populated place",
                    admin1=(record.get("admin1") or "").strip() or None,
                    admin2=(record.get("admin2") or "").strip() or None,
                    aliases=split_aliases(record.get("aliases")),
                    source_ref=(record.get("source_ref") or "").strip())


def row_to_place(row: PlaceRow, source: str) -> Place:
    """A full row (with coordinates) as a Place; raises :class:`InvalidPlace` otherwise."""
    if row.lat is None or row.lon is None:
        raise InvalidPlace(f"place {row.id!r} has no coordinates")
    source_id = row.id.split(":", 1)[1] if ":" in row.id else row.id
    return Place(row.id, row.name, row.lat, row.lon, kind=row.kind, admin1=row.admin1, admin2=row.admin2,
                 aliases=row.aliases, source=source, source_id=source_id)


def places_from_rows(rows: Iterable[PlaceRow], path: str, source: str) -> Iterator[Place | SourceProblem]:
    """Rows -> places, or a problem for each row that cannot be one."""
    for row in rows:
        try:
            yield row_to_place(row, source)
        except InvalidPlace as exc:
            yield SourceProblem(path, row.line, str(exc))
