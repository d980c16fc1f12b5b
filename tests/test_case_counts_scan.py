"""The shortcuts of case_counts' sentence scan read the same counts as the plain rules.

_SCAN_RE tries a count only where a space comes before two letters that can start a
number word, and a count at the very start of a sentence is read from a copy of the
sentence with a space before it. These tests hold the scan to the plain count pattern
(a space, then _COUNT_BODY) and read counts where sentences start.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import records

from kommunetekst.extractors import case_counts as cc
from kommunetekst.numwords import WORDS_BELOW_HUNDRED

_PLAIN_COUNT_RE = re.compile("[ ]" + cc._COUNT_BODY, re.VERBOSE)

_HUNDREDS = ["hundre", "etthundre", "eithundre", "tohundre", "trehundreogfem", "nihundreognittini"]
_WORDS = [*WORDS_BELOW_HUNDRED, *_HUNDREDS, "ikke"]


def _counts(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text) if m.lastgroup]


def test_scan_reads_every_number_word() -> None:
    for word in [*_WORDS, *(w[0].upper() + w[1:] for w in _WORDS)]:
        text = f"Det er {word} smittede."
        expected = [(6, 7 + len(word), f" {word}")]
        assert _counts(cc._SCAN_RE, text) == _counts(_PLAIN_COUNT_RE, text) == expected, word


def test_scan_finds_the_counts_of_the_plain_pattern(seed_paths: Any) -> None:
    lines = [ln for path in seed_paths for ln in path.read_text("utf-8").split("\n")]
    lines += [
        "Det er en, to eller tre – 4 og femti, ikke Ikke ei eit ett éin én nitti 1 641 1.641 2-3",
        "Elleve, tolv, fjorten; Atten (Tjue) Sytti: Ingen Null Seks Sju Syv Åtte Åtti nye",
        " 1\u00a0641 12,5 12 % 7–9 uke 12 ca. 40 etthundreogfem Tohundre eithundre hundre",
    ]
    for line in lines:
        for a in range(0, len(line), 7):  # windows as _has_count scans them
            assert _counts(cc._SCAN_RE, line[a:]) == _counts(_PLAIN_COUNT_RE, line[a:]), line[a:]
            assert cc._has_count(line, a, len(line)) == bool(_PLAIN_COUNT_RE.search(line, a))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tre personer er innlagt.", ("Tre personer er innlagt", "hospitalized", 3)),
        ("Det går bra. Fem personer er innlagt.", ("Fem personer er innlagt", "hospitalized", 5)),
        ("Det går bra.\u00a0Fem personer er innlagt.", ("Fem personer er innlagt", "hospitalized", 5)),
        ('Hun sa: «Det går bra.» 12 smittede totalt.', ("12 smittede", "total", 12)),
        ("Det går bra.\t12 smittede totalt.", ("12 smittede", "total", 12)),
        ("Ingen nye smittede siden i går.", ("Ingen nye smittede siden i går", "new", 0)),
        ("Tohundre smittede.", ("Tohundre smittede", "total", 200)),
        ("Ikke meldt nye smittede i dag.", ("Ikke meldt nye smittede", "new", 0)),
    ],
)
def test_counts_at_a_sentence_start(text: str, expected: tuple[str, str, int]) -> None:
    got = [(r["text"], r["metric"], r["value"]) for r in records(text, "case_count")]
    assert got == [expected]


def test_a_header_title_is_not_read_but_the_lines_under_it_are() -> None:
    text = "30.03.20 Første dødsfall og 5 nye smittede\n5 nye smittede siden i går.\n"
    got = [(r["line"], r["text"], r["date"]) for r in records(text, "case_count")]
    assert got == [(2, "5 nye smittede siden i går", "2020-03-30")]


def test_after_words_with_other_spaces() -> None:
    text = "Det er 18\u00a0 personer  fra Asker og Bærum\ter innlagt, og 3  nye  smittede."
    got = [(r["text"], r["metric"], r["value"], r["place"]) for r in records(text, "case_count")]
    assert got == [
        ("18\u00a0 personer  fra Asker og Bærum\ter innlagt", "hospitalized", 18, "Asker og Bærum"),
        ("3  nye  smittede", "new", 3, None),
    ]
