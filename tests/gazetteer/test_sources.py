"""Sources: bundled/overlay CSVs with bad rows, merging by id, GeoNames import and download, cities, online."""

import functools
import http.server
import json
import threading
import zipfile
from typing import ClassVar

import pytest
from gazetteer_testdata import DATA, PLACES_CSV

import gazetteer
from gazetteer import Place, SourceError, import_geonames, store
from gazetteer.sources import SOURCE_CLASSES, get_source_class, merge_places
from gazetteer.sources.bundled import BundledSource
from gazetteer.sources.overlay import OverlaySource

GEONAMES_SAMPLE = DATA / "gazetteer_geonames_sample.txt"


def test_bad_csv_rows_are_reported_by_line_and_the_rest_loads():
    result = BundledSource(DATA / "gazetteer_places_bad.csv").load()
    assert [p.id for p in result.places] == ["fx:ok", "fx:also-ok"]
    lines = {p.line: p.message for p in result.problems}
    assert set(lines) == {3, 4, 5, 6}
    assert "no coordinates" in lines[3] and "out of range" in lines[4] and "not numbers" in lines[5]
    assert str(result.problems[0]).startswith(f"{DATA / 'gazetteer_places_bad.csv'}:3: ")


def test_overlay_adds_aliases_moves_places_and_adds_new_ones():
    gaz = gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False, overlays=[DATA / "gazetteer_overlay.csv"])
    assert gaz.resolve("Jarjanaz al-Kabira").place.id == "fx:jarjanaz"
    assert gaz.resolve("Jurjunaz Village").place.id == "fx:jarjanaz"
    tah = gaz.get("fx:tah")
    assert (tah.lat, tah.lon, tah.source) == (35.55, 36.73, "overlay")
    assert gaz.resolve("Tell Haran").place.id == "ov:tal-haran"
    assert sorted((p.line, "needs lat and lon" in p.message or "both lat and lon" in p.message)
                  for p in gaz.problems) == [(5, True), (6, True)]


def test_merge_higher_priority_wins_and_aliases_union():
    low = Place("geonames:1", "Jarjanaz", 35.6, 36.7, admin1="Idlib", aliases=("جرجناز",), source="bundled")
    high = Place("geonames:1", "Jarjanāz", 35.61823, 36.78281, aliases=("Jirjanaz",), source="geonames")
    merged = merge_places([[low], [high]])["geonames:1"]
    assert (merged.name, merged.lat, merged.source, merged.admin1) == ("Jarjanāz", 35.61823, "geonames", "Idlib")
    assert set(merged.aliases) == {"Jirjanaz", "Jarjanaz", "جرجناز"}


def test_registry():
    assert sorted(SOURCE_CLASSES) == ["bundled", "cities", "geonames", "overlay"]
    assert get_source_class("overlay") is OverlaySource
    with pytest.raises(SourceError, match="unknown source"):
        get_source_class("nope")


def test_import_geonames_reports_bad_lines_and_persists(tmp_path):
    report = import_geonames(GEONAMES_SAMPLE, tmp_path)
    assert (report.rows_loaded, report.rows_skipped, report.places_in_index) == (3, 2, 3)
    assert [(p.line, p.path) for p in report.problems] == [(3, str(GEONAMES_SAMPLE)), (4, str(GEONAMES_SAMPLE))]
    assert "19 tab-separated columns" in report.problems[0].message
    gaz = gazetteer.load_gazetteer(bundled=False, data_dir=tmp_path)
    hill = gaz.resolve("Tell Sayyad").place
    assert (hill.id, hill.kind, hill.source) == ("geonames:900004", "hill", "geonames")
    assert gaz.resolve("خان شيخون").place.lat == pytest.approx(35.44208)


def test_imported_and_bundled_rows_of_one_place_merge(tmp_path):
    csv = tmp_path / "bundled.csv"
    csv.write_text("id,name,lat,lon,aliases\ngeonames:900001,Jarjanaz,35.6,36.7,Jorjnaz\n", encoding="utf-8")
    import_geonames(GEONAMES_SAMPLE, tmp_path)
    gaz = gazetteer.load_gazetteer(bundled=csv, data_dir=tmp_path)
    place = gaz.get("geonames:900001")
    assert (place.lat, place.source) == (35.61823, "geonames") and "Jorjnaz" in place.aliases
    assert len(gaz) == 3


def test_import_of_a_zip_and_replace(tmp_path):
    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(GEONAMES_SAMPLE, "XX.txt")
        zf.writestr("readme.txt", "not data")
    import_geonames(GEONAMES_SAMPLE, tmp_path)
    report = import_geonames(archive, tmp_path, replace=True)
    assert (report.rows_loaded, report.places_in_index) == (3, 3)
    with pytest.raises(SourceError, match="no such file"):
        import_geonames(tmp_path / "missing.txt", tmp_path)


@pytest.fixture
def local_server(tmp_path):
    """An http.server on 127.0.0.1 serving tmp_path/www; yields (base_url, www dir)."""
    www = tmp_path / "www"
    www.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", www
    server.shutdown()
    server.server_close()


def test_download_geonames_from_a_local_server(tmp_path, local_server):
    base_url, www = local_server
    with zipfile.ZipFile(www / "SY.zip", "w") as zf:
        zf.write(GEONAMES_SAMPLE, "SY.txt")
    report = gazetteer.download_geonames("sy", tmp_path / "data", base_url=base_url)
    assert report.rows_loaded == 3 and report.path == str(tmp_path / "data" / "downloads" / "SY.zip")
    with pytest.raises(SourceError, match="cannot download"):
        gazetteer.download_geonames("LB", tmp_path / "data", base_url=base_url)
    with pytest.raises(SourceError, match="country code"):
        gazetteer.download_geonames("../x", tmp_path / "data", base_url=base_url)


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv(store.DATA_DIR_ENV, str(tmp_path / "env"))
    assert store.data_dir() == tmp_path / "env"
    assert store.data_dir(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.delenv(store.DATA_DIR_ENV)
    assert store.data_dir().name == "conflict-mapper"


def test_corrupt_index_is_a_clear_error(tmp_path):
    (tmp_path / store.INDEX_FILENAME).write_bytes(b"not a pickle")
    with pytest.raises(SourceError, match="import the GeoNames file again"):
        gazetteer.load_gazetteer(bundled=False, data_dir=tmp_path)


def test_cities_layer():
    from gazetteer.sources.cities import CitiesSource

    gaz = gazetteer.Gazetteer(CitiesSource(country_codes=("SY", "LB")).load().places)
    damascus = gaz.resolve("Damascus", near=(33.5, 36.3)).place
    assert damascus.id == "geonames:170654" and damascus.source == "cities"
    assert damascus.lat == pytest.approx(33.51, abs=0.05)


class _FakeNominatim(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list] = []

    def do_GET(self):
        type(self).hits.append(self.path)
        if "Qaryat" in self.path:
            body = [{"place_id": 7, "osm_id": 4242, "lat": "35.60", "lon": "36.80", "name": "Qaryat al-Ghuraba",
                     "display_name": "Qaryat al-Ghuraba, Idlib, Syria"}]
        elif "Faraway" in self.path:
            body = [{"place_id": 8, "osm_id": 99, "lat": "33.5", "lon": "36.3", "display_name": "Faraway, Syria"}]
        else:
            body = []
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_geocoder():
    _FakeNominatim.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeNominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _FakeNominatim.hits
    server.shutdown()
    server.server_close()


def test_online_fallback_is_cached_and_marked(tmp_path, fake_geocoder):
    url, hits = fake_geocoder
    options = gazetteer.OnlineOptions.from_url(url, min_delay_seconds=0)
    gaz = gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False, online=True, online_options=options,
                                   data_dir=tmp_path)
    result = gaz.resolve("Qaryat al-Ghuraba")
    assert (result.status, result.rule, result.place.source) == ("resolved", "online", "online")
    assert (result.place.lat, result.place.id) == (35.6, "online:nominatim:4242")
    assert gaz.resolve("Jarjanaz").rule == "exact" and len(hits) == 1  # known names never go online
    again = gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False, online=True, online_options=options,
                                     data_dir=tmp_path)
    assert again.resolve("Qaryat al-Ghuraba").place.id == "online:nominatim:4242" and len(hits) == 1
    assert gaz.resolve("Nothingtown").status == "unresolved"
    assert gaz.resolve("Faraway", near=(35.6, 36.8)).status == "unresolved"  # online answers obey context too
    assert json.loads((tmp_path / "online_cache.json").read_text(encoding="utf-8"))


def test_offline_by_default_never_asks(tmp_path, fake_geocoder):
    _, hits = fake_geocoder
    gaz = gazetteer.load_gazetteer(bundled=PLACES_CSV, imported=False, data_dir=tmp_path)
    assert gaz.resolve("Qaryat al-Ghuraba").status == "unresolved" and hits == []
