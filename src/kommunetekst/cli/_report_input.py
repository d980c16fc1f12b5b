"""Reading the INPUT of a report: JSONL or text, from files, folders, stdin or the sample corpus.

How an input is read:

- ``-`` is stdin; a folder is walked like ``extract`` walks it (recursively,
  sorted, hidden files skipped).
- A file is JSONL by :func:`kommunetekst.jsonl.looks_like_jsonl` (its name, or a
  first non-blank ``{``) and is streamed line by line; every other file is text:
  it is decoded and extracted on the fly with the library (``--year`` applies),
  exactly as ``extract`` would.
- A JSONL line that is not a record the reports can read (see
  :func:`kommunetekst.reports.schema.check_record`) stops the report with
  ``FILE:LINE: why``; with ``skip_invalid`` such lines are skipped and counted.
- A document met twice (the same ``doc`` and ``sha256``, e.g. as text and as
  JSONL) counts once: :func:`kommunetekst.reports.schema.unique_records`.
- HTML, PDF and Word files are converted as ``extract`` converts them.
- With no INPUT: stdin when it is piped, else the sample corpus that ships in
  the package (``kommunetekst/sample/*.txt``, copied from ``seeds/`` at build
  time; a source checkout uses ``seeds/`` next to ``src/``).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from ..errors import BinaryInputError, UnreadableInputError
from ..jsonl import JsonlReader, Record, looks_like_jsonl
from ..reports.schema import check_record
from ._io import (
    exception_text,
    extractor_error_sentence,
    iter_sources,
    open_source,
    os_error_sentence,
    read_head,
    read_rest,
)

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
    exclude: tuple[os.stat_result, ...] = ()  # files a folder walk skips (the output)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_lines: int = 0
    uses_sample: bool = False
    documents: int = 0
    jsonl_inputs: list[str] = field(default_factory=list)  # the inputs read as JSONL
    text_inputs: int = 0  # how many inputs were extracted on the fly

    def __post_init__(self) -> None:
        if not self.paths and not self.piped:
            self.uses_sample = True

    def problem_lines(self) -> list[str]:
        """What went wrong while reading, as lines for stderr: warnings, errors, skipped lines."""
        lines = [f"Warning: {m}" for m in self.warnings] + [f"Error: {m}" for m in self.errors]
        if self.skipped_lines:
            n = self.skipped_lines
            lines.append(f"Skipped {n} invalid JSONL line{'s' if n != 1 else ''} (--skip-invalid).")
        return lines

    def records(self, kinds: Iterable[str] | None = None) -> Iterator[Record]:
        """Every record of every input (``document`` records included), or only of ``kinds``.

        Streamed: a JSONL input is read one line at a time, a text input is
        extracted document by document.

        Raises:
            InvalidRecordError: ``FILE:LINE: why`` for a bad JSONL line (unless ``skip_invalid``).
        """
        wanted = None if kinds is None else frozenset(kinds) | {"document"}
        for doc, open_input, explicit in self._inputs():
            try:
                with open_input() as fh:
                    head = read_head(fh)
                    self.documents += 1
                    if looks_like_jsonl(doc, head):
                        self.jsonl_inputs.append(doc)
                        records = self._read_jsonl(fh, doc, head)
                    else:
                        self.text_inputs += 1
                        records = self._extract(doc, read_rest(fh, head), wanted)
                    for r in records:
                        if wanted is None or r["kind"] in wanted:
                            yield r
            except OSError as e:
                self.errors.append(os_error_sentence(doc, e))
            except UnreadableInputError as e:  # an encrypted or damaged PDF or Word file
                self.errors.append(f"{doc} {e}.")
            except MemoryError:
                self.errors.append(f"{doc}: not enough memory to read it; skipped.")
            except BinaryInputError as e:
                if explicit:
                    self.errors.append(f"{doc} {e}; give text or JSONL files.")
                else:
                    self.warnings.append(f"skipped {doc}: it {e}.")

    def _inputs(
        self,
    ) -> Iterator[tuple[str, Callable[[], AbstractContextManager[IO[bytes]]], bool]]:
        """``(doc, open, named explicitly)`` per input; ``open()`` gives a binary file object."""
        if self.uses_sample:
            files = sample_files()
            if not files:
                self.errors.append(
                    "no sample texts are installed; give INPUT files or pipe JSONL in."
                )
            for name, path in files:
                yield name, functools.partial(path.open, "rb"), True
            return
        found = iter_sources(self.paths or ("-",), self.exclude)
        self.errors.extend(found.errors)
        self.warnings.extend(found.warnings)
        for s in found.sources:
            yield s.doc, functools.partial(open_source, s), s.explicit

    def _read_jsonl(self, fh: IO[bytes], name: str, head: bytes) -> Iterator[Record]:
        reader = JsonlReader(
            fh, name, check=check_record, skip_invalid=self.skip_invalid, head=head
        )
        try:
            yield from reader
        finally:
            self.skipped_lines += reader.skipped

    def _extract(self, name: str, data: bytes, wanted: frozenset[str] | None) -> Iterator[Record]:
        """The records of a text input, as ``extract`` makes them; a bug hit by the document
        becomes an error sentence naming it (unless ``KOMMUNETEKST_DEBUG``), and the other
        inputs go on."""
        from ..pipeline import extract_bytes

        def extractor_failed(kind: str, e: Exception, line: int | None) -> None:
            self.errors.append(extractor_error_sentence(name, kind, e, line))

        debug = bool(os.environ.get("KOMMUNETEKST_DEBUG"))
        only = None if wanted is None else _registered(wanted)
        try:
            yield from extract_bytes(
                data, name, self.year, only, on_error=None if debug else extractor_failed
            )
        except (BinaryInputError, UnreadableInputError):  # told by records() as such
            raise
        except Exception as e:  # MemoryError and RecursionError too
            if debug:
                raise
            self.errors.append(
                f"{name}: internal error while extracting ({exception_text(e)}); its later "
                "records are missing. Please report this with the file."
            )


def _registered(kinds: frozenset[str]) -> list[str]:
    """The extractor kinds among ``kinds`` that this version has (others are simply not run)."""
    from ..registry import all_info

    known = {info.kind for info in all_info()}
    return sorted(kinds & known)
