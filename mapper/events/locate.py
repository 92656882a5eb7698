"""Locate reports: resolve each report's place mention through the gazetteer, one article at a time.

An article's places are context for each other (``Gazetteer.resolve_all`` ranks candidates near the cluster the
other names form), so reports are grouped by ``evidence.article`` before resolving. Region reports ("many villages
in the southern countryside of Idlib") resolve only to admin units and are placed at the admin area's point with
geo precision 3. Reports whose place cannot be settled (a name no source knows, an ambiguous name, a region with no
area found) are kept in ``unlocated``, never placed; their names are also listed in ``unresolved``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.errors import GazetteerError
from gazetteer.place import Place
from gazetteer.resolution import Resolution
from mapper.extract.model import Report

#: Geo precision codes (the ACLED/UCDP idea): 1 the place itself, 2 near or part of it, 3 a region.
EXACT, NEAR, REGION = 1, 2, 3

#: Words in a report's location descriptor that mean "near / part of the place", not the place itself.
_NEAR_WORDS = frozenset({"near", "outskirts", "around", "vicinity", "part", "part-of", "part_of", "neighbourhood",
                         "neighborhood", "district", "countryside", "environs", "edge", "adjacent", "close"})


@dataclass(frozen=True, slots=True)
class LocatedReport:
    """A report with the place it was resolved to and how it was resolved.

    ``place`` is None only in :attr:`LocateResult.unlocated`.
    """

    report: Report
    place: Place | None
    geo_precision: int
    score: float
    rule: str


@dataclass(frozen=True, slots=True)
class UnresolvedMention:
    """A place name the gazetteer could not settle, with its sentence, so an analyst can add it to an overlay."""

    mention: str
    status: str  # "ambiguous" or "unresolved"
    candidates: tuple[str, ...]  # place ids, best first
    sentence: str
    article: str

    def to_dict(self) -> dict:
        return {"mention": self.mention, "status": self.status, "candidates": list(self.candidates),
                "sentence": self.sentence, "article": self.article}


@dataclass(frozen=True, slots=True)
class LocateResult:
    """What :func:`locate_reports` found.

    ``located`` have a place; ``unlocated`` do not (merge them into events with ``place=None`` for the exports'
    ``unlocated`` list); ``unresolved`` lists each doubtful name with its sentence for an analyst's overlay.
    """

    located: tuple[LocatedReport, ...]
    unresolved: tuple[UnresolvedMention, ...]
    unlocated: tuple[LocatedReport, ...] = ()


def _near_precision(report: Report) -> int:
    """Geo precision of a named-place report: 2 when its descriptor says near/part of, else 1.

    The extractor may add a ``geo_precision`` int or a ``near``/``part_of`` flag or a ``place_relation`` word to
    Report; any of them is honoured, and their absence means the place itself.
    """
    explicit = getattr(report, "geo_precision", None)
    if isinstance(explicit, int) and explicit in (EXACT, NEAR, REGION):
        return explicit
    if getattr(report, "near", False) or getattr(report, "part_of", False):
        return NEAR
    relation = getattr(report, "place_relation", "") or getattr(report, "relation", "") or ""
    if isinstance(relation, str) and relation.strip().lower() in _NEAR_WORDS:
        return NEAR
    return EXACT


def _resolve_names(gazetteer, names: list[str], *, near, bbox, kinds=None) -> dict[str, Resolution | None]:
    """Resolve names together; a name the gazetteer rejects (empty, control characters) maps to None."""
    if not names:
        return {}
    try:
        return dict(zip(names, gazetteer.resolve_all(names, near=near, bbox=bbox, kinds=kinds), strict=True))
    except GazetteerError:
        pass
    # One bad name spoiled the batch: resolve one by one so the others still get their context-free answer.
    answers: dict[str, Resolution | None] = {}
    for name in names:
        try:
            answers[name] = gazetteer.resolve(name, near=near, bbox=bbox, kinds=kinds)
        except GazetteerError:
            answers[name] = None
    return answers


_AREA_WORDS = ("countryside", "province", "governorate", "district", "region", "area")
_AREA_SUFFIXES = ("Province", "Governorate", "District")


def _area_queries(name: str) -> list[str]:
    """Other ways a source may name the admin unit an area phrase points at ("Idlib countryside" -> "Idlib Province").

    Sources usually store admin units under their full title ("Hama Governorate") with "Province" spellings as
    aliases, while articles say "the countryside of Hama" or "Hama province".
    """
    words = name.split()
    while words and words[-1].casefold() in _AREA_WORDS:
        words.pop()
    while words and words[0].casefold() in ("the", "of", *_AREA_WORDS):
        words.pop(0)
    core = " ".join(words)
    if not core:
        return []
    queries = [core] + [f"{core} {suffix}" for suffix in _AREA_SUFFIXES]
    return [q for q in dict.fromkeys(queries) if q != name]


def _resolve_area(gazetteer, name: str, answer: Resolution | None, *, near, bbox) -> Resolution | None:
    """The area's admin unit, trying :func:`_area_queries` when the name as written is not one."""
    if answer is not None and answer.status == "resolved":
        return answer
    for query in _area_queries(name):
        try:
            retry = gazetteer.resolve(query, near=near, bbox=bbox, kinds={"admin unit"})
        except GazetteerError:
            continue
        if retry.status == "resolved":
            return retry
    return answer


def _unresolved(report: Report, resolution: Resolution | None) -> UnresolvedMention:
    status = resolution.status if resolution is not None and resolution.status == "ambiguous" else "unresolved"
    candidates = tuple(c.place.id for c in resolution.candidates) if resolution is not None else ()
    return UnresolvedMention(report.mention, status, candidates, report.evidence.sentence, report.evidence.article)


def locate_reports(reports: Sequence[Report], gazetteer, *, near=None, bbox=None) -> LocateResult:
    """Resolve every report's mention, with the article's other mentions as context.

    Parameters
    ----------
    reports : sequence of Report
        In any order; output keeps the input order within each list.
    gazetteer : Gazetteer
        Anything with ``resolve(name, *, near, bbox, context, kinds)`` and ``resolve_all(names, *, near, bbox, kinds)``.
    near : (lat, lon), optional
        Area of interest passed to the gazetteer.
    bbox : (west, south, east, north), optional
        Bounding box passed to the gazetteer.

    Returns
    -------
    LocateResult
        ``located`` (place set), ``unresolved`` (one entry per report whose name was ambiguous or unknown) and
        ``unlocated`` (those reports, and region reports with no admin area).
    """
    by_article: dict[str, list[int]] = {}
    for index, report in enumerate(reports):
        by_article.setdefault(report.evidence.article, []).append(index)

    located: dict[int, LocatedReport] = {}
    unresolved: dict[int, UnresolvedMention] = {}
    unlocated: dict[int, LocatedReport] = {}
    for indexes in by_article.values():
        places = [i for i in indexes if not reports[i].region]
        names = list(dict.fromkeys(reports[i].mention for i in places))
        answers = _resolve_names(gazetteer, names, near=near, bbox=bbox)
        for i in places:
            report = reports[i]
            answer = answers.get(report.mention)
            if answer is not None and answer.status == "resolved" and answer.place is not None:
                located[i] = LocatedReport(report, answer.place, _near_precision(report), answer.score, answer.rule)
            else:
                unresolved[i] = _unresolved(report, answer)
                unlocated[i] = LocatedReport(report, None, _near_precision(report), 0.0, "")

        regions = [i for i in indexes if reports[i].region]
        areas = list(dict.fromkeys(reports[i].mention for i in regions if reports[i].mention.strip()))
        area_answers = _resolve_names(gazetteer, areas, near=near, bbox=bbox, kinds={"admin unit"})
        area_answers = {name: _resolve_area(gazetteer, name, answer, near=near, bbox=bbox)
                        for name, answer in area_answers.items()}
        for i in regions:
            report = reports[i]
            answer = area_answers.get(report.mention)
            if answer is not None and answer.status == "resolved" and answer.place is not None:
                located[i] = LocatedReport(report, answer.place, REGION, answer.score, answer.rule)
            else:
                unlocated[i] = LocatedReport(report, None, REGION, 0.0, "")
                if report.mention.strip():  # an area was named but is unknown: worth an overlay row
                    unresolved[i] = _unresolved(report, answer)

    return LocateResult(
        located=tuple(located[i] for i in sorted(located)),
        unresolved=tuple(unresolved[i] for i in sorted(unresolved)),
        unlocated=tuple(unlocated[i] for i in sorted(unlocated)),
    )
