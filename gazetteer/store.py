"""Where the imported GeoNames index lives, and how it is written and read.

The data directory is, in order: the ``data_dir`` argument, the ``CONFLICT_MAPPER_DATA`` environment variable,
platformdirs' ``user_data_dir("conflict-mapper")``. The index is a pickle of plain tuples (not Place objects, so a
change to the class does not break old files) plus the precomputed name forms, written atomically.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from gazetteer.errors import SourceError
from gazetteer.normalize import NORMALISATION_VERSION, name_forms
from gazetteer.place import Place

DATA_DIR_ENV = "CONFLICT_MAPPER_DATA"
INDEX_FILENAME = "geonames_index.pickle"
_FORMAT_VERSION = 1


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The directory the gazetteer keeps its index, downloads and online cache in (not created here)."""
    if path is not None:
        return Path(path)
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    return Path(platformdirs.user_data_dir("conflict-mapper"))


def index_path(path: str | os.PathLike | None = None) -> Path:
    return data_dir(path) / INDEX_FILENAME


def write_atomic(target: Path, payload: bytes) -> None:
    """Write ``payload`` to ``target`` through a temporary file in the same directory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _as_row(place: Place) -> tuple:
    return (place.id, place.name, place.lat, place.lon, place.kind, place.admin1, place.admin2, place.aliases,
            place.source, place.source_id)


def save_index(places: Iterable[Place], directory: str | os.PathLike | None = None) -> Path:
    """Persist ``places`` with their name forms; return the index path."""
    rows = [_as_row(p) for p in places]
    forms = {name: name_forms(name) for row in rows for name in (row[1], *row[7])}
    payload = pickle.dumps({"format": _FORMAT_VERSION, "normalisation": NORMALISATION_VERSION, "places": rows,
                            "forms": forms}, protocol=pickle.HIGHEST_PROTOCOL)
    target = index_path(directory)
    try:
        write_atomic(target, payload)
    except OSError as exc:
        raise SourceError(f"cannot write the gazetteer index {target}: {exc}") from exc
    return target


def load_index(directory: str | os.PathLike | None = None) -> tuple[list[Place], dict[str, tuple[str, str, str]]]:
    """The persisted places and name forms; ``([], {})`` when nothing was imported yet.

    Forms computed by another normalisation version are dropped (the index recomputes them).
    """
    target = index_path(directory)
    if not target.exists():
        return [], {}
    try:
        with target.open("rb") as handle:
            data = pickle.load(handle)  # the user's own file, written by save_index
        places = [Place(*row) for row in data["places"]]
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"cannot read the gazetteer index {target} ({exc}); import the GeoNames file again") from exc
    forms = data.get("forms", {}) if data.get("normalisation") == NORMALISATION_VERSION else {}
    return places, forms
