"""``cases --compare``: the official series read in both shapes, the lag fit, the command."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from kommunetekst.cli import cli
from kommunetekst.reports.cases import CaseRow, CaseSeries
from kommunetekst.reports.compare import (
    OfficialSeriesError,
    best_lag,
    compare,
    read_official,
)

D = dt.date


def test_long_shape_with_numbers_and_names() -> None:
    text = "date,kommune_no_2020,kommune_name,cumulative_cases\n2020-03-26,3024,Bærum,186\n"
    assert read_official(text) == {("3024", D(2020, 3, 26)): 186}


def test_long_shape_fhi_location_codes_and_other_periods() -> None:
    text = (
        "date;location_code;location_name;n\n"
        "2020-06-04;municip3024;Bærum;417\n"
        "2020-06-04;municip0220;Asker;204\n"  # a 2019 number: Asker before the merger
        "2024-06-04;municip3201;Bærum;999\n"  # a 2024 number
    )
    assert read_official(text) == {
        ("3024", D(2020, 6, 4)): 417,
        ("3025", D(2020, 6, 4)): 204,
        ("3024", D(2024, 6, 4)): 999,
    }


def test_long_shape_by_name_only() -> None:
    text = "dato,kommune,antall\n2020-03-27,Bærum kommune,220\n2020-03-27,Røyken,7\n"
    assert read_official(text) == {("3024", D(2020, 3, 27)): 220, ("3025", D(2020, 3, 27)): 7}


def test_wide_shape() -> None:
    text = "kommune_no,kommune_name,population,2020-03-26,2020-03-27\n3024,Bærum,128000,186,220\n"
    assert read_official(text) == {("3024", D(2020, 3, 26)): 186, ("3024", D(2020, 3, 27)): 220}


@pytest.mark.parametrize("text", ["", "a,b\n1,2\n", "kommune_no,x\n3024,1\n"])
def test_unreadable_series(text: str) -> None:
    with pytest.raises(OfficialSeriesError):
        read_official(text)


def _row(day: dt.date, total: int, place: str = "Bærum") -> CaseRow:
    return CaseRow(day, place, total, False, None, None, None, None, None, None, None, None, ())


def test_the_lag_that_fits_best() -> None:
    official = {("3024", D(2020, 4, d)): 100 + 10 * d for d in range(1, 10)}
    # The text reports a day ahead of the register: its figure of the 3rd is the register's of the 4th.
    rows = [(D(2020, 4, d), "Bærum", 100 + 10 * (d + 1)) for d in range(1, 6)]
    assert best_lag(rows, "3024", official) == 1
    series = CaseSeries(rows=[_row(day, total) for day, _, total in rows])
    out = compare(series, official)
    assert [(r.difference, r.difference_lagged, r.flagged) for r in out][:2] == [
        (10, 0, False),
        (10, 0, False),
    ]


def test_a_large_difference_is_flagged_and_places_that_are_no_municipality_are_left_out() -> None:
    official = {("3024", D(2020, 3, 26)): 186}
    series = CaseSeries(rows=[_row(D(2020, 3, 26), 204), _row(D(2020, 3, 26), 18, "Viken")])
    [r] = compare(series, official)
    assert (r.total, r.official, r.difference, r.flagged) == (204, 186, 18, True)


def test_cases_compare_on_the_seeds_with_the_sample_series() -> None:
    result = CliRunner().invoke(cli, ["cases", str(SEEDS), "--compare", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    row = next(r for r in rows if r["date"] == "2020-03-26" and r["place"] == "Bærum")
    assert (row["kommune_no"], row["total"], row["official"], row["difference"]) == (
        "3024",
        "204",
        "186",
        "18",
    )


def test_cases_compare_with_a_file_and_the_table(tmp_path: Path) -> None:
    official = tmp_path / "msis.csv"
    official.write_text("kommune_no,2020-06-26\n3024,422\n", "utf-8")
    result = CliRunner().invoke(
        cli, ["cases", str(SEEDS), "--compare", str(official), "--width", "120"]
    )
    assert result.exit_code == 0, result.output
    assert "423" in result.stdout and "422" in result.stdout
    assert "small differences are normal" in " ".join(result.stdout.split())


def test_cases_compare_with_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", "utf-8")
    result = CliRunner().invoke(cli, ["cases", str(SEEDS), "--compare", str(bad)])
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "bad.csv" in result.stderr
