"""Gazetteer.forget empties every memo, so a benchmark pass after it is as cold as a fresh process."""

from __future__ import annotations

from gazetteer import Gazetteer, Place


def _memos(gaz: Gazetteer) -> dict[str, int]:
    found = {f"gazetteer.{k}": len(v) for k, v in vars(gaz).items() if isinstance(v, dict) and k in ("_memo", "_queries")}
    index = gaz.index
    for name in dir(index):
        value = getattr(index, name, None)
        if isinstance(value, dict) and name.endswith(("_memo", "_hits", "_layouts")):
            found[f"index.{name}"] = len(value)
    return found


def test_forget_empties_every_memo():
    places = [Place("a:1", "Kafr Nabl", 35.614, 36.561), Place("a:2", "Kafr Sajna", 35.58, 36.62),
              Place("a:3", "Jarjanaz", 35.618, 36.783), Place("a:4", "Saraqib", 35.864, 36.806)]
    gaz = Gazetteer(places)
    gaz.resolve_all(["Kafr Nabl", "Saraqib", "Jarjanax", "Kafr Sajnaa", "Zorbulan"])
    gaz.resolve("Jarjnaz", near=(35.6, 36.7))
    before = _memos(gaz)
    assert {"index._strict_memo", "index._fuzzy_memo", "index._bucket_hits", "index._cell_hits"} <= set(before)
    assert sum(before.values()) > 0 and before["index._cell_hits"] > 0
    gaz.forget()
    assert all(size == 0 for size in _memos(gaz).values()), _memos(gaz)
