"""Build ``src/kommunetekst/data/kommuner.csv`` from SSB's classification 131 (KLASS).

Usage: ``python scripts/build_gazetteer.py DIR > src/kommunetekst/data/kommuner.csv``

DIR holds the KLASS API's answers, as downloaded (see ``src/kommunetekst/data/SOURCE.md``):
``Kommuneinndeling 2019.json``, ``… 2020.json``, ``… 2022.json``, ``… 2023.json``,
``… 2024.json`` (``/api/klass/v1/versions/<id>.json``) and ``changetables.json``
(``/api/klass/v1/classifications/131/changes.json?from=1971-01-01&to=2025-01-02``).

One row per name a municipality of the 2020 borders has had in the 2019, 2020–2023 and
2024 classifications: ``kommune_no`` (its 2020 number), ``period``, ``number`` (the number
under that name then) and ``name`` (as SSB writes it). The script checks what it builds:
356 municipalities in 2020, every 2019 and 2024 number accounted for.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

UNKNOWN = "9999"  # "Uoppgitt", not a municipality


def _items(folder: Path, year: int) -> dict[str, str]:
    data = json.loads((folder / f"Kommuneinndeling {year}.json").read_text("utf-8"))
    return {i["code"]: i["name"] for i in data["classificationItems"] if i["code"] != UNKNOWN}


def build(folder: Path) -> list[tuple[str, str, str, str]]:
    v2019, v2020, v2024 = (_items(folder, y) for y in (2019, 2020, 2024))
    later_2020 = [_items(folder, y) for y in (2022, 2023)]  # names changed within 2020-2023
    changes = json.loads((folder / "changetables.json").read_text("utf-8"))["codeChanges"]
    assert len(v2020) == 356, len(v2020)

    # 2019 -> 2020: a listed change, else the same number.
    to_2020: dict[str, set[str]] = defaultdict(set)
    for c in changes:
        if c["changeOccurred"] == "2020-01-01" and c["oldCode"] in v2019:
            to_2020[c["oldCode"]].add(c["newCode"])
    for code in v2019:
        if code not in to_2020:
            assert code in v2020, f"2019 {code} {v2019[code]}: no successor"
            to_2020[code].add(code)
    # 2020 -> 2024: a listed change, else the same number.
    to_2024: dict[str, set[str]] = defaultdict(set)
    for c in changes:
        if c["changeOccurred"] == "2024-01-01" and c["oldCode"] in v2020:
            to_2024[c["oldCode"]].add(c["newCode"])
    for code in v2020:
        if code not in to_2024:
            assert code in v2024, f"2020 {code} {v2020[code]}: no successor"
            to_2024[code].add(code)

    rows: set[tuple[str, str, str, str]] = set()
    for old, news in to_2020.items():
        for new in news:
            assert new in v2020, (old, new)
            rows.add((new, "2019", old, v2019[old]))
    for code, name in v2020.items():
        rows.add((code, "2020", code, name))
        for version in later_2020:
            rows.add((code, "2020", code, version[code]))
    for old, news in to_2024.items():
        for new in news:
            assert new in v2024, (old, new)
            rows.add((old, "2024", new, v2024[new]))
    covered_2024 = {r[2] for r in rows if r[1] == "2024"}
    assert covered_2024 == set(v2024), set(v2024) ^ covered_2024
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3]))


def main(argv: list[str]) -> int:
    rows = build(Path(argv[0]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(("kommune_no", "period", "number", "name"))
    out.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
