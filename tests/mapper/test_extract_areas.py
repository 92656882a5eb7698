"""A name that stands for an area is a region report (geo precision 3) for every kind of event; a list of named
villages, or a town's own "region", stays place-level."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.article import Article
from mapper.extract import extract_reports


def reports(sentence: str):
    return extract_reports(Article("t.txt", "t.txt", sentence, dt.date(2019, 12, 24)))


@pytest.mark.parametrize(("sentence", "mention", "event_type"), [
    ("The Syrian Army troops continued their advances in Idlib countryside on Monday.", "Idlib", "advance"),
    ("The militants used the village as a launching pad for mortar attacks on areas in southern Idlib.", "Idlib",
     "attack"),
    ("Government forces shelled villages in the western countryside of Aleppo on Monday.", "Aleppo", "attack"),
    ("Rebels attacked army positions in northern Hama countryside.", "Hama", "attack"),
    ("Russian jets struck parts of Kharkiv oblast overnight.", "Kharkiv", "attack"),
])
def test_area_names_are_regions_whatever_the_event(sentence, mention, event_type):
    found = [(r.mention, r.event_type, r.region, r.geo_precision) for r in reports(sentence)]
    assert (mention, event_type, True, 3) in found, found


@pytest.mark.parametrize(("sentence", "mention", "precision"), [
    ("On Monday, government forces liberated the villages of Um al-Khalakhil and al-Sayeer.", "Um al-Khalakhil", 1),
    ("The Syrian Army troops took full control of al-Tah region on Monday.", "al-Tah", 1),
    ("The army captured Saraqib on Monday.", "Saraqib", 1),
    ("The army shelled the outskirts of Saraqib on Monday.", "Saraqib", 2),
])
def test_named_places_stay_place_level(sentence, mention, precision):
    found = [(r.mention, r.region, r.geo_precision) for r in reports(sentence)]
    assert (mention, False, precision) in found, found


@pytest.mark.parametrize(("sentence", "mention", "region"), [
    # non-ASCII text before the name: the look-behind patterns run without the ASCII pre-check
    ("Les troupes — selon l’armée — shelled areas in southern Idlib.", "Idlib", True),
    ("Jets — again — struck villages in northern Hama.", "Hama", True),
    ("Jets — again — struck the governorate of Hama.", "Hama", True),
    ("Jets struck the town of Ḥamā near Kafr Nabl.", "Kafr Nabl", False),
    # ASCII text with neither "of" nor an area word before the name: the pre-check alone decides
    ("Jets struck Idlib on Monday.", "Idlib", False),
])
def test_area_detection_with_and_without_the_ascii_precheck(sentence, mention, region):
    found = {r.mention: r.region for r in reports(sentence)}
    assert found.get(mention) is region, found


# Every head of the "areas in X" pattern, so a head added to the regex but not to its pre-check words fails here.
@pytest.mark.parametrize("head", ["areas in", "area of", "parts across", "parts throughout", "villages in",
                                  "towns across", "positions throughout", "fronts in", "front in"])
def test_every_area_phrase_passes_its_pre_check(head):
    found = {r.mention: r.region for r in reports(f"Jets struck {head} southern Idlib on Monday.")}
    assert found.get("Idlib") is True, found
