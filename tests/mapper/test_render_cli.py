"""`conflict-mapper render` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

EVENTS_PATH = Path(__file__).resolve().parents[1] / "data" / "render_events.geojson"


def test_render_writes_the_map_and_images(tmp_path):
    html, png, svg = tmp_path / "out" / "map.html", tmp_path / "map.png", tmp_path / "map.svg"
    result = CliRunner().invoke(main, ["render", str(EVENTS_PATH), "-o", str(html), "--title", "Idlib",
                                       "--png", str(png), "--svg", str(svg), "--as-of", "2019-12-31"])
    assert result.exit_code == 0, result.output
    assert f"{html}: 17 events (1 undated)" in result.output
    assert '"initialDate": "2019-12-31"' in html.read_text(encoding="utf-8")
    assert png.stat().st_size > 50_000 and "Control as of 2019-12-31" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such events file"), ("{oops", "not valid JSON"), ("[]", "not a GeoJSON FeatureCollection"),
])
def test_bad_events_file_gets_a_message_naming_it(tmp_path, content, message):
    events = tmp_path / "events.geojson"
    if content is not None:
        events.write_text(content)
    result = CliRunner().invoke(main, ["render", str(events), "-o", str(tmp_path / "map.html")])
    assert result.exit_code == 1
    assert f"Error: {events}: {message}" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "map.html").exists()


def test_bad_as_of_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["render", str(EVENTS_PATH), "-o", str(tmp_path / "m.html"),
                                       "--as-of", "30/11/2019"])
    assert result.exit_code == 2 and "'30/11/2019' is not a date in YYYY-MM-DD form" in result.output
