"""Static map for reports (PNG or SVG): control state on one day, readable when printed on A4 landscape."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import geopandas as gpd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from mapper.atomic import atomic_path, ensure_directory
from mapper.errors import RenderError
from mapper.render.data import MapData, prepare
from mapper.render.outline import load_outline
from mapper.render.style import PRECISION_LABELS, side_colour

A4_LANDSCAPE = (11.69, 8.27)
DPI = 200
#: Above this many places, names would pile up: markers only.
MAX_LABELS = 60
_MARKER_SIZE = {1: 60, 2: 90, 3: 260}  # points^2, by geo precision
FRAME_RATIO = 1.55
_FORMATS = {".png": "png", ".svg": "svg"}


def control_state(data: MapData, as_of: dt.date) -> list[dict]:
    """The latest control change per place on or before ``as_of`` (features sorted by day, so later wins)."""
    cut = (as_of - dt.date(1970, 1, 1)).days
    latest: dict[str, dict] = {}
    for feature in data.features:
        props = feature["properties"]
        if props["control"] and props["day"] is not None and props["day"] <= cut:
            latest[props["place"]] = feature
    return sorted(latest.values(), key=lambda f: (f["properties"]["place_name"], f["properties"]["id"]))


def render_static(events: dict, out_path: Path | str, *, as_of: dt.date | None = None, title: str | None = None,
                  outline: Path | str | None = None) -> Path:
    """Draw who holds each place on ``as_of`` (default the last event date) to a PNG or SVG (by suffix).

    Raises
    ------
    RenderError
        Unknown suffix, or events that are not a FeatureCollection.
    ExportError
        The file cannot be written.
    """
    out_path = Path(out_path)
    fmt = _FORMATS.get(out_path.suffix.lower())
    if fmt is None:
        raise RenderError(f"{out_path}: the static map must be .png or .svg")
    data = prepare(events)
    day = as_of or data.last_day or dt.date.today()
    state = control_state(data, day)
    fig = _draw(data, state, day, title, load_outline(outline))
    ensure_directory(out_path, "image")
    with atomic_path(out_path) as tmp:
        # No dates or software versions in the file: the same events give the same image bytes.
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        # Text stays text in SVG (searchable, editable); a fixed salt makes SVG element ids stable.
        with rc_context({"svg.fonttype": "none", "svg.hashsalt": "conflict-mapper"}):
            fig.savefig(tmp, format=fmt, dpi=DPI, metadata=metadata)
    return out_path


def _draw(data: MapData, state: list[dict], day: dt.date, title: str | None, outline_doc: dict) -> Figure:
    fig = Figure(figsize=A4_LANDSCAPE, dpi=DPI)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained", h_pad=0.1, w_pad=0.1)
    ax = fig.add_subplot()
    borders = gpd.GeoDataFrame.from_features(outline_doc.get("features", []), crs=4326)
    _draw_borders(ax, borders, 1.0)
    main, outside = _split_outliers(state)
    sides: dict[str, tuple[str, int]] = {}
    for feature in state:
        props = feature["properties"]
        label, count = sides.get(props["side"], (props["side_label"], 0))
        sides[props["side"]] = (label, count + 1)
    _draw_markers(ax, state, 1.0)
    _frame(ax, main, borders)
    _legend(ax, sides, state)
    fig.suptitle(title or "Territorial control", fontsize=16, fontweight="bold")
    ax.set_title(f"Control as of {day.isoformat()}: latest reported change per place", fontsize=11)
    undated = sum(1 for f in data.features if f["properties"]["day"] is None)
    notes = [f"{data.source_count} sources", f"{len(state)} places"]
    if outside:
        notes.append(f"{len(outside)} outside this frame (see overview)")
    if undated:
        notes.append(f"{undated} undated events not shown")
    if data.first_day:
        notes.append(f"events {data.first_day.isoformat()} to {data.last_day.isoformat()}")
    credit = str(outline_doc.get("attribution") or "")
    footer = " · ".join(notes) + (f"\n{credit}" if credit else "")
    ax.text(0.0, -0.03, footer, transform=ax.transAxes, fontsize=9, va="top", parse_math=False, linespacing=1.5)
    obstacles = [ax.get_legend()] if ax.get_legend() else []
    if len(borders) and (outside or _zoomed_in(ax, borders)):
        obstacles.append(_overview(ax, borders, state, main))
    # Freeze the layout before placing labels: their positions are measured in display space.
    fig.canvas.draw()
    fig.set_layout_engine("none")
    if len(main) <= MAX_LABELS:
        renderer = fig.canvas.get_renderer()
        _place_labels(ax, main, renderer, [o.get_window_extent(renderer) for o in obstacles])
    return fig


def _draw_borders(ax, borders: gpd.GeoDataFrame, scale: float) -> None:
    if not len(borders):
        return
    level = borders.get("level", 1)
    borders[level != 0].plot(ax=ax, color="#9a9a9a", linewidth=0.6 * scale, zorder=1)
    borders[level == 0].plot(ax=ax, color="#333333", linewidth=1.3 * scale, zorder=2)


def _draw_markers(ax, state: list[dict], scale: float) -> None:
    for feature in state:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        colour = side_colour(props["side"])
        precision = props["geo_precision"]
        filled = precision == 1
        ax.scatter([lon], [lat], s=_MARKER_SIZE[precision] * scale, zorder=4, marker="o",
                   facecolors=colour if filled else "none", edgecolors="#222222" if filled else colour,
                   linewidths=(0.8 if filled else 1.8) * max(scale, 0.5),
                   linestyles="solid" if filled else (0, (3, 2)))


def _split_outliers(state: list[dict]) -> tuple[list[dict], list[dict]]:
    """Places far from the bulk (median distance x 6, at least 1 degree) go to the overview, not the frame."""
    if len(state) < 4:
        return state, []
    lons = sorted(f["geometry"]["coordinates"][0] for f in state)
    lats = sorted(f["geometry"]["coordinates"][1] for f in state)
    mid_lon, mid_lat = lons[len(lons) // 2], lats[len(lats) // 2]

    def distance(f: dict) -> float:
        lon, lat = f["geometry"]["coordinates"]
        return math.hypot(lon - mid_lon, lat - mid_lat)

    typical = sorted(distance(f) for f in state)[len(state) // 2]
    limit = max(typical * 6, 1.0)
    main = [f for f in state if distance(f) <= limit]
    outside = [f for f in state if distance(f) > limit]
    return (main, outside) if len(main) >= 0.8 * len(state) else (state, [])


def _zoomed_in(ax, borders: gpd.GeoDataFrame) -> bool:
    """Whether the frame shows under a third of the outline: then an overview tells the reader where it is."""
    minx, miny, maxx, maxy = borders.total_bounds
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    return (x1 - x0) * (y1 - y0) < (maxx - minx) * (maxy - miny) / 3


def _overview(ax, borders: gpd.GeoDataFrame, state: list[dict], main: list[dict]):
    """A small map of the whole outline with every place and the main frame as a rectangle, in the emptiest corner."""
    corners = {(0.74, 0.02): 0, (0.01, 0.02): 1, (0.74, 0.68): 2}
    for feature in main:
        x, y = ax.transAxes.inverted().transform(ax.transData.transform(feature["geometry"]["coordinates"]))
        for (cx, cy) in corners:
            if cx - 0.02 <= x <= cx + 0.27 and cy - 0.02 <= y <= cy + 0.32:
                corners[(cx, cy)] += 10
    corner = min(corners, key=corners.get)
    inset = ax.inset_axes([corner[0], corner[1], 0.25, 0.3])
    _draw_borders(inset, borders, 0.5)
    _draw_markers(inset, state, 0.25)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    inset.plot([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0], color="#0055aa", linewidth=1.0, zorder=6)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor("white")
    inset.set_title("overview", fontsize=8)
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_aspect(ax.get_aspect())
    return inset


def _place_labels(ax, state: list[dict], renderer, obstacles: list) -> None:
    """Name each place next to its marker, trying a few offsets so labels neither overlap nor cover markers."""
    offsets = [(6, 4, "left"), (6, -11, "left"), (-6, 4, "right"), (-6, -11, "right"), (0, 10, "center"),
               (0, -17, "center"), (10, 16, "left"), (-10, 16, "right"), (10, -23, "left"), (-10, -23, "right")]
    taken = list(obstacles)
    for feature in state:
        point = ax.transData.transform(feature["geometry"]["coordinates"])
        taken.append(Bbox.from_extents(point[0] - 5, point[1] - 5, point[0] + 5, point[1] + 5))
    for feature in sorted(state, key=lambda f: (-f["geometry"]["coordinates"][1], f["properties"]["place_name"])):
        name = feature["properties"]["place_name"]
        if len(name) > 40:
            name = name[:39] + "…"
        for dx, dy, align in offsets:
            text = ax.annotate(name, feature["geometry"]["coordinates"], xytext=(dx, dy), textcoords="offset points",
                               fontsize=8, ha=align, zorder=5, color="#111111", parse_math=False,
                               bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
            box = text.get_window_extent(renderer).expanded(1.02, 1.05)
            if not any(box.overlaps(other) for other in taken) and ax.bbox.contains(box.x0, box.y0) \
                    and ax.bbox.contains(box.x1, box.y1):
                taken.append(box)
                break
            text.remove()
def _frame(ax, state: list[dict], borders: gpd.GeoDataFrame) -> None:
    """Zoom to the places shown with a margin; fall back to the outline when nothing is shown."""
    if state:
        lons = [f["geometry"]["coordinates"][0] for f in state]
        lats = [f["geometry"]["coordinates"][1] for f in state]
        span = max(max(lons) - min(lons), max(lats) - min(lats), 0.4)
        pad = span * 0.15
        minx, miny, maxx, maxy = min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad
    elif len(borders):
        minx, miny, maxx, maxy = borders.total_bounds
    else:
        minx, miny, maxx, maxy = -180, -60, 180, 80
    # Degrees of longitude shrink with latitude: this aspect keeps shapes true near the map's centre.
    aspect = 1 / max(math.cos(math.radians((miny + maxy) / 2)), 0.1)
    # Widen the short side so the frame fills an A4 landscape page (about 1.55 wide per 1 high).
    width, height = (maxx - minx) / aspect, maxy - miny
    if width < FRAME_RATIO * height:
        grow = (FRAME_RATIO * height - width) * aspect / 2
        minx, maxx = minx - grow, maxx + grow
    else:
        grow = (width / FRAME_RATIO - height) / 2
        miny, maxy = miny - grow, maxy + grow
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect(aspect, adjustable="box")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(labelsize=8)
    ax.grid(color="#e6e6e6", linewidth=0.5, zorder=0)
    ax.set_facecolor("#fbfbf8")


def _legend(ax, sides: dict[str, tuple[str, int]], state: list[dict]) -> None:
    handles = [Line2D([], [], marker="o", linestyle="none", markersize=8, markerfacecolor=side_colour(key),
                      markeredgecolor="#222222", label=f"{label} ({count})")
               for key, (label, count) in sorted(sides.items(), key=lambda kv: (-kv[1][1], kv[0]))]
    used = sorted({f["properties"]["geo_precision"] for f in state})
    for precision in used:
        filled = precision == 1
        handles.append(Line2D([], [], marker="o", linestyle="none", markersize=7 + 2 * (precision - 1),
                              markerfacecolor="#777777" if filled else "none", markeredgecolor="#777777",
                              markeredgewidth=1.5, label=PRECISION_LABELS[precision]))
    if handles:
        ax.legend(handles=handles, title="Gained control (places)", loc="best", fontsize=9, title_fontsize=9,
                  framealpha=0.92)
