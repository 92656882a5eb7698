"""`conflict-mapper resolve` and `conflict-mapper gazetteer import|download`, through click's CliRunner."""

import functools
import http.server
import json
import threading
import zipfile

import pytest
from click.testing import CliRunner
from gazetteer_testdata import DATA

from mapper.cli import main

GEONAMES_SAMPLE = DATA / "gazetteer_geonames_sample.txt"


@pytest.fixture
def overlay(tmp_path):
    path = tmp_path / "overlay.csv"
    path.write_text("id,name,lat,lon,aliases\nov:1,Qaryat Fixtura,35.5,36.5,قرية فكستورا\n", encoding="utf-8")
    return path


def test_resolve_json_and_exit_codes(tmp_path, overlay):
    runner = CliRunner()
    args = ["resolve", "--data-dir", str(tmp_path), "--overlay", str(overlay), "--json"]
    ok = runner.invoke(main, [*args, "Qaryat Fixtura", "Qaryet Fixtoura"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert [(d["status"], d["place"]["id"], d["place"]["lat"]) for d in data] == [("resolved", "ov:1", 35.5)] * 2
    assert data[1]["rule"] == "normalised" and data[1]["candidates"][0]["source"] == "overlay"
    missing = runner.invoke(main, [*args, "Qaryat Fixtura", "Zzyzxville"])
    assert missing.exit_code == 1
    assert json.loads(missing.stdout)[1] == {"query": "Zzyzxville", "status": "unresolved", "place": None,
                                             "score": 0.0, "rule": "", "candidates": []}


def test_resolve_text_output_and_bad_input(tmp_path, overlay):
    runner = CliRunner()
    args = ["resolve", "--data-dir", str(tmp_path), "--overlay", str(overlay)]
    text = runner.invoke(main, [*args, "--near", "35.5,36.5", "قرية فكستورا"])
    assert text.exit_code == 0 and "-> Qaryat Fixtura (ov:1) 35.50000, 36.50000" in text.output
    bad = runner.invoke(main, [*args, "Qaryat\x07Fixtura"])
    assert bad.exit_code == 1 and "control character U+0007" in bad.output and "Traceback" not in bad.output
    long = runner.invoke(main, [*args, "x" * 10_000])
    assert long.exit_code == 1 and "too long" in long.output
    near = runner.invoke(main, [*args, "--near", "north", "Qaryat Fixtura"])
    assert near.exit_code == 2 and "is not LAT,LON" in near.output


def test_gazetteer_import(tmp_path):
    result = CliRunner().invoke(main, ["gazetteer", "import", str(GEONAMES_SAMPLE), "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "imported 3 places" in result.output and "skipped 2 line(s)" in result.output
    assert f"{GEONAMES_SAMPLE}:3: expected 19 tab-separated columns" in result.output
    resolved = CliRunner().invoke(main, ["resolve", "--data-dir", str(tmp_path), "--json", "Jirjanaz"])
    assert json.loads(resolved.stdout)[0]["place"]["lat"] == 35.61823


def test_gazetteer_download_from_a_local_server(tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    with zipfile.ZipFile(www / "SY.zip", "w") as zf:
        zf.write(GEONAMES_SAMPLE, "SY.txt")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        ok = CliRunner().invoke(main, ["gazetteer", "download", "SY", "--base-url", base, "--data-dir",
                                       str(tmp_path / "d")])
        missing = CliRunner().invoke(main, ["gazetteer", "download", "LB", "--base-url", base, "--data-dir",
                                            str(tmp_path / "d")])
    finally:
        server.shutdown()
        server.server_close()
    assert ok.exit_code == 0 and "imported 3 places" in ok.output
    assert missing.exit_code == 1 and "cannot download" in missing.output
