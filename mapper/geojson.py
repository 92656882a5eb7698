"""Reading a GeoJSON FeatureCollection from disk with messages that name the file: events files and outlines."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mapper.errors import RenderError


def read_feature_collection(path: str | os.PathLike, what: str = "file") -> dict:
    """The FeatureCollection in ``path``; :class:`RenderError` naming the file (and ``what`` it should be) otherwise.

    A UTF-8 byte-order mark is accepted: editors on Windows add one.
    """
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise RenderError(f"{path}: cannot read the {what}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise RenderError(f"{path}: the {what} is not UTF-8 text ({e.reason} at byte {e.start})") from e
    except ValueError as e:
        raise RenderError(f"{path}: the {what} is not valid JSON: {e}") from e
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise RenderError(f"{path}: the {what} is not a GeoJSON FeatureCollection")
    return document
