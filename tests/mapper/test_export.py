"""Exports: GeoJSON contract, ACLED-style CSV, GeoPackage/GeoParquet, determinism and atomic writes."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from events_fixtures import FixtureGazetteer, make_report

from mapper.atomic import atomic_path
from mapper.errors import ExportError, RenderError
from mapper.events import locate_reports, merge_events, read_events_geojson, write_events

# The contract checker lives beside the repository (../shared/tools), where CI puts it.
CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "check_events.py"


@pytest.fixture(scope="module")
def result():
    reports = [
        make_report("Jirjanaz", article="a.txt", when="2019-12-24", precision="week", span=(10, 18),
                    attribution="army statement"),
        make_report("Jorjnaz", article="a.txt", when="2019-12-23", span=(40, 47)),
        make_report("جرجناز", article="b.txt", when="2019-12-23", source="سانا", sentence="الجيش يستعيد جرجناز"),
        make_report("Saraqib", article="b.txt", when=None, controller="opposition", modality="claimed"),
        make_report("al-Tah", article="b.txt", when="2019-12-01", precision="month", event_type="attack",
                    controller=None),
        make_report("", article="b.txt", region=True, sentence="Over two dozen villages were taken."),
        make_report("al-Dana", article="b.txt"),
    ]
    return locate_reports(reports, FixtureGazetteer())


@pytest.fixture(scope="module")
def events(result):
    return merge_events(result.located) + merge_events(result.unlocated)


def test_geojson_holds_the_contract(tmp_path, events, result):
    path = write_events(events, tmp_path / "events.geojson", unresolved=result.unresolved, metadata={"articles": 2})
    if not CHECKER.exists():
        pytest.skip(f"contract checker {CHECKER} is absent")
    checked = subprocess.run([sys.executable, str(CHECKER), str(path)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout
    assert "3 features, 0 problems" in checked.stdout

    document = read_events_geojson(path)
    by_name = {f["properties"]["place_name"]: f for f in document["features"]}
    jarjanaz = by_name["Jarjanaz"]
    assert jarjanaz["geometry"] == {"type": "Point", "coordinates": [36.78281, 35.61823]}
    props = jarjanaz["properties"]
    assert (props["date"], props["date_precision"], props["corroboration"], props["mentions"]) == (
        "2019-12-23", "day", 2, ["Jirjanaz", "Jorjnaz", "جرجناز"])
    assert props["sources"][0] == {"article": "a.txt", "source": "SANA", "url": "https://example.org/a.txt",
                                   "published": "2019-12-24", "sentence": "The army took Jirjanaz.", "span": [10, 18],
                                   "title": None}
    assert props["attributions"] == ["army statement"] and props["place_source"] == "fixture"
    assert by_name["Saraqib"]["properties"]["date"] is None
    assert by_name["al-Tah"]["properties"]["date_precision"] == "month"
    assert [(u["place_name"], u["geo_precision"], u["sources"][0]["sentence"]) for u in document["unlocated"]] == [
        ("", 3, "Over two dozen villages were taken."), ("al-Dana", 1, "The army took al-Dana.")]
    assert document["unresolved"] == [{"mention": "al-Dana", "status": "ambiguous",
                                       "candidates": ["t:dana-idlib", "t:dana-hama"], "article": "b.txt",
                                       "sentence": "The army took al-Dana."}]
    assert document["metadata"] == {"articles": 2}
    assert "جرجناز" in path.read_text(encoding="utf-8")  # ensure_ascii=False


@pytest.mark.parametrize("suffix", [".geojson", ".csv"])
def test_same_input_gives_byte_identical_files(tmp_path, events, result, suffix):
    first = write_events(events, tmp_path / f"one{suffix}", unresolved=result.unresolved)
    again = merge_events(result.located) + merge_events(result.unlocated)  # a second run over the same input
    second = write_events(again, tmp_path / f"two{suffix}", unresolved=result.unresolved)
    assert first.read_bytes() == second.read_bytes()


def test_csv_has_acled_columns_and_values(tmp_path, events):
    path = write_events(events, tmp_path / "events.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:12] == ["event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                                  "location", "latitude", "longitude", "geo_precision", "source", "notes"]
    by_location = {r["location"]: r for r in rows}
    jarjanaz = by_location["Jarjanaz"]
    assert (jarjanaz["event_date"], jarjanaz["time_precision"], jarjanaz["actor1"], jarjanaz["latitude"],
            jarjanaz["longitude"], jarjanaz["source"], jarjanaz["corroboration"]) == (
        "2019-12-23", "1", "government", "35.618230", "36.782810", "SANA; سانا", "2")
    assert jarjanaz["notes"] == "The army took Jirjanaz. | The army took Jorjnaz. | الجيش يستعيد جرجناز"
    assert (by_location["al-Tah"]["time_precision"], by_location["al-Tah"]["event_date"]) == ("3", "2019-12-01")
    assert (by_location["Saraqib"]["event_date"], by_location["Saraqib"]["time_precision"]) == ("", "")
    assert (by_location[""]["latitude"], by_location[""]["geo_precision"]) == ("", "3")  # unlocated region


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet"])
def test_gis_formats_are_readable_by_geopandas(tmp_path, events, suffix):
    import geopandas as gpd

    path = write_events(events, tmp_path / f"events{suffix}")
    frame = gpd.read_file(path) if suffix == ".gpkg" else gpd.read_parquet(path)
    assert len(frame) == 5 and frame.crs.to_epsg() == 4326
    row = frame[frame["place_name"] == "Jarjanaz"].iloc[0]
    assert (round(row.geometry.x, 5), round(row.geometry.y, 5)) == (36.78281, 35.61823)
    assert json.loads(row["mentions"]) == ["Jirjanaz", "Jorjnaz", "جرجناز"]
    assert row["corroboration"] == 2 and row["date"] == "2019-12-23"
    assert frame[frame["place_name"] == ""].geometry.iloc[0] is None


def test_failed_write_leaves_no_partial_file_and_keeps_the_old_one(tmp_path, events):
    target = tmp_path / "events.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk on fire"), atomic_path(target) as temporary:
        temporary.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("disk on fire")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


def test_failing_gis_writer_leaves_nothing(tmp_path, events, monkeypatch):
    import geopandas as gpd

    def broken(self, path, **kwargs):
        Path(path).write_bytes(b"SQLite format 3\0partial")
        raise RuntimeError("driver failed")

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", broken)
    with pytest.raises(ExportError, match="events.gpkg"):
        write_events(events, tmp_path / "events.gpkg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["events.kml", "missing-dir/events.geojson"])
def test_unwritable_targets_are_export_errors_naming_the_file(tmp_path, events, name):
    with pytest.raises(ExportError, match=Path(name).name):
        write_events(events, tmp_path / name)


@pytest.mark.parametrize("text, message", [
    ("{not json", "not valid JSON"),
    ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
    (('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
      '"coordinates": [36.7, 35.6]}, "properties": {"id": "x"}}]}'), "missing properties"),
    ('{"type": "FeatureCollection", "features": [{"geometry": {"type": "LineString"}, "properties": {}}]}',
     "geometry must be a Point"),
])
def test_reader_rejects_bad_files_naming_them(tmp_path, text, message):
    path = tmp_path / "bad.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RenderError, match=message) as caught:
        read_events_geojson(path)
    assert str(path) in str(caught.value)


def test_reader_names_a_missing_file(tmp_path):
    with pytest.raises(RenderError, match="absent.geojson: cannot read"):
        read_events_geojson(tmp_path / "absent.geojson")


def test_extract_command_writes_events_and_reports_problems(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from events_fixtures import toy_extract_reports, write_toy_articles

    import gazetteer
    import mapper.extract
    from mapper.cli import main

    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda overlays=(), **kw: FixtureGazetteer(), raising=False)
    monkeypatch.setattr(mapper.extract, "extract_reports", toy_extract_reports, raising=False)
    folder = write_toy_articles(tmp_path / "articles")
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1, result.output  # the empty file failed to read; the others went on
    assert "empty.txt" in result.stderr
    assert "Kafr Nowhere (unresolved, 1x) [a.md]: The army took Kafr Nowhere." in result.stderr
    assert "3 article(s), 2 event(s) (2 control changes), 1 unlocated" in result.stderr
    document = read_events_geojson(out)
    assert [(f["properties"]["place_name"], f["properties"]["date"], f["properties"]["corroboration"],
             f["properties"]["mentions"]) for f in document["features"]] == [
        ("Jarjanaz", "2019-12-23", 2, ["Jorjnaz", "Jirjanaz"]), ("Saraqib", "2020-02-27", 1, ["Saraqib"])]
    assert [u["mention"] for u in document["unresolved"]] == ["Kafr Nowhere"]
    assert [(u["place_name"], u["place_id"], u["date"]) for u in document["unlocated"]] == [
        ("Kafr Nowhere", None, "2019-12-23")]


def test_events_package_exports_a_sorted_all():
    import mapper.events

    def isort_style(name):  # constants, then classes, then functions (ruff's RUF022 order)
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert mapper.events.__all__ == sorted(mapper.events.__all__, key=isort_style)
    assert all(hasattr(mapper.events, name) for name in mapper.events.__all__)
