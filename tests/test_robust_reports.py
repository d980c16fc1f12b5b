"""Robustness of the report commands (issue 7): malformed and foreign JSONL.

``test_cli_reports.py`` (the reports' own tests) covers one bad line, a wrong
type, an array and a newer record for one command each; here every report
command meets each kind of damage, and hypothesis throws generated records at
them. The rule: a report either prints, or stops with one ``Error: FILE:LINE:
…`` sentence and status 1; never a traceback. New damage goes into ``DAMAGED``;
a new command is picked up from ``COMMANDS``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunetekst.cli import _report_input, cli

COMMANDS = ["cases", "phones", "percentages", "bullets", "decisions", "timeline", "summary"]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "reports--seeds.jsonl"
GOOD = (
    '{"kind":"document","doc":"a.txt","line":null,"span":null,"text":null,"date":null,"schema":1}\n'
    '{"kind":"phone","doc":"a.txt","line":1,"span":[0,3],"text":"113","date":null,"number":"113"}\n'
)


@pytest.fixture(autouse=True)
def stdin_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: True)


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=input)


def assert_no_crash(result, allowed: tuple[int, ...] = (0, 1)) -> None:  # type: ignore[no-untyped-def]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in allowed, result.output
    assert "Traceback" not in result.output


class Damage(NamedTuple):
    id: str
    data: bytes
    error: str | None  # the start of the Error: sentence, or None when the report runs


DAMAGED = [
    Damage("empty file", b"", None),
    Damage("blank lines only", b"\n  \n\t\n", None),
    Damage("only a BOM", b"\xef\xbb\xbf", None),
    Damage("last line cut off", GOOD.encode() + GOOD.encode()[:40], "-:3: not valid JSON"),
    Damage(
        "cut inside a UTF-8 character",
        GOOD.encode() + '{"kind":"phone","doc":"Bærum'.encode()[:-1],
        "-:3: not valid JSON",
    ),
    Damage(
        "numbers too big",
        b'{"kind":"case_count","doc":"a","line":1,"metric":"total","value":1e400}\n',
        "-:1:",
    ),
    Damage(
        "integer beyond 64 bits",
        b'{"kind":"case_count","doc":"a","line":1,"metric":"total",'
        b'"value":123456789012345678901234567890}\n',
        "-:1:",
    ),
    Damage("NaN", b'{"kind":"percentage","doc":"a","line":1,"value":NaN}\n', "-:1: not valid JSON"),
    Damage("kind is a list", b'{"kind":["phone"],"doc":"a"}\n', "-:1:"),
    Damage("doc is null", b'{"kind":"phone","doc":null,"number":"113"}\n', "-:1:"),
    Damage("line is a string", b'{"kind":"phone","doc":"a","line":"7","number":"113"}\n', "-:1:"),
    Damage("line is true", b'{"kind":"phone","doc":"a","line":true,"number":"113"}\n', "-:1:"),
    Damage(
        "date not ISO",
        b'{"kind":"phone","doc":"a","line":1,"number":"113","date":"19.03.20"}\n',
        "-:1:",
    ),
    Damage(
        "date impossible",
        b'{"kind":"phone","doc":"a","line":1,"number":"113","date":"2020-02-30"}\n',
        "-:1:",
    ),
    Damage(
        "unknown kind with nested values",
        b'{"kind":"quote","doc":"a","who":{"n":[1,{"x":null}]}}\n',
        None,
    ),
    Damage(
        "extra fields of a newer version",
        GOOD.replace(
            '"number":"113"',
            '"number":"113","confidence":0.9,'
            '"span_bytes":[0,3],"schema":9,"labels":[{"text":"nød"}]',
        ).encode(),
        None,
    ),
    Damage(
        "invalid UTF-8 in a string",
        b'{"kind":"phone","doc":"a\xff.txt","line":1,"number":"113"}\n',
        "-:1: not valid JSON",
    ),
    Damage("a NUL byte in the stream", GOOD.encode() + b"\x00\n", "- is a binary file, not text"),
    Damage("CRLF line ends", GOOD.replace("\n", "\r\n").encode(), None),
    Damage(
        "span is an object",
        b'{"kind":"document","doc":"a","span":{"a":1}}\n',
        '-:1: field "span" is an object, expected [start, end]',
    ),
    Damage("span holds lists", b'{"kind":"document","doc":"a","span":[[0],[3]]}\n', "-:1:"),
    Damage("text is a list", b'{"kind":"document","doc":"a","text":["1","13"]}\n', "-:1:"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", DAMAGED, ids=[d.id for d in DAMAGED])
def test_damaged_jsonl(case: Damage, command: str) -> None:
    check_damage(case, command)


def check_damage(case: Damage, command: str) -> None:
    result = run([command, "-", "--format", "jsonl"], case.data)
    assert_no_crash(result)
    if case.error is None:
        assert result.exit_code == 0, result.output
        assert not [line for line in result.stderr.splitlines() if line.startswith("Error")]
    else:
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
        assert len(errors) == 1 and errors[0].startswith(f"Error: {case.error}"), result.stderr


# Lines that --skip-invalid must skip, each on its own.
BAD_LINES = [
    GOOD.splitlines()[1][:40],
    '[{"kind":"phone","doc":"a.txt","number":"113"}]',
    '"kind"',
    '{"kind":"case_count","doc":"a","line":1,"metric":"total","value":1e400}',
    '{"kind":"percentage","doc":"a","line":1,"value":NaN}',
    '{"kind":["phone"],"doc":"a"}',
    '{"kind":"phone","doc":null,"number":"113"}',
    '{"kind":"phone","doc":"a","line":"7","number":"113"}',
    '{"kind":"phone","doc":"a","line":1,"number":"113","date":"2020-02-30"}',
    '{"kind":"case_count","doc":"a","line":1,"metric":"total","value":"12"}',
]


@pytest.mark.parametrize("command", COMMANDS)
def test_skip_invalid_reads_around_the_damage(command: str) -> None:
    fixture = FIXTURE.read_text("utf-8").splitlines()
    mixed = [line for pair in zip(fixture, BAD_LINES * len(fixture), strict=False) for line in pair]
    result = run([command, "-", "--skip-invalid", "--format", "jsonl"], "\n".join(mixed) + "\n")
    assert_no_crash(result, allowed=(0,))
    assert (
        f"Skipped {min(len(fixture), len(BAD_LINES) * len(fixture))} invalid JSONL lines"
        in result.stderr
    )
    clean = run([command, str(FIXTURE), "--format", "jsonl"])
    assert result.stdout == clean.stdout


KNOWN_FAILURES = [
    (
        Damage(
            "a JSON array",
            b"[" + GOOD.encode().replace(b"\n", b",").rstrip(b",") + b"]\n",
            "-:1: expected a JSON object",
        ),
        "input counts as JSONL only when it starts with {: a JSON array is read as text, "
        "giving an empty report with status 0",
    ),
    (
        Damage("a JSON string per line", b'"kind"\n"doc"\n', "-:1: expected a JSON object"),
        "input counts as JSONL only when it starts with {: "
        "read as text, an empty report with status 0",
    ),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(d, marks=pytest.mark.xfail(strict=True, reason=why))
        for d, why in KNOWN_FAILURES
    ],
    ids=[d.id for d, _ in KNOWN_FAILURES],
)
def test_known_failures(case: Damage, command: str) -> None:
    check_damage(case, command)


def test_jsonl_saved_by_windows_powershell_as_utf16(tmp_path: Path) -> None:
    # PowerShell 5's ">" writes UTF-16 with a BOM. As .jsonl it must be an error
    # naming the file, not a crash.
    path = tmp_path / "records.jsonl"
    path.write_bytes(FIXTURE.read_text("utf-8").encode("utf-16"))
    result = run(["phones", str(path)])
    assert_no_crash(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:1: not valid JSON")


@pytest.mark.xfail(
    strict=True,
    reason="JSONL is sniffed on the raw bytes (first byte {), so UTF-16 JSONL "
    "without a .jsonl name is read as text and its JSON extracted as phone numbers",
)
def test_utf16_jsonl_without_the_suffix_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_bytes(FIXTURE.read_text("utf-8").encode("utf-16"))
    result = run(["phones", str(path), "--format", "jsonl"])
    assert_no_crash(result)
    assert str(path) not in result.stdout  # no phone number "found" in the JSON text itself


# -- generated records -------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2020-03-19", "2020-02-30", "19.03.20", "", "total", "new", "113"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
# span and text mostly well-typed, so that the reports get past the record check.
ENVELOPE = {
    "span": st.one_of(
        st.none(), st.lists(st.integers(-5, 10**6), min_size=2, max_size=2), json_values
    ),
    "text": st.one_of(st.none(), st.text(max_size=12), json_values),
}
FIELDS = [
    "line",
    "date",
    "section",
    "metric",
    "value",
    "place",
    "since",
    "since_date",
    "number",
    "display",
    "type",
    "label",
    "unit",
    "year",
    "item",
    "heading",
    "category",
    "index",
    "title",
    "date_text",
    "time",
    "address",
    "opens",
    "closes",
    "days",
    "chars",
    "lines",
    "encoding",
]
records = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(
            [
                "document",
                "case_count",
                "phone",
                "percentage",
                "bullet",
                "date_header",
                "email",
                "opening_hours",
                "quote",
            ]
        ),
        "doc": st.sampled_from(["a.txt", "b.txt", "sub/c.txt"]),
    },
    optional={**{name: json_values for name in FIELDS}, **ENVELOPE},
)


@pytest.mark.parametrize("command", COMMANDS)
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(recs=st.lists(records, max_size=8))
def test_generated_records_never_crash_a_report(command: str, recs: list[dict[str, Any]]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    for fmt in ("table", "csv", "jsonl"):
        result = run([command, "-", "--format", fmt], data)
        assert_no_crash(result)
        if result.exit_code == 1:
            errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
            assert len(errors) == 1 and errors[0].startswith("Error: -:"), result.stderr
        lenient = run([command, "-", "--format", fmt, "--skip-invalid"], data)
        assert_no_crash(lenient, allowed=(0,))
