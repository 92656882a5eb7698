"""Smoke test of benchmarks/bench_extract.py: the generated corpus is what the benchmark claims, and the pipeline
finds the places its control-change sentences name (a check on the output, never on timing)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Run alone, pytest puts tests/ first on sys.path, where tests/gazetteer and tests/mapper would shadow the packages.
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import bench_extract

import gazetteer
from mapper.pipeline import extract_events


@pytest.fixture(scope="module")
def bundled():
    return gazetteer.load_gazetteer(imported=False)


@pytest.fixture(scope="module")
def run(tmp_path_factory, bundled):
    corpus = tmp_path_factory.mktemp("corpus")
    expected = bench_extract.generate_corpus(corpus, 50, list(bundled))
    return corpus, expected, extract_events([corpus], gazetteer=bundled)


def test_corpus_is_seeded_and_articles_are_2_to_5_kb(run, bundled, tmp_path):
    corpus, expected, _result = run
    files = sorted(corpus.glob("*.txt"))
    assert len(files) == 50
    sizes = [f.stat().st_size for f in files]
    assert min(sizes) >= bench_extract.MIN_BYTES and max(sizes) <= bench_extract.MAX_BYTES
    assert files[0].read_text(encoding="utf-8").startswith("---\npublished: ")
    again = bench_extract.generate_corpus(tmp_path, 3, list(bundled))
    assert [f.read_text(encoding="utf-8") for f in sorted(tmp_path.glob("*.txt"))] == \
        [f.read_text(encoding="utf-8") for f in files[:3]]
    assert again == [e for e in expected if e.article in {f.name for f in files[:3]}]


def test_pipeline_reads_every_article_and_makes_events(run):
    _corpus, expected, result = run
    assert result.articles_count == 50 and not result.problems
    kinds = {e.event_type for e in result.events}
    assert {"control_change", "attack", "advance", "siege"} <= kinds
    assert any(e.place_id is None for e in expected)  # made-up names are in the corpus...
    assert result.unresolved  # ...and come back as unresolved names


def test_control_change_places_are_found(run):
    """Places of the gazetteer named as written in a control-change sentence come out as control changes of that
    place in that article (the generator records which places each such sentence names)."""
    _corpus, expected, result = run
    found = {(source.article, event.place.id) for event in result.events if event.event_type == "control_change"
             for source in event.sources}
    known = [e for e in expected if e.place_id is not None and not e.respelt]
    assert len(known) >= 200
    hits = [e for e in known if (e.article, e.place_id) in found]
    assert len(hits) / len(known) >= 0.8, [e for e in known if e not in hits][:10]


def test_machine_baseline_work_is_fixed():
    import machine

    assert machine._unit() == machine._unit() > 0  # the same reference work every time
    assert machine.baseline(passes=1) > 0
    assert "reference units/s" in machine.describe(1234.0)


def test_bench_gazetteer_runs_on_a_small_geonames_file(capsys, monkeypatch, tmp_path):
    """The gazetteer benchmark end to end on the test GeoNames sample: every figure line is printed (values are
    timings, so only their presence and the interleaved rates' shape are checked)."""
    import bench_gazetteer

    rates = bench_gazetteer.rates_interleaved({"a": (len, ["x", "yy"]), "b": (str.upper, ["z"])}, rounds=2)
    assert set(rates) == {"a", "b"} and all(rate > 0 for rate in rates.values())
    # A GeoNames-format file of the bundled table's places (the format's 19 columns; population 0).
    sample = tmp_path / "XX.txt"
    rows = [[p.id.split(":")[-1], p.name, p.name, ",".join(p.aliases), str(p.lat), str(p.lon), "P", "PPL", "XX",
             "", "", "", "", "", "0", "", "", "Asia/Damascus", "2020-01-01"]
            for p in gazetteer.load_gazetteer(imported=False)]
    sample.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["bench_gazetteer.py", str(sample), "--variants", "50"])
    bench_gazetteer.main()
    out = capsys.readouterr().out
    for label in ("import", "is_known exact", "is_known normal.", "is_known variants", "fuzzy resolve", "variants"):
        assert f"\n{label} " in "\n" + out, label
