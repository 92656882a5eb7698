"""Shared test values for the events stage: a small fixture gazetteer and a Report builder.

The fixture gazetteer has the methods the real one offers (``resolve``, ``resolve_all``, ``get``) and matches on
the exact name or alias (case-insensitive), so these tests do not depend on the real resolver's scoring.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from gazetteer.errors import InvalidQuery, PlaceNotFound
from gazetteer.place import Place
from gazetteer.resolution import Candidate, Resolution
from mapper.extract.model import CONTROL_CHANGE, DateInfo, Evidence, Report

DATA = Path(__file__).resolve().parents[1] / "data"
PLACES_CSV = DATA / "events_places.csv"


class FixtureGazetteer:
    """Exact-spelling gazetteer over ``tests/data/events_places.csv``; records resolve_all calls."""

    def __init__(self, path: Path = PLACES_CSV):
        with open(path, encoding="utf-8", newline="") as handle:
            self.places = [Place(r["id"], r["name"], float(r["lat"]), float(r["lon"]), kind=r["kind"],
                                 aliases=tuple(a for a in r["aliases"].split("|") if a), source="fixture",
                                 source_id=r["id"]) for r in csv.DictReader(handle)]
        self.calls: list[tuple[list[str], frozenset | None]] = []

    def get(self, place_id: str) -> Place:
        for place in self.places:
            if place.id == place_id:
                return place
        raise PlaceNotFound(place_id)

    def resolve(self, name, *, near=None, bbox=None, context=(), kinds=None) -> Resolution:
        if not name or not name.strip():
            raise InvalidQuery("empty name")
        key = name.casefold().strip()
        found = [p for p in self.places if key in {p.name.casefold(), *(a.casefold() for a in p.aliases)}
                 and (kinds is None or p.kind in kinds)]
        candidates = tuple(Candidate(p, 1.0, "exact") for p in found)
        if len(found) == 1:
            return Resolution(name, "resolved", found[0], 1.0, "exact", candidates)
        if found:
            return Resolution(name, "ambiguous", None, 1.0, "exact", candidates)
        return Resolution(name, "unresolved", None, 0.0, "")

    def resolve_all(self, names, *, near=None, bbox=None, kinds=None) -> list[Resolution]:
        self.calls.append((list(names), frozenset(kinds) if kinds else None))
        return [self.resolve(n, near=near, bbox=bbox, kinds=kinds) for n in names]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def date_info(when: str | None, precision: str = "day") -> DateInfo:
    """``"2019-12-23"`` (day), ``("2019-12-17", "2019-12-23")``-like via precision week/month, or None (unknown)."""
    if when is None:
        return DateInfo.unknown()
    if precision == "day":
        return DateInfo.day(day(when))
    if precision == "week":
        end = day(when)
        return DateInfo(end, end - dt.timedelta(days=6), end, "week", "last week")
    first = day(when).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return DateInfo(first, first, last, "month", "in December")


def make_report(mention: str, *, article: str = "a1.txt", when: str | None = "2019-12-23", precision: str = "day",
                controller: str | None = "government", event_type: str = CONTROL_CHANGE, modality: str = "asserted",
                sentence: str | None = None, span: tuple[int, int] = (0, 0), source: str | None = "SANA",
                attribution: str | None = None, region: bool = False) -> Report:
    sentence = sentence or f"The army took {mention}."
    evidence = Evidence(article, source, f"https://example.org/{article}", day("2019-12-24"), sentence, span)
    return Report(mention, event_type, controller, modality, date_info(when, precision), evidence,
                  attribution=attribution, region=region)


def toy_extract_reports(article, *, is_place=None) -> list:
    """A stand-in extractor for the CLI tests: "<Side> took <Name>." sentences, dated on the publication day.

    It lets the command tests check the wiring (files read, events written, problems and exit status) without
    depending on the real extractor's rules.
    """
    import re

    reports = []
    for match in re.finditer(r"(Rebels|The army) took ([^.]+)\.", article.text):
        side = "opposition" if match.group(1) == "Rebels" else "government"
        when = DateInfo.day(article.published) if article.published else DateInfo.unknown()
        evidence = Evidence(article.id, article.source, article.url, article.published, match.group(0),
                            match.span(2), article.title)
        reports.append(Report(match.group(2), CONTROL_CHANGE, side, "asserted", when, evidence))
    return reports


def write_toy_articles(folder: Path) -> Path:
    """Three articles with front matter and one empty file (a problem) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text("---\npublished: 2019-12-23\nsource: SANA\n---\nThe army took Jorjnaz. "
                                 "The army took Kafr Nowhere.\n", encoding="utf-8")
    (folder / "b.txt").write_text("---\npublished: 2019-12-24\nsource: AFP\n---\nThe army took Jirjanaz.\n",
                                  encoding="utf-8")
    (folder / "c.txt").write_text("---\npublished: 2020-02-27\nsource: SOHR\n---\nRebels took Saraqib.\n",
                                  encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder
