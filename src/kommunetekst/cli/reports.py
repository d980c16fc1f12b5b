"""The report commands: ``cases``, ``phones``, ``percentages``, ``bullets``, ``decisions``,
``timeline`` and ``summary``.

Each reads records (see ``_report_input``), hands them to a builder in
``kommunetekst.reports`` and prints what comes back: a Rich renderable for
``--format table``, rows through the csv module or orjson for ``csv``/``jsonl``.
Rich and the report modules are imported inside the commands, so
``kommunetekst --help`` stays fast.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..lists import CATEGORIES
from . import cli
from ._io import closed_pipe_ends_quietly, silence_stdout

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ._report_input import ReportInput

FORMATS = ("table", "csv", "jsonl")
#: ``cases --compare`` without FILE: the sample series shipped as package data.
SAMPLE_OFFICIAL = "<sample>"
T = TypeVar("T")

INPUT_HELP = """
    INPUT is a JSONL file of records (the output of extract), a text file or
    folder (extracted on the fly), or - for stdin. A file is JSONL when its name
    ends in .jsonl or its first non-blank character is {. With no INPUT, stdin
    is read when it is piped; otherwise the report runs on the sample texts
    that ship with kommunetekst.
"""


def report_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT... and the options every report has."""
    f = click.option(
        "--width",
        type=click.IntRange(40, 1000),
        metavar="COLUMNS",
        help="Width of table and plot output [default: the terminal's; 80 in a pipe].",
    )(f)
    f = click.option(
        "--year",
        type=click.IntRange(1900, 2100),
        help="Year for dates a text INPUT gives without one.",
    )(f)
    f = click.option(
        "--skip-invalid",
        is_flag=True,
        help="Skip JSONL lines that are not records; say how many on stderr.",
    )(f)
    f = click.option(
        "fmt",
        "--format",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="A Rich table for people, or csv / jsonl for machines.",
    )(f)
    f = click.argument("inputs", nargs=-1, metavar="[INPUT]...")(f)
    return f


def _load(
    inputs: tuple[str, ...],
    year: int | None,
    skip_invalid: bool,
    kinds: Iterable[str] | None,
    main_kind: str | None = None,
) -> tuple[ReportInput, list[dict[str, Any]]]:
    """Read every record of the report's INPUT (see :func:`_consume`).

    ``main_kind``: the kind the report is about; a warning says so when the input has none.
    """
    source, records = _consume(inputs, year, skip_invalid, kinds, list)
    if not records:
        click.echo("Warning: the input holds no records.", err=True)
    elif main_kind and not any(r["kind"] == main_kind for r in records):
        click.echo(f"Warning: the input holds no {main_kind} records.", err=True)
    return source, records


def _consume(
    inputs: tuple[str, ...],
    year: int | None,
    skip_invalid: bool,
    kinds: Iterable[str] | None,
    consume: Callable[[Iterator[dict[str, Any]]], T],
) -> tuple[ReportInput, T]:
    """Hand the records of the report's INPUT, each evidence once, to ``consume``.

    A bad JSONL line stops the command with ``Error: FILE:LINE: …`` (exit 1), and
    so does an INPUT of which nothing could be read. Warnings and errors about
    the inputs go to stderr.
    """
    from ..errors import InvalidRecordError
    from ..reports.schema import unique_records
    from . import _report_input

    source = _report_input.ReportInput(
        inputs, year, skip_invalid, piped=_report_input.stdin_is_piped()
    )
    if source.uses_sample:
        command = click.get_current_context().info_name
        click.echo(
            "Note: no INPUT and nothing piped in, so this runs on the sample texts shipped with "
            f"kommunetekst; give your own with: kommunetekst {command} FILE_OR_FOLDER "
            "(or pipe JSONL in).",
            err=True,
        )
    # Records are many small dicts that live until the end: the cyclic GC would
    # only rescan them again and again (a third of the time on a large JSONL).
    gc.disable()
    try:
        result = consume(unique_records(source.records(kinds)))
    except InvalidRecordError as e:
        _report_problems(source)
        raise click.ClickException(str(e)) from None
    finally:
        gc.enable()
    _report_problems(source)
    if source.errors and not source.documents:
        sys.exit(1)  # nothing could be read: no empty report
    return source, result


def _report_problems(source: ReportInput) -> None:
    for message in source.warnings:
        click.echo(f"Warning: {message}", err=True)
    for message in source.errors:
        click.echo(f"Error: {message}", err=True)
    if source.skipped_lines:
        n = source.skipped_lines
        click.echo(
            f"Skipped {n} invalid JSONL line{'s' if n != 1 else ''} (--skip-invalid).", err=True
        )


def _print(renderable: RenderableType, width: int | None) -> None:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # Rich would exit with status 1
            self.quiet = True
            silence_stdout()
            raise click.exceptions.Exit(0)

    _Console(width=width, highlight=False, soft_wrap=False).print(renderable)


def _write_rows(fmt: str, rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    with closed_pipe_ends_quietly():
        if fmt == "jsonl":
            import orjson

            out = sys.stdout.buffer
            for row in rows:
                out.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
            out.flush()
            return
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            writer.writerow([_csv_cell(row.get(name)) for name in fields])
        sys.stdout.flush()


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _done(source: ReportInput, failed: bool = False) -> None:
    if source.errors or failed:
        sys.exit(1)


def _with_input_help(f: Callable[..., Any]) -> Callable[..., Any]:
    """Append the INPUT paragraph to a command's help, before its Example block."""
    doc = f.__doc__ or ""
    head, sep, example = doc.partition("\n    \b\n    Example:")  # click's \b (backspace) marker
    f.__doc__ = head.rstrip() + "\n" + INPUT_HELP + (sep + example if sep else "")
    return f


@cli.command()
@report_options
@click.option(
    "--plot-ascii",
    is_flag=True,
    help="Draw the totals over time in plain ASCII instead of the table.",
)
@click.option(
    "--check", is_flag=True, help="List where the figures contradict each other; exit 1 if they do."
)
@click.option(
    "--compare",
    "compare_with",
    is_flag=False,
    flag_value=SAMPLE_OFFICIAL,
    default=None,
    metavar="[FILE]",
    help="Set the totals beside the official MSIS series in FILE (CSV, long or wide shape); "
    "without FILE, the sample series for Bærum and Asker, 2020, shipped with kommunetekst.",
)
@_with_input_help
def cases(
    inputs: tuple[str, ...],
    fmt: str,
    skip_invalid: bool,
    year: int | None,
    width: int | None,
    plot_ascii: bool,
    check: bool,
    compare_with: str | None,
) -> None:
    """COVID-19 case figures per date: total, new, hospitalised, deaths.

    One row per date (and place, when the texts give several). Repeated reports
    are collapsed; when one date has different totals, the latest report wins
    (a newest-first log is detected from its header dates). --check lists
    reported increases that differ from the difference of the totals, totals
    that go down and dates with two totals.

    \b
    Example:
        kommunetekst extract seeds/ | kommunetekst cases --plot-ascii
        kommunetekst cases seeds/ --check
        kommunetekst cases records.jsonl --format csv > cases.csv
        kommunetekst cases seeds/ --compare --format csv
    """
    if plot_ascii and fmt != "table":
        raise click.UsageError(
            "--plot-ascii draws text; leave out --format csv/jsonl, or drop --plot-ascii."
        )
    from ..reports import cases as report

    source, records = _load(inputs, year, skip_invalid, report.KINDS, "case_count")
    series = report.collect_cases(records)
    if compare_with is not None:
        _compare(series, compare_with, fmt, width)
        _done(source)
        return
    if fmt != "table":
        if check:
            _write_rows(fmt, report.contradictions_as_dicts(series), report.CHECK_FIELDS)
        else:
            _write_rows(fmt, report.cases_as_dicts(series), report.CASE_FIELDS)
    else:
        if plot_ascii:
            from rich.console import Console

            _print(report.ascii_plot(series, width or Console().width), width)
        if check:
            _print(report.build_check_table(series), width)
        elif not plot_ascii:
            _print(report.build_cases_table(series), width)
    _done(source, failed=check and bool(series.contradictions))


def _compare(series: Any, path: str, fmt: str, width: int | None) -> None:
    """``cases --compare``: read the official series and print the comparison."""
    from ..reports import compare as report

    if path == SAMPLE_OFFICIAL:
        from importlib import resources

        name = "msis_baerum_asker_2020.csv"
        text = resources.files("kommunetekst").joinpath(f"data/{name}").read_text("utf-8")
        label = f"the sample series {name} (MSIS via covid19data.no)"
    else:
        try:
            with click.open_file(path, encoding="utf-8-sig") as f:
                text = f.read()
        except OSError as e:
            raise click.ClickException(f"{path}: cannot read the official series ({e}).") from None
        label = path
    try:
        official = report.read_official(text)
    except report.OfficialSeriesError as e:
        raise click.ClickException(f"{path}: {e}.") from None
    rows = report.compare(series, official)
    if not rows:
        click.echo("Warning: no total of the input names a municipality of the series.", err=True)
    if fmt == "table":
        _print(report.build_compare_table(rows, label), width)
    else:
        _write_rows(fmt, report.compare_as_dicts(rows), report.COMPARE_FIELDS)


@cli.command()
@report_options
@_with_input_help
def phones(
    inputs: tuple[str, ...], fmt: str, skip_invalid: bool, year: int | None, width: int | None
) -> None:
    """Phone numbers: one row per number, with its labels and where it occurs.

    The number is written the Norwegian way (67 50 94 94; short numbers as
    written), with its E.164 form, type, every label seen, occurrences,
    documents and first date; the most frequent first.

    \b
    Example:
        kommunetekst phones seeds/
        kommunetekst extract seeds/ | kommunetekst phones --format csv
    """
    from ..reports import phones as report

    source, records = _load(inputs, year, skip_invalid, report.KINDS, "phone")
    rows = report.collect_phones(records)
    if fmt == "table":
        _print(report.build_phones_table(rows), width)
    else:
        _write_rows(fmt, report.phones_as_dicts(rows), report.PHONE_FIELDS)
    _done(source)


@cli.command()
@report_options
@_with_input_help
def percentages(
    inputs: tuple[str, ...], fmt: str, skip_invalid: bool, year: int | None, width: int | None
) -> None:
    """Percentages: value, unit, the year they are for, and their text.

    \b
    Example:
        kommunetekst percentages seeds/
        kommunetekst percentages records.jsonl --format jsonl | jq -c 'select(.year == 2018)'
    """
    from ..reports import listing as report

    source, records = _load(inputs, year, skip_invalid, report.PERCENTAGE_KINDS, "percentage")
    rows = report.collect_percentages(records)
    if fmt == "table":
        _print(report.build_percentages_table(rows), width)
    else:
        _write_rows(fmt, rows, report.PERCENTAGE_FIELDS)
    _done(source)


def _bullets(
    inputs: tuple[str, ...],
    fmt: str,
    skip_invalid: bool,
    year: int | None,
    width: int | None,
    category: str | None,
) -> None:
    from ..reports import listing as report

    source, records = _load(inputs, year, skip_invalid, report.BULLET_KINDS, "bullet")
    rows = report.collect_bullets(records, category)
    if fmt == "table":
        _print(report.build_bullets_table(rows, category), width)
    else:
        _write_rows(fmt, rows, report.BULLET_FIELDS)
    _done(source)


@cli.command()
@report_options
@click.option("--category", type=click.Choice(CATEGORIES), help="Only items of this category.")
@_with_input_help
def bullets(
    inputs: tuple[str, ...],
    fmt: str,
    skip_invalid: bool,
    year: int | None,
    width: int | None,
    category: str | None,
) -> None:
    """List items grouped by date, each with the lead-in line of its list.

    \b
    Example:
        kommunetekst bullets seeds/ --category challenge
        kommunetekst extract seeds/ | kommunetekst bullets --format csv > items.csv
    """
    _bullets(inputs, fmt, skip_invalid, year, width, category)


@cli.command()
@report_options
@_with_input_help
def decisions(
    inputs: tuple[str, ...], fmt: str, skip_invalid: bool, year: int | None, width: int | None
) -> None:
    """Decisions (list items of category decision) grouped by date: bullets --category decision.

    \b
    Example:
        kommunetekst decisions seeds/
    """
    _bullets(inputs, fmt, skip_invalid, year, width, "decision")


@cli.command()
@report_options
@_with_input_help
def timeline(
    inputs: tuple[str, ...], fmt: str, skip_invalid: bool, year: int | None, width: int | None
) -> None:
    """Every dated entry (date header) in date order; entries without a known date apart.

    \b
    Example:
        kommunetekst timeline seeds/
        kommunetekst timeline notes.txt --year 2020
    """
    from ..reports import listing as report

    source, records = _load(inputs, year, skip_invalid, report.TIMELINE_KINDS, "date_header")
    dated, undated = report.collect_timeline(records)
    if fmt == "table":
        _print(report.build_timeline_table(dated, undated), width)
    else:
        _write_rows(fmt, report.timeline_as_dicts(dated, undated), report.TIMELINE_FIELDS)
    _done(source)


@cli.command()
@report_options
@_with_input_help
def summary(
    inputs: tuple[str, ...], fmt: str, skip_invalid: bool, year: int | None, width: int | None
) -> None:
    """Records per kind per document, with encodings and the warnings met while reading.

    \b
    Example:
        kommunetekst summary seeds/
        kommunetekst extract corpus/ -o records.jsonl && kommunetekst summary records.jsonl
    """
    from ..reports import listing as report

    # Streamed: a summary of a corpus of any size needs only its counts in memory.
    source, result = _consume(inputs, year, skip_invalid, None, report.collect_summary)
    if not result.docs:
        click.echo("Warning: the input holds no records.", err=True)
    result.warnings = [*source.warnings, *source.errors]
    if source.skipped_lines:
        result.warnings.append(
            f"skipped {source.skipped_lines} invalid JSONL line(s) (--skip-invalid)."
        )
    if fmt == "table":
        _print(report.build_summary_table(result), width)
    else:
        _write_rows(fmt, report.summary_as_dicts(result), report.SUMMARY_FIELDS)
    _done(source)
