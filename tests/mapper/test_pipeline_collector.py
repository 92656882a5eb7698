"""The pipeline pauses the cyclic garbage collector for a run and always gives it back as it found it."""

from __future__ import annotations

import gc

import pytest

from gazetteer import Gazetteer, Place
from mapper.pipeline import collector_paused, extract_events


@pytest.fixture
def collector_state():
    enabled = gc.isenabled()
    yield
    gc.enable() if enabled else gc.disable()


@pytest.mark.parametrize("enabled_before", [True, False])
def test_collector_paused_restores_state(collector_state, enabled_before):
    gc.enable() if enabled_before else gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled_before


def test_collector_restored_after_an_error(collector_state):
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_run_leaves_collector_enabled(collector_state, tmp_path):
    gc.enable()
    seen = []
    (tmp_path / "a.txt").write_text("On Monday, the army captured Kafr Nabl.\n", encoding="utf-8")
    gaz = Gazetteer([Place("x:1", "Kafr Nabl", 35.614, 36.561)])
    result = extract_events([tmp_path], gazetteer=gaz, progress=lambda item: seen.append(gc.isenabled()))
    assert seen == [False]  # paused while the article was read
    assert gc.isenabled()
    assert [e.place.id for e in result.events] == ["x:1"]


def test_run_moves_its_objects_to_the_oldest_generation(collector_state):
    gc.enable()
    gc.collect()
    started = []

    def record(phase, info):
        started.append(info["generation"]) if phase == "start" else None

    with collector_paused():
        held = [[i] for i in range(50_000)]  # a run's results, allocated with the collector paused
        gc.callbacks.append(record)
    gc.callbacks.remove(record)  # the first allocations after the run: no collection walks its objects
    assert started == []
    assert gc.get_freeze_count() == 0  # nothing left frozen
    assert held[-1] == [49_999]


def test_objects_the_program_froze_stay_frozen(collector_state):
    gc.enable()
    kept = [[1], [2]]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen and kept
    finally:
        gc.unfreeze()
