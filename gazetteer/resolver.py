"""Resolve names to places: matching (:mod:`gazetteer.index`), then context, then an honest decision.

Context is a reference point (``near``, and/or the median of places already resolved from the same article) and an
optional bounding box. It reorders candidates by distance, and it vetoes loose matches (skeleton, fuzzy, online)
that land far from it: a skeleton equal to "Farwan"'s is a fact about consonants, not evidence of Afrin.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from geopy.distance import geodesic

from gazetteer.errors import InvalidQuery, PlaceNotFound
from gazetteer.index import NameIndex, fast_km, fast_km_to
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
    spread = _median(fast_km_to([(p.lat, p.lon) for p in context], point))
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
    """An article's context places, their median point, and (when a loose match needs it) the loose radius.

    The places are ``anchors`` except those with id ``own_id`` (a name is not its own context); the list is only
    built when the radius is measured.
    """

    __slots__ = ("_anchors", "_own_id", "_radius", "point")

    def __init__(self, anchors: Sequence[Place], own_id: str | None = None,
                 point: tuple[float, float] | None = None) -> None:
        self._anchors = anchors
        self._own_id = own_id
        self.point = point if point is not None else context_point(self.places)
        self._radius: float | None = None

    @property
    def places(self) -> Sequence[Place]:
        if self._own_id is None:
            return self._anchors
        return [p for p in self._anchors if p.id != self._own_id]

    def loose_radius(self) -> float:
        if self._radius is None:
            self._radius = loose_radius_km(self.places, self.point)
        return self._radius


class _ArticleContexts:
    """The context of each name of an article: every anchor but the name's own place, made once per place.

    The medians leave one place out of the anchors' sorted coordinates by index arithmetic (the same values, the
    same arithmetic as :func:`context_point`), instead of sorting a new list for every anchor.
    """

    __slots__ = ("_anchors", "_count", "_lats", "_lons", "_made")

    def __init__(self, anchors: list[Place]) -> None:
        self._anchors = anchors
        self._lats = sorted(p.lat for p in anchors)
        self._lons = sorted(p.lon for p in anchors)
        self._count: dict[str, int] = {}
        for p in anchors:
            self._count[p.id] = self._count.get(p.id, 0) + 1
        self._made: dict[str | None, _Context | None] = {}

    def without(self, own: Place | None) -> _Context | None:
        """The context of a name whose own anchor is ``own`` (None: not an anchor); None when nothing is left."""
        own_id = own.id if own is not None else None
        if own_id in self._made:
            return self._made[own_id]
        left = self._count.get(own_id, 0) if own_id is not None else 0
        if left == len(self._anchors):
            context = None
        else:
            # An id is one place, so its copies share one latitude and one longitude.
            point = (_median_without(self._lats, own.lat, left) if left else _median_sorted(self._lats),
                     _median_without(self._lons, own.lon, left) if left else _median_sorted(self._lons))
            context = _Context(self._anchors, own_id, point)
        self._made[own_id] = context
        return context


def _median_sorted(values: list[float]) -> float:
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _median_without(values: list[float], value: float, copies: int) -> float:
    """:func:`_median_sorted` of sorted ``values`` with ``copies`` occurrences of ``value`` left out."""
    start = bisect_left(values, value)  # equal values are interchangeable: which copies go does not matter
    n = len(values) - copies

    def at(i: int) -> float:
        return values[i] if i < start else values[i + copies]

    return at(n // 2) if n % 2 else (at(n // 2 - 1) + at(n // 2)) / 2


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
        #: name -> validate_query(name), for the names that are valid (validation is pure).
        self._queries: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.index)

    def forget(self) -> None:
        """Empty the memos of answers and matches (benchmarks measure cold lookups with it)."""
        self._memo.clear()
        self._queries.clear()
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
        # The memo key of every name but its first part, made once (as _memo_key makes it).
        key_tail = self._memo_key("", near, bbox, kinds)
        memo = self._memo
        for n in dict.fromkeys(names):
            query = self._queries.get(n)
            if query is None:
                try:
                    query = validate_query(n)
                except InvalidQuery:
                    first[n] = Resolution(query=n, status="unresolved", place=None, score=0.0, rule="")
                    continue
                if len(self._queries) >= _MEMO_LIMIT:
                    self._queries.clear()
                self._queries[n] = query
            queries[n] = query
            known = memo.get((n, *key_tail[1:])) if key_tail is not None else None
            first[n] = known if known is not None else self._resolve_alone(n, query, near, bbox, kinds)
        anchors = {n: r.place for n, r in first.items() if r.resolved and r.rule in CONFIDENT_RULES}
        if not anchors:
            return [first[n] for n in names]
        # A name's context is every anchor but its own place, so it depends only on that place.
        contexts = _ArticleContexts(list(anchors.values()))
        second = {}
        for n, resolution in first.items():
            query = queries.get(n)
            context = contexts.without(anchors.get(n)) if query is not None else None
            if context is None:
                second[n] = resolution
            elif self._lone_exact_near(query, kinds, near if near is not None else context.point):
                # index.match returns the same lone exact name as in the first pass, so _resolve takes the same
                # shortcut and gives an equal answer: the first one.
                second[n] = resolution
            else:
                second[n] = self._resolve(n, query, near, bbox, kinds, context)
        return [second[n] for n in names]

    def _lone_exact_near(self, query: str, kinds, around: tuple[float, float]) -> bool:
        """Whether :meth:`_resolve` around this point takes its lone-exact shortcut (a sufficient test).

        :meth:`NameIndex.match` returns the sure matches as they are when one of them (here, the exact one) lies
        within REGION_KM of the point; when only one exact match is left after ``kinds``, the shortcut follows.
        """
        lone = None
        for match in self.index.sure_matches(query):
            if kinds is None or self.index.places[match.place_id].kind in kinds:
                if lone is not None:
                    return False
                lone = match
        return (lone is not None and lone.rule == "exact" and lone.score == 1.0
                and self.index.within_region(lone.place_id, around))

    def _score(self, place: Place, match: float, rule: str, refs: list, bbox, loose: bool) -> _Scored | None:
        factor = 1.0
        if bbox is not None and not _in_bbox(place, bbox):
            if loose:
                return None
            factor *= OUTSIDE_BBOX_FACTOR
        nearest = None
        if refs:
            at = (place.lat, place.lon)
            distances = [(fast_km(at, point), radius) for point, radius in refs]
            nearest = distances[0][0] if len(distances) == 1 else min(d for d, _ in distances)
            if loose and all(_beyond(d, radius) for d, radius in distances):
                return None
            factor *= max(MIN_CONTEXT_FACTOR, math.exp(-max(0.0, nearest - NEAR_KM) / DECAY_KM))
        return _Scored(place, match, rule, match * factor, nearest)

    def _decide(self, query: str, scored: list[_Scored], has_context: bool) -> Resolution:
        # Context is relative evidence: the best-placed candidate keeps its match score, the others lose in
        # proportion. A lone exact name far from the context (Daraa in an Idlib article) stays a sure 1.0.
        if not scored:
            return Resolution(query, "unresolved", None, 0.0, "", ())
        top_factor = max((s.final / s.match for s in scored if s.match > 0), default=1.0)
        if 0 < top_factor < 1.0:
            scored = [_Scored(s.place, s.match, s.rule, s.final / top_factor, s.distance_km) for s in scored]
        if len(scored) > 1:
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
