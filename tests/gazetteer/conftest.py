"""Shared gazetteer fixtures: a small table of real-looking places and the paths of the data files."""

import pytest
from gazetteer_testdata import PLACES_CSV, REFERENCE_SY

import gazetteer


@pytest.fixture(scope="session")
def fixture_gazetteer() -> gazetteer.Gazetteer:
    return gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False)


@pytest.fixture(scope="session")
def sy_places():
    """The reference SY.txt parsed (skips when the reference data is absent)."""
    if not REFERENCE_SY.exists():
        pytest.skip(f"reference GeoNames file {REFERENCE_SY} is absent (present in CI)")
    from gazetteer.sources.geonames import read_geonames

    return read_geonames(REFERENCE_SY).places
