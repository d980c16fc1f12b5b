"""Reading the INPUT of a report: JSONL or text, from files, folders, stdin or the sample corpus.

How an input is read:

- ``-`` is stdin; a folder is walked like ``extract`` walks it (recursively,
  sorted, hidden files skipped).
- A file is JSONL when its name ends in ``.jsonl`` or ``.ndjson``, or when its
  first non-blank line starts with ``{``. Municipal texts do not start with a
  brace, and this way a broken first line is reported as a JSONL error rather
  than read as text. Every other file is text: it is decoded and extracted on
  the fly with the library (``--year`` applies), exactly as ``extract`` would.
- A JSONL line that is not a record the reports can read (see
  :func:`kommunetekst.reports.schema.check_record`) stops the report with
  ``FILE:LINE: why``; with ``skip_invalid`` such lines are skipped and counted.
- With no INPUT: stdin when it is piped, else the sample corpus that ships in
  the package (``kommunetekst/sample/*.txt``, copied from ``seeds/`` at build
  time; a source checkout uses ``seeds/`` next to ``src/``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from ..errors import BinaryInputError, InvalidRecordError
from ..reports.schema import check_record
from ._io import iter_sources, os_error_sentence, read_source

Record = dict[str, Any]

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BOM = b"\xef\xbb\xbf"
SAMPLE_PREFIX = "sample/"


def stdin_is_piped() -> bool:
    """Whether stdin is a pipe or a file rather than a terminal. Tests replace this function."""
    try:
        return not sys.stdin.isatty()
    except (AttributeError, ValueError):  # stdin closed or missing
        return False


def sample_files() -> list[tuple[str, Any]]:
    """The sample texts as ``(doc name, readable path)``, sorted; empty when none is installed.

    The installed package carries them as ``kommunetekst/sample/*.txt`` (copied
    from ``seeds/`` by ``setup.py`` at build time). An editable or source
    checkout has no copy, so it falls back to ``seeds/`` next to ``src/``.
    """
    packaged = resources.files("kommunetekst").joinpath("sample")
    found: list[tuple[str, Any]] = []
    if packaged.is_dir():
        found = [(SAMPLE_PREFIX + p.name, p) for p in packaged.iterdir() if p.name.endswith(".txt")]
    if not found:
        seeds = Path(__file__).resolve().parents[3] / "seeds"
        if seeds.is_dir():
            found = [(SAMPLE_PREFIX + p.name, p) for p in seeds.glob("*.txt")]
    return sorted(found, key=lambda t: t[0])


@dataclass
class ReportInput:
    """The records of a report's INPUT, read lazily; problems are collected as sentences.

    ``errors`` (an input that could not be read) make the command exit 1 after
    the report; ``warnings`` (a binary file skipped in a folder) do not.
    """

    paths: tuple[str, ...]
    year: int | None = None
    skip_invalid: bool = False
    piped: bool = False  # stdin is piped (used when ``paths`` is empty)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_lines: int = 0
    uses_sample: bool = False
    documents: int = 0

    def __post_init__(self) -> None:
        if not self.paths and not self.piped:
            self.uses_sample = True

    def records(self, kinds: Iterable[str] | None = None) -> Iterator[Record]:
        """Every record of every input (``document`` records included), or only of ``kinds``.

        Raises:
            InvalidRecordError: ``FILE:LINE: why`` for a bad JSONL line (unless ``skip_invalid``).
        """
        wanted = None if kinds is None else frozenset(kinds) | {"document"}
        for doc, read, explicit in self._inputs():
            try:
                data = read()
            except OSError as e:
                self.errors.append(os_error_sentence(doc, e))
                continue
            except BinaryInputError as e:
                if explicit:
                    self.errors.append(f"{doc} {e}; give text or JSONL files.")
                else:
                    self.warnings.append(f"skipped {doc}: it {e}.")
                continue
            self.documents += 1
            if doc.lower().endswith(_JSONL_SUFFIXES) or _starts_with_brace(data):
                records = self._read_jsonl(doc, data)
            else:
                records = self._extract(doc, data, wanted)
            for r in records:
                if wanted is None or r["kind"] in wanted:
                    yield r

    def _inputs(self) -> Iterator[tuple[str, Callable[[], bytes], bool]]:
        """``(doc, read, named explicitly)`` per input.

        ``read()`` raises OSError or BinaryInputError.
        """
        if self.uses_sample:
            files = sample_files()
            if not files:
                self.errors.append(
                    "no sample texts are installed; give INPUT files or pipe JSONL in."
                )
            for name, path in files:
                yield name, path.read_bytes, True
            return
        found = iter_sources(self.paths or ("-",))
        self.errors.extend(found.errors)
        self.warnings.extend(found.warnings)
        for s in found.sources:
            yield s.doc, functools.partial(read_source, s), s.explicit

    def _read_jsonl(self, name: str, data: bytes) -> Iterator[Record]:
        if data.startswith(_BOM):
            data = data[len(_BOM) :]
        for n, raw in enumerate(data.split(b"\n"), 1):
            if not raw.strip():
                continue
            reason: str | None
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as e:
                reason = f"not valid JSON ({e.msg} at column {e.colno})"
            else:
                reason = check_record(obj)
                if reason is None:
                    yield obj
                    continue
            if not self.skip_invalid:
                raise InvalidRecordError(
                    f"{name}:{n}: {reason}; fix the line or pass --skip-invalid."
                )
            self.skipped_lines += 1

    def _extract(self, name: str, data: bytes, wanted: frozenset[str] | None) -> Iterator[Record]:
        from ..pipeline import extract_bytes

        only = None if wanted is None else _registered(wanted)
        yield from extract_bytes(data, name, self.year, only)


_NON_SPACE_RE = re.compile(rb"[^ \t\r\n\f\v]")


def _starts_with_brace(data: bytes) -> bool:
    """Whether the first non-blank character (after a UTF-8 BOM) is ``{``.

    >>> _starts_with_brace(b'\\xef\\xbb\\xbf\\n  {"kind": "document"}')
    True
    >>> _starts_with_brace(b"26.06.20 Dagens smittetall")
    False
    """
    m = _NON_SPACE_RE.search(data, len(_BOM) if data.startswith(_BOM) else 0)
    return m is not None and m.group() == b"{"


def _registered(kinds: frozenset[str]) -> list[str]:
    """The extractor kinds among ``kinds`` that this version has (others are simply not run)."""
    from ..registry import all_info

    known = {info.kind for info in all_info()}
    return sorted(kinds & known)
