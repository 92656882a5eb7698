"""The bundled northwest-Syria table: well-formed, traceable to its reference rows, and holding confusable pairs apart."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pytest
from geopy.distance import geodesic

HEADER = ["id", "name", "lat", "lon", "kind", "admin1", "admin2", "aliases", "source_ref", "note"]
KINDS = {"populated place", "hill", "area", "admin unit", "site"}
SOURCE_PREFIXES = ("geonames:", "wikipedia_module:", "open_syria:")
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
# Coordinates are copied from the cited row, so 2 km only absorbs the Wikipedia module's 3-decimal rounding.
MAX_OFFSET_KM = 2.0


def _read_table() -> tuple[list[str], list[dict[str, str]]]:
    with (files("gazetteer") / "data/places.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


HEADER_READ, ROWS = _read_table()
BY_ID = {row["id"]: row for row in ROWS}


def _refs(row: dict[str, str]) -> list[str]:
    return [ref.strip() for ref in row["source_ref"].split(";") if ref.strip()]


def _point(row: dict[str, str]) -> tuple[float, float]:
    return float(row["lat"]), float(row["lon"])


def test_header_is_exact():
    assert HEADER_READ == HEADER


def test_enough_rows_and_unique_ids():
    assert len(ROWS) >= 250
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_row_is_well_formed(row):
    lat, lon = _point(row)
    assert -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0
    assert row["name"].strip()
    assert row["kind"] in KINDS
    assert _refs(row) and all(ref.startswith(SOURCE_PREFIXES) for ref in _refs(row))
    aliases = [a for a in row["aliases"].split("|") if a]
    assert len(aliases) == len(set(aliases)), f"repeated alias in {row['id']}"
    assert row["id"].split(":", 1)[0] in {"geonames", "wikimap", "ocha"}


# --- against the reference data ---------------------------------------------------------------------------------

needs_reference = pytest.mark.skipif(
    not (REFERENCE / "geonames" / "SY.txt").is_file(),
    reason=f"reference data not found at {REFERENCE} (present in CI as ../shared/reference)",
)


@lru_cache(maxsize=1)
def _geonames() -> dict[str, tuple[float, float]]:
    points = {}
    with open(REFERENCE / "geonames" / "SY.txt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 6:
                points[cols[0]] = (float(cols[4]), float(cols[5]))
    return points


@lru_cache(maxsize=1)
def _wikipedia_module() -> dict[str, list[tuple[float, float]]]:
    points: dict[str, list[tuple[float, float]]] = {}
    with open(REFERENCE / "wikipedia_module_places.tsv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            try:
                points.setdefault(record["label"], []).append((float(record["lat"]), float(record["lon"])))
            except (TypeError, ValueError):
                continue
    return points


@lru_cache(maxsize=1)
def _open_syria() -> dict[str, tuple[float, float]]:
    points = {}
    for level in ("governorates", "districts", "subdistricts"):
        for unit in json.loads((REFERENCE / "open_syria" / f"{level}.json").read_text(encoding="utf-8")):
            centroid = unit["centroid"]
            points[unit["externalIds"]["ochaPcode"]] = (float(centroid["latitude"]), float(centroid["longitude"]))
    return points


def _reference_points(ref: str) -> list[tuple[float, float]]:
    prefix, key = ref.split(":", 1)
    if prefix == "geonames":
        return [_geonames()[key]] if key in _geonames() else []
    if prefix == "wikipedia_module":
        return _wikipedia_module().get(key, [])
    return [_open_syria()[key]] if key in _open_syria() else []


@pytest.mark.reference
@needs_reference
@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_row_lies_on_its_reference_row(row):
    for ref in _refs(row):
        points = _reference_points(ref)
        assert points, f"{row['id']}: {ref} is not in the reference data"
        # A Wikipedia module label can repeat (two villages of one name): the row must sit on one of them.
        nearest = min(geodesic(_point(row), p).km for p in points)
        assert nearest <= MAX_OFFSET_KM, f"{row['id']} is {nearest:.2f} km from {ref}"


@pytest.mark.reference
@needs_reference
@pytest.mark.parametrize("row", [r for r in ROWS if r["id"].startswith("geonames:")], ids=lambda r: r["id"])
def test_geonames_id_matches_cited_row(row):
    assert f"geonames:{row['id'].split(':', 1)[1]}" in _refs(row)


# --- confusable pairs -------------------------------------------------------------------------------------------

CONFUSABLE_PAIRS = [
    ("geonames:174260", "geonames:174259", "al-Dana S Idlib / Dana near Sarmada"),
    ("geonames:166357", "geonames:166356", "al-Nayrab near Saraqib / al-Nayrab at Aleppo airport"),
    ("geonames:165271", "geonames:167880", "Rabia Idlib / Rabia Latakia"),
    ("geonames:168651", "geonames:168652", "Kafr Naha / Kafr Naya"),
    ("geonames:170441", "geonames:174186", "Farwan / Afrin"),
    ("geonames:173818", "geonames:173819", "al-Haraki Idlib / al-Hirak Daraa"),
    ("geonames:171714", "geonames:165509", "Ras al-Hisn Idlib / Ras al-Ayn Hasakah"),
]


@pytest.mark.parametrize(("first", "second", "label"), CONFUSABLE_PAIRS, ids=[p[2] for p in CONFUSABLE_PAIRS])
def test_confusable_pairs_are_both_present_and_apart(first, second, label):
    assert first in BY_ID and second in BY_ID, label
    assert geodesic(_point(BY_ID[first]), _point(BY_ID[second])).km > 5.0


@pytest.mark.parametrize(
    ("place_id", "lat", "lon"),
    [
        ("geonames:169168", 35.61823, 36.78281),  # Jarjanaz
        ("geonames:167611", 35.6483, 36.67693),  # Maarat al-Numan
        ("geonames:166581", 35.53956, 36.90543),  # al-Mushayrifa of the SE Idlib pocket
    ],
)
def test_seed_places_have_their_reference_coordinates(place_id, lat, lon):
    assert geodesic(_point(BY_ID[place_id]), (lat, lon)).km < 0.01
