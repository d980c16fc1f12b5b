from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from kommunetekst import extract_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def records(text: str, only: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """All records of ``text`` (no document record), optionally of some kinds only."""
    return list(extract_text(text, doc="-", year=year, only=only))


def load_score_module() -> Any:
    """tests/data/score.py: a copy of shared/tools/score.py, so the suite stands on its own."""
    spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    return paths
