"""Acceptance on the reference GeoNames SY file: generated variant spellings resolve back to their own place."""

import random

import pytest
from gazetteer_testdata import REFERENCE_SY
from gazetteer_variants import make_variants, point_at

import gazetteer
from gazetteer.resolver import distance_km

pytestmark = pytest.mark.reference

SAMPLE = 400
# Context as an article would give it: a point ~10 km from the true place (the median of its other places),
# in a random bearing. Namesakes closer than that stay "ambiguous", which counts as a miss here.
CONTEXT_KM = 10.0


@pytest.fixture(scope="module")
def sy_gazetteer(sy_places, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("sy-index")
    gazetteer.import_geonames(REFERENCE_SY, data_dir)
    return gazetteer.load_gazetteer(bundled=False, data_dir=data_dir)


def _score(gaz, variants, with_context):
    rng = random.Random(7)
    own, wrong_far = 0, []
    for variant in variants:
        place = variant.place
        near = point_at(place.lat, place.lon, CONTEXT_KM, rng) if with_context else None
        result = gaz.resolve(variant.spelling, near=near)
        if result.resolved:
            off = distance_km((place.lat, place.lon), (result.place.lat, result.place.lon))
            own += result.place.id == place.id or off < 2.0  # a duplicate row of the same village counts
            if off > 25.0:
                wrong_far.append((variant.spelling, result.place.name, round(off)))
    return own / len(variants), wrong_far


def test_variants_resolve_back_with_context(sy_gazetteer, sy_places):
    variants = make_variants(list(sy_places), SAMPLE)
    assert len(variants) == SAMPLE
    rate, wrong_far = _score(sy_gazetteer, variants, with_context=True)
    assert rate >= 0.95, f"{rate:.1%} resolved back"
    assert wrong_far == []


def test_variants_without_context_are_not_misplaced_often(sy_gazetteer, sy_places):
    variants = make_variants(list(sy_places), SAMPLE)
    rate, wrong_far = _score(sy_gazetteer, variants, with_context=False)
    # Alone, namesakes make many answers "ambiguous" (honest); what must stay rare is a confident wrong answer.
    assert rate >= 0.6, f"{rate:.1%} resolved back"
    assert len(wrong_far) <= 0.02 * SAMPLE, wrong_far
