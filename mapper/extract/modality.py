"""Modality: does the sentence assert, claim, deny, attempt or expect the event?

Checked in this order (the first that applies wins), on the words of the same sentence before the trigger:

1. denied: a denial verb ("denied", "refuted", "dismissed ... claims") anywhere before the trigger, or a negation
   right before it ("did not capture", "has not fallen", "never entered").
2. attempted: an effort that does not say it succeeded ("pushed to retake", "in an attempt to", "trying to",
   "failed to", "launched an offensive to").  "managed to" / "succeeded in" are successes: asserted.
3. expected: the future or a possibility ("could fall", "will likely capture", "expected to", "aims to",
   "on the verge of"), or a trigger that carries it ("inching closer to", "aims for").
4. claimed: "claim(s/ed)", "reportedly", "allegedly", "purportedly" in the sentence.
5. asserted otherwise.
"""

from __future__ import annotations

import re

_DENIED_VERB = re.compile(r"(?i)\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|reject(?:s|ed|ing)?\s+(?:claims|reports)"
                          r"|dismiss(?:es|ed|ing)?\s+(?:claims|reports)|false\s+claims?|untrue)\b")
_NEGATION = re.compile(r"(?i)\b(?:not|never|n['’]t|no\s+longer|yet\s+to|failed\s+to\s+\w+\s+and)\s+(?:\w+\s+){0,2}$")
_ATTEMPT = re.compile(
    r"(?i)(?:\b(?:push(?:es|ed|ing)?|attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|seek(?:s|ing)?|sought|struggl\w*"
    r"|fight(?:s|ing)?|battl(?:e|es|ed|ing)|fail(?:s|ed|ing)?|mov(?:e|es|ed|ing)|strive\w*|work(?:s|ed|ing)?"
    r"|launch\w*\s+(?:\w+\s+){0,3}?(?:offensive|operation|attack|assault|push|drive|campaign))"
    r"|\b(?:attempt|bid|effort|offensive|push|drive|operation|campaign|battle|fight)s?)\s+(?:\w+\s+)?to\s+"
    r"(?:\w+\s+)?$")
_EXPECT = re.compile(
    r"(?i)\b(?:could|would|might|may|will|shall|can|going\s+to|expected\s+to|likely\s+to|poised\s+to|set\s+to"
    r"|about\s+to|threaten\w*\s+to|plan(?:s|ned|ning)?\s+to|aim(?:s|ed|ing)?\s+(?:to|at)|prepar\w+\s+to|ready\s+to"
    r"|allow\w*(?:\s+\w+)?\s+to|hop\w+\s+to|vow\w*\s+to|intend\w*\s+to|in\s+order\s+to|verge\s+of|brink\s+of"
    r"|soon|imminent(?:ly)?|close\s+to|near\s+to|having\s+to|supposed\s+to|ha(?:ve|s|d)\s+to)\s+"
    r"(?:(?:\w+ly|soon|also|be|not|then|now|finally|eventually)\s+){0,3}$")
_CLAIM = re.compile(r"(?i)\b(?:claim(?:s|ed|ing)?|reportedly|allegedly|purportedly|alleged)\b")
_SUCCESS = re.compile(r"(?i)\b(?:managed|succeeded|able)\s+(?:\w+\s+)?(?:to|in)\s+(?:\w+\s+)?$")
#: Lower-case words one of which every match of the regex above them contains.
_DENIED_KEYS = ("den", "refut", "reject", "dismiss", "false", "untrue")
_NEGATION_KEYS = ("no", "never", "n't", "n’t", "yet", "failed")
_SUCCESS_KEYS = ("managed", "succeeded", "able")
_CLAIM_KEYS = ("claim", "reportedly", "alleged", "purportedly")
#: _EXPECT, _ATTEMPT and _SUCCESS end at the trigger ("$") after at most three more words, so the words that end
#: their keyword phrase must be among the last words before it: _EXPECT's modal verbs (inside a word: "(could"), or
#: the words "to", "at", "of" standing alone.
_EXPECT_KEYS = ("could", "would", "might", "may", "will", "shall", "can", "soon", "imminent")
_EXPECT_LAST_WORDS = frozenset({"to", "at", "of"})
_CASE_ODD = re.compile("[ıİſ\u212a]")  # dotless i, dotted I, long s, Kelvin sign


def _has(text: str, keys: tuple[str, ...]) -> bool:
    for key in keys:  # a plain loop: cheaper than any() over a generator for a handful of keys
        if key in text:
            return True
    return False


def _always(text: str, keys: tuple[str, ...]) -> bool:
    return True


def modality_of(sentence: str, trigger_offset: int, intrinsic: str | None = None) -> str:
    """Modality of the trigger at ``trigger_offset`` (an offset into ``sentence``).

    Examples
    --------
    >>> modality_of("The army pushed to retake the city.", 19)
    'attempted'
    >>> modality_of("The town could fall to the army.", 15)
    'expected'
    >>> modality_of("The army managed to retake the city.", 20)
    'asserted'
    """
    before = sentence[:trigger_offset]
    window = before[-70:]
    # Each regex runs only where its keywords occur (this runs for every trigger).  Sound only without the letters
    # that IGNORECASE matches to an ASCII letter they do not lower-case to (and "İ", which lower-cases to two
    # characters); with them every regex runs.
    odd = _CASE_ODD.search(sentence) is not None
    low = sentence if odd else sentence.lower()
    low_before, low_window = low[:trigger_offset], low[max(0, trigger_offset - 70):trigger_offset]
    has = _always if odd else _has
    last = low_window.split()[-4:]  # the words before the trigger, where _SUCCESS/_ATTEMPT/_EXPECT matches end
    tail = " ".join(last)
    if (has(low_before, _DENIED_KEYS) and _DENIED_VERB.search(before)) or \
            (has(low_window, _NEGATION_KEYS) and _NEGATION.search(window)):
        return "denied"
    claimed = has(low, _CLAIM_KEYS) and bool(_CLAIM.search(sentence))
    if has(tail, _SUCCESS_KEYS) and _SUCCESS.search(window):
        return "claimed" if claimed else "asserted"
    if (odd or "to" in last[-2:]) and _ATTEMPT.search(window):
        return "attempted"
    if intrinsic == "expected" or ((odd or has(tail, _EXPECT_KEYS) or not _EXPECT_LAST_WORDS.isdisjoint(last))
                                   and _EXPECT.search(window)):
        return "expected"
    if claimed:
        return "claimed"
    return "asserted"
