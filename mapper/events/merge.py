"""Merge located reports into events: one event per place, side, type and spell of days.

Rules (issue 3, "Merging"):

- Reports merge when they name the same place (place id; the mention's normalised spelling for unplaced ones)
  at the same geo precision, the same event type and the same controller, and their date ranges lie within
  ``window_days`` of each other. Geo precision is part of the key because taking "the farms around X" (2) is not
  taking X (1), and a region (3) is not its admin town.
- Control changes of a place form a timeline: a report for another controller closes the current spell, so a
  change back (A -> B) and a return (A -> B -> A) are new events, never merges.
- Attempted, expected and denied reports keep their own modality and never merge into asserted/claimed ones.
- An undated report joins a dated event of the same place, side and type from the same article; with none, the
  undated reports of that place/side/type merge with each other. Undated reports are never attached to another
  article's dated event: that would be a guess.
- The merged date is the most precise one (day > week > month > unknown); among days, the day most reports give
  (ties: the earliest). Different days are kept as ``date_start..date_end`` and flagged ``conflicting_dates``.
- ``corroboration`` counts distinct articles, not outlets: outlet names are often missing and two articles of
  one outlet are still two reports; the outlets stay visible in ``sources``.
- ``Event.id`` is a short hash of (place key, event type, controller, start day or "undated"), so the same input
  gives the same ids; events come sorted by (date, place name, id).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from gazetteer.normalize import skeleton
from mapper.events.locate import EXACT, LocatedReport
from mapper.events.model import Event
from mapper.extract.model import CONTROL_CHANGE, Evidence, Report

_MODALITY_RANK = {"asserted": 0, "claimed": 1}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
_FACT = "fact"  # the modality group of asserted and claimed reports


@dataclass(slots=True)
class _Spell:
    """Reports being merged into one event (mutable while clustering only)."""

    controller: str | None
    members: list[int] = field(default_factory=list)
    end: dt.date | None = None


def _text_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


#: A name no source knows merges with its other spellings on the consonant skeleton, which Latin and Arabic script
#: share (Dhahret a-Zarzour / ضهرة الزرزور: "dhrtzrzr"). Shorter skeletons ("sr") are too common to join two
#: articles' names; they join spellings within one article only (al-Sayeer / الصير in one report).
MIN_GLOBAL_SKELETON = 4


def _place_key(item: LocatedReport) -> str:
    if item.place is not None:
        return item.place.id
    mention = item.report.mention.strip()
    if mention:
        shape = skeleton(mention)
        if len(shape) >= MIN_GLOBAL_SKELETON:
            return "skeleton:" + shape
        if shape:
            return f"skeleton:{shape}@{item.report.evidence.article}"
        return "mention:" + _text_key(mention)
    # An unnamed region only merges within its own article: two articles' "many villages" need not be the same.
    return "unnamed:" + item.report.evidence.article


def _modality_group(modality: str) -> str:
    return _FACT if modality in _MODALITY_RANK else modality


def _date_range(item: LocatedReport) -> tuple[dt.date, dt.date] | None:
    info = item.report.date
    if info.precision == "unknown":
        return None
    start = info.start or info.date
    end = info.end or info.date or start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def _cluster(indexes: list[int], ranges: dict[int, tuple[dt.date, dt.date]], items, *, timeline: bool,
             window: dt.timedelta) -> list[_Spell]:
    """Cluster dated reports sorted by start. ``timeline``: any other controller closes the current spell."""
    spells: list[_Spell] = []
    open_spell: dict[str | None, _Spell] = {}
    for i in sorted(indexes, key=lambda i: (ranges[i][0], ranges[i][1], i)):
        start, end = ranges[i]
        controller = items[i].report.controller
        last = (spells[-1] if spells else None) if timeline else open_spell.get(controller)
        if last is not None and last.controller == controller and start <= last.end + window:
            last.members.append(i)
            last.end = max(last.end, end)
        else:
            spell = _Spell(controller, [i], end)
            spells.append(spell)
            open_spell[controller] = spell
    return spells


def _attach_undated(undated: list[int], spells: list[_Spell], items) -> list[_Spell]:
    """Undated reports join a same-article dated spell of their controller, else each other."""
    if not undated:  # the usual case: nothing to attach, so no per-article table to build
        return spells
    # (controller, article) -> reports of that article in each spell; built once so this stays linear.
    shares: dict[tuple, Counter] = {}
    for number, spell in enumerate(spells):
        for j in spell.members:
            key = (spell.controller, items[j].report.evidence.article)
            shares.setdefault(key, Counter())[number] += 1
    leftovers: dict[str | None, _Spell] = {}
    for i in undated:
        report = items[i].report
        counts = shares.get((report.controller, report.evidence.article))
        if counts:
            # most reports from this article; ties go to the earliest spell
            best = min(counts, key=lambda number: (-counts[number], number))
            spells[best].members.append(i)
        else:
            leftovers.setdefault(report.controller, _Spell(report.controller)).members.append(i)
    return spells + list(leftovers.values())


def _merged_date(members: list[LocatedReport]) -> tuple[dt.date | None, dt.date | None, dt.date | None, str, bool]:
    """(date, start, end, precision, conflicting) of a spell."""
    dated = [m.report.date for m in members if _date_range(m) is not None]
    if not dated:
        return None, None, None, "unknown", False
    if len(dated) == 1:  # most events have one dated report: what the general case below gives for one
        d = dated[0]
        if d.precision == "day":
            day = d.date or d.start
            return day, day, day, "day", False
        start = d.start or d.date
        return d.date or start, start, d.end or d.date, d.precision, False
    precision = min((d.precision for d in dated), key=lambda p: _PRECISION_RANK.get(p, 9))
    if precision == "day":
        days = Counter(d.date or d.start for d in dated if d.precision == "day")
        day = min(days, key=lambda d: (-days[d], d))
        return day, min(days), max(days), "day", len(days) > 1
    ranges = Counter((d.start or d.date, d.end or d.date, d.date) for d in dated if d.precision == precision)
    start, end, day = min(ranges, key=lambda r: (-ranges[r], r[0], r[1]))
    return day or start, start, end, precision, False


def _event_id(place_key: str, event_type: str, controller: str | None, start: dt.date | None, extra: str) -> str:
    key = "|".join((place_key, event_type, controller or "", start.isoformat() if start else "undated", extra))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _combine(reports: list[Report]) -> tuple:
    """(modality, mentions, sources, corroboration, attributions, sub-event type) of several reports, in one pass."""
    modality = reports[0].modality
    mentions: dict[str, None] = {}
    sources: dict[Evidence, None] = {}
    articles: set[str] = set()
    attributions: dict[str, None] = {}
    sub_event_type = ""
    for report in reports:
        if _MODALITY_RANK.get(report.modality, 9) < _MODALITY_RANK.get(modality, 9):
            modality = report.modality  # the first of the strongest, as min() would pick
        if report.mention.strip():
            mentions[report.mention] = None
        sources[report.evidence] = None
        articles.add(report.evidence.article)
        if report.attribution:
            attributions[report.attribution] = None
        if not sub_event_type and report.sub_event_type:
            sub_event_type = report.sub_event_type
    return modality, tuple(mentions), tuple(sources), len(articles), tuple(attributions), sub_event_type


def _build_event(members: list[LocatedReport], place_key: str, modality_group: str) -> Event:
    first = members[0]
    report = first.report
    if len(members) == 1:
        # Most events have a single report: what _combine gives for one, without its containers (this runs once
        # per event, and the containers cost more than the work).
        mentions = (report.mention,) if report.mention.strip() else ()
        modality, sources, corroboration = report.modality, (report.evidence,), 1
        attributions = (report.attribution,) if report.attribution else ()
        sub_event_type = report.sub_event_type or ""
    else:
        modality, mentions, sources, corroboration, attributions, sub_event_type = _combine(
            [m.report for m in members])
    date, start, end, precision, conflicting = _merged_date(members)
    extra = "" if modality_group == _FACT else modality_group
    if first.geo_precision != EXACT:
        extra += f"|geo{first.geo_precision}"
    return Event(
        id=_event_id(place_key, report.event_type, report.controller, start, extra),
        place=first.place,
        place_name=first.place.name if first.place is not None else (mentions[0] if mentions else ""),
        mentions=mentions,
        geo_precision=first.geo_precision,
        event_type=report.event_type,
        controller=report.controller,
        modality=modality,
        date=date,
        date_start=start,
        date_end=end,
        date_precision=precision,
        sources=sources,
        corroboration=corroboration,
        attributions=attributions,
        flags=("conflicting_dates",) if conflicting else (),
        sub_event_type=sub_event_type,
    )


def sort_key(event: Event) -> tuple:
    """The output order: (date, place name case-insensitively, id), undated last."""
    return (event.date is None, event.date or dt.date.min, event.place_name.casefold(), event.place_name, event.id)


#: Sorts after every day's ordinal: where sort_key has (True, date.min) for an undated event.
_UNDATED = dt.date.max.toordinal() + 1


def _full_order(event: Event) -> tuple:
    """:func:`sort_key`, then what tells apart events that tie on it; the same order, cheaper to sort by.

    The day is an int ordinal (undated: :data:`_UNDATED`) rather than sort_key's (bool, date) pair: list.sort
    compares int first items with a fast path and reaches the rest of the tuple only on a tie.
    """
    first = event.sources[0]
    day = event.date.toordinal() if event.date is not None else _UNDATED
    return (day, event.place_name.casefold(), event.place_name, event.id, event.modality, event.geo_precision,
            first.article, first.span)


def merge_events(located: Sequence[LocatedReport], *, window_days: int = 4) -> list[Event]:
    """Merge located reports into events (see the module docstring for the rules).

    Parameters
    ----------
    located : sequence of LocatedReport
        Input order decides "first seen" (mention and source order); ``place`` may be None (unlocated reports
        merge on their spelling).
    window_days : int
        Largest gap in days between two reports' date ranges that still makes them one event.

    Returns
    -------
    list of Event
        Sorted by (date, place name, id); ids are unique.
    """
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, got {window_days}")
    window = dt.timedelta(days=window_days)
    groups: dict[tuple, list[int]] = {}
    for i, item in enumerate(located):
        report = item.report
        place_key = item.place.id if item.place is not None else _place_key(item)  # inlined: once per report
        key = (place_key, item.geo_precision, report.event_type, _modality_group(report.modality))
        group = groups.get(key)
        if group is None:
            groups[key] = [i]
        else:
            group.append(i)

    events: list[Event] = []
    for (place_key, _precision, event_type, modality_group), indexes in groups.items():
        if len(indexes) == 1:  # most groups: one report, one event (what the clustering below gives for it)
            events.append(_build_event([located[indexes[0]]], place_key, modality_group))
            continue
        ranges = {i: r for i in indexes if (r := _date_range(located[i])) is not None}
        undated = [i for i in indexes if i not in ranges]
        dated = list(ranges)
        if event_type == CONTROL_CHANGE:
            # A side-less report cannot show a change back, so it does not break the timeline of the others.
            sided = [i for i in dated if located[i].report.controller is not None]
            sideless = [i for i in dated if located[i].report.controller is None]
            spells = _cluster(sided, ranges, located, timeline=True, window=window)
            spells += _cluster(sideless, ranges, located, timeline=False, window=window)
        else:
            spells = _cluster(dated, ranges, located, timeline=False, window=window)
        for spell in _attach_undated(undated, spells, located):
            members = [located[i] for i in sorted(spell.members)]
            events.append(_build_event(members, place_key, modality_group))

    events.sort(key=_full_order)
    seen: dict[str, int] = {}  # a plain dict: Counter's missing-key path is Python code, run once per event
    unique: list[Event] = []
    for event in events:
        count = seen[event.id] = seen.get(event.id, 0) + 1
        if count > 1:  # same key twice (rare: e.g. two spells of one day); keep ids unique and stable
            event = replace(event, id=f"{event.id}-{count}")
        unique.append(event)
    return unique

