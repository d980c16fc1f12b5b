"""Score the real-phrasing tables: ``python tests/phrases_score.py [KIND...] [OPTIONS]``.

Options: ``--heldout`` or ``--second`` (which table), ``-v``.

Prints precision, recall and F1 per kind; with ``-v`` each failing row. The held-out
tables are scored only with ``--heldout``, the second, independent tables
(``<kind>.second.jsonl``) only with ``--second``.
"""

from __future__ import annotations

import sys

from phrases import kinds, load_rows, run_row, score


def main(argv: list[str]) -> int:
    table = "heldout" if "--heldout" in argv else "second" if "--second" in argv else ""
    verbose = "-v" in argv
    wanted = [a for a in argv if not a.startswith("-")] or kinds()
    for kind in wanted:
        rows = load_rows(kind, table)
        s = score(rows)
        print(f"{kind:15} rows {s['rows']:4}  tp {s['tp']:4} fp {s['fp']:3} fn {s['fn']:3}  "
              f"P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")  # fmt: skip
        if verbose:
            for row in rows:
                out = run_row(row)
                if not out.ok:
                    print(f"  {row.path}: {row.text!r}")
                    for m in out.missed:
                        print(f"    missed {m}")
                    for x in out.extra:
                        fields = {k: v for k, v in x.items() if k not in ("doc", "line", "span")}
                        print(f"    extra  {fields}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
