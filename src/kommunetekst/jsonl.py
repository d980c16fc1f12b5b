"""JSON Lines in and out: pure, file objects and bytes only.

Writing: :func:`dump_line` is the one way a record becomes a line (compact,
UTF-8, æøå unescaped, newline-terminated); ``extract`` and the reports' ``--format
jsonl`` both use it.

Reading: :class:`JsonlReader` streams the records of a file object line by
line, so memory follows the record at hand, not the size of the input. A line
that is not a record stops the reading with ``FILE:LINE: why`` (an
:class:`~kommunetekst.errors.InvalidRecordError`), or is skipped and counted
with ``skip_invalid``. :func:`looks_like_jsonl` tells JSONL from text by the
name and the first bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import orjson

from .errors import InvalidRecordError

Record = dict[str, Any]

_OPTION = orjson.OPT_APPEND_NEWLINE
_BOM = b"\xef\xbb\xbf"
_SUFFIXES = (".jsonl", ".ndjson")
_BLANK = b" \t\r\n\f\v"


def dump_line(record: Record) -> bytes:
    """One record as a compact UTF-8 JSON line (æøå unescaped), newline included.

    >>> dump_line({"kind": "phone", "label": "Bærum"})
    b'{"kind":"phone","label":"B\\xc3\\xa6rum"}\\n'
    """
    return orjson.dumps(record, None, _OPTION)


def dump_lines(records: Iterable[Record]) -> bytes:
    """The records as JSON lines, joined."""
    return b"".join(orjson.dumps(r, None, _OPTION) for r in records)


def looks_like_jsonl(name: str, head: bytes) -> bool:
    """Whether an input is JSONL: its name ends in ``.jsonl``/``.ndjson``, or its first
    non-blank character (after a UTF-8 byte order mark) is ``{``.

    Municipal texts do not start with a brace; and a broken first line of a JSONL
    file is then reported as a JSONL error rather than read as text.

    >>> looks_like_jsonl("-", b'\\xef\\xbb\\xbf\\n  {"kind": "document"}')
    True
    >>> looks_like_jsonl("logg.txt", b"26.06.20 Dagens smittetall")
    False
    >>> looks_like_jsonl("tom.JSONL", b"")
    True
    """
    if name.lower().endswith(_SUFFIXES):
        return True
    return head.removeprefix(_BOM).lstrip(_BLANK)[:1] == b"{"


class JsonlReader:
    """The records of a JSONL stream, read one line at a time; blank lines are ignored.

    Args:
        fp: a binary file object (``open(path, "rb")``, ``sys.stdin.buffer``).
        name: the input's name for error messages (``-`` for stdin).
        check: says why a parsed object is not a record, or None when it is
            (e.g. :func:`kommunetekst.reports.schema.check_record`); without it,
            every JSON object is a record.
        skip_invalid: skip lines that are not records, and count them in
            :attr:`skipped`, instead of raising.
        head: bytes already read from the start of ``fp`` (to tell JSONL from
            text); they are read first.

    Iterating raises :class:`~kommunetekst.errors.InvalidRecordError` with
    ``NAME:LINE: why`` for the first line that is not a record, unless ``skip_invalid``.

    >>> data = io.BytesIO(b'{"kind":"email"}\\n\\n[1]\\n')
    >>> reader = JsonlReader(data, "a.jsonl", skip_invalid=True)
    >>> list(reader), reader.skipped
    ([{'kind': 'email'}], 1)
    """

    def __init__(
        self,
        fp: IO[bytes],
        name: str = "-",
        *,
        check: Callable[[object], str | None] | None = None,
        skip_invalid: bool = False,
        head: bytes = b"",
    ) -> None:
        self.fp = fp
        self.name = name
        self.check = check if check is not None else _json_object
        self.skip_invalid = skip_invalid
        self.head = head
        self.skipped = 0

    def __iter__(self) -> Iterator[Record]:
        check = self.check
        for n, line in enumerate(self._lines(), 1):
            if n == 1:
                line = line.removeprefix(_BOM)
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                reason: str | None = f"not valid JSON ({e.msg} at column {e.colno})"
            else:
                reason = check(obj)
                if reason is None:
                    yield obj
                    continue
            if not self.skip_invalid:
                raise InvalidRecordError(
                    f"{self.name}:{n}: {reason}; fix the line or pass --skip-invalid."
                )
            self.skipped += 1

    def _lines(self) -> Iterator[bytes]:
        head = self.head
        if head and not head.endswith(b"\n"):
            head += self.fp.readline()  # the rest of the line the head ends in
        yield from io.BytesIO(head)
        yield from self.fp


def _json_object(obj: object) -> str | None:
    if isinstance(obj, dict):
        return None
    return f"expected a JSON object, found {type(obj).__name__}"
