"""Resolve names to places: matching (:mod:`gazetteer.index`), then context, then an honest decision.

Context is a reference point (``near``, and/or the median of places already resolved from the same article) and an
optional bounding box. It reorders candidates by distance, and it vetoes loose matches (skeleton, fuzzy, online)
that land far from it: a skeleton equal to "Farwan"'s is a fact about consonants, not evidence of Afrin.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from geopy.distance import geodesic

from gazetteer.errors import InvalidQuery, PlaceNotFound
from gazetteer.index import NameIndex, fast_km
from gazetteer.normalize import validate_query
from gazetteer.place import Place
from gazetteer.resolution import Candidate, Resolution

#: Rules whose answers are trusted enough to serve as context for the other names of an article.
CONFIDENT_RULES = frozenset({"exact", "normalised"})
#: A loose match further than this from the context is rejected. A front line and the villages an article names
#: with it span ~30-60 km; Afrin is ~100 km from Farwan, al-Hirak (Daraa) ~330 km from Hraki.
LOOSE_MATCH_MAX_KM = 60.0
#: When the context is an article's own places, the loose-match radius follows how spread they are: a report naming
#: villages within ~6 km of each other does not mean a look-alike 30 km off (Tal Assayed is not Tell al-Sayyad in
#: northern Hama when every other name is in one pocket of south-east Idlib). Radius = SPREAD_FACTOR x the median
#: distance of the context places to their median point, within [MIN_LOOSE_KM, LOOSE_MATCH_MAX_KM].
SPREAD_FACTOR = 3.0
MIN_LOOSE_KM = 20.0
#: Within this distance, context counts as support: a weaker match may be accepted.
CONTEXT_SUPPORT_KM = 30.0
#: Candidates within this of the reference point are not penalised at all (the point itself is a median or a guess).
NEAR_KM = 5.0
#: Beyond NEAR_KM the context factor decays as exp(-(d - NEAR_KM) / DECAY_KM): 20 km -> 0.61, 50 km -> 0.22. With
#: a context point ~10 km off, namesakes ~20 km apart are told apart; namesakes 5 km apart stay ambiguous.
DECAY_KM = 30.0
#: The factor never goes below this, so an exact name far away still beats nothing at all.
MIN_CONTEXT_FACTOR = 0.2
#: Outside the bounding box, exact and normalised matches keep this share of their score (loose ones are dropped).
OUTSIDE_BBOX_FACTOR = 0.4
#: Without context support a match needs this score: normalised, a skeleton match whose keys are close
#: (Jorjnaz/Jarjanaz 0.93), fuzzy ratio >= ~94. Skeleton look-alikes of other names score lower (Farwan/Afrin
#: 0.81, Hraki/al-Hirak 0.83), so alone they stay unresolved.
ACCEPT_ALONE = 0.85
#: With context support within CONTEXT_SUPPORT_KM, a weaker match is credible (fuzzy ratio >= 80, short skeleton).
ACCEPT_WITH_CONTEXT = 0.65
#: When the runner-up is this close to the best, the answer is "ambiguous": several al-Dana, two Nairab. Namesakes
#: 5 km apart score within ~0.05 of each other given a context point 10 km off; 20 km apart, ~0.3.
AMBIGUITY_MARGIN = 0.08
#: Two candidates this close are one place from two sources (a curated row and a GeoNames row).
SAME_PLACE_KM = 2.0
ONLINE_SCORE = 0.7
#: The memo of context-free answers is emptied when it reaches this many entries (bounds memory on huge runs).
_MEMO_LIMIT = 100_000
MAX_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class _Scored:
    place: Place
    match: float
    rule: str
    final: float
    distance_km: float | None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two (lat, lon) points (geopy, WGS84 ellipsoid)."""
    return geodesic(a, b).kilometers


def _in_bbox(place: Place, bbox: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bbox
    return south <= place.lat <= north and (west <= place.lon <= east if west <= east else
                                            place.lon >= west or place.lon <= east)


def loose_radius_km(context: Sequence[Place], point: tuple[float, float]) -> float:
    """How far from the article's context point a loose match may land (see :data:`SPREAD_FACTOR`)."""
    if len(context) < 2:
        return LOOSE_MATCH_MAX_KM
    spread = _median([fast_km((p.lat, p.lon), point) for p in context])
    return min(LOOSE_MATCH_MAX_KM, max(MIN_LOOSE_KM, SPREAD_FACTOR * spread))


def context_point(context: Sequence[Place]) -> tuple[float, float] | None:
    """The coordinate-wise median of the context places (robust to one outlier), or None."""
    if not context:
        return None
    return _median([p.lat for p in context]), _median([p.lon for p in context])


def _median(values: list[float]) -> float:
    """statistics.median, the same arithmetic without its overhead (called for every name of every article)."""
    values.sort()
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _beyond(distance: float, radius: float | _Context) -> bool:
    """``distance > radius``, where the radius may be a context's loose radius, measured only when needed.

    That radius always lies within [MIN_LOOSE_KM, LOOSE_MATCH_MAX_KM], so outside that band the answer is known.
    """
    if not isinstance(radius, _Context):
        return distance > radius
    if distance <= MIN_LOOSE_KM:
        return False
    if distance > LOOSE_MATCH_MAX_KM:
        return True
    return distance > radius.loose_radius()


class _Context:
    """An article's context places, their median point, and (when a loose match needs it) the loose radius."""

    __slots__ = ("_radius", "places", "point")

    def __init__(self, places: Sequence[Place]) -> None:
        self.places = places
        self.point = context_point(places)
        self._radius: float | None = None

    def loose_radius(self) -> float:
        if self._radius is None:
            self._radius = loose_radius_km(self.places, self.point)
        return self._radius


class Gazetteer:
    """Places from every source, merged, with the matching index and the resolution rules.

    Build it with :func:`gazetteer.load_gazetteer`; ``problems`` lists the rows the sources skipped.
    """

    def __init__(self, places: Sequence[Place] | dict[str, Place], *, forms: dict | None = None, online=None,
                 problems: Sequence = (), source_priority: dict[str, int] | None = None) -> None:
        values = places.values() if isinstance(places, dict) else places
        self.index = NameIndex(values, forms)
        self.online = online
        self.problems = tuple(problems)
        self._priority = source_priority or {}
        self._memo: dict[tuple, Resolution] = {}

    def __len__(self) -> int:
        return len(self.index)

    def forget(self) -> None:
        """Empty the memos of answers and matches (benchmarks measure cold lookups with it)."""
        self._memo.clear()
        self.index.forget()

    def __iter__(self) -> Iterator[Place]:
        return iter(self.index.places.values())

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.index.places

    def get(self, place_id: str) -> Place:
        """The place with this id; raises :class:`PlaceNotFound`."""
        try:
            return self.index.places[place_id]
        except KeyError:
            raise PlaceNotFound(f"no place with id {place_id!r}") from None

    def is_known(self, name: str) -> bool:
        """Fast check: is ``name`` an exact, normalised or skeleton name of any place? Never raises."""
        try:
            return self.index.is_known(validate_query(name))
        except InvalidQuery:
            return False

    def resolve(self, name: str, *, near: tuple[float, float] | None = None,
                bbox: tuple[float, float, float, float] | None = None, context: Sequence[Place] = (),
                kinds: Collection[str] | None = None) -> Resolution:
        """Resolve one name; raises :class:`InvalidQuery` for a name that cannot be one.

        Examples
        --------
        >>> gaz = Gazetteer([Place("x:1", "Jarjanaz", 35.618, 36.783, aliases=("جرجناز",))])
        >>> gaz.resolve("Jorjnaz").place.id, gaz.resolve("Jorjnaz").rule
        ('x:1', 'skeleton')
        """
        query = validate_query(name)
        if context:
            return self._resolve(name, query, near, bbox, kinds, _Context(context))
        return self._resolve_alone(name, query, near, bbox, kinds)

    def _resolve_alone(self, name: str, query: str, near, bbox, kinds) -> Resolution:
        """:meth:`resolve` without context places, memoised."""
        memo_key = self._memo_key(name, near, bbox, kinds)
        if memo_key is not None:
            known = self._memo.get(memo_key)
            if known is not None:
                return known
        resolution = self._resolve(name, query, near, bbox, kinds, None)
        if memo_key is not None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[memo_key] = resolution
        return resolution

    def _resolve(self, name: str, query: str, near, bbox, kinds, context: _Context | None) -> Resolution:
        # Each reference point with the radius loose matches must fall within.
        refs = [(near, LOOSE_MATCH_MAX_KM)] if near is not None else []
        middle = context.point if context is not None else None
        around = near if near is not None else middle
        matches = []
        for match in self.index.match(query, around=around):
            place = self.index.places[match.place_id]
            if kinds is None or place.kind in kinds:
                matches.append((place, match))
        if len(matches) == 1 and matches[0][1].rule == "exact" and matches[0][1].score == 1.0:
            # A lone exact name: context and bounding box only scale its score, and _decide scales the best
            # candidate back to its match score, so the answer is the same wherever the context is (and cheap).
            place = matches[0][0]
            return Resolution(name, "resolved", place, 1.0, "exact", (Candidate(place, 1.0, "exact"),))
        if middle is not None:
            # The radius only bounds loose matches; measuring the context's spread costs O(context), so it is
            # measured only when a loose match lands where the radius decides (see _beyond).
            loose = any(match.loose for _, match in matches)
            refs.append((middle, context if loose else LOOSE_MATCH_MAX_KM))
        scored = []
        for place, match in matches:
            item = self._score(place, match.score, match.rule, refs, bbox, match.loose)
            if item is not None:
                scored.append(item)
        resolution = self._decide(name, scored, bool(refs))
        if resolution.status == "unresolved" and not resolution.candidates and self.online is not None:
            resolution = self._resolve_online(name, query, refs, bbox) or resolution
        return resolution

    def _memo_key(self, name: str, near, bbox, kinds) -> tuple | None:
        """Key of a context-free resolution in the memo (None: not memoised).

        Articles of one corpus name the same places again and again, and the places and rules never change after
        construction, so the answer without context is computed once. Online answers are not memoised (a failed
        lookup may succeed later).
        """
        if self.online is not None:
            return None
        key = (name, near, bbox, None if kinds is None else frozenset(kinds))  # the name as given: it is the answer's query
        try:
            hash(key)
        except TypeError:  # a list for near or bbox: correct, just not memoised
            return None
        return key

    def resolve_all(self, names: Sequence[str], *, near: tuple[float, float] | None = None,
                    bbox: tuple[float, float, float, float] | None = None,
                    kinds: Collection[str] | None = None) -> list[Resolution]:
        """Resolve an article's names together: confident answers become the context of the others.

        A name that cannot be one (empty, control characters...) comes back "unresolved" instead of raising.
        """
        first: dict[str, Resolution] = {}
        queries: dict[str, str] = {}
        for n in dict.fromkeys(names):
            try:
                queries[n] = validate_query(n)
            except InvalidQuery:
                first[n] = Resolution(query=n, status="unresolved", place=None, score=0.0, rule="")
                continue
            first[n] = self._resolve_alone(n, queries[n], near, bbox, kinds)
        anchors = {n: r.place for n, r in first.items() if r.resolved and r.rule in CONFIDENT_RULES}
        if not anchors:
            return [first[n] for n in names]
        # A name's context is every anchor but its own place, so it depends only on that place: names that are no
        # anchor share one context (and its median point, computed once).
        contexts: dict[str | None, _Context | None] = {}
        second = {}
        for n, resolution in first.items():
            own = anchors.get(n)
            own_id = own.id if own is not None else None
            if own_id not in contexts:
                context = [p for p in anchors.values() if own_id is None or p.id != own_id]
                contexts[own_id] = _Context(context) if context else None
            context = contexts[own_id]
            query = queries.get(n)
            second[n] = resolution if context is None or query is None else \
                self._resolve(n, query, near, bbox, kinds, context)
        return [second[n] for n in names]

    def _score(self, place: Place, match: float, rule: str, refs: list, bbox, loose: bool) -> _Scored | None:
        factor = 1.0
        if bbox is not None and not _in_bbox(place, bbox):
            if loose:
                return None
            factor *= OUTSIDE_BBOX_FACTOR
        nearest = None
        if refs:
            distances = [(fast_km((place.lat, place.lon), point), radius) for point, radius in refs]
            nearest = min(d for d, _ in distances)
            if loose and all(_beyond(d, radius) for d, radius in distances):
                return None
            factor *= max(MIN_CONTEXT_FACTOR, math.exp(-max(0.0, nearest - NEAR_KM) / DECAY_KM))
        return _Scored(place, match, rule, match * factor, nearest)

    def _decide(self, query: str, scored: list[_Scored], has_context: bool) -> Resolution:
        # Context is relative evidence: the best-placed candidate keeps its match score, the others lose in
        # proportion. A lone exact name far from the context (Daraa in an Idlib article) stays a sure 1.0.
        top_factor = max((s.final / s.match for s in scored if s.match > 0), default=1.0)
        if 0 < top_factor < 1.0:
            scored = [_Scored(s.place, s.match, s.rule, s.final / top_factor, s.distance_km) for s in scored]
        scored.sort(key=lambda s: (-s.final, -self._priority.get(s.place.source, 0), s.place.id))
        distinct: list[_Scored] = []
        for item in scored:  # the same village from two sources counts once, under its best-ranked entry
            if not any(fast_km((item.place.lat, item.place.lon), (d.place.lat, d.place.lon)) < SAME_PLACE_KM
                       for d in distinct):
                distinct.append(item)
            if len(distinct) >= MAX_CANDIDATES:
                break
        candidates = tuple(Candidate(s.place, s.final, s.rule) for s in distinct)
        if not distinct:
            return Resolution(query, "unresolved", None, 0.0, "", ())
        best = distinct[0]
        supported = has_context and best.distance_km is not None and best.distance_km <= CONTEXT_SUPPORT_KM
        if best.match < (ACCEPT_WITH_CONTEXT if supported else ACCEPT_ALONE):
            return Resolution(query, "unresolved", None, best.final, best.rule, candidates)
        if len(distinct) > 1 and best.final - distinct[1].final < AMBIGUITY_MARGIN:
            return Resolution(query, "ambiguous", None, best.final, best.rule, candidates)
        return Resolution(query, "resolved", best.place, best.final, best.rule, candidates)

    def _resolve_online(self, name: str, query: str, refs: list, bbox) -> Resolution | None:
        place = self.online.geocode(query)
        if place is None:
            return None
        item = self._score(place, ONLINE_SCORE, "online", refs, bbox, loose=True)
        if item is None:
            return None
        return Resolution(name, "resolved", place, item.final, "online", (Candidate(place, item.final, "online"),))
