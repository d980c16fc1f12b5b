"""``cases --compare``: the text's case totals beside the official MSIS series.

For each date and place of the cases report whose place is a municipality (matched by
name through :mod:`kommunetekst.gazetteer`, old names too), the official cumulative
count of confirmed cases for that municipality and date, and the difference (text minus
register).

The register and a municipality's bulletin count at different hours: MSIS publishes a
snapshot at 04:00, a bulletin reports during the day, so the register often shows the
bulletin's figure a day or two later. The comparison therefore also fits a lag per
municipality: the shift of 0, 1 or 2 days (the register's date = the text's date + lag)
that makes the mean absolute difference smallest over the dates both have (ties: the
smaller lag). A row is flagged when the difference at that lag is larger than the
tolerance: :data:`TOLERANCE_CASES` cases or :data:`TOLERANCE_SHARE` of the official
figure, whichever is larger. Small differences are normal and not flagged.

The official series is read from CSV text (:func:`read_official`) in either shape FHI and
covid19data.no publish:

- long: one row per date and municipality, with a date column (``date``, ``dato``), the
  municipality by number (``kommune_no``, ``kommune_no_2020``, ``location_code`` such as
  ``municip3024``, ``knr``) and/or by name (``kommune_name``, ``location_name``, ``kommune``),
  and a count (``cumulative_cases``, ``cases``, ``n``, ``value``, ``antall``);
- wide: one row per municipality, one column per date (``2020-03-26``).

Numbers of any period (2019, 2020–2023, from 2024) are turned into 2020 numbers.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..document import iso
from ..errors import KommunetekstError
from ..gazetteer import kommune_name, kommune_no, to_2020
from .cases import CaseSeries

if TYPE_CHECKING:
    from rich.table import Table

#: A difference of up to this many cases is not flagged ...
TOLERANCE_CASES = 3
#: ... nor one of up to this share of the official figure, when that is larger.
TOLERANCE_SHARE = 0.05
#: The lags tried: the register shows the text's figure this many days later.
LAGS = (0, 1, 2)

Official = dict[tuple[str, _dt.date], int]

_DATE_NAMES = ("date", "dato", "day", "dag")
_NUMBER_NAMES = ("kommune_no_2020", "kommune_no", "kommunenr", "kommunenummer", "knr",
                 "location_code", "municipality_code", "code")  # fmt: skip
_NAME_NAMES = ("kommune_name", "kommunenavn", "location_name", "kommune", "municipality", "name",
               "navn")  # fmt: skip
_COUNT_NAMES = ("cumulative_cases", "cumulative", "kumulativt", "cases", "antall", "n", "value",
                "count")  # fmt: skip


class OfficialSeriesError(KommunetekstError):
    """The official series could not be read."""


def _column(header: list[str], names: Iterable[str]) -> int | None:
    lowered = [h.strip().casefold() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def _date(value: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _municipality(number: str | None, name: str | None) -> str | None:
    """The 2020 number of a row's municipality: by its number of any period, else its name."""
    if number:
        digits = "".join(c for c in number if c.isdigit())
        if digits:
            found = to_2020(digits)
            if len(found) == 1:
                return found[0]
    if name:
        return kommune_no(name)
    return None


def read_official(text: str) -> Official:
    """The official cumulative counts, ``{(kommune_no_2020, date): count}``, from CSV text.

    Raises:
        OfficialSeriesError: when the text has neither shape.
    """
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise OfficialSeriesError("the official series is empty")
    header = rows[0]
    number_col = _column(header, _NUMBER_NAMES)
    name_col = _column(header, _NAME_NAMES)
    if number_col is None and name_col is None:
        raise OfficialSeriesError(
            "the official series names no municipality column (kommune_no, kommune_name, "
            "location_code or location_name)"
        )
    out: Official = {}
    date_cols = [(i, d) for i, h in enumerate(header) if (d := _date(h)) is not None]
    if date_cols:  # wide: one column per date
        for row in rows[1:]:
            k = _municipality(_cell(row, number_col), _cell(row, name_col))
            if k is None:
                continue
            for i, day in date_cols:
                count = _int(_cell(row, i))
                if count is not None:
                    out[(k, day)] = count
        return out
    date_col = _column(header, _DATE_NAMES)
    count_col = _column(header, _COUNT_NAMES)
    if date_col is None or count_col is None:
        raise OfficialSeriesError(
            "the official series has neither a date and a count column (long shape) nor one "
            "column per date (wide shape)"
        )
    for row in rows[1:]:
        k = _municipality(_cell(row, number_col), _cell(row, name_col))
        when = _date(_cell(row, date_col) or "")
        count = _int(_cell(row, count_col))
        if k is not None and when is not None and count is not None:
            out[(k, when)] = count
    return out


def _cell(row: list[str], i: int | None) -> str | None:
    return row[i] if i is not None and i < len(row) else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    v = "".join(value.split())
    try:
        return int(float(v))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class CompareRow:
    date: _dt.date
    place: str | None
    kommune_no: str
    total: int
    official: int | None  # the register on the same day
    difference: int | None  # total - official
    lag: int  # the municipality's best-fitting lag, in days
    official_lagged: int | None  # the register on date + lag
    difference_lagged: int | None
    flagged: bool  # |difference_lagged| above the tolerance


def tolerance(official: int) -> float:
    """How far the text may be from the register without a flag.

    >>> tolerance(186), tolerance(423)
    (9.3, 21.150000000000002)
    """
    return max(TOLERANCE_CASES, TOLERANCE_SHARE * official)


def compare(series: CaseSeries, official: Official) -> list[CompareRow]:
    """The text's totals beside the register's, with the best lag per municipality."""
    totals: dict[str, list[tuple[_dt.date, str | None, int]]] = defaultdict(list)
    for r in series.rows:
        if r.total is None or not r.place:
            continue
        k = kommune_no(r.place)
        if k is not None:
            totals[k].append((r.date, r.place, r.total))
    out = []
    for k, rows in totals.items():
        lag = best_lag(rows, k, official)
        for day, place, total in rows:
            same = official.get((k, day))
            lagged = official.get((k, day + _dt.timedelta(days=lag)))
            diff_lagged = total - lagged if lagged is not None else None
            out.append(
                CompareRow(
                    date=day,
                    place=place,
                    kommune_no=k,
                    total=total,
                    official=same,
                    difference=total - same if same is not None else None,
                    lag=lag,
                    official_lagged=lagged,
                    difference_lagged=diff_lagged,
                    flagged=lagged is not None
                    and diff_lagged is not None
                    and abs(diff_lagged) > tolerance(lagged),
                )
            )
    out.sort(key=lambda r: (r.date, r.place or ""))
    return out


def best_lag(rows: list[tuple[_dt.date, str | None, int]], k: str, official: Official) -> int:
    """The lag in :data:`LAGS` with the smallest mean absolute difference (ties: the smaller)."""
    best, best_score = 0, None
    for lag in LAGS:
        diffs = [
            abs(total - official[key])
            for day, _, total in rows
            if (key := (k, day + _dt.timedelta(days=lag))) in official
        ]
        if not diffs:
            continue
        score = sum(diffs) / len(diffs)
        if best_score is None or score < best_score:
            best, best_score = lag, score
    return best


COMPARE_FIELDS = (
    "date",
    "place",
    "kommune_no",
    "total",
    "official",
    "difference",
    "lag",
    "official_lagged",
    "difference_lagged",
    "flagged",
)


def compare_as_dicts(rows: list[CompareRow]) -> list[dict[str, Any]]:
    """The rows as flat dicts (keys :data:`COMPARE_FIELDS`)."""
    return [
        {
            "date": iso(r.date),
            "place": r.place,
            "kommune_no": r.kommune_no,
            "total": r.total,
            "official": r.official,
            "difference": r.difference,
            "lag": r.lag,
            "official_lagged": r.official_lagged,
            "difference_lagged": r.difference_lagged,
            "flagged": r.flagged,
        }
        for r in rows
    ]


def build_compare_table(rows: list[CompareRow], source: str) -> Table:
    """The comparison as a Rich table, with what the lag and the flag mean in the caption."""
    from ._render import add_row, new_table

    lags = sorted({(r.kommune_no, r.lag) for r in rows})
    lag_text = ", ".join(f"{kommune_name(k) or k} {lag} day{'s' if lag != 1 else ''}"
                         for k, lag in lags)  # fmt: skip
    caption = (
        f"Official: {source}. The register (MSIS, 04:00 snapshots) and the town's bulletins "
        "count at different hours, so small differences are normal. Best-fitting lag "
        f"(register date = text date + lag): {lag_text or 'none'}. "
        f"* differs by more than max({TOLERANCE_CASES} cases, {TOLERANCE_SHARE:.0%}) at that lag."
    )
    table = new_table("COVID-19 totals: the text against the official register", caption)
    for name, justify in (
        ("Date", "left"),
        ("Place", "left"),
        ("Kommune", "left"),
        ("Text", "right"),
        ("Official", "right"),
        ("Diff.", "right"),
        ("Lag", "right"),
        ("Official +lag", "right"),
        ("Diff. +lag", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]  # fmt: skip
    for r in rows:
        add_row(
            table,
            str(r.date),
            r.place or "",
            r.kommune_no,
            str(r.total),
            _num(r.official),
            _signed(r.difference),
            str(r.lag),
            _num(r.official_lagged),
            _signed(r.difference_lagged) + ("*" if r.flagged else ""),
        )
    return table


def _num(v: int | None) -> str:
    return "" if v is None else str(v)


def _signed(v: int | None) -> str:
    return "" if v is None else f"{v:+d}"
