"""Sentence table for the email extractor: EXAMPLES, NO_MATCH (must give nothing)."""

from __future__ import annotations

import pytest

from conftest import records

EXAMPLES = [
    (
        "Du kan også sende en mail til seniortelefon@baerum.kommune.no",
        ["seniortelefon@baerum.kommune.no"],
    ),
    ("Send til flyktning@baerum.kommune.no.", ["flyktning@baerum.kommune.no"]),
    ("E-post: Post@Asker.Kommune.NO, eller ring.", ["post@asker.kommune.no"]),
    (
        "kontakt: ola.nordmann+korona@nav.no;kari@test.no",
        ["ola.nordmann+korona@nav.no", "kari@test.no"],
    ),
    ("(postmottak@bergen.kommune.no)", ["postmottak@bergen.kommune.no"]),
    ("Skriv til «post@ås.kommune.no»", ["post@ås.kommune.no"]),
    ("benytte\u00a0flyktning@baerum.kommune.no\u00a0for å melde", ["flyktning@baerum.kommune.no"]),
    # Another "@" shortly before: the window search, not the anchored match, reads it.
    ("Følg @baerumkommune eller skriv til post@baerum.kommune.no", ["post@baerum.kommune.no"]),
    # A full stop glued to the next sentence's first word ends the address.
    ("Sendes til postmottak@asker.kommune.no.Oppgi fullt navn.", ["postmottak@asker.kommune.no"]),
    ("mailto:korona@ototen.no?subject=Vaksine", ["korona@ototen.no"]),
    ("Skriv til oss (barnevernvakta@molde.kommune.no).", ["barnevernvakta@molde.kommune.no"]),
    ("Redaksjonen: redaksjonen@avsnitt.press", ["redaksjonen@avsnitt.press"]),
]

NO_MATCH = [
    ("sendes på e-post til . I henvendelsen", []),
    ("@baerumkommune på Twitter", []),
    ("post@localhost", []),
    ("a@b", []),
    ("pris 10 @ 20 kr", []),
    ("user@.no", []),
    ("a" * 70 + "@baerum.no", []),  # a local part longer than the window before the "@"
    ("Kundeservice via epost [email protected]", []),  # hidden by the web page
    ("Send e-post til post (at) enebakk.kommune.no", []),
    ("Nyhetsbrev: https://medium.com/@kommunen/nyheter", []),
    ("Adressa er post@kommune utan noko meir.", []),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES + NO_MATCH, ids=lambda x: str(x)[:40])
def test_emails(text: str, expected: list[str]) -> None:
    assert [r["address"] for r in records(text, "email")] == expected


def test_email_adversarial_input_finishes() -> None:
    text = ("a" * 5000 + "@") * 40 + "x.y." * 10000
    assert isinstance(records(text, "email"), list)
