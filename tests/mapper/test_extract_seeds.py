"""The five seed articles: every control change they state (read by hand), and the non-events they contain.

Truth decided from reading the seeds (publication days from the manifest the lead gave):
- 000 (2019-12-24, a Tuesday): the statement's list (Um Tina ... Tal Assayed) carries no date of its own; its
  source, the army statement, "said on Tuesday": the week up to Tuesday (precision week, date = Tuesday).  Jorjnaz and al-Tah
  take "on Monday" from the sentence before them in the same paragraph; "al-Tah region" in a paragraph with no date
  stays unknown; Seyedi Ali ... Kharbat Ma’arat "on Monday".  Ma’arat al-No’eman "could fall": expected only.
- 001 (2020-01-27, a Monday): Ma’asaran and al-Sawami’a on Monday; the four towns entered "in the past 24 hours" (day
  precision, the publication day).
- 002: only unnamed villages (region reports).
- 003: al-Tah, named among "over two dozen villages" liberated since December 19 (a week range).
- 004 (2019-11-27): Khan Sheikoun undated; four places on Monday, the SANA tweet's three (in Arabic) on the
  tweet's day, al-Musheirifa again on Sunday.  Maarat al-Numan: attempted only.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from mapper.article import Article
from mapper.extract import CONTROL_CHANGE, extract_reports

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = dt.date


def _manifest_days() -> dict[str, dt.date | None]:
    """Publication days as seeds/manifest.csv gives them (the acceptance is "given the manifest")."""
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return {row["file"][:3]: dt.date.fromisoformat(row["published"]) if row["published"] else None
                for row in csv.DictReader(handle)}


PUBLISHED = _manifest_days()
TUE_000 = D(2019, 12, 24)  # the statement's day: the list is dated "the week up to it"
MON_000, MON_001, MON_004, SUN_004 = D(2019, 12, 23), D(2020, 1, 27), D(2019, 11, 25), D(2019, 11, 24)

TRUTH = {
    "000": {("Um Tina", TUE_000), ("Abu Sharqi", TUE_000), ("Sha’ara", TUE_000), ("Farwan", TUE_000),
            ("Hraki", TUE_000), ("Abu Dafnah", TUE_000), ("Tal Haran", TUE_000), ("Jirjanaz", TUE_000),
            ("Tal Assayed", TUE_000),
            ("Jorjnaz", MON_000), ("al-Tah", MON_000), ("al-Tah", None), ("Seyedi Ali", MON_000),
            ("Ja’afar", MON_000), ("Fa’aloul", MON_000), ("Kharbat Ma’arat", MON_000)},
    "001": {("Ma’asaran", MON_001), ("al-Sawami’a", MON_001), ("Ma’ar Shourin", D(2020, 1, 27)),
            ("al-Za’alana", D(2020, 1, 27)), ("al-Ghadfeh", D(2020, 1, 27)), ("al-Dana", D(2020, 1, 27))},
    "002": set(),
    "003": {("al-Tah", None)},
    "004": {("Khan Sheikoun", None), ("Um al-Khalakhil", MON_004), ("Dhahret a-Zarzour", MON_004),
            ("al-Sayeer", MON_004), ("al-Musheirifa", MON_004), ("ضهرة الزرزور", MON_004), ("الصير", MON_004),
            ("المشيرفة", MON_004), ("al-Musheirifa", SUN_004)},
}


def seed(prefix: str, published: dt.date | None | str = "manifest") -> tuple[Article, list]:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    day = PUBLISHED[prefix] if published == "manifest" else published
    article = Article(paths[0].name, str(paths[0]), paths[0].read_text(encoding="utf-8"), day, source="seed")
    return article, extract_reports(article)


def control_changes(reports):
    return [r for r in reports if r.event_type == CONTROL_CHANGE and r.modality in ("asserted", "claimed")]


@pytest.mark.parametrize("prefix", sorted(TRUTH))
def test_seed_control_changes(prefix):
    _, reports = seed(prefix)
    named = {(r.mention, r.date.date) for r in control_changes(reports) if not r.region}
    assert named == TRUTH[prefix]
    assert {r.controller for r in control_changes(reports)} <= {"government"}


@pytest.mark.parametrize("prefix", sorted(TRUTH))
def test_seed_spans_spell_the_mentions(prefix):
    article, reports = seed(prefix)
    for r in reports:
        assert article.text[slice(*r.evidence.span)].replace("_", " ") == r.mention
        assert r.evidence.sentence in article.text


@pytest.mark.parametrize(("prefix", "place", "event_type", "modality"), [
    ("000", "Ma’arat al-No’eman", CONTROL_CHANGE, "expected"),
    ("003", "Maarat al-Numan", "advance", "expected"),
    ("003", "Jarjanaz", "advance", "expected"),
    ("004", "Maarat al-Numan", CONTROL_CHANGE, "attempted"),
    ("003", "Ras Elhisn", "attack", "asserted"),
    ("003", "Babsqa", "attack", "asserted"),
    ("003", "Kafar Aweed", "attack", "asserted"),
    ("003", "Khanasir", "attack", "asserted"),
    ("003", "Daraa", "attack", "claimed"),
])
def test_seed_non_events(prefix, place, event_type, modality):
    _, reports = seed(prefix)
    about = [(r.event_type, r.modality) for r in reports if r.mention == place]
    assert about == [(event_type, modality)]


def test_seed_003_isis_attacks_are_dated_and_attributed_to_isis():
    _, reports = seed("003")
    got = {r.mention: (r.controller, r.date.date) for r in reports if r.event_type == "attack" and r.controller == "ISIS"}
    assert got["Khanasir"] == ("ISIS", D(2019, 12, 20))
    assert got["Homs"] == ("ISIS", D(2019, 12, 21))
    assert got["Daraa"] == ("ISIS", D(2019, 12, 22))


def test_seed_000_sources():
    _, reports = seed("000")
    sources = {r.mention: r.attribution for r in control_changes(reports) if not r.region}
    assert sources["Um Tina"] == "army statement"
    assert sources["Seyedi Ali"] == "A Syrian military source"


def test_seed_region_reports():
    _, reports = seed("002")
    regions = [(r.mention, r.controller) for r in control_changes(reports) if r.region]
    assert ("Idlib", "government") in regions and all(r.region for r in control_changes(reports))


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_dates_unknown_without_publication_day(prefix):
    _, reports = seed(prefix, None)
    for r in reports:
        if r.mention in ("ضهرة الزرزور", "الصير", "المشيرفة"):
            assert r.date.date == MON_004  # the tweet signature carries its own year
        else:
            assert (r.date.date, r.date.precision) == (None, "unknown"), (r.mention, r.date)


def test_seed_000_statement_list_is_dated_by_the_statement():
    _, reports = seed("000")
    [um_tina] = [r for r in reports if r.mention == "Um Tina"]
    assert (um_tina.date.date, um_tina.date.start, um_tina.date.precision) == (D(2019, 12, 24), D(2019, 12, 18), "week")
    [khan] = [r for r in seed("004")[1] if r.mention == "Khan Sheikoun"]
    assert khan.date.precision == "unknown"  # "Reuters reported that fighting intensified on Wednesday": not a dated statement
