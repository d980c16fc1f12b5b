"""`kommunetekst extract` through click's CliRunner: inputs, outputs, errors, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from kommunetekst.cli import cli

LOG = "26.06.20 Dagens smittetall\n\nKontakt: post@baerum.kommune.no\n\nTema\n • Bolig\n • Arbeid\n"


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=input)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "b.txt").write_text(LOG, "utf-8")
    (folder / "a.txt").write_text("01.02.21 Vaksine\n", "utf-8")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("Tema\n • Helse\n", "utf-8")
    return folder


@pytest.mark.parametrize("use_stdin", [True, False])
def test_stdin_and_file_give_the_same_records(use_stdin: bool, tmp_path: Path) -> None:
    path = tmp_path / "logg.txt"
    path.write_text(LOG, "utf-8")
    result = run(["extract", "-"], LOG) if use_stdin else run(["extract", str(path)])
    assert result.exit_code == 0, result.output
    recs = lines(result.stdout)
    assert recs[0]["kind"] == "document"
    assert recs[0]["doc"] == ("-" if use_stdin else str(path))
    assert [r["kind"] for r in recs[1:]] == ["date_header", "email", "bullet", "bullet"]
    assert all(r["date"] == "2020-06-26" for r in recs[1:])


def test_document_record(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(LOG.encode())
    doc = lines(run(["extract", str(path)]).stdout)[0]
    import hashlib

    assert doc["sha256"] == hashlib.sha256(LOG.encode()).hexdigest()
    assert doc["encoding"] == "utf-8"
    assert doc["chars"] == len(LOG)
    assert doc["lines"] == LOG.count("\n")


def test_output_is_utf8_not_ascii_escaped() -> None:
    result = run(["extract", "-"], "Tema\n • Bærum og Ås\n")
    assert "Bærum og Ås" in result.stdout


def test_folder_is_walked_recursively_in_sorted_order(corpus: Path) -> None:
    result = run(["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    docs = [r["doc"] for r in lines(result.stdout) if r["kind"] == "document"]
    assert docs == [str(corpus / "a.txt"), str(corpus / "b.txt"), str(corpus / "sub" / "c.txt")]


def test_files_one_by_one_or_as_folder_give_identical_output(corpus: Path) -> None:
    as_folder = run(["extract", str(corpus)]).stdout
    files = [str(corpus / "sub" / "c.txt"), str(corpus / "b.txt"), str(corpus / "a.txt")]
    assert run(["extract", *files]).stdout == as_folder


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    for i in range(12):
        shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[i % 5], tmp_path / f"{i:02d}.txt")
    one = run(["extract", str(tmp_path), "--jobs", "1"])
    two = run(["extract", str(tmp_path), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert one.stdout.count('"kind":"document"') == 12


def test_only_and_unknown_kind() -> None:
    result = run(["extract", "-", "--only", "email,bullet"], LOG)
    assert {r["kind"] for r in lines(result.stdout)} == {"document", "email", "bullet"}
    bad = run(["extract", "-", "--only", "telefon"], LOG)
    assert bad.exit_code == 2
    assert "telefon" in bad.stderr and "choose from" in bad.stderr


def test_year_fills_yearless_headers_only() -> None:
    text = "20. mars: Samarbeider med frivilligheten\n"
    no_year = lines(run(["extract", "-", "--only", "date_header"], text).stdout)[1]
    assert no_year["date"] is None and no_year["date_text"] == "20. mars"
    with_year = lines(
        run(["extract", "-", "--only", "date_header", "--year", "2020"], text).stdout
    )[1]
    assert with_year["date"] == "2020-03-20"
    assert run(["extract", "-", "--year", "20"], text).exit_code == 2


def test_windows_1252_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Tema\n • Bærum – Ås\n".encode("cp1252"))
    recs = lines(run(["extract", str(path)]).stdout)
    assert recs[0]["encoding"] == "windows-1252"
    assert recs[1]["item"] == "Bærum – Ås"


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + LOG.replace("\n", "\r\n").encode())
    recs = lines(run(["extract", str(path)]).stdout)
    assert recs[0]["encoding"] == "utf-8-sig"
    assert recs[0]["chars"] == len(LOG)
    header = recs[1]
    assert header["span"] == [0, 26] and header["text"] == "26.06.20 Dagens smittetall"
    assert [r["line"] for r in recs[1:]] == [1, 3, 6, 7]


def test_binary_file_in_folder_is_skipped_with_a_warning(corpus: Path) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run(["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1
    assert "Warning: skipped" in result.stderr and "image.txt" in result.stderr
    assert len([r for r in lines(result.stdout) if r["kind"] == "document"]) == 3


def test_binary_or_missing_file_named_beside_good_ones(corpus: Path, tmp_path: Path) -> None:
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    good = corpus / "a.txt"
    result = run(["extract", str(binary), str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("data.bin" in e and "binary" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    assert [r["doc"] for r in lines(result.stdout) if r["kind"] == "document"] == [str(good)]


def test_output_file_is_written_atomically(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run(["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(lines(out.read_text("utf-8"))) > 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_file_left_untouched_and_no_temp_file_on_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("crash while extracting")

    monkeypatch.setattr("kommunetekst.cli.extract.process_source", boom)
    result = run(["extract", "-", "-o", str(out)], LOG)
    assert result.exit_code != 0
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_output_into_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run(["extract", "-", "-o", str(tmp_path / "nope" / "out.jsonl")], LOG)
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_no_path_and_no_stdin_is_a_usage_error() -> None:
    result = run(["extract"], input="")
    # CliRunner's stdin is not a terminal, so an empty stdin is read: one empty document.
    assert result.exit_code == 0
    assert lines(result.stdout)[0]["chars"] == 0


@pytest.mark.parametrize("command", [[], ["extract"], ["extractors"]])
def test_help(command: list[str]) -> None:
    result = run([*command, "-h"])
    assert result.exit_code == 0
    assert "Example" in result.output or not command


def test_every_command_is_in_the_groups_table() -> None:
    # The group imports a command's module when the command is asked for, by this table.
    import importlib

    from kommunetekst.cli._app import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"kommunetekst.cli.{module}")
    assert {
        name: command.callback.__module__.rsplit(".", 1)[1]  # type: ignore[union-attr]
        for name, command in cli.commands.items()
    } == COMMAND_MODULES


def test_extractors_lists_every_kind() -> None:
    result = run(["extractors", "--json"])
    kinds = [r["kind"] for r in lines(result.stdout)]
    assert {"date_header", "bullet", "email"} <= set(kinds)
