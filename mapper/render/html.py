"""Assemble the self-contained HTML map: Leaflet inlined by folium-offline, outline, events layer, atomic write."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from itertools import count
from pathlib import Path

import offlinefolium as folium

from mapper.atomic import ensure_directory, write_text_atomic
from mapper.render.data import MapData, prepare
from mapper.render.outline import load_outline
from mapper.render.style import is_control, map_style_options, side_colour, type_label
from mapper.render.timeline import EventTimeline

#: Days before the chosen date whose changes are highlighted (a control in the page changes it).
DEFAULT_WINDOW_DAYS = 7
#: Only Leaflet itself: folium's default jQuery/Bootstrap/Font Awesome add ~1.3 MB the map never uses.
_LEAFLET_JS = [js for js in folium.Map.default_js if js[0] == "leaflet"]
_LEAFLET_CSS = [css for css in folium.Map.default_css if css[0] == "leaflet_css"]
_OUTLINE_STYLE = {"color": "#555555", "weight": 1.0, "opacity": 0.8, "fill": False}
_BORDER_STYLE = {"color": "#222222", "weight": 2.0, "opacity": 0.9, "fill": False}


def render_map(events: dict, out_path: Path | str | None = None, *, title: str | None = None,
               as_of: dt.date | None = None, outline: Path | str | None = None,
               tiles: str | None = "OpenStreetMap", window_days: int = DEFAULT_WINDOW_DAYS) -> folium.Map:
    """Build the interactive map of the events; write it when ``out_path`` is given.

    Parameters
    ----------
    events : dict
        The events FeatureCollection as read from the extractor's GeoJSON.
    out_path : Path, optional
        Where to write the single-file HTML (atomically: temp file, then rename).
    title : str, optional
        Shown on the map and as the page title.
    as_of : date, optional
        The day the page opens on; default the last event date.
    outline : Path, optional
        GeoJSON of borders drawn under the events; default the bundled outline.
    tiles : str or None
        Online basemap (fails harmlessly offline); None for a map that makes no request at all.
    window_days : int
        Initial highlight window in days.

    Returns
    -------
    folium.Map
        The map, for display in a notebook or to add layers to.

    Raises
    ------
    RenderError
        ``events`` is not a FeatureCollection, or the outline cannot be read.
    ExportError
        ``out_path`` cannot be written.

    Examples
    --------
    >>> m = render_map(events, title="Idlib, winter 2019")  # doctest: +SKIP
    >>> m  # shows inline in Jupyter  # doctest: +SKIP
    """
    data = prepare(events)
    outline_doc = load_outline(outline)
    fmap = folium.Map(location=_centre(data, outline_doc), zoom_start=8, tiles=None, prefer_canvas=True,
                      control_scale=True)
    fmap.default_js = list(_LEAFLET_JS)
    fmap.default_css = list(_LEAFLET_CSS)
    if tiles:
        folium.TileLayer(tiles, name=f"{tiles} (online)", control=True).add_to(fmap)
    _outline_layer(outline_doc).add_to(fmap)
    EventTimeline({"type": "FeatureCollection", "features": list(data.features)},
                  _options(data, title, as_of, window_days, outline_doc)).add_to(fmap)
    folium.LayerControl(position="topright", collapsed=True).add_to(fmap)
    bounds = _bounds(data) or _bounds_of_outline(outline_doc)
    if bounds:
        fmap.fit_bounds(bounds, padding=(30, 30))
    if title:
        fmap.get_root().title = html.escape(title)
    _stable_ids(fmap)
    if out_path is not None:
        write_html(fmap, Path(out_path))
    return fmap


def write_html(fmap: folium.Map, out_path: Path) -> Path:
    """Render the map and write it atomically (a crash never leaves half a map)."""
    _stable_ids(fmap)
    text = fmap.get_root().render()
    ensure_directory(out_path, "map")
    write_text_atomic(out_path, text)
    return out_path


def _stable_ids(fmap: folium.Map) -> None:
    """Replace folium's random element ids by a counter in tree order, so the same events give the same bytes."""
    counter = count()
    root = fmap.get_root()

    def walk(element) -> None:
        element._id = f"{next(counter):04d}"
        for child in element._children.values():
            walk(child)

    walk(root)


def _outline_layer(outline_doc: dict) -> folium.GeoJson:
    def style(feature: dict) -> dict:
        return _BORDER_STYLE if feature.get("properties", {}).get("level") == 0 else _OUTLINE_STYLE

    return folium.GeoJson(outline_doc, name="Borders (offline outline)", style_function=style,
                          interactive=False, control=True, zoom_on_click=False)


def _options(data: MapData, title: str | None, as_of: dt.date | None, window_days: int, outline_doc: dict) -> dict:
    """Everything the page's layer needs besides the features: goes to JavaScript through ``tojson``."""
    props = [f["properties"] for f in data.features]
    by_side = Counter(p["side_label"] for p in props if p["control"])
    by_type = Counter(type_label(p["event_type"]) for p in props)
    initial = as_of or data.last_day
    return {
        "title": title or "",
        "initialDate": initial.isoformat() if initial else None,
        "window": int(window_days),
        "sides": list(data.sides),
        "sideLabels": data.side_labels,
        "colours": {key: side_colour(key) for key in data.sides},
        "types": list(data.event_types),
        "typeLabels": {t: type_label(t) for t in data.event_types},
        "style": map_style_options(),
        "summary": {
            "firstDay": data.first_day.isoformat() if data.first_day else None,
            "lastDay": data.last_day.isoformat() if data.last_day else None,
            "events": len(props),
            "sources": data.source_count,
            "bySide": sorted(by_side.items(), key=lambda kv: (-kv[1], kv[0])),
            "byType": sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
            "undated": sorted({p["place_name"] for p in props if p["day"] is None}),
            "undatedCount": sum(1 for p in props if p["day"] is None),
            "unresolved": [list(pair) for pair in data.unresolved],
            "unlocated": data.unlocated,
            "skipped": len(data.problems),
            "attribution": str(outline_doc.get("attribution") or ""),
        },
    }


def _bounds(data: MapData) -> list[list[float]] | None:
    # The map is about who controls what: open on the control changes. Strikes and claims far away (an ISIS attack
    # in another province) stay reachable by panning without shrinking the front line to a dot.
    controls = [f for f in data.features if is_control(f["properties"])]
    coords = [f["geometry"]["coordinates"] for f in controls or data.features]
    if not coords:
        return None
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    pad = 0.05  # a single place (or a tight cluster) still gets some context around it
    return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]


def _bounds_of_outline(outline_doc: dict) -> list[list[float]] | None:
    points = []

    def walk(value) -> None:
        if isinstance(value, list) and value and isinstance(value[0], (int, float)):
            points.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for feature in outline_doc.get("features", []):
        walk((feature.get("geometry") or {}).get("coordinates"))
    if not points:
        return None
    return [[min(p[1] for p in points), min(p[0] for p in points)], [max(p[1] for p in points), max(p[0] for p in points)]]


def _centre(data: MapData, outline_doc: dict) -> list[float]:
    bounds = _bounds(data) or _bounds_of_outline(outline_doc) or [[0.0, 0.0], [0.0, 0.0]]
    return [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
