"""Tabular exports: ACLED-style CSV, and GeoPackage / GeoParquet through geopandas.

CSV columns follow ACLED's names where one exists (``event_date``, ``time_precision``, ``actor1``, ``location``,
``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``) and add ``event_id``, ``date_start``,
``date_end``, ``date_precision``, ``corroboration``, ``modality`` and ``place_id``.

``time_precision`` uses ACLED's codes: 1 day, 2 week, 3 month. ACLED has no "unknown"; an event of unknown date
gets an empty ``event_date`` and an empty ``time_precision`` rather than a made-up day (a blank is honest and
parses as missing; a 3 would claim the month is known).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence

from mapper.atomic import atomic_path, write_text_atomic
from mapper.errors import ExportError
from mapper.events.export_geojson import COORDINATE_DECIMALS, PROPERTY_KEYS, event_properties, point
from mapper.events.model import Event

CSV_COLUMNS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "location",
               "latitude", "longitude", "geo_precision", "source", "notes", "date_start", "date_end",
               "date_precision", "corroboration", "modality", "place_id")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
#: Columns of the GeoPackage/GeoParquet layer whose values are lists: stored as JSON text (GeoPackage has no lists).
JSON_COLUMNS = ("mentions", "sources", "attributions", "flags")


def csv_row(event: Event) -> dict:
    """One ACLED-style row."""
    coordinates = point(event)
    outlets = dict.fromkeys(s.source or s.article for s in event.sources)
    known = event.date_precision in TIME_PRECISION
    return {
        "event_id": event.id,
        "event_date": event.date.isoformat() if known and event.date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.controller or "",
        "location": event.place_name,
        "latitude": f"{coordinates[1]:.{COORDINATE_DECIMALS}f}" if coordinates else "",
        "longitude": f"{coordinates[0]:.{COORDINATE_DECIMALS}f}" if coordinates else "",
        "geo_precision": event.geo_precision,
        "source": "; ".join(outlets),
        "notes": " | ".join(dict.fromkeys(" ".join(s.sentence.split()) for s in event.sources)),
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "date_precision": event.date_precision,
        "corroboration": event.corroboration,
        "modality": event.modality,
        "place_id": event.place.id if event.place else "",
    }


def write_csv(events: Sequence[Event], path: str | os.PathLike) -> None:
    """Write ACLED-style CSV (UTF-8, ``\\n`` line ends), atomically."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_row(e) for e in events)
    write_text_atomic(path, buffer.getvalue())


def events_frame(events: Sequence[Event]):
    """A GeoDataFrame (EPSG:4326) with the GeoJSON properties as columns; list columns as JSON text."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point

    rows = []
    for event in events:
        row = event_properties(event)
        for key in JSON_COLUMNS:
            row[key] = json.dumps(row[key], ensure_ascii=False, sort_keys=True)
        coordinates = point(event)
        row["geometry"] = Point(coordinates) if coordinates else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*PROPERTY_KEYS, "geometry"])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(frame["geometry"], crs="EPSG:4326"), crs="EPSG:4326")


def write_gpkg(events: Sequence[Event], path: str | os.PathLike) -> None:
    """Write a GeoPackage layer ``events``, atomically."""
    frame = events_frame(events)
    try:
        with atomic_path(path) as temporary:
            frame.to_file(temporary, driver="GPKG", layer="events", engine="pyogrio")
    except (RuntimeError, ValueError) as e:  # pyogrio's DataSourceError and friends
        raise ExportError(f"{path}: cannot write GeoPackage: {e}") from e


def write_parquet(events: Sequence[Event], path: str | os.PathLike) -> None:
    """Write GeoParquet, atomically."""
    frame = events_frame(events)
    try:
        with atomic_path(path) as temporary:
            frame.to_parquet(temporary, index=False)
    except (RuntimeError, ValueError) as e:  # pyarrow's ArrowInvalid is a ValueError
        raise ExportError(f"{path}: cannot write GeoParquet: {e}") from e
