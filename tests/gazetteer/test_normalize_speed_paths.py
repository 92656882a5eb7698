"""The fast paths of gazetteer.normalize give what the rules themselves give.

The Latin key is computed with a table of letter runs instead of three regex passes, surfaces skip their word loop
when no article or prefix is present, and validate_query tests ASCII text without regexes. Each fast path is checked
here against the plain rules (exhaustively over the letters the rules treat differently) and against known values.
"""

from __future__ import annotations

import itertools
import re

import pytest

from gazetteer.errors import InvalidQuery
from gazetteer.normalize import (
    _ARTICLES,
    _DOUBLED,
    _DOUBLED_CONSONANT,
    _FINAL_H,
    _SKELETON_FINAL_H,
    _VOWEL_FOLD,
    MAX_QUERY_LENGTH,
    _first_of_run,
    _fold_vowel,
    _latin_key,
    _latin_surface,
    _unglued,
    is_arabic,
    name_forms,
    plain_key,
    skeleton_of_surface,
    surface,
    validate_query,
)


def _key_by_the_rules(joined: str) -> str:
    """The Latin key as three regex passes over the whole name (the way it was computed before the table)."""
    key = _DOUBLED.sub(_first_of_run, _VOWEL_FOLD.sub(_fold_vowel, _DOUBLED_CONSONANT.sub(_first_of_run, joined)))
    key = re.sub(r"(?<=[a-z][aiu])h\b", "", key)
    return key.replace(" ", "")


# Vowels, y/w, a doubled-consonant candidate, h (final-h rule), a space (word boundary), a digit and a mark that
# stay in surfaces: every combination of up to four of them.
_ALPHABET = "aeiouywbh 1&"
_SHORT_STRINGS = ["".join(p) for n in range(1, 5) for p in itertools.product(_ALPHABET, repeat=n)]


def test_key_table_matches_rules_on_every_short_string():
    wrong = [s for s in _SHORT_STRINGS if _latin_key(s) != _key_by_the_rules(s)]
    assert wrong == []


@pytest.mark.parametrize("joined", [
    "aeiouaeiou",  # a run longer than the table's: folded by the rules themselves
    "bbbbbbb iyyyyya",  # long doubled runs
    "sheeyyooukh ouwaiy",
    "maarrat numan",
    "qubeibbat zawr",
])
def test_key_table_matches_rules_on_long_runs(joined):
    assert _latin_key(joined) == _key_by_the_rules(joined)


@pytest.mark.parametrize(("pattern", "lookbehind_first"), [
    (_FINAL_H, r"(?<=[a-z][aiu])h\b"),
    (_SKELETON_FINAL_H, r"(?<=[a-z][aeiouy])h\b"),
])
def test_final_h_patterns_match_their_lookbehind_first_form(pattern, lookbehind_first):
    reference = re.compile(lookbehind_first)
    assert [s for s in _SHORT_STRINGS if pattern.sub("", s) != reference.sub("", s)] == []


@pytest.mark.parametrize(("name", "forms"), [
    ("Khan Sheikhoun", ("khanshaykhun", "XnSXn", "khan sheikhoun")),
    ("Ma'arrat an-Nu'man", ("maratnuman", "mrtnmn", "maarat numan")),
    ("Al-Bab", ("bab", "b", "bab")),  # article dropped
    ("Elhisn", ("hisn", "hsn", "hisn")),  # glued article dropped
    ("Aleppo", ("alapu", "lb", "aleppo")),  # "al" + vowel: not an article
    ("Tell Abyad", ("talabyad", "tlbd", "tal abyad")),  # prefix family folded
    ("As", ("as", "s", "as")),  # a lone article is a name
    ("Kafr-Nabl", ("kafrnabl", "kfrnbl", "kafr nabl")),
    ("DEIR EZ-ZOR", ("dayrzur", "drzr", "dayr zor")),
    ("Sūrān", ("suran", "srn", "suran")),  # non-ASCII path
])
def test_name_forms_known_values(name, forms):
    assert name_forms(name) == forms


@pytest.mark.parametrize(("text", "cleaned"), [
    ("Jarjanaz", "Jarjanaz"),
    ("  Jarjanaz ", "Jarjanaz"),
    ("Tell  Abyad", "Tell Abyad"),
    ("Tall\u00a0Abyad", "Tall Abyad"),  # non-ASCII whitespace: the general path
])
def test_validate_query_cleans(text, cleaned):
    assert validate_query(text) == cleaned


@pytest.mark.parametrize(("text", "message"), [
    ("Tell\tAbyad", "control character U+0009 at 4"),
    ("Kafr\x7fNabl", "control character U+007F at 4"),
    ("   ", "empty place name"),
    ("12 - 34", "has no letters"),
])
def test_validate_query_refuses_ascii(text, message):
    with pytest.raises(InvalidQuery, match=re.escape(message)):
        validate_query(text)


def test_surface_of_article_and_prefix_names():
    assert surface("al-Kafr al-Tell") == "kafr tal"


# --- The uncached forms is_known computes, and the one-word surface path -------------------------------------------

_NAMES = ["Khan Sheikhoun", "Ma'arrat an-Nu'man", "Al-Bab", "Elhisn", "Aleppo", "Tell", "As", "DEIR EZ-ZOR", "Sūrān",
          "Tallah!", "Kafr&Nabudah", "Qal`at al-Madiq", "Abu al-Duhur", "Jisr ash-Shughur", "x", "Alrai", "Al",
          "جرجناز", "ضهرة الزرزور", "الصِّير", "معرة النعمان", "ال", "ة", "تل  رفعت", "Dhahret a-Zarzour"]


def _plain_forms(text):
    key, surface_form, arabic = plain_key(text)
    return (key, skeleton_of_surface(surface_form, arabic), surface_form), arabic


@pytest.mark.parametrize("text", _NAMES)
def test_plain_key_and_skeleton_of_surface_give_the_cached_forms(text):
    assert _plain_forms(text) == (name_forms(text), is_arabic(text))


def test_plain_forms_equal_cached_forms_on_every_short_string():
    assert [s for s in _SHORT_STRINGS if _plain_forms(s) != (name_forms(s), False)] == []


_ONE_WORDS = ["aleppo", "alrai", "elhisn", "albab", "al", "el", "as", "tell", "kafr", "kfar", "sheikh", "x", "abou",
              *("".join(p) for n in range(1, 6) for p in itertools.product("aelkfr", repeat=n))]


def test_one_word_surface_equals_the_word_loop():
    # A trailing tab is white space the one-word path does not take: the general path splits it off again.
    written = [w for word in _ONE_WORDS for w in (word, word.upper(), word.capitalize())]
    assert [w for w in written if _latin_surface(w) != _latin_surface(w + "\t")] == []
    assert _latin_surface("Elhisn") == "hisn" and _latin_surface("Tell") == "tal"  # the path does fold


@pytest.mark.parametrize("text", ["Jarjanaz", " Jarjanaz", "Jarjanaz  ", "Tell Abyad", "al-Dana", "x", "A1"])
def test_validate_query_ascii_fast_path_equals_general_path(text):
    # A no-break space is white space outside ASCII: it sends the same name down the general path.
    assert validate_query(text) == validate_query(text + "\u00a0")


@pytest.mark.parametrize("text", ["--", "12", "'", "a" * (MAX_QUERY_LENGTH + 1), "  ", "\x00a"])
def test_validate_query_ascii_fast_path_refuses_what_the_general_path_refuses(text):
    with pytest.raises(InvalidQuery):
        validate_query(text)


class _Name(str):
    pass


def test_validate_query_takes_str_subclasses_by_the_general_path():
    assert validate_query(_Name(" Binnish ")) == "Binnish"


def _surface_by_the_rules(text: str) -> str:
    """An ASCII name's surface by the plain rules: words, articles out (never the last word), glued articles off,
    prefix spellings folded, one word at a time."""
    words = text.lower().replace("-", " ").replace("'", "").split()
    if len(words) > 1:
        words = [w for w in words[:-1] if w not in _ARTICLES] + words[-1:]
    return " ".join(_unglued(w) for w in words)


_WORDS = ["al", "as", "el", "a", "an", "tal", "tell", "kafr", "aleppo", "elhisn", "alrai", "x", "bab", "Sheikh"]


def test_surface_shortcuts_equal_the_plain_rules_on_word_combinations():
    names = [sep.join(words) for n in range(1, 4) for words in itertools.product(_WORDS, repeat=n)
             for sep in (" ", "-")]
    assert [n for n in names if _latin_surface(n) != _surface_by_the_rules(n)] == []
