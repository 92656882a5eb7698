"""The public API: a sorted __all__ that matches what the package exports (httpx's test_exported_members)."""

import types

import gazetteer


def test_all_is_sorted_and_exported():
    # isort-style order (ruff RUF022): CONSTANTS, then Classes, then functions, each alphabetical.
    assert gazetteer.__all__ == sorted(gazetteer.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
    exported = {name for name, value in vars(gazetteer).items()
                if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert exported == set(gazetteer.__all__)
    for name in gazetteer.__all__:
        assert hasattr(gazetteer, name), name


def test_the_api_other_modules_rely_on():
    for name in ("load_gazetteer", "Gazetteer", "Place", "Resolution", "Candidate", "import_geonames",
                 "download_geonames", "InvalidQuery", "PlaceNotFound"):
        assert name in gazetteer.__all__
    for method in ("resolve", "resolve_all", "get", "is_known", "__len__", "__iter__"):
        assert callable(getattr(gazetteer.Gazetteer, method))
