"""Static report image: control state on a day, PNG/SVG by suffix, A4 at 200 dpi, deterministic SVG."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

import pytest

from mapper.errors import RenderError
from mapper.render import load_events, render_static, simplify_outline
from mapper.render.data import prepare
from mapper.render.static import control_state

EVENTS_PATH = Path(__file__).resolve().parents[1] / "data" / "render_events.geojson"
OCHA = Path(__file__).resolve().parents[3] / "shared" / "reference" / "ocha_admin1" / "syr_admin1.shp"


@pytest.fixture(scope="module")
def events() -> dict:
    return load_events(EVENTS_PATH)


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2019, 11, 29), {"Umm Khalakhil": "government", "Misherfeh": "government"}),
    (dt.date(2019, 11, 30), {"Umm Khalakhil": "government", "Misherfeh": "opposition"}),
    (dt.date(2019, 12, 20), {"Umm Khalakhil": "government", "Misherfeh": "government",
                             "Khuwayn al-Kabir": "government"}),
])
def test_control_state_is_the_latest_change_per_place(events, day, expected):
    state = control_state(prepare(events), day)
    assert {f["properties"]["place_name"]: f["properties"]["side"] for f in state} == expected


def test_control_state_on_the_last_day_leaves_out_attacks_advances_and_undated(events):
    names = {f["properties"]["place_name"] for f in control_state(prepare(events), dt.date(2020, 1, 30))}
    assert len(names) == 12 and "Tal Tamr" in names and "Tall Mardikh" in names
    assert not names & {"Kafr Nabl", "Babila"}


def test_png_is_a4_landscape_at_200_dpi(events, tmp_path):
    out = render_static(events, tmp_path / "map.png", title="Idlib")
    header = out.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (2338, 1654)
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_svg_names_the_day_sides_sources_and_is_deterministic(events, tmp_path):
    first = render_static(events, tmp_path / "a.svg", as_of=dt.date(2019, 12, 24), title="Idlib")
    second = render_static(events, tmp_path / "b.svg", as_of=dt.date(2019, 12, 24), title="Idlib")
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    for expected in ("Control as of 2019-12-24", "Government (8)", "18 sources", "Jarjanaz", "CC BY-IGO"):
        assert expected in text, expected
    # Misherfeh's opposition spell ended on 20 December; Tall Mardikh was retaken after the chosen day.
    assert "Opposition (" not in text and "Tall Mardikh" not in text


def test_unknown_suffix_is_refused(events, tmp_path):
    with pytest.raises(RenderError, match="must be .png or .svg"):
        render_static(events, tmp_path / "map.jpg")


@pytest.mark.reference
def test_outline_is_made_small_from_the_ocha_boundaries(tmp_path):
    if not OCHA.exists():
        pytest.skip(f"reference boundaries absent: {OCHA}")
    out = simplify_outline(OCHA, tmp_path / "outline.geojson", name_field="NAME_EN", attribution="OCHA")
    assert out.stat().st_size < 300_000
    import json
    doc = json.loads(out.read_text())
    assert len(doc["features"]) == 15 and doc["attribution"] == "OCHA"
