"""The resolver's shortcuts give exactly the answers of the plain computation they skip."""

import math

import pytest
from gazetteer_testdata import ALEPPO, SOUTH_IDLIB
from gazetteer_variants import make_variants

from gazetteer import Gazetteer, Place
from gazetteer.index import MIN_SKELETON_LENGTH, REGION_KM, _exact_form, fast_km, fast_km_to
from gazetteer.normalize import name_key, skeleton, validate_query
from gazetteer.resolver import CONFIDENT_RULES, _median, _median_without


def plain_resolve_all(gaz, names, **options):
    """resolve_all as documented: each name again with every other confident answer as context, no shortcut."""
    first = {n: gaz.resolve(n, **options) for n in dict.fromkeys(names)}
    anchors = {n: r.place for n, r in first.items() if r.resolved and r.rule in CONFIDENT_RULES}
    if not anchors:
        return [first[n] for n in names]
    second = {}
    for n in first:
        own = anchors.get(n)
        context = [p for p in anchors.values() if own is None or p.id != own.id]
        second[n] = gaz.resolve(n, context=context, **options)
    return [second[n] for n in names]


# Two sources' rows of one village 1 km apart (deduplicated into one candidate), namesakes, a far city.
TWIN_PLACES = [
    Place("cur:1", "Kafr Nabl", 35.6137, 36.5614, source="curated"),
    Place("gn:1", "Kafr Nabl", 35.6200, 36.5650, source="geonames"),
    Place("gn:2", "Hass", 35.6217, 36.5872, source="geonames"),
    Place("gn:3", "Kafr Sijnah", 35.5878, 36.6317, source="geonames"),
    Place("gn:4", "Daraa", 32.6189, 36.1021, source="geonames"),
    Place("gn:5", "Tell Rifaat", 36.4716, 37.0970, source="geonames"),
    Place("gn:6", "Hass", 36.3000, 37.0500, source="geonames"),
    Place("gn:7", "Ariha", 35.8126, 36.6095, source="geonames"),
]


@pytest.mark.parametrize(("names", "options"), [
    (["Jarjanaz", "Maarat al-Numan", "al-Dana", "Nairab"], {}),
    (["Aleppo", "al-Nayrab", "Ad Dana", "Afrin", "al-Dana"], {}),
    (["Jarjanaz", "Jarjanaz", "جرجناز", "Khan Shaykhun", "Um Tina", "Saraqeb"], {}),
    (["Jarjanaz", "al-Hirak", "Ras al-Ayn", "Afrin", "Tal Assayed"], {}),
    (["Maaret al-Numan", "Khan Sheikoun", "al-Tah", "Jorjnaz"], {"near": SOUTH_IDLIB}),
    (["Nairab", "Aleppo", "al-Dana"], {"near": ALEPPO}),
    (["Saraqib", "al-Dana", "Aleppo"], {"bbox": (36.5, 35.3, 37.0, 36.0)}),
    (["Saraqib", "Khan Shaykhun", "Aleppo"], {"kinds": {"populated place"}}),
])
def test_resolve_all_equals_plain_computation(fixture_gazetteer, names, options):
    assert fixture_gazetteer.resolve_all(names, **options) == plain_resolve_all(fixture_gazetteer, names, **options)


@pytest.mark.parametrize("names", [
    ["Kafr Nabl", "Hass", "Kafr Sijnah"],
    ["Kafr Nabl", "Daraa", "Tell Rifaat"],
    ["Hass", "Kafr Nabl", "Kafr Nabl", "Tell Rifaat", "Daraa"],
    ["Kafr Nabl", "Ariha"],  # with context ~20 km north the northern twin row wins: not the first answer
])
def test_deduplicated_single_candidate_is_not_a_shortcut(names):
    gaz = Gazetteer(TWIN_PLACES, source_priority={"curated": 1})
    alone = gaz.resolve("Kafr Nabl")
    assert alone.status == "resolved" and len(alone.candidates) == 1  # the twin rows counted once
    assert gaz.resolve_all(names) == plain_resolve_all(gaz, names)


@pytest.mark.parametrize("point", [(35.0, 36.0), (0.0, 179.9), (89.9, 10.0), (-45.5, -170.2), (35.62, 36.75)])
def test_fast_km_to_is_fast_km(point):
    others = [(35.0, 36.0), (35.27, 36.0), (0.0, -179.9), (-89.9, 0.0), (36.2, 37.16), point]
    assert fast_km_to(others, point) == [fast_km(a, point) for a in others]


@pytest.mark.parametrize("dlat", [0.2697, 0.26979, 0.2698, 0.27, 0.3, -0.2697, -0.27])
def test_within_region_latitude_precheck_agrees_with_haversine(fixture_gazetteer, dlat):
    index = fixture_gazetteer.index
    place = index.places["fx:jarjanaz"]
    for dlon in (0.0, 0.001, 0.05):
        point = (place.lat + dlat, place.lon + dlon)
        assert index.within_region(place.id, point) == (fast_km((place.lat, place.lon), point) <= REGION_KM)


@pytest.mark.parametrize(("values", "left_out", "copies"), [
    ([1.0, 2.0, 3.0, 4.0, 5.0], 3.0, 1),
    ([1.0, 2.0, 3.0, 4.0], 1.0, 1),
    ([1.0, 2.0, 2.0, 2.0, 9.0], 2.0, 2),
    ([35.1, 35.1, 36.7, 32.6], 35.1, 2),
    ([0.5, 0.25], 0.5, 1),
])
def test_median_without_is_median_of_the_rest(values, left_out, copies):
    rest = list(values)
    for _ in range(copies):
        rest.remove(left_out)
    assert _median_without(sorted(values), left_out, copies) == _median(rest)
    assert not math.isnan(_median(rest))


def plain_is_known(index, text):
    """is_known as documented: the exact form, the key or a long enough skeleton is some place's, by the cached forms."""
    key, skel = name_key(text), skeleton(text)
    return (_exact_form(text) in index.exact or bool(key) and key in index.by_key
            or len(skel) >= MIN_SKELETON_LENGTH and skel in index.by_skeleton)


def test_is_known_equals_plain_computation(fixture_gazetteer):
    index = fixture_gazetteer.index
    places = list(fixture_gazetteer)
    queries = [name for p in places for name in (p.name, *p.aliases)]
    queries += [v.spelling for v in make_variants(places, 2000, seed=11)]
    queries += [q.upper() for q in queries[:300]] + [q.swapcase() + "!" for q in queries[:300]]
    queries += ["Aleppo", "al", "As", "xq", "Tallah!", "جسر الشغور", "Jisr  ash-Shughur", "Kafr`Nabl"]
    queries = [validate_query(q) for q in queries]
    assert sum(map(index.is_known, queries)) > len(queries) // 2  # the check below compares hits, not only misses
    assert [q for q in queries if index.is_known(q) != plain_is_known(index, q)] == []


def test_is_known_finds_a_name_only_its_exact_form_knows():
    # "Ʒ" is a letter the Latin forms drop (no ASCII decomposition): its key and skeleton are empty.
    index = Gazetteer([Place("x:1", "Ʒ", 35.0, 36.0)]).index
    assert name_key("ʒ") == "" and index.is_known("ʒ") and plain_is_known(index, "ʒ")
