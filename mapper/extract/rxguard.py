"""A one-character guard in front of a regular expression, so that the engine skips quickly where no match can start.

The lexicons' patterns start with a look-behind (``(?<![\\w-])``) or an optional word (``(?:the\\s+)?army``), and then
Python's engine tries the whole pattern at every position of the text. The characters a match can start with are
known from the pattern itself; a look-ahead for them in front (``(?=[fl])``) changes no match and lets the engine give
up at most positions after one test (the trigger, date and actor scans get ~25% faster). Case is left to the engine:
characters that start a case-insensitive part of the pattern go into a case-insensitive class (``(?i:[kt])``), which
matches exactly what the engine's case folding matches ("K", the Kelvin sign...). A pattern whose first character
cannot be told (a class like ``\\w``, any character, an empty match) is compiled as it is.
"""

from __future__ import annotations

import re

try:  # CPython's parser of pattern syntax (3.11+); without it every pattern is compiled unguarded
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - other Pythons
    _parser = None

#: A guard of more characters than this is not worth its test.
MAX_GUARD = 16
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")  # inline global flags: they must stay at the very start


class _Unknown(Exception):
    """The first character of a match cannot be told from this part of the pattern."""


def _add(code: int, ignorecase: bool, exact: set[str], folded: set[str]) -> None:
    (folded if ignorecase else exact).add(chr(code))


def _first(items, ignorecase: bool, exact: set[str], folded: set[str]) -> bool:
    """Add the characters a match of ``items`` can start with; return whether ``items`` can match empty."""
    for op, av in items:
        if op is _C.LITERAL:
            _add(av, ignorecase, exact, folded)
            return False
        if op is _C.IN:
            for item_op, item in av:
                if item_op is _C.LITERAL:
                    _add(item, ignorecase, exact, folded)
                elif item_op is _C.RANGE and item[1] - item[0] < MAX_GUARD:
                    for code in range(item[0], item[1] + 1):
                        _add(code, ignorecase, exact, folded)
                else:  # a category (\w, \s), a negated class, a wide range
                    raise _Unknown
            return False
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is _C.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative, ignorecase, exact, folded)
        elif op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            scoped = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            empty = _first(sub, scoped, exact, folded)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            empty = _first(sub, ignorecase, exact, folded) or low == 0
        else:  # any character, a back-reference, a conditional...
            raise _Unknown
        if not empty:
            return False
    return True


def start_guard(pattern: str, flags: int = 0) -> str | None:
    """A look-ahead for the characters a match of ``pattern`` can start with; None when they cannot be told or are
    too many.

    Examples
    --------
    >>> start_guard(r"(?<![\\w-])(?:fell|(?:the\\s+)?army)")
    '(?=[aft])'
    >>> start_guard(r"(?<![\\w-])(?:HTS|(?i:tahrir))")
    '(?=[H]|(?i:[t]))'
    >>> start_guard(r"\\w+ly") is None
    True
    """
    if _parser is None:
        return None
    exact: set[str] = set()
    folded: set[str] = set()
    try:
        parsed = _parser.parse(pattern, flags)
        if _first(parsed, bool(parsed.state.flags & re.IGNORECASE), exact, folded):
            return None  # may match the empty string: anywhere
    except (_Unknown, re.error, RecursionError):
        return None
    if not exact and not folded or len(exact) + len(folded) > MAX_GUARD:
        return None
    parts = ["[" + "".join(re.escape(c) for c in sorted(exact)) + "]"] if exact else []
    if folded:
        parts.append("(?i:[" + "".join(re.escape(c) for c in sorted(folded)) + "])")
    return "(?=" + "|".join(parts) + ")"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with :func:`start_guard` in front when there is one."""
    guard = start_guard(pattern, flags)
    if guard is not None:
        at = _GLOBAL_FLAGS.match(pattern).end()
        pattern = pattern[:at] + guard + pattern[at:]
    return re.compile(pattern, flags)
