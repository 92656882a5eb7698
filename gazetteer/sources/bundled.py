"""The bundled, curated table shipped as package data (``gazetteer/data/places.csv``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from gazetteer.place import Place
from gazetteer.sources.base import PlaceSource, SourceProblem, SourceResult, places_from_rows, read_place_rows

BUNDLED_RESOURCE = ("gazetteer", "data/places.csv")


def read_places_csv(path: str | Path, source: str) -> SourceResult:
    """Read a full places CSV (every row with coordinates) as a :class:`SourceResult`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return SourceResult((), (SourceProblem(str(path), None, f"cannot read: {exc}"),))
    rows, problems = read_place_rows(text, str(path))
    places: list[Place] = []
    for item in places_from_rows(rows, str(path), source):
        (places if isinstance(item, Place) else problems).append(item)
    return SourceResult(tuple(places), tuple(sorted(problems, key=lambda p: p.line or 0)))


class BundledSource(PlaceSource):
    """The curated table for the northwest-Syria theatre; ``path`` replaces it (tests use small fixtures)."""

    name = "bundled"
    priority = 10

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None

    def load(self) -> SourceResult:
        if self.path is not None:
            return read_places_csv(self.path, self.name)
        package, relative = BUNDLED_RESOURCE
        with resources.as_file(resources.files(package).joinpath(relative)) as path:
            if not path.exists():
                return SourceResult((), (SourceProblem(str(path), None, "bundled table is missing"),))
            return read_places_csv(path, self.name)
