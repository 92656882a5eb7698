"""Sides and who-says-so: the actor lexicon, the attribution lexicon and the rules that apply them.

The lexicon is one table, ``ACTOR_TABLE``, of (pattern, side) rows.  ``side`` is ``"government"`` (the state's armed
forces and allies in a civil war), ``"opposition"`` (rebels, jihadists, "terrorists", "militants"...) or the
canonical name of another actor ("SDF", "ISIS", "Russia").  Patterns are regular expressions; a pattern written in
capitals (an acronym) is case-sensitive, every other is not.  For another war, build
``ActorLexicon(my_rows + ACTOR_TABLE)`` (earlier rows win when two match at the same place) and pass it to
``extract_reports(..., actors=...)``.

In an inter-state war the states are named actors ("Ukrainian forces" -> "Ukraine", "Russian troops" -> "Russia"),
because "government" would not tell the two armies apart.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from mapper.extract.model import GOVERNMENT, OPPOSITION
from mapper.extract.rxguard import guarded
from mapper.extract.sentences import KeyIndex, register_keys

_F = r"(?:forces|troops|soldiers|units|army|military|fighters)"
_GROUPS = r"(?:groups?|factions?|organi[sz]ations?|fighters|forces|elements|militants|terrorists|outfits?)"

#: (pattern, side).  When two rows match at the same place the earlier row wins: specific rows come first.
ACTOR_TABLE: tuple[tuple[str, str], ...] = (
    # --- Syria (the bundled default; extend or replace for another war) ---
    (r"Syrian\s+(?:Arab\s+)?(?:army|military|air\s+force|navy)(?:\s+" + _F + r")?", GOVERNMENT),
    (r"Syrian\s+(?:government\s+|military\s+|regime\s+|army\s+)?" + _F, GOVERNMENT),
    (r"SAA|Tiger\s+Forces|Assad(?:['’]s)?\s+(?:regime|" + _F + r")|Assadists?|Hezbollah|NDF", GOVERNMENT),
    (r"National\s+Defen[cs]e\s+Forces|Republican\s+Guard|(?:4th|Fourth|25th)\s+Division", GOVERNMENT),
    (r"الجيش(?:\s+العربي)?(?:\s+السوري)?|القوات\s+الحكومية", GOVERNMENT),
    (r"HTS|(?:Hay['’]?at\s+)?Tahrir\s+al-Sham|Tahrir\s+al-Sham\s+al-Hay['’]at", OPPOSITION),
    (r"(?:Jabhat\s+)?al-Nusra(?:\s+Front)?|Nusra\s+Front|Jabhat\s+Fateh\s+al-Sham|JFS", OPPOSITION),
    (r"National\s+Front\s+for\s+(?:the\s+)?Liberation(?:\s+of\s+Syria)?|NFL|FSA|Free\s+Syrian\s+Army", OPPOSITION),
    (r"Syrian\s+National\s+Army|SNA|Ahrar\s+al-Sham|Jaysh\s+al-Izza|Jaish\s+al-Izza", OPPOSITION),
    (r"Turkish-backed\s+(?:\w+\s+)?" + _GROUPS + r"|Turkish-backed\s+(?:rebels|allies)", OPPOSITION),
    (r"الإرهابي\w*|المسلح\w*", OPPOSITION),
    (r"SDF|Syrian\s+Democratic\s+Forces", "SDF"),
    (r"YPG", "YPG"),
    (r"ISIS|ISIL|IS|Daesh|(?:the\s+)?Islamic\s+State(?:\s+group)?", "ISIS"),
    (r"Turkish\s+" + _F + r"|Turkish\s+armed\s+forces|Turkey", "Turkey"),
    (r"Russian\s+(?:aerospace\s+forces|air\s+force|" + _F + r")|Russia", "Russia"),
    # --- other wars: a few defaults so the tool is not blind outside Syria ---
    (r"Ukrainian\s+(?:armed\s+forces|" + _F + r")|Ukraine['’]s\s+(?:armed\s+)?forces|Ukraine", "Ukraine"),
    (r"Wagner(?:\s+Group)?", "Wagner"),
    (r"RSF|Rapid\s+Support\s+Forces", "RSF"),
    (r"SAF|Sudanese\s+(?:Armed\s+Forces|army|" + _F + r")", GOVERNMENT),
    (r"Houthis?(?:\s+" + _F + r")?|Ansar\s+Allah", "Houthis"),
    (r"STC|Southern\s+Transitional\s+Council", "STC"),
    (r"Myanmar\s+(?:military|army|" + _F + r")", GOVERNMENT),
    (r"Arakan\s+Army", "Arakan Army"),
    (r"PDFs?|People['’]s\s+Defen[cs]e\s+Forces?|KIA|Kachin\s+Independence\s+Army", OPPOSITION),
    (r"IDF|Israeli\s+(?:Defen[cs]e\s+Forces|" + _F + r")|Israel", "Israel"),
    (r"Hamas", "Hamas"),
    (r"al-Shabaab|Taliban", "Islamist group"),
    (r"MNDAA|TNLA|Three\s+Brotherhood\s+Alliance", "Three Brotherhood Alliance"),
    # --- generic words, any war ---
    ((r"pro-(?:government|regime|Assad|junta)\s+(?:militias?|forces|fighters|groups|troops)"
     r"|(?:fighters|forces|troops|militias?)\s+loyal\s+to\s+the\s+(?:government|regime)|loyalist\s+forces"),
     GOVERNMENT),
    (r"(?:pro-)?government(?:-led)?\s+" + _F, GOVERNMENT),
    (r"regime(?:\s+" + _F + r")?", GOVERNMENT),
    (r"(?:the\s+)?(?:national\s+)?army", GOVERNMENT),
    (r"armed\s+forces|security\s+forces|state\s+forces|the\s+military|military\s+units|troops|soldiers", GOVERNMENT),
    (r"junta(?:\s+" + _F + r")?|Tatmadaw", GOVERNMENT),
    (r"rebels?(?:\s+" + _GROUPS + r")?|insurgents?|militants?(?:\s+" + _GROUPS + r")?", OPPOSITION),
    (r"terrorists?(?:\s+" + _GROUPS + r")?|jihadists?|extremists?|islamists?|takfiris?(?:\s+" + _GROUPS + r")?",
     OPPOSITION),
    (r"armed\s+(?:groups|opposition)|opposition(?:\s+" + _GROUPS + r")?|resistance\s+" + _GROUPS, OPPOSITION),
    (r"anti-(?:government|regime|junta)\s+" + _GROUPS, OPPOSITION),
)

#: Sides that only have two ends: when one side loses a place, the other gains it.
OPPONENT = {GOVERNMENT: OPPOSITION, OPPOSITION: GOVERNMENT}

#: (pattern, canonical name) of who says so.  Case-sensitive when written in capitals.
ATTRIBUTION_TABLE: tuple[tuple[str, str], ...] = (
    (r"SANA|سانا|Syrian\s+Arab\s+News\s+Agency", "SANA"),
    (r"SOHR|Syrian\s+Observatory(?:\s+for\s+Human\s+Rights)?", "SOHR"),
    (r"Reuters", "Reuters"), (r"AFP|Agence\s+France-Presse", "AFP"), (r"AP|Associated\s+Press", "AP"),
    (r"Sputnik", "Sputnik"), (r"TASS", "TASS"), (r"al-Watan", "al-Watan"), (r"Al\s+Jazeera", "Al Jazeera"),
    (r"(?:Russian\s+)?(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|MoD)", "Russian MoD"),
    (r"ISW|Institute\s+for\s+the\s+Study\s+of\s+War", "ISW"),
    (r"General\s+Staff", "General Staff"),
    (r"General\s+Command|army\s+statement|statement\s+by\s+the\s+army|army\s+said", "army statement"),
    (r"Amaq", "Amaq (ISIS)"),
)

_SPEECH = (r"(?:said|says|say|reported|announced|announces|stated|noted|told|added|confirmed|claimed|"
           r"cited|declared|wrote|tweeted|posted)")
_INVERTED = re.compile(r"[,”\"]\s*" + _SPEECH + r"\s+((?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,5}?"
                       r"(?:source|official|spokes\w+|commander|statement|agency|report|observatory|ministry))\b")
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+((?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?=[,.;]|$|\s+(?:"
                        r"which|who|as|the|a|on|in|over|at)\b)")
_ANAPHOR = re.compile(r"(?i)^(?:the|this|that)\s+(?:source|report|statement|agency|official|spokesman|observatory)s?$")
_QUOTED = re.compile(r"“[^”]{12,}”|\"[^\"]{12,}\"")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "which", "who", "that", "this"})


def _top_level_split(pattern: str) -> list[str]:
    parts, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def _wrap(pattern: str) -> str:
    """Acronym alternatives ("IS", "HTS") stay case-sensitive; every other alternative ignores case."""
    alts = [a if re.fullmatch(r"[A-Z]{2,}s?\??", a) else f"(?i:{a})" for a in _top_level_split(pattern)]
    return "(?:" + "|".join(alts) + ")"


def literal_keys(pattern: str) -> tuple[str, ...]:
    """Lower-case literals such that every match of ``pattern`` contains one (a cheap ``in`` prefilter).

    Per top-level alternative: the longest letter run outside optional groups and alternations; when there is
    none, every letter run of the alternative (looser, still safe).
    """
    keys: set[str] = set()
    for alt in _top_level_split(pattern):
        if re.fullmatch(r"[A-Z]{2,}s?\??", alt):  # an acronym: matched case-sensitively, keyed the same way
            keys.add(alt.rstrip("?s") if alt.endswith("s?") else alt)
            continue
        bare = re.sub(r"\\[a-zA-Z]|\(\?[a-zA-Z]+\)|\(\?P<\w+>", " ", alt).replace("(?i:", "(")
        bare = re.sub(r"\[[^\]]*\]", " ", bare)
        strict, prev = bare, None
        while strict != prev:
            prev = strict
            strict = re.sub(r"\((?:\?:)?[^()]*\)[?*]|[^\W\d_]\?", " ", strict)
            strict = re.sub(r"\((?:\?:)?([^()|]*)\)", r"\1", strict)
            strict = re.sub(r"\([^()]*\|[^()]*\)", " ", strict)
        runs = re.findall(r"[^\W\d_]{2,}", strict)
        if runs:
            keys.add(max(runs, key=len).lower())
        else:
            keys.update(k.lower() for k in re.findall(r"[^\W\d_]{2,}", bare))
    return tuple(sorted(keys))


def _bounded(pattern: str) -> re.Pattern[str]:
    return guarded(r"(?<![\w-])" + _wrap(pattern) + r"(?![\w])")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: its span, the words and the side they stand for."""

    start: int
    end: int
    text: str
    side: str


class ActorLexicon:
    """Compiled actor table.

    Examples
    --------
    >>> [a.side for a in ActorLexicon().find("The Syrian Army and the rebels")]
    ['government', 'opposition']
    """

    def __init__(self, rows: tuple[tuple[str, str], ...] = ACTOR_TABLE) -> None:
        self._rows = rows
        self._single = [_bounded(p) for p, _ in rows]
        self._rows_by_key: dict[str, list[int]] = {}
        for i, (p, _) in enumerate(rows):
            for k in literal_keys(p):
                self._rows_by_key.setdefault(k, []).append(i)
        self._any = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>{_wrap(p)})" for i, (p, _) in enumerate(rows))
                               + r")(?![\w])")
        self._names = [side for _, side in rows]
        self._last: tuple[str | None, list[tuple[str, list[int]]]] = (None, [])
        self._sides: dict[str, str | None] = {}
        register_keys(k for k in self._rows_by_key if not k.isupper())

    def _keys_in(self, text: str) -> list[tuple[str, list[int]]]:
        """The (key, rows) whose key occurs somewhere in ``text``.

        The extractor calls :meth:`find` once per sentence of the same article: testing the ~100 keys against the
        whole text once leaves only the few that occur to test per sentence.
        """
        last_text, keys = self._last  # one tuple, read and written whole: safe if threads share the lexicon
        if text is not last_text:
            low = text.lower()
            keys = [(k, ids) for k, ids in self._rows_by_key.items() if k in (text if k.isupper() else low)]
            self._last = (text, keys)
        return keys

    def rows_by_span(self, text: str, index: KeyIndex) -> list[set[int]]:
        """For each span of ``index`` (a :class:`KeyIndex` of ``text.lower()``), the rows whose key occurs in it.

        One look-up per key for the whole article, instead of testing every key against every sentence; a key
        that runs past a span's end may add a row to it, which only costs that row's regex a run.
        """
        out: list[set[int]] = [set() for _ in index.spans]
        for key, ids in self._rows_by_key.items():
            for i in (_case_hits(text, key, index.starts) if key.isupper() else index.hits(key)):
                out[i].update(ids)
        return out

    def find(self, text: str, start: int = 0, end: int | None = None, rows=None) -> list[ActorMention]:
        """Actor mentions in ``text[start:end]``, in order (at one place the earliest row of the table wins).

        ``rows``, when given, are the rows whose keys occur in ``text[start:end]`` (see :meth:`rows_by_span`).
        """
        end = len(text) if end is None else end
        if rows is None:
            seg = text[start:end]
            low = seg.lower()
            keys = self._keys_in(text) if start or end != len(text) else self._rows_by_key.items()
            rows = {i for k, ids in keys if k in (seg if k.isupper() else low) for i in ids}
        hits = [(m.start(), i, m.end()) for i in rows for m in self._single[i].finditer(text, start, end)]
        hits.sort()
        out: list[ActorMention] = []
        for s, i, e in hits:
            if out and s < out[-1].end:
                continue
            out.append(ActorMention(s, e, text[s:e], self._names[i]))
        return out

    def forget(self) -> None:
        """Empty the memo of :meth:`side_of` (benchmarks measure cold runs with it)."""
        self._sides.clear()
        self._last = (None, [])

    def side_of(self, words: str) -> str | None:
        """The side ``words`` stand for when the whole phrase is an actor, else None."""
        side = self._sides.get(words, "")
        if side == "":  # memoised: the extractor asks about the same few names many times
            m = self._any.fullmatch(words.strip())
            side = self._names[int(m.lastgroup[1:])] if m else None
            if len(self._sides) > 50_000:
                self._sides.clear()
            self._sides[words] = side
        return side


def _case_hits(text: str, key: str, starts: list[int]) -> list[int]:
    """Indices of the spans (starting at ``starts``) in which the case-sensitive ``key`` starts."""
    out: list[int] = []
    pos = text.find(key)
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and (not out or out[-1] != i):
            out.append(i)
        pos = text.find(key, pos + 1)
    return out


_ATTR_RX = [(_bounded(p), name) for p, name in ATTRIBUTION_TABLE]


@functools.lru_cache(maxsize=4096)
def canonical_source(phrase: str) -> str:
    """The canonical name of a source phrase ("Syria's official news agency SANA" -> "SANA"), else the phrase."""
    for rx, name in _ATTR_RX:
        if rx.search(phrase):
            return name
    phrase = re.sub(r"(?i)^(?:and|but|that|while|as|meanwhile|also)\s+", "", phrase.strip(" ,“”\"'"))
    return re.sub(r"^[Tt]he\s+(?=[A-Z])", "", phrase)


_SPEECH_KEYS = ("said", "says", "say ", "report", "announc", "stated", "noted", "told", "added", "confirm", "claim",
                "cited", "declar", "wrote", "tweet", "posted", "according")
_SPEECH_RX = re.compile(r"\b" + _SPEECH + r"\b")
_LEAD = re.compile(r"(?:^|\s)((?:the|a|an|syria['’]s|[A-Z\u0600-\u06FF][\w’'-]*)\b.*)$", re.IGNORECASE)


def find_attribution(sentence: str) -> str | None:
    """Who the sentence says its content comes from, or None.

    Examples
    --------
    >>> find_attribution("The army took X on Monday, Syria's official news agency SANA reported.")
    'SANA'
    >>> find_attribution("“X fell,” the source said.")
    'the source'
    """
    low = sentence.lower()
    for key in _SPEECH_KEYS:  # a plain loop: this runs for every sentence with an event
        if key in low:
            break
    else:
        return _named_outlet(sentence, low)
    if "“" in sentence or '"' in sentence:
        sentence = _QUOTED.sub(lambda q: " " * len(q.group()), sentence)  # a quote's own words are not its source
    if "according" in low:
        m = _ACCORDING.search(sentence)
        if m:
            return canonical_source(m.group(1))
    m = _INVERTED.search(sentence)
    if m:
        return canonical_source(m.group(1))
    for m in _SPEECH_RX.finditer(sentence):
        words = sentence[max(0, m.start() - 90):m.start()].split(",")[-1].split()[-7:]
        words = [w.strip("”\"“") for w in words if w.strip("”\"“")]
        if not words:
            continue
        cut = _LEAD.search(" ".join(words))
        phrase = cut.group(1) if cut else " ".join(words)
        if phrase.lower() in _PRONOUNS:
            continue
        return canonical_source(phrase)
    return _named_outlet(sentence, low)


_OUTLETS = [(keys, rx, name) for (rx, name), keys in
            zip(_ATTR_RX[:9], [literal_keys(p) for p, _ in ATTRIBUTION_TABLE[:9]], strict=True)]


def _named_outlet(sentence: str, low: str) -> str | None:
    """A known outlet named anywhere in the sentence ("مراسل سانا:", "SANA footage shows")."""
    for keys, rx, name in _OUTLETS:
        for key in keys:
            if key in low:
                if rx.search(sentence):
                    return name
                break
    return None


def is_anaphor(source: str | None) -> bool:
    """True for "the source", "the report": words that point back to an earlier source."""
    return bool(source) and bool(_ANAPHOR.match(source))
