"""Date expressions: find them in a text and resolve them against the publication day.

Resolution rules (ACLED ``time_precision`` / UCDP ``date_prec`` are the models):

- Absolute days ("24 December 2019", "Nov. 25, 2019", "2019-12-24", "24/12/2019" when unambiguous): precision day.
- A day with no year ("December 19") takes the publication year, or the year before when that day would fall more
  than ``FUTURE_GRACE_DAYS`` after publication: reports mostly look back, but "talks resume on December 26" in an
  article of December 24 is kept in the same year.  "October 17 last year" takes the year before publication.
- A weekday ("on Monday") is the most recent such day on or before publication (the publication day itself when it
  is that weekday); "last Monday" is strictly before it, "next Monday" strictly after.
- "yesterday" / "today" / "tonight": day.  "in the past 24 hours": precision day, ``date`` = publication day,
  ``start`` = the day before (the window straddles two days).
- "in the past few days", "in recent days", "in the past week", "this week", "last week": precision week with
  start/end and no single ``date``; "this month", "last month", "in December 2019": precision month.
- "last year", "in 2019": precision unknown with start/end of the year.
- "a day earlier", "two days later", "the next day": relative to the nearest preceding day-precision date in the text.
- "since <day>": a range from that day to publication (precision week or month by its length).
- With no publication day every expression that needs it (weekdays, relative words, yearless days) is unknown, never
  guessed; expressions relative to an explicit date in the text still resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from mapper.extract.model import DateInfo, DateMention
from mapper.extract.rxguard import guarded
from mapper.extract.sentences import KeyIndex, register_keys, split_paragraphs

#: How many days after publication a yearless day may fall and still take the publication year.
FUTURE_GRACE_DAYS = 14

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 4, "several": 5}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_YEAR_TAIL = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b|\s+(?P<rel>last|this|next)\s+year\b)?"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few|several)"

_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_KEYS = ("19", "20")
#: Lower-case keywords one of which every match of a pattern contains (regexes only run where one occurs).
_KEYS = {"iso": _YEAR_KEYS, "numeric": _YEAR_KEYS, "month_year": _YEAR_KEYS, "mdy": _MONTH_KEYS, "dmy": _MONTH_KEYS,
         "month": _MONTH_KEYS, "hours": ("hours",), "days": ("days",), "recent_days": ("recent",),
         "past_week": ("week",), "last_week": ("week",), "this_week": ("week",), "last_month": ("month",),
         "this_month": ("month",), "relative": ("day", "hours"), "day_before_yesterday": ("yesterday",),
         "yesterday": ("yesterday",), "today": ("today", "tonight", "this "),
         "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
         "year": ("year", "in 19", "in 20")}

# (kind, pattern): earlier entries win over later ones that overlap them.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(k, guarded(p)) for k, p in [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    ("mdy", r"\b" + _MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b" + _YEAR_TAIL),
    ("dmy", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?![a-z])" + _YEAR_TAIL),
    ("numeric", r"\b(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b"),
    ("month_year", r"\b" + _MON + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    ("month", r"(?i:\b(?:in|since|during|early|late|mid-?|end of|beginning of)\s+)" + _MON + r"(?![a-z])(?!\s+\d)"),
    ("hours", r"(?i)\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+"
              + r"(?P<h>24|48|72|twenty-four|forty-eight)\s+hours\b"),
    ("days", r"(?i)\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+" + _NUM + r"\s+days\b"),
    ("recent_days", r"(?i)\bin\s+recent\s+days\b"),
    ("past_week", r"(?i)\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+week\b"),
    ("last_week", r"(?i)\blast\s+week\b"),
    ("this_week", r"(?i)\b(?:earlier\s+)?this\s+week\b"),
    ("last_month", r"(?i)\blast\s+month\b"),
    ("this_month", r"(?i)\b(?:earlier\s+)?this\s+month\b"),
    ("relative", r"(?i)\b(?:" + _NUM + r"\s+days?\s+(?P<dir>earlier|later|before|after(?:wards)?)"
                 r"|the\s+(?P<dir2>next|following|previous|same)\s+day|the\s+day\s+(?P<dir3>before|after)"
                 r"|(?P<hrs>hours)\s+(?:later|earlier))\b"),
    ("day_before_yesterday", r"(?i)\bthe\s+day\s+before\s+yesterday\b"),
    ("yesterday", r"(?i)\byesterday\b"),
    ("today", r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("weekday", r"\b(?:(?P<wrel>[Ll]ast|[Nn]ext|[Pp]ast|[Tt]his)\s+)?"
                + r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("year", r"(?i)\b(?:(?P<yrel>last|this|next)\s+year|in\s+(?P<y>(?:19|20)\d\d))\b(?!-)"),
]]
#: A second keyword set some patterns also need (each match contains one of each): "week" alone is common
#: ("earlier this week"), "last week" needs "last" too.  Only used when the lower-cased text lines up with the text
#: and holds no "ı" or "ſ" (the two letters a case-insensitive pattern matches to an ASCII letter they do not
#: lower-case to), so that a keyword missing from the lower-cased text proves the pattern cannot match.
_DIGITS = tuple("0123456789")
_PAST = ("past", "last", "previous")
_ALSO = {"past_week": _PAST, "last_week": ("last",), "this_week": ("this",),
         "last_month": ("last",), "this_month": ("this",),
         "relative": ("earlier", "later", "before", "after", "next", "following", "previous", "same"),
         "mdy": _DIGITS, "dmy": _DIGITS, "iso": ("-",), "month_year": _MONTH_KEYS, "hours": _PAST, "days": _PAST,
         "recent_days": ("days",), "today": ("today", "tonight", "morning", "afternoon", "evening"),
         "year": ("last", "this", "next", *_YEAR_KEYS)}
for _keys in (*_KEYS.values(), *_ALSO.values()):
    register_keys(_keys)
_DAY_KINDS = frozenset({"iso", "mdy", "dmy", "numeric", "weekday", "yesterday", "today", "day_before_yesterday",
                        "relative"})
_SINCE = re.compile(r"(?i)\bsince\b[^.;,!?]{0,45}$")


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _span_precision(start: dt.date, end: dt.date) -> str:
    days = (end - start).days
    return "week" if days <= 7 else "month" if days <= 31 else "unknown"


def _infer_year(m: int, d: int, published: dt.date) -> dt.date | None:
    day = _safe_date(published.year, m, d)
    if day is not None and (day - published).days > FUTURE_GRACE_DAYS:
        day = _safe_date(published.year - 1, m, d)
    return day


def _month_day(match: re.Match[str], published: dt.date | None, expr: str) -> DateInfo:
    m = MONTHS[match.group("mon").lower()]
    d = int(match.group("d"))
    if match.group("year"):
        day = _safe_date(int(match.group("year")), m, d)
    elif published is None:
        return DateInfo.unknown(expr)
    elif match.group("rel"):
        shift = {"last": -1, "this": 0, "next": 1}[match.group("rel")]
        day = _safe_date(published.year + shift, m, d)
    else:
        day = _infer_year(m, d, published)
    return DateInfo.day(day, expr) if day else DateInfo.unknown(expr)


def _resolve(kind: str, match: re.Match[str], published: dt.date | None,
             anchor: dt.date | None) -> DateInfo:
    expr = match.group(0)
    g = match.group
    if kind == "iso":
        day = _safe_date(int(g("y")), int(g("m")), int(g("d")))
        return DateInfo.day(day, expr) if day else DateInfo.unknown(expr)
    if kind in ("mdy", "dmy"):
        return _month_day(match, published, expr)
    if kind == "numeric":
        a, b, y = int(g("a")), int(g("b")), int(g("y"))
        if a <= 12 and b <= 12 and a != b:
            return DateInfo.unknown(expr)  # 03/04/2020: day-month order cannot be told
        day = _safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b)
        return DateInfo.day(day, expr) if day else DateInfo.unknown(expr)
    if kind == "month_year":
        start, end = _month_range(int(g("year")), MONTHS[g("mon").lower()])
        return DateInfo(None, start, end, "month", expr)
    if kind == "relative":
        if anchor is None:
            return DateInfo.unknown(expr)
        if g("hrs") or g("dir2") == "same":
            return DateInfo.day(anchor, expr)
        n = NUMBER_WORDS.get((g("n") or "").lower()) or int(g("n")) if g("n") else 1
        direction = (g("dir") or g("dir2") or g("dir3") or "").lower()
        sign = -1 if direction in ("earlier", "before", "previous") else 1
        return DateInfo.day(anchor + dt.timedelta(days=sign * n), expr)
    if kind == "year" and g("y"):
        y = int(g("y"))
        return DateInfo(None, dt.date(y, 1, 1), dt.date(y, 12, 31), "unknown", expr)
    if published is None:
        return DateInfo.unknown(expr)
    return _relative_to_publication(kind, match, published, expr)


def _relative_to_publication(kind: str, match: re.Match[str], p: dt.date, expr: str) -> DateInfo:
    g = match.group
    one = dt.timedelta(days=1)
    if kind == "month":
        m = MONTHS[g("mon").lower()]
        y = p.year if m <= p.month else p.year - 1
        start, end = _month_range(y, m)
        return DateInfo(None, start, end, "month", expr)
    if kind == "hours":
        n_days = {"24": 1, "twenty-four": 1, "48": 2, "forty-eight": 2, "72": 3}[g("h").lower()]
        return DateInfo(p, p - n_days * one, p, "day" if n_days == 1 else "week", expr)
    if kind in ("days", "recent_days", "past_week"):
        n = 7 if kind == "past_week" else 4 if kind == "recent_days" else (
            NUMBER_WORDS.get(g("n").lower()) or int(g("n")))
        start = p - n * one
        return DateInfo(None, start, p, _span_precision(start, p), expr)
    if kind == "last_week":
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return DateInfo(None, monday, monday + 6 * one, "week", expr)
    if kind == "this_week":
        return DateInfo(None, p - dt.timedelta(days=p.weekday()), p, "week", expr)
    if kind == "last_month":
        y, m = (p.year, p.month - 1) if p.month > 1 else (p.year - 1, 12)
        start, end = _month_range(y, m)
        return DateInfo(None, start, end, "month", expr)
    if kind == "this_month":
        return DateInfo(None, p.replace(day=1), p, "month", expr)
    if kind == "yesterday":
        return DateInfo.day(p - one, expr)
    if kind == "day_before_yesterday":
        return DateInfo.day(p - 2 * one, expr)
    if kind == "today":
        return DateInfo.day(p, expr)
    if kind == "weekday":
        target = WEEKDAYS[g("wd").lower()]
        rel = (g("wrel") or "").lower()
        if rel == "next":
            return DateInfo.day(p + dt.timedelta(days=(target - p.weekday()) % 7 or 7), expr)
        back = (p.weekday() - target) % 7
        if rel in ("last", "past") and back == 0:
            back = 7
        return DateInfo.day(p - dt.timedelta(days=back), expr)
    if kind == "year":
        y = p.year + {"last": -1, "this": 0, "next": 1}[g("yrel").lower()]
        return DateInfo(None, dt.date(y, 1, 1), dt.date(y, 12, 31), "unknown", expr)
    return DateInfo.unknown(expr)  # pragma: no cover - every kind is handled above


def find_dates(text: str, published: dt.date | None, spans: list[tuple[int, int]] | None = None, *,
               index: KeyIndex | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    ``spans`` (sentences or paragraphs, in order) bound the search; by default the paragraphs.  ``index`` is a
    :class:`KeyIndex` of ``text.lower()`` over the same spans, when the caller shares one with other searches.

    Examples
    --------
    >>> [m.info.date.isoformat() for m in find_dates("On Monday, and a day earlier.", dt.date(2019, 12, 24))]
    ['2019-12-23', '2019-12-22']
    >>> find_dates("On Monday.", None)[0].info.precision
    'unknown'
    """
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    if index is None:
        index = KeyIndex(text.lower(), split_paragraphs(text) if spans is None else spans)
    also = _ALSO if len(index.low) == len(text) and "ı" not in text and "ſ" not in text else {}
    for rank, (kind, pattern) in enumerate(_PATTERNS):
        for ps, pe in index.spans_with(_KEYS[kind], also.get(kind, ())):
            for m in pattern.finditer(text, ps, pe):
                found.append((m.start(), -(m.end() - m.start()), rank, kind, m))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    out: list[DateMention] = []
    anchor: dt.date | None = None
    last_end = -1
    for start, _neg, _rank, kind, m in found:
        if start < last_end:
            continue
        info = _resolve(kind, m, published, anchor)
        if info.precision == "day" and info.date is not None and _SINCE.search(text, max(0, start - 50), start):
            end = published if published and published >= info.date else None
            info = (DateInfo(None, info.date, end, _span_precision(info.date, end), m.group(0)) if end
                    else DateInfo(None, info.date, None, "unknown", m.group(0)))
        if info.precision == "day" and info.date is not None and info.start == info.end:
            anchor = info.date
        elif kind in _DAY_KINDS:
            anchor = None  # "On December 21 ... a day earlier": an unresolved day leaves what follows unresolved
        out.append(DateMention(m.start(), m.end(), info))
        last_end = m.end()
    return out
