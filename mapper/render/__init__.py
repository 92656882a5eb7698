"""Maps of the events: a self-contained interactive HTML page and a static PNG/SVG for reports.

Examples
--------
>>> from mapper.render import load_events, render_map
>>> m = render_map(load_events("outputs/events.geojson"), "outputs/map.html")  # doctest: +SKIP
"""

from mapper.render.data import load_events
from mapper.render.html import render_map
from mapper.render.outline import default_outline_path, load_outline, simplify_outline
from mapper.render.run import RenderResult, render_file
from mapper.render.static import render_static

__all__ = [
    "RenderResult",
    "default_outline_path",
    "load_events",
    "load_outline",
    "render_file",
    "render_map",
    "render_static",
    "simplify_outline",
]
