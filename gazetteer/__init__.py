"""Resolve place names in any transliteration to places with coordinates, a score, and honest doubt.

>>> import gazetteer
>>> gaz = gazetteer.load_gazetteer()                # doctest: +SKIP
>>> gaz.resolve("Jorjnaz").place.name              # doctest: +SKIP
'Jarjanaz'
"""

from gazetteer.errors import (
    GazetteerError,
    InvalidPlace,
    InvalidQuery,
    OnlineGeocoderError,
    PlaceNotFound,
    SourceError,
)
from gazetteer.normalize import name_key, skeleton, validate_query
from gazetteer.place import PLACE_KINDS, Place
from gazetteer.resolution import Candidate, Resolution
from gazetteer.resolver import Gazetteer
from gazetteer.sources import OnlineOptions, load_gazetteer
from gazetteer.sources.base import SourceProblem
from gazetteer.sources.geonames import ImportReport, download_geonames, import_geonames

__all__ = [
    "PLACE_KINDS",
    "Candidate",
    "Gazetteer",
    "GazetteerError",
    "ImportReport",
    "InvalidPlace",
    "InvalidQuery",
    "OnlineGeocoderError",
    "OnlineOptions",
    "Place",
    "PlaceNotFound",
    "Resolution",
    "SourceError",
    "SourceProblem",
    "download_geonames",
    "import_geonames",
    "load_gazetteer",
    "name_key",
    "skeleton",
    "validate_query",
]
