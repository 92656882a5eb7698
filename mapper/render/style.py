"""How events look: colour by the side that gained control, symbol by geo precision and event type.

One table serves the HTML map (passed to JavaScript through ``tojson``) and the static image, so a printed
map and the interactive one use the same legend.
"""

from __future__ import annotations

import colorsys
import hashlib

#: Fixed colours for the sides analysts expect (the conventions of the common Syrian war control maps).
SIDE_COLOURS: dict[str, str] = {
    "government": "#d62728",
    "opposition": "#2ca02c",
    "sdf": "#e0b000",
    "isis": "#3d3d3d",
    "turkey": "#8c564b",
    "unknown": "#8a8a8a",
}
#: Legend order: the two main sides first, other actors alphabetically after them, unknown last.
_FIRST_SIDES = ("government", "opposition")

CONTROL_CHANGE = "control_change"
#: Modalities under which a control change is not believed to have happened: drawn as other events, never as control.
NOT_CONTROL_MODALITIES = frozenset({"denied", "attempted", "expected"})

#: Marker style by geo precision (1 exact, 2 near/part of, 3 region): solid, hollow dashed, larger hollow dashed.
PRECISION_STYLES: dict[int, dict] = {
    1: {"radius": 6, "fillOpacity": 0.85, "dashArray": None, "weight": 1.5},
    2: {"radius": 8, "fillOpacity": 0.3, "dashArray": "4 3", "weight": 2},
    3: {"radius": 14, "fillOpacity": 0.12, "dashArray": "6 4", "weight": 2},
}
PRECISION_LABELS = {1: "exact place", 2: "near / part of a place", 3: "region (approximate)"}
#: Non-control events (attack, advance, siege...): a small ring, no fill, so they never read as control.
OTHER_EVENT_STYLE = {"radius": 4, "fillOpacity": 0.0, "weight": 2.5}
#: Changes inside the highlight window get a dark halo.
RECENT_STYLE = {"color": "#111111", "weight": 3.5, "radiusExtra": 2}


def side_key(controller: str | None) -> str:
    """Normalised key of a controller for colours and filters: ``"government"``, ``"sdf"``, ``"unknown"``."""
    key = " ".join((controller or "").split()).lower()
    return key or "unknown"


def side_label(controller: str | None) -> str:
    """Human label of a side: ``"Government"``, ``"SDF"`` (named actors as written), ``"Unknown"``."""
    key = side_key(controller)
    if key in ("government", "opposition", "unknown"):
        return key.capitalize()
    return " ".join((controller or "").split())


def side_colour(controller: str | None) -> str:
    """Colour of a side: the fixed palette, else a deterministic colour derived from the name.

    Examples
    --------
    >>> side_colour("Government")
    '#d62728'
    >>> side_colour("Liwa al-Quds") == side_colour("liwa  al-quds")
    True
    """
    key = side_key(controller)
    if key in SIDE_COLOURS:
        return SIDE_COLOURS[key]
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    # Hue from the hash, mid saturation and lightness: readable on the light basemap, distinct from grey.
    hue = int.from_bytes(digest[:2], "big") / 65535
    red, green, blue = colorsys.hls_to_rgb(hue, 0.42 + digest[2] / 255 * 0.1, 0.65)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def sides_in_order(keys: set[str] | list[str]) -> list[str]:
    """Side keys in legend order."""
    keys = set(keys)
    first = [k for k in _FIRST_SIDES if k in keys]
    rest = sorted(k for k in keys if k not in _FIRST_SIDES and k != "unknown")
    return first + rest + (["unknown"] if "unknown" in keys else [])


def is_control(properties: dict) -> bool:
    """Whether an event drives the control state (a control change that is asserted or claimed)."""
    return (properties.get("event_type") == CONTROL_CHANGE
            and properties.get("modality") not in NOT_CONTROL_MODALITIES)


def type_label(event_type: str) -> str:
    """Human label of an event type: ``"control_change"`` -> ``"Control change"``."""
    return (event_type or "other").replace("_", " ").capitalize()


def map_style_options() -> dict:
    """Every style number the browser layer needs, for ``tojson``."""
    return {
        "precision": {str(k): v for k, v in PRECISION_STYLES.items()},
        "precisionLabels": {str(k): v for k, v in PRECISION_LABELS.items()},
        "other": OTHER_EVENT_STYLE,
        "recent": RECENT_STYLE,
    }
