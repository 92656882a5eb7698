"""merge_events: one event per place, side, type and spell of days, with all its sources."""

import datetime as dt

import pytest
from events_fixtures import FixtureGazetteer, make_report

from mapper.events import locate_reports, merge_events

D = dt.date.fromisoformat


def merged(reports, **kwargs):
    located = locate_reports(reports, FixtureGazetteer())
    assert located.unresolved == ()
    return merge_events(located.located, **kwargs)


def summary(events):
    return [(e.place_name, e.controller, e.date and e.date.isoformat(), e.corroboration, e.mentions) for e in events]


CASES = {
    "two articles, same side, 2 days apart": (
        [make_report("Saraqib", article="a", when="2020-02-06"),
         make_report("Saraqib", article="b", when="2020-02-08")],
        [("Saraqib", "government", "2020-02-06", 2, ("Saraqib",))],
    ),
    "Latin and Arabic spellings": (
        [make_report("Dhahret a-Zarzour", article="a", when="2019-11-25"),
         make_report("ضهرة الزرزور", article="a", when="2019-11-25")],
        [("Dhahret a-Zarzour", "government", "2019-11-25", 1, ("Dhahret a-Zarzour", "ضهرة الزرزور"))],
    ),
    "change back is a new event": (
        [make_report("Saraqib", article="a", when="2020-02-06"),
         make_report("Saraqib", article="b", when="2020-02-27", controller="opposition")],
        [("Saraqib", "government", "2020-02-06", 1, ("Saraqib",)),
         ("Saraqib", "opposition", "2020-02-27", 1, ("Saraqib",))],
    ),
    "A -> B -> A within days: three events": (
        [make_report("Saraqib", article="a", when="2020-02-06"),
         make_report("Saraqib", article="b", when="2020-02-07", controller="opposition"),
         make_report("Saraqib", article="c", when="2020-02-08")],
        [("Saraqib", "government", "2020-02-06", 1, ("Saraqib",)),
         ("Saraqib", "opposition", "2020-02-07", 1, ("Saraqib",)),
         ("Saraqib", "government", "2020-02-08", 1, ("Saraqib",))],
    ),
    "same side beyond the window: two events": (
        [make_report("Saraqib", article="a", when="2020-02-01"),
         make_report("Saraqib", article="b", when="2020-02-06")],
        [("Saraqib", "government", "2020-02-01", 1, ("Saraqib",)),
         ("Saraqib", "government", "2020-02-06", 1, ("Saraqib",))],
    ),
    "undated merges with the dated report of its article": (
        [make_report("Jirjanaz", article="a", when=None),
         make_report("Jorjnaz", article="a", when="2019-12-23")],
        [("Jarjanaz", "government", "2019-12-23", 1, ("Jirjanaz", "Jorjnaz"))],
    ),
    "undated reports of two articles merge with each other, not with another article's date": (
        [make_report("al-Tah", article="a", when="2019-12-23"),
         make_report("al-Tah", article="b", when=None),
         make_report("Al Tah", article="c", when=None)],
        [("al-Tah", "government", "2019-12-23", 1, ("al-Tah",)),
         ("al-Tah", "government", None, 2, ("al-Tah", "Al Tah"))],
    ),
    "day beats week; two reports in one article count once": (
        [make_report("Jirjanaz", article="a", when="2019-12-24", precision="week"),
         make_report("Jorjnaz", article="a", when="2019-12-23")],
        [("Jarjanaz", "government", "2019-12-23", 1, ("Jirjanaz", "Jorjnaz"))],
    ),
    "attempted is kept apart from the asserted capture": (
        [make_report("Saraqib", article="a", when="2020-02-05", modality="attempted"),
         make_report("Saraqib", article="a", when="2020-02-06")],
        [("Saraqib", "government", "2020-02-05", 1, ("Saraqib",)),
         ("Saraqib", "government", "2020-02-06", 1, ("Saraqib",))],
    ),
}


@pytest.mark.parametrize("reports, expected", CASES.values(), ids=CASES.keys())
def test_merge_cases(reports, expected):
    assert summary(merged(reports)) == expected


def test_conflicting_days_are_a_flagged_range_with_the_majority_day():
    events = merged([make_report("al-Tah", article="a", when="2019-12-23"),
                     make_report("al-Tah", article="b", when="2019-12-25"),
                     make_report("al-Tah", article="c", when="2019-12-25")])
    (event,) = events
    assert (event.date, event.date_start, event.date_end, event.date_precision) == (
        D("2019-12-25"), D("2019-12-23"), D("2019-12-25"), "day")
    assert event.flags == ("conflicting_dates",)
    assert event.corroboration == 3
    assert [s.article for s in event.sources] == ["a", "b", "c"]


def test_merged_event_keeps_sources_attributions_and_strongest_modality():
    events = merged([make_report("Saraqib", article="a", modality="claimed", attribution="SOHR", source="AFP"),
                     make_report("Saraqib", article="b", attribution="SANA", source="SANA"),
                     make_report("Saraqib", article="b", attribution="SANA", source="SANA")])
    (event,) = events
    assert event.modality == "asserted"
    assert event.attributions == ("SOHR", "SANA")
    assert len(event.sources) == 2  # the identical repeated evidence is kept once
    assert (event.place.id, event.geo_precision, event.event_type) == ("t:saraqib", 1, "control_change")


def test_attacks_do_not_merge_into_control_changes():
    events = merged([make_report("Saraqib", event_type="attack", controller=None),
                     make_report("Saraqib")])
    assert sorted(e.event_type for e in events) == ["attack", "control_change"]


def test_ids_are_stable_unique_and_order_is_date_place_id():
    reports = [make_report("Saraqib", article="a", when="2020-02-06"),
               make_report("al-Tah", article="a", when="2019-12-23"),
               make_report("Jirjanaz", article="b", when=None),
               make_report("Jirjanaz", article="b", when="2019-12-23", event_type="attack")]
    first, second = merged(reports), merged(list(reversed(reports)))
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == 4 and all(len(e.id) == 12 for e in first)
    assert [(e.place_name, e.date) for e in first] == [
        ("al-Tah", D("2019-12-23")), ("Jarjanaz", D("2019-12-23")), ("Saraqib", D("2020-02-06")), ("Jarjanaz", None)]


def test_window_days_is_respected_and_checked():
    reports = [make_report("Saraqib", article="a", when="2020-02-01"),
               make_report("Saraqib", article="b", when="2020-02-06")]
    assert len(merged(reports, window_days=5)) == 1
    with pytest.raises(ValueError, match="window_days"):
        merged(reports, window_days=-1)
