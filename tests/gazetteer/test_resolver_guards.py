"""Loose matches that look alike on paper but land on another village: each guard, on a small fixture table.

Coordinates are those of the real places (GeoNames), so the distances the guards weigh are the real ones.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Place

# A pocket of south-east Idlib villages an article names together (GeoNames coordinates).
POCKET = [
    Place("geonames:169168", "Jarjanaz", 35.61823, 36.78281),
    Place("geonames:170441", "Farwan", 35.67746, 36.88321),
    Place("geonames:174555", "Abu Dafna", 35.67526, 36.83448),
    Place("geonames:162938", "Umm al-Tinah", 35.55447, 36.89188),
    Place("geonames:173818", "al-Haraki", 35.64594, 36.85436),
]
LOOKALIKES = [
    Place("geonames:164035", "Sar'a", 35.57206, 37.05196),            # 15 km east of the pocket
    Place("geonames:164695", "Tell al-Sayyad", 35.39898, 36.61921),   # northern Hama, ~32 km from the pocket
    Place("geonames:165271", "Rabia", 35.66326, 36.93615,             # in the pocket's area
          aliases=("Rubay'ah", "Rabee'a", "Rabiaa", "Er Rbaya")),
    Place("geonames:167611", "Maarat al-Numan", 35.6483, 36.67693),
]
GAZ = Gazetteer(POCKET + LOOKALIKES)
ARTICLE = [p.name for p in POCKET]


@pytest.mark.parametrize(("name", "not_this"), [
    ("al-Sayeer", "Sar'a"),          # two-symbol skeleton "sr" shared, keys unlike (sayir / sara)
    ("Tal Assayed", "Tell al-Sayyad"),  # skeleton match, but far outside a tight cluster of named villages
    ("al-Rayan", "Rabia"),           # key ratio 80, consonants r-y-n against r-b-ʿ
])
def test_lookalike_outside_the_evidence_stays_unresolved(name, not_this):
    answer = GAZ.resolve_all([*ARTICLE, name])[-1]
    assert answer.status == "unresolved", (answer.place, answer.rule)


@pytest.mark.parametrize(("name", "expected"), [
    ("Jirjanaz", "Jarjanaz"),            # skeleton
    ("Ma3arat al-Numan", "Maarat al-Numan"),  # fuzzy that keeps the consonants
])
def test_real_respellings_still_resolve_in_the_same_article(name, expected):
    answer = GAZ.resolve_all([*ARTICLE, name])[-1]
    assert answer.resolved and answer.place.name == expected, (answer.status, answer.rule)


def test_spread_out_context_keeps_the_wide_radius():
    # An article naming places ~40-60 km apart: a skeleton match 32 km from their median is still credible.
    wide = [Place("x:1", "North", 35.95, 36.63), Place("x:2", "South", 35.25, 36.65),
            Place("x:3", "West", 35.62, 36.20), Place("x:4", "East", 35.60, 37.10)]
    gaz = Gazetteer(wide + LOOKALIKES)
    answer = gaz.resolve_all(["North", "South", "West", "East", "Tal Assayed"])[-1]
    assert answer.resolved and answer.place.name == "Tell al-Sayyad"
