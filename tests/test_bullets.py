"""Sentence table for the bullet extractor.

New cases: list layouts seen in real texts go into EXAMPLES, regressions into
BUGS_CAUGHT, lines that must not be items into NO_MATCH, things we know we get
wrong into KNOWN_FAILURES. Expected: (item, heading, category, index, date) per item.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from conftest import records
from kommunetekst.dates import INLINE_DATE_RE
from kommunetekst.extractors.bullets import _COLON_RE


class Case(NamedTuple):
    text: str
    expected: list[tuple[str, str | None, str, int, str | None]]


EXAMPLES = [
    Case(
        "Tema\n\n • Frivillige\n • Mottak",
        [("Frivillige", "Tema", "topic", 1, None), ("Mottak", "Tema", "topic", 2, None)],
    ),
    Case(
        "Dette er vedtatt:\n- Skolene stenger\n- Barnehagene stenger",
        [
            ("Skolene stenger", "Dette er vedtatt:", "decision", 1, None),
            ("Barnehagene stenger", "Dette er vedtatt:", "decision", 2, None),
        ],
    ),
    Case(
        "Aktuelt\n– Ny veileder\n– Nye åpningstider",
        [
            ("Ny veileder", "Aktuelt", "news", 1, None),
            ("Nye åpningstider", "Aktuelt", "news", 2, None),
        ],
    ),
    Case("Husk:\n- Vask hendene.", [("Vask hendene.", "Husk:", "other", 1, None)]),
    Case(
        "Resultater:\n • Redusert med 51 personer til 2 113. • Oppfølgingstjenester har etablert et tilbud.",
        [
            ("Redusert med 51 personer til 2 113.", "Resultater:", "result", 1, None),
            ("Oppfølgingstjenester har etablert et tilbud.", "Resultater:", "result", 2, None),
        ],
    ),
    Case(
        "Utfordringer fremover\n · Rekruttering\n · Økonomi",
        [
            ("Rekruttering", "Utfordringer fremover", "challenge", 1, None),
            ("Økonomi", "Utfordringer fremover", "challenge", 2, None),
        ],
    ),
    Case(
        "Fakta om mottak\n* 550 plasser\n* Drives av Norsk Folkehjelp",
        [
            ("550 plasser", "Fakta om mottak", "fact", 1, None),
            ("Drives av Norsk Folkehjelp", "Fakta om mottak", "fact", 2, None),
        ],
    ),
    Case(
        "Det er spesielt behov for bistand til:\n • Fosterhjem",
        [("Fosterhjem", "Det er spesielt behov for bistand til:", "need", 1, None)],
    ),
    Case(
        "Kriseleiinga har vedteke:\n • Skulane stengjer",
        [("Skulane stengjer", "Kriseleiinga har vedteke:", "decision", 1, None)],
    ),
    Case("Andre ting:\n • Noe annet", [("Noe annet", "Andre ting:", "other", 1, None)]),
    # Dash items indented under their lead-in stay one list across blank lines (Word layout).
    Case(
        "Tilbudet omfatter\n\n    -  praktisk bistand\n\n    -  hjemmesykepleie\n\n    -  dagsenter",
        [
            ("praktisk bistand", "Tilbudet omfatter", "other", 1, None),
            ("hjemmesykepleie", "Tilbudet omfatter", "other", 2, None),
            ("dagsenter", "Tilbudet omfatter", "other", 3, None),
        ],
    ),
    Case(
        "Tenestene omfattar:\n\n   –   heimesjukepleie\n\n   –   praktisk bistand",
        [
            ("heimesjukepleie", "Tenestene omfattar:", "other", 1, None),
            ("praktisk bistand", "Tenestene omfattar:", "other", 2, None),
        ],
    ),
    # One "*" item is a list under a lead-in that ends in a colon (else a footnote, below).
    Case("Ta med:\n* Legitimasjon", [("Legitimasjon", "Ta med:", "other", 1, None)]),
    Case(
        "Aktuelt\n • 16.12.2015: Kommunestyret vedtok å bosette 280 flyktninger.\n • 3.2.2016: Mottaket åpner.",
        [
            (
                "16.12.2015: Kommunestyret vedtok å bosette 280 flyktninger.",
                "Aktuelt",
                "news",
                1,
                "2015-12-16",
            ),
            ("3.2.2016: Mottaket åpner.", "Aktuelt", "news", 2, "2016-02-03"),
        ],
    ),
    Case(
        "25.03.20 Fra kriseledelsen\n\nKriseledelsen har blant annet diskutert:\n • Barn og unge i risikogrupper.",
        [
            (
                "Barn og unge i risikogrupper.",
                "Kriseledelsen har blant annet diskutert:",
                "discussed",
                1,
                "2020-03-25",
            )
        ],
    ),
    # "er tatt opp" is "admitted", not a discussion held: only "ble/vart tatt opp" and "tok opp" are.
    Case(
        "Disse elevene er tatt opp ved skolen:\n • Kari Nilsen",
        [("Kari Nilsen", "Disse elevene er tatt opp ved skolen:", "other", 1, None)],
    ),
    Case(
        "Nytt fra kriseledelsen:\n • Psykisk mestringstelefon har åpnet - hverdager 67 50 94 94.",
        [
            (
                "Psykisk mestringstelefon har åpnet - hverdager 67 50 94 94.",
                "Nytt fra kriseledelsen:",
                "decision",
                1,
                None,
            )
        ],
    ),
]

NUMBERED_AND_NESTED = [
    # Numbered lists are lists; the index is the position, `number` (tested below) as written.
    Case(
        "Tiltak:\n1. Skolene stenger\n2. Barnehagene stenger",
        [
            ("Skolene stenger", "Tiltak:", "other", 1, None),
            ("Barnehagene stenger", "Tiltak:", "other", 2, None),
        ],
    ),
    Case(
        "Vedtak:\na) Skolene stenger\nb) Barnehagene stenger",
        [
            ("Skolene stenger", "Vedtak:", "decision", 1, None),
            ("Barnehagene stenger", "Vedtak:", "decision", 2, None),
        ],
    ),
    # • items under a numbered line: that line is their lead-in and their index restarts.
    Case(
        "Testkriteriar:\n 1. Alle med symptom\n 2. Smittesporing:\n • Nærkontaktar\n • Utbrot\n 3. Innreise:\n • Grensa",
        [
            ("Alle med symptom", "Testkriteriar:", "other", 1, None),
            ("Smittesporing:", "Testkriteriar:", "other", 2, None),
            ("Nærkontaktar", "2. Smittesporing:", "other", 1, None),
            ("Utbrot", "2. Smittesporing:", "other", 2, None),
            ("Innreise:", "Testkriteriar:", "other", 3, None),
            ("Grensa", "3. Innreise:", "other", 1, None),
        ],
    ),
    # Indented body text and wrapped lines do not restart a list; NBSP-only lines do not either.
    Case(
        "Statusrunde\n\n  • Leiar\n\n    Tre i karantene.\n\n  • Utstyr\n    Ny ordning.\n\u00a0\n  • Påske",
        [
            ("Leiar", "Statusrunde", "other", 1, None),
            ("Utstyr", "Statusrunde", "other", 2, None),
            ("Påske", "Statusrunde", "other", 3, None),
        ],
    ),
    Case(
        "Vedtatt:\n- Alle arrangementer\navlyses.\n- Sykehjemmet stenges.",
        [
            ("Alle arrangementer", "Vedtatt:", "decision", 1, None),
            ("Sykehjemmet stenges.", "Vedtatt:", "decision", 2, None),
        ],
    ),
    # A list written "-Item" throughout.
    Case(
        "Husk:\n-vask hendene\n-hold avstand",
        [("vask hendene", "Husk:", "other", 1, None), ("hold avstand", "Husk:", "other", 2, None)],
    ),
    # A numbered list indented under a numbered line, starting again at 1, is nested there;
    # its lead-in is that line. Ragged indents that do not start again stay one list.
    Case(
        "Tast:\n1. Sentralbord\n2. Helse - deretter:\n  1. Legekontor\n  2. Helsestasjon\n3. Teknisk",
        [
            ("Sentralbord", "Tast:", "other", 1, None),
            ("Helse - deretter:", "Tast:", "other", 2, None),
            ("Legekontor", "2. Helse - deretter:", "other", 1, None),
            ("Helsestasjon", "2. Helse - deretter:", "other", 2, None),
            ("Teknisk", "Tast:", "other", 3, None),
        ],
    ),
    Case(
        "Tastevalg:\n 1. Servicetorget\n 2. Oppvekst, deretter:\n    1. Skule\n    2. Barnehage",
        [
            ("Servicetorget", "Tastevalg:", "other", 1, None),
            ("Oppvekst, deretter:", "Tastevalg:", "other", 2, None),
            ("Skule", "2. Oppvekst, deretter:", "other", 1, None),
            ("Barnehage", "2. Oppvekst, deretter:", "other", 2, None),
        ],
    ),
    Case(
        "Punkt:\n1. Første\n 2. Andre\n  3. Tredje",
        [
            ("Første", "Punkt:", "other", 1, None),
            ("Andre", "Punkt:", "other", 2, None),
            ("Tredje", "Punkt:", "other", 3, None),
        ],
    ),
    # An unindented paragraph between items ends the list.
    Case(
        "Status\n • A\nEt avsnitt.\n • B",
        [("A", "Status", "other", 1, None), ("B", "Et avsnitt.", "other", 1, None)],
    ),
]

BUGS_CAUGHT = [
    # Blank lines between strong bullets keep one list (web text often has them).
    Case(
        "Behov:\n • A\n\n • B", [("A", "Behov:", "need", 1, None), ("B", "Behov:", "need", 2, None)]
    ),
    # No-break spaces inside items are folded in `item`.
    Case("Tema\n • Bolig\u00a0 og  arbeid\u00a0", [("Bolig og arbeid", "Tema", "topic", 1, None)]),
    # Two lists under two lead-ins restart the index.
    Case(
        "Resultater\n • A\n • B\nUtfordringer\n • C",
        [
            ("A", "Resultater", "result", 1, None),
            ("B", "Resultater", "result", 2, None),
            ("C", "Utfordringer", "challenge", 1, None),
        ],
    ),
    # "Bosetting 2015:" is a year, not a date: the item keeps its section's date (none).
    Case(
        "Fakta\n • Bosetting 2015: 224 flyktninger",
        [("Bosetting 2015: 224 flyktninger", "Fakta", "fact", 1, None)],
    ),
    # A yearless leading date takes its section's year.
    Case(
        "26.06.20 Aktuelt\n\nNytt:\n • 20. juni: Sommeråpent",
        [("20. juni: Sommeråpent", "Nytt:", "news", 1, "2020-06-20")],
    ),
]

NO_MATCH = [
    Case("Enorm pågang på NAV - kriseledelsen følger situasjonen nøye.", []),
    Case("-5 grader i natt", []),
    Case("– Jeg vil uttrykke min medfølelse og kondolanse, sier ordfører Lisbeth Hammer Krog.", []),
    Case(
        "- Vi har et godt samarbeid med spesialisthelsetjenesten, sier ordfører Lene Conradi.", []
    ),
    Case(
        "Mange har tatt kontakt\n\n- Takk til alle som allerede har begynt å organisere hjelp.", []
    ),
    Case(
        "– Jeg vil uttrykke min medfølelse.\n\n– Jeg minner om å følge rådene, sier ordføreren.", []
    ),
    Case("Bærum - en god kommune å bo i", []),
    Case("Tabell 17 - Helse og sosial", []),
    Case("2 * 3 = 6", []),
    Case("Det er 123 smittede • i dag", []),
    Case("-Jeg understreker at sikkerhet er viktigst, sier direktøren.", []),
    # Dash paragraphs parted by blank lines are quotes, not a list.
    Case("Mange har tatt kontakt\n\n- Takk til alle.\n\n- Vi gjør det vi kan.", []),
    Case("Ordføreren sa:\n\n– Vi må stå sammen.", []),
    Case("1. Innledning\n\nTekst.\n\n2. Bakgrunn\n\nTekst.", []),
    Case("10. trinn ble satt i karantene.", []),
    Case("Stengt:\n1. mai\n17. mai", []),
    Case("Du kan 1) registrere deg, 2) få hjelp eller 3) ringe.", []),
    # Footnotes: "*" alone, glued or not, and "**".
    Case("* Gjelder ikke barn under 12 år.", []),
    Case("Prisar\n\n*Prisen gjeld per hushald.", []),
    Case("Voksne: 80 kr*\n\n* Gjelder med gyldig kort.\n\n** Barn går gratis.", []),
    Case("***\n\nNy melding.", []),
    # Dash paragraphs indented as deep as the text before them are quotes, not a list.
    Case("  Ordføreren var klar.\n\n  – Vi må stå sammen.\n\n  – Alle må bidra.", []),
]

KNOWN_FAILURES = [
    # Dash items parted by blank lines: only the first, under the colon, is read (blank lines
    # between dash paragraphs are how news texts set quotes apart).
    Case(
        "Husk:\n\n- Vask hendene\n\n- Hold avstand",
        [("Vask hendene", "Husk:", "other", 1, None), ("Hold avstand", "Husk:", "other", 2, None)],
    ),
]


def _check(case: Case) -> None:
    got = [
        (r["item"], r["heading"], r["category"], r["index"], r["date"])
        for r in records(case.text, "bullet")
    ]
    assert got == case.expected


@pytest.mark.parametrize(
    "case", EXAMPLES + NUMBERED_AND_NESTED + BUGS_CAUGHT + NO_MATCH, ids=lambda c: c.text[:40]
)
def test_bullets(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=lambda c: c.text[:40])
@pytest.mark.xfail(strict=True)
def test_bullets_known_failures(case: Case) -> None:
    _check(case)


def test_number_is_as_written_without_its_punctuation() -> None:
    text = "Vedtak:\n(1) A\n(2) B\n\nRekkefølge:\ni. C\nii. D\n\nPunkt:\n • E\n • F"
    assert [(r["item"], r["number"], r["index"]) for r in records(text, "bullet")] == [
        ("A", "1", 1),
        ("B", "2", 2),
        ("C", "i", 1),
        ("D", "ii", 2),
        ("E", None, 1),
        ("F", None, 2),
    ]
    # A web editor that renumbers every point "1.": the index still counts.
    repeated = "Kriterier:\n1. A\n1. B\n1. C"
    assert [(r["number"], r["index"]) for r in records(repeated, "bullet")] == [
        ("1", 1),
        ("1", 2),
        ("1", 3),
    ]


def test_item_span_is_the_item_without_mark_or_trailing_space() -> None:
    text = "Tema\n  •  Bolig  \n"
    (r,) = records(text, "bullet")
    assert r["text"] == "Bolig" and r["line"] == 2


_DATE_BITS = st.sampled_from(
    [
        "1",
        "2",
        "0",
        "03.",
        "20",
        "2020",
        ".",
        ":",
        " ",
        "\u00a0",
        "\t",
        "x",
        " mar",
        "mars",
        "s",
        "sep",
        "t",
        "ember",
        "Jun",
        "i",
    ]
)
_GROUPS = ("nd", "nm", "ny", "td", "tm", "ty")


@given(
    st.sampled_from(["1.", "12.", "31.", "4"]),
    st.lists(_DATE_BITS, max_size=8).map("".join),
    st.integers(0, 2),
)
def test_leading_date_in_two_steps_is_the_one_pattern(day: str, rest: str, cut: int) -> None:
    """The date match, then ``\\s*:`` after it, finds what ``(?:date)\\s*:`` as one pattern finds."""
    s = day + rest
    one = regex.compile(rf"(?:{INLINE_DATE_RE.pattern})\s*:", regex.VERBOSE | regex.IGNORECASE)
    end = max(0, len(s) - cut)
    want = one.match(s, 0, end)
    m = INLINE_DATE_RE.match(s, 0, end)
    got = m if m and _COLON_RE.match(s, m.end(), end) else None
    assert (want and want.span(*_GROUPS)) == (got and got.span(*_GROUPS))
