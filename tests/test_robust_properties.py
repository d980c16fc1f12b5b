"""Properties of extract_text and decode_bytes over generated input (issue 7).

For any text: extraction never raises, every record's ``text`` is exactly the
normalised text at its ``span`` on its ``line``, records come in text order,
survive a JSON round trip, and a second run gives the same records. For any
bytes: decoding gives text or ``BinaryInputError``, nothing else.

The strategies draw from the characters the patterns care about (digits,
spaces of every kind, dots, dashes, bullets, ``kl.``, ``@``, Norwegian words,
combining marks, invisible characters), so that generated text reaches the
extractors' code paths instead of being random noise. A new interesting
fragment goes into ``FRAGMENTS``.

The examples are derandomized, so CI runs the same ones every time; to search
further, run e.g. ``pytest tests/test_robust_properties.py
--hypothesis-seed=$RANDOM`` after setting ``derandomize=False`` here.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunetekst import extract_bytes, extract_text
from kommunetekst.decoding import binary_kind, decode_bytes, normalize_text
from kommunetekst.errors import BinaryInputError
from kommunetekst.registry import extractor_names

FRAGMENTS = [
    "1",
    "2",
    "09",
    "15",
    "113",
    "67 50 94 94",
    "+47 ",
    "0047",
    "12,5",
    "1 641",
    "2 113",
    "16 000",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    ".",
    "..",
    ",",
    ":",
    ";",
    "!",
    "?",
    "-",
    "–",
    "—",
    "\u2212",
    "•",
    "·",
    "*",
    "▪",
    "(",
    ")",
    "«",
    "»",
    "%",
    "kl.",
    "kl ",
    "klokka",
    "til",
    "mellom",
    "hverdager",
    "mandag",
    "fredag",
    "søndag",
    "i går",
    "prosent",
    "pst.",
    "prosentpoeng",
    "smittede",
    "nye",
    "innlagt",
    "døde",
    "totalt",
    "Det er nå",
    "Bærum",
    "Ås",
    "elever",
    "tlf.",
    "telefon",
    "Ring",
    "post",
    "@",
    "baerum.kommune.no",
    ".no",
    "26.06.20",
    "20. mars",
    "Mandag 23. mars 2020:",
    "2020",
    "2019",
    "mars",
    "des.",
    "Kriseledelsen har vedtatt:",
    "Tema",
    "sier ordføreren",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "a\u030a",
    "o\u0308",
    "\ufffd",
    "\x00",
    "𝟙",  # noqa: RUF001 (a digit that is not ASCII)
    "ǅ",
    "ß",
    "İ",
]

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=60).map("".join),
    st.text(max_size=300),
)

PROPERTY = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def check_records(text: str, recs: list[dict[str, Any]]) -> None:
    norm = normalize_text(text)
    prev = -1
    for r in recs:
        s, e = r["span"]
        assert 0 <= s < e <= len(norm), r
        assert r["text"] == norm[s:e], r
        assert r["line"] == norm.count("\n", 0, s) + 1, r
        assert s >= prev, "records out of text order"
        prev = s
        assert "" not in [v for v in r.values() if isinstance(v, str)], r
        assert r["date"] is None or (isinstance(r["date"], str) and len(r["date"]) == 10), r
        line = orjson.dumps(r)
        assert orjson.loads(line) == r
        assert json.loads(json.dumps(r, ensure_ascii=False)) == r


@PROPERTY
@given(text=texts)
def test_extract_text_never_raises_and_keeps_the_evidence(text: str) -> None:
    recs = list(extract_text(text))
    check_records(text, recs)
    assert list(extract_text(text)) == recs


@pytest.mark.parametrize("name", extractor_names())
@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(text=texts)
def test_each_extractor_alone_keeps_the_evidence(name: str, text: str) -> None:
    check_records(text, list(extract_text(text, only=name)))


@PROPERTY
@given(text=texts, year=st.one_of(st.none(), st.integers(1900, 2100)))
def test_year_never_breaks_anything(text: str, year: int | None) -> None:
    check_records(text, list(extract_text(text, year=year)))


@PROPERTY
@given(
    data=st.one_of(
        st.binary(max_size=400),
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        texts.map(lambda t: t.encode("cp1252", "replace")),
        texts.map(lambda t: t.encode("utf-16")),
        st.tuples(texts, st.binary(max_size=4), texts).map(
            lambda p: p[0].encode() + p[1] + p[2].encode()
        ),
    )
)
def test_decode_bytes_gives_text_or_binary_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except BinaryInputError:
        return
    assert "\r" not in decoded.text
    assert normalize_text(decoded.text) == decoded.text
    assert decoded.encoding.split(" ")[0] in {
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-32",
        "windows-1252",
    }
    recs = list(extract_bytes(data, "x.txt"))
    assert recs[0]["kind"] == "document" and recs[0]["chars"] == len(decoded.text)
    check_records(decoded.text, recs[1:])


@PROPERTY
@given(text=texts)
def test_utf8_text_decodes_to_its_normal_form(text: str) -> None:
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return
    data = text.encode("utf-8")
    if binary_kind(data):  # a NUL in the first 8 KB, or text that starts like "%PDF-"
        return
    decoded = decode_bytes(data)
    assert decoded.text == normalize_text(text.removeprefix("\ufeff"))
