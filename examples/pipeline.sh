#!/usr/bin/env sh
# From texts to reports: extract once, then read the JSONL with the report commands and jq.
# Run from the project folder after `pip install .`:  sh examples/pipeline.sh
set -e
kommunetekst extract seeds/ -o /tmp/kommunetekst-seeds.jsonl
kommunetekst cases /tmp/kommunetekst-seeds.jsonl --plot-ascii --width 72
kommunetekst phones /tmp/kommunetekst-seeds.jsonl --format csv
# Every crisis-management decision, as date and item:
jq -r 'select(.kind == "bullet" and .category == "decision") | [.date, .item] | @tsv' \
    /tmp/kommunetekst-seeds.jsonl
