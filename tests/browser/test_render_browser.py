"""The fixture map in headless Chromium, offline: markers by date, popups, XSS, filters, screenshot."""

from __future__ import annotations

import pytest
from helpers import (
    assert_inert,
    assert_markers_on,
    assert_no_errors,
    assert_popup_lists,
    assert_self_contained,
    open_map,
    save_screenshot,
    visible,
)

pytestmark = pytest.mark.browser

JARJANAZ = "ev-jarjanaz-20191223"
XSS = "ev-hish-20191225"


def test_opens_offline_on_the_last_date_with_one_marker_per_place(browser, fixture_map, fixture_events, tmp_path):
    assert_self_contained(fixture_map.read_text(encoding="utf-8"))
    opened = open_map(browser, fixture_map)
    page = opened.page
    assert page.evaluate("window.conflictMap.getDate()") == "2020-01-30"
    shown = assert_markers_on(page, fixture_events)
    # Misherfeh changed hands three times: only its latest change (government, 20 December) is drawn.
    assert [m["id"] for m in shown if m["place_name"] == "Misherfeh"] == ["ev-misherfeh-20191220"]
    assert len(shown) == 12
    assert page.locator(".cm-summary").inner_text().count("Tell Dibs ×2") == 1
    save_screenshot(page, tmp_path, "fixture_map_last_date")
    assert_no_errors(opened)


def test_makes_no_request_at_all_without_tiles(browser, offline_map, fixture_events):
    opened = open_map(browser, offline_map)
    assert_markers_on(opened.page, fixture_events)
    assert opened.blocked == []
    assert opened.console_errors == []
    assert opened.page_errors == []


@pytest.mark.parametrize("via_slider", [False, True], ids=["setDate", "slider"])
def test_end_of_november_shows_november_events_only(browser, fixture_map, fixture_events, via_slider):
    opened = open_map(browser, fixture_map)
    shown = assert_markers_on(opened.page, fixture_events, "2019-11-30", via_slider=via_slider)
    assert {m["id"] for m in shown} == {"ev-umm-khalakhil-20191124", "ev-misherfeh-20191130",
                                       "ev-kafr-nabl-attack-20191128"}
    assert all(m["date"].startswith("2019-11") for m in shown)
    misherfeh = next(m for m in shown if m["place_name"] == "Misherfeh")
    assert (misherfeh["side"], misherfeh["recent"]) == ("opposition", True)
    assert_no_errors(opened)


def test_jarjanaz_popup_lists_spellings_and_sources(browser, fixture_map):
    opened = open_map(browser, fixture_map)
    text = assert_popup_lists(opened.page, JARJANAZ, ["Jirjanaz", "Jorjnaz"], ["SANA", "Al-Masdar News"])
    assert "2019-12-23 (day)" in text
    assert "Corroboration: 2\n" in text
    assert "Government troops captured Jorjnaz on Monday" in text
    links = opened.page.locator(".cm-popup a.cm-link")
    assert links.evaluate_all("ls => ls.map(a => a.href)") == [
        "https://sana.sy/en/?p=180101", "https://www.almasdarnews.com/article/jorjnaz/"]
    assert_no_errors(opened)


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(browser, fixture_map, tmp_path):
    opened = open_map(browser, fixture_map)
    assert_inert(opened.page, opened, XSS, [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        '</script><script>window.__xss=3</script>', '<img src=x onerror="window.__xss=1">'])
    # The javascript: URL is shown as text, never linked.
    assert opened.page.locator(".cm-popup a").count() == 0
    opened.page.hover("body", position={"x": 5, "y": 5})
    save_screenshot(opened.page, tmp_path, "fixture_map_xss_popup")
    assert_no_errors(opened)


def test_filters_and_undated_layer(browser, fixture_map):
    opened = open_map(browser, fixture_map)
    page = opened.page
    page.locator(".cm-legend label", has_text="Government").locator("input").uncheck()
    sides = {m["side"] for m in visible(page)}
    assert sides == {"opposition", "sdf"}
    page.locator(".cm-legend label", has_text="Government").locator("input").check()
    assert "ev-babila-undated" not in {m["id"] for m in visible(page)}
    page.locator(".cm-legend label", has_text="Undated events (1)").locator("input").check()
    assert "ev-babila-undated" in {m["id"] for m in visible(page)}
    assert "Undated: 1 (Babila)" in page.locator(".cm-summary").inner_text()
    assert_no_errors(opened)


def test_play_runs_the_time_control_to_the_last_date(browser, fixture_map):
    opened = open_map(browser, fixture_map)
    page = opened.page
    page.evaluate("window.conflictMap.setDate('2020-01-20')")
    page.click("button.cm-play")
    page.wait_for_function("window.conflictMap.getDate() === '2020-01-30'", timeout=10_000)
    assert page.locator("button.cm-play").inner_text().endswith("Play")
    assert_no_errors(opened)
