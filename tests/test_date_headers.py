"""Sentence table for the date_header extractor.

New cases: phrasings seen in real logs go into EXAMPLES, regressions into
BUGS_CAUGHT, things that must not be headers into NO_MATCH, and cases we know
we get wrong into KNOWN_FAILURES (strict xfail, so a fix is noticed).
Each expected value is (date, date_text, title) of every header in the text.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from conftest import records


class Case(NamedTuple):
    text: str
    expected: list[tuple[str | None, str, str | None]]
    year: int | None = None


EXAMPLES = [
    Case("26.06.20 Dagens smittetall", [("2020-06-26", "26.06.20", "Dagens smittetall")]),
    Case("26.06.2020 Dagens smittetall", [("2020-06-26", "26.06.2020", "Dagens smittetall")]),
    Case("3.2.2016: Nytt mottak", [("2016-02-03", "3.2.2016", "Nytt mottak")]),
    Case("05.01.21 Nytt år, nye regler", [("2021-01-05", "05.01.21", "Nytt år, nye regler")]),
    Case(
        "20. mars: Samarbeider med frivilligheten om koronahjelp",
        [(None, "20. mars", "Samarbeider med frivilligheten om koronahjelp")],
    ),
    Case(
        "20. mars: Samarbeider med frivilligheten",
        [("2020-03-20", "20. mars", "Samarbeider med frivilligheten")],
        year=2020,
    ),
    Case(
        "Mandag 23. mars 2020: Skolene holder stengt",
        [("2020-03-23", "Mandag 23. mars 2020", "Skolene holder stengt")],
    ),
    Case(
        "Mandag 23. mars 2020 Skolene holder stengt",
        [("2020-03-23", "Mandag 23. mars 2020", "Skolene holder stengt")],
    ),
    Case(
        "mandag 23. mars 2020 – Skolene holder stengt",
        [("2020-03-23", "mandag 23. mars 2020", "Skolene holder stengt")],
    ),
    Case(
        "Måndag 6. april 2020: Nye tal frå kommuneoverlegen",
        [("2020-04-06", "Måndag 6. april 2020", "Nye tal frå kommuneoverlegen")],
    ),
    Case(
        "Laurdag 4. april 2020 Opningstider i påska",
        [("2020-04-04", "Laurdag 4. april 2020", "Opningstider i påska")],
    ),
    Case(
        "3. okt. 2021 – Vaksinering for 12–15-åringar",
        [("2021-10-03", "3. okt. 2021", "Vaksinering for 12–15-åringar")],
    ),
    Case(
        "1. des 2020 Julegrantenning avlyst",
        [("2020-12-01", "1. des 2020", "Julegrantenning avlyst")],
    ),
    Case("14. februar: Vinterferie", [("2021-02-14", "14. februar", "Vinterferie")], year=2021),
    Case(
        "27. mars kl. 20.30: Pressekonferanse",
        [("2020-03-27", "27. mars", "Pressekonferanse")],
        year=2020,
    ),
    Case("27. mars kl. 20.30", [("2020-03-27", "27. mars", None)], year=2020),
    Case("  26.06.20 Innrykket overskrift", [("2020-06-26", "26.06.20", "Innrykket overskrift")]),
    Case("26.06.20\u00a0Dagens smittetall", [("2020-06-26", "26.06.20", "Dagens smittetall")]),
    Case(
        "Fredag 27. mars 2020: Hjertetelefonen: et tilbud til barn",
        [("2020-03-27", "Fredag 27. mars 2020", "Hjertetelefonen: et tilbud til barn")],
    ),
    # A date alone on its line heads the log entry under it; the entry's title stays on its line.
    Case("27. mars 2020\nPressekonferanse", [("2020-03-27", "27. mars 2020", None)]),
    Case("21. januar\n\nSkolen åpner i morgen - 15.25", [(None, "21. januar", None)]),
    Case("2. april:\n\nFast morgenmøte i kriseledelsen.", [(None, "2. april", None)]),
    Case("Onsdag 27. mai 2020\nNye regler", [("2020-05-27", "Onsdag 27. mai 2020", None)]),
    # A weekday allows a numeric date without a year.
    Case(
        "tirsdag 24.3. Skolene holder stengt",
        [("2020-03-24", "tirsdag 24.3.", "Skolene holder stengt")],
        year=2020,
    ),
    Case("Onsdag 25.03: Status", [(None, "Onsdag 25.03", "Status")]),
    Case("Mandag 23.03.2020 Nye tiltak", [("2020-03-23", "Mandag 23.03.2020", "Nye tiltak")]),
    # ... written with a slash too, as logs of water and power cuts do ("Lørdag 24/10 kl. 09:55").
    Case("Fredag 13/3 kl. 14.00\nKommunen stenger alle skoler.", [(None, "Fredag 13/3", None)]),
    Case("Tysdag 17/3: Skulane stengjer", [(None, "Tysdag 17/3", "Skulane stengjer")]),
    Case("Laurdag 21/3 kl. 12:00\nNy status.", [("2020-03-21", "Laurdag 21/3", None)], year=2020),
    Case("Fredag 13/3/2020 Ny status", [("2020-03-13", "Fredag 13/3/2020", "Ny status")]),
    Case(
        "Måndag 16/3 - kl. 10.15\nKommuneoverlegen melder om to nye smitta.\n\n"
        "Søndag 15/3 - kl. 18.40\nVi har fått svar på prøvane.",
        [(None, "Måndag 16/3", None), (None, "Søndag 15/3", None)],
    ),
    # A time after the date goes in `time`; the rest of the line is the title.
    Case("12.11.2020 kl. 14.00 Pressemelding", [("2020-11-12", "12.11.2020", "Pressemelding")]),
    Case("23.03.2020 14:30 Status", [("2020-03-23", "23.03.2020", "Status")]),
    # A title with words and a figure is a headline; a year line above a bare date is no table.
    Case("Mandag 15. april: 12 nye smittede", [(None, "Mandag 15. april", "12 nye smittede")]),
    Case("2021\n\n21. januar\nSkolen åpner igjen", [(None, "21. januar", None)]),
    # An ordinal inside a title is not a sentence end.
    Case(
        "15. april: Skulane opnar for 1.–4. trinn",
        [(None, "15. april", "Skulane opnar for 1.–4. trinn")],
    ),
]

BUGS_CAUGHT = [
    # The year of a yearless header comes from the document's other dated headers.
    Case(
        "26.06.20 Smittetall\n\nIngen nye.\n\n20. mars: Skolene stenger",
        [("2020-06-26", "26.06.20", "Smittetall"), ("2020-03-20", "20. mars", "Skolene stenger")],
    ),
    # Neighbours that disagree give no year (never invent one) ...
    Case(
        "01.12.19 Advent\n\n3. mars: Korona\n\n01.02.21 Vaksine",
        [
            ("2019-12-01", "01.12.19", "Advent"),
            (None, "3. mars", "Korona"),
            ("2021-02-01", "01.02.21", "Vaksine"),
        ],
    ),
    # ... unless --year says it.
    Case(
        "01.12.19 Advent\n\n3. mars: Korona\n\n01.02.21 Vaksine",
        [
            ("2019-12-01", "01.12.19", "Advent"),
            ("2020-03-03", "3. mars", "Korona"),
            ("2021-02-01", "01.02.21", "Vaksine"),
        ],
        year=2020,
    ),
    # A year the text gives beats --year.
    Case("26.06.20 Smittetall", [("2020-06-26", "26.06.20", "Smittetall")], year=2019),
    # CRLF line endings are folded before spans are counted.
    Case(
        "26.06.20 A\r\n\r\n25.06.20 B\r\n",
        [("2020-06-26", "26.06.20", "A"), ("2020-06-25", "25.06.20", "B")],
    ),
]

NO_MATCH = [
    Case("06.2020 Smittetall", []),
    Case(
        "Lørdag 28. mars er det mulig å levere hageavfall på Isi kl. 09-15. Det er kun mulig å levere",
        [],
    ),
    Case("Det er registrert 123 smittede 19.03.20 i Bærum.", []),
    Case("32.03.20 Smittetall", []),
    Case("31.02.2020 Feil dato", []),
    Case(" • 16.12.2015: Kommunestyret vedtok anmodning", []),
    Case("PB 700, 1304 Sandvika", []),
    Case("2020 var et krevende år", []),
    Case("20. mars", []),
    Case("1. Punkt i en nummerert liste", []),
    Case("12.5 prosent", []),
    Case("1.2.3.4.5 versjon", []),
    Case("Fra 14.3. etableres et daglig skoletilbud", []),
    Case(
        "Mandag 23. mars 2020 vedtok kommunestyret at alle skoler skal holdes stengt frem til påske, "
        "og at barnehagene skal ha redusert åpningstid i hele perioden",
        [],
    ),
    Case("UDI og Bærum kommune inviterte til informasjonsmøte 3. desember 2015.", []),
    Case("26.06.20", []),
    Case("Mandag morgen var det meldt om 85 smittede i Bærum.", []),
    # Norwegian puts the verb second: a lower-case word after the date is a sentence.
    Case("Onsdag 20. januar er det ikke registrert noen nye smittede.", []),
    Case("11. mars ble det innført nye tiltak.", []),
    # Metadata dates: they do not start with a date, or a label above says what they are.
    Case("Oppdatert 21. januar klokken 15.25.\n\nTekst.", []),
    Case("Publisert\n12.03.2020\n\nSkolene stenger.", []),
    Case("Dato:\n23. mars 2020\nSted: Rådhuset", []),
    # A run of dates alone on their lines is a list of dates.
    Case("Vaksinedager\n\n3. desember\n6. desember\n\nHusk time.", []),
    # Without a weekday, "24.3." may be a section number, "10.44" a time.
    Case("1.2. Innledning\n\nTekst.", []),
    Case("10.44 Ny melding fra sykehuset", []),
    Case("Mandag kl. 12 - Ordføreren orienterer", []),
    Case("17. mai-feiringa blir annleis.", []),
    # A slash date needs a weekday too ("24/7" is all the time), and a sentence stays one.
    Case("24/7 Legevakta svarer alltid", []),
    Case("Mandag 24/7 er legevakten åpen hele døgnet.", []),
    Case("Fredag 13/3 ble det besluttet å stenge skolene.", []),
    # A date alone under (or over) the same date in figures is a cell of a flattened table.
    Case("Helligdager\n\n24.12\n24. desember\nStengt\n31.12\n31. desember\nStengt", []),
    Case("Opningstider i jula\n\n26. desember\n26.12\nStengt", []),
    # A "title" of figures only is a value per day, not a headline.
    Case("Nye tilfelle per dag:\n\nMåndag 2. mars: 14\n\nTysdag 3. mars: 9", []),
    Case("I påsken:\nMandag 15. april: 10-18\nTirsdag 16. april: 10-18", []),
]

KNOWN_FAILURES: list[Case] = [
    # A range of days heads a section but is not one date; it gives no header yet.
    Case("28.-29. mars:\n\nHelg.", [(None, "28.-29. mars", None)]),
]


def _check(case: Case) -> None:
    got = [
        (r["date"], r["date_text"], r["title"])
        for r in records(case.text, "date_header", case.year)
    ]
    assert got == case.expected


@pytest.mark.parametrize("case", EXAMPLES + BUGS_CAUGHT + NO_MATCH, ids=lambda c: c.text[:40])
def test_date_headers(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=lambda c: c.text[:40])
@pytest.mark.xfail(strict=True)
def test_date_headers_known_failures(case: Case) -> None:
    _check(case)


def test_header_time_and_section_dates() -> None:
    text = (
        "27. mars kl. 20.30: Pressekonferanse\n\nMer info kommer.\n\n26.03.20 Smittetall\n\nTekst."
    )
    (first, second) = records(text, "date_header", 2020)
    assert first["time"] == "20:30"
    assert second["time"] is None
    assert first["text"] == "27. mars kl. 20.30: Pressekonferanse"


def test_header_time_after_a_dash_needs_kl() -> None:
    (first,) = records("Mandag 9/11 - kl. 9:05\nTekst.", "date_header")
    assert (first["date_text"], first["time"], first["title"]) == ("Mandag 9/11", "09:05", None)
    # Without kl., a figure after the dash is no time (it may start a range of days).
    (second,) = records("Mandag 9/11 - 9:05 Tekst", "date_header")
    assert second["time"] is None


def test_header_time_of_a_whole_hour_and_a_bare_line() -> None:
    (first,) = records("Torsdag 26. mars kl. 16\n\nPressekonferanse.", "date_header", 2020)
    assert (first["time"], first["title"], first["text"]) == (
        "16:00",
        None,
        "Torsdag 26. mars kl. 16",
    )
    (second,) = records("  2. april:  \nTekst.", "date_header")
    assert second["text"] == "2. april:"


def test_sections_give_records_their_date() -> None:
    text = "26.03.20 Fra kriseledelsen\n\nVedtak:\n • Skolene stenger\n\n25.03.20 Annet\n\nKontakt: a@b.no"
    recs = records(text)
    assert [(r["kind"], r["date"]) for r in recs] == [
        ("date_header", "2020-03-26"),
        ("bullet", "2020-03-26"),
        ("date_header", "2020-03-25"),
        ("email", "2020-03-25"),
    ]
