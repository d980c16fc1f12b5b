"""``kommunetekst export``: typed tables in SQLite, CSV/TSV and Parquet, checked against the JSONL.

Every export test compares with the JSONL that ``extract`` writes for the seeds:
row counts per kind, and the type of every value against its declaration. The
Parquet, DuckDB and pandas tests run where pyarrow, duckdb and pandas are
installed (``pip install '.[interop]'``, as ``.ci/run`` does) and are skipped
otherwise.

Where new cases go: a new format or column type next to the type tests; a new
way the input or the output can go wrong next to the error tests (assert the
exit code, the ``Error:`` line and that the old output is untouched).
"""

from __future__ import annotations

import collections
import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any, get_args

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from kommunetekst.cli import _report_input, cli
from kommunetekst.export import export_records, export_tables
from kommunetekst.export.sqlite import SQL_TYPES, SqliteExport
from kommunetekst.export.tables import kind_table
from kommunetekst.records import DOCUMENT, ExtractorInfo, FieldType
from kommunetekst.registry import all_info

KINDS = [info.kind for info in all_info()]
TYPEOF = {"string": "text", "integer": "integer", "number": "real", "date": "text"}


@pytest.fixture(autouse=True)
def stdin_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner's stdin is never a terminal: say "piped" unless a test says otherwise."""
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: True)


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=input)


@pytest.fixture(scope="module")
def seeds_jsonl() -> str:
    result = CliRunner().invoke(cli, ["extract", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return result.stdout


def per_kind(jsonl_text: str) -> collections.Counter[str]:
    return collections.Counter(json.loads(line)["kind"] for line in jsonl_text.splitlines())


def export(tmp_path: Path, jsonl_text: str, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = run(["export", "-", "-o", str(out), *args], input=jsonl_text)
    assert result.exit_code == 0, result.output
    return out


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


# -- the tables follow the declarations ----------------------------------------------------------


def test_every_kind_has_a_table_with_the_envelope_then_its_declared_fields() -> None:
    tables = {t.kind: t for t in export_tables()}
    assert list(tables) == ["document", *KINDS]
    assert tables["document"].name == "documents"
    for info in all_info():
        columns = tables[info.kind].column_names
        assert columns[:6] == ["doc", "line", "span_start", "span_end", "text", "date"]
        assert columns[7:] == list(info.fields)  # no span fields among the kinds' own
    assert tables["document"].column_names == ["doc", *DOCUMENT.fields]


def test_every_declarable_type_has_a_column_type_in_every_format(tmp_path: Path) -> None:
    """A field type added to records.FieldType must get its SQL, Parquet and JSON Schema types."""
    from kommunetekst.record_schema import field_schema

    types: tuple[FieldType, ...] = get_args(FieldType)
    info = ExtractorInfo("probe", "probe", "1", "every type", {f"f_{t}": f"{t}?" for t in types})
    table = kind_table(info)
    for column in table.columns:
        assert column.type in SQL_TYPES
    for f in info.record_fields:
        assert field_schema(f)["type"][1] == "null"
    record = {
        "kind": "probe", "doc": "a", "line": 1, "span": [0, 1], "text": "x", "date": None,
        "f_string": "s", "f_integer": 7, "f_number": 2.5, "f_date": "2020-03-19", "f_span": [3, 9],
    }  # fmt: skip
    assert set(types) == {"string", "integer", "number", "date", "span"}, "add the new type here"
    import sqlite_utils

    db = sqlite_utils.Database(tmp_path / "probe.sqlite")
    SqliteExport(db, (kind_table(DOCUMENT), table)).write([record])
    row = db.execute(
        "SELECT typeof(f_string), typeof(f_integer), typeof(f_number), f_date, f_span_start, "
        "f_span_end FROM probe"
    ).fetchone()
    assert row == ("text", "integer", "real", "2020-03-19", 3, 9)
    pa = pytest.importorskip("pyarrow")
    from kommunetekst.export.files import arrow_schema

    schema = arrow_schema(table)
    assert schema.field("f_date").type == pa.date32()
    assert schema.field("f_span_start").type == pa.int64()


# -- SQLite ----------------------------------------------------------------------------------------


def test_sqlite_has_as_many_rows_per_kind_as_the_jsonl(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    expected = per_kind(seeds_jsonl)
    counts = sqlite_counts(db)
    assert counts.pop("documents") == expected.pop("document") == 5
    assert counts == {kind: expected.get(kind, 0) for kind in KINDS}


def test_sqlite_values_have_their_declared_types(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    with sqlite3.connect(db) as conn:
        for table in export_tables():
            declared = dict(
                (r[1], r[2]) for r in conn.execute(f"PRAGMA table_info([{table.name}])")
            )
            for c in table.columns:
                assert declared[c.name] == SQL_TYPES[c.type], (table.name, c.name)
                found = {
                    r[0]
                    for r in conn.execute(f"SELECT DISTINCT typeof([{c.name}]) FROM [{table.name}]")
                }
                assert found <= {TYPEOF[c.type], "null"}, (table.name, c.name, found)
        assert conn.execute("SELECT DISTINCT typeof(value) FROM case_count").fetchall() == [
            ("integer",)
        ]
        numbers = {r[0]: r[1] for r in conn.execute("SELECT number, typeof(number) FROM phone")}
        assert numbers["+4767509494"] == numbers["113"] == "text"


def test_sqlite_rows_equal_the_jsonl_records(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    records = [json.loads(line) for line in seeds_jsonl.splitlines()]
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        for table in export_tables():
            rows = [dict(r) for r in conn.execute(f"SELECT * FROM [{table.name}] ORDER BY rowid")]
            assert rows == [table.row(r) for r in records if r["kind"] == table.kind]


def test_sqlite_has_indexes_and_a_foreign_key_to_documents(
    tmp_path: Path, seeds_jsonl: str
) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(export(tmp_path, seeds_jsonl, "r.sqlite"))
    assert db["documents"].pks == ["doc"]
    for kind in KINDS:
        table = db[kind]
        assert {tuple(i.columns) for i in table.indexes} >= {("doc",), ("date",)}
        assert [(fk.column, fk.other_table, fk.other_column) for fk in table.foreign_keys] == [
            ("doc", "documents", "doc")
        ]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_exporting_again_replaces_a_documents_rows(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    before = sqlite_counts(db)
    export(tmp_path, seeds_jsonl, "r.sqlite")
    assert sqlite_counts(db) == before  # the same documents again: nothing doubled

    new = tmp_path / "new.txt"
    new.write_text("26.06.20 Dagens smittetall\nRing 113 eller 67 50 94 94.\n", encoding="utf-8")
    result = run(["export", str(new), "-o", str(db)])
    assert result.exit_code == 0, result.output
    after = sqlite_counts(db)
    assert after["documents"] == 6 and after["phone"] == before["phone"] + 2
    new.write_text("27.06.20 Nytt\nRing 113.\n", encoding="utf-8")  # the document changed
    result = run(["export", str(new), "-o", str(db)])
    assert result.exit_code == 0, result.output
    assert sqlite_counts(db)["phone"] == before["phone"] + 1
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT date FROM date_header WHERE doc = ?", [str(new)]
        ).fetchall() == [("2020-06-27",)]


def test_a_table_of_an_older_version_gets_the_new_columns(tmp_path: Path, seeds_jsonl: str) -> None:
    db = tmp_path / "r.sqlite"
    with sqlite3.connect(db) as conn:  # as an export before bullets had a "number"
        conn.execute("CREATE TABLE bullet (doc TEXT, line INTEGER, item TEXT)")
        conn.execute("INSERT INTO bullet VALUES ('old.txt', 1, 'Beholdt')")
    export(tmp_path, seeds_jsonl, "r.sqlite")
    with sqlite3.connect(db) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(bullet)")]
        assert columns[:3] == ["doc", "line", "item"] and "number" in columns
        items = [r[0] for r in conn.execute("SELECT item FROM bullet")]
    assert len(items) == per_kind(seeds_jsonl)["bullet"] + 1 and "Beholdt" in items


def test_only_writes_and_replaces_the_kinds_named(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite", "--only", "phone")
    assert sqlite_counts(db) == {"documents": 5, "phone": per_kind(seeds_jsonl)["phone"]}
    export(tmp_path, seeds_jsonl, "r.sqlite", "--only", "case_count,phone_numbers")
    counts = sqlite_counts(db)
    assert counts["case_count"] == 30 and counts["phone"] == per_kind(seeds_jsonl)["phone"]


def test_two_documents_with_one_name_the_later_wins_with_a_warning(tmp_path: Path) -> None:
    a = run(["extract", "-"], input="Ring 113.\n").stdout
    b = run(["extract", "-"], input="Ring 110 eller 112.\n").stdout
    out = tmp_path / "r.sqlite"
    result = run(["export", "-", "-o", str(out)], input=a + b)
    assert result.exit_code == 0, result.output
    assert "both called '-'" in result.stderr
    with sqlite3.connect(out) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT number FROM phone")) == ["110", "112"]
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_records_without_a_document_record_get_a_documents_row(tmp_path: Path) -> None:
    line = '{"kind":"phone","doc":"a.txt","line":2,"span":[4,7],"text":"113","date":null,'
    line += '"number":"113","display":"113","type":"emergency","label":null}\n'
    out = tmp_path / "r.sqlite"
    result = run(["export", "-", "-o", str(out)], input=line)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT doc, sha256 FROM documents").fetchall() == [("a.txt", None)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_unknown_kinds_and_fields_are_left_out_with_a_warning(tmp_path: Path) -> None:
    lines = (
        '{"kind":"quote","doc":"a","who":"Conradi"}\n'
        '{"kind":"email","doc":"a","address":"post@baerum.kommune.no","mx":"x"}\n'
    )
    out = tmp_path / "r.sqlite"
    result = run(["export", "-", "-o", str(out)], input=lines)
    assert result.exit_code == 0, result.output
    assert "1 quote record was left out" in result.stderr
    assert "field 'mx' of 1 email record was left out" in result.stderr
    assert sqlite_counts(out)["email"] == 1


def test_whole_number_floats_are_written_as_integers(tmp_path: Path) -> None:
    line = (
        '{"kind":"case_count","doc":"a","line":3.0,"span":[1.0,9.0],"metric":"total","value":85.0}'
    )
    out = tmp_path / "r.sqlite"
    assert run(["export", "-", "-o", str(out)], input=line + "\n").exit_code == 0
    with sqlite3.connect(out) as conn:
        row = conn.execute("SELECT typeof(line), span_start, value, typeof(value) FROM case_count")
        assert row.fetchone() == ("integer", 1, 85, "integer")


def test_text_input_exports_like_its_jsonl(tmp_path: Path, seeds_jsonl: str) -> None:
    from_jsonl = export(tmp_path, seeds_jsonl, "a.sqlite")
    result = run(["export", str(SEEDS), "-o", str(tmp_path / "b.sqlite")])
    assert result.exit_code == 0, result.output
    assert sqlite_counts(from_jsonl) == sqlite_counts(tmp_path / "b.sqlite")


# -- CSV and TSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_has_a_file_per_table_with_a_header(
    tmp_path: Path, seeds_jsonl: str, fmt: str, delimiter: str
) -> None:
    out = export(tmp_path, seeds_jsonl, "tables", "--format", fmt)
    expected = per_kind(seeds_jsonl)
    assert sorted(os.listdir(out)) == sorted(f"{t.name}.{fmt}" for t in export_tables())
    for table in export_tables():
        with open(out / f"{table.name}.{fmt}", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=delimiter))
        assert rows[0] == table.column_names
        assert len(rows) - 1 == expected.get(table.kind, 0)
    with open(out / f"case_count.{fmt}", encoding="utf-8", newline="") as fh:
        cases = list(csv.DictReader(fh, delimiter=delimiter))
    assert {c["value"] for c in cases if c["metric"] == "total"} >= {"423", "246"}
    with open(out / f"phone.{fmt}", encoding="utf-8", newline="") as fh:
        assert {"+4767509494", "113"} <= {
            p["number"] for p in csv.DictReader(fh, delimiter=delimiter)
        }


def test_format_follows_the_suffix(tmp_path: Path, seeds_jsonl: str) -> None:
    out = export(tmp_path, seeds_jsonl, "tables.csv")
    assert (out / "case_count.csv").read_text(encoding="utf-8").startswith("doc,line,span_start")
    assert sqlite_counts(export(tmp_path, seeds_jsonl, "r.db"))["case_count"] == 30


def test_a_folder_export_replaces_the_folder_whole(tmp_path: Path, seeds_jsonl: str) -> None:
    out = export(tmp_path, seeds_jsonl, "t.csv")
    export(tmp_path, seeds_jsonl, "t.csv", "--only", "phone")
    assert sorted(os.listdir(out)) == ["documents.csv", "phone.csv"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# -- Parquet, DuckDB, pandas (where installed) ----------------------------------------------------


def test_parquet_has_a_real_schema(tmp_path: Path, seeds_jsonl: str) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    out = export(tmp_path, seeds_jsonl, "t.parquet")
    expected = per_kind(seeds_jsonl)
    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    arrow["date"] = pa.date32()
    for table in export_tables():
        data = pq.read_table(out / f"{table.name}.parquet")
        assert data.num_rows == expected.get(table.kind, 0)
        assert data.schema.names == table.column_names
        for c in table.columns:
            assert data.schema.field(c.name).type == arrow[c.type], (table.name, c.name)
    phones = pq.read_table(out / "phone.parquet").column("number").to_pylist()
    assert "113" in phones and "+4767509494" in phones


def test_duckdb_reads_the_parquet_and_csv_with_the_jsonl_counts_and_types(
    tmp_path: Path, seeds_jsonl: str
) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    pq = export(tmp_path, seeds_jsonl, "t.parquet")
    csv_dir = export(tmp_path, seeds_jsonl, "t.csv")
    expected = per_kind(seeds_jsonl)
    for path in (pq / "case_count.parquet", csv_dir / "case_count.csv"):
        rel = duckdb.sql(f"SELECT * FROM '{path}'")
        types = dict(zip(rel.columns, [str(t) for t in rel.types], strict=True))
        assert types["value"] == "BIGINT" and types["line"] == "BIGINT", path
        assert types["date"] == "DATE", path
        count = duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()
        assert count == [(expected["case_count"],)]
    rel = duckdb.sql(f"SELECT number FROM '{pq / 'phone.parquet'}'")
    assert [str(t) for t in rel.types] == ["VARCHAR"]
    assert ("113",) in rel.fetchall()


def test_pandas_reads_sqlite_and_parquet_with_integer_and_text_columns(
    tmp_path: Path, seeds_jsonl: str
) -> None:
    pd = pytest.importorskip("pandas")
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    with sqlite3.connect(db) as conn:
        cases = pd.read_sql("SELECT * FROM case_count", conn)
        phones = pd.read_sql("SELECT * FROM phone", conn)
    assert str(cases["value"].dtype) == "int64" and str(cases["line"].dtype) == "int64"
    assert len(cases) == per_kind(seeds_jsonl)["case_count"]
    assert {"113", "+4767509494"} <= set(phones["number"])
    pytest.importorskip("pyarrow")
    pq = export(tmp_path, seeds_jsonl, "t.parquet")
    frame = pd.read_parquet(pq / "case_count.parquet")
    assert str(frame["value"].dtype) == "int64" and len(frame) == len(cases)


# -- float-writing tools round trip ---------------------------------------------------------------


def cases_csv(jsonl_text: str) -> str:
    result = run(["cases", "-", "--format", "csv"], input=jsonl_text)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_pandas_round_trip_still_reads_in_cases(tmp_path: Path, seeds_jsonl: str) -> None:
    pd = pytest.importorskip("pandas")
    (tmp_path / "records.jsonl").write_text(seeds_jsonl, encoding="utf-8")
    frame = pd.read_json(tmp_path / "records.jsonl", lines=True, dtype=False)  # as the README says
    back = frame.to_json(orient="records", lines=True, force_ascii=False)
    assert '"value":85.0' in back or '"schema":1.0' in back  # the floats the issue is about
    assert cases_csv(back) == cases_csv(seeds_jsonl)
    assert (
        run(["phones", "-", "--format", "csv"], input=back).stdout
        == run(["phones", "-", "--format", "csv"], input=seeds_jsonl).stdout
    )


def test_a_duckdb_round_trip_still_reads_in_cases(tmp_path: Path, seeds_jsonl: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    src, back = tmp_path / "records.jsonl", tmp_path / "back.jsonl"
    src.write_text(seeds_jsonl, encoding="utf-8")
    duckdb.sql(f"COPY (SELECT * FROM read_json('{src}', sample_size=-1)) TO '{back}'")
    text = back.read_text(encoding="utf-8")
    assert '.0,"' in text  # DuckDB wrote case counts as doubles (percentages share the column)
    assert cases_csv(text) == cases_csv(seeds_jsonl)


def test_whole_number_floats_read_in_cases_without_pandas(seeds_jsonl: str) -> None:
    """The round trip's floats, written by hand: every integer field as a float."""
    lines = []
    for line in seeds_jsonl.splitlines():
        r = json.loads(line)
        for name in ("line", "value", "chars", "lines", "schema", "index", "year"):
            if isinstance(r.get(name), int):
                r[name] = float(r[name])
        if r.get("span"):
            r["span"] = [float(v) for v in r["span"]]
        lines.append(json.dumps(r, ensure_ascii=False))
    floats = "\n".join(lines) + "\n"
    assert '"value": 423.0' in floats
    assert cases_csv(floats) == cases_csv(seeds_jsonl)


def test_a_float_that_is_not_whole_keeps_its_clear_error() -> None:
    line = '{"kind":"case_count","doc":"a","line":1,"metric":"total","value":85.5}\n'
    result = run(["cases", "-"], input=line)
    assert result.exit_code == 1
    assert 'field "value" is a float, expected an int' in result.stderr


# -- the README's loader lines ------------------------------------------------------------------


def readme_python_blocks() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tables for pandas, DuckDB and SQLite", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in section.split("```python\n")[1:]]


def test_the_readme_loader_lines_run_and_give_typed_columns(
    tmp_path: Path, seeds_jsonl: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    blocks = readme_python_blocks()
    assert len(blocks) >= 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records.jsonl").write_text(seeds_jsonl, encoding="utf-8")
    export(tmp_path, seeds_jsonl, "records.sqlite")
    export(tmp_path, seeds_jsonl, "tables", "--format", "parquet")
    names: dict[str, Any] = {}
    for block in blocks:
        exec(block, names)
    assert str(names["cases"]["value"].dtype) == "int64"
    assert "113" in set(names["phones"]["number"])
    assert "113" in set(names["records"]["number"])
    assert names["totals"].fetchall()  # a DuckDB relation with rows


def test_the_readme_sqlite_example_gives_what_it_shows(
    tmp_path: Path, seeds_jsonl: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    command, shown = (
        readme.split('$ sqlite3 records.sqlite "', 1)[1].split("\n$", 1)[0].split('"\n', 1)
    )
    monkeypatch.chdir(tmp_path)
    export(tmp_path, seeds_jsonl, "records.sqlite")
    with sqlite3.connect("records.sqlite") as conn:
        rows = conn.execute(command).fetchall()
    assert "\n".join("|".join(str(v) for v in row) for row in rows) == shown.strip()


def test_the_readme_duckdb_jsonl_line_types_from_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_json samples the first lines only; a late "20:30" must not become NULL."""
    duckdb = pytest.importorskip("duckdb")
    lines = [x for b in readme_python_blocks() for x in b.splitlines() if "FROM read_json(" in x]
    assert len(lines) == 1
    line = lines[0]
    call = line.split("duckdb.sql(", 1)[1].rsplit(")", 1)[0]
    header = '{"kind":"date_header","doc":"a","line":%d,"date":null,"date_text":"x","title":null,'
    rows = [(header % n) + '"time":null}' for n in range(1, 30_001)]
    rows.append((header % 30_001) + '"time":"20:30"}')
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    query = eval(call)  # the SQL string of the README's line
    times = duckdb.sql(f"SELECT time FROM ({query}) WHERE time IS NOT NULL").fetchall()
    assert [str(t) for (t,) in times] == ["20:30:00"]


# -- JSON Schema -------------------------------------------------------------------------------


def test_schema_command_prints_the_declared_types(seeds_jsonl: str) -> None:
    result = run(["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$defs"]["case_count"]["properties"]["value"] == {"type": "integer"}
    assert schema["$defs"]["phone"]["properties"]["number"] == {"type": "string"}
    assert schema["$defs"]["case_count"]["properties"]["place"] == {"type": ["string", "null"]}
    assert sorted(schema["$defs"]) == sorted(["document", *KINDS])


def test_every_extracted_record_validates_against_the_schema(seeds_jsonl: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run(["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for line in seeds_jsonl.splitlines():
        validator.validate(json.loads(line))
    wrong = json.loads(next(x for x in seeds_jsonl.splitlines() if '"kind":"phone"' in x))
    for field, value in (("number", 4767509494), ("date", "19.03.20"), ("span", [1])):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({**wrong, field: value})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**wrong, "extra": 1})


# -- bad input and atomic output -----------------------------------------------------------------


def test_a_bad_jsonl_line_stops_and_leaves_the_old_output(tmp_path: Path, seeds_jsonl: str) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    before = db.read_bytes()
    bad = seeds_jsonl + '{"kind":"case_count","doc":"z","metric":"total","value":"12"}\n'
    result = run(["export", "-", "-o", str(db)], input=bad)
    assert result.exit_code == 1
    bad_line = len(bad.splitlines())  # the line added last
    assert f"-:{bad_line}:" in result.stderr and "Nothing was written" in result.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]
    result = run(["export", "-", "-o", str(db), "--skip-invalid"], input=bad)
    assert result.exit_code == 0, result.output
    assert "Skipped 1 invalid JSONL line" in result.stderr


def test_an_unreadable_input_is_an_error_but_the_rest_is_written(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Ring 113.\n", encoding="utf-8")
    out = tmp_path / "r.sqlite"
    result = run(["export", str(good), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "Error: " in result.stderr and "missing.txt" in result.stderr
    assert sqlite_counts(out)["phone"] == 1


def test_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = run(["export", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_binary_files_follow_extracts_rules(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ring 113.\n", encoding="utf-8")
    (folder / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    out = tmp_path / "r.sqlite"
    result = run(["export", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Warning: skipped" in result.stderr
    result = run(["export", str(folder / "b.png"), "-o", str(out)])
    assert result.exit_code == 1 and "Error: " in result.stderr


def test_an_error_halfway_leaves_the_old_database_and_no_temporary_file(
    tmp_path: Path, seeds_jsonl: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = export(tmp_path, seeds_jsonl, "r.sqlite")
    before = db.read_bytes()

    def broken(self: SqliteExport, name: str) -> None:
        raise KeyboardInterrupt  # Ctrl-C while rows are being written

    monkeypatch.setattr(SqliteExport, "_flush_table", broken)
    result = run(["export", "-", "-o", str(db)], input=seeds_jsonl)
    assert result.exit_code != 0
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]


def test_an_error_halfway_leaves_the_old_folder(
    tmp_path: Path, seeds_jsonl: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = export(tmp_path, seeds_jsonl, "t.csv")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from kommunetekst.export import files

    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_delimited", broken)
    result = run(["export", "-", "-o", str(out)], input=seeds_jsonl)
    assert result.exit_code == 1
    assert "Error: cannot write" in result.stderr and "left as it was" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/out"], "cannot tell the format"),
        (["-o", "{tmp}/notes.db"], "is not an SQLite database"),
        (["-o", "{tmp}/mine", "--format", "csv"], "holds files an export does not make"),
        (["-o", "{tmp}/notes.db", "--format", "csv"], "is a file"),
        (["-o", "{tmp}/nowhere/r.sqlite"], "does not exist"),
        (["-o", "{tmp}/r.sqlite", "--only", "nope"], "Unknown extractor"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "notes.db").write_text("not a database\n", encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "analysis.csv").write_text("x\n", encoding="utf-8")
    result = run(["export", "-", *(a.format(tmp=tmp_path) for a in args)], input="Ring 113.\n")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert (tmp_path / "notes.db").read_text(encoding="utf-8") == "not a database\n"


def test_the_output_as_an_input_is_refused(tmp_path: Path, seeds_jsonl: str) -> None:
    out = export(tmp_path, seeds_jsonl, "t.csv")
    result = run(["export", str(out / "phone.csv"), "-o", str(out)])
    assert result.exit_code == 2 and "is also the output" in result.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ring 113.\n", encoding="utf-8")
    for _ in range(2):  # the second time, the walk meets the output inside the folder
        result = run(["export", str(folder), "-o", str(folder / "t.csv")])
        assert result.exit_code == 0, result.output
    assert "it is the output file" in result.stderr
    assert sqlite_counts_csv(folder / "t.csv") == {"documents": 1, "phone": 1}


def sqlite_counts_csv(folder: Path) -> dict[str, int]:
    counts = {}
    for path in folder.iterdir():
        n = len(path.read_text(encoding="utf-8").splitlines()) - 1
        if n:
            counts[path.stem] = n
    return counts


def test_no_input_on_a_terminal_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: False)
    result = run(["export", "-o", str(tmp_path / "r.sqlite")])
    assert result.exit_code == 2 and "give INPUT" in result.stderr


def test_parquet_without_pyarrow_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    result = run(["export", "-", "-o", str(tmp_path / "t.parquet")], input="Ring 113.\n")
    assert result.exit_code == 1
    assert "pip install 'kommunetekst[parquet]'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_progress_and_summary_on_a_terminal_only(
    tmp_path: Path, seeds_jsonl: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(["export", "-", "-o", str(tmp_path / "a.sqlite")], input=seeds_jsonl)
    assert result.stderr == ""
    from kommunetekst.cli import export as export_cli

    monkeypatch.setattr(export_cli, "is_terminal", lambda stream: True)
    result = run(["export", "-", "-o", str(tmp_path / "b.sqlite")], input=seeds_jsonl)
    assert result.exit_code == 0, result.output
    records = sum(1 for line in seeds_jsonl.splitlines() if '"kind":"document"' not in line)
    assert f"Wrote {records} records of 5 documents" in result.stderr


def test_the_library_call_writes_the_same_tables(tmp_path: Path, seeds_jsonl: str) -> None:
    records = [json.loads(line) for line in seeds_jsonl.splitlines()]
    stats = export_records(records, str(tmp_path / "r.sqlite"))
    assert stats.documents == 5 and stats.records == len(records) - 5
    assert stats.rows["case_count"] == 30 and not stats.warnings
