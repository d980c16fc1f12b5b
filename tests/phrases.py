"""Reading and scoring the real-phrasing tables in tests/data/phrases/ (see its README)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommunetekst import extract_text
from kommunetekst.registry import get_extractor

PHRASES = Path(__file__).resolve().parent / "data" / "phrases"


@dataclass
class Row:
    kind: str
    path: str  # "case_count.jsonl:12"
    text: str
    expect: list[dict[str, Any]]
    optional: list[dict[str, Any]] = field(default_factory=list)
    year: int | None = None
    known_failure: bool = False


@dataclass
class Outcome:
    found: list[dict[str, Any]]  # the records of the row's kind
    missed: list[dict[str, Any]]  # expected entries not found
    extra: list[dict[str, Any]]  # records matching no entry

    @property
    def ok(self) -> bool:
        return not self.missed and not self.extra


def load_rows(kind: str, table: str = "", *, heldout: bool = False) -> list[Row]:
    """The rows of ``<kind>.jsonl``, or of ``<kind>.<table>.jsonl`` (``heldout``, ``second``)."""
    table = "heldout" if heldout else table
    path = PHRASES / (f"{kind}.{table}.jsonl" if table else f"{kind}.jsonl")
    if not path.exists():
        return []
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        rows.append(
            Row(kind, f"{path.name}:{n}", d["text"], d["expect"], d.get("optional", []),
                d.get("year"), d.get("known_failure", False))
        )  # fmt: skip
    return rows


def kinds() -> list[str]:
    return sorted({p.name.split(".")[0] for p in PHRASES.glob("*.jsonl")})


def _matches(record: dict[str, Any], entry: dict[str, Any]) -> bool:
    return all(record.get(k) == v for k, v in entry.items())


def run_row(row: Row) -> Outcome:
    get_extractor(row.kind)  # an unknown kind fails loudly
    found = [r for r in extract_text(row.text, year=row.year) if r["kind"] == row.kind]
    left = list(found)
    missed = []
    for entry in row.expect:
        hit = next((r for r in left if _matches(r, entry)), None)
        if hit is None:
            missed.append(entry)
        else:
            left.remove(hit)
    extra = [r for r in left if not any(_matches(r, o) for o in row.optional + row.expect)]
    return Outcome(found, missed, extra)


def score(rows: list[Row]) -> dict[str, float]:
    tp = fp = fn = 0
    for row in rows:
        out = run_row(row)
        fn += len(out.missed)
        fp += len(out.extra)
        tp += len(row.expect) - len(out.missed)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"rows": len(rows), "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}
