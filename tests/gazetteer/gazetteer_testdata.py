"""Paths and reference points the gazetteer tests share."""

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
PLACES_CSV = DATA / "gazetteer_places.csv"
REFERENCE_SY = Path(__file__).resolve().parents[3] / "shared" / "reference" / "geonames" / "SY.txt"

# Reference points of the fixture: southern Idlib (between Maarat al-Numan and Jarjanaz) and Aleppo city.
SOUTH_IDLIB = (35.62, 36.75)
ALEPPO = (36.20, 37.16)
