"""The start guard in front of the lexicons' regexes never changes a match: same spans as the plain pattern, on text
with every kind of case trouble (the Kelvin sign and long s fold to k and s, dotted and dotless i)."""

from __future__ import annotations

import re

import pytest

from mapper.extract import actors, dates, triggers
from mapper.extract.rxguard import guarded, start_guard

TEXTS = [
    "On Monday, the Syrian Army captured the villages of Kafr Nabl and al-Tah from HTS militants, SANA reported.",
    "ON DECEMBER 24, 2019 THE ARMY LIBERATED MAARAT AL-NUMAN; TURKISH-BACKED FACTIONS WITHDREW FROM IT YESTERDAY.",
    "\u212aafr Nabl fell to the army on 5 \u212aovember; ſoldiers of the ſyrian army ſeized İdlib and ıdlib in 2019.",
    "قوات الجيش العربي السوري تسيطر على بلدة جرجناز. The regime's forces took full control of Sinjar on 3/4/2020.",
    "a day earlier, two days later, over the past 24 hours, last week, this month, since 19 December, on Wednesday",
    "Rebels regained control; the Tiger Forces, Hezbollah, the NDF and Wagner Group advanced towards Saraqib.",
]


def _patterns():
    for rx, spec in triggers._COMPILED + triggers._COMPILED_I:
        yield f"trigger {spec.sub_event_type}", rx
    for kind, rx in dates._PATTERNS:
        yield f"date {kind}", rx
    for i, rx in enumerate(actors.ActorLexicon()._single):
        yield f"actor {i}", rx
    for i, (rx, _name) in enumerate(actors._ATTR_RX):
        yield f"source {i}", rx


_GUARD = re.compile(r"^((?:\(\?[aiLmsux]+\))*)\(\?=(?:\[(?:\\.|[^\]\\])*\]\|?)?(?:\(\?i:\[(?:\\.|[^\]\\])*\]\))?\)")


def _plain(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its guard."""
    return re.compile(_GUARD.sub(r"\1", rx.pattern, count=1), rx.flags)


@pytest.mark.parametrize(("label", "rx"), list(_patterns()), ids=lambda v: v if isinstance(v, str) else "")
def test_guard_changes_no_match(label, rx):
    plain = _plain(rx)
    assert "(?<!" in plain.pattern[:12] or "(?=" not in plain.pattern[:12], plain.pattern[:40]
    for text in TEXTS + [t.lower() for t in TEXTS] + [t.upper() for t in TEXTS]:
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], (label, text)


def test_most_lexicon_patterns_get_a_guard():
    rows = [rx for _, rx in _patterns()]
    assert sum("(?=[" in rx.pattern or "(?=(?i:" in rx.pattern for rx in rows) >= len(rows) // 2


@pytest.mark.parametrize(("pattern", "text", "spans"), [
    (r"(?i)kafr", "\u212aAFR kafr", [(0, 4), (5, 9)]),  # the Kelvin sign folds to k: the guard must let it through
    (r"(?i:ſyrian)|army", "Syrian ARMY army", [(0, 6), (12, 16)]),
    (r"(?<![\w-])(?:(?:the\s+)?army)", "the army; thearmy", [(0, 8)]),
])
def test_guard_keeps_case_folding_to_the_engine(pattern, text, spans):
    assert start_guard(pattern) is not None
    assert [m.span() for m in guarded(pattern).finditer(text)] == spans == \
        [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("pattern", [r"\w+ly", r".x", r"(?:a)?", r"[^a]b", r"\bx?"])
def test_no_guard_when_the_first_character_cannot_be_told(pattern):
    assert start_guard(pattern) is None
    assert guarded(pattern).pattern == pattern
