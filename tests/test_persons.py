"""Sentence table for the person extractor: EXAMPLES, NO_MATCH (must give nothing).

Real-page rows are in tests/data/phrases/person.jsonl.
"""

from __future__ import annotations

import pytest

from conftest import records

EXAMPLES = [
    ("– Vi står sammen, sier ordfører Lene Conradi.", [("Lene Conradi", "ordfører", None)]),
    (
        "Kommuneoverlege Frantz Leonard Nilsen bekrefter dødsfallet.",
        [("Frantz Leonard Nilsen", "kommuneoverlege", None)],
    ),
    (
        "Bærums ordfører Lisbeth Hammer Krog kondolerer.",
        [("Lisbeth Hammer Krog", "ordfører", "Bærum")],
    ),
    (
        "– Takk, sier Lene Conradi, ordfører i Asker kommune.",
        [("Lene Conradi", "ordfører", "Asker kommune")],
    ),
    (
        "Fredag informerte Alver-ordførar Sara Sekkingsdal om situasjonen.",
        [("Sara Sekkingsdal", "ordførar", "Alver")],
    ),
    (
        "– Det flater ut, sier assisterende helsedirektør Espen Rostrup Nakstad.",
        [("Espen Rostrup Nakstad", "assisterende helsedirektør", None)],
    ),
    (
        "– Det flater ut, sier Espen Nakstad i Helsedirektoratet.",
        [("Espen Nakstad", None, "Helsedirektoratet")],
    ),
    (
        "Beredskapsansvarleg, kommunalsjef Knut J. Gran, telefon 975 52 000",
        [("Knut J. Gran", "kommunalsjef", None)],
    ),
]

NO_MATCH = [
    "Kontoret ligger i Philip Pedersens vei 20.",
    "Røde Kors og Norsk Folkehjelp stiller opp.",
    "– Vi er klare, sier Nav Asker.",
    "Ordfører og rådmann oppfordrer alle til å holde avstand.",
    "Det sier Bærums ordfører.",
    "Kommuneorganisasjonen jobber nå kontinuerlig.",
    "Bærum Kulturhus, Underhuset og Lille Scene er stengt.",
    "– Dette er ei spesiell tid, seier ho.",
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=lambda x: str(x)[:40])
def test_persons(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    got = [(r["name"], r["role"], r["organisation"]) for r in records(text, "person")]
    assert got == expected


@pytest.mark.parametrize("text", NO_MATCH, ids=lambda x: str(x)[:40])
def test_no_person(text: str) -> None:
    assert records(text, "person") == []


def test_a_later_bare_surname_links_to_the_full_name() -> None:
    text = "– Vi står sammen, sier ordfører Lene Conradi.\n– Takk for innsatsen, sier Conradi."
    got = [(r["name"], r["full_name"], r["role"]) for r in records(text, "person")]
    assert got == [
        ("Lene Conradi", "Lene Conradi", "ordfører"),
        ("Conradi", "Lene Conradi", "ordfører"),
    ]


def test_a_municipality_organisation_gets_its_number() -> None:
    [r] = records("– Takk, sier Lene Conradi, ordfører i Asker kommune.", "person")
    assert r["kommune_no"] == "3025"
    [r] = records("– Takk, sier Espen Nakstad i Helsedirektoratet.", "person")
    assert r["kommune_no"] is None


def test_seeds_people(seed_paths: list) -> None:  # type: ignore[type-arg]
    found = set()
    for path in seed_paths:
        for r in records(path.read_text("utf-8"), "person"):
            found.add((r["full_name"], r["role"]))
    assert {("Lene Conradi", "ordfører"), ("Frantz Leonard Nilsen", "kommuneoverlege"),
            ("Lisbeth Hammer Krog", "ordfører")} <= found  # fmt: skip
