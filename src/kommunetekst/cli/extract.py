"""``kommunetekst extract`` and ``kommunetekst extractors``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO

import click

from . import cli
from ._io import (
    AtomicOutput,
    Source,
    check_output_path,
    iter_sources,
    os_error_sentence,
    read_source,
)

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


def process_source(source: Source, year: int | None, only: str | None) -> tuple[bytes, str | None, bool]:
    """Extract one document to JSONL bytes.

    Returns ``(jsonl, message, is_error)``; ``message`` is a sentence for stderr
    (an error, or a warning for a binary file met while walking a folder).
    Runs in worker processes too, so it takes and returns only plain values.
    """
    from ..errors import BinaryInputError
    from ..jsonl import dump_lines
    from ..pipeline import extract_bytes

    try:
        data = read_source(source)
    except OSError as e:
        return b"", os_error_sentence(source.name, e), True
    try:
        return dump_lines(extract_bytes(data, source.name, year, only)), None, False
    except BinaryInputError as e:
        if source.explicit:
            return b"", f"{source.name} {e}; name text files only.", True
        return b"", f"skipped {source.name}: it is a binary file, not text.", False


def _process_args(args: tuple[Source, int | None, str | None]) -> tuple[bytes, str | None, bool]:
    return process_source(*args)


def iter_results(
    sources: list[Source], year: int | None, only: str | None, jobs: int
) -> Iterator[tuple[bytes, str | None, bool]]:
    """Results in the order of ``sources``, whatever ``jobs`` is."""
    stdin = [s for s in sources if s.name == "-"]
    files = [s for s in sources if s.name != "-"]
    for s in stdin:  # stdin is read in this process
        yield process_source(s, year, only)
    if jobs <= 1 or len(files) <= 1:
        for s in files:
            yield process_source(s, year, only)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    with ctx.Pool(jobs) as pool:
        # imap keeps the input order; a small chunksize keeps memory flat.
        yield from pool.imap(_process_args, ((s, year, only) for s in files), chunksize=4)


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("-o", "--output", metavar="FILE", help="Write JSONL to FILE (atomically) instead of stdout.")
@click.option("--only", type=OnlyType(), help="Run only these extractors, e.g. date_header,bullet.")
@click.option("--year", type=click.IntRange(1900, 2100), help="Year for dates the text gives without one.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Worker processes [default: cores when many files].")
def extract(paths: tuple[str, ...], output: str | None, only: str | None, year: int | None, jobs: int | None) -> None:
    """Extract records from texts as JSON Lines.

    PATH is a text file, a folder (walked recursively, text files only, in
    sorted order) or - for stdin. With no PATH, stdin is read when it is piped.

    \b
    Example:
        kommunetekst extract seeds/ > records.jsonl
        kommunetekst extract seeds/ --only case_count,phone | jq -c '[.date, .kind, .value // .number]'
        cat logg.txt | kommunetekst extract - --year 2020
    """
    if not paths:
        if sys.stdin.isatty():
            raise click.UsageError("give a file or folder to extract, or - for stdin.")
        paths = ("-",)
    if output:
        check_output_path(output)
    sources, errors = iter_sources(paths)
    for message in errors:
        click.echo(f"Error: {message}", err=True)
    n_files = sum(1 for s in sources if s.name != "-")
    if jobs is None:
        jobs = (os.cpu_count() or 1) if n_files > _PARALLEL_FROM else 1

    failed = bool(errors)
    progress = _progress(len(sources), sys.stderr.isatty() and len(sources) > 1)

    def run(out: IO[bytes]) -> None:
        nonlocal failed
        task = progress.add_task("extract", total=len(sources)) if progress else None
        for data, message, is_error in iter_results(sources, year, only, jobs):
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
                with AtomicOutput(output) as fh:
                    run(fh)
            except OSError as e:
                raise click.ClickException(f"cannot write {output} ({e.strerror or e}); it was left as it was.") from e
        else:
            run(sys.stdout.buffer)
    finally:
        if progress is not None:
            progress.stop()
    if failed:
        sys.exit(1)


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

    for info in all_info():
        if json_:
            sys.stdout.buffer.write(dump_line(asdict(info)))
        else:
            click.echo(f"{info.kind:<15} {info.description}  [{', '.join(info.fields)}]")
