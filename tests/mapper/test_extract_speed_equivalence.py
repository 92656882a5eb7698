"""The keyword index behind the date and trigger searches finds exactly the spans a plain ``str.find`` scan finds."""

from __future__ import annotations

import pytest

from mapper.extract.sentences import KeyIndex, split_sentences


def _by_find(low: str, keys: tuple[str, ...], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The reference: a span holds a keyword when an occurrence starts in it or in the white space after it."""
    out = []
    for i, (s, _e) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(low)
        if any(low.find(k, s, nxt + len(k) - 1) >= 0 and low.find(k, s, nxt + len(k) - 1) < nxt for k in keys):
            out.append(spans[i])
    return out


TEXT = ("On Monday, the army took control of Kafr Nabl. The day before, rebels withdrew.\n\n"
        "Two days later, troops entered the town this week. Yesterday it was quiet")
KEYS = [("day",), ("week",), ("control", " control"), ("this ",), ("took", "tak"), ("monday", "yesterday"),
        ("nothing",), ("days", "day"), ("rebels withdrew",)]


@pytest.mark.parametrize("keys", KEYS)
def test_sentence_spans_match_plain_find(keys):
    spans = [(s.start, s.end) for s in split_sentences(TEXT)]
    index = KeyIndex(TEXT.lower(), spans)
    assert index.spans_with(keys) == _by_find(TEXT.lower(), keys, spans)


@pytest.mark.parametrize("keys", KEYS)
def test_spans_with_text_between_fall_back_to_find(keys):
    spans = [(3, 40), (45, 90), (100, 130)]  # text outside the spans: the word pass would not be exact
    index = KeyIndex(TEXT.lower(), spans)
    assert not index._words_apart
    assert index.spans_with(keys) == _by_find(TEXT.lower(), keys, spans)


def test_second_keyword_set_narrows_the_spans():
    spans = [(s.start, s.end) for s in split_sentences(TEXT)]
    index = KeyIndex(TEXT.lower(), spans)
    assert [TEXT[s:e][:9] for s, e in index.spans_with(("day",), ("before", "later"))] == ["The day b", "Two days "]


def test_forget_memos_empties_them_and_changes_no_answer():
    import datetime as dt

    from mapper.article import Article
    from mapper.extract import actors, extract_reports, forget_memos, mentions, sentences
    from mapper.extract.reports import _DEFAULT_ACTORS

    article = Article("a", "a.txt", "On Monday, the Syrian Army captured Kafr Nabl, SANA reported. " + TEXT,
                      dt.date(2019, 12, 24))
    first = extract_reports(article)
    assert sentences._WORD_KEYS and _DEFAULT_ACTORS._sides
    assert actors.canonical_source.cache_info().currsize and mentions.is_place_like.cache_info().currsize
    forget_memos()
    assert not sentences._WORD_KEYS and not _DEFAULT_ACTORS._sides
    assert actors.canonical_source.cache_info().currsize == 0 == mentions.is_place_like.cache_info().currsize
    assert extract_reports(article) == first
    assert [(r.mention, r.controller, r.attribution) for r in first][:1] == [("Kafr Nabl", "government", "SANA")]


@pytest.mark.parametrize(("text", "names"), [
    ("The army entered al-Tah and ad-Dana, then Ma’arat al-No’eman.", ["al-Tah", "ad-Dana", "Ma’arat al-No’eman"]),
    ("Troops reached ’Ayn Laruz and 'Ayn al-Arus near Élbeyli and Ürdün.", ["’Ayn Laruz", "'Ayn al-Arus", "Élbeyli",
                                                                            "Ürdün"]),
    ("as-Safira, ul-Kabir, il-Dahr, ez-Zor and at-Tall fell.", ["as-Safira", "ul-Kabir", "il-Dahr", "ez-Zor",
                                                                "at-Tall"]),
])
def test_name_tokens_start_with_capitals_apostrophes_or_particles(text, names):
    from mapper.extract.mentions import TOKEN

    assert [t.group() for t in TOKEN.finditer(text) if t.lastgroup == "name"] == names
