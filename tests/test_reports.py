"""The report builders in kommunetekst.reports, fed with records (no CLI, no extractors).

Input is hand-written records that follow the declared schema (kommunetekst.records), and
tests/fixtures/reports--seeds.jsonl: the seed facts (the case series of seed
000, its phone numbers, the percentages of seeds 002-004) as records with real
spans, plus the date headers and bullets the extractors give for the seeds.
It is JSONL of record schema 1 (no ``section``), so the seed tests also read the reports'
fallback for older JSONL; test_the_seeds_report_the_same_with_and_without_section compares
the two on fresh output.

Golden files: each report is rendered at width 100 with colour off and compared
with tests/golden/<report>.txt. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_reports.py -k golden

and review the diff before committing.

Where new cases go: a rule of the cases report (which total wins, what is a
contradiction) gets a test function next to the rule's neighbours below; a new
way to break the plot goes into the hypothesis property at the end.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from kommunetekst.reports import cases as rc
from kommunetekst.reports import listing, phones
from kommunetekst.reports.schema import check_record, unique_records

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "reports--seeds.jsonl"
GOLDEN = HERE / "golden"
SEED0 = "seeds/000_2a804514763a8fcf.txt"

SEED_SERIES = {
    "2020-03-16": 85,
    "2020-03-17": 101,
    "2020-03-18": 104,
    "2020-03-19": 123,
    "2020-03-20": 123,
    "2020-03-21": 136,
    "2020-03-23": 161,
    "2020-03-24": 181,
    "2020-03-25": 191,
    "2020-03-26": 204,
    "2020-03-27": 218,
    "2020-03-30": 246,
    "2020-06-26": 423,
}


def fixture_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines() if line]


def header(
    line: int, date: str | None, doc: str = "log.txt", title: str = "Smittetall"
) -> dict[str, Any]:
    return {
        "kind": "date_header",
        "doc": doc,
        "line": line,
        "span": [line * 100, line * 100 + 20],
        "text": f"{date} {title}",
        "date": date,
        "date_text": date,
        "title": title,
        "time": None,
    }


def case(
    line: int,
    date: str | None,
    metric: str,
    value: int,
    doc: str = "log.txt",
    *,
    place: str | None = None,
    since: str | None = None,
    since_date: str | None = None,
    col: int = 0,
    text: str = "",
    section: str | None = None,
) -> dict[str, Any]:
    """A ``case_count`` record; with ``section``, one of record schema 2 (else 1, without it)."""
    start = line * 100 + col
    record: dict[str, Any] = {
        "kind": "case_count",
        "doc": doc,
        "line": line,
        "span": [start, start + 10],
        "text": text or f"{value} {metric}",
        "date": date,
        "metric": metric,
        "value": value,
        "place": place,
        "since": since,
        "since_date": since_date,
    }
    if section is not None:
        record["section"] = section
    return record


def render(renderable: Any, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def totals(series: rc.CaseSeries, place: str | None = None) -> dict[str, int]:
    return {str(r.date): r.total for r in series.rows if r.total is not None and r.place == place}


def problems(series: rc.CaseSeries) -> list[tuple[str, str]]:
    return [(str(c.date), c.problem) for c in series.contradictions]


# -- cases: the seed facts ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_series() -> rc.CaseSeries:
    return rc.collect_cases(fixture_records())


def test_seed_series_is_the_one_the_log_reports(seed_series: rc.CaseSeries) -> None:
    assert totals(seed_series, "Bærum") == SEED_SERIES
    assert seed_series.places == ["Bærum"]  # "246 smittede" names no place: it joins Bærum
    assert seed_series.newest_first == {SEED0: True}


def test_seed_contradictions_are_the_three_in_the_text(seed_series: rc.CaseSeries) -> None:
    assert problems(seed_series) == [
        ("2020-03-19", "two_totals"),
        ("2020-03-24", "increase"),
        ("2020-03-27", "increase"),
    ]
    by_date = {str(c.date): c for c in seed_series.contradictions}
    assert {line for _, line in by_date["2020-03-19"].sources} == {143, 147}
    assert {line for _, line in by_date["2020-03-24"].sources} == {87, 93}
    assert {line for _, line in by_date["2020-03-27"].sources} == {45, 65}
    assert "181 - 161 = 20" in by_date["2020-03-24"].message
    assert "218 - 204 = 14" in by_date["2020-03-27"].message
    assert '"en økning på 15 fra i går"' in by_date["2020-03-27"].message


def test_seed_rows_new_reported_and_computed(seed_series: rc.CaseSeries) -> None:
    rows = {str(r.date): r for r in seed_series.rows}
    assert (rows["2020-03-27"].new, rows["2020-03-27"].new_computed) == (15, 14)
    assert rows["2020-03-27"].since_date == dt.date(2020, 3, 26)
    # the new figure of the total's own line, not "21 nye ... i helgen" two lines down
    assert (rows["2020-03-30"].new, rows["2020-03-30"].since) == (8, "søndag")
    assert rows["2020-03-30"].computed_from == dt.date(2020, 3, 27)
    assert rows["2020-03-17"].new_computed == 16 and rows["2020-03-16"].new_computed is None
    assert (rows["2020-03-26"].hospitalized, rows["2020-03-26"].hospitalized_place) == (
        18,
        "Asker og Bærum",
    )
    assert (rows["2020-03-16"].hospitalized, rows["2020-03-16"].hospitalized_place) == (5, None)
    assert rows["2020-03-30"].deaths == 1


def test_duplicate_report_is_one_row_with_both_lines(seed_series: rc.CaseSeries) -> None:
    rows = [r for r in seed_series.rows if str(r.date) == "2020-03-25"]
    assert len(rows) == 1
    assert rows[0].total == 191 and not rows[0].totals_differ
    assert [line for _, line in rows[0].sources] == [69, 73]


def test_gap_of_months_is_not_checked_against_a_bare_new(seed_series: rc.CaseSeries) -> None:
    # 26.06: "ikke meldt nye smittede ..., tilsammen 423" after 246 on 30.03:
    # the log misses reports in between.
    assert "2020-06-26" not in {str(c.date) for c in seed_series.contradictions}


# -- cases: which total wins ----------------------------------------------------------------------


def test_newest_first_log_the_report_nearer_the_top_wins() -> None:
    recs = [
        header(1, "2020-03-20"),
        case(2, "2020-03-20", "total", 130),
        header(3, "2020-03-19"),
        case(4, "2020-03-19", "total", 123, text="123 torsdag kveld"),
        header(5, "2020-03-19"),
        case(6, "2020-03-19", "total", 111),
        header(7, "2020-03-18"),
        case(8, "2020-03-18", "total", 104),
    ]
    series = rc.collect_cases(recs)
    assert series.newest_first == {"log.txt": True}
    assert totals(series)["2020-03-19"] == 123
    assert problems(series) == [("2020-03-19", "two_totals")]
    assert "the latest report, 123 (line 4), is used" in series.contradictions[0].message


def test_oldest_first_log_the_report_further_down_wins() -> None:
    recs = [
        header(1, "2020-03-18"),
        case(2, "2020-03-18", "total", 104),
        header(3, "2020-03-19"),
        case(4, "2020-03-19", "total", 111),
        header(5, "2020-03-19"),
        case(6, "2020-03-19", "total", 123),
        header(7, "2020-03-20"),
        case(8, "2020-03-20", "total", 130),
    ]
    series = rc.collect_cases(recs)
    assert series.newest_first == {"log.txt": False}
    assert totals(series)["2020-03-19"] == 123
    assert [line for _, line in series.rows[1].sources] == [4, 6]


def test_within_one_section_the_first_total_is_the_sections_figure() -> None:
    recs = [
        header(1, "2020-03-19"),
        case(2, "2020-03-19", "total", 123),
        case(3, "2020-03-19", "total", 7),
    ]
    series = rc.collect_cases(recs)
    assert totals(series) == {"2020-03-19": 123}
    assert problems(series) == [("2020-03-19", "two_totals")]


def test_without_headers_the_log_order_comes_from_the_figures() -> None:
    # extract --only case_count: no date_header records
    recs = [
        case(2, "2020-03-20", "total", 130),
        case(4, "2020-03-19", "total", 123),
        case(6, "2020-03-19", "total", 111),
        case(8, "2020-03-18", "total", 104),
    ]
    series = rc.collect_cases(recs)
    assert series.newest_first == {"log.txt": True}
    assert totals(series) == {"2020-03-18": 104, "2020-03-19": 123, "2020-03-20": 130}


# An oldest-first log with two reports of 19 March under two headers: the later report (123)
# wins. Read as one run of one date, the first (111) would.
TWO_REPORTS_OF_ONE_DAY = [
    (2, "2020-03-18", 104, "18.03.2020 Smittetall"),
    (4, "2020-03-19", 111, "19.03.2020 kl. 10 Smittetall"),
    (6, "2020-03-19", 123, "19.03.2020 kl. 18 Oppdatert"),
    (8, "2020-03-20", 130, "20.03.2020 Smittetall"),
]


def test_sections_are_read_from_the_records_section() -> None:
    # extract --only case_count: no date_header records, but each figure names its section
    recs = [case(line, d, "total", v, section=s) for line, d, v, s in TWO_REPORTS_OF_ONE_DAY]
    series = rc.collect_cases(recs)
    assert series.newest_first == {"log.txt": False}
    assert totals(series)["2020-03-19"] == 123
    assert "the latest report, 123 (line 6), is used" in series.contradictions[0].message


def test_records_without_section_take_their_sections_from_the_header_lines() -> None:
    # JSONL of record schema 1: no section field; the date_header records place the figures
    recs = []
    for line, d, v, _ in TWO_REPORTS_OF_ONE_DAY:
        recs += [header(line - 1, d), case(line, d, "total", v)]
    assert all("section" not in r for r in recs)
    assert totals(rc.collect_cases(recs))["2020-03-19"] == 123
    # with neither sections nor headers, consecutive figures of one date are one section
    bare = [case(line, d, "total", v) for line, d, v, _ in TWO_REPORTS_OF_ONE_DAY]
    assert totals(rc.collect_cases(bare))["2020-03-19"] == 111


def test_the_seeds_report_the_same_with_and_without_section(seed_paths: list[Path]) -> None:
    from kommunetekst import extract_bytes

    new = [r for p in seed_paths for r in extract_bytes(p.read_bytes(), p.name)]
    assert sum(r.get("section") is not None for r in new if r["kind"] == "case_count") > 20
    old = [{k: v for k, v in r.items() if k != "section"} for r in new]
    with_section, without = rc.collect_cases(new), rc.collect_cases(old)
    assert with_section.rows == without.rows
    assert with_section.contradictions == without.contradictions
    assert len(with_section.rows) > 10


def test_across_documents_the_later_document_wins_and_is_flagged() -> None:
    recs = [
        case(2, "2020-03-19", "total", 111, doc="a.txt", place="Bærum"),
        case(2, "2020-03-19", "total", 123, doc="b.txt", place="Bærum"),
    ]
    series = rc.collect_cases(recs)
    assert totals(series, "Bærum") == {"2020-03-19": 123}
    [c] = series.contradictions
    assert "a.txt:2" in c.message and "b.txt:2" in c.message


def test_same_document_read_twice_counts_once() -> None:
    recs = [header(1, "2020-03-19"), case(2, "2020-03-19", "total", 123)]
    series = rc.collect_cases(unique_records(recs + [dict(r) for r in recs]))
    assert len(series.rows) == 1 and not series.contradictions


# -- cases: contradictions ------------------------------------------------------------------------


def test_total_that_goes_down_is_a_contradiction() -> None:
    recs = [case(1, "2020-03-18", "total", 104), case(2, "2020-03-19", "total", 99)]
    series = rc.collect_cases(recs)
    assert problems(series) == [("2020-03-19", "decrease")]
    assert (
        "from 104 on 2020-03-18 (line 1) to 99 on 2020-03-19 (line 2)"
        in series.contradictions[0].message
    )


def test_increase_since_a_named_day_is_checked_against_that_days_total() -> None:
    recs = [
        case(1, "2020-03-23", "total", 161),
        case(2, "2020-03-24", "total", 170),
        case(3, "2020-03-25", "total", 181),
        case(3, "2020-03-25", "new", 20, since="mandag", since_date="2020-03-23", col=20),
    ]
    series = rc.collect_cases(recs)
    assert problems(series) == []  # 181 - 161 = 20, though 181 - 170 = 11
    recs[-1] = case(3, "2020-03-25", "new", 11, since="mandag", since_date="2020-03-23", col=20)
    assert problems(rc.collect_cases(recs)) == [("2020-03-25", "increase")]


def test_increase_since_a_day_without_a_total_cannot_be_checked() -> None:
    recs = [
        case(1, "2020-03-27", "total", 218),
        case(2, "2020-03-30", "total", 246),
        case(2, "2020-03-30", "new", 8, since="søndag", since_date="2020-03-29", col=20),
    ]
    assert problems(rc.collect_cases(recs)) == []


def test_unresolved_since_cannot_be_checked() -> None:
    recs = [
        case(1, "2020-03-27", "total", 218),
        case(2, "2020-03-30", "total", 246),
        case(3, "2020-03-30", "new", 21, since="helgen"),
    ]
    assert problems(rc.collect_cases(recs)) == []


@pytest.mark.parametrize(
    ("previous_day", "checked"),
    [("2020-03-19", True), ("2020-03-17", True), ("2020-03-16", False), ("2020-01-20", False)],
)
def test_bare_new_on_the_totals_line_is_checked_within_three_days(
    previous_day: str, checked: bool
) -> None:
    recs = [
        case(1, previous_day, "total", 100),
        case(2, "2020-03-20", "new", 0, text="Ingen endring"),
        case(2, "2020-03-20", "total", 123, col=30),
    ]
    assert problems(rc.collect_cases(recs)) == ([("2020-03-20", "increase")] if checked else [])


def test_bare_new_on_another_line_is_not_checked() -> None:
    # "10 på lørdag og 11 på søndag" below "Det er nå 246 smittede"
    recs = [
        case(1, "2020-03-29", "total", 218),
        case(2, "2020-03-30", "total", 246),
        case(4, "2020-03-30", "new", 10),
        case(4, "2020-03-30", "new", 11, col=30),
    ]
    assert problems(rc.collect_cases(recs)) == []


def test_consistent_log_has_no_contradictions() -> None:
    recs = [
        case(1, "2020-03-18", "total", 104),
        case(2, "2020-03-19", "total", 123),
        case(2, "2020-03-19", "new", 19, since="i går", since_date="2020-03-18", col=20),
    ]
    series = rc.collect_cases(recs)
    assert series.contradictions == []
    assert (
        render(rc.build_check_table(series)).strip()
        == "No contradictions found in 2 dates of case figures."
    )


# -- cases: places, odd records -------------------------------------------------------------------


def test_two_places_give_two_series_and_a_place_column() -> None:
    recs = [
        case(1, "2020-03-19", "total", 123, place="Bærum"),
        case(2, "2020-03-19", "total", 40, place="Asker"),
        case(3, "2020-03-20", "total", 130),
        case(4, "2020-03-21", "total", 136, place="bærum"),
        case(4, "2020-03-21", "total", 41, place="Asker", col=30),
    ]
    series = rc.collect_cases(recs)
    # the placeless total joins the place the document names most often
    assert totals(series, "Bærum") == {"2020-03-19": 123, "2020-03-20": 130, "2020-03-21": 136}
    assert totals(series, "Asker") == {"2020-03-19": 40, "2020-03-21": 41}
    assert series.contradictions == []
    assert "Place" in render(rc.build_cases_table(series))


def test_unknown_metric_kinds_fields_and_undated_figures_are_left_out() -> None:
    recs = [
        case(1, "2020-03-19", "total", 123) | {"confidence": 0.9},
        case(2, "2020-03-19", "recovered", 50),
        {"kind": "quote", "doc": "log.txt", "line": 3, "who": "ordfører"},
        case(4, None, "hospitalized", 2),
    ]
    series = rc.collect_cases(recs)
    assert totals(series) == {"2020-03-19": 123}
    assert series.rows[0].hospitalized is None
    assert series.undated == 1
    assert "1 figure without a date left out" in render(rc.build_cases_table(series))


def test_machine_rows_have_static_keys_and_iso_dates(seed_series: rc.CaseSeries) -> None:
    rows = rc.cases_as_dicts(seed_series)
    assert all(tuple(r) == rc.CASE_FIELDS for r in rows)
    row = next(r for r in rows if r["date"] == "2020-03-27")
    assert row | {"sources": None} == {
        "date": "2020-03-27",
        "place": "Bærum",
        "total": 218,
        "new": 15,
        "since": "i går",
        "since_date": "2020-03-26",
        "new_computed": 14,
        "computed_from": "2020-03-26",
        "hospitalized": None,
        "hospitalized_place": None,
        "deaths": None,
        "totals_differ": False,
        "sources": None,
    }
    assert row["sources"] == [f"{SEED0}:45"]
    check = rc.contradictions_as_dicts(seed_series)
    assert [c["problem"] for c in check] == ["two_totals", "increase", "increase"]
    assert check[1]["sources"] == [f"{SEED0}:87", f"{SEED0}:93"]


# -- cases: the plot ------------------------------------------------------------------------------


def plot_lines(series: rc.CaseSeries, width: int) -> list[str]:
    return rc.ascii_plot(series, width).plain.split("\n")


@pytest.mark.parametrize("width", [40, 60, 80, 100, 200])
def test_plot_is_printable_ascii_within_the_width(seed_series: rc.CaseSeries, width: int) -> None:
    lines = plot_lines(seed_series, width)
    assert all(len(line) <= width for line in lines)
    assert all(" " <= ch <= "~" for line in lines for ch in line)
    assert " ".join(lines).startswith("Total COVID-19 cases in Baerum, 2020-03-16 to 2020-06-26")
    labels = lines[next(i for i, line in enumerate(lines) if line.lstrip().startswith("+")) + 1]
    assert labels.lstrip().startswith("16.03") and labels.endswith(
        "26.06"
    )  # x labels under the axis
    # and it survives printing through Rich unchanged
    assert render(rc.ascii_plot(seed_series, width), width).rstrip("\n").split("\n") == lines


def test_plot_puts_each_total_at_its_day_and_value(seed_series: rc.CaseSeries) -> None:
    width = 100
    lines = plot_lines(seed_series, width)
    grid = [line for line in lines if "|" in line]
    axis = next(i for i, line in enumerate(lines) if line.lstrip().startswith("+"))
    left = lines[axis].index("+") + 1  # first plot column
    plot_w = width - left - 3
    first, span = dt.date(2020, 3, 16), (dt.date(2020, 6, 26) - dt.date(2020, 3, 16)).days
    top = int(grid[0].split("|")[0])  # the value of the top row
    assert top == 500
    for day, value in SEED_SERIES.items():
        col = left + round((dt.date.fromisoformat(day) - first).days * (plot_w - 1) / span)
        row = len(grid) - 1 - round(value * (len(grid) - 1) / top)
        assert grid[row][col] == "*", (day, value)
    # a true time axis: April, May and most of June are empty columns
    gap = [line[left + 15 : left + 85] for line in grid]
    assert all(set(part) <= {" "} for part in gap)


def test_plot_of_two_places_has_a_legend_and_two_marks() -> None:
    recs = [
        case(1, "2020-03-19", "total", 123, place="Bærum"),
        case(2, "2020-03-19", "total", 40, place="Asker"),
        case(3, "2020-03-25", "total", 191, place="Bærum"),
        case(4, "2020-03-25", "total", 60, place="Asker"),
    ]
    text = rc.ascii_plot(rc.collect_cases(recs), 60).plain
    assert "* Asker   o Baerum" in text
    assert text.count("*") == 3 and text.count("o") >= 2  # two marks plus the legend's


def test_plot_of_one_day_and_of_nothing() -> None:
    assert "*" in rc.ascii_plot(rc.collect_cases([case(1, "2020-03-19", "total", 5)]), 40).plain
    assert rc.ascii_plot(rc.collect_cases([]), 40).plain == "No case totals to plot."


_dates = st.dates(min_value=dt.date(2019, 12, 1), max_value=dt.date(2023, 12, 31)).map(
    dt.date.isoformat
)
_figures = st.lists(
    st.tuples(
        _dates,
        st.sampled_from(rc.METRICS),
        st.integers(0, 10**7),
        st.sampled_from([None, "Bærum", "Ås", "Tromsø"]),
        st.one_of(st.none(), _dates),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_figures, st.integers(40, 160))
def test_any_figures_give_a_table_a_check_and_an_ascii_plot(figures: list, width: int) -> None:
    recs = [
        case(i, d, m, v, place=p, since="i går" if s else None, since_date=s)
        for i, (d, m, v, p, s) in enumerate(figures, 1)
    ]
    series = rc.collect_cases(recs)
    lines = rc.ascii_plot(series, width).plain.split("\n")
    assert all(len(line) <= width and all(" " <= ch <= "~" for ch in line) for line in lines)
    render(rc.build_cases_table(series), width)
    render(rc.build_check_table(series), width)
    assert all(
        r.total is None or r.total in {v for (d, m, v, _, _) in figures if m == "total"}
        for r in series.rows
    )


# -- phones ---------------------------------------------------------------------------------------


def phone(
    line: int,
    number: str,
    doc: str = "a.txt",
    date: str | None = None,
    label: str | None = None,
    display: str | None = None,
    type_: str = "fixed",
) -> dict[str, Any]:
    return {
        "kind": "phone",
        "doc": doc,
        "line": line,
        "span": [line, line + 8],
        "text": display or number,
        "date": date,
        "number": number,
        "display": display or number,
        "type": type_,
        "label": label,
    }


def test_phones_one_row_per_number_most_seen_first() -> None:
    recs = [
        phone(1, "+4767508200", label="Seniortelefonen"),
        phone(2, "+4767509494", date="2020-03-20", label="Psykisk mestringstelefon"),
        phone(
            3,
            "+4767509494",
            doc="b.txt",
            date="2020-03-19",
            label="Korona-psykisk mestringstelefon",
        ),
        phone(4, "+4767509494", date="2020-03-21", label="psykisk  mestringstelefon"),
        phone(5, "113", type_="emergency", display="113"),
        phone(6, "+4766700000", display="66 700 000"),
    ]
    rows = phones.collect_phones(recs)
    assert [p.number for p in rows] == ["+4767509494", "113", "+4766700000", "+4767508200"]
    top = rows[0]
    assert top.display == "67 50 94 94" and top.number == "+4767509494"
    assert top.labels == ("Psykisk mestringstelefon", "Korona-psykisk mestringstelefon")
    assert (top.occurrences, top.docs, top.first_date) == (3, ("a.txt", "b.txt"), "2020-03-19")
    assert (rows[1].display, rows[1].number, rows[1].type, rows[1].labels) == (
        "113",
        "113",
        "emergency",
        (),
    )
    assert rows[2].display == "66 70 00 00"


@pytest.mark.parametrize(
    ("number", "display", "expected"),
    [
        ("+4767509494", "67509494", "67 50 94 94"),
        ("+4741234567", "+47 412 34 567", "41 23 45 67"),
        ("116111", "116\u00a0111", "116 111"),
        ("116111", None, "116111"),
        ("113", "113", "113"),
        ("1881", "tlf. 1881", "1881"),  # a display that is not just the digits: the digits
        ("+46812345678", None, "+46812345678"),
    ],
)
def test_format_number(number: str, display: str | None, expected: str) -> None:
    assert phones.format_number(number, display) == expected


# -- percentages, bullets, timeline, summary ------------------------------------------------------


def test_percentages_in_text_order_with_their_year() -> None:
    rows = listing.collect_percentages(fixture_records())
    assert [(r["value"], r["year"], r["line"]) for r in rows] == [
        (70.0, None, 65),
        (67.9, 2018, 30),
        (53.0, 2017, 30),
        (70.6, 2019, 5),
        (67.0, 2018, 5),
        (67.0, 2018, 7),
        (51.0, 2018, 7),
    ]
    assert rows[1]["text"] == "67,9 prosent" and rows[1]["unit"] == "percent"


def bullet(
    line: int,
    date: str | None,
    item: str,
    category: str,
    heading: str = "Kriseledelsen:",
    doc: str = "a.txt",
) -> dict[str, Any]:
    return {
        "kind": "bullet",
        "doc": doc,
        "line": line,
        "span": [line, line + 5],
        "text": item,
        "date": date,
        "item": item,
        "heading": heading,
        "category": category,
        "index": 1,
    }


def test_bullets_grouped_by_date_undated_last_category_filter() -> None:
    recs = [
        bullet(1, "2020-03-25", "Telt til legevakten", "decision"),
        bullet(2, "2020-03-25", "Nærmere 480 har meldt seg", "fact"),
        bullet(3, None, "Bolig", "topic", heading="Tema"),
        bullet(4, "2020-03-18", "Etablering av Seniortelefon", "decision"),
    ]
    rows = listing.collect_bullets(recs)
    assert [r["line"] for r in rows] == [4, 1, 2, 3]
    assert [r["item"] for r in listing.collect_bullets(recs, "decision")] == [
        "Etablering av Seniortelefon",
        "Telt til legevakten",
    ]
    text = render(listing.build_bullets_table(rows))
    assert "(no date)" in text and text.count("Kriseledelsen:") == 2  # heading once per list


def test_timeline_in_date_order_newest_first_log_turned_round_undated_apart() -> None:
    recs = [
        header(1, "2020-03-20", title="C"),
        header(3, "2020-03-19", title="B2"),
        header(5, "2020-03-19", title="B1"),
        header(7, "2020-03-18", title="A"),
        header(2, None, doc="b.txt", title="Samarbeider") | {"date_text": "20. mars"},
    ]
    dated, undated = listing.collect_timeline(recs)
    assert [r["title"] for r in dated] == ["A", "B1", "B2", "C"]
    assert [(r["date_text"], r["title"]) for r in undated] == [("20. mars", "Samarbeider")]
    assert "Without a known date" in render(listing.build_timeline_table(dated, undated))


def test_summary_counts_records_per_kind_per_document() -> None:
    recs = [
        {"kind": "document", "doc": "a.txt", "encoding": "windows-1252", "chars": 10, "lines": 2},
        phone(1, "113"),
        phone(2, "113"),
        bullet(3, None, "x", "other"),
        bullet(1, None, "y", "other", doc="c.txt"),
    ]  # c.txt: no document record (filtered JSONL)
    summary = listing.collect_summary(recs, ["skipped x.png: it is a PNG image, not text."])
    assert {d: dict(c) for d, c in summary.counts.items()} == {
        "a.txt": {"phone": 2, "bullet": 1},
        "c.txt": {"bullet": 1},
    }
    assert listing.summary_as_dicts(summary) == [
        {
            "doc": "a.txt",
            "encoding": "windows-1252",
            "chars": 10,
            "lines": 2,
            "kind": "bullet",
            "records": 1,
        },
        {
            "doc": "a.txt",
            "encoding": "windows-1252",
            "chars": 10,
            "lines": 2,
            "kind": "phone",
            "records": 2,
        },
        {
            "doc": "c.txt",
            "encoding": None,
            "chars": None,
            "lines": None,
            "kind": "bullet",
            "records": 1,
        },
    ]
    text = render(listing.build_summary_table(summary))
    assert "Warning: skipped x.png" in text and "bullet 1, phone 2" in text


def test_cells_are_text_not_markup() -> None:
    rows = listing.collect_bullets([bullet(1, None, "Se [bold]vedlegg[/bold] [pdf]", "other")])
    assert "Se [bold]vedlegg[/bold] [pdf]" in render(listing.build_bullets_table(rows))


# -- record checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "why"),
    [
        ({"kind": "case_count", "doc": "a", "metric": "total", "value": True}, 'value" is a bool'),
        ({"kind": "case_count", "doc": "a", "metric": "total"}, 'without "value"'),
        ({"kind": "phone", "doc": "a", "number": 67509494}, 'number" is an int'),
        ({"kind": "percentage", "doc": "a", "value": 12.5, "date": "19.03.2020"}, "ISO date"),
        ({"kind": "bullet", "doc": None, "item": "x"}, 'without a "doc"'),
        ({"doc": "a"}, 'no "kind"'),
        ({"kind": "phone", "doc": "a", "number": "113", "line": "3"}, 'line" is a str'),
        ("text", "found a str"),
    ],
)
def test_check_record_says_why(obj: object, why: str) -> None:
    assert why in (check_record(obj) or "")


@pytest.mark.parametrize(
    "obj",
    [
        {"kind": "percentage", "doc": "a", "value": 12},  # an int where a float is asked is fine
        {"kind": "case_count", "doc": "a", "metric": "recovered", "value": 3, "place": None},
        {"kind": "link", "doc": "a", "url": "https://baerum.kommune.no", "date": None},
    ],
)
def test_check_record_accepts(obj: dict[str, Any]) -> None:
    assert check_record(obj) is None


# -- golden files ---------------------------------------------------------------------------------


def two_logs() -> list[dict[str, Any]]:
    """Two logs of the same file name in two folders, each with its own place."""
    recs = []
    for doc, place, totals in (
        ("corpus/baerum/logg.txt", "Bærum", (85, 101, 123)),
        ("corpus/asker/logg.txt", "Asker", (40, 38, 52)),
    ):
        for n, (day, total) in enumerate(
            zip(("2020-03-16", "2020-03-17", "2020-03-18"), totals, strict=True)
        ):
            recs.append(case(10 - 3 * n, day, "total", total, doc, place=place))
        recs.append(case(2, "2020-03-18", "new", 9, doc, place=place, since="i går",
                         since_date="2020-03-17"))  # fmt: skip
    return recs


def _golden_reports(width: int) -> dict[str, Any]:
    recs = fixture_records()
    series = rc.collect_cases(recs)
    dated, undated = listing.collect_timeline(recs)
    two = rc.collect_cases(two_logs())
    return {
        "cases": rc.build_cases_table(series),
        "cases-check": rc.build_check_table(series),
        "cases-plot": rc.ascii_plot(series, width),
        "cases-two-places": rc.build_cases_table(two),
        "cases-two-places-check": rc.build_check_table(two),
        "phones": phones.build_phones_table(phones.collect_phones(recs)),
        "percentages": listing.build_percentages_table(listing.collect_percentages(recs)),
        "bullets": listing.build_bullets_table(listing.collect_bullets(recs)),
        "decisions": listing.build_bullets_table(
            listing.collect_bullets(recs, "decision"), "decision"
        ),
        "timeline": listing.build_timeline_table(dated, undated),
        "summary": listing.build_summary_table(listing.collect_summary(recs)),
    }


GOLDEN_NAMES = list(_golden_reports(80))
WIDTHS = (60, 120)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", GOLDEN_NAMES)
def test_golden(name: str, width: int) -> None:
    text = render(_golden_reports(width)[name], width)
    path = GOLDEN / f"{name}-{width}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text("utf-8")


def _number_cells(name: str) -> list[str]:
    """The cells of a report's number and code columns: what must never be cut."""
    from kommunetekst.reports._render import FitTable

    table = _golden_reports(80)[name]
    tables = [table] if isinstance(table, FitTable) else list(getattr(table, "renderables", []))
    return [
        cells[i]
        for t in tables
        if isinstance(t, FitTable)
        for cells, _ in t.rows
        for i, c in enumerate(t.columns)
        if c.kind != "text" and not c.optional and cells[i]
    ]


@pytest.mark.parametrize("name", [n for n in GOLDEN_NAMES if n != "cases-plot"])
def test_tables_fit_every_width_and_never_cut_a_number(name: str) -> None:
    cells = _number_cells(name)
    assert cells or name == "cases-check", name
    for width in range(60, 141, 4):
        text = render(_golden_reports(width)[name], width)
        lines = text.splitlines()
        assert all(len(line) <= width for line in lines), (name, width)
        assert "…" not in text, (name, width)
        words = {w for line in lines for w in line.replace("│", " ").split()}
        for cell in cells:
            assert all(part in words for part in cell.split()), (name, width, cell)


def test_documents_are_shown_by_their_shortest_unique_path() -> None:
    text = render(rc.build_cases_table(rc.collect_cases(two_logs())), 120)
    assert "baerum/logg.txt:10" in text and "asker/logg.txt:10" in text
    assert "corpus/" not in text
