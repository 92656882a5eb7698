"""A fixed pure-Python workload that tells how fast the machine runs Python right now.

The machines these benchmarks run on are shared: the same code, minutes apart, runs at 60% or 100% of its speed. A
figure alone cannot tell a slower program from a busier host; the same figure divided by this baseline, measured in
the same run, can (the benchmarks print both). The workload touches what the pipeline spends its time on: dict and
set look-ups, string methods, small regular-expression searches, tuple building and sorting. It never changes.
"""

from __future__ import annotations

import re
import time

_SENTENCE = ("the Syrian army captured Kafr Nabl and al-Tah on Monday after heavy fighting with HTS militants in the "
             "southern Idlib countryside, SANA reported")
_WORDS = tuple(_SENTENCE.split(" "))
_RX = re.compile(r"(?<![\w-])(?:captured|fighting|reported)(?![\w-])")
_TABLE = {w.lower(): i for i, w in enumerate(_WORDS)}


def _unit() -> int:
    """One unit of reference work; returns a checksum so nothing is optimised away."""
    total = 0
    seen = set()
    items = []
    for word in _WORDS:
        low = word.lower()
        total += _TABLE.get(low, 0) + len(low.strip("-"))
        seen.add(low[:3])
        items.append((len(word), low))
    text = " ".join(_WORDS)
    total += sum(1 for _ in _RX.finditer(text))
    items.sort()
    return total + len(seen) + items[0][0]


#: Units per pass (~30 ms on these machines when quiet).
UNITS = 2000


def baseline(passes: int = 7) -> float:
    """Reference units per second: the best of ``passes`` passes (a pass lasts ~30 ms)."""
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for _ in range(UNITS):
            _unit()
        best = min(best, time.perf_counter() - started)
    return UNITS / best


def describe(rate: float) -> str:
    return (f"machine baseline {rate:,.0f} reference units/s (fixed pure-Python work measured in this run; a busy "
            f"host lowers it and every figure with it)")
