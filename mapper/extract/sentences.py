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
    pos = 0
    for line in text.split("\n"):  # str methods run in C: no per-character loop
        stripped = line.strip()
        if stripped:
            s = pos + len(line) - len(line.lstrip())
            out.append((s, s + len(stripped)))
        pos += len(line) + 1
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
    return KeyIndex(low, spans, starts).spans_with(keys)


#: Every keyword the lexicons filter on (they register theirs at import), and the registered keywords without
#: white space that each word of a text contains (memoised across articles: news vocabulary repeats).
_REGISTERED: set[str] = set()
_WORD_KEYS: dict[str, tuple[str, ...]] = {}
_WORD_KEYS_MAX = 200_000
_LONGEST = 0  # the length of the longest registered keyword
#: A key tuple split into its registered keys and the others (memoised: the lexicons ask with the same tuples).
_SPLIT: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def register_keys(keys) -> None:
    """Add lexicon keywords to those :class:`KeyIndex` finds with one pass over the words of a text."""
    new = {k for k in keys if k and not any(c.isspace() for c in k)} - _REGISTERED
    if new:
        global _LONGEST
        _REGISTERED.update(new)
        _LONGEST = max(_LONGEST, *map(len, new))
        _WORD_KEYS.clear()
        _SPLIT.clear()


def forget_words() -> None:
    """Empty the memo of the keywords each word holds (benchmarks measure cold runs with it)."""
    _WORD_KEYS.clear()


def _keys_in_word(word: str) -> tuple[str, ...]:
    found = _WORD_KEYS.get(word)
    if found is None:
        if len(_WORD_KEYS) >= _WORD_KEYS_MAX:
            _WORD_KEYS.clear()
        # the word's substrings up to the longest keyword, looked up: cheaper than testing every keyword
        n = len(word)
        subs = {word[i:j] for i in range(n) for j in range(i + 1, min(n, i + _LONGEST) + 1)}
        found = _WORD_KEYS[word] = tuple(subs.intersection(_REGISTERED))
    return found


class KeyIndex:
    """Which spans of a text contain a keyword: each keyword is looked up once, however many patterns use it.

    The date and trigger lexicons share many keywords ("week", "day", the month names, "control"), and most of them
    contain no white space, so cannot cross a word: one pass over the words of each span finds all of those at
    once.  Keywords with white space (and every keyword when text lies outside the spans) are found with
    ``str.find``.  Either way a span "contains" a keyword when an occurrence starts in it or in the white space
    after it.

    Examples
    --------
    >>> KeyIndex("one. two. one.", [(0, 4), (5, 9), (10, 14)]).spans_with(("one",))
    [(0, 4), (10, 14)]
    """

    def __init__(self, low: str, spans: list[tuple[int, int]], starts: list[int] | None = None) -> None:
        self.low, self.spans = low, spans
        self.starts = [s for s, _ in spans] if starts is None else starts
        self._hits: dict[str, list[int]] = {}
        self._spans: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[int, int]]] = {}
        self._by_word: dict[str, list[int]] | None = None
        self._words_apart = self._only_space_between()

    def _only_space_between(self) -> bool:
        """True when white space separates the spans and is all that lies outside them (sentences, paragraphs):
        then a keyword without white space occurs in a span iff one of the span's words contains it."""
        low, prev = self.low, 0
        for i, (s, e) in enumerate(self.spans):
            if s < prev or (i and s == prev) or not (s == prev or low[prev:s].isspace()):
                return False
            prev = e
        return prev == len(low) or low[prev:].isspace()

    def hits(self, key: str) -> list[int]:
        """Indices (ascending) of the spans that contain ``key``."""
        found = self._hits.get(key)
        if found is None:
            if self._words_apart and key in _REGISTERED:
                if self._by_word is None:
                    self._by_word = self._index_words()
                found = self._by_word.get(key, [])
            else:
                found = self._search(key)
            self._hits[key] = found
        return found

    def _index_words(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        low, known = self.low, _WORD_KEYS.get  # the hot loop: ~500 words an article, most with no keyword
        for i, (s, e) in enumerate(self.spans):
            for word in set(low[s:e].split()):
                keys = known(word)
                if keys is None:
                    keys = _keys_in_word(word)
                for key in keys:
                    ids = out.get(key)
                    if ids is None:
                        out[key] = [i]
                    elif ids[-1] != i:
                        ids.append(i)
        return out

    def _search(self, key: str) -> list[int]:
        low, spans, starts = self.low, self.spans, self.starts
        out: list[int] = []
        pos = low.find(key)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0:
                if not out or out[-1] != i:
                    out.append(i)
                pos = low.find(key, max(spans[i][1], pos + 1))
            else:
                pos = low.find(key, pos + 1)
        return out

    def _ids_with(self, keys: tuple[str, ...]) -> list[int]:
        if len(keys) == 1:
            return self.hits(keys[0])
        if self._words_apart:  # registered keys straight from the word index: this runs ~40 times an article
            split = _SPLIT.get(keys)
            if split is None:
                split = _SPLIT[keys] = (tuple(k for k in keys if k in _REGISTERED),
                                        tuple(k for k in keys if k not in _REGISTERED))
            if self._by_word is None:
                self._by_word = self._index_words()
            by_word = self._by_word
            found = [by_word[k] for k in split[0] if k in by_word]
            found += [ids for ids in map(self.hits, split[1]) if ids]
        else:
            found = [ids for ids in map(self.hits, keys) if ids]
        if len(found) <= 1:
            return found[0] if found else []
        return sorted(set().union(*found))

    def spans_with(self, keys: tuple[str, ...], also: tuple[str, ...] = ()) -> list[tuple[int, int]]:
        """The spans (in order) that contain one of ``keys`` and, when ``also`` is given, one of ``also``."""
        found = self._spans.get((keys, also))
        if found is None:
            ids = self._ids_with(keys)
            if also:
                second = set(self._ids_with(also))
                ids = [i for i in ids if i in second]
            found = self._spans[keys, also] = [self.spans[i] for i in ids]
        return found
