"""Date expressions: absolute, yearless, relative to publication, relative to another date, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.extract.dates import find_dates

D = dt.date
TUE = D(2019, 12, 24)  # a Tuesday
WED = D(2019, 11, 27)  # a Wednesday


def only(text: str, published: dt.date | None):
    found = find_dates(text, published)
    assert len(found) == 1, [(m.info.expression, m.info) for m in found]
    m = found[0]
    assert text[m.start:m.end] == m.info.expression
    return m.info


@pytest.mark.parametrize(("text", "published", "day"), [
    ("The army moved on 24 December 2019.", None, D(2019, 12, 24)),
    ("Posted Nov. 25, 2019 by SANA.", None, D(2019, 11, 25)),
    ("— SANA (@SanaAjel) November 25, 2019", None, D(2019, 11, 25)),
    ("Updated 2019-12-24 at noon.", None, D(2019, 12, 24)),
    ("Fighting resumed on 24/12/2019.", None, D(2019, 12, 24)),
    ("Kherson was freed on 11 November 2022.", None, D(2022, 11, 11)),
    ("pull out heavy arms by October 17 2018", None, D(2018, 10, 17)),
    # yearless days take the publication year, or the year before when they would lie >14 days ahead
    ("The operation began on December 19.", TUE, D(2019, 12, 19)),
    ("Talks resume on December 30.", TUE, D(2019, 12, 30)),
    ("The offensive began on December 19.", D(2020, 1, 28), D(2019, 12, 19)),
    ("On August 5, the army declared an offensive.", WED, D(2019, 8, 5)),
    ("the 3rd of March", D(2023, 3, 10), D(2023, 3, 3)),
    ("by October 17 last year", WED, D(2018, 10, 17)),
    ("On August 5 last year, the army declared", D(2020, 1, 28), D(2019, 8, 5)),
    # weekdays: the most recent one on or before publication
    ("In a relevant development on Monday, troops advanced.", TUE, D(2019, 12, 23)),
    ("a statement said on Tuesday", TUE, D(2019, 12, 24)),
    ("On Sunday, SANA said", D(2020, 1, 28), D(2020, 1, 26)),
    ("On Monday, forces liberated", WED, D(2019, 11, 25)),
    ("On Sunday, forces succeeded", WED, D(2019, 11, 24)),
    ("fighting intensified on Wednesday", WED, D(2019, 11, 27)),
    ("last Wednesday", WED, D(2019, 11, 20)),
    ("next Monday", WED, D(2019, 12, 2)),
    ("yesterday", TUE, D(2019, 12, 23)),
    ("earlier today", TUE, D(2019, 12, 24)),
    ("the day before yesterday", TUE, D(2019, 12, 22)),
])
def test_days(text, published, day):
    info = only(text, published)
    assert (info.date, info.start, info.end, info.precision) == (day, day, day, "day")


@pytest.mark.parametrize(("text", "published", "start", "end", "precision"), [
    ("entered the towns in the past 24 hours", D(2020, 1, 28), D(2020, 1, 27), D(2020, 1, 28), "day"),
    ("In the past few days, our soldiers advanced", TUE, D(2019, 12, 20), TUE, "week"),
    ("over the past three days", TUE, D(2019, 12, 21), TUE, "week"),
    ("in recent days", TUE, D(2019, 12, 20), TUE, "week"),
    ("last week", TUE, D(2019, 12, 16), D(2019, 12, 22), "week"),
    ("earlier this week", TUE, D(2019, 12, 23), TUE, "week"),
    ("last month", TUE, D(2019, 11, 1), D(2019, 11, 30), "month"),
    ("last month", D(2020, 1, 28), D(2019, 12, 1), D(2019, 12, 31), "month"),
    ("this month", TUE, D(2019, 12, 1), TUE, "month"),
    ("in December 2019", None, D(2019, 12, 1), D(2019, 12, 31), "month"),
    ("in September", D(2022, 11, 16), D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("Since the start of the operation on December 19, the army", TUE, D(2019, 12, 19), TUE, "week"),
    ("last year", TUE, D(2018, 1, 1), D(2018, 12, 31), "unknown"),
])
def test_ranges(text, published, start, end, precision):
    info = only(text, published)
    assert (info.start, info.end, info.precision) == (start, end, precision)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("On December 21, drones hit a refinery. A day earlier, a cell killed 3 troops.", TUE,
     [D(2019, 12, 21), D(2019, 12, 20)]),
    ("pull out heavy arms by October 17 2018, with the groups having to withdraw two days earlier.", None,
     [D(2018, 10, 17), D(2018, 10, 15)]),
    ("On 3 May 2021 the town fell. The next day, rebels counter-attacked.", None, [D(2021, 5, 3), D(2021, 5, 4)]),
    ("It fell on Monday. Two days later the army left.", TUE, [D(2019, 12, 23), D(2019, 12, 25)]),
])
def test_relative_to_another_date(text, published, expected):
    assert [m.info.date for m in find_dates(text, published)] == expected


@pytest.mark.parametrize("text", [
    "on Monday", "December 19", "yesterday", "today", "in the past 24 hours", "over the past few days",
    "last week", "last month", "this month", "October 17 last year", "last year", "in September",
    "On December 21, drones hit. A day earlier, a cell struck.",
])
def test_without_publication_day_everything_relative_is_unknown(text):
    for m in find_dates(text, None):
        assert m.info.date is None and m.info.precision == "unknown", m.info


def test_ambiguous_numeric_date_is_not_guessed():
    assert only("on 03/04/2020", None).precision == "unknown"


def test_no_dates_in_plain_text():
    assert find_dates("The army advanced south of the city, residents said.", TUE) == []


def test_spans_and_order():
    text = "On Monday, and on 24 December 2019, and yesterday."
    found = find_dates(text, TUE)
    assert [text[m.start:m.end] for m in found] == ["Monday", "24 December 2019", "yesterday"]
