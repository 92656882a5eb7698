"""Score extracted control changes against a hand-made gold CSV: precision, recall, F1, misses, false alarms.

Gold CSV columns: ``article, place, date, controller``; optional ``date_precision`` (day/week/month/unknown; default
"day" when a date is given, else "unknown"), ``place_id``, ``lat``, ``lon``.

A prediction is one (event, article) pair for every control change of modality asserted or claimed and every
article among the event's sources: an event two articles report is two predictions, one for each. A gold row
matches a prediction when all hold:

- same article (file name, with or without its .txt/.md/.html suffix);
- same place: the gold ``place_id`` (or the gazetteer's answer for the gold name) equals the event's place id,
  or the two points are within 2 km; a gold row the gazetteer cannot place matches on spelling;
- same controller (case-insensitive);
- date within the gold row's precision: day = same day; week = within 3 days; month = same month; unknown = any.

Each prediction matches at most one gold row (greedy, in file order, closest date first). A day-precision gold
row that matches on everything but the date is a miss and is also listed in ``date_errors``.

Region events (geo precision 3: "over 40 villages in the countryside of Idlib", placed at the admin area) count
as true positives when a gold row names that area, but an unmatched one is not a false alarm: a gold file lists
places, and a claim about an unnamed set of villages can neither match nor contradict it. Such predictions are
listed in ``unscored_regions`` and left out of the precision denominator.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from gazetteer.errors import GazetteerError
from gazetteer.normalize import name_key
from mapper.errors import MapperError, Problem
from mapper.events.locate import REGION
from mapper.events.model import Event
from mapper.extract.model import CONTROL_CHANGE

REQUIRED_COLUMNS = ("article", "place", "date", "controller")
PRECISIONS = ("day", "week", "month", "unknown")
MATCH_KM = 2.0
_ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


class GoldError(MapperError, ValueError):
    """A gold CSV that cannot be used at all (unreadable, or lacking a required column)."""


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One expected control change, with the CSV line it came from."""

    line: int
    article: str
    place: str
    date: dt.date | None
    date_precision: str
    controller: str
    place_id: str = ""
    lat: float | None = None
    lon: float | None = None

    def __str__(self) -> str:
        when = self.date.isoformat() if self.date else "undated"
        return f"{self.article}: {self.place} -> {self.controller} ({when}, {self.date_precision}) [line {self.line}]"


@dataclass(frozen=True, slots=True)
class Prediction:
    """One extracted control change as one article reports it."""

    event: Event
    article: str

    def __str__(self) -> str:
        e = self.event
        when = e.date.isoformat() if e.date else "undated"
        return f"{self.article}: {e.place_name} -> {e.controller} ({when}, {e.date_precision}) [{e.id}]"


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """Scores and the lists behind them."""

    precision: float
    recall: float
    f1: float
    true_positives: tuple[tuple[GoldRow, Prediction], ...]
    misses: tuple[GoldRow, ...]
    false_alarms: tuple[Prediction, ...]
    date_errors: tuple[tuple[GoldRow, Prediction], ...]
    problems: tuple[Problem, ...] = ()
    unscored_regions: tuple[Prediction, ...] = ()


def _article_key(name: str) -> str:
    path = PurePath(name.strip())
    base = path.name
    if "#" not in base and path.suffix.lower() in _ARTICLE_SUFFIXES:
        base = path.stem
    return base.casefold()


def _text_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _parse_row(number: int, row: dict) -> GoldRow:
    def cell(key: str) -> str:
        return (row.get(key) or "").strip()

    article, place, controller = cell("article"), cell("place"), cell("controller")
    if not article or not place or not controller:
        raise ValueError("article, place and controller must not be empty")
    text, precision = cell("date"), cell("date_precision").lower()
    day = None
    if text:
        try:
            day = dt.date.fromisoformat(text) if len(text) > 7 else dt.date.fromisoformat(text + "-01")
        except ValueError:
            raise ValueError(f"date {text!r} is not YYYY-MM-DD (or YYYY-MM)") from None
        precision = precision or ("month" if len(text) <= 7 else "day")
    precision = precision or "unknown"
    if precision not in PRECISIONS:
        raise ValueError(f"date_precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    if day is None and precision != "unknown":
        raise ValueError(f"date_precision is {precision!r} but the date is empty")
    lat = lon = None
    if cell("lat") or cell("lon"):
        try:
            lat, lon = float(cell("lat")), float(cell("lon"))
        except ValueError:
            raise ValueError(f"lat/lon {cell('lat')!r}, {cell('lon')!r} are not numbers") from None
    return GoldRow(number, article, place, day, precision, controller, cell("place_id"), lat, lon)


def read_gold(path: Path) -> tuple[list[GoldRow], list[Problem]]:
    """Read a gold CSV; bad rows become problems (file, line, reason) and are skipped."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or []]
            missing = [c for c in REQUIRED_COLUMNS if c not in reader.fieldnames]
            if missing:
                raise GoldError(f"{path}: missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED_COLUMNS)})")
            rows, problems = [], []
            for row in reader:
                try:
                    rows.append(_parse_row(reader.line_num, row))
                except ValueError as e:
                    problems.append(Problem(str(path), str(e), reader.line_num))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise GoldError(f"{path}: cannot read the gold CSV: {e}") from e
    return rows, problems


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _gold_answers(rows: Sequence[GoldRow], gazetteer) -> dict[tuple[str, str], object]:
    """The gazetteer's answer for each gold (article, place name), the article's gold places as context,
    as the pipeline resolves an article's own mentions (two al-Dana: the one near the article's others)."""
    if gazetteer is None:
        return {}
    by_article: dict[str, list[str]] = {}
    for row in rows:
        by_article.setdefault(_article_key(row.article), []).append(row.place)
    answers = {}
    for article, names in by_article.items():
        names = list(dict.fromkeys(names))
        for name, answer in zip(names, gazetteer.resolve_all(names), strict=True):
            answers[(article, name)] = answer
    return answers


def _gold_location(row: GoldRow, gazetteer, answers: dict) -> tuple[set[str], tuple[float, float] | None]:
    """Place ids and a point the gold row stands for (either may be empty)."""
    ids = {row.place_id} if row.place_id else set()
    if row.lat is not None and row.lon is not None:
        return ids, (row.lat, row.lon)
    if gazetteer is None:
        return ids, None
    try:
        place = gazetteer.get(row.place_id) if row.place_id else None
        if place is None:
            answer = answers.get((_article_key(row.article), row.place))
            place = answer.place if answer is not None and answer.status == "resolved" else None
    except (GazetteerError, LookupError):
        place = None
    if place is None:
        return ids, None
    return ids | {place.id}, (place.lat, place.lon)


def _same_place(row: GoldRow, where: tuple[set[str], tuple[float, float] | None], event: Event) -> bool:
    ids, point = where
    if event.place is not None:
        if event.place.id in ids:
            return True
        if point is not None:
            return _km(point[0], point[1], event.place.lat, event.place.lon) <= MATCH_KM
    if point is None and not ids:
        # Neither side could be placed (a village no reference holds): the same name, however spelt, is a match.
        names = {name_key(m) for m in event.mentions} | {name_key(event.place_name)}
        return name_key(row.place) in names
    return False


def _date_gap(row: GoldRow, event: Event) -> int | None:
    """Days between the gold date and the event's date when within the gold precision, else None."""
    if row.date_precision == "unknown":
        return 0
    if event.date is None or row.date is None:
        return None
    gap = abs((event.date - row.date).days)
    if row.date_precision == "day":
        return gap if gap == 0 else None
    if row.date_precision == "week":
        return gap if gap <= 3 else None
    return gap if (event.date.year, event.date.month) == (row.date.year, row.date.month) else None


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def evaluate(gold_csv: Path, events: Sequence[Event], *, gazetteer=None) -> EvaluationResult:
    """Compare events with a gold CSV.

    Parameters
    ----------
    gold_csv : Path
        The gold file (see the module docstring for its columns).
    events : sequence of Event
        Merged events, located and unlocated (a name no source knows still counts as extracted, matched on
        spelling); only control changes of modality asserted or claimed are predictions.
    gazetteer : Gazetteer, optional
        Resolves gold place names (and ``place_id``) to places; without it, gold rows lacking lat/lon match
        on place id or spelling only.

    Returns
    -------
    EvaluationResult
        Precision and recall are 0.0 when their denominator is 0.

    Raises
    ------
    GoldError
        The gold file cannot be read or lacks a required column.
    """
    rows, problems = read_gold(Path(gold_csv))
    answers = _gold_answers(rows, gazetteer)
    predictions = [Prediction(e, article) for e in events
                   if e.event_type == CONTROL_CHANGE and e.modality in ("asserted", "claimed")
                   for article in dict.fromkeys(s.article for s in e.sources)]
    used: set[int] = set()
    matches, misses, date_errors = [], [], []
    for row in rows:
        where = _gold_location(row, gazetteer, answers)
        candidates = [i for i, p in enumerate(predictions) if i not in used
                      and _article_key(p.article) == _article_key(row.article)
                      and _text_key(p.event.controller or "") == _text_key(row.controller)
                      and _same_place(row, where, p.event)]
        dated = [(gap, i) for i in candidates if (gap := _date_gap(row, predictions[i].event)) is not None]
        if dated:
            _, best = min(dated)
            used.add(best)
            matches.append((row, predictions[best]))
            continue
        misses.append(row)
        if candidates and row.date_precision == "day":
            date_errors.append((row, predictions[candidates[0]]))
    unmatched = [p for i, p in enumerate(predictions) if i not in used]
    false_alarms = tuple(p for p in unmatched if p.event.geo_precision != REGION)
    regions = tuple(p for p in unmatched if p.event.geo_precision == REGION)
    precision = _ratio(len(matches), len(matches) + len(false_alarms))
    recall = _ratio(len(matches), len(rows))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvaluationResult(precision, recall, f1, tuple(matches), tuple(misses), false_alarms,
                            tuple(date_errors), tuple(problems), regions)
