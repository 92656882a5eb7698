"""GeoJSON export (RFC 7946) and the reader that checks an events file's shape for the renderer.

Each feature is a Point ``[lon, lat]`` whose properties are the contract of issue 3 (see :data:`CONTRACT_KEYS`),
plus ``attributions``, ``flags``, ``sub_event_type``, ``place_source`` and ``place_kind``. Events with no place go
to a top-level ``unlocated`` list, names the gazetteer could not settle to ``unresolved``. Output is deterministic:
sorted keys, coordinates rounded to 6 decimals, UTF-8 text (``ensure_ascii=False``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mapper.atomic import write_text_atomic
from mapper.errors import RenderError
from mapper.events.locate import UnresolvedMention
from mapper.events.model import Event
from mapper.geojson import read_feature_collection

#: Properties every feature carries; tests and the renderer rely on them.
CONTRACT_KEYS = ("id", "place_id", "place_name", "mentions", "geo_precision", "event_type", "controller",
                 "modality", "date", "date_start", "date_end", "date_precision", "sources", "corroboration")
#: All properties a feature carries, in :func:`event_properties` order (contract keys and extras).
PROPERTY_KEYS = ("id", "place_id", "place_name", "mentions", "geo_precision", "event_type", "sub_event_type",
                 "controller", "modality", "date", "date_start", "date_end", "date_precision", "sources",
                 "corroboration", "attributions", "flags", "place_source", "place_kind")
SOURCE_KEYS = ("article", "source", "url", "published", "sentence", "span")
DATE_PRECISIONS = ("day", "week", "month", "unknown")
COORDINATE_DECIMALS = 6


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def event_properties(event: Event) -> dict:
    """The property dict of one event (contract keys plus extras), JSON-ready."""
    place = event.place
    return {
        "id": event.id,
        "place_id": place.id if place else None,
        "place_name": event.place_name,
        "mentions": list(event.mentions),
        "geo_precision": event.geo_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "controller": event.controller,
        "modality": event.modality,
        "date": _iso(event.date),
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "date_precision": event.date_precision,
        "sources": [s.to_dict() for s in event.sources],
        "corroboration": event.corroboration,
        "attributions": list(event.attributions),
        "flags": list(event.flags),
        "place_source": place.source if place else None,
        "place_kind": place.kind if place else None,
    }


def point(event: Event) -> list[float] | None:
    """``[lon, lat]`` rounded to 6 decimals (about 0.1 m), or None for an unlocated event."""
    if event.place is None:
        return None
    return [round(event.place.lon, COORDINATE_DECIMALS), round(event.place.lat, COORDINATE_DECIMALS)]


def events_document(events: Sequence[Event], *, unresolved: Iterable[UnresolvedMention] = (),
                    metadata: Mapping | None = None) -> dict:
    """The FeatureCollection as a dict (what :func:`write_geojson` serialises)."""
    features = [{"type": "Feature", "id": e.id, "geometry": {"type": "Point", "coordinates": point(e)},
                 "properties": event_properties(e)} for e in events if e.place is not None]
    document = {
        "type": "FeatureCollection",
        "features": features,
        "unlocated": [event_properties(e) for e in events if e.place is None],
        "unresolved": [u.to_dict() for u in unresolved],
    }
    if metadata:
        document["metadata"] = dict(metadata)
    return document


def write_geojson(events: Sequence[Event], path: str | os.PathLike, *, unresolved: Iterable[UnresolvedMention] = (),
                  metadata: Mapping | None = None) -> None:
    """Write events as an RFC 7946 FeatureCollection, atomically."""
    document = events_document(events, unresolved=unresolved, metadata=metadata)
    write_text_atomic(path, _dumps_lines(document))


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "), default=str)


def _dumps_lines(document: dict) -> str:
    """JSON with one feature (or list item) per line: diffable, and fast (``indent`` forces the slow encoder)."""
    members = []
    for key in sorted(document):
        value = document[key]
        if isinstance(value, list) and value:
            body = "[\n" + ",\n".join(_dumps(item) for item in value) + "\n]"
        else:
            body = _dumps(value)
        members.append(f"{_dumps(key)}: {body}")
    return "{\n" + ",\n".join(members) + "\n}\n"


def _feature_problems(index: int, feature) -> list[str]:
    where = f"feature {index}"
    if not isinstance(feature, dict):
        return [f"{where} is not an object"]
    problems = []
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if (not isinstance(geometry, dict) or geometry.get("type") != "Point" or not isinstance(coordinates, list)
            or len(coordinates) < 2 or not all(isinstance(c, int | float) for c in coordinates[:2])):
        problems.append(f"{where}: geometry must be a Point [lon, lat]")
    elif not (-180 <= coordinates[0] <= 180 and -90 <= coordinates[1] <= 90):
        problems.append(f"{where}: coordinates out of range {coordinates}")
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return problems + [f"{where}: properties must be an object"]
    missing = [k for k in CONTRACT_KEYS if k not in properties]
    if missing:
        return problems + [f"{where} ({properties.get('id')!r}): missing properties {missing}"]
    if properties["date_precision"] not in DATE_PRECISIONS:
        problems.append(f"{where}: date_precision {properties['date_precision']!r} is not one of {DATE_PRECISIONS}")
    for key in ("date", "date_start", "date_end"):
        value = properties[key]
        try:
            if value is not None:
                dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            problems.append(f"{where}: {key} is not YYYY-MM-DD or null: {value!r}")
    if not isinstance(properties["mentions"], list) or not isinstance(properties["sources"], list):
        problems.append(f"{where}: mentions and sources must be lists")
    return problems


def read_events_geojson(path: str | os.PathLike) -> dict:
    """Read an events GeoJSON file and check its shape.

    Returns the document as a dict (``features``, and ``unlocated``/``unresolved`` lists, empty when absent).

    Raises
    ------
    RenderError
        The file cannot be read, is not JSON, or breaks the contract; the message names the file and the first
        problems found.
    """
    path = Path(path)
    document = read_feature_collection(path, "events file")
    features = document.get("features")
    if not isinstance(features, list):
        raise RenderError(f"{path}: 'features' must be a list")
    problems = [p for i, f in enumerate(features) for p in _feature_problems(i, f)]
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise RenderError(f"{path}: not an events file: " + "; ".join(problems[:5]) + more)
    for key in ("unlocated", "unresolved"):
        if not isinstance(document.setdefault(key, []), list):
            raise RenderError(f"{path}: '{key}' must be a list")
    return document
