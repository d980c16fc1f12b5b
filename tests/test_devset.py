"""The development set (tests/data/devset: 30 altered real pages, a copy of shared/devset), scored.

Each kind's F1 and its secondary fields must stay at or above the floor set when the
rules last improved; raising a floor records progress, lowering one needs a reason
in the commit. The scoring is tests/data/score.py, the same as for the seeds.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, load_score_module
from kommunetekst import extract_bytes

SCORE = load_score_module()
DEVSET = DATA / "devset"

# kind: (F1 floor, {secondary field: share right floor})
FLOORS: dict[str, tuple[float, dict[str, float]]] = {
    "bullet": (1.0, {"heading": 1.0, "index": 1.0, "category": 1.0}),
    "case_count": (1.0, {"place": 1.0}),
    "date_header": (1.0, {}),
    "email": (1.0, {}),
    "opening_hours": (1.0, {"days": 1.0}),
    "percentage": (1.0, {"year": 1.0}),
    "phone": (1.0, {"type": 1.0, "label": 1.0}),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("devset") / "dev.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for path in sorted((DEVSET / "texts").glob("*.txt")):
            for record in extract_bytes(path.read_bytes(), f"devset/texts/{path.name}"):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        SCORE.main([str(DEVSET / "gold.jsonl"), str(out), "--json"])
    return json.loads(buf.getvalue())["kinds"]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_devset_kind(kind: str, report: dict[str, Any]) -> None:
    f1_floor, field_floors = FLOORS[kind]
    got = report[kind]
    assert got["f1"] >= f1_floor, got
    for name, floor in field_floors.items():
        right, compared = map(int, got["attrs"][name].split("/"))
        assert right / compared >= floor - 1e-9, (name, got["attrs"][name])


def test_devset_is_the_shared_copy() -> None:
    assert len(list((DEVSET / "texts").glob("*.txt"))) == 30
    assert Path(DEVSET / "gold.jsonl").read_text("utf-8").count("\n") == 237
