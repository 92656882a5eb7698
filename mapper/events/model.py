"""The Event value: a merged, located claim with all its sources. What exports and maps are made of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gazetteer.place import Place
from mapper.extract.model import DatePrecision, Evidence, Modality


@dataclass(frozen=True, slots=True)
class Event:
    """One event after resolution and merging.

    ``place`` is None for an unlocated event (region with no admin area found, or a name no source knows);
    such events are exported in the ``unresolved``/``unlocated`` lists, never at a made-up point.
    ``geo_precision``: 1 exact place, 2 near or part of a place, 3 a region (admin area centroid).
    """

    id: str
    place: Place | None
    place_name: str
    mentions: tuple[str, ...]
    geo_precision: int
    event_type: str
    controller: str | None
    modality: Modality
    date: dt.date | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: DatePrecision
    sources: tuple[Evidence, ...]
    corroboration: int
    attributions: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    sub_event_type: str = ""
