"""The name index: every place's names as exact text, normalised key and skeleton, and the matching rules.

Rules, strict to loose, each with the score it gives (see :mod:`gazetteer.resolver` for what context does next):

========== ============================================================================
exact      the name as written (case and spacing aside) is a name of the place: 1.0
normalised the :func:`~gazetteer.normalize.name_key` is equal: :data:`NORMALISED_SCORE`
skeleton   the consonant skeleton is equal: 0.5-0.95, from how alike the keys are and how long the skeleton is
fuzzy      rapidfuzz ratio of the keys >= :data:`FUZZY_CUTOFF`, times :data:`FUZZY_WEIGHT`
========== ============================================================================

Lookups are dict hits; fuzzy matching runs over a prefiltered bucket (same script and first skeleton symbol), plus
the places near the context point when there is one (a misheard first letter is still found there).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from gazetteer.normalize import (
    APOSTROPHES_TO_ONE,
    is_arabic,
    name_forms,
    plain_key,
    skeleton_of_surface,
)
from gazetteer.place import Place

NORMALISED_SCORE = 0.95
#: A normalised match whose surfaces are less alike than this (rapidfuzz ratio) is a collision of folded vowels as
#: often as a respelling ("Sehrah" and "Saharah" share the key "sahra"): it is treated as loose (context may veto
#: it) and skeleton matches are looked for as well. Respellings such as Ma'arat al-No'eman/Maarat al-Numan score
#: ~88 and above.
STRONG_SURFACE_RATIO = 85.0
#: Skeletons shorter than this match too many places to mean anything on their own ("sr", "dn")...
MIN_SKELETON_LENGTH = 3
#: ...but near the context a two-symbol skeleton is still evidence (Safeyah/Safiyah): such hits are kept only for
#: places in the context region, and score below ACCEPT_ALONE, so they need context support to be accepted.
MIN_REGIONAL_SKELETON_LENGTH = 2
#: A two-symbol skeleton drops so much (vowels, y/w, ʿayn) that unrelated names meet on it: al-Sayeer and Sar'a are
#: both "sr". Such a hit also needs keys this alike (rapidfuzz ratio): Safeyah/Safiyah score ~91, Sayeer/Sar'a 50.
SHORT_SKELETON_MIN_KEY_RATIO = 75.0
#: Below ~80 a key ratio joins different names (Dama/Dana, Tal Haran/Tal Karam); above ~88 it misses real variants.
FUZZY_CUTOFF = 80.0
#: Fuzzy scores stay under normalised and strong skeleton matches: a fuzzy hit is a guess until context backs it.
FUZZY_WEIGHT = 0.9
#: Keys this short give fuzzy matches that are mostly noise (one letter is 25% of "dana").
MIN_FUZZY_KEY_LENGTH = 5
FUZZY_LIMIT = 12
#: Transliterations vary vowels far more than consonants, so a fuzzy hit must also keep the consonants: its skeleton
#: must be this alike (rapidfuzz ratio) to one of the place's. al-Rayan/Rabia reach the key cutoff (80) but their
#: skeletons "rn"/"rb" only 50; Kafar Aweed/Kafr Uwayd-like respellings keep ~80 and above.
FUZZY_MIN_SKELETON_RATIO = 66.0
#: Grid cell for the "places near a point" lookup, in degrees (~28 km at the equator).
GRID_DEGREES = 0.25
#: Around a context point, places this close are tried fuzzily whatever their first letter (a misheard first
#: consonant is still found) and two-symbol skeletons count. Matches further out need no context to be accepted.
REGION_KM = 30.0


@dataclass(frozen=True, slots=True)
class Match:
    """A place a query matched, by which rule, with the match score before context."""

    place_id: str
    score: float
    rule: str
    loose: bool = False  #: a match context may veto (skeleton, fuzzy, weak normalised)


def fast_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine). Within 0.5% of geopy's geodesic, which thresholds of tens of km
    cannot feel, and ~100x faster: the resolver measures every candidate against the context."""
    # Called ~100,000 times per thousand articles: plain local names, no map() or tuple unpacking.
    lat1, lon1, lat2, lon2 = _radians(a[0]), _radians(a[1]), _radians(b[0]), _radians(b[1])
    h = _sin((lat2 - lat1) / 2) ** 2 + _cos(lat1) * _cos(lat2) * _sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * _asin(min(1.0, _sqrt(h)))


def fast_km_to(points: Iterable[tuple[float, float]], b: tuple[float, float]) -> list[float]:
    """``[fast_km(a, b) for a in points]`` with the point's trigonometry done once: the same arithmetic, in the same
    order, so the same floats."""
    lat2, lon2 = _radians(b[0]), _radians(b[1])
    cos2 = _cos(lat2)
    distances = []
    for lat, lon in points:
        lat1, lon1 = _radians(lat), _radians(lon)
        h = _sin((lat2 - lat1) / 2) ** 2 + _cos(lat1) * cos2 * _sin((lon2 - lon1) / 2) ** 2
        distances.append(2 * 6371.0088 * _asin(min(1.0, _sqrt(h))))
    return distances


_radians, _sin, _cos, _asin, _sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
#: Latitude difference (degrees) beyond which fast_km surely exceeds REGION_KM: R x |dlat| bounds it from below, and
#: the margin (~0.1 m) dwarfs rounding, so the pre-check never changes an answer.
_REGION_DLAT = math.degrees(REGION_KM / 6371.0088) * (1 + 1e-9) + 1e-6


def _exact_form(text: str) -> str:
    # "As written": case, spacing and the choice of apostrophe for ʿayn/hamza aside.
    folded = text.casefold()
    # In ASCII text ` is the only mark to unify (str.replace is much faster than translate).
    folded = folded.replace("`", "'") if folded.isascii() else folded.translate(APOSTROPHES_TO_ONE)
    return " ".join(folded.split())


class NameIndex:
    """Dicts from every exact form, key and skeleton to place ids, plus fuzzy buckets and a coarse grid."""

    def __init__(self, places: Iterable[Place], forms: dict[str, tuple[str, str, str]] | None = None) -> None:
        forms = forms or {}
        #: name -> (key, surface) of every name of every place: normalised matches compare surfaces.
        self._key_surface: dict[str, tuple[str, str]] = {}
        #: Every name exactly as written (a query equal to one is an exact hit without folding anything).
        self._as_written: set[str] = set()
        self.places: dict[str, Place] = {}
        self.exact: dict[str, list[str]] = defaultdict(list)
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.by_skeleton: dict[str, list[str]] = defaultdict(list)
        self.keys_of: dict[str, tuple[str, ...]] = {}
        self.skeletons_of: dict[str, tuple[str, ...]] = {}
        self._grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        self._cell_of: dict[str, tuple[int, int]] = {}
        # Per cell and script, the keys of the places in it with their ids: the fuzzy pool around a point.
        self._cell_keys: dict[tuple[tuple[int, int], bool], tuple[list[str], list[str]]] = {}
        buckets: dict[tuple[bool, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for place in places:
            self.places[place.id] = place
            cell = self._cell_of[place.id] = self._cell(place.lat, place.lon)
            self._grid[cell].append(place.id)
            keys: dict[str, None] = {}
            for name in (place.name, *place.aliases):
                key, skel, name_surface = forms.get(name) or name_forms(name)
                self._key_surface[name] = (key, name_surface)
                self._as_written.add(name)
                _add(self.exact, _exact_form(name), place.id)
                if key:
                    _add(self.by_key, key, place.id)
                    keys[key] = None
                    buckets[(is_arabic(key), skel[:1])][key].append(place.id)
                if len(skel) >= MIN_REGIONAL_SKELETON_LENGTH:
                    _add(self.by_skeleton, skel, place.id)
            self.keys_of[place.id] = tuple(keys)
            self.skeletons_of[place.id] = tuple(dict.fromkeys(
                (forms.get(name) or name_forms(name))[1] for name in (place.name, *place.aliases)))
            for key in keys:
                pool = self._cell_keys.setdefault((cell, is_arabic(key)), ([], []))
                pool[0].append(key)
                pool[1].append(place.id)
        # Parallel lists per bucket, the shape rapidfuzz.process.extract wants.
        self._buckets = {b: (list(entries), list(entries.values())) for b, entries in buckets.items()}
        # Fuzzy hits of a key in its bucket, memoised: an article resolves each unknown name twice (without, then
        # with context), and a corpus names the same unknown village in many articles. The index never changes.
        self._bucket_hits: dict[tuple[str, bool, str], tuple[tuple[str, float], ...]] = {}
        # Per (key, script): per cell, the hits of the key among the cell's keys (filled cell by cell).
        self._cell_hits: dict[tuple[str, bool], dict[tuple[int, int], tuple[tuple[float, int, str], ...]]] = {}
        # Per (cells, script): (cell, offset, pool) of each cell with a pool, in the order _fuzzy walks them.
        self._layouts: dict[tuple, tuple[tuple[tuple[int, int], int, tuple[list[str], list[str]]], ...]] = {}
        self._strict_memo: dict[str, tuple] = {}
        # The cells around a context point (a list, and a set whose iteration order _fuzzy relies on), per point.
        self._region_memo: dict[tuple[float, float], tuple[tuple[tuple[int, int], ...], set[tuple[int, int]]]] = {}
        # Whole fuzzy answers (consonants kept, scored) per (key, skeleton, script, cells around the context point).
        self._fuzzy_memo: dict[tuple, tuple[Match, ...]] = {}

    def __len__(self) -> int:
        return len(self.places)

    def forget(self) -> None:
        """Empty every memo (matches, fuzzy hits per bucket and per cell, regions and their layouts): after it a
        lookup costs what it costs in a fresh process (benchmarks measure cold runs with it)."""
        for memo in (self._strict_memo, self._fuzzy_memo, self._region_memo, self._bucket_hits, self._cell_hits,
                     self._layouts):
            memo.clear()

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / GRID_DEGREES), math.floor(lon / GRID_DEGREES)

    def cells_near(self, lat: float, lon: float, radius_km: float) -> list[tuple[int, int]]:
        """The grid cells within ``radius_km`` of the point (their union covers the circle)."""
        dlat = radius_km / 111.0
        dlon = radius_km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        (la0, lo0), (la1, lo1) = self._cell(lat - dlat, lon - dlon), self._cell(lat + dlat, lon + dlon)
        return [(a, b) for a in range(la0, la1 + 1) for b in range(lo0, lo1 + 1)]

    def ids_near(self, lat: float, lon: float, radius_km: float) -> list[str]:
        """Ids of places in the grid cells within ``radius_km`` of the point (a superset of the circle)."""
        return [pid for cell in self.cells_near(lat, lon, radius_km) for pid in self._grid.get(cell, ())]

    def is_known(self, text: str) -> bool:
        """True when ``text`` is an exact name, key or skeleton of some place (no fuzzy matching)."""
        # Speed, in this order: a name written exactly as stored is one set lookup; then the key, as most other hits
        # are key hits, computed without the memos of name_key/skeleton/surface (a stream of new spellings only fills
        # them) and from a surface worked out once for both; only then the exact form, and the skeleton.
        if text in self._as_written:
            return True
        key, surface_form, arabic = plain_key(text)
        if key and key in self.by_key or _exact_form(text) in self.exact:
            return True
        skel = skeleton_of_surface(surface_form, arabic)
        return len(skel) >= MIN_SKELETON_LENGTH and skel in self.by_skeleton

    def match(self, text: str, *, around: tuple[float, float] | None = None) -> list[Match]:
        """Every place ``text`` may name, best rule per place.

        ``around`` is the context point: places within :data:`REGION_KM` of it are also tried fuzzily, and
        two-symbol skeletons count there.
        """
        # What does not depend on the context point is worked out once per spelling (an article resolves each name
        # twice, and a corpus names the same places again and again); the index never changes after construction.
        strict = self._strict_memo.get(text)
        if strict is None:
            strict = self._strict(text)
        found_strict, key, skel, query_arabic, skeleton_matches = strict
        # A sure hit ends the search, unless there is a context point and every sure hit is far from it: then a
        # looser match near the context may be the place meant ("Jasem" near Idlib is not Jasim in Daraa).
        within = self.within_region
        for m in found_strict:
            if not m.loose and (around is None or within(m.place_id, around)):
                return list(found_strict)
        found = {m.place_id: m for m in found_strict}
        if around is None:
            cells_key, cells = (), set()
        else:
            point = (around[0], around[1])  # a list is a point too
            region = self._region_memo.get(point)
            if region is None:
                cells_list = self.cells_near(*point, REGION_KM)
                region = (tuple(cells_list), set(cells_list))
                if len(self._region_memo) >= _MEMO_LIMIT:
                    self._region_memo.clear()
                self._region_memo[point] = region
            cells_key, cells = region
        if skeleton_matches is None:  # a two-symbol skeleton: only places near the context count
            skeleton_matches = [Match(pid, self._skeleton_score(key, skel, pid, query_arabic), "skeleton", loose=True)
                                for pid in self.by_skeleton.get(skel, ()) if self._in_cells(pid, cells)
                                and self._key_ratio(key, pid, query_arabic) >= SHORT_SKELETON_MIN_KEY_RATIO]
        for match in skeleton_matches:
            if match.place_id not in found:
                found[match.place_id] = match
        nothing_near = not found or bool(cells) and not any(self._in_cells(pid, cells) for pid in found)
        if len(key) >= MIN_FUZZY_KEY_LENGTH and nothing_near:
            memo_key = (key, skel, query_arabic, cells_key)
            fuzzy = self._fuzzy_memo.get(memo_key)
            if fuzzy is None:
                fuzzy = tuple(Match(pid, ratio / 100.0 * FUZZY_WEIGHT, "fuzzy", loose=True)
                              for pid, ratio in self._fuzzy(key, skel, query_arabic, cells, cells_key)
                              if self._keeps_consonants(skel, pid))
                if len(self._fuzzy_memo) >= _MEMO_LIMIT:
                    self._fuzzy_memo.clear()
                self._fuzzy_memo[memo_key] = fuzzy
            for match in fuzzy:
                pid = match.place_id
                if pid not in found or found[pid].score < match.score:
                    found[pid] = match
        return list(found.values())

    def sure_matches(self, text: str) -> tuple[Match, ...]:
        """The exact and normalised matches of ``text`` (memoised); :meth:`match` returns exactly these whenever one
        that is not loose lies within :data:`REGION_KM` of the context point, or there is no context point."""
        strict = self._strict_memo.get(text)
        return (strict if strict is not None else self._strict(text))[0]

    def _strict(self, text: str) -> tuple:
        """The context-free part of :meth:`match`, memoised per spelling.

        (exact and normalised matches, key, skeleton, query in Arabic?, skeleton matches or None when the skeleton
        is two symbols long and its matches depend on the context).
        """
        found: dict[str, Match] = {}
        for pid in self.exact.get(_exact_form(text), ()):
            found[pid] = Match(pid, 1.0, "exact")
        key, skel, query_surface = name_forms(text)
        # Exact and normalised hits are all "the same name": namesakes spelt differently (Nairab, al-Nayrab) compete.
        for pid in self.by_key.get(key, ()):
            if pid in found:
                continue
            ratio = max(fuzz.ratio(query_surface, sf) for k, sf in map(self._key_surface.__getitem__, self._names(pid))
                        if k == key)
            found[pid] = Match(pid, NORMALISED_SCORE - 0.1 * (1 - ratio / 100.0), "normalised",
                               loose=ratio < STRONG_SURFACE_RATIO)
        query_arabic = is_arabic(text)
        skeleton_matches: tuple[Match, ...] | None = ()
        if len(skel) >= MIN_SKELETON_LENGTH:
            skeleton_matches = tuple(Match(pid, self._skeleton_score(key, skel, pid, query_arabic), "skeleton",
                                           loose=True) for pid in self.by_skeleton.get(skel, ()) if pid not in found)
        elif len(skel) >= MIN_REGIONAL_SKELETON_LENGTH and skel in self.by_skeleton:
            skeleton_matches = None
        strict = (tuple(found.values()), key, skel, query_arabic, skeleton_matches)
        if len(self._strict_memo) >= _MEMO_LIMIT:
            self._strict_memo.clear()
        self._strict_memo[text] = strict
        return strict

    def within_region(self, pid: str, point: tuple[float, float]) -> bool:
        """Whether the place lies within :data:`REGION_KM` of the point (as :meth:`match` decides it)."""
        place = self.places[pid]
        # The haversine distance is at least R x the latitude difference: most places are rejected without it.
        if abs(place.lat - point[0]) > _REGION_DLAT:
            return False
        return fast_km((place.lat, place.lon), point) <= REGION_KM

    def _in_cells(self, pid: str, cells: set) -> bool:
        return self._cell_of[pid] in cells

    def _names(self, pid: str) -> tuple[str, ...]:
        place = self.places[pid]
        return (place.name, *place.aliases)

    def _keeps_consonants(self, skel: str, pid: str) -> bool:
        """Whether ``skel`` is alike enough to a skeleton of the place (see FUZZY_MIN_SKELETON_RATIO)."""
        return any(fuzz.ratio(skel, other) >= FUZZY_MIN_SKELETON_RATIO for other in self.skeletons_of.get(pid, ()))

    def _key_ratio(self, key: str, pid: str, query_arabic: bool) -> float:
        """Best rapidfuzz ratio of ``key`` against the place's keys in the query's script (-1 when it has none)."""
        same_script = [k for k in self.keys_of.get(pid, ()) if is_arabic(k) == query_arabic]
        return max((fuzz.ratio(key, k) for k in same_script), default=-1.0)

    def _skeleton_score(self, key: str, skel: str, pid: str, query_arabic: bool) -> float:
        length_part = 0.15 * min(len(skel), 5) / 5
        ratio = self._key_ratio(key, pid, query_arabic)
        if ratio < 0:  # Arabic query, Latin-only place (or the reverse): the skeleton is the only bridge
            return 0.6 + 0.05 * min(len(skel), 5)
        return 0.5 + 0.3 * ratio / 100.0 + length_part

    def _fuzzy(self, key: str, skel: str, query_arabic: bool, cells: set,
               cells_key: tuple = ()) -> list[tuple[str, float]]:
        best: dict[str, float] = dict(self._bucket_fuzzy(key, skel[:1], query_arabic))
        # The places around the context, cell by cell in the set's order, as if their keys were one list: the
        # FUZZY_LIMIT best (ratio first, then position in that list, as rapidfuzz ranks them). Each cell's hits are
        # memoised: the same unknown name comes back near the same front line in article after article.
        hits: list[tuple[float, int, str]] = []
        cell_hits = self._cell_hits.get((key, query_arabic))
        if cell_hits is None:
            if len(self._cell_hits) >= _MEMO_LIMIT:
                self._cell_hits.clear()
            cell_hits = self._cell_hits[(key, query_arabic)] = {}
        for cell, offset, pool in self._layout(cells, cells_key, query_arabic):
            found = cell_hits.get(cell)
            if found is None:
                found = cell_hits[cell] = self._cell_fuzzy(key, pool)
            if found:
                hits += [(ratio, offset + position, pid) for ratio, position, pid in found]
        if len(hits) > 1:
            hits.sort(key=_by_ratio_then_position)
        for ratio, _, pid in hits[:FUZZY_LIMIT]:
            best[pid] = max(best.get(pid, 0.0), ratio)
        return list(best.items())

    def _layout(self, cells: set, cells_key: tuple, query_arabic: bool) -> tuple:
        """(cell, offset of its keys in the concatenated list, pool) of each of ``cells`` with keys in the script."""
        memo_key = (cells_key, query_arabic)
        layout = self._layouts.get(memo_key) if cells_key else None
        if layout is None:
            entries, offset = [], 0
            for cell in cells:
                pool = self._cell_keys.get((cell, query_arabic))
                if pool:
                    entries.append((cell, offset, pool))
                    offset += len(pool[0])
            layout = tuple(entries)
            if cells_key:
                if len(self._layouts) >= _MEMO_LIMIT:
                    self._layouts.clear()
                self._layouts[memo_key] = layout
        return layout

    @staticmethod
    def _cell_fuzzy(key: str, pool: tuple[list[str], list[str]]) -> tuple[tuple[float, int, str], ...]:
        """(ratio, position in the cell's pool, place id) of every key in the cell at least FUZZY_CUTOFF alike."""
        return tuple((ratio, position, pool[1][position]) for _, ratio, position in
                     process.extract(key, pool[0], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None))

    def _bucket_fuzzy(self, key: str, first: str, query_arabic: bool) -> tuple[tuple[str, float], ...]:
        """(place id, best ratio) of the fuzzy hits of ``key`` in its bucket (same script, same first symbol)."""
        memo_key = (key, query_arabic, first)
        hits = self._bucket_hits.get(memo_key)
        if hits is None:
            best: dict[str, float] = {}
            keys, ids = self._buckets.get((query_arabic, first), ((), ()))
            for _, ratio, position in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                                                      limit=FUZZY_LIMIT):
                for pid in ids[position]:
                    best[pid] = max(best.get(pid, 0.0), ratio)
            hits = tuple(best.items())
            if len(self._bucket_hits) >= _MEMO_LIMIT:
                self._bucket_hits.clear()
            self._bucket_hits[memo_key] = hits
        return hits


def _by_ratio_then_position(hit: tuple[float, int, str]) -> tuple[float, int]:
    return -hit[0], hit[1]


#: Memo tables are emptied when they reach this many entries (a bound on memory for very long runs).
_MEMO_LIMIT = 200_000


def _add(table: dict[str, list[str]], form: str, place_id: str) -> None:
    ids = table[form]
    if place_id not in ids:  # lists are a few ids long
        ids.append(place_id)
