"""The HTML report: its content from the seeds, and the page in a real browser.

The browser test opens the page in headless Chromium (Debian's ``chromium``; .ci/run installs
it) over the DevTools protocol (tests/browser.py), takes a screenshot, and checks that the
page logged no console error, asked for nothing but itself, and drew the chart. Without
Chromium it is skipped on a developer's machine and fails in CI (CI=true).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser import chromium, load_page, png_pixels, png_size
from conftest import SEEDS
from kommunetekst.cli import _report_input, cli

GOLD_CONTRADICTIONS = ("2020-03-24", "2020-03-27")


@pytest.fixture(autouse=True)
def stdin_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "r.html"
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.stderr
    return out


def test_the_page_has_the_curve_the_figures_and_the_evidence(page: Path) -> None:
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 1 and 'class="kt-curve"' in html
    assert ">423</a>" in html  # the last total, linked to its evidence
    for day in GOLD_CONTRADICTIONS:  # the two increases that disagree with the totals
        assert f'<td class="code">{day}</td>' in html
    assert "two_totals" in html
    for label in ("Psykisk mestringstelefon", "Seniortelefonen", "Barneverntjenesten"):
        assert label in html
    assert "Kriseledelsen har blant annet behandlet:" in html  # decisions
    assert "Kriseledelsen har blant annet diskutert:" in html  # discussed, apart
    decided = html.split('id="decisions"')[1].split('id="discussed"')[0]
    assert "Barn og unge i risikogrupper." not in decided
    # Every evidence link has its entry, and the entry quotes the sentence with the figure.
    links = set(re.findall(r'href="#ev-(\d+)"', html))
    entries = set(re.findall(r'<li id="ev-(\d+)"', html))
    assert links and links == entries
    assert "<mark>tilsammen 423</mark>" in html
    assert "Det er ikke meldt nye smittede i Bærum, <mark>tilsammen 423</mark>." in html


def test_the_page_fetches_nothing(page: Path) -> None:
    html = page.read_text("utf-8")
    for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src="):
        assert needle not in html, needle
    external = re.findall(r'href="(?!#)([^"]*)"', html)
    assert external == [], external


def test_filters_apply_to_the_page(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        cli,
        ["report", str(SEEDS), "-o", str(out), "--since", "2020-03-25", "--until", "2020-03-27"],
    )
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "--since 2020-03-25 --until 2020-03-27" in html
    assert "2020-03-24</span>" not in html and "2020-03-25</span>" in html
    assert "Note:" in result.stderr and "outside --since/--until" in result.stderr


def test_report_needs_an_output_file() -> None:
    result = CliRunner().invoke(cli, ["report", str(SEEDS)])
    assert result.exit_code == 2
    assert "-o" in result.stderr


CHART_PROBE = """JSON.stringify((() => {
  const svg = document.querySelector('svg.kt-chart');
  const curve = svg.querySelector('polyline.kt-curve');
  const box = curve.getBoundingClientRect();
  return {curveWidth: box.width, curveHeight: box.height, points: curve.points.length,
          rings: svg.querySelectorAll('.kt-contradiction').length,
          svgWidth: svg.getBoundingClientRect().width};
})())"""


@pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium; .ci/run does)",
)
def test_chromium_renders_the_page_and_draws_the_chart(page: Path, tmp_path: Path) -> None:
    import json

    rendered = load_page(page, CHART_PROBE, clip_selector="svg.kt-chart")
    assert rendered.console_errors == []
    assert rendered.requests == [page.resolve().as_uri()]  # the page itself, nothing else
    probe = json.loads(rendered.value)
    assert probe["points"] == 13  # one mark per date with a total
    assert probe["curveWidth"] > 300 and probe["curveHeight"] > 100
    assert probe["rings"] == 3  # the three contradictions of the seeds
    (tmp_path / "report.png").write_bytes(rendered.screenshot)
    width, height = png_size(rendered.screenshot)
    assert width >= 1000 and height > 2000  # the whole page
    # The chart is drawn: its clip holds many pixels of the curve's colour (#0072B2).
    _, _, chart = png_pixels(rendered.clip)
    blue = sum(
        1
        for row in chart
        for i in range(0, len(row), 4)
        if abs(row[i] - 0x00) < 40 and abs(row[i + 1] - 0x72) < 40 and abs(row[i + 2] - 0xB2) < 40
    )
    assert blue > 300, blue


# -- any records: never a crash, always a well-formed page ---------------------------------------

_text = st.one_of(st.text(max_size=20), st.sampled_from(["Bærum\x00\x0b", "<b>&amp;", "a]]>"]))
_date = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["2020-03-19", "2020-03-20"]))
_record = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("case_count"), "doc": st.sampled_from(["a/x.txt", "b/x.txt", "-"]),
         "metric": st.sampled_from(["total", "new", "hospitalized", "deaths"]),
         "value": st.integers(-(10**12), 10**12), "date": _date, "line": st.integers(1, 9),
         "text": _text, "place": st.one_of(st.none(), _text), "span": st.just([0, 3])},
    ),
    st.fixed_dictionaries(
        {"kind": st.just("phone"), "doc": st.just("a/x.txt"), "number": _text.filter(bool),
         "label": st.one_of(st.none(), _text), "date": _date, "text": _text},
    ),
    st.fixed_dictionaries(
        {"kind": st.just("bullet"), "doc": st.just("a/x.txt"), "item": _text,
         "heading": st.one_of(st.none(), _text), "date": _date,
         "category": st.sampled_from(["decision", "discussed"]), "line": st.integers(1, 9)},
    ),
    st.fixed_dictionaries(
        {"kind": st.just("date_header"), "doc": st.just("b/x.txt"), "date": _date,
         "title": st.one_of(st.none(), _text), "date_text": _text, "line": st.integers(1, 9)},
    ),
)  # fmt: skip


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(recs=st.lists(_record, max_size=12))
def test_any_records_give_a_well_formed_page(recs: list[dict], tmp_path: Path) -> None:
    import json
    import xml.dom.minidom

    from kommunetekst.reports.cases import collect_cases
    from kommunetekst.reports.chart import build_cases_svg
    from kommunetekst.reports.html import build_html_report

    html = build_html_report(recs)
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    xml.dom.minidom.parseString(build_cases_svg(collect_cases(recs)))
    out = tmp_path / "r.html"
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    result = CliRunner().invoke(cli, ["report", "-", "-o", str(out)], input=data)
    assert result.exit_code == 0, result.output


def test_control_characters_in_a_record_still_give_a_valid_svg(tmp_path: Path) -> None:
    import xml.dom.minidom

    from kommunetekst.reports.cases import collect_cases
    from kommunetekst.reports.chart import build_cases_svg

    recs = [
        {"kind": "case_count", "doc": "a", "metric": "total", "value": 5, "line": 1,
         "date": "2020-03-01", "place": "B\x00\x0bærum", "text": "5 smittede\x1f"},
    ]  # fmt: skip
    xml.dom.minidom.parseString(build_cases_svg(collect_cases(recs)))
