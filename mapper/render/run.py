"""One call behind ``conflict-mapper render``: read an events file, write the HTML map and any static images."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mapper.errors import Problem
from mapper.render.data import load_events, prepare
from mapper.render.html import render_map
from mapper.render.static import render_static


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What was written, with the counts a command prints and the problems met on the way."""

    html: Path
    images: tuple[Path, ...]
    events: int
    undated: int
    problems: tuple[Problem, ...]


def render_file(events_path: Path | str, out_path: Path | str, *, title: str | None = None,
                as_of: dt.date | None = None, images: tuple[Path | str, ...] = ()) -> RenderResult:
    """Render ``events_path`` to ``out_path`` (HTML) and to each of ``images`` (PNG/SVG by suffix).

    Raises
    ------
    RenderError
        The events file is missing or invalid (the message names it), or an image suffix is unknown.
    ExportError
        An output cannot be written.
    """
    events_path = Path(events_path)
    events = load_events(events_path)
    data = prepare(events, where=str(events_path))
    html = Path(out_path)
    render_map(events, html, title=title, as_of=as_of)
    written = tuple(render_static(events, Path(image), as_of=as_of, title=title) for image in images)
    return RenderResult(html=html, images=written, events=len(data.features),
                        undated=sum(1 for f in data.features if f["properties"]["day"] is None),
                        problems=data.problems)
