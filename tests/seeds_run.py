"""The seed articles run through the whole pipeline once per test session (shared by the end-to-end tests)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mapper.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold_seeds.csv"
CHECKER = ROOT.parent / "shared" / "tools" / "check_events.py"


def run_seeds(out_dir: Path, *extra: str):
    """`conflict-mapper run seeds/ -o OUT/idlib.html --png OUT/idlib.png`; returns (click result, events dict)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = CliRunner().invoke(main, ["run", str(SEEDS), "-o", str(out_dir / "idlib.html"),
                                       "--png", str(out_dir / "idlib.png"), *extra])
    events_path = out_dir / "events.geojson"
    events = json.loads(events_path.read_text(encoding="utf-8")) if events_path.exists() else None
    return result, events


def by_place(events: dict, name: str, event_type: str = "control_change") -> list[dict]:
    """Properties of the features (and unlocated events) whose place name or a mention is ``name``."""
    everything = [f["properties"] for f in events["features"]] + list(events.get("unlocated", []))
    return [p for p in everything if p["event_type"] == event_type
            and (p["place_name"] == name or name in p["mentions"])]
