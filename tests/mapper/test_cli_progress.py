"""Long runs show progress on stderr; -q silences it but never the problems."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.cli.progress import EVERY


@pytest.fixture()
def many_articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(EVERY + 5):
        (folder / f"a{number:04d}.txt").write_text(
            "---\npublished: 2020-02-10\n---\nThe Syrian army captured the town of Saraqib on Saturday.\n",
            encoding="utf-8")
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("flags", "shows_progress"), [([], True), (["-q"], False)])
def test_extract_progress_and_quiet(many_articles, tmp_path, flags, shows_progress):
    result = CliRunner().invoke(main, ["extract", str(many_articles), "-o", str(tmp_path / "e.geojson"), *flags])
    assert result.exit_code == 1  # the empty file failed; the others were read
    assert (f"{EVERY} articles read" in result.stderr) is shows_progress
    assert "zz_empty.txt" in result.stderr
    assert (tmp_path / "e.geojson").exists()


@pytest.mark.parametrize("command", ["extract", "run"])
def test_max_bytes_skips_big_files_and_names_them(tmp_path, command):
    folder = tmp_path / "articles"
    folder.mkdir()
    small = "---\npublished: 2020-02-10\n---\nThe Syrian army captured the town of Saraqib on Saturday.\n"
    (folder / "small.txt").write_text(small, encoding="utf-8")
    (folder / "big.txt").write_text(small + "Background. " * 50, encoding="utf-8")
    out = tmp_path / ("e.geojson" if command == "extract" else "map.html")
    result = CliRunner().invoke(main, [command, str(folder), "-o", str(out), "--max-bytes", "300", "-q"])
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "over the limit of 300" in result.stderr
    assert "small.txt" not in result.stderr
    events = (out if command == "extract" else out.with_name("events.geojson")).read_text(encoding="utf-8")
    assert "Saraqib" in events and "big.txt" not in events
