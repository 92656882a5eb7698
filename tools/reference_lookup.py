"""Print the reference rows that match a place name, to help analysts curate the bundled gazetteer.

A developer aid, not part of the product: it reads ``../shared/reference`` (GeoNames ``SY.txt``, the Wikipedia
module places, Open-Syria admin units) and prints the few rows whose name or alternate name matches each query
loosely (diacritics, apostrophes, articles, vowels and doubled letters ignored), optionally inside a bounding box.
It never writes or converts the reference files.

Examples
--------
    .venv/bin/python tools/reference_lookup.py "Ma'ar Shourin" "Um al-Khalakhil" --bbox 36.3,35.3,37.3,36.1
    .venv/bin/python tools/reference_lookup.py جرجناز --fuzzy 85
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

DEFAULT_REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"

# Articles in every transliteration, with the assimilated forms (ash-Shaykh, az-Zarbah, a-Zarzour).
_ARTICLES = {"al", "el", "il", "a", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
             "esh", "et", "ez", "ul"}
_DIGRAPHS = (("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ou", "u"), ("q", "k"))
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_TASHKEEL = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def latin_skeleton(name: str) -> str:
    """Reduce a Latin transliteration to consonants so spelling variants compare equal.

    >>> latin_skeleton("Ma'arat al-No'eman") == latin_skeleton("Ma‘arrat an Nu‘mān")
    True
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u02bb-\u02bf'`´‘’ʿʾ]", "", text)
    tokens = [t for t in re.split(r"[^a-z]+", text) if t]
    tokens = [t for t in tokens if t not in _ARTICLES] or tokens
    out = []
    for token in tokens:
        token = re.sub(r"([aeiouy])h$", r"\1", token)  # taa marbuta: Sha'rah / Sha'ara
        for digraph, single in _DIGRAPHS:
            token = token.replace(digraph, single)
        out.append(token)
    joined = re.sub(r"[aeiouyw]", "", "".join(out))
    return re.sub(r"(.)\1+", r"\1", joined)


def arabic_key(name: str) -> str:
    """Normalise Arabic script: tashkeel, tatweel, alef forms, taa marbuta, alif maqsura, spaces."""
    text = _TASHKEEL.sub("", name)
    text = re.sub("[أإآٱ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    return re.sub(r"\s+", "", text)


def key_of(name: str) -> str:
    return arabic_key(name) if _ARABIC.search(name) else latin_skeleton(name)


def _in_bbox(lat: float, lon: float, bbox: tuple[float, float, float, float] | None) -> bool:
    return bbox is None or (bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3])


def load_rows(reference: Path):
    """Yield (source_ref, display name, lat, lon, detail, names) for every reference row."""
    with open(reference / "geonames" / "SY.txt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19:
                continue
            names = [cols[1], cols[2], *cols[3].split(",")]
            arabic = ",".join(n for n in cols[3].split(",") if _ARABIC.search(n))
            detail = f"{cols[7]} admin1={cols[10]} {arabic}"
            yield f"geonames:{cols[0]}", cols[1], float(cols[4]), float(cols[5]), detail, names
    with open(reference / "wikipedia_module_places.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                continue
            names = [row["label"], *row["label"].split("/"), row["link_title"].split("#")[-1]]
            yield f"wikipedia_module:{row['label']}", row["label"], lat, lon, row["mark"], names
    for level in ("governorates", "districts", "subdistricts"):
        for unit in json.loads((reference / "open_syria" / f"{level}.json").read_text(encoding="utf-8")):
            names = [unit["name"]["en"], unit["name"]["ar"], *(a["value"] for a in unit.get("aliases", []))]
            pcode = unit.get("externalIds", {}).get("ochaPcode", "")
            centroid = unit["centroid"]
            yield (f"open_syria:{pcode}", unit["name"]["en"], float(centroid["latitude"]),
                   float(centroid["longitude"]), f"{level[:-1]} {unit['name']['ar']}", names)


def lookup(queries, reference: Path, bbox=None, fuzzy: int | None = None, limit: int = 15):
    """Return {query: [(score, row), ...]} with exact-skeleton matches (score 100) and optional fuzzy ones."""
    from rapidfuzz import fuzz

    wanted = {q: key_of(q) for q in queries}
    found: dict[str, list] = {q: [] for q in queries}
    for row in load_rows(reference):
        if not _in_bbox(row[2], row[3], bbox):
            continue
        keys = {key_of(n) for n in row[5] if n.strip()}
        for query, qkey in wanted.items():
            if not qkey:
                continue
            score = 100 if qkey in keys else 0
            if not score and fuzzy:
                score = max((fuzz.ratio(qkey, k) for k in keys), default=0)
                score = score if score >= fuzzy else 0
            if score:
                found[query].append((score, row))
    return {q: sorted(hits, key=lambda h: -h[0])[:limit] for q, hits in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--bbox", help="W,S,E,N in degrees")
    parser.add_argument("--fuzzy", type=int, help="also list rows whose skeleton ratio is >= this (0-100)")
    parser.add_argument("--limit", type=int, default=15)
    args = parser.parse_args(argv)
    if not (args.reference / "geonames" / "SY.txt").is_file():
        parser.error(f"no reference data at {args.reference}")
    bbox = tuple(float(v) for v in args.bbox.split(",")) if args.bbox else None
    for query, hits in lookup(args.names, args.reference, bbox, args.fuzzy, args.limit).items():
        print(f"== {query}  [{key_of(query)}]")
        for score, (ref, name, lat, lon, detail, _names) in hits:
            print(f"  {score:3.0f} {ref:32} {name:34} {lat:.5f},{lon:.5f}  {detail}")
        if not hits:
            print("  (no match)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
