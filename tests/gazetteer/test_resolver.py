"""Resolution on the fixture table: rules, context, ambiguity, rejection of far look-alikes, bad input."""

import pytest
from gazetteer_testdata import ALEPPO, PLACES_CSV, SOUTH_IDLIB

import gazetteer
from gazetteer import InvalidQuery, PlaceNotFound


@pytest.mark.parametrize(("name", "place_id", "rule"), [
    ("Jarjanaz", "fx:jarjanaz", "exact"),
    ("jarjanaz", "fx:jarjanaz", "exact"),
    ("جرجناز", "fx:jarjanaz", "exact"),
    ("Jorjnaz", "fx:jarjanaz", "skeleton"),
    ("Jirjanaz", "fx:jarjanaz", "skeleton"),
    ("Maaret al-Numan", "fx:maarat", "normalised"),
    ("Ma'arat al-No'eman", "fx:maarat", "skeleton"),
    ("Khan Sheikhoun", "fx:khan", "normalised"),
    ("Khan Sheikoun", "fx:khan", "fuzzy"),
    ("ضهرة الزرزور", "fx:zarzour", "skeleton"),  # Arabic script, Latin-only row
    ("Dhahret a-Zarzour", "fx:zarzour", "normalised"),
    ("Um Tina", "fx:ummtina", "exact"),
    ("Saraqeb", "fx:saraqib", "skeleton"),
])
def test_spellings_resolve_alone(fixture_gazetteer, name, place_id, rule):
    result = fixture_gazetteer.resolve(name)
    assert (result.status, result.place.id, result.rule) == ("resolved", place_id, rule)
    assert 0 < result.score <= 1


def test_arabic_to_latin_skeleton_with_context(fixture_gazetteer):
    # The Arabic spelling reaches a Latin-only row through the shared skeleton alphabet; context keeps it.
    result = fixture_gazetteer.resolve_all(["ضهرة الزرزور", "Khan Shaykhun", "al-Tah"])[0]
    assert (result.status, result.place.id, result.rule) == ("resolved", "fx:zarzour", "skeleton")


def test_repeated_name_is_ambiguous_without_context(fixture_gazetteer):
    result = fixture_gazetteer.resolve("al-Dana")
    assert result.status == "ambiguous" and result.place is None
    assert {c.place.id for c in result.candidates} == {"fx:dana-south", "fx:dana-north", "fx:dana-aleppo"}


@pytest.mark.parametrize(("name", "kwargs", "place_id"), [
    ("al-Dana", {"near": SOUTH_IDLIB}, "fx:dana-south"),
    ("al-Dana", {"near": (36.39, 37.45)}, "fx:dana-aleppo"),
    ("al-Dana", {"bbox": (37.3, 36.3, 37.6, 36.5)}, "fx:dana-aleppo"),
    ("Nairab", {"near": (35.86, 36.80)}, "fx:nairab-idlib"),
    ("Nayrab", {"near": ALEPPO}, "fx:nairab-aleppo"),
])
def test_context_picks_among_namesakes(fixture_gazetteer, name, kwargs, place_id):
    result = fixture_gazetteer.resolve(name, **kwargs)
    assert (result.status, result.place.id) == ("resolved", place_id)


def test_resolve_all_uses_the_articles_other_places(fixture_gazetteer):
    names = ["Maarat al-Numan", "al-Dana", "Jarjanaz", "Nairab", "Saraqib"]
    results = fixture_gazetteer.resolve_all(names)
    assert [r.query for r in results] == names
    assert [r.place.id for r in results] == ["fx:maarat", "fx:dana-south", "fx:jarjanaz", "fx:nairab-idlib",
                                            "fx:saraqib"]


@pytest.mark.parametrize("name", ["Farwan", "Hraki", "Ras al-Hisn", "Tal Haran"])
def test_unknown_names_are_not_misplaced(fixture_gazetteer, name):
    # Farwan has Afrin's skeleton, Hraki al-Hirak's; Ras al-Hisn looks like Ras al-Ayn. None is in the table.
    in_article = fixture_gazetteer.resolve_all(["Jarjanaz", "al-Tah", "Um Tina", name])[-1]
    alone = fixture_gazetteer.resolve(name)
    for result in (in_article, alone):
        assert result.status == "unresolved" and result.place is None


def test_loose_match_far_from_context_is_rejected(fixture_gazetteer):
    assert fixture_gazetteer.resolve("Afrine").place.id == "fx:afrin"
    assert fixture_gazetteer.resolve("Afrine", near=SOUTH_IDLIB).status == "unresolved"
    assert fixture_gazetteer.resolve("Afrine", bbox=(36.3, 35.3, 37.0, 36.0)).status == "unresolved"


def test_exact_match_outside_bbox_is_kept(fixture_gazetteer):
    result = fixture_gazetteer.resolve("Afrin", bbox=(36.3, 35.3, 37.0, 36.0))
    assert (result.status, result.place.id) == ("resolved", "fx:afrin")


@pytest.mark.parametrize(("kinds", "status"), [({"hill"}, "resolved"), ({"populated place"}, "unresolved")])
def test_kinds_filter(fixture_gazetteer, kinds, status):
    assert fixture_gazetteer.resolve("Tell al-Sayyad", kinds=kinds).status == status


def test_same_place_from_two_sources_is_not_ambiguous(tmp_path):
    overlay = tmp_path / "dup.csv"
    overlay.write_text("id,name,lat,lon\nwikimap:jarjanaz,Jarjanaz,35.6250,36.7850\n", encoding="utf-8")
    gaz = gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False, overlays=[overlay])
    result = gaz.resolve("Jarjanaz")
    assert result.status == "resolved" and result.place.id in {"fx:jarjanaz", "wikimap:jarjanaz"}


@pytest.mark.parametrize("bad", ["", "x" * 10_000, "Jarjanaz\x07", "Jarjanaz جرجناز"])
def test_bad_input(fixture_gazetteer, bad):
    with pytest.raises(InvalidQuery):
        fixture_gazetteer.resolve(bad)
    assert fixture_gazetteer.resolve_all([bad, "Jarjanaz"])[0].status == "unresolved"
    assert fixture_gazetteer.is_known(bad) is False


@pytest.mark.parametrize(("name", "known"), [
    ("Jarjanaz", True), ("JORJNAZ", True), ("معرة النعمان", True), ("Khan Sheikhoun", True), ("the army", False),
    ("Sochi", False),
])
def test_is_known(fixture_gazetteer, name, known):
    assert fixture_gazetteer.is_known(name) is known


def test_get_len_iter(fixture_gazetteer):
    assert fixture_gazetteer.get("fx:tah").lat == pytest.approx(35.541)
    with pytest.raises(PlaceNotFound):
        fixture_gazetteer.get("fx:nowhere")
    with pytest.raises(LookupError):
        fixture_gazetteer.get("")
    assert len(fixture_gazetteer) == 17 == len({p.id for p in fixture_gazetteer})


def test_json_shape(fixture_gazetteer):
    data = fixture_gazetteer.resolve("Jorjnaz").to_dict()
    assert data["place"] == {"id": "fx:jarjanaz", "name": "Jarjanaz", "lat": 35.61823, "lon": 36.78281,
                             "kind": "populated place", "source": "bundled"}
    assert set(data) == {"query", "status", "place", "score", "rule", "candidates"}
