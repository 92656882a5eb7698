"""Browser fixtures: Debian's Chromium driven by Playwright, a fresh profile per test, the fixture map on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import CHROMIUM, launch_context

from mapper.render import render_map

EVENTS = Path(__file__).resolve().parents[1] / "data" / "render_events.geojson"


@pytest.fixture(scope="session")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must apt-get install chromium")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests need it")


@pytest.fixture(scope="session")
def fixture_events() -> dict:
    return json.loads(EVENTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fixture_map(tmp_path_factory, fixture_events) -> Path:
    """The fixture events rendered with the default (online, optional) basemap."""
    out = tmp_path_factory.mktemp("map") / "fixture_map.html"
    render_map(fixture_events, out, title="Fixture: Idlib, Nov 2019 - Jan 2020")
    return out


@pytest.fixture(scope="session")
def offline_map(tmp_path_factory, fixture_events) -> Path:
    """The same events with no tile layer: the page must make no request at all."""
    out = tmp_path_factory.mktemp("map") / "offline_map.html"
    render_map(fixture_events, out, tiles=None)
    return out


@pytest.fixture()
def browser(chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_context(playwright, tmp_path / "profile")
        try:
            yield context
        finally:
            context.close()
