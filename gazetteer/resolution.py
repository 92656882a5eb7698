"""What a lookup answers: a Resolution with its status, score, rule and candidates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gazetteer.place import Place

Status = Literal["resolved", "ambiguous", "unresolved"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for, with how well it matched and why."""

    place: Place
    score: float
    rule: str

    def to_dict(self) -> dict:
        return {**self.place.to_dict(), "score": round(self.score, 4), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one query.

    ``status`` is "resolved" (``place`` is set), "ambiguous" (``place`` is None, ``candidates`` holds the
    alternatives) or "unresolved" (nothing close enough). ``rule`` names the matching rule of the best
    candidate ("exact", "normalised", "skeleton", "fuzzy", "online", or "" when nothing matched).
    """

    query: str
    status: Status
    place: Place | None
    score: float
    rule: str
    candidates: tuple[Candidate, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.status == "resolved"

    def to_dict(self) -> dict:
        """The stable JSON shape of ``conflict-mapper resolve --json``."""
        return {
            "query": self.query,
            "status": self.status,
            "place": self.place.to_dict() if self.place else None,
            "score": round(self.score, 4),
            "rule": self.rule,
            "candidates": [c.to_dict() for c in self.candidates],
        }
