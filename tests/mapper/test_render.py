"""The HTML map and its data: escaping, determinism, self-containment, summary, outline, atomic writes."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest

import mapper.render
from mapper.errors import ExportError, RenderError
from mapper.render import default_outline_path, load_events, load_outline, render_map
from mapper.render.data import prepare
from mapper.render.popups import safe_url, script_safe_json
from mapper.render.style import SIDE_COLOURS, is_control, side_colour, side_label

EVENTS_PATH = Path(__file__).resolve().parents[1] / "data" / "render_events.geojson"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><script>window.__xss=3</script>"]


@pytest.fixture(scope="module")
def events() -> dict:
    return load_events(EVENTS_PATH)


def embedded_data(html_text: str) -> dict:
    blob = re.search(r'<script type="application/json" id="[^"]+_data">(.*?)</script>', html_text, re.DOTALL).group(1)
    return json.loads(blob)


def test_exports_are_sorted_and_complete():
    assert mapper.render.__all__ == sorted(mapper.render.__all__)
    assert all(hasattr(mapper.render, name) for name in mapper.render.__all__)


@pytest.mark.parametrize("value", [*HOSTILE, "a\u2028b\u2029c", "R&D <!-- x -->", "ضهرة الزرزور"])
def test_script_safe_json_cannot_end_a_script_and_round_trips(value):
    text = script_safe_json({"sentence": value})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"sentence": value}


@pytest.mark.parametrize(("url", "kept"), [
    ("https://sana.sy/en/?p=1", True), ("http://example.org/a", True), ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example/x", False),
    ("ftp://example.org/f", False), (None, False), (42, False), ("https://", False),
])
def test_only_http_links_are_kept(url, kept):
    assert (safe_url(url) is not None) == kept


@pytest.mark.parametrize(("controller", "colour", "label"), [
    ("government", "#d62728", "Government"), ("Opposition", "#2ca02c", "Opposition"), ("SDF", "#e0b000", "SDF"),
    (None, "#8a8a8a", "Unknown"), ("", "#8a8a8a", "Unknown"),
])
def test_sides_have_fixed_colours_and_labels(controller, colour, label):
    assert (side_colour(controller), side_label(controller)) == (colour, label)


def test_unknown_actor_gets_a_stable_distinct_colour():
    colour = side_colour("Liwa al-Quds")
    assert re.fullmatch(r"#[0-9a-f]{6}", colour)
    assert colour == side_colour(" liwa   AL-QUDS ") and colour not in SIDE_COLOURS.values()
    assert colour != side_colour("Hurras al-Din")


@pytest.mark.parametrize(("props", "control"), [
    ({"event_type": "control_change", "modality": "asserted"}, True),
    ({"event_type": "control_change", "modality": "claimed"}, True),
    ({"event_type": "control_change", "modality": "denied"}, False),
    ({"event_type": "control_change", "modality": "attempted"}, False),
    ({"event_type": "attack", "modality": "asserted"}, False),
])
def test_only_believed_control_changes_drive_control(props, control):
    assert is_control(props) is control


def test_prepare_sorts_by_day_and_summarises(events):
    data = prepare(events)
    days = [f["properties"]["day"] for f in data.features]
    assert days[-1] is None and days[:-1] == sorted(days[:-1])
    assert (data.first_day, data.last_day) == (dt.date(2019, 11, 24), dt.date(2020, 1, 30))
    assert data.sides == ("government", "opposition", "sdf")
    assert data.event_types == ("control_change", "advance", "attack")
    assert data.unresolved[0] == ("Tell Dibs", 2) and len(data.unresolved) == 3
    assert (data.unlocated, data.source_count, data.problems) == (1, 18, ())
    jarjanaz = next(f for f in data.features if f["properties"]["id"] == "ev-jarjanaz-20191223")
    assert jarjanaz["geometry"]["coordinates"] == [36.784, 35.618]
    assert jarjanaz["properties"]["mentions"] == ["Jirjanaz", "Jorjnaz"]
    hish = next(f for f in data.features if f["properties"]["id"] == "ev-hish-20191225")
    assert hish["properties"]["sources"][0]["url"] is None  # javascript: is dropped before it reaches the page


def test_malformed_features_are_skipped_with_a_named_problem(events):
    broken = copy.deepcopy(events)
    broken["features"][0]["geometry"] = {"type": "Point", "coordinates": [500, 35]}
    del broken["features"][1]["properties"]["id"]
    data = prepare(broken, where="events.geojson")
    assert len(data.features) == len(events["features"]) - 2
    assert [str(p) for p in data.problems] == [
        "events.geojson: feature 0 skipped: coordinates out of range [500, 35]",
        "events.geojson: feature 1 skipped: 'id'"]


def test_render_map_writes_a_self_contained_deterministic_page(events, tmp_path):
    first = render_map(events, tmp_path / "a.html", title="Idlib <winter>")
    render_map(events, tmp_path / "b.html", title="Idlib <winter>")
    html_text = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert first.__class__.__name__ == "Map"
    assert render_map(events, title="Idlib <winter>").get_root().render() == html_text  # same page in a notebook
    assert not re.search(r"<script[^>]*\bsrc=", html_text) and not re.search(r"<link[^>]*\bhref=", html_text)
    assert "<title>Idlib &lt;winter&gt;</title>" in html_text
    assert "L.canvas" in html_text and "leaflet" in html_text.lower()
    assert "tile.openstreetmap.org" in html_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]  # no temp files left behind


def test_article_text_never_appears_as_markup(events, tmp_path):
    html_text = render_map(events, tmp_path / "m.html").get_root().render()
    for payload in HOSTILE:
        assert payload not in html_text
    assert "<img" not in html_text.split('id="event_timeline')[1]  # no raw tag anywhere after the data blob starts
    data = embedded_data(html_text)
    hish = next(f for f in data["features"] if f["properties"]["id"] == "ev-hish-20191225")
    assert "<script>alert(1)</script>" in hish["properties"]["place_name"]


def test_template_syntax_in_article_text_stays_text(events):
    hostile = copy.deepcopy(events)
    hostile["features"][0]["properties"]["sources"][0]["sentence"] = "{{ 7 * 7 }} {% if true %}yes{% endif %} {#"
    hostile["unresolved"].append({"mention": "{{ config }}", "status": "unresolved"})
    html_text = render_map(hostile).get_root().render()
    sentences = [s["sentence"] for f in embedded_data(html_text)["features"] for s in f["properties"]["sources"]]
    assert "{{ 7 * 7 }} {% if true %}yes{% endif %} {#" in sentences
    assert '"{{ config }}"' in html_text


def test_events_are_one_data_blob_with_all_features(events, tmp_path):
    html_text = render_map(events, tmp_path / "m.html").get_root().render()
    data = embedded_data(html_text)
    assert [f["properties"]["id"] for f in data["features"]][-1] == "ev-babila-undated"
    assert len(data["features"]) == 17
    assert html_text.count("L.circleMarker(") == 1  # one marker factory, not one object per event


@pytest.mark.parametrize(("as_of", "initial"), [(None, "2020-01-30"), (dt.date(2019, 12, 24), "2019-12-24")])
def test_the_page_opens_on_the_last_or_chosen_date(events, as_of, initial):
    html_text = render_map(events, as_of=as_of).get_root().render()
    assert f'"initialDate": "{initial}"' in html_text


def test_without_tiles_the_page_names_no_server(events):
    html_text = render_map(events, tiles=None).get_root().render()
    assert "tile.openstreetmap.org" not in html_text


def test_outline_is_bundled_small_and_replaceable(events, tmp_path):
    assert default_outline_path().stat().st_size < 300_000
    bundled = load_outline()
    assert [f["properties"]["level"] for f in bundled["features"]].count(0) == 1
    assert "Idleb" in {f["properties"]["name"] for f in bundled["features"]}
    assert "CC BY-IGO" in bundled["attribution"]
    own = tmp_path / "own.geojson"
    own.write_text(json.dumps({"type": "FeatureCollection", "attribution": "Testland survey", "features": [
        {"type": "Feature", "properties": {"name": "Testland", "level": 0},
         "geometry": {"type": "LineString", "coordinates": [[36.0, 35.0], [37.0, 36.0]]}}]}))
    html_text = render_map(events, outline=own).get_root().render()
    assert "Testland survey" in html_text and "Idleb" not in html_text


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read the outline"), ("{", "not valid JSON"), ('{"type": "Feature"}', "FeatureCollection"),
])
def test_bad_outline_is_a_render_error_naming_the_file(events, tmp_path, content, message):
    path = tmp_path / "outline.geojson"
    if content is not None:
        path.write_text(content)
    with pytest.raises(RenderError, match=message) as caught:
        render_map(events, outline=path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such events file"), ("not json", "not valid JSON"), ('{"type": "Feature"}', "not a GeoJSON"),
])
def test_bad_events_file_is_a_render_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "events.geojson"
    if content is not None:
        path.write_text(content)
    with pytest.raises(RenderError, match=message) as caught:
        load_events(path)
    assert str(path) in str(caught.value)


def test_unwritable_output_is_an_export_error(events, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write the map"):
        render_map(events, blocker / "map.html")


def test_empty_collection_still_renders(tmp_path):
    fmap = render_map({"type": "FeatureCollection", "features": []}, tmp_path / "empty.html")
    assert '"firstDay": null' in fmap.get_root().render()
