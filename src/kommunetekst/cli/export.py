"""``kommunetekst export`` (records as typed tables) and ``kommunetekst schema`` (JSON Schema).

``export`` reads its INPUT as the reports do (``_report_input``: JSONL, text
files and folders extracted on the fly, ``-`` or piped stdin; a document met
twice counts once) and writes through :mod:`kommunetekst.export`. The output
is atomic: SQLite goes to a temporary copy of the database that replaces it
when complete; a folder format goes to a temporary folder that takes the
folder's place when complete. An error, Ctrl-C or a bad JSONL line leaves the
old output as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from ..export import FORMATS, Format
from ._app import cli
from ._io import (
    AtomicOutput,
    check_output_path,
    closed_pipe_ends_quietly,
    is_terminal,
    os_reason,
    stat_or_none,
    stdout_bytes,
)
from .extract import OnlyType

if TYPE_CHECKING:
    from ..export import ExportStats
    from ._report_input import ReportInput

SUFFIXES: dict[str, Format] = {
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
_SQLITE_MAGIC = b"SQLite format 3\x00"


@cli.command(short_help="Write records as typed tables: SQLite, CSV, TSV or Parquet.")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    help="The database file (sqlite), or the folder of files (csv, tsv, parquet).",
)
@click.option(
    "fmt",
    "--format",
    type=click.Choice(FORMATS),
    help="[default: from OUT's suffix: .sqlite/.sqlite3/.db, .csv, .tsv, .parquet]",
)
@click.option("--only", type=OnlyType(), help="Only these kinds' tables, e.g. case_count,phone.")
@click.option(
    "--year", type=click.IntRange(1900, 2100), help="Year for dates a text INPUT gives without one."
)
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Skip JSONL lines that are not records; say how many on stderr.",
)
def export(
    inputs: tuple[str, ...],
    output: str,
    fmt: Format | None,
    only: str | None,
    year: int | None,
    skip_invalid: bool,
) -> None:
    """Write records as typed tables: SQLite, or a folder of CSV, TSV or Parquet files.

    One table per kind (case_count, phone, ...), named as the kind, and a
    documents table. Each table has the envelope (doc, line, span_start,
    span_end, text, date) and the kind's fields, typed as declared: counts as
    integers, percentages as floats, phone numbers as text, dates as ISO text.

    SQLite is indexed on doc and date, and exporting into the same file again
    replaces the rows of the documents exported, never duplicates them. A folder
    format (csv, tsv, parquet) holds one file per table and is replaced whole.
    Parquet needs pyarrow: pip install 'kommunetekst[parquet]'.

    INPUT is a JSONL file of records (the output of extract), a text file or
    folder (extracted on the fly), or - for stdin; with no INPUT, stdin is read
    when it is piped. Bad input is handled as extract and the reports do.

    \b
    Example:
        kommunetekst extract seeds/ | kommunetekst export - -o records.sqlite
        kommunetekst export records.jsonl -o tables.csv
        kommunetekst export seeds/ -o tables --format parquet --only case_count,phone
    """
    from . import _report_input

    if not inputs:
        if not _report_input.stdin_is_piped():
            raise click.UsageError("give INPUT files or folders to export, or pipe JSONL in.")
        inputs = ("-",)
    if fmt is None:
        fmt = _format_of(output)
    if fmt == "sqlite":
        _check_database_path(output)
    else:
        _check_folder_path(output, fmt)
    exclude = _refuse_output_as_input(inputs, output)
    if fmt == "parquet":
        _require_pyarrow()
    kinds = _kinds(only)
    source = _report_input.ReportInput(inputs, year, skip_invalid, piped=True, exclude=exclude)
    with _progress(is_terminal(sys.stderr)) as on_progress:
        if fmt == "sqlite":
            stats = _export_database(source, output, kinds, on_progress)
        else:
            stats = _export_folder(source, output, fmt, kinds, on_progress)
    _report(source, stats, output)
    if source.errors:
        sys.exit(1)


def _format_of(output: str) -> Format:
    suffix = os.path.splitext(output.rstrip("/" + os.sep))[1].lower()
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format from the name {output!r}; add --format "
            f"{'|'.join(FORMATS)}, or name it e.g. records.sqlite or tables.csv."
        )
    return fmt


def _check_database_path(output: str) -> None:
    """Fail early (usage error) when ``-o`` cannot be written or is not a database."""
    check_output_path(output)
    try:
        with open(output, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as e:
        raise click.BadParameter(f"cannot read {output} ({os_reason(e)}).", param_hint="-o") from e
    if head and head != _SQLITE_MAGIC:
        raise click.BadParameter(
            f"{output} is not an SQLite database; choose another name, or remove it first.",
            param_hint="-o",
        )


def _table_file_re() -> re.Pattern[str]:
    from ..export import export_tables

    names = "|".join(t.name for t in export_tables())
    return re.compile(rf"(?:{names})\.(?:csv|tsv|parquet)")


def _check_folder_path(output: str, fmt: str) -> None:
    """Fail early (usage error) when the folder ``-o`` cannot or must not be replaced."""
    real = os.path.realpath(output)
    parent = os.path.dirname(real)
    if not os.path.isdir(parent):
        raise click.BadParameter(
            f"folder {parent} does not exist; create it first.", param_hint="-o"
        )
    if os.path.lexists(real) and not os.path.isdir(real):
        raise click.BadParameter(
            f"{output} is a file, but {fmt} writes a folder with one file per table; "
            "give a folder name.",
            param_hint="-o",
        )
    if not os.access(parent, os.W_OK):
        raise click.BadParameter(
            f"cannot write to folder {parent}; choose another place.", param_hint="-o"
        )
    if os.path.isdir(real):
        table_file = _table_file_re()
        others = sorted(e for e in os.listdir(real) if not table_file.fullmatch(e))
        if others:
            raise click.BadParameter(
                f"{output} holds files an export does not make ({others[0]}); the export "
                "replaces the whole folder, so give a new or empty one, or one an export made.",
                param_hint="-o",
            )


def _refuse_output_as_input(inputs: tuple[str, ...], output: str) -> tuple[os.stat_result, ...]:
    """Usage error when an input is the output (or inside the output folder); else the
    files of the output, for a folder walk to skip."""
    real = os.path.realpath(output)
    for p in inputs:
        if p == "-":
            continue
        rp = os.path.realpath(p)
        if rp == real or rp.startswith(real + os.sep):
            raise click.BadParameter(
                f"{p} is also the output; write the output to another place.", param_hint="-o"
            )
    if os.path.isdir(real):
        found = (stat_or_none(os.path.join(real, name)) for name in os.listdir(real))
        return tuple(st for st in found if st is not None)
    st = stat_or_none(real)
    return (st,) if st is not None else ()


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "Parquet needs pyarrow; install it with: pip install 'kommunetekst[parquet]' "
            "(or export to --format sqlite or csv)."
        ) from None


def _kinds(only: str | None) -> list[str] | None:
    if only is None:
        return None
    from ..registry import get_extractor

    return [get_extractor(name).INFO.kind for name in only.split(",")]


def _records(source: ReportInput, kinds: list[str] | None) -> Iterator[dict[str, Any]]:
    from ..reports.schema import unique_records

    return unique_records(source.records(kinds))


def _export_database(
    source: ReportInput,
    output: str,
    kinds: list[str] | None,
    on_progress: Callable[[int, int], None] | None,
) -> ExportStats:
    """Export into a temporary copy of the database, which replaces it when complete."""
    from ..export import export_records

    try:
        atomic = AtomicOutput(output)
    except OSError as e:
        raise _cannot_create(output, e) from e
    try:
        with atomic:
            if os.path.exists(atomic.path) and os.path.getsize(atomic.path):
                _copy_database(atomic.path, atomic.tmp)
            stats = _run(
                lambda: export_records(
                    _records(source, kinds), atomic.tmp, "sqlite", kinds, on_progress
                ),
                source,
            )
    except OSError as e:  # fsync or rename at the end
        raise click.ClickException(
            f"cannot write {output} ({os_reason(e)}); it was left as it was."
        ) from e
    return stats


def _copy_database(path: str, to: str) -> None:
    """Copy the database ``path`` into the (empty) file ``to``, as SQLite reads it."""
    import sqlite3

    src = sqlite3.connect(path)
    dst = sqlite3.connect(to)
    try:
        src.backup(dst)
    except sqlite3.DatabaseError as e:
        raise click.ClickException(
            f"cannot read the database {path} ({e}); it was left as it was."
        ) from e
    finally:
        dst.close()
        src.close()


def _export_folder(
    source: ReportInput,
    output: str,
    fmt: Format,
    kinds: list[str] | None,
    on_progress: Callable[[int, int], None] | None,
) -> ExportStats:
    """Export into a temporary folder, which takes the place of ``output`` when complete."""
    from ..export import export_records

    real = os.path.realpath(output)
    try:
        tmp = tempfile.mkdtemp(
            prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=os.path.dirname(real)
        )
    except OSError as e:
        raise _cannot_create(output, e) from e
    try:
        stats = _run(
            lambda: export_records(_records(source, kinds), tmp, fmt, kinds, on_progress), source
        )
        _sync_folder(tmp)
        _replace_folder(tmp, real)
    except OSError as e:
        raise click.ClickException(
            f"cannot write {output} ({os_reason(e)}); it was left as it was."
        ) from e
    finally:
        if os.path.lexists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
    return stats


def _run(write: Callable[[], ExportStats], source: ReportInput) -> ExportStats:
    """Run the export; a bad JSONL line, or inputs of which none could be read, stop it
    before the output is replaced."""
    from ..errors import InvalidRecordError
    from ..export.sqlite import ExportError

    try:
        stats = write()
    except (InvalidRecordError, ExportError) as e:
        _report_problems(source)
        raise click.ClickException(f"{e} Nothing was written.") from None
    if source.errors and not source.documents:
        _report_problems(source)
        click.echo("Error: no input could be read; nothing was written.", err=True)
        raise click.exceptions.Exit(1)
    return stats


def _sync_folder(folder: str) -> None:
    """Flush the folder's files to disk and give the folder the usual permissions."""
    for name in os.listdir(folder):
        fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)


def _replace_folder(tmp: str, path: str) -> None:
    """Put the folder ``tmp`` in the place of ``path``: the old folder is renamed away, the new
    one renamed in, and the old one removed. Readers see the old folder or the whole new one
    (or, between the two renames, none)."""
    if not os.path.lexists(path):
        os.rename(tmp, path)
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    os.chmod(tmp, mode)
    old = os.path.join(
        os.path.dirname(path), f".{os.path.basename(path)}.{secrets.token_hex(4)}.old"
    )
    os.rename(path, old)
    try:
        os.rename(tmp, path)
    except OSError:
        os.rename(old, path)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _cannot_create(output: str, e: OSError) -> click.BadParameter:
    folder = os.path.dirname(os.path.realpath(output))
    return click.BadParameter(
        f"cannot create a file in {folder} ({os_reason(e)}); choose another place.",
        param_hint="-o",
    )


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress line on stderr (a terminal only): documents and records written so far."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("export: {task.fields[documents]} documents, {task.completed:,.0f} records"),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("export", total=None, documents=0)

    def update(documents: int, records: int) -> None:
        progress.update(task, completed=records, documents=documents)

    with progress:
        yield update


def _report_problems(source: ReportInput) -> None:
    for line in source.problem_lines():
        click.echo(line, err=True)


def _report(source: ReportInput, stats: ExportStats, output: str) -> None:
    """Warnings and errors on stderr; on a terminal, also what was written."""
    _report_problems(source)
    for message in stats.warnings:
        click.echo(f"Warning: {message}", err=True)
    if not stats.documents:
        click.echo("Warning: the input holds no records; the tables are empty.", err=True)
    elif is_terminal(sys.stderr):
        per_table = ", ".join(f"{name} {n:,}" for name, n in stats.rows.items() if n)
        click.echo(
            f"Wrote {stats.records:,} records of {stats.documents:,} documents to {output} "
            f"({per_table}).",
            err=True,
        )


@cli.command(short_help="Print the JSON Schema of a record, from the declared fields.")
def schema() -> None:
    """Print the JSON Schema of a record (draft 2020-12), derived from the extractors.

    One schema for every line extract writes: the document record and each
    kind's record, told apart by kind, with each field's type and whether it
    may be null. kommunetekst extractors --json lists the same declarations.

    \b
    Example:
        kommunetekst schema > record.schema.json
        kommunetekst schema | jq '.["$defs"].case_count.properties.value'
    """
    import orjson

    from ..record_schema import json_schema

    with closed_pipe_ends_quietly():
        out = stdout_bytes()
        out.write(
            orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        )
        out.flush()
