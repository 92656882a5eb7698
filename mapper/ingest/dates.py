"""Publication dates: parsing metadata values and finding a dateline at the top of a text.

The dateline rule (documented here because extraction relies on it):

1. Only the *header* is searched: the lines before the first body paragraph (a line of 20 words or more), and at most
   the first 15 non-empty lines. A date inside the body is an event date, never a publication date.
2. A header line is a dateline when it holds a full date (day, month and year: "December 24, 2019", "23 Dec 2019",
   "2020-01-28") and, with the date taken out, at most six words remain, all capitalised or small header words
   ("Global Research,", "Tuesday,", "Posted on ... by admin"); a line opening with "Published", "Posted", "Updated"
   or "Dated" is a dateline whatever follows. "The offensive began on December 19, 2019." is a sentence. Quoted-tweet signatures ("— Name (@handle) November 25, 2019") are quotes, not datelines.
3. The first body paragraph may open with a wire dateline: a capitalised place, the date, then an agency in brackets
   or a dash ("DAMASCUS, Dec. 24 (Xinhua) --" is not enough: the year is needed; "DAMASCUS, December 24, 2019 –" is).
4. The first dateline found wins: a republished article lists the reprint's date before the original's, and the
   reprint is the publication at hand.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
FULL_DATE = re.compile(
    r"(?<![\w-])(?:"
    + r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?"
    + "|" + _MONTH.format(g="am") + r"\s+" + _DAY.format(g="ad") + r",?\s+" + _YEAR.format(g="ay")
    + "|" + _DAY.format(g="bd") + r"\s+(?:of\s+)?" + _MONTH.format(g="bm") + r",?\s+" + _YEAR.format(g="by")
    + r"|(?P<sy>(?:19|20)\d\d)/(?P<sm>[01]?\d)/(?P<sd>[0-3]?\d)"
    + r")(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTE_SIGNATURE = re.compile(r"^\s*[—–-]|\(@\w+\)")
_WIRE = re.compile(r"^[A-Z][A-Za-z'’ .-]{1,40},\s*$")
_PUBLISH_CUE = re.compile(r"\b(published|posted|updated|dated?|first appeared)\b", re.IGNORECASE)
HEADER_LINES = 15
BODY_WORDS = 20
_REST_WORDS = 6
# Lower-case words a dateline may hold besides names; any other lower-case word makes the line a sentence.
_HEADER_WORDS = frozenset(
    ("on", "by", "at", "in", "of", "the", "and", "am", "pm", "gmt", "utc", "last", "modified", "first", "from",
     "admin", "staff", "editor")
)


def _from_match(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["sy"]:
            return dt.date(int(g["sy"]), int(g["sm"]), int(g["sd"]))
        if g["ay"]:
            return dt.date(int(g["ay"]), _MONTHS[g["am"].lower()], int(g["ad"]))
        return dt.date(int(g["by"]), _MONTHS[g["bm"].lower()], int(g["bd"]))
    except ValueError:
        return None


def parse_date_value(value: object) -> dt.date | None:
    """Read a metadata date: a ``date``, an ISO date or timestamp, or a written full date; ``None`` if it is not one.

    The date part of a timestamp is taken as written (the publisher's local day), without time-zone conversion.

    Examples
    --------
    >>> parse_date_value("2019-12-24T21:05:00+03:00")
    datetime.date(2019, 12, 24)
    >>> parse_date_value("24 December 2019")
    datetime.date(2019, 12, 24)
    >>> parse_date_value("2019-13-45") is None, parse_date_value("yesterday") is None
    (True, True)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = FULL_DATE.fullmatch(value.strip())
    return _from_match(match) if match else None


def _dateline_in(line: str) -> dt.date | None:
    if _QUOTE_SIGNATURE.search(line):
        return None
    for match in FULL_DATE.finditer(line):
        words = _WORD.findall(line[: match.start()] + " " + line[match.end():])
        if _PUBLISH_CUE.match(line.strip()) or (
            len(words) <= _REST_WORDS and all(w[0].isupper() or w.lower() in _HEADER_WORDS for w in words)
        ):
            return _from_match(match)
    return None


def _wire_dateline(line: str) -> dt.date | None:
    match = FULL_DATE.search(line[:80])
    if match and _WIRE.match(line[: match.start()]) and re.match(r"\s*(\(|[—–-])", line[match.end():]):
        return _from_match(match)
    return None


def find_dateline(text: str) -> dt.date | None:
    """Find the publication date in a text's header by the dateline rule in this module's docstring.

    Examples
    --------
    >>> find_dateline("Battle for Idlib\\n\\nGlobal Research, December 24, 2019\\n\\nThe army advanced.")
    datetime.date(2019, 12, 24)
    >>> find_dateline("The operation started on December 19, 2019, the army said in a statement read on TV today.")
    """
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        if len(_WORD.findall(line)) >= BODY_WORDS:
            return _wire_dateline(line)
        found = _dateline_in(line)
        if found:
            return found
    return None
