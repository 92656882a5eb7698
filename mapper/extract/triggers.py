"""Trigger lexicon: the words that say a place changed hands, was attacked, approached or besieged.

Each row of ``TRIGGERS`` is a pattern with the event type it signals and its *frame*, which tells the orchestrator
where the places and the sides are:

- ``object``: places follow ("liberated the villages of X and Y", "the capture of X"); the agent is the subject.
  A participle after a form of *be* ("were recaptured") or before "by" ("the villages liberated by the army") turns
  it passive: places precede, the agent follows "by".
- ``list``: like ``object`` but for advances and sieges ("advance on X and Y", "the siege of X").
- ``scan``: every place name in the rest of the clause (attacks: "a strike on depots near X and Y").
- ``fell_to``: places precede, the gainer follows ("X fell to the army", "X came under the control of Y").
- ``returned``: places precede, the gainer is named inside the trigger ("returned to government control").
- ``withdrew``: the subject is the loser, places follow ("militants withdrew from X").
- ``lost``: the subject is the loser, places follow, the gainer follows "to" ("lost control of X to Y").
- ``out_of``: the loser sits in the trigger ("drove the rebels out of X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mapper.extract.actors import literal_keys
from mapper.extract.model import CONTROL_CHANGE
from mapper.extract.rxguard import guarded
from mapper.extract.sentences import KeyIndex, register_keys, split_paragraphs


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """One row of the lexicon."""

    pattern: str
    event_type: str
    frame: str
    sub_event_type: str
    modality: str | None = None  # a modality the words themselves carry ("inching closer": expected)
    keys: tuple[str, ...] = ()  # lower-case words one of which every match contains: the regex runs only there
    # a second such set, for rows whose ``keys`` are common words ("control"); left out of repr to keep it short
    also: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a text."""

    start: int
    end: int
    spec: TriggerSpec
    passive: bool
    gainer_text: str = ""  # "government" in "returned to government control"


_CTRL = r"(?:full\s+|complete\s+|total\s+|effective\s+|firm\s+|back\s+)?control\s+(?:of|over)"
_ATTACK = "attack"
TRIGGERS: tuple[TriggerSpec, ...] = (
    # --- control changes ---
    TriggerSpec(r"(?:re)?gain(?:s|ed|ing)?\s+" + _CTRL, CONTROL_CHANGE, "object", "regained",
                keys=("gain",), also=("control",)),  # "gain" alone also hits every "against"
    TriggerSpec(r"(?:t(?:ake|akes|ook|aken|aking)|seiz(?:e|es|ed|ing)|assum(?:e|es|ed|ing)|establish(?:es|ed|ing)?"
                r"|impos(?:e|es|ed|ing)|restor(?:e|es|ed|ing)|wrest(?:s|ed|ing)?)\s+" + _CTRL,
                CONTROL_CHANGE, "object", "took control",
                keys=("control",), also=("tak", "took", "seiz", "assum", "establish", "impos", "restor", "wrest")),
    TriggerSpec(r"wrest(?:s|ed|ing)?", CONTROL_CHANGE, "object", "wrested",
                keys=("wrest",)),
    TriggerSpec(r"recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|regain(?:s|ed|ing)?|reconquer(?:s|ed|ing)?",
                CONTROL_CHANGE, "object", "recaptured",
                keys=("recaptur", "retak", "retook", "regain", "reconquer")),
    TriggerSpec(r"captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|conquer(?:s|ed|ing)?|overr(?:an|un|uns|unning)"
                r"|occup(?:y|ies|ied|ying)", CONTROL_CHANGE, "object", "captured",
                keys=("captur", "seiz", "conquer", "overr", "occup")),
    TriggerSpec(r"liberat(?:e|es|ed|ing)|(?:set|sets|setting)\s+free|freed|frees|freeing|(?<=to\s)free",
                CONTROL_CHANGE, "object", "liberated",
                keys=("liberat", "free")),
    TriggerSpec(r"(?:enter(?:s|ed|ing)?|storm(?:s|ed|ing)?)\s+and\s+(?:secur(?:e|es|ed|ing)|took\s+control\s+of)"
                r"|enter(?:s|ed|ing)?", CONTROL_CHANGE, "object", "entered",
                keys=("enter", "storm")),
    TriggerSpec(r"secur(?:e|es|ed|ing)|clear(?:s|ed|ing)?|t(?:ake|akes|ook|aken|aking)(?:\s+over)?",
                CONTROL_CHANGE, "object", "secured",
                keys=("secur", "clear", "tak", "took")),
    TriggerSpec(r"(?:capture|recapture|liberation|seizure|fall|takeover|retaking|occupation)\s+of",
                CONTROL_CHANGE, "object", "captured",
                keys=("capture of", "liberation of", "seizure of", "fall of", "takeover of", "retaking of", "occupation of")),
    TriggerSpec(r"f(?:ell|all|alls|allen|alling)\s+(?:to|into\s+the\s+hands\s+of|under\s+the\s+control\s+of)"
                r"|c(?:ame|ome|omes|oming)\s+under\s+(?:the\s+)?(?:full\s+)?control\s+of",
                CONTROL_CHANGE, "fell_to", "fell",
                keys=("fell", "fall", "came under", "come under", "comes under", "coming under")),
    TriggerSpec(r"(?:return(?:s|ed|ing)?|restored|brought\s+back|c(?:ame|ome|omes)|f(?:ell|all|alls|allen))\s+"
                r"(?:to|under)\s+(?P<side>[\w-]+)\s+control",
                CONTROL_CHANGE, "returned", "returned to control",
                keys=(" control",), also=("return", "restored", "brought", "came", "come", "fell", "fall")),
    TriggerSpec(r"(?:ha(?:s|ve|d)|had\s+been)\s+fallen(?!\s+(?:to|into|under))|f(?:ell|alls)\s+(?=[,.;])",
                CONTROL_CHANGE, "fell_to", "fell",
                keys=("fallen", "fell", "falls")),
    TriggerSpec(r"los(?:t|e|es|ing)\s+(?:full\s+|complete\s+)?control\s+(?:of|over)", CONTROL_CHANGE, "lost", "lost",
                keys=("control",), also=("lost", "lose", "losing")),
    TriggerSpec(r"(?:withdr(?:ew|awn|aw|aws|awing)|retreat(?:s|ed|ing)?|pull(?:s|ed|ing)?\s+out|fled)\s+from",
                CONTROL_CHANGE, "withdrew", "withdrew",
                keys=("withdr", "retreat", "pull", "fled")),
    TriggerSpec(r"(?:dr(?:ove|iven|ive|ives|iving)|push(?:ed|es|ing)?|forc(?:ed|es|ing)|expell(?:ed|ing)"
                r"|oust(?:ed|s|ing)?|kick(?:ed|s|ing)?)\s+(?P<loser>(?:[\w’'-]+\s+){1,5}?)out\s+of",
                CONTROL_CHANGE, "out_of", "drove out",
                keys=("out of",)),
    TriggerSpec(r"(?:ت|ي)?(?:ستعيد|استعاد|استعادت)\s+السيطرة\s+على|(?:ت|ي)?سيطر(?:ت)?\s+على|(?:ت|ي)?حرر(?:ت)?"
                r"|تحرير", CONTROL_CHANGE, "object", "captured",
                keys=("السيطرة", "حرر", "تحرير", "سيطر")),
    # --- advances (approaching, not taking) ---
    TriggerSpec(r"advanc(?:e|es|ed|ing)\s+(?:on|towards?|into|in|near|around|in\s+the\s+direction\s+of)"
                r"|(?:push|pushes|pushed|pushing|press|pressed|pressing|march|marched|marching|head|headed|heading"
                r"|mov(?:e|es|ed|ing))\s+(?:on\s+)?towards?|approach(?:es|ed|ing)?"
                r"|reach(?:es|ed|ing)?\s+the\s+(?:outskirts|gates|edge|doorstep)\s+of",
                "advance", "list", "advance",
                keys=("advanc", "toward", "approach", "reach")),
    TriggerSpec(r"(?:inch|edg|mov|clos|get|gett|draw)(?:e|es|ed|ing|s)?\s+(?:ever\s+)?(?:closer|nearer)\s+to"
                r"|clos(?:e|es|ed|ing)\s+in\s+on|(?:just\s+)?around\s+the\s+corner\s+from|aim(?:s|ed|ing)?\s+for",
                "advance", "list", "advance", "expected",
                keys=("closer", "nearer", "close in", "corner", "aim")),
    # --- sieges ---
    TriggerSpec(r"besieg(?:e|es|ed|ing)|encircl(?:e|es|ed|ing|ement)(?:\s+of)?|surrounded|under\s+siege"
                r"|siege\s+(?:of|on|to|around)|(?:lay|laid|laying|lays)\s+siege\s+to|noose\s+around"
                r"|blockade\s+(?:of|on)", "siege", "list", "siege",
                keys=("besieg", "encircl", "surrounded", "siege", "noose", "blockade")),
    # --- attacks ---
    TriggerSpec(r"(?:air|missile|drone|artillery|rocket|mortar|warning|aerial|precision)?\s*strikes?\s+"
                r"(?:on|against|near|in|at|targeting|around)|(?:air|drone)strikes?\s+(?:on|against|near|in|at)"
                r"|(?:air|missile|drone|artillery|rocket|mortar|warning|aerial|precision)\s+strikes?|airstrikes?"
                r"|struck|hit|hits|pound(?:s|ed|ing)|bomb(?:s|ed|ing|ings|arded|arding|ardment|ardments)?"
                r"|shell(?:s|ed|ing)|raid(?:s|ed)?\s+(?:on|in)?|raided|target(?:s|ed|ing)|ambush(?:ed|es)?"
                r"|(?:counter-?)?attack(?:s|ed|ing)?\s+(?:on|against|near|in|around|at)|attacked|storm(?:s|ed|ing)?|assault(?:s|ed)?\s+(?:on|against)"
                r"|killed|kill(?:s|ing)|clash(?:es|ed)\s+(?:in|near|around|at)|fighting\s+(?:in|near|around|for)"
                r"|battles?\s+(?:for|in|over|near)", _ATTACK, "scan", "attack",
                keys=("strike", "struck", "hit", "pound", "bomb", "shell", "raid", "target", "ambush", "attack", "assault", "kill", "clash", "fighting", "battle")),
)

_BE = re.compile(r"(?i)\b(?:is|are|was|were|been|being|be|get|gets|got)\s+(?:(?:also|now|reportedly|fully|finally|"
                 r"successfully|completely|already|recently|just|officially|all|entirely|partly|\w+ly)\s+){0,2}$")
_BY_AFTER = re.compile(r"(?i)\s*(?:\w+ly\s+)?by\b")
_PARTICIPLE = re.compile(r"(?i)(?:ed|en|ook|aken|un|an|ied|eed)$")

_FUNCTION_WORDS = frozenset({"from", "into", "under", "over", "with", "that", "the", "to", "of", "and", "around", "out"})


def _keys(spec: TriggerSpec) -> tuple[str, ...]:
    """The row's keywords plus the literals derived from its pattern (so a new alternative is never skipped)."""
    derived = {k for k in literal_keys(spec.pattern) if len(k) >= 4 and k not in _FUNCTION_WORDS}
    return tuple(sorted(set(spec.keys) | derived))


_KEYS = [_keys(s) for s in TRIGGERS]
for _row_keys in (*_KEYS, *(s.also for s in TRIGGERS)):
    register_keys(_row_keys)
# Compiled without IGNORECASE: they run on the lower-cased text, which is about twice as fast.
_COMPILED = [(guarded(r"(?<![\w-])(?:" + s.pattern + r")(?![\w-])"), s) for s in TRIGGERS]
_COMPILED_I = [(guarded(r"(?i)(?<![\w-])(?:" + s.pattern + r")(?![\w-])"), s) for s in TRIGGERS]


def find_triggers(text: str, spans: list[tuple[int, int]] | None = None, *,
                  index: KeyIndex | None = None) -> list[Trigger]:
    """Every trigger in ``text``; overlapping ones keep the earliest row of the lexicon, then the longest.

    ``spans`` (sentences or paragraphs, in order) bound the search; by default the paragraphs.  ``index`` is a
    :class:`KeyIndex` of ``text.lower()`` over the same spans, when the caller shares one with other searches.

    Examples
    --------
    >>> [t.spec.sub_event_type for t in find_triggers("The army took control of X. Y was recaptured.")]
    ['took control', 'recaptured']
    >>> [t.passive for t in find_triggers("Y was recaptured.")]
    [True]
    """
    if index is None:
        index = KeyIndex(text.lower(), split_paragraphs(text) if spans is None else spans)
    low = index.low
    aligned = len(low) == len(text)
    compiled, subject = (_COMPILED, low) if aligned else (_COMPILED_I, text)
    found = []
    for rank, (rx, spec) in enumerate(compiled):
        # the second keywords are only sound where the lower-cased text is what the regex runs on
        for ps, pe in index.spans_with(_KEYS[rank], spec.also if aligned else ()):
            for m in rx.finditer(subject, ps, pe):
                found.append((m.start(), m.end(), rank, m, spec))
    found.sort(key=lambda f: (f[0], f[2], -f[1]))
    out: list[Trigger] = []
    taken_end = -1  # found is sorted by start: a trigger overlaps a kept one iff it starts before the last end
    for start, end, _rank, m, spec in found:
        if start < taken_end:
            continue
        taken_end = end
        passive = False
        if spec.frame in ("object", "scan", "list"):
            head = m.group().split()[0]
            participle = bool(_PARTICIPLE.search(head)) or head.lower() in ("hit", "struck")
            before = text[max(0, start - 60):start]
            passive = participle and (bool(_BE.search(before)) or bool(_BY_AFTER.match(text, end)))
        gainer = m.groupdict().get("side") or m.groupdict().get("loser") or ""
        out.append(Trigger(start, end, spec, passive, gainer.strip()))
    out.sort(key=lambda t: t.start)
    return out
