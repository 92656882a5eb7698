"""From the events FeatureCollection (the extractor's GeoJSON contract) to what the map draws.

A malformed feature is skipped with a :class:`~mapper.errors.Problem` naming it, never drawn at a made-up place
or date; the rest of the map is still made.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mapper.errors import Problem, RenderError
from mapper.render.popups import popup_source, text_list
from mapper.render.style import is_control, side_key, side_label, sides_in_order

_EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class MapData:
    """Events ready to draw, plus what the summary panel says about them.

    ``features`` are compact GeoJSON features sorted by (day, id); undated ones (``day`` None) come last.
    """

    features: tuple[dict, ...]
    sides: tuple[str, ...]
    side_labels: dict
    event_types: tuple[str, ...]
    first_day: dt.date | None
    last_day: dt.date | None
    unresolved: tuple[tuple[str, int], ...]
    unlocated: int
    source_count: int
    problems: tuple[Problem, ...]


def load_events(path: Path | str) -> dict:
    """Read an events GeoJSON file.

    Raises
    ------
    RenderError
        The file is missing or unreadable, is not JSON, or is not a FeatureCollection; the message names the file.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise RenderError(f"{path}: no such events file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{path}: cannot read the events file: {exc}") from exc
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise RenderError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise RenderError(f"{path}: not a GeoJSON FeatureCollection of events")
    return doc


def parse_day(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` string as a date; None for null or anything else."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def prepare(events: dict, where: str = "events") -> MapData:
    """Validate and compact the events for the map.

    Raises
    ------
    RenderError
        ``events`` is not a FeatureCollection.
    """
    if not isinstance(events, dict) or not isinstance(events.get("features"), list):
        raise RenderError(f"{where}: not a GeoJSON FeatureCollection of events")
    problems: list[Problem] = []
    records: list[dict] = []
    # Building 100k small dicts triggers many full GC passes that find nothing to free: pause GC meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for index, feature in enumerate(events["features"]):
            try:
                records.append(_record(feature))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                problems.append(Problem(where, f"feature {index} skipped: {exc}"))
    finally:
        if collecting:
            gc.enable()
    records.sort(key=lambda f: (f["properties"]["day"] is None, f["properties"]["day"] or 0,
                                f["properties"]["id"]))
    days = [f["properties"]["day"] for f in records if f["properties"]["day"] is not None]
    sources = {(s["article"], s["url"] or "", s["source"]) for f in records for s in f["properties"]["sources"]}
    labels = {f["properties"]["side"]: f["properties"]["side_label"] for f in records}
    return MapData(
        features=tuple(records),
        sides=tuple(sides_in_order(labels)),
        side_labels=dict(sorted(labels.items())),
        event_types=tuple(sorted({f["properties"]["event_type"] for f in records},
                                 key=lambda t: (t != "control_change", t))),
        first_day=_EPOCH + dt.timedelta(days=min(days)) if days else None,
        last_day=_EPOCH + dt.timedelta(days=max(days)) if days else None,
        unresolved=_name_counts(events.get("unresolved")),
        unlocated=len(events.get("unlocated") or []),
        source_count=len(sources),
        problems=tuple(problems),
    )


def _record(feature: dict) -> dict:
    """One compact feature: what the layer, the filters and the popup need, nothing else."""
    geometry = feature.get("geometry") or {}
    coords = geometry.get("coordinates")
    if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
        raise ValueError("geometry is not a Point")
    lon, lat = float(coords[0]), float(coords[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"coordinates out of range {coords}")
    props = feature["properties"]
    event_id = str(props["id"])
    day = parse_day(props.get("date"))
    geo_precision = props.get("geo_precision")
    sources = props.get("sources") or []
    properties = {
        "id": event_id,
        "place": str(props.get("place_id") or event_id),  # places without an id never merge with others
        "place_name": str(props.get("place_name") or ""),
        "mentions": text_list(props.get("mentions")),
        "geo_precision": geo_precision if geo_precision in (1, 2, 3) else 2,
        "event_type": str(props.get("event_type") or "other"),
        "sub_event_type": str(props.get("sub_event_type") or ""),
        "controller": props.get("controller") if isinstance(props.get("controller"), str) else None,
        "side": side_key(props.get("controller")),
        "side_label": side_label(props.get("controller")),
        "modality": str(props.get("modality") or ""),
        "control": is_control(props),
        "date": day.isoformat() if day else None,
        "date_start": _iso(props.get("date_start")),
        "date_end": _iso(props.get("date_end")),
        "date_precision": str(props.get("date_precision") or "unknown") if day else "unknown",
        "day": (day - _EPOCH).days if day else None,
        "sources": [popup_source(s) for s in sources if isinstance(s, dict)],
        "corroboration": int(props.get("corroboration") or len(sources) or 1),
        "attributions": text_list(props.get("attributions")),
        "flags": text_list(props.get("flags")),
    }
    # 5 decimals is ~1 m: more only bloats the page.
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": properties}


def _iso(value: object) -> str | None:
    day = parse_day(value)
    return day.isoformat() if day else None


def _name_counts(entries: object) -> tuple[tuple[str, int], ...]:
    """Unresolved names with how often each was seen, most frequent first."""
    names = Counter()
    for entry in entries or []:
        name = entry.get("mention") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names[" ".join(name.split())] += 1
    return tuple(sorted(names.items(), key=lambda item: (-item[1], item[0])))
