"""Sentence table for the opening_hours extractor.

New cases: ways municipalities write opening hours go into EXAMPLES (the
``days`` rule into DAYS), regressions into BUGS_CAUGHT, ranges that are not
times of day into NO_MATCH, and things we know we get wrong into
KNOWN_FAILURES (strict xfails, so a fix is noticed). Expected: one
``(text, opens, closes, days)`` per record, ``text`` being the evidence.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from conftest import records

KIND = "opening_hours"


class Case(NamedTuple):
    text: str
    expected: list[tuple[str, str, str, str | None]]


def _got(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(r["text"], r["opens"], r["closes"], r["days"]) for r in records(text, KIND)]


EXAMPLES = [
    # The seeds.
    Case(
        "Lørdag 28. mars er det mulig å levere hageavfall på Isi gjenvinningsstasjon kl. 09-15.",
        [("kl. 09-15", "09:00", "15:00", None)],
    ),
    Case(
        " • Isi gjenvinningsstasjon holder stengt på lørdag og er åpen mellom 09-17 hverdager i"
        " kommende uke.",
        [("mellom 09-17", "09:00", "17:00", "hverdager")],
    ),
    Case(
        "Du møter oss kl. 09-15 mandag til fredag.",
        [("kl. 09-15", "09:00", "15:00", "mandag til fredag")],
    ),
    Case(
        "Ring oss på telefonnummer 67 50 82 00\u00a0på hverdager kl. 09 –15. Kommer du ikke",
        [("kl. 09 –15", "09:00", "15:00", "hverdager")],
    ),
    Case(
        "Åpningstiden på ISI denne uken (mandag 16.03 - fredag 20.03) er \u00a0kl 9-17",
        [("kl 9-17", "09:00", "17:00", None)],
    ),
    # Other forms.
    Case("Servicetorget er åpent kl. 08.00–15.30.", [("kl. 08.00–15.30", "08:00", "15:30", None)]),
    Case("Vi har åpent 08:30 til 11:30.", [("08:30 til 11:30", "08:30", "11:30", None)]),
    Case(
        "Sentralbordet er åpent fra kl. 8 til 15.30.",
        [("fra kl. 8 til 15.30", "08:00", "15:30", None)],
    ),
    Case("Legevakten er åpen 10-14.", [("10-14", "10:00", "14:00", None)]),
    Case("Åpningstiden er 9-15.", [("9-15", "09:00", "15:00", None)]),
    Case("Vi svarer på telefon klokka 10-14.", [("klokka 10-14", "10:00", "14:00", None)]),
    Case("ÅPENT KL 9-15", [("KL 9-15", "09:00", "15:00", None)]),
    Case(
        "Kafeen er åpen kl 9-17 og 18-20.",
        [("kl 9-17", "09:00", "17:00", None), ("18-20", "18:00", "20:00", None)],
    ),
    Case("Døgnåpent: kl. 00-24", [("kl. 00-24", "00:00", "24:00", None)]),
    Case("kl. 9.30–15 hver dag", [("kl. 9.30–15", "09:30", "15:00", "hver dag")]),
    # "mellom … og …", four-digit times, "til" with no space, other dashes.
    Case("Vi har åpent mellom 10 og 14 i dag.", [("mellom 10 og 14", "10:00", "14:00", None)]),
    Case(
        "Telefonen er betjent mellom kl. 10 og 14.",
        [("mellom kl. 10 og 14", "10:00", "14:00", None)],
    ),
    Case(
        "Du kan ringe mellom 08:00 og 15:30.", [("mellom 08:00 og 15:30", "08:00", "15:30", None)]
    ),
    Case(
        "Drop-in skjer mellom klokka 17.00 og 20.00.",
        [("mellom klokka 17.00 og 20.00", "17:00", "20:00", None)],
    ),
    Case("Åpent kl. 0900-1500.", [("kl. 0900-1500", "09:00", "15:00", None)]),
    Case(
        "Kontoret er ope fra kl 1400 til 1700.", [("fra kl 1400 til 1700", "14:00", "17:00", None)]
    ),
    Case(
        "Kommunehuset har ope frå 0800 til 1500.", [("frå 0800 til 1500", "08:00", "15:00", None)]
    ),
    Case(
        "I neste uke er det åpent fra klokken 09:00 til klokken 11:30.",
        [("fra klokken 09:00 til klokken 11:30", "09:00", "11:30", None)],
    ),
    Case("Åpent kl. 9—15.", [("kl. 9—15", "09:00", "15:00", None)]),
    Case("Åpent kl. 9\u221215.", [("kl. 9\u221215", "09:00", "15:00", None)]),
    Case("Åpent kl. 9 \u2012 15.", [("kl. 9 \u2012 15", "09:00", "15:00", None)]),
    Case("Ekspedisjonstiden er 9-15.", [("9-15", "09:00", "15:00", None)]),
]

DAYS = [
    Case(
        "Butikken holder åpent laurdag og sundag kl 10.00-16.00.",
        [("kl 10.00-16.00", "10:00", "16:00", "laurdag og sundag")],
    ),
    Case("Mandag til fredag kl 8–15.30", [("kl 8–15.30", "08:00", "15:30", "Mandag til fredag")]),
    Case(
        "Biblioteket er åpent mandag–fredag kl. 8–16 og lørdag kl. 10–14.",
        [
            ("kl. 8–16", "08:00", "16:00", "mandag–fredag"),
            ("kl. 10–14", "10:00", "14:00", "lørdag"),
        ],
    ),
    Case(
        "Mandag til fredag er sentralbordet åpent fra kl. 8 til 15.30.",
        [("fra kl. 8 til 15.30", "08:00", "15:30", "Mandag til fredag")],
    ),
    Case(
        "Åpningstider: man–fre 08–16, lør 10–14",
        [("08–16", "08:00", "16:00", "man–fre"), ("10–14", "10:00", "14:00", "lør")],
    ),
    Case(
        "Telefonen er betjent kl. 8–11 og 12–15 på hverdager.",
        [("kl. 8–11", "08:00", "11:00", "hverdager"), ("12–15", "12:00", "15:00", "hverdager")],
    ),
    Case(
        "Telefonen er åpen hverdager fra 08.30 til 15.00.",
        [("fra 08.30 til 15.00", "08:30", "15:00", "hverdager")],
    ),
    Case(
        "I helgene er det åpent fra kl. 10 til 16.",
        [("fra kl. 10 til 16", "10:00", "16:00", "helgene")],
    ),
    Case("Hverdager 9-15", [("9-15", "09:00", "15:00", "Hverdager")]),
    Case(
        "Kontoret er ope måndag til fredag kl. 8-15.30.",
        [("kl. 8-15.30", "08:00", "15:30", "måndag til fredag")],
    ),
    Case(
        "kl. 10.00 – 14.00 alle hverdager", [("kl. 10.00 – 14.00", "10:00", "14:00", "hverdager")]
    ),
    Case(
        "mandag, onsdag og fredag kl. 9-15",
        [("kl. 9-15", "09:00", "15:00", "mandag, onsdag og fredag")],
    ),
    Case(
        "Åpent 10:00-14:00 og 15:00-18:00 mandag–fredag",
        [
            ("10:00-14:00", "10:00", "14:00", "mandag–fredag"),
            ("15:00-18:00", "15:00", "18:00", "mandag–fredag"),
        ],
    ),
    Case(
        "lørdag 10-14 og søndag 12-16",
        [("10-14", "10:00", "14:00", "lørdag"), ("12-16", "12:00", "16:00", "søndag")],
    ),
    Case("kl. 9 - 15.30 man. - fre.", [("kl. 9 - 15.30", "09:00", "15:30", "man. - fre.")]),
    # Abbreviations that keep a "d" (Torsd., Fred., Onsd.) and the dot of the last one.
    Case(
        "Sogndal: Mån. - Fred. kl. 08.00 - 14.00 og Torsd. kl. 08.00 - 19.00",
        [
            ("kl. 08.00 - 14.00", "08:00", "14:00", "Mån. - Fred."),
            ("kl. 08.00 - 19.00", "08:00", "19:00", "Torsd."),
        ],
    ),
    Case(
        "Biblioteket: tirsd.–fred. 10–16, lørd. 10–14",
        [("10–16", "10:00", "16:00", "tirsd.–fred."), ("10–14", "10:00", "14:00", "lørd.")],
    ),
    Case("Fred. 10-14", [("10-14", "10:00", "14:00", "Fred.")]),
    Case(
        "Telefontid: man.–fre. kl. 09.00–11.30",
        [("kl. 09.00–11.30", "09:00", "11:30", "man.–fre.")],
    ),
    Case("Åpningstider mandag–torsdag: 8–15.30", [("8–15.30", "08:00", "15:30", "mandag–torsdag")]),
    Case("09–15 på lørdager", [("09–15", "09:00", "15:00", "lørdager")]),
    Case("Legevakten har åpent 8-22 alle dager.", [("8-22", "08:00", "22:00", "alle dager")]),
    Case("tysdag–fredag 8–15", [("8–15", "08:00", "15:00", "tysdag–fredag")]),
    Case(
        "Svarer mandag til torsdag 09.00–15.00 og fredag 09.00–14.00.",
        [
            ("09.00–15.00", "09:00", "15:00", "mandag til torsdag"),
            ("09.00–14.00", "09:00", "14:00", "fredag"),
        ],
    ),
    # Days joined by a slash, "til og med", days after a comma.
    Case("Lørdag/søndag: kl 00-24", [("kl 00-24", "00:00", "24:00", "Lørdag/søndag")]),
    Case(
        "mandag til og med fredag kl. 9-15",
        [("kl. 9-15", "09:00", "15:00", "mandag til og med fredag")],
    ),
    Case("Laboratoriet: 08:30-12:00, hver dag", [("08:30-12:00", "08:30", "12:00", "hver dag")]),
    # Nynorsk.
    Case(
        "Ekspedisjonstida er 09.00 – 14.00 på kvardagar.",
        [("09.00 – 14.00", "09:00", "14:00", "kvardagar")],
    ),
    Case(
        "Telefonen er open måndag–fredag frå klokka 09.00-15.30.",
        [("frå klokka 09.00-15.30", "09:00", "15:30", "måndag–fredag")],
    ),
    # Days on the line above, over a column of ranges, or in a lead-in that ends in a colon.
    Case("Mandag–fredag:\n08.00–15.30", [("08.00–15.30", "08:00", "15:30", "Mandag–fredag")]),
    Case(
        "Laurdag\n\n10:00 - 11:00 (trening)\n11:00 - 14:00",
        [
            ("10:00 - 11:00", "10:00", "11:00", "Laurdag"),
            ("11:00 - 14:00", "11:00", "14:00", "Laurdag"),
        ],
    ),
    Case(
        "Testsenteret er ope på kvardagar:\n• 09.00–11.00\n• 12.00–15.00",
        [
            ("09.00–11.00", "09:00", "11:00", "kvardagar"),
            ("12.00–15.00", "12:00", "15:00", "kvardagar"),
        ],
    ),
    # A line above that is not days, nor a lead-in, gives none.
    Case("Testing på hverdager\n09.00–11.00", [("09.00–11.00", "09:00", "11:00", None)]),
]

BUGS_CAUGHT = [
    # Days the sentence says are closed are not the opening days.
    Case("Stengt hverdager, åpent kl 10-14.", [("kl 10-14", "10:00", "14:00", None)]),
    # A weekday followed by a date is the date of the opening, not its days.
    Case("Åpent kl. 10-14 lørdag 28. mars.", [("kl. 10-14", "10:00", "14:00", None)]),
    # Days after a range that lead in the next range belong to that one.
    Case(
        "Åpent kl. 9–15, lørdag kl. 10–14",
        [("kl. 9–15", "09:00", "15:00", None), ("kl. 10–14", "10:00", "14:00", "lørdag")],
    ),
    # A lone "man" ("one") is no day.
    Case("Her kan man 10-14 levere avfall.", []),
    # No space after "kl." (devset 16:33).
    Case(
        "ring mandag - fredag mellom kl.10.30-12.00 for å avtale testing",
        [("mellom kl.10.30-12.00", "10:30", "12:00", "mandag - fredag")],
    ),
    # Days after one range and before the next are the first range's.
    Case(
        "55 56 77 00 (8–21 kvardagar, 9–17 laurdag og søndag)",
        [("8–21", "08:00", "21:00", "kvardagar"), ("9–17", "09:00", "17:00", "laurdag og søndag")],
    ),
    Case(
        "Hallen er åpen fra klokken 6–22 på hverdager, og klokken 10–19 i helger.",
        [
            ("fra klokken 6–22", "06:00", "22:00", "hverdager"),
            ("klokken 10–19", "10:00", "19:00", "helger"),
        ],
    ),
    # A closed clause: no rows, however the range is written; an opening word reopens it.
    Case("Det er stengt hver dag mellom 11:30-12:30.", []),
    Case(
        "Kl. 09:00 - 21:00 (stengt mellom 11:00 og 12:00 og 14:30-15:30)",
        [("Kl. 09:00 - 21:00", "09:00", "21:00", None)],
    ),
    Case("Lunsjstengt 11.30–12.00.", []),
    Case(
        "Kontoret er stengt i dag, men åpent i morgen kl. 9-15.",
        [("kl. 9-15", "09:00", "15:00", None)],
    ),
    # "og" joins two times only after "mellom".
    Case(
        "Det blir messe kl. 10 og 14, og mellom kl. 11 og 13 er kirken åpen.",
        [("mellom kl. 11 og 13", "11:00", "13:00", None)],
    ),
    # Four-digit years are not times, even after a cue; with kl. they are.
    Case("Åpningstider 2023-2024 for biblioteket", []),
    Case("Åpent kl. 2000-2200.", [("kl. 2000-2200", "20:00", "22:00", None)]),
    # A heading line that is a date gives no days.
    Case("Lørdag 28. mars:\n10.00–14.00", [("10.00–14.00", "10:00", "14:00", None)]),
]

NO_MATCH = [
    Case("Et daglig skoletilbud for barn \u00a06-16 år.", []),
    Case("Vi har nå etablert 4-7 plasser.", []),
    Case("Vi tar 25-30 tester daglig.", []),
    Case("skoleåret 2019-2020", []),
    Case("Det antas at de blir på mottaket i 4-6 uker.", []),
    Case("Kampen endte 3-1.", []),
    Case("Kampen lørdag endte 1-3.", []),
    Case("Åpningstiden denne uken (mandag 16.03 - fredag 20.03)", []),
    Case("Stengt 16.03-20.03.", []),
    Case("Smitten økte med 10-15 prosent.", []),
    Case("Antall smittede økte fra 12 til 15 i går.", []),
    Case("Tilbudet gjelder barn fra 6 til 16 år.", []),
    Case("Legevakten har nattåpent kl. 22-06.", []),
    Case("Kontoret er stengt kl. 12-13.", []),
    Case("Det blir messe kl. 10 og 14.", []),
    Case("kl. 10-24.30", []),
    Case("Ferien varer fra uke 28-31.", []),
    Case("Elevene i klasse 8-10 har fri.", []),
    Case("Åpen for 1-4. trinn.", []),
    Case("Det er mellom 10 og 15 nye tilfeller.", []),
    Case("Tabell 17 - Helse og sosial", []),
    Case("Økningen fra 2017 til 2018 skyldes flere brukere.", []),
    Case("Se § 3-1 i loven.", []),
    Case("Ring 67 50 82 00 eller 22 10-15 33.", []),
    Case("Skolen har fri fra 12 til 14 i dag.", []),
    Case("Fra 1. til 15. mars er det stengt.", []),
    Case("Kapittel 9-15 handler om økonomi.", []),
    Case("Økonomiplan 2021 - 2024 og 2019-2023", []),
    Case("Det var 1200-1500 deltakere på møtet.", []),
    Case("Det var 1200-1500 på møtet.", []),
    Case("Legevakta er døgnopen.", []),
    Case("Telefonen er bemannet hele døgnet.", []),
    Case("Mandag kl. 12 - \n\nOnsdag kl. 12 - ", []),
    Case("Barn mellom 12 og 15 år.", []),
    Case("Mellom 15 og 20 av elevene testet positivt.", []),
    Case("Aldersgruppen 65—74 år og 18\u221264 år.", []),
    Case("Det ble gitt mellom 120 og 130 doser i uke 12-14.", []),
    # "Fred" the name, "tys" (hush) and "man" (one) are no days, and the range needs a cue.
    Case("Fred 10-14 fikk pris.", []),
    Case("Tys 10-12 ganger.", []),
]

KNOWN_FAILURES = [
    # "fra 8 til 16" without kl./åpen/days is not read: too often a count ("økte fra 12 til 15").
    Case("Ring oss fra 8 til 16.", [("fra 8 til 16", "08:00", "16:00", None)]),
    # Number words are not read.
    Case(
        "Vi har åpent fra klokka ni til tre.", [("fra klokka ni til tre", "09:00", "15:00", None)]
    ),
    # Ranges over midnight are not read (opens must be before closes).
    Case("Legevakta er open kl 16.00-08.00.", [("kl 16.00-08.00", "16:00", "08:00", None)]),
    # No space after "til" (a typo on a real page): ranges are found from " til ".
    Case(
        "Sentralbordet er bemanna frå 0900 til1400.", [("frå 0900 til1400", "09:00", "14:00", None)]
    ),
    # Abbreviated days joined by "og" are not one day expression (only full forms are).
    Case("Ope onsd. og fred. kl 12-15.", [("kl 12-15", "12:00", "15:00", "onsd. og fred.")]),
    # Words between the two times.
    Case(
        "Svar på telefon fra 08.00 om morgenen til 15.30.",
        [("fra 08.00 om morgenen til 15.30", "08:00", "15:30", None)],
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [c.text[:50] for c in cases]


ALL = EXAMPLES + DAYS + BUGS_CAUGHT + NO_MATCH


@pytest.mark.parametrize("case", ALL, ids=_ids(ALL))
def test_opening_hours(case: Case) -> None:
    assert _got(case.text) == case.expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=_ids(KNOWN_FAILURES))
def test_known_failures(case: Case) -> None:
    assert _got(case.text) == case.expected


def test_date_is_the_sections_date() -> None:
    recs = records("19.03.20 Nytt tilbud\n\nDu møter oss kl. 09-15 mandag til fredag.\n", KIND)
    assert [(r["date"], r["opens"]) for r in recs] == [("2020-03-19", "09:00")]


def test_fields_in_order() -> None:
    (r,) = records("Du møter oss kl. 09-15.", KIND)
    assert list(r)[7:] == ["opens", "closes", "days"]


ADVERSARIAL = {
    "ones": "1 " * 100_000,
    "kl-dash": "kl. 09-" * 30_000,
    "ranges": "09-17 " * 35_000,
    "mellom": "mellom " * 30_000 + "10 og 14",
    "days": "mandag til " * 20_000 + "fredag kl. 9-15",
    "til": "8 til 9 til " * 20_000,
    "dashes": "- " * 100_000,
    "dag": "dag " * 50_000 + "kl. 9-15",
    "chain": "åpent kl. 8-9, " * 15_000,
    "days-chain": "mandager er det åpent kl. 8-9, " * 6_500,
    "many-sentences-on-a-line": "Mandag til fredag er det åpent kl. 8-9. " * 5_000,
    "mellom-og": "mellom kl. 8 og 9 og " * 10_000,
    "em-dashes": "09—17 " * 35_000,
    "stengt-chain": "stengt " + "kl. 8-9 og " * 15_000,
    "column": "Mandag:\n" + "09-15\n" * 30_000,
    "blank-lines": "Mandag\n" + "\n" * 100_000 + "09-15",
    "long-heading": "Mandag " * 30_000 + "\n09-15\n" * 1_000,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_input_finishes(text: str) -> None:
    assert isinstance(records(text, KIND), list)
