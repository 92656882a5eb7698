"""Each public mapper package has an __all__ in ruff's order (RUF022) that matches what it exports."""

import importlib
import types

import pytest


@pytest.mark.parametrize("name", ["mapper.events", "mapper.extract", "mapper.ingest", "mapper.render"])
def test_all_is_sorted_and_exported(name):
    package = importlib.import_module(name)
    names = package.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
    for member in names:
        assert hasattr(package, member), f"{name}.{member} is in __all__ but not defined"
    # What the package itself defines (not what it imports to do its work) is its API and must be listed.
    own = {n for n, v in vars(package).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)
           and getattr(v, "__module__", None) == name}
    assert own <= set(names), f"{name} defines {sorted(own - set(names))} without listing them in __all__"
