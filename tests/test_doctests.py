"""Run the doctests of every module of the installed package (the cheapest tests of helpers)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kommunetekst

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(kommunetekst.__path__, "kommunetekst.")
    if ".cli" not in m.name and not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
