"""Acceptance on the seed articles: `conflict-mapper run seeds/` end to end, the events it finds, the scores."""

from __future__ import annotations

import struct
import subprocess
import sys

import pytest
from click.testing import CliRunner
from seeds_run import CHECKER, GOLD, SEEDS, by_place, run_seeds

from mapper.cli import main


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result, events = run_seeds(out)
    return out, result, events


def test_run_writes_map_events_and_image(seeds_run):
    out, result, _ = seeds_run
    assert result.exit_code == 0, result.output
    for name in ("idlib.html", "events.geojson", "events.csv", "idlib.png"):
        assert (out / name).stat().st_size > 1_000, name
    png = (out / "idlib.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (2338, 1654)  # A4 landscape at 200 dpi
    header = (out / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert set(header) >= {"event_date", "time_precision", "event_type", "sub_event_type", "actor1", "location",
                           "latitude", "longitude", "geo_precision", "source", "notes"}


def test_run_output_meets_the_events_contract(seeds_run):
    out, _, _ = seeds_run
    if not CHECKER.exists():
        pytest.skip(f"{CHECKER} is absent (it ships in ../shared, present in CI)")
    check = subprocess.run([sys.executable, str(CHECKER), str(out / "events.geojson")], capture_output=True,
                           text=True, check=False)
    assert check.returncode == 0, check.stdout


def test_same_seeds_give_byte_identical_outputs(seeds_run, tmp_path):
    out, _, _ = seeds_run
    run_seeds(tmp_path)
    for name in ("idlib.html", "events.geojson", "events.csv"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


@pytest.mark.parametrize(("place", "spellings", "day", "articles"), [
    ("Jarjanaz", {"Jirjanaz", "Jorjnaz"}, "2019-12-23", {"000_e9e787f6a0feb607.txt"}),
    ("al-Tah", {"al-Tah"}, "2019-12-23", {"000_e9e787f6a0feb607.txt", "003_94511c32bb130de8.txt"}),
    ("Ma'saran", {"Ma’asaran"}, "2020-01-27", {"001_72f3e311adc64d59.txt"}),
    ("Umm al-Khalakhil", {"Um al-Khalakhil"}, "2019-11-25", {"004_4e88ac0699ade509.txt"}),
])
def test_control_changes_merge_spellings_and_sources(seeds_run, place, spellings, day, articles):
    _, _, events = seeds_run
    found = by_place(events, place)
    assert len(found) == 1, [p["id"] for p in found]
    event = found[0]
    assert spellings <= set(event["mentions"])
    assert (event["controller"], event["modality"], event["date"]) == ("government", "asserted", day)
    assert {s["article"] for s in event["sources"]} == articles
    assert event["corroboration"] == len(articles)
    for source in event["sources"]:
        assert place in source["sentence"] or any(s in source["sentence"] for s in event["mentions"])


def test_a_place_in_two_scripts_no_reference_holds_is_one_unlocated_event(seeds_run):
    _, _, events = seeds_run
    zarzour = by_place(events, "Dhahret a-Zarzour")
    assert len(zarzour) == 1
    assert {"Dhahret a-Zarzour", "ضهرة الزرزور"} <= set(zarzour[0]["mentions"])
    assert zarzour[0]["date"] == "2019-11-25"
    assert "Dhahret a-Zarzour" in {u["mention"] for u in events["unresolved"]}


def test_maarat_al_numan_is_never_taken(seeds_run):
    _, _, events = seeds_run
    taken = [p for p in by_place(events, "Maarat al-Numan") if p["modality"] in ("asserted", "claimed")]
    assert taken == []


def test_evaluate_on_the_seeds_meets_the_acceptance_scores():
    result = CliRunner().invoke(main, ["evaluate", str(GOLD), str(SEEDS)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split()
    scores = dict(zip(first[0:6:2], map(float, first[1:6:2]), strict=True))
    assert scores["precision"] >= 0.95, result.output
    assert scores["recall"] >= 0.90, result.output
    assert "0 wrong days" in result.output, result.output


def test_run_reports_a_bad_input_and_maps_the_rest(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text("---\npublished: 2020-02-10\n---\nThe Syrian army captured the town of "
                                       "Saraqib on Saturday after heavy clashes with rebels.\n", encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["run", str(articles), "-o", str(tmp_path / "out" / "map.html"), "-q"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert (tmp_path / "out" / "map.html").exists()
