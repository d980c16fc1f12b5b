"""Sentence table for the amount extractor.

EXAMPLES: ordinary phrasings (value in kroner, unit as written, year); NO_MATCH: near-misses
that must give nothing; BUGS_CAUGHT: regressions. Real-page rows are in
tests/data/phrases/amount.jsonl.
"""

from __future__ import annotations

import pytest

from conftest import records

NBSP = "\u00a0"

EXAMPLES = [
    (
        "Bærum kommune har satt av 9,6 millioner kroner til tiltakene.",
        [(9600000, "millioner kroner")],
    ),
    ("Kommunen får 4 mill. kr ekstra.", [(4000000, "mill. kr")]),
    ("Egenandel kr 350 per døgn.", [(350, "kr")]),
    ("Overskuddet ble 1,2 mrd.", [(1200000000, "mrd.")]),
    ("Deltakelse: NOK 500", [(500, "NOK")]),
    ("Pris: 500,-", [(500, ",-")]),
    ("Pris: kr. 1 000,-", [(1000, "kr.")]),
    (f"Tilskuddet er 84{NBSP}000 kroner.", [(84000, "kroner")]),
    ("Stavanger fikk 33.471.000 kroner.", [(33471000, "kroner")]),
    ("Ein milliard kroner blir fordelt.", [(1000000000, "milliard kroner")]),
    ("Kommunen fikk en halv million kroner.", [(500000, "million kroner")]),
    ("Prosjektet har en ramme på MNOK 480.", [(480000000, "MNOK")]),
    ("Det koster kr 12,50.", [(12.5, "kr")]),
    ("Resultatet ble -14,2 mill. kr.", [(-14200000, "mill. kr")]),
    (
        "Det koster 20–30 millioner kroner.",
        [(20000000, "millioner kroner"), (30000000, "millioner kroner")],
    ),
    ("Prisen er kr 150–200.", [(150, "kr"), (200, "kr")]),
    ("Kurs: 300kr", [(300, "kr")]),
    ("KR 250 for voksne", [(250, "KR")]),
]

NO_MATCH = [
    ("1,7 millionar koronatestar er gjennomførte.", []),
    ("Norge har 5,4 millioner innbyggere.", []),
    ("Kr. himmelfartsdag er det stengt.", []),
    ("Vi har nok 300 plasser.", []),
    ("Hver krone teller.", []),
    ("Kristiansand kommune", []),
    ("Tusen takk!", []),
    ("I faste 2021-kroner.", []),
    ("Ring 22 00 00 00.", []),
    ("Over 800 millionar vart utbetalte.", []),
]

BUGS_CAUGHT = [
    # "kr." at the end of a sentence: the dot ends the sentence.
    ("Det økte med 3 mill. kr. Det er mye.", [(3000000, "mill. kr")]),
    # "2019-20 kr" is no range (the first end is not below the second): nothing.
    ("Satsene 2019-20 kr gjelder.", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), EXAMPLES + NO_MATCH + BUGS_CAUGHT, ids=lambda x: str(x)[:40]
)
def test_amounts(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(r["value"], r["unit"]) for r in records(text, "amount")] == expected


YEARS = [
    ("Kommunen satte av 9,6 millioner kroner til tiltakene i 2020.", [2020]),
    ("Budsjettet for 2021 er 2 113 mill. kroner, mot 2 050 mill. kroner i 2020.", [2021, 2020]),
    ("Avgiften 2018 er 4700:- NOK.", [2018]),
    ("Fra 2017 til 2019 økte utgiftene med 3 mill. kr.", [None]),
    ("Tiltakene i 2020 og 2021 kostet 5 mill. kr.", [None]),  # two years: which one?
    ("Utgiftene har økt med 4 mill. kr siden 2016.", [None]),  # a period, not a year
    ("01.02.20 Budsjett 2021\nKommunen satte av 5 mill. kr.", [2021]),  # the section title's
]


@pytest.mark.parametrize(("text", "years"), YEARS, ids=lambda x: str(x)[:40])
def test_amount_years(text: str, years: list[int | None]) -> None:
    assert [r["year"] for r in records(text, "amount")] == years


def test_value_is_an_integer_when_whole() -> None:
    [r] = records("Det koster 9,6 millioner kroner.", "amount")
    assert r["value"] == 9600000 and type(r["value"]) is int
    [r] = records("Det koster kr 12,50.", "amount")
    assert r["value"] == 12.5


def test_cues_across_the_pieces_the_text_is_read_in(monkeypatch: pytest.MonkeyPatch) -> None:
    # Cues are looked for a piece of the text at a time; a cue cut by a piece's end
    # ("mill|ioner", "k|r") is still found, and found once.
    from kommunetekst.extractors import amounts

    text = " ".join(t for t, _ in EXAMPLES)
    whole = records(text, "amount")
    assert len(whole) >= 10
    for piece in (1, 2, 3, 5, 7, 64):
        monkeypatch.setattr(amounts, "_PIECE", piece)
        assert records(text, "amount") == whole, piece
