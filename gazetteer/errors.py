"""Exceptions of the gazetteer package.

::

    GazetteerError
    ├── InvalidPlace (+ ValueError)        a Place with bad coordinates or an empty name
    ├── InvalidQuery (+ ValueError)        an empty, oversized or control-character query
    ├── PlaceNotFound (+ LookupError)      an id that no source holds
    ├── SourceError (+ OSError)            a source file that cannot be read at all
    └── OnlineGeocoderError (+ RuntimeError) the opt-in online service failed
"""


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class InvalidPlace(GazetteerError, ValueError):
    """A Place was built with values that cannot be right."""


class InvalidQuery(GazetteerError, ValueError):
    """A name that cannot be looked up (empty, too long, control characters)."""


class PlaceNotFound(GazetteerError, LookupError):
    """No source holds the requested place id."""


class SourceError(GazetteerError, OSError):
    """A source (file, index, download) could not be read."""


class OnlineGeocoderError(GazetteerError, RuntimeError):
    """The opt-in online geocoder failed or timed out."""
