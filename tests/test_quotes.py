"""Sentence table for the quote extractor: EXAMPLES, NO_MATCH (must give nothing).

Real-page rows are in tests/data/phrases/quote.jsonl.
"""

from __future__ import annotations

import pytest

from conftest import records

EXAMPLES = [
    (
        "– Vi står sammen, sier ordfører Lene Conradi.",
        [("Vi står sammen", "Lene Conradi", "ordfører")],
    ),
    (
        "«Vi må stå sammen», sier ordfører Lene Conradi.",
        [("Vi må stå sammen", "Lene Conradi", "ordfører")],
    ),
    (
        "«En varm takk, sier velferdsdirektør Kristin Nilsen.»",
        [("En varm takk", "Kristin Nilsen", "velferdsdirektør")],
    ),
    (
        "– Jeg minner om rådene, sier Bærums ordfører.",
        [("Jeg minner om rådene", None, "Bærums ordfører")],
    ),
    ("– Ingen kritisk funksjon endres, sier han.", [("Ingen kritisk funksjon endres", None, None)]),
    ("– Vi må bu oss, seier kommuneoverlegen.", [("Vi må bu oss", None, "kommuneoverlegen")]),
    ("Ordføreren sa: «Vi skal klare dette.»", [("Vi skal klare dette.", None, None)]),
    ("– Me står saman om dette.", [("Me står saman om dette.", None, None)]),
]

NO_MATCH = [
    "Ordføreren sier at alle må følge rådene.",
    "Unikt-konseptet er videreutviklet i tråd med «Leve hele livet».",
    "Kriseledelsen har diskutert:\n- Barn og unge i risikogrupper\n- Stenging av skolene",
    "- Skolene stenger fra mandag.",
    "Kommunen om situasjonen: – Det er urovekkande",
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=lambda x: str(x)[:40])
def test_quotes(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [(r["quote"], r["speaker"], r["role"]) for r in records(text, "quote")] == expected


@pytest.mark.parametrize("text", NO_MATCH, ids=lambda x: str(x)[:40])
def test_no_quote(text: str) -> None:
    assert records(text, "quote") == []


def test_a_bare_surname_speaker_is_the_full_name() -> None:
    text = "Kommuneoverlege Marius Solbakk orienterte.\n\n– Vi har kontroll, seier Solbakk."
    [q] = records(text, "quote")
    assert (q["speaker"], q["role"]) == ("Marius Solbakk", "kommuneoverlege")


def test_conradis_quotes_in_the_seeds(seed_paths: list) -> None:  # type: ignore[type-arg]
    text = next(p for p in seed_paths if p.name.startswith("001")).read_text("utf-8")
    speakers = [q["speaker"] for q in records(text, "quote")]
    assert speakers.count("Lene Conradi") == 5
