"""``kommunetekst extract`` and ``kommunetekst extractors``."""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from . import cli
from ._io import (
    AtomicOutput,
    OutputError,
    Sink,
    Source,
    check_output_path,
    closed_pipe_ends_quietly,
    is_terminal,
    iter_sources,
    os_error_sentence,
    os_reason,
    output_error,
    read_source,
    silence_stdout,
    stat_or_none,
    stdout_bytes,
    stdout_file_stat,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Above this many files, --jobs defaults to the number of cores.
_PARALLEL_FROM = 8


class OnlyType(click.ParamType):
    """Comma-separated extractor names or kinds, checked against the registry."""

    name = "KINDS"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..errors import UnknownExtractorError
        from ..registry import get_extractor

        names = [n.strip() for n in str(value).split(",") if n.strip()]
        if not names:
            self.fail("give at least one extractor name, e.g. --only date_header,bullet", param, ctx)
        try:
            return ",".join(get_extractor(n).INFO.name for n in names)
        except UnknownExtractorError as e:
            self.fail(str(e), param, ctx)


Result = tuple[bytes | bytearray, str | None, bool]
Write = Callable[[bytes | bytearray], None]

# Serial runs hand the output on in pieces of about this size, as it is made.
_PIECE = 1 << 20


def process_source(
    source: Source, year: int | None, only: str | None, write: Write | None = None
) -> Result:
    """Extract one document to JSONL bytes.

    Returns ``(jsonl, message, is_error)``; ``message`` is a sentence for stderr
    (an error, or a warning for a binary file met while walking a folder).
    With ``write`` (serial runs), the JSONL goes to it in ~1 MB pieces as it is
    made, so a big file needs no second copy of its output in memory and
    ``| head`` sees its first lines at once; ``jsonl`` is then empty. Runs in
    worker processes too, so it takes and returns only plain values.

    Nothing a document holds makes it raise: an unexpected exception (a bug)
    becomes an error sentence for that document, the records made before it
    stay (the same with or without ``write``), and the other documents go on,
    unless ``KOMMUNETEKST_DEBUG`` is set. Exceptions from ``write`` (a full
    disk, a closed pipe, Ctrl-C) are not the document's fault and propagate.
    """
    from orjson import OPT_APPEND_NEWLINE as APPEND_NEWLINE
    from orjson import dumps

    from ..errors import BinaryInputError, UnreadableInputError
    from ..pipeline import extract_bytes

    try:
        data = read_source(source)
    except OSError as e:
        return b"", os_error_sentence(source.name, e), True
    except BinaryInputError as e:
        return _binary(source, e)
    # One growing buffer, not a join over every line: orjson gives each line a
    # 4 KB allocation, so holding them all at once costs ~30x the input's size.
    out = bytearray()
    records: Iterator[dict[str, Any]] | None = None
    record: dict[str, Any] | None = None  # the last record written
    n = 0
    piece = _PIECE if write is not None else sys.maxsize
    warnings: list[str] = []  # an input read without error that gave no text
    while True:
        try:
            if records is None:
                records = extract_bytes(
                    data, source.doc, year, only,
                    whole_page=source.whole_page, on_warning=warnings.append,
                )
            for record in records:
                out += dumps(record, None, APPEND_NEWLINE)  # positional: no keyword parsing
                n += 1
                if len(out) >= piece:
                    break
            else:
                break
        except BinaryInputError as e:  # from decoding, before any record
            return _binary(source, e)
        except UnreadableInputError as e:  # from converting, before any record
            return b"", f"{source.doc} {e}.", True
        except Exception as e:
            if os.environ.get("KOMMUNETEKST_DEBUG"):
                raise
            return out, _internal_error(source, e, n, record["line"] if record else None), True
        # A full piece: written outside the try, so a full disk or a closed pipe
        # propagates instead of becoming the document's error.
        assert write is not None
        write(out)
        out = bytearray()
    if write is not None and out:
        write(out)
        out = bytearray()
    return out, (f"{source.doc} {warnings[0]}." if warnings else None), False


def _binary(source: Source, e: Exception) -> Result:
    if source.explicit:
        return b"", f"{source.doc} {e}; name text, HTML, PDF or Word files.", True
    return b"", f"skipped {source.doc}: it {e}.", False


def _internal_error(source: Source, e: Exception, n: int, last_line: int | None) -> str:
    if n == 0:
        lost = "its records were not written"
    elif last_line is None:
        lost = "only its document record was written"
    else:
        lost = f"its records after line {last_line} are missing"
    return (
        f"{source.doc}: internal error while extracting ({type(e).__name__}: {e}); "
        f"{lost}. Please report this with the file."
    )


def _process_batch(batch: list[Source], year: int | None, only: str | None) -> list[Result]:
    return [process_source(s, year, only) for s in batch]


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and stops
    # the pool; a worker that raised KeyboardInterrupt would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The pool stops its workers with SIGTERM; they must not inherit the
    # parent's handler for it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def iter_results(
    sources: list[Source], year: int | None, only: str | None, jobs: int, write: Write | None = None
) -> Iterator[Result]:
    """Results in the order of ``sources``, whatever ``jobs`` is.

    Documents processed in this process stream their JSONL to ``write`` (when
    given) and yield empty bytes; the workers' results carry their JSONL.
    Close the generator (``contextlib.closing``) to stop the workers early.
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


# Tasks per worker over the run, the most documents per task, and tasks in flight per
# worker: tasks large enough that handing them out costs the parent little CPU (it
# shares the cores with the workers), many enough to keep every worker busy to the
# end, and few enough in flight that finished results never pile up in memory.
_TASKS_PER_JOB = 8
_BATCH = 32
_IN_FLIGHT = 2


def _parallel(
    files: list[Source], year: int | None, only: str | None, jobs: int
) -> Iterator[Result]:
    """Results of ``files`` from ``jobs`` worker processes, in order.

    A worker that dies (killed for memory, a crash in C code) does not hang the
    run, as it would with ``multiprocessing.Pool``: the documents of the lost
    task are retried one by one, each alone in a fresh worker, and the one that
    kills its worker again becomes an error sentence. Then the run goes on.
    """
    from concurrent.futures.process import BrokenProcessPool

    from ..registry import resolve

    # Import the extractors (~0.2 s of pattern compiling) here, once: forked workers
    # inherit them instead of each paying for them on its first document.
    resolve(only)
    size = max(1, min(_BATCH, len(files) // (jobs * _TASKS_PER_JOB)))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    done = 0
    while done < len(batches):
        pool = _new_pool(jobs)
        try:
            window: collections.deque[Future[list[Result]]] = collections.deque()
            sent = done
            while done < len(batches):
                while sent < len(batches) and len(window) < jobs * _IN_FLIGHT:
                    window.append(pool.submit(_process_batch, batches[sent], year, only))
                    sent += 1
                results = _result(window.popleft(), jobs)
                yield from results
                done += 1
        except BrokenProcessPool:
            pass
        finally:
            _stop(pool)
        if done < len(batches):  # the pool broke on batches[done]
            for source in batches[done]:
                yield _alone(source, year, only)
            done += 1


def _result(future: Future[Any], jobs: int) -> Any:
    """The result of a task run by a pool of ``jobs`` workers.

    Raises BrokenProcessPool, as the pool does when a worker dies, also when the
    pool cannot tell: a worker killed while it sends a result leaves half a
    message in the pipe, and the pool's manager thread waits for the rest for
    ever. So while the task is pending, a worker missing at two looks in a row
    means the pool is broken.
    """
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    missing = False
    while True:
        try:
            return future.result(timeout=_LOOK_EVERY)
        except TimeoutError:
            was_missing, missing = missing, len(multiprocessing.active_children()) < jobs
            if was_missing and missing:
                raise BrokenProcessPool("a worker died without the pool noticing") from None


_LOOK_EVERY = 0.5  # seconds


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now, also on Ctrl-C: workers busy with a document are stopped."""
    import multiprocessing

    pool.shutdown(wait=False, cancel_futures=True)
    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join()


def _alone(source: Source, year: int | None, only: str | None) -> Result:
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(1)
    try:
        return _result(pool.submit(process_source, source, year, only), 1)
    except BrokenProcessPool:
        return b"", (
            f"{source.doc}: the process extracting it died (killed by the system, perhaps for "
            "lack of memory); its records are missing."
        ), True
    finally:
        _stop(pool)


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "-o", "--output", metavar="FILE", help="Write JSONL to FILE (atomically) instead of stdout; - is stdout."
)
@click.option("--only", type=OnlyType(), help="Run only these extractors, e.g. date_header,bullet.")
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for dates the text gives without one.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Worker processes [default: cores when many files].")
@click.option("--doc", "doc_name", metavar="NAME", help="The doc of the document read from stdin (its name hints at its format).")
@click.option("--whole-page", is_flag=True, help="HTML: keep navigation, headers and footers, not only the main text.")
def extract(
    paths: tuple[str, ...], output: str | None, only: str | None, year: int | None, jobs: int | None,
    doc_name: str | None, whole_page: bool,
) -> None:
    """Extract records from texts as JSON Lines.

    PATH is a text, HTML, PDF or Word (.docx) file, a folder (walked
    recursively, in sorted order; binary files other than PDF and Word are
    skipped) or - for stdin. With no PATH, stdin is read when it is piped.
    The format is told by the content first, the file name second;
    `kommunetekst text FILE` prints the text the spans point into.

    \b
    Example:
        kommunetekst extract seeds/ > records.jsonl
        kommunetekst extract seeds/ --only case_count,phone | jq -c '[.date, .kind, .value // .number]'
        cat logg.txt | kommunetekst extract - --year 2020
        curl -s https://www.baerum.kommune.no/korona | kommunetekst extract - --doc baerum-korona.html
    """
    if not paths:
        if sys.stdin is None or is_terminal(sys.stdin):
            raise click.UsageError("give a file or folder to extract, or - for stdin.")
        paths = ("-",)
    if output == "-":  # as most tools read "-o -"
        output = None
    exclude: list[os.stat_result] = []
    if output:
        check_output_path(output)
        out_stat = stat_or_none(output)
        if out_stat is not None:
            _refuse_output_as_input(paths, output, out_stat)
            exclude.append(out_stat)
    else:
        stdout_stat = stdout_file_stat()
        if stdout_stat is not None:
            exclude.append(stdout_stat)
    found = iter_sources(paths, tuple(exclude))
    sources = _with_options(found.sources, doc_name, whole_page)
    for is_error, message in found.messages:
        click.echo(f"{'Error' if is_error else 'Warning'}: {message}", err=True)
    n_files = sum(1 for s in sources if s.name != "-")
    if jobs is None:
        jobs = (os.cpu_count() or 1) if n_files > _PARALLEL_FROM else 1

    failed = any(is_error for is_error, _ in found.messages)
    progress = _progress(len(sources), is_terminal(sys.stderr) and len(sources) > 1)

    def run(out: Sink) -> None:
        nonlocal failed
        task = progress.add_task("extract", total=len(sources)) if progress else None
        with contextlib.closing(iter_results(sources, year, only, jobs, out.write)) as results:
            for data, message, is_error in results:
                if data:
                    out.write(data)
                if message:
                    click.echo(f"{'Error' if is_error else 'Warning'}: {message}", err=True)
                    failed = failed or is_error
                if progress is not None and task is not None:
                    progress.advance(task)
        out.flush()

    if progress is not None:
        progress.start()
    try:
        if output:
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
                    run(Sink(fh, output, "it was left as it was"))
            except OSError as e:  # flush, fsync or rename at the end
                raise output_error(output, e, "it was left as it was") from e
        else:
            try:
                with closed_pipe_ends_quietly():
                    run(Sink(stdout_bytes(), "to standard output", "the output is incomplete"))
            except OutputError:
                silence_stdout()
                raise
    finally:
        if progress is not None:
            progress.stop()
    if failed:
        sys.exit(1)


def _with_options(sources: list[Source], doc_name: str | None, whole_page: bool) -> list[Source]:
    """The sources with ``--doc`` (stdin's name) and ``--whole-page`` applied."""
    from dataclasses import replace

    if doc_name is not None:
        if not any(s.name == "-" for s in sources):
            raise click.BadParameter("names the document read from stdin; give - as a PATH.", param_hint="--doc")
        sources = [replace(s, doc=doc_name) if s.name == "-" else s for s in sources]
    if whole_page:
        sources = [replace(s, whole_page=True) for s in sources]
    return sources


def _refuse_output_as_input(paths: tuple[str, ...], output: str, out_stat: os.stat_result) -> None:
    for p in paths:
        st = stat_or_none(p) if p != "-" else None
        if st is not None and (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino):
            raise click.BadParameter(
                f"{output} is also an input; write the output to another file.", param_hint="-o"
            )


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
                out.write(f"{info.kind:<15} {info.description}  [{', '.join(info.fields)}]\n".encode())
        out.flush()
