"""How case_counts finds its counts: every number word, counts that start a sentence,
header lines, and the spaces between the words of a figure."""

from __future__ import annotations

import pytest

from conftest import records
from kommunetekst.numwords import WORDS_BELOW_HUNDRED

_HUNDREDS = ["hundre", "etthundre", "eithundre", "tohundre", "trehundreogfem", "nihundreognittini"]
_WORDS = [w for w in (*WORDS_BELOW_HUNDRED, *_HUNDREDS) if w not in ("ingen", "null")]


def test_every_number_word_is_a_count() -> None:
    for word in [*_WORDS, *(w[0].upper() + w[1:] for w in _WORDS)]:
        got = records(f"Det er {word} personer innlagt.", "case_count")
        assert [(r["text"], r["value"] > 0) for r in got] == [(f"{word} personer innlagt", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tre personer er innlagt.", ("Tre personer er innlagt", "hospitalized", 3)),
        ("Det går bra. Fem personer er innlagt.", ("Fem personer er innlagt", "hospitalized", 5)),
        (
            "Det går bra.\u00a0Fem personer er innlagt.",
            ("Fem personer er innlagt", "hospitalized", 5),
        ),
        ("Hun sa: «Det går bra.» 12 smittede totalt.", ("12 smittede", "total", 12)),
        ("Det går bra.\t12 smittede totalt.", ("12 smittede", "total", 12)),
        ("Ingen nye smittede siden i går.", ("Ingen nye smittede siden i går", "new", 0)),
        ("Tohundre smittede.", ("Tohundre smittede", "total", 200)),
        ("Ikke meldt nye smittede i dag.", ("Ikke meldt nye smittede", "new", 0)),
    ],
)
def test_counts_at_a_sentence_start(text: str, expected: tuple[str, str, int]) -> None:
    got = [(r["text"], r["metric"], r["value"]) for r in records(text, "case_count")]
    assert got == [expected]


def test_a_header_title_gives_its_figure_but_not_its_first_death() -> None:
    text = "30.03.20 Første dødsfall og 5 nye smittede\n5 nye smittede siden i går.\n"
    got = [(r["line"], r["text"], r["metric"], r["date"]) for r in records(text, "case_count")]
    assert got == [
        (1, "5 nye smittede", "new", "2020-03-30"),
        (2, "5 nye smittede siden i går", "new", "2020-03-30"),
    ]


def test_after_words_with_other_spaces() -> None:
    text = "Det er 18\u00a0 personer  fra Asker og Bærum\ter innlagt, og 3  nye  smittede."
    got = [(r["text"], r["metric"], r["value"], r["place"]) for r in records(text, "case_count")]
    assert got == [
        ("18\u00a0 personer  fra Asker og Bærum\ter innlagt", "hospitalized", 18, "Asker og Bærum"),
        ("3  nye  smittede", "new", 3, None),
    ]
