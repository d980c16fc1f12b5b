#!/usr/bin/env sh
# From texts to reports: extract once, then read the JSONL with the report commands and jq.
# Run from the project folder after `pip install .`:  sh examples/pipeline.sh
set -e
kommunetekst extract seeds/ -o /tmp/kommunetekst-seeds.jsonl
kommunetekst cases /tmp/kommunetekst-seeds.jsonl --plot-ascii --width 72
kommunetekst phones /tmp/kommunetekst-seeds.jsonl --format csv
# The case curve as a chart, and everything on one page for an editor:
kommunetekst cases /tmp/kommunetekst-seeds.jsonl --plot /tmp/kommunetekst-cases.svg
kommunetekst report seeds/ -o /tmp/kommunetekst-report.html
# Every crisis-management decision, as date and item:
jq -r 'select(.kind == "bullet" and .category == "decision") | [.date, .item] | @tsv' \
    /tmp/kommunetekst-seeds.jsonl
