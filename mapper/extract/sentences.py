"""Split an article into paragraphs and sentences, keeping character offsets into the article text.

Rules
-----
- A blank line, or a line break after a line that ends a sentence (or before a capital), starts a new paragraph.
  A line that ends mid-sentence and is followed by a lower-case line is a hard wrap: same paragraph, same sentence.
- A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by white space and a
  capital, a digit, an opening quote or a non-Latin letter; never after a known abbreviation ("Nov.", "Gen.",
  "U.S.") or a single initial ("A.").  A quote that goes on (``...,” the source said``) does not end the sentence
  because a lower-case word follows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` as a set (word lists stay readable in the source)."""
    return frozenset(text.split())


#: Lower-cased abbreviations (without the final dot) after which a period does not end a sentence.
ABBREVIATIONS = words(
    "mr mrs ms dr gen lt col maj capt cpt sgt brig adm gov sen rep prof jr sr st mt ft no nos vs etc inc co corp ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx est dept e.g i.e u.s u.n u.k u.s.a al")

_END = re.compile(r"[.!?]+[\"”’')\]»]*(?=\s+(\S))")
_LINE = re.compile(r"[^\n]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == article_text[start:end]``; ``paragraph`` counts paragraphs from 0."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding white space."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``.

    Examples
    --------
    >>> split_paragraphs("One line.\\nTwo\\nwrapped.")
    [(0, 9), (10, 22)]
    """
    paras: list[list[int]] = []
    prev_end = -1
    for s, e in _lines(text):
        if paras and prev_end >= 0:
            gap = text[prev_end:s]
            last_char = text[prev_end - 1]
            first = text[s]
            hard_wrap = gap.count("\n") == 1 and last_char not in ".!?:\"”'’)|" and first.islower()
            if hard_wrap:
                paras[-1][1] = e
                prev_end = e
                continue
        paras.append([s, e])
        prev_end = e
    return [(s, e) for s, e in paras]


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot].lower().strip("(\"“'‘")
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "Bashar A. Assad"


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, with offsets.

    Examples
    --------
    >>> [s.text for s in split_sentences('Gen. Ali said on Nov. 5 "it fell." The army left.')]
    ['Gen. Ali said on Nov. 5 "it fell."', 'The army left.']
    """
    out: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(split_paragraphs(text)):
        para = text[ps:pe]
        begin = 0
        for m in _END.finditer(para):
            nxt = m.group(1)
            if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([«#" or (nxt.isalpha() and not nxt.islower()
                                                                          and ord(nxt) > 0x24F)):
                continue
            if para[m.start()] == "." and _is_abbreviation(para, m.start()):
                continue
            _add(out, text, ps + begin, ps + m.end(), p_index)
            begin = m.end()
        _add(out, text, ps + begin, pe, p_index)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end], paragraph, len(out)))


def spans_containing(low: str, keys: tuple[str, ...], spans: list[tuple[int, int]],
                     starts: list[int]) -> list[tuple[int, int]]:
    """The spans (in order) of ``spans`` that contain one of ``keys`` (lower-case) in ``low``.

    A cheap prefilter: ``str.find`` runs in C, so regular expressions only run where a keyword occurs.
    """
    hit: set[int] = set()
    for key in keys:
        pos = low.find(key)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0:
                hit.add(i)
                pos = low.find(key, max(spans[i][1], pos + 1))
            else:
                pos = low.find(key, pos + 1)
    return [spans[i] for i in sorted(hit)]
