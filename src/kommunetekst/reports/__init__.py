"""Reports on kommunetekst records: plain data first, then Rich renderables.

Every report module takes an iterable of record dicts (as ``extract`` writes
them, or as read back from JSONL) and offers three things:

- ``collect_*(records)``: the report's rows as small dataclasses (pure, no Rich);
- ``build_*_table(...)`` / ``ascii_plot(...)``: a Rich renderable for a terminal;
- ``*_as_dicts(...)``: the rows as flat dicts with static keys, for CSV and JSONL.

Reports read records, never text: unknown kinds and unknown fields are
ignored, so the output of a newer kommunetekst still reads. Nothing here
prints, exits or imports click; the CLI (``kommunetekst.cli.reports``) does that.

Modules: :mod:`.cases` (case figures, their plot and self-contradictions),
:mod:`.phones`, :mod:`.listing` (percentages, bullets, timeline, summary),
:mod:`.records` (validating records read from JSONL).
"""
