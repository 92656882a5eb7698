"""Reusable browser checks for any rendered map (the fixture map here; the seeds map in the lead's tests).

Each helper takes a Playwright page opened by :func:`open_map` and the events dict the map was made from,
and asserts what a reader would see.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mapper.render.style import is_control

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: Tile servers are the only network use the page may attempt (the basemap is optional and fails offline).
TILE_URL = re.compile(r"^https?://[^/]*tile[^/]*/\d+/\d+/\d+\.png", re.IGNORECASE)


@dataclass
class OpenedMap:
    """A page with what it tried to do: console errors, page errors, blocked requests, dialogs."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def launch_context(playwright, profile_dir: Path):
    """A fresh Chromium profile on Debian's /usr/bin/chromium (never a downloaded browser)."""
    return playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900})


def open_map(context, html_path: Path, timeout_ms: int = 60_000) -> OpenedMap:
    """Open the map from a file:// URL with every non-file request aborted and recorded; wait for the layer."""
    page = context.new_page()
    opened = OpenedMap(page)

    def route(route_obj):
        if route_obj.request.url.startswith("file://"):
            route_obj.continue_()
        else:
            opened.blocked.append(route_obj.request.url)
            route_obj.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: opened.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: opened.page_errors.append(str(exc)))

    def on_dialog(dialog):
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(Path(html_path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    page.wait_for_function("window.conflictMap && window.conflictMap.ready === true", timeout=timeout_ms)
    return opened


def assert_no_errors(opened: OpenedMap) -> None:
    """No page error, no console error, and no request other than basemap tiles (which fail offline)."""
    assert opened.page_errors == []
    not_tiles = [url for url in opened.blocked if not TILE_URL.match(url)]
    assert not_tiles == [], f"the map fetched something besides optional tiles: {not_tiles[:5]}"
    # Chromium logs each aborted tile as "Failed to load resource"; those are the optional basemap, not a fault.
    real = [e for e in opened.console_errors if not (opened.blocked and e.startswith("Failed to load resource"))]
    assert real == []


def assert_self_contained(html_text: str) -> None:
    """Every script and stylesheet is inline: no http(s) src or href on <script> or <link>."""
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", html_text, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", html_text, re.IGNORECASE)


def expected_visible(events: dict, day: str, window_days: int = 7) -> set[str]:
    """Ids the map should show on ``day``: the latest control change per place, plus other events in the window."""
    chosen = dt.date.fromisoformat(day)
    latest: dict[str, tuple[str, str]] = {}
    others = set()
    for feature in events["features"]:
        props = feature["properties"]
        if not props.get("date"):
            continue
        when = dt.date.fromisoformat(props["date"])
        if when > chosen:
            continue
        if is_control(props):
            place = str(props.get("place_id") or props["id"])
            if place not in latest or (props["date"], props["id"]) > latest[place]:
                latest[place] = (props["date"], props["id"])
        elif (chosen - when).days < window_days:
            others.add(props["id"])
    return {event_id for _, event_id in latest.values()} | others


def visible(page) -> list[dict]:
    return page.evaluate("window.conflictMap.visibleMarkers()")


def assert_markers_on(page, events: dict, day: str | None = None, via_slider: bool = False) -> list[dict]:
    """Move the time control to ``day`` (default: where the page opened) and compare drawn markers."""
    if day is not None and via_slider:
        number = (dt.date.fromisoformat(day) - dt.date(1970, 1, 1)).days
        page.locator("input.cm-slider").fill(str(number))  # a real <input type=range> fires 'input'
        assert page.locator("output.cm-readout").inner_text() == day
    elif day is not None:
        assert page.evaluate("d => window.conflictMap.setDate(d)", day) == day
    day = day or page.evaluate("window.conflictMap.getDate()")
    shown = visible(page)
    ids = [m["id"] for m in shown]
    assert len(ids) == len(set(ids)), "a marker is drawn twice"
    assert set(ids) == expected_visible(events, day)
    assert page.evaluate("window.conflictMap.layer.getLayers().length") == len(ids)
    return shown


def click_marker(page, event_id: str):
    """Zoom to a marker and click it with the mouse (the layer is a canvas: there is no DOM node to click)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    popup = page.locator(f".cm-popup[data-event-id='{event_id}']")
    # One more try if the first click opens nothing: on a loaded machine the click can land while the canvas is
    # still redrawing after the zoom. The popup of this very event must open either way.
    for attempt in range(2):
        assert page.evaluate("id => window.conflictMap.focus(id, 13)", event_id), f"{event_id} is not drawn"
        page.wait_for_timeout(100 * attempt)
        point = page.evaluate("id => window.conflictMap.markerPoint(id)", event_id)
        page.mouse.click(point["x"], point["y"])
        try:
            popup.wait_for(state="visible", timeout=5_000 + 10_000 * attempt)
            return popup
        except PlaywrightTimeout:
            if attempt:
                raise
    return popup  # pragma: no cover - the loop returns or raises


def assert_popup_lists(page, event_id: str, spellings: list[str], sources: list[str]) -> str:
    """The marker's popup names every spelling and every source outlet."""
    text = click_marker(page, event_id).inner_text()
    for expected in [*spellings, *sources]:
        assert expected in text, f"{expected!r} missing from the popup of {event_id}"
    page.keyboard.press("Escape")
    return text


def assert_inert(page, opened: OpenedMap, event_id: str, payloads: list[str]) -> None:
    """Hostile article text shows as text in the popup and runs nothing."""
    popup = click_marker(page, event_id)
    text = popup.inner_text()
    for payload in payloads:
        assert payload in text, f"{payload!r} is not shown as text"
    assert popup.locator("script, img, iframe").count() == 0
    assert popup.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)  # an <img onerror> would fire asynchronously
    assert opened.dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"


def save_screenshot(page, tmp_dir: Path, name: str) -> Path:
    """Screenshot into the test's tmp dir, and into $CONFLICT_MAPPER_SCREENSHOTS when set."""
    path = Path(tmp_dir) / f"{name}.png"
    page.wait_for_timeout(400)  # let Leaflet's popup fade-in and zoom animations finish
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000, "the screenshot is suspiciously small (blank page?)"
    extra = os.environ.get("CONFLICT_MAPPER_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)
    return path
