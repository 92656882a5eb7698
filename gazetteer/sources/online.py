"""Opt-in online fallback: a geopy geocoder (Nominatim or the GeoNames web service), rate-limited, cached on disk.

Nothing here runs unless the caller asks for it (``load_gazetteer(online=True)``). ``domain`` and ``scheme`` are
configurable so tests (and self-hosted services) can point it at another server. Answers are cached in
``<data_dir>/online_cache.json`` (misses too, so a name is asked for once).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass

from gazetteer import store
from gazetteer.errors import InvalidPlace, OnlineGeocoderError
from gazetteer.place import Place

CACHE_FILENAME = "online_cache.json"
PROVIDERS = ("nominatim", "geonames")


@dataclass(frozen=True, slots=True)
class OnlineOptions:
    """How to reach the online geocoder.

    ``min_delay_seconds`` follows Nominatim's usage policy (one request per second); ``country_codes`` limits
    answers (for example ``("sy",)``) and is empty by default so nothing assumes one country.
    """

    provider: str = "nominatim"
    domain: str | None = None
    scheme: str = "https"
    username: str | None = None  # the GeoNames web service needs one
    user_agent: str = "conflict-mapper (https://github.com/conflict-mapper)"
    min_delay_seconds: float = 1.0
    timeout_seconds: float = 10.0
    country_codes: tuple[str, ...] = ()

    @classmethod
    def from_url(cls, url: str, **kwargs) -> OnlineOptions:
        """Options for a service at ``url`` (``"http://127.0.0.1:8080"`` -> scheme http, domain 127.0.0.1:8080)."""
        scheme, _, rest = url.partition("://")
        if not rest:
            raise OnlineGeocoderError(f"online service URL {url!r} needs a scheme, e.g. https://host")
        return cls(scheme=scheme, domain=rest.rstrip("/"), **kwargs)


class OnlineGeocoder:
    """Geocode one name at a time through geopy, with a disk cache and a rate limit."""

    name = "online"

    def __init__(self, options: OnlineOptions | None = None, data_dir: str | os.PathLike | None = None) -> None:
        self.options = options or OnlineOptions()
        if self.options.provider not in PROVIDERS:
            raise OnlineGeocoderError(f"unknown online provider {self.options.provider!r}; use one of {PROVIDERS}")
        self.cache_path = store.data_dir(data_dir) / CACHE_FILENAME
        self._cache: dict | None = None
        self._geocode = None
        self._lock = threading.Lock()

    def _build(self):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import GeoNames, Nominatim

        opts = self.options
        common = {"timeout": opts.timeout_seconds, "scheme": opts.scheme, "user_agent": opts.user_agent}
        if opts.provider == "geonames":
            if not opts.username:
                raise OnlineGeocoderError("the GeoNames web service needs a username (OnlineOptions.username)")
            geocoder = GeoNames(opts.username, domain=opts.domain or "api.geonames.org", **common)
        else:
            geocoder = Nominatim(domain=opts.domain or "nominatim.openstreetmap.org", **common)
        return RateLimiter(geocoder.geocode, min_delay_seconds=opts.min_delay_seconds, max_retries=0,
                           swallow_exceptions=False)

    def _load_cache(self) -> dict:
        if self._cache is None:
            try:
                self._cache = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _cache_key(self, name: str) -> str:
        opts = self.options
        return f"{opts.provider}|{opts.domain or ''}|{','.join(opts.country_codes)}|{name}"

    def geocode(self, name: str) -> Place | None:
        """The service's best answer for ``name`` as a Place (source "online"), or None."""
        with self._lock:
            cache = self._load_cache()
            key = self._cache_key(name)
            if key not in cache:
                cache[key] = self._ask(name)
                store.write_atomic(self.cache_path, json.dumps(cache, ensure_ascii=False, indent=0).encode())
            hit = cache[key]
        if hit is None:
            return None
        try:
            return Place(hit["id"], hit["name"], hit["lat"], hit["lon"], kind="populated place", source="online",
                         source_id=hit["source_id"])
        except (InvalidPlace, KeyError) as exc:
            raise OnlineGeocoderError(f"online answer for {name!r} is unusable: {exc}") from exc

    def _ask(self, name: str) -> dict | None:
        from geopy.exc import GeopyError

        if self._geocode is None:
            self._geocode = self._build()
        kwargs = {"exactly_one": True}
        if self.options.country_codes:
            key = "country_codes" if self.options.provider == "nominatim" else "country"
            kwargs[key] = list(self.options.country_codes)
        try:
            location = self._geocode(name, **kwargs)
        except GeopyError as exc:
            raise OnlineGeocoderError(f"online geocoder failed for {name!r}: {exc}") from exc
        if location is None:
            return None
        raw = location.raw or {}
        source_id = str(raw.get("osm_id") or raw.get("geonameId") or raw.get("place_id")
                        or f"{location.latitude:.5f},{location.longitude:.5f}")
        label = raw.get("name") or (location.address or name).split(",")[0].strip() or name
        return {"id": f"online:{self.options.provider}:{source_id}", "name": label, "lat": location.latitude,
                "lon": location.longitude, "source_id": source_id}
