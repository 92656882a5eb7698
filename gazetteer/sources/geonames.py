"""GeoNames dumps: parse the official tab-separated format, import into the local index, download a country file.

The dump has 19 columns and no header (geonameid, name, asciiname, alternatenames, latitude, longitude, feature
class, feature code, country code, cc2, admin1..4, population, elevation, dem, timezone, modification date).
``.txt`` files and the official ``CC.zip`` archives are both read.
"""

from __future__ import annotations

import io
import os
import re
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import store
from gazetteer.errors import InvalidPlace, SourceError
from gazetteer.normalize import is_usable_alias
from gazetteer.place import Place
from gazetteer.sources.base import PlaceSource, SourceProblem, SourceResult

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"
DOWNLOAD_TIMEOUT_SECONDS = 60
#: Problems kept in a report; the count is always exact.
MAX_REPORTED_PROBLEMS = 200
_COLUMNS = 19
# Feature class -> Place.kind (GeoNames classes: A admin, P populated, T hypsographic, L area, S spot, R road, H water).
_KINDS = {"A": "admin unit", "P": "populated place", "T": "hill", "L": "area", "S": "site", "R": "road", "H": "area",
          "V": "area", "U": "area"}
_COUNTRY_CODE = re.compile(r"^(?:[A-Za-z]{2}|allCountries|cities\d+)$")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: rows loaded and skipped (with the first problems), how long, and where the index is."""

    path: str
    rows_loaded: int
    rows_skipped: int
    seconds: float
    index_path: str
    places_in_index: int
    problems: tuple[SourceProblem, ...] = field(default=())


def parse_line(line: str) -> Place:
    """One dump line as a Place; raises ValueError naming what is wrong."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != _COLUMNS:
        raise ValueError(f"expected {_COLUMNS} tab-separated columns, found {len(fields)}")
    geonameid, name, asciiname, alternates, lat, lon, feature_class = fields[:7]
    if not geonameid.isdigit():
        raise ValueError(f"geonameid {geonameid!r} is not a number")
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError:
        raise ValueError(f"coordinates are not numbers: {lat!r}, {lon!r}") from None
    aliases: dict[str, None] = {}  # ordered set
    for alias in (asciiname, *alternates.split(",")):
        alias = alias.strip()
        if alias and alias != name and is_usable_alias(alias):
            aliases[alias] = None
    country, admin1 = fields[8], fields[10]
    try:
        return Place(f"geonames:{geonameid}", name.strip() or asciiname, latitude, longitude,
                     kind=_KINDS.get(feature_class, "populated place"),
                     admin1=f"{country}.{admin1}" if admin1 else None, aliases=tuple(aliases),
                     source="geonames", source_id=geonameid)
    except InvalidPlace as exc:
        raise ValueError(str(exc)) from None


def _open_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise SourceError(f"{path}: not a readable zip archive ({exc})") from exc
        with archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            if not members:
                raise SourceError(f"{path}: the archive holds no GeoNames .txt file")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from handle
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc}") from exc


def read_geonames(path: str | os.PathLike) -> SourceResult:
    """Parse a dump file (``.txt`` or ``.zip``); malformed lines become problems with their line number."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    places: list[Place] = []
    problems: list[SourceProblem] = []
    for number, line in enumerate(_open_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            places.append(parse_line(line))
        except ValueError as exc:
            problems.append(SourceProblem(str(path), number, str(exc)))
    return SourceResult(tuple(places), tuple(problems))


def import_geonames(path: str | os.PathLike, data_dir: str | os.PathLike | None = None, *,
                    replace: bool = False) -> ImportReport:
    """Import a GeoNames dump into the local index (merged with what was imported before unless ``replace``)."""
    started = time.perf_counter()
    result = read_geonames(path)
    merged: dict[str, Place] = {}
    if not replace:
        merged.update((p.id, p) for p in store.load_index(data_dir)[0])
    merged.update((p.id, p) for p in result.places)
    target = store.save_index(merged.values(), data_dir)
    return ImportReport(path=str(path), rows_loaded=len(result.places), rows_skipped=len(result.problems),
                        seconds=time.perf_counter() - started, index_path=str(target),
                        places_in_index=len(merged), problems=result.problems[:MAX_REPORTED_PROBLEMS])


def download_geonames(country_code: str, data_dir: str | os.PathLike | None = None,
                      base_url: str = GEONAMES_DUMP_URL) -> ImportReport:
    """Fetch ``<base_url>/<CC>.zip`` (the official country dump), keep it in the data directory, import it.

    Returns the :class:`ImportReport`; its ``path`` is the downloaded zip.
    """
    if not _COUNTRY_CODE.match(country_code or ""):
        raise SourceError(f"{country_code!r} is not a two-letter country code (or allCountries)")
    code = country_code.upper() if len(country_code) == 2 else country_code
    url = f"{base_url.rstrip('/')}/{code}.zip"
    target = store.data_dir(data_dir) / "downloads" / f"{code}.zip"
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            payload = response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise SourceError(f"cannot download {url}: {exc}") from exc
    store.write_atomic(target, payload)
    return import_geonames(target, data_dir)


class GeoNamesSource(PlaceSource):
    """The GeoNames index imported earlier with ``conflict-mapper gazetteer import``."""

    name = "geonames"
    priority = 30

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self.data_dir = data_dir
        self.forms: dict[str, tuple[str, str]] = {}

    def load(self) -> SourceResult:
        places, self.forms = store.load_index(self.data_dir)
        return SourceResult(tuple(places))
