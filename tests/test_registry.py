"""Every registered extractor passes the same checks (CONTRIBUTING.md, step 4)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import kommunetekst.extractors as extractors_pkg
from kommunetekst import extract_text, extractor_names, get_extractor
from kommunetekst.errors import UnknownExtractorError
from kommunetekst.records import ENVELOPE
from kommunetekst.registry import EXTRACTORS, resolve

ENVELOPE_NAMES = [f.name for f in ENVELOPE]

NAMES = extractor_names()


def test_every_module_is_registered() -> None:
    folder = Path(extractors_pkg.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == set(EXTRACTORS)
    assert list(EXTRACTORS) == sorted(EXTRACTORS)


@pytest.mark.parametrize("name", NAMES)
def test_info_is_complete(name: str) -> None:
    info = get_extractor(name).INFO
    assert info.name == name
    assert info.kind and info.version and info.description and info.fields
    assert not {f.name for f in info.record_fields} & set(ENVELOPE_NAMES)
    assert get_extractor(info.kind) is get_extractor(name)
    assert get_extractor(name.replace("_", "-")) is get_extractor(name)


@pytest.mark.parametrize("name", NAMES)
def test_empty_input_yields_nothing(name: str) -> None:
    assert list(extract_text("", only=name)) == []
    assert list(extract_text("\n\n  \n", only=name)) == []


def _docstring_example(module: object) -> tuple[str, dict]:
    doc = module.__doc__ or ""
    assert "Example::" in doc, "module docstring needs an Example:: block"
    block = doc.split("Example::", 1)[1]
    block = textwrap.dedent(block.strip("\n").split("\n\n\n")[0])
    source, _, output = block.strip("\n").partition("\n\n")
    return source, json.loads(output)


@pytest.mark.parametrize("name", NAMES)
def test_docstring_example_is_real_output(name: str) -> None:
    module = get_extractor(name)
    source, expected = _docstring_example(module)
    got = list(extract_text(source, only=name))
    assert expected in got, f"docstring says {expected}, extract gives {got}"


@pytest.mark.parametrize("name", NAMES)
def test_records_in_text_order_with_exact_evidence(name: str, seed_paths: list[Path]) -> None:
    for path in seed_paths:
        text = path.read_text("utf-8")
        recs = list(extract_text(text, doc=path.name, only=name))
        starts = [r["span"][0] for r in recs]
        assert starts == sorted(starts)
        for r in recs:
            s, e = r["span"]
            assert r["text"] == text[s:e]
            assert r["line"] == text.count("\n", 0, s) + 1
            assert r["kind"] == get_extractor(name).INFO.kind
            info = get_extractor(name).INFO
            assert list(r) == ENVELOPE_NAMES + [f.name for f in info.record_fields]


def test_unknown_extractor_names_the_valid_ones() -> None:
    with pytest.raises(UnknownExtractorError, match=r"choose from: .*bullet"):
        get_extractor("telefon")


def test_only_accepts_kinds_modules_and_comma_strings() -> None:
    assert [e.INFO.name for e in resolve("bullet,date-headers")] == ["bullets", "date_headers"]
    assert [e.INFO.name for e in resolve(["email"])] == ["emails"]
