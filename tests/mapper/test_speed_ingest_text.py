"""Fast paths over article text (cue anchors, normalisation) must give what the plain computations give."""

import random
import sys
import unicodedata

import pytest

from mapper.ingest import decode, furniture


def test_lower_to_ascii_lists_every_character_that_lowers_to_ascii():
    derived = {
        char for char in map(chr, range(0x80, sys.maxunicode + 1))
        if char != "©" and any(low.isascii() or low == "©" for low in char.lower())
    }
    assert derived == set(furniture.LOWER_TO_ASCII)


_PIECES = [
    "Leave a Reply", "SHARE THIS", "across", "Cross-post", "sub\u017fcribe", "clic\u212a here", "CLICK", "İstanbul",
    "© 2020", "é©", "Â©", "\u00a9", "a@b.org", "Disclaimer:", "donation", "“quoted”", "’", "Σ", "ΑΣ", "\ud800", "\n",
    "\n\n", " ", "re able", "RE ABLE", "log in to comment", "fair use", "note to readers", "إدلب", "\U0001f600", "\x00",
]


def _generated_texts():
    rnd = random.Random(7)
    for _ in range(20_000):
        yield "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", "x"]) for _ in range(rnd.randint(0, 12)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops moved across the river.", ("cross",)),
        ("“Leave a Reply” — © 2020 SANA, a@b.org", ("leave a", "@", "©")),
        ("Clic\u212a here to donate", ("donat", "click")),  # KELVIN SIGN lowers to "k": the str.lower() route
        ("İstanbul DISCLAIMER", ("disclaimer",)),
        ("Café réable", ()),  # "é" is two bytes: no "re able" across them
    ],
)
def test_text_anchors_examples(text, expected):
    assert set(furniture.text_anchors(text)) == set(expected)
    assert furniture.text_anchors(text) == furniture.cue_anchors_in(text.lower())


def test_text_anchors_same_as_lower_casing_the_text():
    for text in _generated_texts():
        assert furniture.text_anchors(text) == furniture.cue_anchors_in(text.lower()), text


def _normalise_in_full(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    "text",
    ["plain ASCII\n", "a\r\nb\rc\n\r", "nul\x00byte", "\ufeffbom", "cafe\u0301", "Ame\u0301lie\r\n\x00\ufeff", "", "é"],
)
def test_normalise_shortcuts(text):
    assert decode.normalise(text) == _normalise_in_full(text)


def test_normalise_shortcuts_on_generated_text():
    rnd = random.Random(11)
    pieces = ["a", "\r", "\n", "\r\n", "\x00", "\ufeff", "e\u0301", "é", "\u212b", "’", " "]
    for _ in range(5_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert decode.normalise(text) == _normalise_in_full(text), repr(text)
