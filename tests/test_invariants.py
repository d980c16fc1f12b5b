"""Invariants over everything extracted from the seeds: evidence, order, JSON, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kommunetekst import extract_bytes
from kommunetekst.decoding import decode_bytes
from kommunetekst.jsonl import dump_lines


def test_every_record_carries_exact_evidence(seed_paths: list[Path]) -> None:
    total = 0
    for path in seed_paths:
        data = path.read_bytes()
        text = decode_bytes(data).text
        recs = list(extract_bytes(data, path.name))
        assert recs[0]["kind"] == "document" and recs[0]["chars"] == len(text)
        for r in recs[1:]:
            s, e = r["span"]
            assert 0 <= s < e <= len(text)
            assert r["text"] == text[s:e]
            assert r["line"] == text.count("\n", 0, s) + 1
            assert r["doc"] == path.name
            assert r["date"] is None or len(r["date"]) == 10
            assert "" not in [v for v in r.values() if isinstance(v, str)]
            total += 1
        starts = [r["span"][0] for r in recs[1:]]
        assert starts == sorted(starts)
    assert total > 100


def test_records_survive_json_round_trip_and_runs_are_identical(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        data = path.read_bytes()
        first = dump_lines(extract_bytes(data, str(path)))
        assert first == dump_lines(extract_bytes(data, str(path)))
        for line in first.decode().splitlines():
            rec = json.loads(line)
            assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec


def test_large_documents_are_merged_lazily_in_the_same_order(
    seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Documents above pipeline._SORT_LIMIT take the lazy heap merge instead of one
    # sort; both must give the same records in the same order.
    from kommunetekst import pipeline

    sorted_path = [dump_lines(extract_bytes(p.read_bytes(), p.name)) for p in seed_paths]
    monkeypatch.setattr(pipeline, "_SORT_LIMIT", 0)
    merged = [dump_lines(extract_bytes(p.read_bytes(), p.name)) for p in seed_paths]
    assert merged == sorted_path
    assert sum(b.count(b"\n") for b in merged) > 100


def test_every_record_names_the_date_header_line_above_it(seed_paths: list[Path]) -> None:
    # Worked out here as the reports of schema 1 did: by the lines of the date_header records.
    devset = Path(__file__).resolve().parent / "data" / "devset" / "texts"
    named = nulls = 0
    for path in [*seed_paths, *sorted(devset.glob("*.txt"))]:
        recs = list(extract_bytes(path.read_bytes(), path.name))
        assert recs[0]["section"] is None
        section = None
        for r in recs[1:]:
            if r["kind"] == "date_header":
                section = r["text"]
            assert r["section"] == section, (path.name, r["line"], r["kind"])
            named += section is not None
            nulls += section is None
    assert named > 100 and nulls > 100
