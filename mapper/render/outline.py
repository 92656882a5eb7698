"""The vector outline drawn under the events so the map stays readable offline.

The bundled default (``assets/outline.geojson``) holds simplified governorate borders derived from UN OCHA's
Syria admin-1 boundaries (HDX, CC BY-IGO). It is only a default: every function takes the path of any
GeoJSON of polygons or lines, and :func:`simplify_outline` makes such a file from a user's own boundaries.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from mapper.geojson import read_feature_collection

#: Name of the bundled outline inside ``mapper.render.assets``.
DEFAULT_OUTLINE = "outline.geojson"


def default_outline_path() -> Path:
    """Path of the bundled outline file."""
    return Path(str(resources.files("mapper.render").joinpath("assets", DEFAULT_OUTLINE)))


def load_outline(path: Path | str | None = None) -> dict:
    """Read an outline GeoJSON FeatureCollection (the bundled one when ``path`` is None).

    Raises
    ------
    RenderError
        The file is missing, is not JSON, or is not a FeatureCollection.
    """
    path = Path(path) if path is not None else default_outline_path()
    doc = read_feature_collection(path, "outline")
    return doc


def simplify_outline(src: Path | str, dst: Path | str, *, tolerance: float = 0.005, name_field: str | None = None,
                     digits: int = 3, attribution: str = "") -> Path:
    """Write a small outline GeoJSON from any boundary file geopandas can read.

    Shared borders are simplified once (topology-preserving per geometry), coordinates rounded to ``digits``
    decimals so the file stays small enough to embed in every map.

    Examples
    --------
    How the bundled file was made:

    >>> simplify_outline("syr_admin1.shp", "outline.geojson", name_field="NAME_EN",
    ...                  attribution="Borders: UN OCHA (HDX), CC BY-IGO, simplified")  # doctest: +SKIP
    """
    import geopandas as gpd
    from shapely import set_precision
    from shapely.geometry import mapping

    frame = gpd.read_file(src).to_crs(4326)
    names = frame[name_field].astype(str).tolist() if name_field else [""] * len(frame)
    # Borders become lines: an outline is drawn, never filled, and lines do not double the shared edges' fill.
    geoms = frame.geometry.simplify(tolerance, preserve_topology=True).boundary
    geoms = [set_precision(g, 10 ** -digits) for g in geoms]
    # The outer border (level 0) is drawn thicker than the inner ones (level 1).
    outer = set_precision(frame.geometry.union_all().simplify(tolerance, preserve_topology=True).boundary,
                          10 ** -digits)
    rows = [("", 0, outer)] + sorted((n, 1, g) for n, g in zip(names, geoms))
    features = [
        {"type": "Feature", "properties": {"name": n, "level": level}, "geometry": _rounded(mapping(g), digits)}
        for n, level, g in rows if not g.is_empty
    ]
    # RFC 7946 allows foreign members: the credit travels with the file and is shown on the map.
    doc = {"type": "FeatureCollection", "features": features, "attribution": attribution}
    dst = Path(dst)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, separators=(",", ":"), sort_keys=True)
    os.chmod(tmp, 0o644)
    os.replace(tmp, dst)
    return dst


def _rounded(geometry: dict, digits: int) -> dict:
    """GeoJSON geometry dict with every coordinate rounded (set_precision leaves float noise like 36.12300000001)."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, digits) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
