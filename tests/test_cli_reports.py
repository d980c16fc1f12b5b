"""The report commands through click's CliRunner: inputs, formats, errors, exit codes.

Most tests read tests/fixtures/reports--seeds.jsonl (the seed facts as records),
so they do not depend on the extractors. The tests marked ``needs(...)`` run the
reports on the seed texts themselves and are skipped while that extractor is
not registered.

Where new cases go: a new way to give input goes next to the input tests; a new
error goes next to the error tests (assert the exit code and the ``Error:``
line on stderr).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from kommunetekst.cli import _report_input, cli
from kommunetekst.registry import all_info

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "reports--seeds.jsonl"
SEED0 = "seeds/000_2a804514763a8fcf.txt"
COMMANDS = ["cases", "phones", "percentages", "bullets", "decisions", "timeline", "summary"]
KINDS = {info.kind for info in all_info()}


def needs(kind: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        kind not in KINDS, reason=f"the {kind} extractor is not registered yet"
    )


@pytest.fixture(autouse=True)
def stdin_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner's stdin is never a terminal: say "piped" unless a test says otherwise."""
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: True)


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=input)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line]


# -- help -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_a_real_example(command: str) -> None:
    result = run([command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.stdout
    assert f"kommunetekst {command}" in result.stdout or command == "decisions"
    assert "INPUT is a JSONL file" in result.stdout
    assert "--format [table|csv|jsonl]" in result.stdout


def test_the_group_lists_the_reports() -> None:
    out = run(["--help"]).stdout
    assert all(f"  {c} " in out for c in COMMANDS)


# -- input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("use_stdin", [True, False])
@pytest.mark.parametrize("command", COMMANDS)
def test_stdin_and_file_give_the_same_report(command: str, use_stdin: bool) -> None:
    data = FIXTURE.read_text("utf-8")
    result = (
        run([command, "-", "--width", "100"], data)
        if use_stdin
        else run([command, str(FIXTURE), "--width", "100"])
    )
    assert result.exit_code in (0, 1), result.output  # cases --check is not asked: 0 expected below
    assert result.exit_code == 0, result.stderr
    assert result.stdout == run([command, "--width", "100"], data).stdout  # no INPUT, piped


def test_no_input_and_no_pipe_runs_on_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: False)
    result = run(["timeline", "--format", "jsonl"], "ignored: stdin is a terminal here")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1 and "sample texts" in result.stderr
    assert "kommunetekst timeline FILE_OR_FOLDER" in result.stderr
    rows = jsonl(result.stdout)
    dated = [r for r in rows if r["date"]]
    assert dated[-1]["date"] == "2020-06-26" and dated[-1]["title"] == "Dagens smittetall"
    assert {r["doc"].split("/")[0] for r in rows} == {"sample"}


def test_the_sample_is_the_seed_texts() -> None:
    files = _report_input.sample_files()
    assert [name for name, _ in files] == [f"sample/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]
    assert files[0][1].read_bytes() == sorted(SEEDS.glob("*.txt"))[0].read_bytes()


def test_text_files_and_folders_are_extracted_on_the_fly(tmp_path: Path) -> None:
    folder = tmp_path / "logg"
    folder.mkdir()
    (folder / "b.txt").write_text(
        "19.03.20 Nye smittede\n\nTekst.\n\n18.03.20 Fra kriseledelsen\n", "utf-8"
    )
    (folder / "a.txt").write_text("Tema\n • Bolig\n • Arbeid\n", "utf-8")
    result = run(["timeline", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [(r["date"], r["title"]) for r in jsonl(result.stdout)] == [
        ("2020-03-18", "Fra kriseledelsen"),
        ("2020-03-19", "Nye smittede"),
    ]
    summary = jsonl(run(["summary", str(folder), "--format", "jsonl"]).stdout)
    assert {(r["doc"], r["kind"], r["records"]) for r in summary} == {
        (str(folder / "a.txt"), "bullet", 2),
        (str(folder / "b.txt"), "date_header", 2),
    }


def test_year_applies_to_text_input(tmp_path: Path) -> None:
    path = tmp_path / "asker.txt"
    path.write_text("20. mars: Samarbeider med frivilligheten\n", "utf-8")
    without = jsonl(run(["timeline", str(path), "--format", "jsonl"]).stdout)
    with_year = jsonl(run(["timeline", str(path), "--format", "jsonl", "--year", "2020"]).stdout)
    assert (without[0]["date"], with_year[0]["date"]) == (None, "2020-03-20")


def test_jsonl_is_told_by_content_and_by_extension(tmp_path: Path) -> None:
    as_txt = tmp_path / "records.txt"  # JSONL under a .txt name: read as JSONL, not extracted
    shutil.copy(FIXTURE, as_txt)
    rows = jsonl(run(["phones", str(as_txt), "--format", "jsonl"]).stdout)
    assert len(rows) == 6
    broken = tmp_path / "broken.jsonl"  # a .jsonl whose first line is not JSON: an error, not text
    broken.write_text("26.06.20 Dagens smittetall\n", "utf-8")
    result = run(["timeline", str(broken)])
    assert result.exit_code == 1
    assert f"Error: {broken}:1: not valid JSON" in result.stderr


def test_jsonl_of_a_newer_version_still_reads() -> None:
    lines = [
        '{"kind":"phone","doc":"a.txt","line":1,"span":[0,3],"text":"113","date":null,"number":"113",'
        '"display":"113","type":"emergency","label":null,"confidence":0.99,"schema":7}',
        '{"kind":"quote","doc":"a.txt","line":2,"who":{"name":"ordfører"},"said":["Vi må alle"]}',
        '{"kind":"phone","doc":"a.txt","line":3,"number":"113"}',  # an older, trimmed record
    ]
    result = run(["phones", "-", "--format", "jsonl"], "\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert [(r["number"], r["occurrences"]) for r in jsonl(result.stdout)] == [("113", 2)]


def test_a_document_given_twice_counts_once(tmp_path: Path) -> None:
    twice = tmp_path / "twice.jsonl"
    shutil.copy(FIXTURE, twice)
    result = run(["phones", str(FIXTURE), str(twice), "--format", "jsonl"])
    assert [r["occurrences"] for r in jsonl(result.stdout)] == [2, 1, 1, 1, 1, 1]


# -- errors ---------------------------------------------------------------------------------------

BAD = (
    '{"kind":"phone","doc":"a.txt","line":1,"number":"113"}\n'
    '{"kind":"phone", "doc": oops}\n'
    "\n"
    '{"kind":"case_count","doc":"a.txt","line":4,"metric":"total","value":"12"}\n'
    "[1, 2]\n"
)


def test_a_bad_jsonl_line_is_one_error_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(BAD, "utf-8")
    result = run(["phones", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}:2: not valid JSON")
    assert result.stderr.count("\n") == 1 and "--skip-invalid" in result.stderr


def test_a_record_with_a_wrong_type_names_its_line() -> None:
    result = run(["cases", "-"], BAD.replace('{"kind":"phone", "doc": oops}', ""))
    assert result.exit_code == 1
    assert 'Error: -:4: case_count field "value" is a str, expected an int' in result.stderr


def test_skip_invalid_skips_and_counts() -> None:
    result = run(["phones", "-", "--skip-invalid", "--format", "csv"], BAD)
    assert result.exit_code == 0, result.output
    assert "Skipped 3 invalid JSONL lines (--skip-invalid)." in result.stderr
    assert list(csv.reader(io.StringIO(result.stdout)))[1][:2] == ["113", "113"]


def test_missing_input_is_an_error_and_nothing_is_printed() -> None:
    result = run(["phones", "nowhere.jsonl"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nowhere.jsonl: no such file or folder.\n"
    assert result.stdout == ""


def test_missing_input_next_to_a_good_one_still_reports_and_exits_1() -> None:
    result = run(["phones", "nowhere.jsonl", str(FIXTURE), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 6


def test_binary_file_in_a_folder_is_a_warning_named_binary_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("19.03.20 Nye smittede\n", "utf-8")
    (tmp_path / "bilde.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    walked = run(["timeline", str(tmp_path), "--format", "jsonl"])
    assert walked.exit_code == 0, walked.output
    assert "Warning: skipped" in walked.stderr and "bilde.png" in walked.stderr
    named = run(["timeline", str(tmp_path / "bilde.png")])
    assert named.exit_code == 1 and "Error:" in named.stderr


def test_empty_input_says_so() -> None:
    result = run(["cases", "-"], "")
    assert result.exit_code == 0
    assert "Warning: the input holds no case_count records." in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["cases", "--plot-ascii", "--format", "csv"],
        ["cases", "--format", "xml"],
        ["bullets", "--category", "vedtak"],
        ["cases", "--width", "10"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run([*args, str(FIXTURE)])
    assert result.exit_code == 2
    assert "Error:" in result.stderr


# -- cases ----------------------------------------------------------------------------------------


def test_cases_table() -> None:
    result = run(["cases", str(FIXTURE), "--width", "100"])
    assert result.exit_code == 0, result.output
    assert "COVID-19 cases" in result.stdout and "123*" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour in a pipe


def test_cases_check_lists_the_contradictions_and_exits_1() -> None:
    result = run(["cases", str(FIXTURE), "--check", "--width", "120"])
    assert result.exit_code == 1
    out = result.stdout
    assert "3 contradictions" in out
    assert "218 - 204 = 14 (lines 45 and 65)" in out and "181 - 161 = 20 (lines 87 and 93)" in out
    assert "123 (line 143) and 111 (line 147)" in out


def test_cases_check_of_a_consistent_log_exits_0() -> None:
    consistent = "".join(
        line + "\n"
        for line in FIXTURE.read_text("utf-8").splitlines()
        if '"line":147,' not in line and '"metric":"new"' not in line
    )
    result = run(["cases", "-", "--check"], consistent)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No contradictions found in 13 dates")


def test_cases_plot_is_ascii_and_fits_the_width() -> None:
    result = run(["cases", str(FIXTURE), "--plot-ascii", "--width", "72"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 72 and all(" " <= c <= "~" for c in line) for line in lines)
    assert "16.03" in result.stdout and "26.06" in result.stdout and "500 |" in result.stdout


def test_cases_csv_and_jsonl_carry_the_same_rows() -> None:
    from kommunetekst.reports.cases import CASE_FIELDS

    rows = jsonl(run(["cases", str(FIXTURE), "--format", "jsonl"]).stdout)
    table = list(
        csv.DictReader(io.StringIO(run(["cases", str(FIXTURE), "--format", "csv"]).stdout))
    )
    assert [r["date"] for r in rows] == [r["date"] for r in table]
    assert list(table[0]) == list(CASE_FIELDS)
    assert [(r["date"], r["total"]) for r in rows][-2:] == [
        ("2020-03-30", 246),
        ("2020-06-26", 423),
    ]
    assert table[-2]["total"] == "246" and table[-2]["since"] == "søndag" and table[0]["new"] == ""
    assert table[8]["sources"] == f"{SEED0}:69; {SEED0}:73"


def test_cases_check_as_jsonl() -> None:
    result = run(["cases", str(FIXTURE), "--check", "--format", "jsonl"])
    assert result.exit_code == 1
    assert [(r["date"], r["problem"]) for r in jsonl(result.stdout)] == [
        ("2020-03-19", "two_totals"),
        ("2020-03-24", "increase"),
        ("2020-03-27", "increase"),
    ]


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_a_closed_pipe_ends_quietly_with_status_0(fmt: str, tmp_path: Path) -> None:
    # 6 copies under other names: more output than a pipe holds, in every format
    lines = FIXTURE.read_text("utf-8").splitlines()
    big = tmp_path / "big.jsonl"
    copies = (line.replace('"doc":"seeds/', f'"doc":"{i}/') for i in range(6) for line in lines)
    big.write_text("".join(line + "\n" for line in copies), "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kommunetekst", "bullets", str(big), "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""


# -- the other reports ----------------------------------------------------------------------------


def test_phones_csv() -> None:
    result = run(["phones", str(FIXTURE), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0] == {
        "number": "+4767509494",
        "display": "67 50 94 94",
        "type": "fixed",
        "labels": "Psykisk mestringstelefon; Korona-psykisk mestringstelefon",
        "occurrences": "2",
        "docs": SEED0,
        "first_date": "2020-03-19",
    }


def test_decisions_is_bullets_with_category_decision() -> None:
    short = run(["decisions", str(FIXTURE), "--format", "jsonl"]).stdout
    assert (
        short
        == run(["bullets", str(FIXTURE), "--category", "decision", "--format", "jsonl"]).stdout
    )
    rows = jsonl(short)
    assert {r["category"] for r in rows} == {"decision"}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_percentages_jsonl() -> None:
    rows = jsonl(run(["percentages", str(FIXTURE), "--format", "jsonl"]).stdout)
    assert rows[1] == {
        "value": 67.9,
        "unit": "percent",
        "year": 2018,
        "date": None,
        "doc": "seeds/003_ccc7029a1f2c16bb.txt",
        "line": 30,
        "text": "67,9 prosent",
    }


def test_summary_lists_warnings_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tema\n • Bolig\n", "utf-8")
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    result = run(["summary", str(tmp_path), "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "1 document, 1 records" in result.stdout and "Warning: skipped" in result.stdout


# -- on the seed texts themselves (needs the extractors) ------------------------------------------


@needs("case_count")
def test_seeds_cases_series_and_check() -> None:
    rows = jsonl(run(["cases", str(SEEDS), "--format", "jsonl"]).stdout)
    assert [(r["date"][5:], r["total"]) for r in rows if r["total"] is not None] == [
        ("03-16", 85),
        ("03-17", 101),
        ("03-18", 104),
        ("03-19", 123),
        ("03-20", 123),
        ("03-21", 136),
        ("03-23", 161),
        ("03-24", 181),
        ("03-25", 191),
        ("03-26", 204),
        ("03-27", 218),
        ("03-30", 246),
        ("06-26", 423),
    ]
    check = run(["cases", str(SEEDS), "--check", "--format", "jsonl"])
    assert check.exit_code == 1
    found = {(r["date"], r["problem"]) for r in jsonl(check.stdout)}
    assert {("2020-03-24", "increase"), ("2020-03-27", "increase")} <= found


@needs("case_count")
def test_seeds_plot_piped_from_extract() -> None:
    records = run(["extract", str(SEEDS)]).stdout
    piped = run(["cases", "--plot-ascii", "--width", "100"], records)
    direct = run(["cases", str(SEEDS), "--plot-ascii", "--width", "100"])
    fixture = run(["cases", str(FIXTURE), "--plot-ascii", "--width", "100"])
    assert piped.exit_code == direct.exit_code == 0
    assert piped.stdout == direct.stdout == fixture.stdout


@needs("phone")
def test_seeds_phones_six_numbers_with_labels() -> None:
    rows = jsonl(run(["phones", str(SEEDS), "--format", "jsonl"]).stdout)
    assert {r["number"] for r in rows} == {
        "+4767509494",
        "+4767508200",
        "+4767505999",
        "113",
        "+4767504770",
        "+4766700000",
    }
    top = rows[0]
    assert top["number"] == "+4767509494" and top["occurrences"] == 2 and len(top["labels"]) == 2


# -- packaging ------------------------------------------------------------------------------------


def test_build_copies_the_seeds_into_the_package(tmp_path: Path) -> None:
    """setup.py's build_py hook: the built package carries kommunetekst/sample/*.txt."""
    pytest.importorskip("setuptools")
    build = tmp_path / "build"
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shipped = sorted(p.name for p in (build / "kommunetekst" / "sample").glob("*.txt"))
    assert shipped == sorted(p.name for p in SEEDS.glob("*.txt"))


# -- filters, notes and names (issue 21) ----------------------------------------------------------


def test_since_until_keep_the_dates_asked_for_and_say_what_they_left_out() -> None:
    result = run(
        [
            "cases",
            str(FIXTURE),
            "--format",
            "jsonl",
            "--since",
            "2020-03-20",
            "--until",
            "27.03.2020",
        ]
    )
    assert result.exit_code == 0, result.output
    dates = [r["date"] for r in jsonl(result.stdout)]
    assert dates[0] == "2020-03-20" and dates[-1] == "2020-03-27"
    first = jsonl(result.stdout)[0]
    assert first["new_computed"] == 0 and first["computed_from"] == "2020-03-19"  # not cut off
    assert "Note:" in result.stderr and "outside --since/--until" in result.stderr


def test_decisions_of_one_day() -> None:
    result = run(
        [
            "decisions",
            str(FIXTURE),
            "--since",
            "2020-03-18",
            "--until",
            "2020-03-18",
            "--format",
            "jsonl",
        ]
    )
    rows = jsonl(result.stdout)
    assert rows and {r["date"] for r in rows} == {"2020-03-18"}
    assert {r["category"] for r in rows} == {"decision"}


def test_discussed_items_are_not_decisions() -> None:
    decided = jsonl(run(["decisions", str(FIXTURE), "--format", "jsonl"]).stdout)
    discussed = jsonl(
        run(["bullets", str(FIXTURE), "--category", "DISCUSSED", "--format", "jsonl"]).stdout
    )
    assert "Barn og unge i risikogrupper." in {r["item"] for r in discussed}
    assert not {r["item"] for r in decided} & {r["item"] for r in discussed}


def test_doc_glob_and_place_filter(tmp_path: Path) -> None:
    for town, total in (("baerum", 191), ("asker", 77)):
        folder = tmp_path / town
        folder.mkdir()
        (folder / "logg.txt").write_text(
            f"25.03.20 Smittetall\n\nAntall smittede i {town.title()} er {total}.\n", "utf-8"
        )
    both = run(["cases", str(tmp_path), "--format", "jsonl"])
    assert sorted(r["total"] for r in jsonl(both.stdout)) == [77, 191]
    only = run(["cases", str(tmp_path), "--format", "jsonl", "--doc", "baerum/*"])
    assert [r["total"] for r in jsonl(only.stdout)] == [191]
    place = run(["cases", str(tmp_path), "--format", "jsonl", "--place", "ASKER"])
    assert [r["total"] for r in jsonl(place.stdout)] == [77]
    table = run(["cases", str(tmp_path), "--width", "120"])
    assert "baerum/logg.txt" in table.stdout and "asker/logg.txt" in table.stdout


def test_undated_figures_are_said_on_stderr_even_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "udatert.txt"
    path.write_text("20. mars: Status\n\nAntall smittede i Asker er 12.\n", "utf-8")
    result = run(["cases", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Note: 1 case figures without a date left out; pass --year" in result.stderr
    assert "Note: no case rows to write." in result.stderr
    dated = run(["cases", str(path), "--format", "csv", "--year", "2020"])
    assert "2020-03-20" in dated.stdout and "Note" not in dated.stderr


def test_year_with_jsonl_input_is_not_silently_ignored() -> None:
    result = run(["timeline", str(FIXTURE), "--year", "2020", "--format", "jsonl"])
    assert result.exit_code == 0
    assert "--year applies to text INPUT only" in result.stderr


@pytest.mark.parametrize("fmt", ["CSV", "Jsonl", "TABLE"])
def test_format_is_case_insensitive(fmt: str) -> None:
    assert run(["phones", str(FIXTURE), "--format", fmt]).exit_code == 0


def test_a_bad_date_is_a_usage_error() -> None:
    result = run(["cases", str(FIXTURE), "--since", "32.03.2020"])
    assert result.exit_code == 2 and "--since" in result.stderr


def test_case_fields_and_table_headers_agree() -> None:
    rows = list(csv.DictReader(io.StringIO(run(["cases", str(FIXTURE), "--format", "csv"]).stdout)))
    table = run(["cases", str(FIXTURE), "--width", "140"]).stdout
    assert "hospitalized" in rows[0] and "Hospitalized" in table and "Hospitalised" not in table
    assert "new_computed" in rows[0] and "New computed" in table


def test_the_group_help_has_whole_sentences() -> None:
    out = run(["--help"]).stdout
    commands = out.split("Commands:")[1].strip().splitlines()
    assert commands and all(not line.rstrip().endswith("...") for line in commands), commands


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("phones", "phone"),
        ("cases", "case_count"),
        ("bullets", "bullet"),
        ("timeline", "date_header"),
    ],
)
def test_only_accepts_report_names(name: str, kind: str) -> None:
    result = run(["extract", "-", "--only", name], "Ring 67 50 94 94.\n")
    assert result.exit_code == 0, result.output
    assert {r["kind"] for r in jsonl(result.stdout)} <= {"document", kind}


# -- cases --plot --------------------------------------------------------------------------------


def test_plot_svg(tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    result = run(["cases", str(FIXTURE), "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the chart instead of the table
    svg = out.read_text("utf-8")
    assert svg.startswith("<svg") and 'class="kt-curve"' in svg
    assert "Total cases" in svg and "New cases" in svg and "Date (2020)" in svg  # labelled axes
    assert svg.count('class="kt-contradiction"') == 3  # 19.03, 24.03, 27.03
    assert ">Bærum</text>" in svg  # the place legend
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed


def test_plot_png(tmp_path: Path) -> None:
    pytest.importorskip("cairosvg", reason="the png extra is not installed")
    out = tmp_path / "c.png"
    result = run(["cases", str(FIXTURE), "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_png_without_the_extra_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # import fails
    out = tmp_path / "c.png"
    result = run(["cases", str(FIXTURE), "--plot", str(out)])
    assert result.exit_code == 1
    assert "pip install 'kommunetekst[png]'" in result.stderr and not out.exists()


@pytest.mark.parametrize("name", ["c.pdf", "missing/c.svg"])
def test_plot_needs_an_svg_or_png_path_that_can_be_written(name: str, tmp_path: Path) -> None:
    result = run(["cases", str(FIXTURE), "--plot", str(tmp_path / name)])
    assert result.exit_code == 2 and "--plot" in result.stderr


def test_case_series_example_without_arguments_says_how_to_use_it() -> None:
    example = ROOT / "examples" / "case_series.py"
    result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True)
    assert result.returncode == 2 and "usage:" in result.stderr
