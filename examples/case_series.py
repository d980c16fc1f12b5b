"""The municipality's series of total cases, from the library, with the sentence each came from.

python examples/case_series.py seeds/000_2a804514763a8fcf.txt
"""

import sys
from pathlib import Path

from kommunetekst import extract_bytes

if len(sys.argv) < 2:
    print(f"usage: python {sys.argv[0]} TEXT_FILE...  (e.g. seeds/000_2a804514763a8fcf.txt)",
          file=sys.stderr)  # fmt: skip
    sys.exit(2)

for path in sys.argv[1:]:
    for record in extract_bytes(Path(path).read_bytes(), doc=path, only="case_count"):
        if record["kind"] == "case_count" and record["metric"] == "total":
            date, value, line = record["date"], record["value"], record["line"]
            print(f"{date}  {value:>5}  line {line:>3}: {record['text']}")
