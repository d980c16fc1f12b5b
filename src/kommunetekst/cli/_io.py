"""Input and output plumbing of the CLI: walking paths, reading files, atomic writes.

Every input is either read or skipped with one sentence for stderr; nothing
here prints. What a walk meets:

- regular files (and symbolic links to them) are read; names starting with
  ``.`` are hidden and skipped silently, as ``ls`` and ripgrep do;
- a broken symbolic link or a link loop is an error (it cannot be read);
- a symbolic link to a folder is not followed (so a link loop cannot make the
  walk endless) and is skipped with a warning;
- FIFOs, sockets and devices are skipped with a warning: reading one could
  block forever.

A path named on the command line is read whatever it is (``<(cmd)`` is a pipe),
except that a binary one is an error rather than a warning, and a named pipe
(``mkfifo``) that no program opens for writing within :data:`FIFO_WAIT` seconds
is an error rather than a wait for ever.

The ``-o`` file is checked before any work (:func:`check_output_path`,
:func:`without_output`): it must be a regular file or not exist yet, and it
must not be one of the inputs, however that input was reached.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

import click

from ..convert import may_convert
from ..decoding import SNIFF_BYTES, binary_kind
from ..errors import BinaryInputError
from . import _signals


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: the path as given or found, and how it was named."""

    name: str  # the path to open; "-" for stdin
    explicit: bool  # named on the command line (binary -> error) or found in a folder (-> warning)
    doc: str = field(default="", compare=False)  # ``doc`` of its records: ``name``, printable
    whole_page: bool = field(default=False, compare=False)  # HTML: keep navigation and footer

    def __post_init__(self) -> None:
        if not self.doc:
            object.__setattr__(self, "doc", display_name(self.name))


def display_name(path: str) -> str:
    r"""``path`` as it can be printed and stored in JSON, one name for one path.

    File names on Linux are bytes; a name that is not UTF-8 comes back from
    ``os`` with surrogate escapes, which no JSON encoder accepts, and a name may
    hold a newline or a terminal's escape sequence. Such a name is written with
    escapes: ``\xNN`` for a byte that is not UTF-8 or a control character,
    ``\uNNNN`` for a line or paragraph separator, and ``\\`` for a backslash (so
    that no two paths get the same name). Every other name is left as it is.

    >>> display_name("Bærum kommune.txt")
    'Bærum kommune.txt'
    >>> print(display_name("b\udce6r.txt"), display_name("b\\xe6r.txt"), display_name("a\x1b[2Jb"))
    b\xe6r.txt b\\xe6r.txt a\x1b[2Jb
    """
    if not _NEEDS_ESCAPE.search(path):
        return path
    return _NEEDS_ESCAPE.sub(_escaped, path)


# Characters a name cannot show as they are: control characters (C0, DEL, C1),
# line and paragraph separators, the bidirectional controls that can make a
# terminal show another name, bytes that are not UTF-8 (surrogate escapes) and,
# where it is no path separator, the backslash that starts every escape.
_NEEDS_ESCAPE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff"
    + ("" if os.sep == "\\" else "\\\\")
    + "]"
)


def _escaped(m: re.Match[str]) -> str:
    n = ord(m.group())
    if n == 0x5C:  # backslash
        return "\\\\"
    if 0xDC80 <= n <= 0xDCFF:  # a byte that is not UTF-8, as os gives it
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


@dataclass(slots=True)
class Found:
    """What ``iter_sources`` found: the sources, and sentences for stderr in path order."""

    sources: list[Source]
    messages: list[tuple[bool, str]]  # (is_error, sentence); an error makes the exit status 1

    @property
    def errors(self) -> list[str]:
        """The error sentences: inputs that could not be read (exit status 1)."""
        return [m for is_error, m in self.messages if is_error]

    @property
    def warnings(self) -> list[str]:
        """The warning sentences: inputs skipped on purpose."""
        return [m for is_error, m in self.messages if not is_error]


def iter_sources(paths: tuple[str, ...], exclude: tuple[os.stat_result, ...] = ()) -> Found:
    """Expand PATH arguments into documents, sorted by path; stdin first if named.

    ``exclude`` lists files that must not be read because the output goes
    there (``> out.jsonl`` inside the walked folder): they are skipped with a warning.
    """
    sources: list[Source] = []
    messages: list[tuple[bool, str]] = []
    stdin = False
    for p in paths:
        if p == "-":
            stdin = True
        elif os.path.isdir(p):
            sources.extend(Source(f, False) for f in _walk(p, messages))
        elif os.path.lexists(p):
            sources.append(Source(p, True))
        else:
            messages.append((True, f"{display_name(p)}: no such file or folder."))
    seen: set[str] = set()
    unique = []
    for s in sorted(sources, key=lambda s: s.name):
        if s.name in seen:
            continue
        seen.add(s.name)
        if exclude and _is_one_of(s.name, exclude):
            messages.append((False, f"skipped {s.doc}: it is the output file."))
            continue
        unique.append(s)
    return Found(([Source("-", True)] if stdin else []) + unique, messages)


def _is_one_of(path: str, files: tuple[os.stat_result, ...]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return any(st.st_ino == f.st_ino and st.st_dev == f.st_dev for f in files)


def _walk(top: str, messages: list[tuple[bool, str]]) -> Iterator[str]:
    """Files under ``top`` in sorted order, without following folder links.

    A stack of folders still to read, not recursion: a folder nested thousands
    of levels deep is walked like any other.
    """
    stack: list[Iterator[os.DirEntry[str]]] = []
    folder: str | None = top
    while True:
        if folder is not None:
            try:
                with os.scandir(folder) as it:
                    stack.append(iter(sorted(it, key=lambda e: e.name)))
            except OSError as e:
                messages.append(
                    (True, f"{display_name(folder)}: cannot read folder ({os_reason(e)}).")
                )
            folder = None
        if not stack:
            return
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = entry.path
        try:
            if entry.is_dir(follow_symlinks=False):
                folder = path
            elif entry.is_file():  # follows a link to a file
                yield path
            elif entry.is_symlink() and entry.is_dir():
                messages.append(
                    (
                        False,
                        f"skipped {display_name(path)}: "
                        "a symbolic link to a folder is not followed.",
                    )
                )
            else:
                if entry.is_symlink():
                    os.stat(path)  # raises the reason the link cannot be followed
                messages.append(
                    (
                        False,
                        f"skipped {display_name(path)}: not a regular file ({_file_type(path)}).",
                    )
                )
        except OSError as e:
            messages.append((True, os_error_sentence(path, e)))


def _file_type(path: str) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "unknown type"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "unknown type"


@contextlib.contextmanager
def open_source(source: Source) -> Iterator[IO[bytes]]:
    """The source as a binary file object: stdin's buffer for ``-``, else the opened file.

    Raises OSError as the OS gives it (stdin closed: EBADF).
    """
    if source.name == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise OSError(errno.EBADF, "standard input is closed")
        yield sys.stdin.buffer
        return
    if is_url(source.name):  # listed by kommunetekst.dask, read by its workers
        with _open_url(source.name) as fh:
            yield fh
        return
    if _is_named_pipe(source.name):
        fd = _open_named_pipe(source.name)
        with os.fdopen(fd, "rb") as fh:
            yield fh
        return
    with open(source.name, "rb") as fh:
        yield fh


def is_url(path: str) -> bool:
    """Whether ``path`` is a URL such as ``s3://bucket/page.html``, read with fsspec.

    >>> is_url("s3://kommuner/2020/"), is_url("gcs://b/x"), is_url("korona/logg.txt")
    (True, True, False)
    """
    return _URL_RE.match(path) is not None


# A scheme of two letters or more (RFC 3986), so that C:// stays a Windows path.
_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


@contextlib.contextmanager
def _open_url(url: str) -> Iterator[IO[bytes]]:
    """The object at ``url`` opened with fsspec; a missing fsspec package (s3fs for
    ``s3://``) is an OSError naming it, as an unreadable file is."""
    try:
        import fsspec  # type: ignore[import-untyped]

        opened = fsspec.open(url, "rb")
    except ImportError as e:
        raise OSError(errno.ENOPROTOOPT, str(e)) from e
    with opened as fh:
        yield fh


#: Seconds a named pipe given on the command line may wait for a program to open it
#: for writing; then it is an error, not a wait for ever.
FIFO_WAIT = 10.0


def _is_named_pipe(path: str) -> bool:
    """Whether ``path`` is a named pipe on disk (``mkfifo``), not a pipe a shell handed down.

    ``<(cmd)`` reaches the program as ``/dev/fd/63``, a link to an anonymous pipe
    (``pipe:[…]``) whose writer already runs: it is read as a file is.
    """
    try:
        if not stat.S_ISFIFO(os.stat(path).st_mode):
            return False
    except OSError:  # open() will say why
        return False
    try:
        return not os.readlink(path).startswith("pipe:")
    except OSError:  # not a symbolic link: the pipe's own name
        return True


def _open_named_pipe(path: str) -> int:
    """Open a named pipe for reading, waiting :data:`FIFO_WAIT` seconds at most for a writer."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # does not wait for a writer
    try:
        poll = select.poll()
        poll.register(fd, select.POLLIN)
        if not poll.poll(int(FIFO_WAIT * 1000)):
            raise OSError(
                errno.ETIMEDOUT, f"a named pipe that no program wrote to within {FIFO_WAIT:g} s"
            )
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_head(fh: IO[bytes]) -> bytes:
    """The first :data:`~kommunetekst.decoding.SNIFF_BYTES` of ``fh`` (fewer when it is shorter).

    Raises:
        BinaryInputError: when they show the input is binary and no PDF or Word document;
            the rest is not read (``/dev/urandom`` named by mistake ends here).
    """
    head = fh.read(SNIFF_BYTES)
    while len(head) < SNIFF_BYTES:  # pipes and stdin may return short reads
        more = fh.read(SNIFF_BYTES - len(head))
        if not more:
            break
        head += more
    kind = binary_kind(head)
    if kind is not None and not may_convert(head):
        raise BinaryInputError(f"is a {kind}, not text")
    return head


def read_rest(fh: IO[bytes], head: bytes) -> bytes:
    """All the bytes of ``fh``, of which :func:`read_head` has read ``head``."""
    if len(head) < SNIFF_BYTES:
        return head
    if fh.seekable():  # one allocation of the file's size, not head + rest copied together
        fh.seek(0)
        return fh.read()
    return head + fh.read()


def read_source(source: Source) -> bytes:
    """The bytes of a source. Raises OSError as the OS gives it, and BinaryInputError."""
    with open_source(source) as fh:
        return read_rest(fh, read_head(fh))


def os_reason(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    reason = e.strerror or str(e) or "unknown error"
    return reason[0].lower() + reason[1:]


def os_error_sentence(name: str, e: OSError) -> str:
    """One sentence for an input that could not be read."""
    reason = os_reason(e)
    if isinstance(e, FileNotFoundError) and os.path.islink(name):
        reason = "broken symbolic link"
    return f"{display_name(name)}: cannot read ({reason})."


def extractor_error_sentence(doc: str, kind: str, e: Exception, line: int | None) -> str:
    """One sentence for an extractor that raised on a document (a bug): what is missing."""
    where = "" if line is None else f" after line {line}"
    return (
        f"{doc}: internal error in the {kind} extractor ({exception_text(e)}); its {kind} "
        f"records{where} are missing. Please report this with the file."
    )


def exception_text(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


class AtomicOutput:
    """A binary file that replaces ``path`` only when closed without error.

    Written to a hidden temporary file in the same folder, flushed, fsynced and
    renamed: readers see the old file or the whole new one, never a half-written
    one. On any exception (Ctrl-C included) the temporary file is removed and
    ``path`` is left as it was. A symbolic link at ``path`` is written through,
    and an existing file keeps its permissions.

    Raises:
        OSError: from the constructor, when the temporary file cannot be made.
    """

    def __init__(self, path: str) -> None:
        import tempfile  # here: only -o needs it

        self.path = os.path.realpath(path)
        folder = os.path.dirname(self.path)
        fd, self.tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(self.path)}.", suffix=".tmp", dir=folder
        )
        self.fh: IO[bytes] = os.fdopen(fd, "wb")

    def __enter__(self) -> IO[bytes]:
        return self.fh

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
                self.fh.close()
                try:
                    mode = stat.S_IMODE(os.stat(self.path).st_mode)
                except FileNotFoundError:
                    mode = 0o666 & ~_umask()
                os.chmod(self.tmp, mode)
                os.replace(self.tmp, self.path)
        finally:
            if not self.fh.closed:
                # The write error that brought us here is the one to report.
                with contextlib.suppress(OSError):
                    self.fh.close()
            if os.path.lexists(self.tmp):
                os.unlink(self.tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_path(path: str) -> None:
    """Fail early (usage error) when ``-o`` cannot or must not be written.

    ``path`` must be a regular file or not exist yet: replacing a device or a named
    pipe with a file (``-o /dev/null`` as root) would break the system.
    """
    real = os.path.realpath(path)
    folder = os.path.dirname(real)
    name = display_name(path)
    if not os.path.isdir(folder):
        raise click.BadParameter(
            f"folder {display_name(folder)} does not exist; create it first.", param_hint="-o"
        )
    if os.path.isdir(real):
        raise click.BadParameter(f"{name} is a folder; give a file name.", param_hint="-o")
    if os.path.exists(real) and not os.path.isfile(real):
        raise click.BadParameter(
            f"{name} is {_file_type(real)}, not a file; -o writes a file "
            "(write to a device or a pipe with > instead).",
            param_hint="-o",
        )
    if not os.access(folder, os.W_OK):
        raise click.BadParameter(
            f"cannot write to folder {display_name(folder)}; choose another place.",
            param_hint="-o",
        )
    if os.path.exists(real) and not os.access(real, os.W_OK):
        raise click.BadParameter(
            f"{name} is read-only; remove it or choose another file.", param_hint="-o"
        )


def without_output(found: Found, output: str, stdin: bool) -> Found:
    """``found`` without an old output of ours; a usage error if ``output`` is an input.

    The ``-o`` file is compared with every input by device and inode, so a hard
    link, a symbolic link or another name for it counts as much as its own name;
    stdin (``stdin``: it is an input) through its file descriptor. The one file
    that may be met is an earlier output of kommunetekst found while walking a
    folder (empty, or JSONL that starts with a document record): it is left
    out with a warning, so that ``extract d -o d/records.jsonl`` can run again.
    """
    out = stat_or_none(output)
    if out is None:
        return found
    name = display_name(output)
    if stdin and _same_file(_fstat_or_none(sys.stdin), out):
        raise click.BadParameter(
            f"{name} is also the input (standard input); write the output to another file.",
            param_hint="-o",
        )
    sources = []
    messages = list(found.messages)
    for s in found.sources:
        if s.name == "-" or not _same_file(stat_or_none(s.name), out):
            sources.append(s)
        elif not s.explicit and _holds_our_output(s.name):
            messages.append((False, f"skipped {s.doc}: it is the output file."))
        else:
            same = "" if s.doc == name else f" (the same file as {s.doc})"
            raise click.BadParameter(
                f"{name} is one of the inputs{same}; write the output to another file.",
                param_hint="-o",
            )
    return Found(sources, messages)


def _same_file(a: os.stat_result | None, b: os.stat_result) -> bool:
    return a is not None and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _fstat_or_none(stream: IO[str] | None) -> os.stat_result | None:
    try:
        return os.fstat(stream.fileno()) if stream is not None else None
    except (OSError, ValueError, AttributeError):
        return None


def _holds_our_output(path: str) -> bool:
    """Whether ``path`` is empty or starts as ``extract`` output does."""
    start = b'{"kind":"document"'
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(start))
    except OSError:
        return False
    return head in (b"", start)


@contextlib.contextmanager
def document_progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar of documents on stderr when it is a terminal and there are several.

    Yields the function that advances it by one document.
    """
    if total <= 1 or not is_terminal(sys.stderr):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def is_terminal(stream: IO[str] | None) -> bool:
    """Whether ``stream`` is an open terminal; False for a closed or missing stream."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def stdout_bytes() -> IO[bytes]:
    """stdout for bytes.

    Raises:
        OutputError: when the program was started with stdout closed (``>&-``).
    """
    if sys.stdout is None:
        raise OutputError("cannot write to standard output (it is closed); nothing was written.")
    return sys.stdout.buffer


def stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def stdout_file_stat() -> os.stat_result | None:
    """The stat of stdout when it is a regular file (``> out.jsonl``), else None."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def stdout_errors_are_sentences() -> None:
    """Make a failing stdout end any command with one sentence and status 1.

    A full disk (``> /dev/full``) or an I/O error while a command writes its
    output becomes ``Error: cannot write to standard output (…); the output is
    incomplete.`` (an :class:`OutputError`), and stdout closed at the start
    (``>&-``) ``… (it is closed); nothing was written.`` on the first write.
    A closed pipe (``| head``) still raises BrokenPipeError: that ends quietly.
    """
    if isinstance(sys.stdout, _Stdout):
        return
    sys.stdout = _Stdout(sys.stdout)  # type: ignore[assignment,unused-ignore]  # a TextIO in all but name


class _Stdout:
    """A text or binary stream whose write errors are :class:`OutputError`; None: closed."""

    def __init__(self, stream: IO[str] | IO[bytes] | None) -> None:
        self._stream = stream

    def write(self, data: str | bytes | bytearray) -> int:
        if self._stream is None:
            raise OutputError(
                "cannot write to standard output (it is closed); nothing was written."
            )
        try:
            return self._stream.write(data)  # type: ignore[arg-type]
        except BrokenPipeError:
            raise
        except OSError as e:
            raise output_error("to standard output", e, "the output is incomplete") from e

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise output_error("to standard output", e, "the output is incomplete") from e

    @property
    def buffer(self) -> _Stdout:
        return _Stdout(None if self._stream is None else self._stream.buffer)  # type: ignore[union-attr]

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise ValueError("standard output is closed")
        return self._stream.fileno()

    def __getattr__(self, name: str) -> object:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def keep_going_without_stderr() -> None:
    """Make a failing stderr drop its sentences instead of raising.

    When stderr is gone (``2>&-``, a closed pipe: ``2>&1 >out | head``), there
    is nobody left to tell; the run goes on, and the exit status still says
    whether something went wrong. A closed *stdout* is another matter (see
    :func:`closed_pipe_ends_quietly`): telling them apart is why stderr must not raise.
    """
    if sys.stderr is not None and not isinstance(sys.stderr, _Stderr):
        sys.stderr = _Stderr(sys.stderr)


class _Stderr:
    """A text stream that stops writing, silently, after its first failure."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except (OSError, ValueError):  # ValueError: the stream was closed
                self._gone = True
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._gone = True

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's flush at exit cannot fail again.

    After a closed pipe or a full disk, the bytes still buffered for stdout
    would raise once more at exit and print "Exception ignored …".
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def closed_pipe_ends_quietly() -> Iterator[None]:
    """Wrap what writes to stdout: a closed pipe (``| head``) ends the run with status 0.

    Click would end it with status 1, which fails ``set -o pipefail`` scripts
    although nothing went wrong.
    """
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        raise click.exceptions.Exit(0) from None


class OutputError(click.ClickException):
    """Writing the output failed (full disk, I/O error): exit status 1."""


class Sink:
    """Where the JSONL goes; turns write failures into one :class:`OutputError`.

    A closed pipe (``BrokenPipeError``) passes through untouched: the entry
    point ends quietly on it.
    """

    def __init__(self, fh: IO[bytes], what: str, consequence: str) -> None:
        self.fh = fh
        self.what = what
        self.consequence = consequence

    def write(self, data: bytes | bytearray) -> None:
        _signals.check()
        try:
            self.fh.write(data)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise self._error(e) from e

    def flush(self) -> None:
        try:
            self.fh.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise self._error(e) from e

    def _error(self, e: OSError) -> OutputError:
        return output_error(self.what, e, self.consequence)


def output_error(what: str, e: OSError, consequence: str) -> OutputError:
    """``Error: cannot write <what> (<reason>); <consequence>.``"""
    return OutputError(f"cannot write {what} ({os_reason(e)}); {consequence}.")
