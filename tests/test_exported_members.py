"""The public API is exactly ``communique.__all__`` (cf. httpx's guard)."""

from __future__ import annotations

import communique


def test_exported_members_all_defined() -> None:
    for name in communique.__all__:
        assert hasattr(communique, name), name


def test_exported_members_no_private_leaks() -> None:
    public = {n for n in dir(communique) if not n.startswith("_")}
    # Subpackages appear as attributes once imported; they are namespaces, not API members.
    modules = {n for n in public if type(getattr(communique, n)).__name__ == "module"}
    assert public - modules == set(communique.__all__)


def test_exported_members_extract_is_the_function_after_stage_import() -> None:
    import importlib

    importlib.import_module("communique.extract.events")
    assert callable(communique.extract)
    assert communique.extract.__module__ == "communique.api"
