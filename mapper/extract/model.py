"""Typed values the extractor produces: dates, evidence and reports (one place, one claim)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DatePrecision = Literal["day", "week", "month", "unknown"]
Modality = Literal["asserted", "claimed", "denied", "attempted", "expected"]

#: Event types. Only CONTROL_CHANGE drives the control map.
CONTROL_CHANGE = "control_change"
EVENT_TYPES = (CONTROL_CHANGE, "attack", "advance", "siege", "other")

#: Sides a controller may be. Other named actors ("SDF", "ISIS", "Turkey") are kept as written in canonical form.
GOVERNMENT = "government"
OPPOSITION = "opposition"


@dataclass(frozen=True, slots=True)
class DateInfo:
    """When something happened, as precisely as the text says.

    ``date`` is the single best day (None when unknown); ``start``/``end`` bound a range
    (a week, "the past few days"); ``expression`` is the text that gave it ("on Monday").
    """

    date: dt.date | None
    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    expression: str = ""

    @classmethod
    def unknown(cls, expression: str = "") -> DateInfo:
        return cls(None, None, None, "unknown", expression)

    @classmethod
    def day(cls, day: dt.date, expression: str = "") -> DateInfo:
        return cls(day, day, day, "day", expression)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: its character span and what it means."""

    start: int
    end: int
    info: DateInfo


@dataclass(frozen=True, slots=True)
class Evidence:
    """Provenance of one report: article, outlet, the sentence and the mention's character span in the article."""

    article: str
    source: str | None
    url: str | None
    published: dt.date | None
    sentence: str
    span: tuple[int, int]
    title: str | None = None

    def to_dict(self) -> dict:
        return {"article": self.article, "source": self.source, "url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "sentence": self.sentence, "span": list(self.span), "title": self.title}


@dataclass(frozen=True, slots=True)
class Report:
    """One claim an article makes about one place (or region): before the gazetteer resolves it.

    ``mention`` is the spelling as written. ``region`` is True for reports that name no place
    ("many villages in the southern countryside of Idlib"): ``mention`` is then the area named, if any.
    """

    mention: str
    event_type: str
    controller: str | None
    modality: Modality
    date: DateInfo
    evidence: Evidence
    attribution: str | None = None
    actor_text: str = ""
    sub_event_type: str = ""
    region: bool = False
    #: 1 the place itself, 2 near it or part of it ("farmland surrounding X"), 3 a region report.
    geo_precision: int = 1
