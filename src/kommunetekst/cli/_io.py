"""Input and output plumbing of the CLI: walking paths, reading files, atomic writes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import click

from ..decoding import looks_binary


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: the path as it will appear in ``doc``, and how it was named."""

    name: str  # "-" for stdin
    explicit: bool  # named on the command line (binary -> error) or found in a folder (-> warning)


def iter_sources(paths: tuple[str, ...]) -> tuple[list[Source], list[str]]:
    """Expand PATH arguments into documents, sorted by path; stdin first if named.

    Returns the sources and the error sentences for arguments that do not exist.
    """
    sources: list[Source] = []
    errors: list[str] = []
    stdin = False
    for p in paths:
        if p == "-":
            stdin = True
        elif os.path.isdir(p):
            sources.extend(Source(f, False) for f in _walk(p, errors))
        elif os.path.lexists(p):
            sources.append(Source(p, True))
        else:
            errors.append(f"{p}: no such file or folder.")
    seen: set[str] = set()
    unique = []
    for s in sorted(sources, key=lambda s: s.name):
        if s.name not in seen:
            seen.add(s.name)
            unique.append(s)
    return ([Source("-", True)] if stdin else []) + unique, errors


def _walk(top: str, errors: list[str]) -> Iterator[str]:
    def onerror(e: OSError) -> None:
        errors.append(f"{e.filename}: cannot read folder ({e.strerror}).")

    for root, dirs, files in os.walk(top, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield os.path.join(root, f)


def read_source(source: Source) -> bytes:
    """The bytes of a source. Raises OSError as the OS gives it."""
    if source.name == "-":
        return sys.stdin.buffer.read()
    with open(source.name, "rb") as fh:
        return fh.read()


def is_binary_file(path: str) -> bool:
    with open(path, "rb") as fh:
        return looks_binary(fh.read(8192))


def os_error_sentence(name: str, e: OSError) -> str:
    reason = e.strerror or str(e)
    if isinstance(e, FileNotFoundError) and os.path.islink(name):
        reason = "broken symbolic link"
    return f"{name}: cannot read ({reason.lower() if reason else 'unknown error'})."


class AtomicOutput:
    """A binary file that replaces ``path`` only when closed without error.

    Written to a temporary file in the same folder, flushed, fsynced and renamed:
    readers see the old file or the whole new one, never a half-written one.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
        self.fh: IO[bytes] = os.fdopen(fd, "wb")

    def __enter__(self) -> IO[bytes]:
        return self.fh

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
                self.fh.close()
                mode = 0o666 & ~_umask()
                os.chmod(self.tmp, mode)
                os.replace(self.tmp, self.path)
                return
        finally:
            if not self.fh.closed:
                self.fh.close()
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_path(path: str) -> None:
    """Fail early (usage error) when ``-o`` cannot be written."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"folder {folder} does not exist; create it first.", param_hint="-o")
    if os.path.isdir(path):
        raise click.BadParameter(f"{path} is a folder; give a file name.", param_hint="-o")
    if not os.access(folder, os.W_OK):
        raise click.BadParameter(f"cannot write to folder {folder}.", param_hint="-o")
