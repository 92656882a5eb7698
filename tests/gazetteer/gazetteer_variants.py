"""Transliteration variants of GeoNames names, for the acceptance test and the benchmark.

Each variant applies one to three perturbations a reporter's spelling shows: vowel swaps, article forms, doubled
or single consonants, prefix families, apostrophes for ʿayn/hamza, taa marbuta endings. Seeded, so a run is
repeatable.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass

from gazetteer.place import Place

_PREFIX_SWAPS = {"kafr": ["Kfar", "Kafar", "Kefr"], "tall": ["Tal", "Tell"], "tal": ["Tell", "Tall"],
                 "umm": ["Um", "Om"], "khirbat": ["Khirbet", "Kharbat"], "dayr": ["Deir", "Dair"],
                 "jabal": ["Jebel"], "shaykh": ["Sheikh", "Shaikh"], "ayn": ["Ain", "Ein"], "bayt": ["Beit"],
                 "abu": ["Abou"], "tell": ["Tal", "Tall"], "deir": ["Dayr"], "sheikh": ["Shaykh"]}
_ARTICLE = re.compile(r"\b([Aa][lnrstdz]h?)[ -](?=\w)")


@dataclass(frozen=True)
class Variant:
    place: Place
    source_name: str
    spelling: str


def _ascii(text: str) -> str:
    text = text.replace("‘", "'").replace("’", "'").replace("`", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _vowel_swap(name: str, rng: random.Random) -> str:
    swaps = [("a", "e"), ("u", "ou"), ("u", "o"), ("i", "ee"), ("i", "e"), ("ay", "ei"), ("ay", "ai"), ("ah\\b", "eh"),
             ("iyah\\b", "ia"), ("ah\\b", "a")]  # the taa marbuta endings only at the end of a word
    options = [(a, b) for a, b in swaps if re.search(a, name[1:])]
    if not options:
        return name
    a, b = rng.choice(options)
    matches = [m for m in re.finditer(a, name) if m.start() > 0]
    chosen = rng.choice(matches)
    return name[:chosen.start()] + b + name[chosen.end():]


def _article(name: str, rng: random.Random) -> str:
    match = _ARTICLE.search(name)
    if not match:
        return name
    form = rng.choice(["al-", "el-", "Al-", "", "al ", "a-"])
    return name[:match.start()] + form + name[match.end():]


def _doubling(name: str, rng: random.Random) -> str:
    doubled = [m.start() for m in re.finditer(r"([bcdfghjklmnpqrstvwxyz])\1", name)]
    if doubled and rng.random() < 0.6:
        at = rng.choice(doubled)
        return name[:at] + name[at + 1:]
    singles = [i for i in range(1, len(name) - 1) if name[i] in "lmnrsbdt" and name[i - 1] in "aeiou"
               and name[i + 1] in "aeiou"]
    if not singles:
        return name
    at = rng.choice(singles)
    return name[:at] + name[at] + name[at:]


def _prefix(name: str, rng: random.Random) -> str:
    first, _, rest = name.partition(" ")
    options = _PREFIX_SWAPS.get(first.lower())
    return f"{rng.choice(options)} {rest}" if options and rest else name


def _apostrophe(name: str, rng: random.Random) -> str:
    if "'" in name:
        return name.replace("'", rng.choice(["", "’", "`", "‘"]))
    vowels = [i for i in range(1, len(name)) if name[i] in "aiu" and name[i - 1] in "aiu"]
    if vowels:
        at = rng.choice(vowels)
        return name[:at] + "'" + name[at:]
    return name


PERTURBATIONS = (_vowel_swap, _article, _doubling, _prefix, _apostrophe)


def make_variants(places: list[Place], count: int, seed: int = 20191219) -> list[Variant]:
    """``count`` variants of Latin names of randomly chosen places (one per place)."""
    rng = random.Random(seed)
    pool = [p for p in places if p.kind == "populated place"]
    variants = []
    for place in rng.sample(pool, min(count * 2, len(pool))):
        latin = [n for n in (place.name, *place.aliases) if n.isascii() or _ascii(n).isascii()]
        latin = [_ascii(n) for n in latin if len(n) >= 5 and " " not in n[:1] and n[:1].isupper()]
        if not latin:
            continue
        base = rng.choice(latin)
        spelling = base
        for step in rng.sample(PERTURBATIONS, rng.randint(1, 3)):
            spelling = step(spelling, rng)
        if spelling == base:
            spelling = _vowel_swap(base, rng)
        if spelling != base:
            variants.append(Variant(place, base, spelling))
        if len(variants) == count:
            break
    return variants


def point_at(lat: float, lon: float, km: float, rng: random.Random) -> tuple[float, float]:
    """A point ``km`` from (lat, lon) in a random bearing: where an article's other places might be."""
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = km / 111.2 * math.cos(bearing)
    dlon = km / (111.2 * math.cos(math.radians(lat))) * math.sin(bearing)
    return lat + dlat, lon + dlon
