"""The Place value: one location with coordinates and provenance."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gazetteer.errors import InvalidPlace

#: Kinds of place a source may give; free text is allowed but these are the usual ones.
PLACE_KINDS = ("populated place", "hill", "area", "admin unit", "site", "road")


@dataclass(frozen=True, slots=True)
class Place:
    """A place with coordinates, kind, admin areas, aliases and the source it came from.

    Parameters
    ----------
    id : str
        Stable id, ``"<source>:<source_id>"`` (for example ``"geonames:169168"``).
    name : str
        Canonical name in Latin script.
    lat, lon : float
        WGS84 degrees; validated on construction.
    kind : str
        One of :data:`PLACE_KINDS` or another short word.
    admin1, admin2 : str or None
        Governorate and district names where known.
    aliases : tuple of str
        Other spellings, Arabic script included.
    source : str
        Name of the source that gave it ("bundled", "geonames", "overlay", "online", "cities").
    source_id : str
        The id inside that source (a GeoNames id, an overlay row...).

    Examples
    --------
    >>> Place("geonames:169168", "Jarjanaz", 35.61823, 36.78281, source="geonames", source_id="169168").lat
    35.61823
    >>> Place("x:1", "Nowhere", 91.0, 0.0)
    Traceback (most recent call last):
    ...
    gazetteer.errors.InvalidPlace: latitude 91.0 of 'Nowhere' is outside [-90, 90]
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str = "populated place"
    admin1: str | None = None
    admin2: str | None = None
    aliases: tuple[str, ...] = field(default=())
    source: str = ""
    source_id: str = ""

    def __post_init__(self) -> None:
        if not self.id or not str(self.id).strip():
            raise InvalidPlace("a place needs a non-empty id")
        if not self.name or not str(self.name).strip():
            raise InvalidPlace(f"place {self.id!r} has an empty name")
        try:
            lat, lon = float(self.lat), float(self.lon)
        except (TypeError, ValueError):
            raise InvalidPlace(f"coordinates of {self.name!r} are not numbers: {self.lat!r}, {self.lon!r}") from None
        if not math.isfinite(lat) or not -90.0 <= lat <= 90.0:
            raise InvalidPlace(f"latitude {self.lat} of {self.name!r} is outside [-90, 90]")
        if not math.isfinite(lon) or not -180.0 <= lon <= 180.0:
            raise InvalidPlace(f"longitude {self.lon} of {self.name!r} is outside [-180, 180]")
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lon", lon)
        object.__setattr__(self, "aliases", tuple(self.aliases))

    def to_dict(self) -> dict:
        """The stable JSON shape scripts depend on: id, name, lat, lon, kind, source."""
        return {"id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon, "kind": self.kind,
                "source": self.source}
