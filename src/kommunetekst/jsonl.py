"""JSON Lines in and out: pure, file objects and strings only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from .errors import InvalidRecordError


def dump_line(record: dict[str, Any]) -> bytes:
    """One record as a compact UTF-8 JSON line (æøå unescaped), newline included."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def dump_lines(records: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records)


def read_jsonl(
    fp: IO[str] | IO[bytes], name: str = "-", skip_invalid: bool = False
) -> Iterator[dict[str, Any]]:
    """The records of a JSONL stream; blank lines are ignored.

    Raises:
        InvalidRecordError: naming the file and line, for a line that is not a
            JSON object (unless ``skip_invalid``; then such lines are skipped and
            counted in ``read_jsonl.skipped``-style by the caller via ``InvalidLines``).
    """
    for n, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            if skip_invalid:
                continue
            raise InvalidRecordError(f"{name}:{n}: not valid JSON ({e})") from None
        if not isinstance(obj, dict):
            if skip_invalid:
                continue
            raise InvalidRecordError(f"{name}:{n}: expected a JSON object, found {type(obj).__name__}")
        yield obj
