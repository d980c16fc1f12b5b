#!/usr/bin/env python3
"""Show that the work grows linearly with input size on adversarial text (issue 7).

A script, not a test: it prints a table and never fails a build. For each
adversarial pattern it builds texts of 1, 4, 16 and 64 MB, runs every extractor
(``extract_text``, the whole pipeline) over each, and prints seconds per MB.
Linear work gives a flat row; the last column is s/MB at the largest size over
s/MB at the smallest, and a row above 2.0 is marked ``SUPERLINEAR``.
``--per-extractor`` splits each pattern by extractor (on a ready Document) to
show which one grows. Run it from the repository root::

    .venv/bin/python benchmarks/bench_adversarial.py                    # ~10-20 minutes
    .venv/bin/python benchmarks/bench_adversarial.py --sizes 1,2,4 --patterns "long line,seeds"
    .venv/bin/python benchmarks/bench_adversarial.py --per-extractor --sizes 2,8 \\
        --patterns "long line"

A row stops growing once one size took longer than ``--budget`` seconds: the
cell then says ``-``; the row is still judged on the sizes it ran.
MB = 10^6 characters of text (the patterns are nearly all ASCII).
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from kommunetekst import extract_text  # noqa: E402
from kommunetekst.decoding import normalize_text  # noqa: E402
from kommunetekst.document import Document  # noqa: E402
from kommunetekst.registry import EXTRACTORS, get_extractor  # noqa: E402

MB = 1_000_000


def _seeds() -> str:
    return "".join(p.read_text("utf-8") + "\n" for p in sorted((REPO / "seeds").glob("*.txt")))


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _random(alphabet: str, seed: int) -> Callable[[int], str]:
    def make(n: int) -> str:
        rng = random.Random(seed)
        return "".join(rng.choices(alphabet, k=n))

    return make


def _random_unicode(n: int) -> str:
    rng = random.Random(3)
    block = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(100_000))
    return _repeat(block)(n)


# Name -> function(n characters) -> text. Each pattern aims at a kind of pattern
# work: numbers, separators, bullets, ranges, keywords, anchors, long lines.
PATTERNS: dict[str, Callable[[int], str]] = {
    "seeds": _repeat(_seeds()),
    "long line": _repeat(_seeds().replace("\n", " ")),
    "digits and spaces": _repeat("1 "),
    "digits": _repeat("1" * 1000 + "\n"),
    "digits, no-break spaces": _repeat("12\u00a0"),
    "dotted numbers": _repeat("1.2.3.4.5.6.7.8.9.0."),
    "bullets": _repeat("• "),
    "bullet lines": _repeat("• a\n"),
    "dash lines": _repeat("- a\n"),
    "kl. 09- repeated": _repeat("kl. 09-"),
    "smittede repeated": _repeat("smittede "),
    "prosent repeated": _repeat("12,5 prosent "),
    "date lines": _repeat("01.02.20 x\n"),
    "at signs": _repeat("a@"),
    "random digits and marks": _random("0123456789 .,-–:%•\n", 1),
    "random unicode": _random_unicode,
}


def _time(fn: Callable[[], object]) -> float:
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(
    pattern: str, sizes: list[int], budget: float, per_extractor: bool
) -> list[tuple[str, list[float | None]]]:
    make = PATTERNS[pattern]
    rows: dict[str, list[float | None]] = {}
    names = list(EXTRACTORS) if per_extractor else ["all extractors"]
    over: set[str] = set()
    for size in sizes:
        text = make(size * MB)
        if per_extractor:
            doc = Document(normalize_text(text))
            _ = doc.headers, doc.list_items  # shared work, paid once
        for name in names:
            cells = rows.setdefault(name, [])
            if name in over:
                cells.append(None)
                continue
            if per_extractor:
                module = get_extractor(name)
                seconds = _time(lambda: sum(1 for _ in module.extract(doc)))  # noqa: B023
            else:
                seconds = _time(lambda: sum(1 for _ in extract_text(text)))  # noqa: B023
            cells.append(seconds / size)
            if seconds > budget:
                over.add(name)
        text = ""  # free it before the next size is built
    return list(rows.items())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="1,4,16,64", help="MB sizes, comma-separated [1,4,16,64]"
    )
    parser.add_argument("--patterns", default="all", help="comma-separated pattern names, or all")
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="stop growing a row after a run this long [120 s]",
    )
    parser.add_argument("--per-extractor", action="store_true", help="one row per extractor")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    patterns = (
        list(PATTERNS) if args.patterns == "all" else [p.strip() for p in args.patterns.split(",")]
    )
    unknown = [p for p in patterns if p not in PATTERNS]
    if unknown:
        parser.error(f"unknown pattern(s) {unknown}; choose from: {', '.join(PATTERNS)}")

    print(
        f"# bench_adversarial  python {platform.python_version()}  {platform.machine()}  "
        f"extractors: {', '.join(EXTRACTORS)}"
    )
    print("# seconds per MB; growth = s/MB at the largest size run / s/MB at the smallest")
    head = (
        f"{'pattern':26} {'extractor':16}"
        + "".join(f"{str(s) + ' MB':>10}" for s in sizes)
        + f"{'growth':>9}"
    )
    print(head)
    print("-" * len(head))
    flagged = []
    for pattern in patterns:
        for name, cells in measure(pattern, sizes, args.budget, args.per_extractor):
            ran = [c for c in cells if c is not None]
            growth = ran[-1] / ran[0] if len(ran) > 1 and ran[0] > 0 else 1.0
            mark = "  SUPERLINEAR" if growth > 2.0 and ran[-1] > 0.01 else ""
            if mark:
                flagged.append(f"{pattern} / {name}")
            cols = "".join(f"{c:10.3f}" if c is not None else f"{'-':>10}" for c in cells)
            print(f"{pattern:26} {name:16}{cols}{growth:9.2f}{mark}", flush=True)
    print()
    print("superlinear:", ", ".join(flagged) if flagged else "none")


if __name__ == "__main__":
    main()
