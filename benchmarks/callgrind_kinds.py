"""Instructions per extractor: one pass of ``extract_text(text, only=KIND)`` over the seeds
and the devset texts, counted by ``valgrind --tool=callgrind`` (immune to a busy machine).

A pass is measured as (3 passes - 1 pass) / 2, so imports and first-call costs drop out;
``PYTHONHASHSEED=0`` keeps dict and set order, and so the count, the same from run to run.
``--src`` measures another checkout side by side (e.g. ``git worktree add /tmp/base main``)::

    .venv/bin/python benchmarks/callgrind_kinds.py person quote amount all
    .venv/bin/python benchmarks/callgrind_kinds.py --src /tmp/base/src person quote amount all
    .venv/bin/python benchmarks/callgrind_kinds.py --texts bench-corpus/realistic-2mb all

``all`` runs every extractor (the whole pipeline in one process).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset" / "texts"

# The child: read the texts (UTF-8, a few Latin-1 files read with U+FFFD), run one kind.
_CHILD = """
import pathlib, sys
from kommunetekst import extract_text
kind, passes = sys.argv[1], int(sys.argv[2])
paths = [p for d in sys.argv[3:] for p in sorted(pathlib.Path(d).glob("*.txt"))]
texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
for _ in range(passes):
    for text in texts:
        for _record in extract_text(text, only=None if kind == "all" else kind):
            pass
"""


def instructions(kind: str, passes: int, src: str | None, dirs: list[str]) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src:
        env["PYTHONPATH"] = src
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-c", _CHILD, kind, str(passes), *dirs]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kinds", nargs="+", help="kinds or extractor names, or all")
    parser.add_argument("--src", help="the src/ folder of the checkout to measure")
    parser.add_argument(
        "--texts",
        metavar="DIR",
        action="append",
        help="read the *.txt files of DIR instead of the seeds and the devset (repeatable), "
        "e.g. the realistic corpus that bench_extract.py --corpus-dir keeps",
    )
    args = parser.parse_args()
    dirs = args.texts or [str(ROOT / "seeds"), *([str(DEVSET)] if DEVSET.is_dir() else [])]
    for kind in args.kinds:
        one, three = (instructions(kind, n, args.src, dirs) for n in (1, 3))
        print(f"{kind:12} {(three - one) / 2 / 1e6:8.1f} M instructions per pass", flush=True)


if __name__ == "__main__":
    main()
