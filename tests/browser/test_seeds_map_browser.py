"""The seeds map made by `conflict-mapper run seeds/`, opened in headless Chromium from file:// with the network
blocked: the acceptance checks of the map issue on real output, not on a fixture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import (
    assert_inert,
    assert_markers_on,
    assert_no_errors,
    assert_popup_lists,
    assert_self_contained,
    open_map,
    save_screenshot,
)

from mapper.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from seeds_run import by_place, run_seeds

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds_map")
    result, events = run_seeds(out)
    assert result.exit_code == 0, result.output
    return out / "idlib.html", events


def test_seeds_map_opens_offline_with_one_marker_per_control_change(browser, seeds_map, tmp_path):
    html, events = seeds_map
    assert_self_contained(html.read_text(encoding="utf-8"))
    opened = open_map(browser, html)
    shown = assert_markers_on(opened.page, events)
    controls = {f["properties"]["place_id"] for f in events["features"]
                if f["properties"]["event_type"] == "control_change"
                and f["properties"]["modality"] in ("asserted", "claimed") and f["properties"]["date"]}
    assert {m["place_name"] for m in shown if m["event_type"] == "control_change"} >= {"Jarjanaz", "al-Tah"}
    assert len([m for m in shown if m["event_type"] == "control_change"]) == len(controls)
    save_screenshot(opened.page, tmp_path, "seeds_map_last_date")
    assert_no_errors(opened)


def test_seeds_map_on_30_november_2019_shows_november_events_only(browser, seeds_map, tmp_path):
    html, events = seeds_map
    opened = open_map(browser, html)
    shown = assert_markers_on(opened.page, events, "2019-11-30", via_slider=True)
    assert shown, "the November 2019 captures (seed 004) should be on the map"
    assert all(m["date"].startswith("2019-11") for m in shown), shown
    assert {"Umm al-Khalakhil", "al-Mushayrifa"} <= {m["place_name"] for m in shown}
    save_screenshot(opened.page, tmp_path, "seeds_map_2019-11-30")
    assert_no_errors(opened)


def test_seeds_map_jarjanaz_popup_lists_spellings_and_sources(browser, seeds_map):
    html, events = seeds_map
    (jarjanaz,) = by_place(events, "Jarjanaz")
    opened = open_map(browser, html)
    text = assert_popup_lists(opened.page, jarjanaz["id"], ["Jirjanaz", "Jorjnaz"], ["000_e9e787f6a0feb607.txt"])
    assert "2019-12-23" in text
    assert "The Syrian Army managed to take control of Jorjnaz" in text
    assert_no_errors(opened)


def test_article_with_script_and_onerror_runs_nothing_in_the_map(browser, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
    (articles / "hostile.txt").write_text(
        "---\npublished: 2020-02-10\nsource: <script>alert(1)</script>\n---\n"
        f"The Syrian army captured the town of Saraqib on Saturday {payloads[0]} after clashes with rebels "
        f"{payloads[1]}.\n", encoding="utf-8")
    html = tmp_path / "out" / "map.html"
    result = CliRunner().invoke(main, ["run", str(articles), "-o", str(html), "-q"])
    assert result.exit_code == 0, result.output
    import json
    events = json.loads((html.parent / "events.geojson").read_text(encoding="utf-8"))
    (saraqib,) = by_place(events, "Saraqib")
    opened = open_map(browser, html)
    assert_inert(opened.page, opened, saraqib["id"], payloads)
    assert_no_errors(opened)
