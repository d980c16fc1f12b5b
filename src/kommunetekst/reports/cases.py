"""The ``cases`` report: COVID-19 figures per date, a plain-ASCII plot, and self-contradictions.

It reads ``case_count`` records (and ``date_header`` records, to know the order
of the log from their dates) and builds one row per date and place. The rules, in the order they
apply:

Series (place)
    Totals and new cases belong to the place they name. A figure that names no
    place belongs to the main place of its document: the place its totals name
    most often (``246 smittede`` in a Bærum log is Bærum's). Hospitalised and
    deaths join a series only when they name its place; otherwise they join the
    main series and the cell shows their place (``18 (Asker og Bærum)``).

Log order and "the latest report wins"
    A report is a dated section of a document: the records under one date
    header, which each record names in its ``section``. The log's order is
    detected from its header dates: more steps down than up means newest first,
    as municipal news logs are. When one date has several totals, the report
    latest *in time* wins: in a newest-first log that is the one nearer the top
    (``123 … torsdag kveld``, line 143, beats ``111``, line 147). Within one
    section the first total is the section's figure. Across documents, the
    later document (in input order) wins. Reports that repeat the same total
    are collapsed into one row whose source lines name them all. Records of an
    older version, without ``section``, are placed in sections by the lines of
    the ``date_header`` records; with neither, consecutive records of one date
    form one section.

New cases
    "New (reported)" is the new figure of the winning total's sentence line,
    else of its section, else of the latest report of that date. "New (calc.)"
    is the total minus the previous total of the series, whatever the gap.

Contradictions (``--check``)
    - two different totals on one date (both lines shown, and which is used);
    - a total lower than the previous total of its series;
    - a reported increase that differs from the difference of the totals. An
      increase with a resolved ``since_date`` (``15 fra i går``) is compared
      with total(date) - total(since_date), and only when both totals are
      known. An increase that names no "since" and sits on the line of the
      date's total (``ikke meldt nye smittede …, tilsammen 423``) is compared
      with the previous total, but only when that is at most
      :data:`MAX_GAP_DAYS` days older: across a longer gap the log is missing
      reports. Other increases (``21 nye i helgen``) cannot be checked.

Figures without a date are left out (counted in :attr:`CaseSeries.undated`).

Filters (:class:`~kommunetekst.reports.filters.Filters`)
    ``--doc`` leaves out the figures of other documents before the series are built;
    ``--since``, ``--until`` and ``--place`` leave out rows (and contradictions) after, so
    "New (computed)" of the first row shown still counts from the total before it.
"""

from __future__ import annotations

import datetime as _dt
import math
import textwrap
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import parse_date
from .filters import Filters
from .schema import Record, compact_lines, doc_names, is_newest_first, source_ref

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from ._render import FitTable

METRICS = ("total", "new", "hospitalized", "deaths")
#: The kinds this report reads.
KINDS = frozenset({"case_count", "date_header"})
#: A reported new figure without a "since" is compared with a previous total at most this old
#: (Friday to Monday: a weekend without reports).
MAX_GAP_DAYS = 3


@dataclass(frozen=True, slots=True)
class Figure:
    """One ``case_count`` record as the report sees it."""

    metric: str
    value: int
    date: _dt.date
    place: str | None
    series: str | None  # casefolded place of the series it belongs to
    since: str | None
    since_date: _dt.date | None
    doc: str
    line: int | None
    text: str
    section: tuple[str, int]  # (doc, section number)
    rank: tuple[int, int, int]  # larger = later report in time

    @property
    def where(self) -> tuple[str, int | None]:
        return (self.doc, self.line)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One date of one series."""

    date: _dt.date
    place: str | None
    total: int | None
    totals_differ: bool  # several different totals were reported for this date
    new: int | None
    since: str | None
    since_date: _dt.date | None
    new_computed: int | None
    computed_from: _dt.date | None  # the date of the previous total
    hospitalized: int | None
    hospitalized_place: str | None  # set when it is not the row's place
    deaths: int | None
    sources: tuple[tuple[str, int | None], ...]  # (doc, line) of every figure of the row
    figures: int = 1  # how many figures (case_count records) the row stands for
    # metric -> (doc, line, text) of the figure each cell shows: its evidence
    cited: dict[str, tuple[str, int | None, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Contradiction:
    date: _dt.date
    place: str | None
    problem: str  # "two_totals", "decrease" or "increase"
    message: str
    sources: tuple[tuple[str, int | None], ...]


@dataclass(slots=True)
class CaseSeries:
    """Everything the cases report shows."""

    rows: list[CaseRow] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    newest_first: dict[str, bool] = field(default_factory=dict)  # doc -> log order
    undated: int = 0  # figures left out because they have no date
    doc_names: dict[str, str] = field(default_factory=dict)  # doc -> shortest unique path

    @property
    def docs(self) -> list[str]:
        return list(self.newest_first)

    @property
    def places(self) -> list[str | None]:
        return list(dict.fromkeys(r.place for r in self.rows))


def collect_cases(records: Iterable[Record], filters: Filters | None = None) -> CaseSeries:
    """Build the rows and the contradictions from records (any kinds; others are ignored).

    ``filters``: what to keep (see the module doc); it counts the figures it left out.
    """
    by_doc: dict[str, list[Record]] = defaultdict(list)
    headers: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        kind = r.get("kind")
        if kind == "case_count" and r.get("metric") in METRICS:
            if filters is None or filters.keep(doc=r["doc"], check_date=False):
                by_doc[r["doc"]].append(r)
        elif kind == "date_header":
            headers[r["doc"]].append(r)
    result = CaseSeries(doc_names=doc_names(by_doc))
    figures: list[Figure] = []
    display: dict[str | None, str | None] = {None: None}
    for doc_index, (doc, recs) in enumerate(by_doc.items()):
        recs.sort(key=_reading_order)
        doc_figures, newest_first, undated = _figures(
            doc, doc_index, recs, headers.get(doc, []), display
        )
        result.newest_first[doc] = newest_first
        result.undated += undated
        figures.extend(doc_figures)

    by_series: dict[str | None, dict[_dt.date, list[Figure]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for f in figures:
        by_series[f.series][f.date].append(f)
    for key in sorted(by_series, key=lambda k: (k is not None, k or "")):
        _series_rows(display[key], by_series[key], result)
    result.contradictions.sort(key=lambda c: (c.date, c.place or "", c.problem))
    if filters is not None:
        _apply_row_filters(result, filters)
    return result


def _apply_row_filters(series: CaseSeries, filters: Filters) -> None:
    """Leave out the rows and contradictions outside the dates or of another place."""
    series.rows = [
        r
        for r in series.rows
        if filters.keep(date=r.date, place=r.place, check_place=True, weight=r.figures)
    ]
    series.contradictions = [
        c for c in series.contradictions if filters.date_ok(c.date) and filters.place_ok(c.place)
    ]


def _reading_order(r: Record) -> tuple[int, int]:
    span = r.get("span")
    start = span[0] if isinstance(span, list) and span and isinstance(span[0], int) else 0
    return (r.get("line") or 0, start)


def _figures(
    doc: str,
    doc_index: int,
    recs: list[Record],
    headers: list[Record],
    display: dict[str | None, str | None],
) -> tuple[list[Figure], bool, int]:
    headers = sorted((h for h in headers if isinstance(h.get("line"), int)), key=_reading_order)
    dated = [r for r in recs if parse_date(r.get("date")) is not None]
    header_dates = [parse_date(h.get("date")) for h in headers]
    figure_dates = [parse_date(r.get("date")) for r in dated]
    newest_first = is_newest_first([d for d in header_dates if d] or [d for d in figure_dates if d])

    section_of = _section_numbers(dated, headers)

    # The main place: the one the document's totals name most often (ties: the first named).
    named = Counter(
        r["place"].casefold() for r in dated if r.get("metric") == "total" and r.get("place")
    )
    main = max(named, key=lambda p: named[p]) if named else None
    out = []
    for r in dated:
        place = r.get("place") or None
        key = place.casefold() if place else None
        if key is not None:
            display.setdefault(key, place)
        if r["metric"] in ("total", "new"):
            series = key if key is not None else main
        else:
            series = key if key in named else main
        section = section_of[id(r)]
        span = r.get("span")
        start = span[0] if isinstance(span, list) and span and isinstance(span[0], int) else 0
        out.append(
            Figure(
                metric=r["metric"],
                value=r["value"],
                date=parse_date(r["date"]),  # type: ignore[arg-type]
                place=place,
                series=series,
                since=r.get("since") or None,
                since_date=parse_date(r.get("since_date")),
                doc=doc,
                line=r.get("line"),
                text=r.get("text") or "",
                section=(doc, section),
                rank=(doc_index, -section if newest_first else section, -start),
            )
        )
    return out, newest_first, len(recs) - len(dated)


def _section_numbers(dated: list[Record], headers: list[Record]) -> dict[int, int]:
    """The section number of each record (by ``id``), counted in reading order.

    A section is the records under one date header: those with the same ``section``,
    one after the other. Records written before ``section`` existed (record schema 1)
    lack it; their sections are worked out from the lines of the ``date_header``
    records. Without either (``extract --only case_count`` of a document without
    headers), consecutive records of one date form one section.
    """
    keys: list[object]
    if any(r.get("section") is not None for r in dated):
        keys = [r.get("section") for r in dated]
    elif headers:
        header_lines = [h["line"] for h in headers]
        keys = [bisect_right(header_lines, r.get("line") or 0) for r in dated]
    else:
        keys = [r.get("date") for r in dated]
    numbers: dict[int, int] = {}
    previous: object = object()
    number = -1
    for r, key in zip(dated, keys, strict=True):
        if key != previous:
            previous, number = key, number + 1
        numbers[id(r)] = number
    return numbers


def _latest(figures: list[Figure]) -> Figure | None:
    return max(figures, key=lambda f: f.rank) if figures else None


def _refs(names: dict[str, str], *figures: Figure) -> list[str]:
    """``line 45`` when all figures come from one document, else ``a.txt:45`` (the shortest
    unique path of the document)."""
    one_doc = len({f.doc for f in figures}) == 1
    return [
        f"line {f.line}" if one_doc else source_ref(names.get(f.doc, f.doc), f.line)
        for f in figures
    ]


def _ref_pair(names: dict[str, str], a: Figure, b: Figure) -> str:
    """``lines 45 and 65`` (one document) or ``a.txt:45 and b.txt:65``."""
    if a.where == b.where:
        return _refs(names, a)[0]
    if a.doc == b.doc:
        return f"lines {a.line} and {b.line}"
    return " and ".join(_refs(names, a, b))


def _series_rows(place: str | None, dates: dict[_dt.date, list[Figure]], out: CaseSeries) -> None:
    totals: dict[_dt.date, Figure] = {}  # the winning total of each date
    previous: Figure | None = None
    for day in sorted(dates):
        figs = dates[day]
        by_metric: dict[str, list[Figure]] = defaultdict(list)
        for f in figs:
            by_metric[f.metric].append(f)
        win = _latest(by_metric["total"])
        differ = len({f.value for f in by_metric["total"]}) > 1
        if win is not None:
            totals[day] = win
            if differ:
                _two_totals(place, day, win, by_metric["total"], out)
            if previous is not None and win.value < previous.value:
                a, b = _refs(out.doc_names, previous, win)
                out.contradictions.append(
                    Contradiction(
                        day,
                        place,
                        "decrease",
                        f"the total goes down from {previous.value} on {previous.date} ({a}) "
                        f"to {win.value} on {day} ({b})",
                        (previous.where, win.where),
                    )
                )
        new = _chosen_new(by_metric["new"], win)
        hosp = _latest(by_metric["hospitalized"])
        deaths = _latest(by_metric["deaths"])
        out.rows.append(
            CaseRow(
                date=day,
                place=place,
                total=win.value if win else None,
                totals_differ=differ,
                new=new.value if new else None,
                since=new.since if new else None,
                since_date=new.since_date if new else None,
                new_computed=win.value - previous.value if win and previous else None,
                computed_from=previous.date if win and previous else None,
                hospitalized=hosp.value if hosp else None,
                hospitalized_place=hosp.place
                if hosp and (hosp.place or "").casefold() != (place or "").casefold()
                else None,
                deaths=deaths.value if deaths else None,
                sources=tuple(
                    dict.fromkeys(f.where for f in sorted(figs, key=lambda f: (f.doc, f.line or 0)))
                ),
                figures=len(figs),
                cited={
                    metric: (f.doc, f.line, f.text)
                    for metric, f in (
                        ("total", win),
                        ("new", new),
                        ("hospitalized", hosp),
                        ("deaths", deaths),
                    )
                    if f is not None
                },
            )
        )
        _check_increases(place, day, by_metric["new"], win, totals, previous, out)
        if win is not None:
            previous = win


def _two_totals(
    place: str | None, day: _dt.date, win: Figure, totals: list[Figure], out: CaseSeries
) -> None:
    first_of_value: dict[int, Figure] = {}
    for f in sorted(totals, key=lambda f: f.rank, reverse=True):
        first_of_value.setdefault(f.value, f)
    shown = [win, *(f for v, f in first_of_value.items() if v != win.value)]
    refs = _refs(out.doc_names, *shown)
    listed = " and ".join(f"{f.value} ({ref})" for f, ref in zip(shown, refs, strict=True))
    out.contradictions.append(
        Contradiction(
            day,
            place,
            "two_totals",
            f"two different totals on {day}: {listed}; "
            f"the latest report, {win.value} ({refs[0]}), is used",
            tuple(f.where for f in shown),
        )
    )


def _chosen_new(news: list[Figure], win: Figure | None) -> Figure | None:
    if win is not None:
        same_line = [f for f in news if f.where == win.where]
        same_section = [f for f in news if f.section == win.section]
        return _latest(same_line) or _latest(same_section) or _latest(news)
    return _latest(news)


def _check_increases(
    place: str | None,
    day: _dt.date,
    news: list[Figure],
    win: Figure | None,
    totals: dict[_dt.date, Figure],
    previous: Figure | None,
    out: CaseSeries,
) -> None:
    if win is None:
        return
    seen: set[tuple[int, str | None, _dt.date | None]] = set()
    for f in sorted(news, key=lambda f: f.rank, reverse=True):
        key = (f.value, f.since, f.since_date)
        if key in seen:
            continue
        seen.add(key)
        if f.since_date is not None:
            base = totals.get(f.since_date) if f.since_date < day else None
        elif f.since is None and f.where == win.where and previous is not None:
            base = previous if (day - previous.date).days <= MAX_GAP_DAYS else None
        else:
            base = None
        if base is None or win.value - base.value == f.value:
            continue
        since = f"since {base.date}" if f.since_date is None else f"since {f.since} ({base.date})"
        new_ref = _refs(out.doc_names, f, win, base)[0]
        pair = _ref_pair(out.doc_names, win, base)
        out.contradictions.append(
            Contradiction(
                day,
                place,
                "increase",
                f'"{f.text}" ({new_ref}) says +{f.value} {since}, but the totals give '
                f"{win.value} - {base.value} = {win.value - base.value} ({pair})",
                tuple(dict.fromkeys((f.where, win.where, base.where))),
            )
        )


# -- machine formats ---------------------------------------------------------------------------

CASE_FIELDS = (
    "date",
    "place",
    "total",
    "new",
    "since",
    "since_date",
    "new_computed",
    "computed_from",
    "hospitalized",
    "hospitalized_place",
    "deaths",
    "totals_differ",
    "sources",
)
CHECK_FIELDS = ("date", "place", "problem", "message", "sources")


def cases_as_dicts(series: CaseSeries) -> list[dict[str, Any]]:
    """The rows as flat dicts (keys :data:`CASE_FIELDS`); ``sources`` is a list of ``doc:line``."""
    return [{name: _plain(getattr(r, name)) for name in CASE_FIELDS} for r in series.rows]


def contradictions_as_dicts(series: CaseSeries) -> list[dict[str, Any]]:
    """The contradictions as flat dicts (keys :data:`CHECK_FIELDS`)."""
    found = series.contradictions
    return [{name: _plain(getattr(c, name)) for name in CHECK_FIELDS} for c in found]


def _plain(value: object) -> object:
    """A field of a row as JSON and CSV write it: a date in ISO, ``sources`` as ``doc:line``."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):  # sources: (doc, line) pairs
        return [source_ref(doc, line) for doc, line in value]
    return value


# -- Rich renderables ---------------------------------------------------------------------------


def _caption(series: CaseSeries) -> str:
    parts = []
    if len(series.docs) == 1:
        order = "newest first" if series.newest_first[series.docs[0]] else "oldest first"
        parts.append(f"{series.docs[0]} (log order: {order})")
    else:
        parts.append(f"{len(series.docs)} documents")
    if series.undated:
        parts.append(
            f"{series.undated} figure{'s' if series.undated != 1 else ''} without a date left out"
        )
    return "; ".join(parts)


def build_cases_table(series: CaseSeries) -> FitTable:
    """One row per date (and place): total, new (reported, computed), hospitalized, deaths.

    The headers name the fields of ``--format csv``; Sources are ``line`` numbers for one
    document, else ``doc:line`` with each document's shortest unique path.
    """
    from ._render import Column, FitTable

    several_places = len(series.places) > 1
    single_doc = len(series.docs) == 1
    caption = _caption(series)
    if any(r.totals_differ for r in series.rows):
        caption += "\n* several totals that day; the latest report is shown (see --check)"
    caption += "\nNew computed = the total minus the previous total of its place."
    columns = [Column("Date", "code")]
    if several_places:
        columns.append(Column("Place"))
    columns += [
        Column("Total", "number"),
        Column("New", "number"),
        Column("Since"),
        Column("New computed", "number", short="Calc."),
        Column("Hospitalized", short="Hosp."),
        Column("Deaths", "number"),
        Column("Sources"),
    ]
    table = FitTable("COVID-19 cases", columns, caption)
    for r in series.rows:
        total = "" if r.total is None else str(r.total)
        if r.totals_differ:
            total += "*"
        since = r.since or ""
        if r.since_date:
            since = f"{since} ({r.since_date:%d.%m})" if since else f"{r.since_date}"
        hosp = "" if r.hospitalized is None else str(r.hospitalized)
        if r.hospitalized_place and hosp:
            hosp += f" ({r.hospitalized_place})"
        cells = [
            str(r.date),
            total,
            _num(r.new),
            since,
            "" if r.new_computed is None else f"{r.new_computed:+d}",
            hosp,
            _num(r.deaths),
            compact_lines(r.sources, single_doc, series.doc_names),
        ]
        if several_places:
            cells.insert(1, r.place or "-")
        table.add_row(*cells)
    return table


def _num(v: int | None) -> str:
    return "" if v is None else str(v)


def build_check_table(series: CaseSeries) -> RenderableType:
    """The contradictions, each with its source lines; a one-line text when there are none."""
    from rich.text import Text

    from ._render import Column, FitTable

    n = len(series.contradictions)
    if not n:
        return Text(f"No contradictions found in {len(series.rows)} dates of case figures.")
    several_places = len(series.places) > 1
    columns = [Column("Date", "code")]
    if several_places:
        columns.append(Column("Place"))
    columns += [Column("Problem", "code"), Column("Message")]
    table = FitTable(
        f"{n} contradiction{'s' if n != 1 else ''} in the case figures", columns, _caption(series)
    )
    for c in series.contradictions:
        cells = [str(c.date), c.problem, c.message]
        if several_places:
            cells.insert(1, c.place or "-")
        table.add_row(*cells)
    return table


# -- the ASCII plot ------------------------------------------------------------------------------

_MARKS = "*o+x#@%&"
_TRANSLIT = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "aa", "Å": "Aa", "ß": "ss"}
)


def to_ascii(s: str) -> str:
    """Printable ASCII for plot labels: Norwegian letters spelt out, accents dropped.

    >>> to_ascii("Bærum, Ås og Tromsø \u2013 Genève")
    'Baerum, Aas og Tromso - Geneve'
    """
    s = unicodedata.normalize(
        "NFKD", s.translate(_TRANSLIT).replace("\u2013", "-").replace("\u2014", "-")
    )
    return "".join(c if " " <= c <= "~" else ("" if unicodedata.combining(c) else "?") for c in s)


def nice_step(raw: float) -> int:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is >= ``raw`` (at least 1).

    >>> [nice_step(x) for x in (0, 0.6, 17, 49.2, 84.6, 105)]
    [1, 1, 20, 50, 100, 200]
    """
    if raw <= 1:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw and float(m * power).is_integer():
            return int(m * power)
    return int(10 * power)  # pragma: no cover


def ascii_plot(series: CaseSeries, width: int = 80, rows_per_tick: int = 3) -> Text:
    """The totals over time on a true time axis, in printable ASCII only, at most ``width`` wide.

    Each date with a total is a mark at its day; days without a report stay empty
    columns. Several places get different marks and a legend.
    """
    from rich.text import Text

    points: dict[str | None, list[tuple[_dt.date, int]]] = defaultdict(list)
    for r in series.rows:
        if r.total is not None and r.total >= 0:  # a negative count is no figure to plot
            points[r.place].append((r.date, r.total))
    if not points:
        return Text("No case totals to plot.")
    days = sorted({d for pts in points.values() for d, _ in pts})
    first, last = days[0], days[-1]
    top = max(v for pts in points.values() for _, v in pts)
    step = nice_step(top / 5)
    ticks = max(1, math.ceil(top / step))
    ymax = ticks * step
    height = ticks * rows_per_tick + 1
    label_w = len(str(ymax))
    plot_w = max(
        10, width - label_w - 2 - 3
    )  # "label |" on the left, room for a date label on the right
    span = (last - first).days

    def col(d: _dt.date) -> int:
        return round((d - first).days * (plot_w - 1) / span) if span else 0

    grid = [[" "] * plot_w for _ in range(height)]
    for mark, pts in zip(_MARKS, points.values(), strict=False):
        for d, v in pts:
            y = height - 1 - round(v * (height - 1) / ymax)
            cell = grid[y][col(d)]
            grid[y][col(d)] = mark if cell in (" ", mark) else "#"

    places = [p for p in points if p is not None]
    where = f" in {to_ascii(places[0])}" if len(points) == 1 and places else ""
    lines = textwrap.wrap(f"Total COVID-19 cases{where}, {first} to {last}", width)
    if len(points) > 1:
        legend = "   ".join(
            f"{m} {to_ascii(p or '(no place)')}" for m, p in zip(_MARKS, points, strict=False)
        )
        lines.extend(textwrap.wrap(legend, width))
    lines.append("")
    for i, row in enumerate(grid):
        value = (
            (height - 1 - i) * ymax // (height - 1)
            if (height - 1 - i) % rows_per_tick == 0
            else None
        )
        label = "" if value is None else str(value)
        lines.append(f"{label:>{label_w}} |{''.join(row)}".rstrip())

    labels = _x_labels([(col(d), f"{d:%d.%m}") for d in days], plot_w)
    axis = ["-"] * plot_w
    for c, _ in labels:
        axis[c] = "+"
    lines.append(f"{'':>{label_w}} +{''.join(axis)}")
    under = [" "] * (label_w + 2 + plot_w + 3)
    for c, text in labels:
        start = label_w + 2 + c - len(text) // 2
        under[start : start + len(text)] = list(text)
    lines.append("".join(under).rstrip())
    per_col = span / (plot_w - 1) if span else 0
    scale = f", 1 column = {per_col:.1f} days" if per_col else ""
    lines.extend(
        textwrap.wrap(
            f"x: date{scale}; y: total cases. Blank columns are days without a report.", width
        )
    )
    return Text("\n".join(line[:width] for line in lines), no_wrap=True, overflow="crop")


def _x_labels(candidates: list[tuple[int, str]], plot_w: int) -> list[tuple[int, str]]:
    """Date labels that do not overlap: the first and the last, then others left to right.

    >>> _x_labels([(0, "16.03"), (3, "17.03"), (9, "19.03"), (40, "26.06")], 41)
    [(0, '16.03'), (9, '19.03'), (40, '26.06')]
    """
    unique = list(dict.fromkeys(candidates))
    if not unique:
        return []

    def extent(c: int, text: str) -> tuple[int, int]:
        start = c - len(text) // 2
        return start, start + len(text)

    chosen = [unique[0]]
    last = (
        unique[-1] if len(unique) > 1 and extent(*unique[-1])[0] > extent(*unique[0])[1] else None
    )
    for c, text in unique[1:-1]:
        s, e = extent(c, text)
        if s > extent(*chosen[-1])[1] and (last is None or e < extent(*last)[0]):
            chosen.append((c, text))
    if last is not None:
        chosen.append(last)
    return chosen
