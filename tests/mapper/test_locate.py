"""locate_reports: mentions resolved with their article's other places, regions at admin areas, doubt kept."""

import pytest
from events_fixtures import FixtureGazetteer, make_report

from mapper.events import locate_reports


@pytest.fixture
def gazetteer():
    return FixtureGazetteer()


@pytest.mark.parametrize("mention, place_id, lat", [
    ("Jirjanaz", "t:jarjanaz", 35.61823),
    ("Jorjnaz", "t:jarjanaz", 35.61823),
    ("جرجناز", "t:jarjanaz", 35.61823),
    ("ضهرة الزرزور", "t:zarzour", 35.55278),
    ("Saraqib", "t:saraqib", 35.86472),
])
def test_named_place_is_located_exactly(gazetteer, mention, place_id, lat):
    result = locate_reports([make_report(mention)], gazetteer)
    (item,) = result.located
    assert (item.place.id, item.place.lat, item.geo_precision, item.rule) == (place_id, lat, 1, "exact")
    assert item.report.mention == mention
    assert result.unresolved == () and result.unlocated == ()


@pytest.mark.parametrize("mention, status, candidates", [
    ("al-Dana", "ambiguous", ("t:dana-idlib", "t:dana-hama")),
    ("Kafr Nowhere", "unresolved", ()),
    ("Idlib", "ambiguous", ("t:idlib-gov", "t:idlib-city")),  # a named place may be the town or the province
])
def test_doubtful_names_are_listed_with_their_sentence(gazetteer, mention, status, candidates):
    report = make_report(mention, article="b.txt", sentence=f"Rebels said {mention} fell.")
    result = locate_reports([report], gazetteer)
    assert result.located == ()
    assert [(u.report.mention, u.place, u.geo_precision) for u in result.unlocated] == [(mention, None, 1)]
    (item,) = result.unresolved
    assert (item.mention, item.status, item.candidates, item.article, item.sentence) == (
        mention, status, candidates, "b.txt", f"Rebels said {mention} fell.")


def test_region_reports_resolve_to_admin_units_or_stay_unlocated(gazetteer):
    reports = [make_report("Idlib", region=True), make_report("", region=True),
               make_report("Atlantis", region=True)]
    result = locate_reports(reports, gazetteer)
    (region,) = result.located
    assert (region.place.id, region.geo_precision) == ("t:idlib-gov", 3)
    assert [u.report.mention for u in result.unlocated] == ["", "Atlantis"]
    assert all(u.place is None and u.geo_precision == 3 for u in result.unlocated)
    assert [u.mention for u in result.unresolved] == ["Atlantis"]  # the named but unknown area is worth an overlay
    assert (["Idlib", "Atlantis"], frozenset({"admin unit"})) in gazetteer.calls


@pytest.mark.parametrize("area", ["Hama", "Hama countryside", "Hama province", "the countryside of Hama"])
def test_region_area_phrases_find_the_admin_unit_not_the_town(gazetteer, area):
    (region,) = locate_reports([make_report(area, region=True)], gazetteer).located
    assert (region.place.id, region.place.kind, region.geo_precision) == ("t:hama-gov", "admin unit", 3)


def test_each_article_is_resolved_as_one_context(gazetteer):
    reports = [make_report("Jirjanaz", article="a"), make_report("Saraqib", article="b"),
               make_report("al-Tah", article="a"), make_report("Jirjanaz", article="a")]
    result = locate_reports(reports, gazetteer)
    assert gazetteer.calls == [(["Jirjanaz", "al-Tah"], None), (["Saraqib"], None)]
    # output keeps input order
    assert [(i.report.evidence.article, i.place.id) for i in result.located] == [
        ("a", "t:jarjanaz"), ("b", "t:saraqib"), ("a", "t:tah"), ("a", "t:jarjanaz")]


def test_a_name_the_gazetteer_rejects_does_not_spoil_the_article(gazetteer):
    result = locate_reports([make_report("  "), make_report("al-Tah")], gazetteer)
    assert [i.place.id for i in result.located] == ["t:tah"]
    assert [(u.mention, u.status) for u in result.unresolved] == [("  ", "unresolved")]
