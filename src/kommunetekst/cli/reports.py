"""The report commands: ``cases``, ``phones``, ``percentages``, ``bullets``, ``decisions``,
``timeline`` and ``summary``.

Each reads records (see ``_report_input``), hands them to a builder in
``kommunetekst.reports`` and prints what comes back: a Rich renderable for
``--format table``, rows through the csv module or orjson for ``csv``/``jsonl``.
Rich and the report modules are imported inside the commands, so
``kommunetekst --help`` stays fast.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gc
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..lists import CATEGORIES
from ..reports.filters import Filters, parse_day
from ._app import cli
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


@dataclass
class ReportOptions:
    """What every report command is given besides its own options."""

    inputs: tuple[str, ...]
    fmt: str
    skip_invalid: bool
    year: int | None
    width: int | None
    filters: Filters


class DayType(click.ParamType[_dt.date, Any]):
    """A date for --since/--until: 2020-03-25, 25.03.2020 or 25.03.20."""

    name = "DATE"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> _dt.date:
        if isinstance(value, _dt.date):
            return value
        try:
            return parse_day(str(value))
        except ValueError as e:
            self.fail(str(e), param, ctx)


def report_options(
    *, place: bool = False, category: bool = False, formats: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """INPUT... and the options every report has, packed into one ``opts: ReportOptions``.

    ``place``, ``category``, ``formats``: whether the report takes --place / --category /
    --format.
    """

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def command(
            inputs: tuple[str, ...],
            skip_invalid: bool,
            year: int | None,
            width: int | None,
            since: _dt.date | None,
            until: _dt.date | None,
            docs: tuple[str, ...],
            fmt: str = "table",
            **rest: Any,
        ) -> Any:
            if since and until and since > until:
                raise click.BadParameter(
                    f"--since {since} is after --until {until}; swap them.", param_hint="--since"
                )
            filters = Filters(
                since, until, rest.pop("place", None), docs, rest.pop("category", None)
            )
            opts = ReportOptions(inputs, fmt.lower(), skip_invalid, year, width, filters)
            return f(opts, **rest)

        options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
            click.argument("inputs", nargs=-1, metavar="[INPUT]...")
        ]
        if formats:
            options.append(
                click.option(
                    "fmt",
                    "--format",
                    type=click.Choice(FORMATS, case_sensitive=False),
                    default="table",
                    show_default=True,
                    help="A table for people, or csv / jsonl for machines.",
                )
            )
        options += [
            click.option(
                "--since", type=DayType(), help="Only what is dated on or after this date."
            ),
            click.option(
                "--until", type=DayType(), help="Only what is dated on or before this date."
            ),
            click.option(
                "docs",
                "--doc",
                multiple=True,
                metavar="GLOB",
                help="Only documents whose path (or its end) matches, e.g. 'baerum/*'; repeatable.",
            ),
        ]
        if place:
            options.append(
                click.option("--place", help="Only the case figures of this place (any case).")
            )
        if category:
            options.append(
                click.option(
                    "--category",
                    type=click.Choice(CATEGORIES, case_sensitive=False),
                    help="Only list items of this category.",
                )
            )
        options += [
            click.option(
                "--skip-invalid",
                is_flag=True,
                help="Skip JSONL lines that are not records; say how many on stderr.",
            ),
            click.option(
                "--year",
                type=click.IntRange(1900, 2100),
                help="Year for dates a text INPUT gives without one (JSONL: set by extract).",
            ),
            click.option(
                "--width",
                type=click.IntRange(40, 1000),
                metavar="COLUMNS",
                help="Width of table and plot output [default: the terminal's; 80 in a pipe].",
            ),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _load(
    opts: ReportOptions, kinds: Iterable[str] | None, main_kind: str | None = None
) -> tuple[ReportInput, list[dict[str, Any]]]:
    """Read every record of the report's INPUT (see :func:`_consume`).

    ``main_kind``: the kind the report is about; a warning says so when the input has none.
    """
    source, records = _consume(opts, kinds, list)
    if not records:
        click.echo("Warning: the input holds no records.", err=True)
    elif main_kind and not any(r["kind"] == main_kind for r in records):
        click.echo(f"Warning: the input holds no {main_kind} records.", err=True)
    return source, records


def _consume(
    opts: ReportOptions,
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
        opts.inputs, opts.year, opts.skip_invalid, piped=_report_input.stdin_is_piped()
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
    for line in source.problem_lines():
        click.echo(line, err=True)
    if source.year is not None and source.jsonl_inputs:
        files = ", ".join(source.jsonl_inputs[:3]) + (", …" if len(source.jsonl_inputs) > 3 else "")
        click.echo(
            f"Warning: --year applies to text INPUT only; the dates of JSONL input ({files}) "
            "were set when it was extracted: run kommunetekst extract … --year "
            f"{source.year} again to date it.",
            err=True,
        )


def _note_left_out(filters: Filters, noun: str) -> None:
    """Say on stderr what the filters left out (the output itself never says it in CSV)."""
    note = filters.note(noun)
    if note:
        click.echo(f"Note: {note}", err=True)


def _note_undated(source: ReportInput, n: int, noun: str) -> None:
    """Say on stderr that ``n`` figures were left out for want of a date, and what to do."""
    if not n:
        return
    how = (
        "extract the texts again with --year YYYY"
        if source.jsonl_inputs and not source.text_inputs
        else "pass --year YYYY if the texts leave out the year"
    )
    click.echo(f"Note: {n} {noun} without a date left out; {how}.", err=True)


def _note_empty(rows: Sequence[object], noun: str, fmt: str) -> None:
    """In CSV/JSONL an empty result is a header or nothing: say so on stderr."""
    if not rows and fmt != "table":
        click.echo(f"Note: no {noun} to write.", err=True)


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


def _show(
    opts: ReportOptions,
    table: Callable[[], RenderableType],
    rows: Callable[[], Sequence[dict[str, Any]]],
    fields: Sequence[str],
    noun: str,
) -> None:
    """The report as a table, or its rows as CSV or JSONL (``noun`` names them when none)."""
    if opts.fmt == "table":
        _print(table(), opts.width)
    else:
        found = rows()
        _note_empty(found, noun, opts.fmt)
        _write_rows(opts.fmt, found, fields)


def _done(source: ReportInput, failed: bool = False) -> None:
    if source.errors or failed:
        sys.exit(1)


def _with_input_help(f: Callable[..., Any]) -> Callable[..., Any]:
    """Append the INPUT paragraph to a command's help, before its Example block."""
    doc = f.__doc__ or ""
    head, sep, example = doc.partition("\n    \b\n    Example:")  # click's \b (backspace) marker
    f.__doc__ = head.rstrip() + "\n" + INPUT_HELP + (sep + example if sep else "")
    return f


@cli.command(short_help="COVID-19 case figures per date and place; --check, --plot.")
@report_options(place=True)
@click.option(
    "--plot-ascii",
    is_flag=True,
    help="Draw the totals over time in plain ASCII instead of the table.",
)
@click.option(
    "--plot",
    "plot_file",
    metavar="FILE",
    help="Write the case curve as a chart: FILE.svg, or FILE.png with the png extra.",
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
    opts: ReportOptions,
    plot_ascii: bool,
    plot_file: str | None,
    check: bool,
    compare_with: str | None,
) -> None:
    """COVID-19 case figures per date: total, new, hospitalized, deaths.

    One row per date (and place, when the texts give several). Repeated reports
    are collapsed; when one date has different totals, the latest report wins
    (a newest-first log is detected from its header dates). --check lists
    reported increases that differ from the difference of the totals, totals
    that go down and dates with two totals. --plot writes the curve as a chart
    (SVG; PNG with the png extra) with the contradictions marked.

    \b
    Example:
        kommunetekst extract seeds/ | kommunetekst cases --plot-ascii
        kommunetekst cases seeds/ --check
        kommunetekst cases seeds/ --plot cases.svg --since 2020-03-20
        kommunetekst cases records.jsonl --format csv > cases.csv
        kommunetekst cases seeds/ --compare --format csv
    """
    if plot_ascii and opts.fmt != "table":
        raise click.UsageError(
            "--plot-ascii draws text; leave out --format csv/jsonl, or drop --plot-ascii."
        )
    if plot_file is not None:
        _check_plot_path(plot_file)
    from ..reports import cases as report

    source, records = _load(opts, report.KINDS, "case_count")
    series = report.collect_cases(records, opts.filters)
    _note_undated(source, series.undated, "case figures")
    _note_left_out(opts.filters, "case figures")
    if compare_with is not None:
        _compare(series, compare_with, opts.fmt, opts.width)
        _done(source)
        return
    if plot_file is not None:
        _write_plot(series, plot_file)
    if opts.fmt != "table":
        if check:
            rows = report.contradictions_as_dicts(series)
            _note_empty(rows, "contradictions", opts.fmt)
            _write_rows(opts.fmt, rows, report.CHECK_FIELDS)
        else:
            rows = report.cases_as_dicts(series)
            _note_empty(rows, "case rows", opts.fmt)
            _write_rows(opts.fmt, rows, report.CASE_FIELDS)
    elif plot_file is None or plot_ascii or check:
        if plot_ascii:
            from rich.console import Console

            _print(report.ascii_plot(series, opts.width or Console().width), opts.width)
        if check:
            _print(report.build_check_table(series), opts.width)
        elif not plot_ascii:
            _print(report.build_cases_table(series), opts.width)
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


def _check_plot_path(path: str) -> None:
    from ._io import check_output_path

    if not path.lower().endswith((".svg", ".png")):
        raise click.BadParameter(
            f"{path}: give a file name ending in .svg or .png.", param_hint="--plot"
        )
    try:
        check_output_path(path)
    except click.BadParameter as e:
        e.param_hint = "--plot"
        raise


def _write_plot(series: Any, path: str) -> None:
    """Write the chart atomically; say where on stderr."""
    from ..reports.chart import MissingExtraError, build_cases_svg, svg_to_png

    svg = build_cases_svg(series)
    try:
        data = svg_to_png(svg) if path.lower().endswith(".png") else svg.encode("utf-8")
    except MissingExtraError as e:
        raise click.ClickException(str(e)) from None
    _write_file(path, data, "the chart")
    click.echo(f"Wrote {path} ({len(series.rows)} dates).", err=True)


def _write_file(path: str, data: bytes, what: str) -> None:
    from ._io import AtomicOutput, output_error

    try:
        with AtomicOutput(path) as fh:
            fh.write(data)
    except OSError as e:
        raise output_error(f"{what} to {path}", e, "nothing was written") from None


@cli.command(short_help="Phone numbers with their labels, one row per number.")
@report_options()
@_with_input_help
def phones(opts: ReportOptions) -> None:
    """Phone numbers: one row per number, with its labels and where it occurs.

    The number is written the Norwegian way (67 50 94 94; short numbers as
    written), with its type, every label seen, occurrences, documents and first
    date; the most frequent first. The CSV/JSONL fields are the records' own:
    number (E.164), display, type, labels, occurrences, docs, first_date.

    \b
    Example:
        kommunetekst phones seeds/
        kommunetekst extract seeds/ | kommunetekst phones --format csv
    """
    from ..reports import phones as report

    source, records = _load(opts, report.KINDS, "phone")
    rows = report.collect_phones(records, opts.filters)
    _note_left_out(opts.filters, "phone occurrences")
    _show(
        opts,
        lambda: report.build_phones_table(rows),
        lambda: report.phones_as_dicts(rows),
        report.PHONE_FIELDS,
        "phone numbers",
    )
    _done(source)


@cli.command(short_help="Percentages with their unit, year and text.")
@report_options()
@_with_input_help
def percentages(opts: ReportOptions) -> None:
    """Percentages: value, unit, the year they are for, and their text.

    \b
    Example:
        kommunetekst percentages seeds/
        kommunetekst percentages records.jsonl --format jsonl | jq -c 'select(.year == 2018)'
    """
    from ..reports import listing as report

    source, records = _load(opts, report.PERCENTAGE_KINDS, "percentage")
    rows = report.collect_percentages(records, opts.filters)
    _note_left_out(opts.filters, "percentages")
    _show(
        opts,
        lambda: report.build_percentages_table(rows),
        lambda: rows,
        report.PERCENTAGE_FIELDS,
        "percentages",
    )
    _done(source)


def _bullets(opts: ReportOptions, category: str | None) -> None:
    from ..reports import listing as report

    source, records = _load(opts, report.BULLET_KINDS, "bullet")
    rows = report.collect_bullets(records, category, opts.filters)
    _note_left_out(opts.filters, "list items")
    shown = category or opts.filters.category
    _show(
        opts,
        lambda: report.build_bullets_table(rows, shown),
        lambda: rows,
        report.BULLET_FIELDS,
        "list items",
    )
    _done(source)


@cli.command(short_help="List items by date, with the lead-in of their list.")
@report_options(category=True)
@_with_input_help
def bullets(opts: ReportOptions) -> None:
    """List items grouped by date, each with the lead-in line of its list.

    Categories come from the lead-in: decision, discussed (talked over, not
    decided: "Kriseledelsen har blant annet diskutert:"), result, challenge,
    news, fact, need, topic, other.

    \b
    Example:
        kommunetekst bullets seeds/ --category discussed
        kommunetekst extract seeds/ | kommunetekst bullets --format csv > items.csv
    """
    _bullets(opts, None)


@cli.command(short_help="Decisions by date: the list items of category decision.")
@report_options()
@_with_input_help
def decisions(opts: ReportOptions) -> None:
    """Decisions grouped by date: the list items of category decision.

    The same as bullets --category decision. Items the team only discussed
    ("Kriseledelsen har blant annet diskutert:") are not decisions: see
    bullets --category discussed.

    \b
    Example:
        kommunetekst decisions seeds/
        kommunetekst decisions seeds/ --since 2020-03-25 --until 2020-03-25
    """
    _bullets(opts, "decision")


@cli.command(short_help="Every dated entry (date header) in date order.")
@report_options()
@_with_input_help
def timeline(opts: ReportOptions) -> None:
    """Every dated entry (date header) in date order; entries without a known date apart.

    \b
    Example:
        kommunetekst timeline seeds/
        kommunetekst timeline notes.txt --year 2020
    """
    from ..reports import listing as report

    source, records = _load(opts, report.TIMELINE_KINDS, "date_header")
    dated, undated = report.collect_timeline(records, opts.filters)
    _note_left_out(opts.filters, "entries")
    _show(
        opts,
        lambda: report.build_timeline_table(dated, undated),
        lambda: report.timeline_as_dicts(dated, undated),
        report.TIMELINE_FIELDS,
        "entries",
    )
    _done(source)


@cli.command(short_help="Records per kind per document, with encodings and warnings.")
@report_options()
@_with_input_help
def summary(opts: ReportOptions) -> None:
    """Records per kind per document, with encodings and the warnings met while reading.

    \b
    Example:
        kommunetekst summary seeds/
        kommunetekst extract corpus/ -o records.jsonl && kommunetekst summary records.jsonl
    """
    from ..reports import listing as report

    # Streamed: a summary of a corpus of any size needs only its counts in memory.
    source, result = _consume(
        opts, None, functools.partial(report.collect_summary, filters=opts.filters)
    )
    if not result.docs:
        click.echo("Warning: the input holds no records.", err=True)
    _note_left_out(opts.filters, "records")
    result.warnings = [*source.warnings, *source.errors]
    if source.skipped_lines:
        result.warnings.append(
            f"skipped {source.skipped_lines} invalid JSONL line(s) (--skip-invalid)."
        )
    if opts.fmt == "table":
        _print(report.build_summary_table(result), opts.width)
    else:
        _write_rows(opts.fmt, report.summary_as_dicts(result), report.SUMMARY_FIELDS)
    _done(source)


from . import html_report as _html_report  # noqa: E402,F401  (registers the report command)
