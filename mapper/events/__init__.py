"""Events: locate reports through the gazetteer, merge them into events, export them.

::

    reports ──► locate_reports ──► LocateResult ──► merge_events ──► [Event] ──► write_events (.geojson/.csv/...)
"""

from mapper.events.export import FORMATS, read_events_geojson, write_events
from mapper.events.locate import LocatedReport, LocateResult, UnresolvedMention, locate_reports
from mapper.events.merge import merge_events
from mapper.events.model import Event

__all__ = [
    "FORMATS",
    "Event",
    "LocateResult",
    "LocatedReport",
    "UnresolvedMention",
    "locate_reports",
    "merge_events",
    "read_events_geojson",
    "write_events",
]
