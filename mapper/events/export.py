"""Write events to a file, the format chosen by the suffix: .geojson/.json, .csv, .gpkg, .parquet.

Every write is atomic (temporary file beside the target, then ``os.replace``). :func:`read_events_geojson` is the
reader the renderer uses.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mapper.errors import ExportError
from mapper.events.export_geojson import events_document, read_events_geojson, write_geojson
from mapper.events.export_tables import write_csv, write_gpkg, write_parquet
from mapper.events.locate import UnresolvedMention
from mapper.events.model import Event

__all__ = ["FORMATS", "events_document", "read_events_geojson", "write_events"]

#: Suffixes :func:`write_events` understands.
FORMATS = (".csv", ".geojson", ".gpkg", ".json", ".parquet")


def write_events(events: Sequence[Event], path: str | os.PathLike, *, unresolved: Iterable[UnresolvedMention] = (),
                 metadata: Mapping | None = None) -> Path:
    """Write events to ``path`` in the format its suffix names.

    Parameters
    ----------
    events : sequence of Event
        Located and unlocated events (unlocated ones go to GeoJSON's ``unlocated`` list and get empty
        coordinates / a null geometry in the tables).
    path : path-like
        Target; suffix ``.geojson`` (or ``.json``), ``.csv``, ``.gpkg`` or ``.parquet``.
    unresolved : iterable of UnresolvedMention
        Names the gazetteer could not settle (GeoJSON only).
    metadata : mapping, optional
        Extra top-level GeoJSON member (keep it free of timestamps if files must be reproducible).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ExportError
        Unknown suffix, missing directory, or the write failed (nothing is left at ``path`` in that case).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        write_geojson(events, path, unresolved=unresolved, metadata=metadata)
    elif suffix == ".csv":
        write_csv(events, path)
    elif suffix == ".gpkg":
        write_gpkg(events, path)
    elif suffix == ".parquet":
        write_parquet(events, path)
    else:
        raise ExportError(f"{path}: unknown output format {path.suffix!r}; use one of {', '.join(FORMATS)}")
    return path
