"""``kommunetekst extract`` and ``kommunetekst extractors``.

The ``extract`` command reads top to bottom: check the arguments and the ``-o``
file, find the inputs, then write every document's records in order, to ``-o``
(atomically) or to stdout. One document becomes JSONL in :func:`process_source`,
the error boundary that names the file and lets the others go on; ``--jobs``
spreads the documents over the worker processes of :mod:`._pool`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple

import click

from . import _signals
from ._app import cli
from ._io import (
    AtomicOutput,
    Found,
    OutputError,
    Sink,
    Source,
    check_output_path,
    closed_pipe_ends_quietly,
    document_progress,
    exception_text,
    extractor_error_sentence,
    is_terminal,
    iter_sources,
    os_error_sentence,
    os_reason,
    output_error,
    read_source,
    silence_stdout,
    stdout_bytes,
    stdout_file_stat,
    without_output,
)

# Above this many files, --jobs defaults to the number of cores.
_PARALLEL_FROM = 8


class OnlyType(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2 on
    """Comma-separated extractor names or kinds, checked against the registry."""

    name = "KINDS"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        from ..errors import UnknownExtractorError
        from ..registry import get_extractor

        names = [n.strip() for n in str(value).split(",") if n.strip()]
        if not names:
            self.fail(
                "give at least one extractor name, e.g. --only date_header,bullet", param, ctx
            )
        try:
            return ",".join(get_extractor(n).INFO.name for n in names)
        except UnknownExtractorError as e:
            self.fail(str(e), param, ctx)


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write JSONL to FILE (atomically) instead of stdout; - is stdout.",
)
@click.option("--only", type=OnlyType(), help="Run only these extractors, e.g. date_header,bullet.")
@click.option(
    "--year", type=click.IntRange(1900, 2100), help="Year for dates the text gives without one."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    help="Worker processes [default: cores when many files].",
)
@click.option(
    "--doc",
    "doc_name",
    metavar="NAME",
    help="The doc of the document read from stdin (its name hints at its format).",
)
@click.option(
    "--whole-page",
    is_flag=True,
    help="HTML: keep navigation, headers and footers, not only the main text.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Extract on the Dask cluster at ADDRESS (tcp://HOST:8786); needs kommunetekst[dask].",
)
def extract(
    paths: tuple[str, ...],
    output: str | None,
    only: str | None,
    year: int | None,
    jobs: int | None,
    doc_name: str | None,
    whole_page: bool,
    scheduler: str | None,
) -> None:
    """Extract records from texts as JSON Lines.

    PATH is a text, HTML, PDF or Word (.docx) file, a folder (walked
    recursively, in sorted order; binary files other than PDF and Word are
    skipped) or - for stdin. With no PATH, stdin is read when it is piped.
    The format is told by the content first, the file name second;
    `kommunetekst text FILE` prints the text the spans point into.

    --scheduler runs the documents on a Dask cluster, with the same output;
    PATH may then also be an fsspec URL (s3://bucket/pages/) that the workers
    can read.

    \b
    Example:
        kommunetekst extract seeds/ > records.jsonl
        kommunetekst extract seeds/ --only case_count,phone | jq -c '[.date, .kind, .text]'
        cat logg.txt | kommunetekst extract - --year 2020
        curl -s https://www.baerum.kommune.no/korona | kommunetekst extract - --doc korona.html
        kommunetekst extract corpus/ --scheduler tcp://10.0.0.5:8786 -o records.jsonl
    """
    paths = paths or _stdin_if_piped()
    output = None if output == "-" else output  # as most tools read "-o -"
    if scheduler is not None:
        from ._cluster import extract_on_cluster

        return extract_on_cluster(
            paths, scheduler, output=output, only=only, year=year, jobs=jobs,
            doc_name=doc_name, whole_page=whole_page,
        )  # fmt: skip
    found = _inputs(paths, output)
    sources = _with_options(found.sources, doc_name, whole_page)
    for is_error, message in found.messages:
        say(is_error, message)
    if jobs is None:
        many = sum(1 for s in sources if s.name != "-") > _PARALLEL_FROM
        jobs = (os.cpu_count() or 1) if many else 1

    def run(sink: Sink) -> bool:
        return _write_records(sources, year, only, jobs, sink)

    failed = write_output(output, run)
    if failed or found.errors:
        sys.exit(1)


def _stdin_if_piped() -> tuple[str, ...]:
    if sys.stdin is None or is_terminal(sys.stdin):
        raise click.UsageError("give a file or folder to extract, or - for stdin.")
    return ("-",)


def _inputs(paths: tuple[str, ...], output: str | None) -> Found:
    """The documents to read; a usage error when ``-o`` cannot be written or is an input.

    Output redirected into a walked folder (``> folder/out.jsonl``) is not read:
    the shell has emptied it already.
    """
    if output:
        check_output_path(output)
    stdout = None if output else stdout_file_stat()
    found = iter_sources(paths, () if stdout is None else (stdout,))
    return without_output(found, output, "-" in paths) if output else found


def _with_options(sources: list[Source], doc_name: str | None, whole_page: bool) -> list[Source]:
    """The sources with ``--doc`` (stdin's name) and ``--whole-page`` applied."""
    from dataclasses import replace

    if doc_name is not None:
        if not any(s.name == "-" for s in sources):
            raise click.BadParameter(
                "names the document read from stdin; give - as a PATH.", param_hint="--doc"
            )
        sources = [replace(s, doc=doc_name) if s.name == "-" else s for s in sources]
    if whole_page:
        sources = [replace(s, whole_page=True) for s in sources]
    return sources


def say(is_error: bool, message: str) -> None:
    """Write ``Error: message`` or ``Warning: message`` to stderr."""
    click.echo(f"{'Error' if is_error else 'Warning'}: {message}", err=True)


def write_output(output: str | None, run: Callable[[Sink], bool]) -> bool:
    """``run`` into ``output`` (replaced atomically once all is written) or into stdout;
    returns what ``run`` returns (whether a document failed)."""
    return _to_file(output, run) if output else _to_stdout(run)


def _to_file(output: str, run: Callable[[Sink], bool]) -> bool:
    """``run`` into ``output``, which is replaced atomically once all is written."""
    try:
        atomic = AtomicOutput(output)
    except OSError as e:
        folder = os.path.dirname(os.path.realpath(output))
        raise click.BadParameter(
            f"cannot create a file in {folder} ({os_reason(e)}); choose another place.",
            param_hint="-o",
        ) from e
    try:
        with atomic as fh:
            failed = run(Sink(fh, output, "it was left as it was"))
            _signals.check()  # the last moment a stop signal can keep the old file
            return failed
    except OSError as e:  # flush, fsync or rename at the end
        raise output_error(output, e, "it was left as it was") from e


def _to_stdout(run: Callable[[Sink], bool]) -> bool:
    with closed_pipe_ends_quietly():
        try:
            return run(Sink(stdout_bytes(), "to standard output", "the output is incomplete"))
        except OutputError:
            silence_stdout()  # what is still buffered would fail again at exit
            raise


def _write_records(
    sources: list[Source], year: int | None, only: str | None, jobs: int, sink: Sink
) -> bool:
    """Extract every source into ``sink``, in order; True when one of them failed."""
    failed = False
    with (
        document_progress(len(sources), "extract") as advance,
        contextlib.closing(iter_results(sources, year, only, jobs, sink.write)) as results,
    ):
        for result in results:
            if result.jsonl:
                sink.write(result.jsonl)
            for is_error, message in result.messages:
                say(is_error, message)
                failed = failed or is_error
            advance()
            _signals.check()
    sink.flush()
    return failed


# -- one document ---------------------------------------------------------------------------


class Result(NamedTuple):
    """What one document gave: its JSONL (empty when it was streamed) and sentences for stderr."""

    jsonl: bytes | bytearray
    messages: tuple[tuple[bool, str], ...] = ()  # (is_error, sentence)


Write = Callable[[bytes | bytearray], None]

# Serial runs hand the output on in pieces of about this size, as it is made.
_PIECE = 1 << 20


def process_source(
    source: Source, year: int | None, only: str | None, write: Write | None = None
) -> Result:
    """Extract one document to JSONL bytes: the error boundary of one document.

    With ``write`` (serial runs), the JSONL goes to it in ~1 MB pieces as it is
    made, so a big file needs no second copy of its output in memory and
    ``| head`` sees its first lines at once; the result's ``jsonl`` is then
    empty. Runs in worker processes too, so it takes and returns plain values.

    Nothing a document holds makes it raise. What goes wrong becomes a sentence
    naming the file, and everything else of the document is still written: an
    extractor that raises (a bug) loses its own later records only; a record
    that cannot be written as JSON is left out alone; a bug elsewhere, or too
    little memory to read the file, loses the rest of the document. The other
    documents go on. ``KOMMUNETEKST_DEBUG`` raises instead. Exceptions from
    ``write`` (a full disk, a closed pipe, Ctrl-C) are not the document's fault
    and propagate. An input that was read but gave no text (a scanned PDF) is
    named in a warning.
    """
    from ..errors import BinaryInputError

    try:
        data = read_source(source)
    except OSError as e:
        return Result(b"", ((True, os_error_sentence(source.name, e)),))
    except BinaryInputError as e:
        return Result(b"", (_binary(source, e),))
    except MemoryError:
        return Result(b"", ((True, f"{source.doc}: not enough memory to read it; skipped."),))
    problems: list[tuple[bool, str]] = []
    pieces = _jsonl_pieces(source, data, year, only, problems, _PIECE if write else sys.maxsize)
    if write is None:
        return Result(b"".join(pieces), tuple(problems))
    for piece in pieces:
        write(piece)  # outside the document's boundary: a full disk is no bug of the document
    return Result(b"", tuple(problems))


def _jsonl_pieces(
    source: Source,
    data: bytes,
    year: int | None,
    only: str | None,
    problems: list[tuple[bool, str]],
    size: int,
) -> Iterator[bytearray]:
    """The document's records as JSONL in pieces of about ``size`` bytes; what goes wrong
    is added to ``problems`` as ``(is_error, sentence)``."""
    from ..errors import BinaryInputError, UnreadableInputError
    from ..jsonl import dump_line
    from ..pipeline import extract_bytes

    debug = bool(os.environ.get("KOMMUNETEKST_DEBUG"))

    def extractor_failed(kind: str, e: Exception, line: int | None) -> None:
        problems.append((True, extractor_error_sentence(source.doc, kind, e, line)))

    def no_text(warning: str) -> None:  # read without error, but no text in it
        problems.append((False, f"{source.doc} {warning}."))

    # One growing buffer, not a join over every line: orjson gives each line a
    # 4 KB allocation, so holding them all at once costs ~30x the input's size.
    out = bytearray()
    last: dict[str, Any] | None = None  # the last record written
    n = 0
    try:
        for record in extract_bytes(
            data,
            source.doc,
            year,
            only,
            whole_page=source.whole_page,
            on_warning=no_text,
            on_error=None if debug else extractor_failed,
        ):
            try:
                out += dump_line(record)
            except TypeError as e:  # orjson's JSONEncodeError: e.g. an integer beyond 64 bits
                if debug:
                    raise
                problems.append((True, _unwritable(source, record, e)))
                continue
            last, n = record, n + 1
            if len(out) >= size:
                yield out
                out = bytearray()
    except BinaryInputError as e:  # from decoding, before any record
        problems.append(_binary(source, e))
        return
    except UnreadableInputError as e:  # from converting, before any record
        problems.append((True, f"{source.doc} {e}."))
        return
    except Exception as e:  # MemoryError and RecursionError too
        if debug:
            raise
        problems.append((True, _internal_error(source, e, n, last)))
    if out:
        yield out


def _unwritable(source: Source, record: dict[str, Any], e: Exception) -> str:
    return (
        f"{source.doc}:{record['line']}: a {record['kind']} record could not be written as "
        f"JSON ({e}) and was left out. Please report this with the file."
    )


def _binary(source: Source, e: Exception) -> tuple[bool, str]:
    if source.explicit:
        return True, f"{source.doc} {e}; name text, HTML, PDF or Word files."
    return False, f"skipped {source.doc}: it {e}."


def _internal_error(source: Source, e: Exception, n: int, last: dict[str, Any] | None) -> str:
    if n == 0:
        lost = "its records were not written"
    elif last is None or last["line"] is None:
        lost = "only its document record was written"
    else:
        lost = f"its records after line {last['line']} are missing"
    if isinstance(e, MemoryError):
        return f"{source.doc}: not enough memory to extract it; {lost}."
    return (
        f"{source.doc}: internal error while extracting ({exception_text(e)}); "
        f"{lost}. Please report this with the file."
    )


# -- many documents -------------------------------------------------------------------------


def iter_results(
    sources: list[Source], year: int | None, only: str | None, jobs: int, write: Write | None = None
) -> Generator[Result, None, None]:
    """Results in the order of ``sources``, whatever ``jobs`` is.

    Documents processed in this process stream their JSONL to ``write`` (when
    given); the workers' results carry their JSONL. Close the generator
    (``contextlib.closing``) to stop the workers early.
    """
    stdin = [s for s in sources if s.name == "-"]
    files = [s for s in sources if s.name != "-"]
    for s in stdin:  # stdin is read in this process
        yield process_source(s, year, only, write=write)
    if jobs <= 1 or len(files) <= 1:
        for s in files:
            yield process_source(s, year, only, write=write)
        return
    yield from _parallel(files, year, only, min(jobs, len(files)))


# Tasks per worker over the run, and the most documents per task: tasks large enough
# that handing them out costs the parent little CPU (it shares the cores with the
# workers), and many enough to keep every worker busy to the end.
_TASKS_PER_JOB = 8
_BATCH = 32


def _parallel(
    files: list[Source], year: int | None, only: str | None, jobs: int
) -> Iterator[Result]:
    """Results of ``files`` from ``jobs`` worker processes, in order.

    A worker that dies (killed for lack of memory, a crash in C code) does not
    stop the run: the documents of its batch are tried again one by one, each
    in a worker of its own, and the one that kills its worker again becomes an
    error sentence.
    """
    from ..registry import resolve
    from ._pool import DIED, ordered_map

    # Import the extractors (~0.2 s of pattern compiling) here, once: forked workers
    # inherit them instead of each paying for them on its first document.
    resolve(only)
    size = max(1, min(_BATCH, len(files) // (jobs * _TASKS_PER_JOB)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    tasks = [(batch, year, only) for batch in batches]
    with contextlib.closing(ordered_map(_process_batch, tasks, jobs)) as results:
        for batch, result in zip(batches, results, strict=True):
            if result is DIED:
                yield from _one_by_one(batch, year, only)
            else:
                yield from result


def _process_batch(batch: list[Source], year: int | None, only: str | None) -> list[Result]:
    return [process_source(s, year, only) for s in batch]


def _one_by_one(batch: list[Source], year: int | None, only: str | None) -> Iterator[Result]:
    from ._pool import DIED, ordered_map

    tasks = [(s, year, only) for s in batch]
    with contextlib.closing(ordered_map(process_source, tasks, 1)) as results:
        for source, result in zip(batch, results, strict=True):
            if result is DIED:
                sentence = (
                    f"{source.doc}: the process extracting it died (killed by the system, "
                    "perhaps for lack of memory); its records are missing."
                )
                yield Result(b"", ((True, sentence),))
            else:
                yield result


@cli.command()
@click.option("json_", "--json", is_flag=True, help="One JSON object per extractor.")
def extractors(json_: bool) -> None:
    """List the extractors and the fields of their records.

    \b
    Example:
        kommunetekst extractors
        kommunetekst extractors --json | jq -r .kind
    """
    from dataclasses import asdict

    from ..jsonl import dump_line
    from ..registry import all_info

    with closed_pipe_ends_quietly():
        out = stdout_bytes()
        for info in all_info():
            if json_:
                out.write(dump_line(asdict(info)))
            else:
                out.write(
                    f"{info.kind:<15} {info.description}  [{', '.join(info.fields)}]\n".encode()
                )
        out.flush()
