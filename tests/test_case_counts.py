"""Sentence table for the case_count extractor.

New cases: ordinary phrasings go into EXAMPLES, regressions and the seed lines the
gold is picky about into BUGS_CAUGHT, near-misses that must give nothing into
NO_MATCH, and phrasings we know we get wrong into KNOWN_FAILURES (strict xfail, so a
fix is noticed).

Each text is read under the date header ``30.03.20 Smittetall`` (Monday 30 March
2020), so every record's ``date`` is 2020-03-30 unless the case says otherwise, and
``since_date`` resolves against it. Each expected row is
``(text, metric, value, place, since, since_date)``, where ``text`` is the evidence.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from conftest import records
from kommunetekst import extract_text

HEADER = "30.03.20 Smittetall\n"

Row = tuple[str, str, int, str | None, str | None, str | None]


class Case(NamedTuple):
    text: str
    expected: list[Row]
    date: str | None = "2020-03-30"  # of every record
    header: bool = True  # read the text under HEADER
    year: int | None = None


EXAMPLES = [
    # totals
    Case(
        "Det er nå 246 smittede, 8 nye fra søndag.",
        [
            ("246 smittede", "total", 246, None, None, None),
            ("8 nye fra søndag", "new", 8, None, "søndag", "2020-03-29"),
        ],
    ),
    Case(
        "Per i dag er det 57 bekreftede smittetilfeller i kommunen.",
        [("57 bekreftede smittetilfeller", "total", 57, None, None, None)],
    ),
    Case(
        "Totalt antall smittede: 312",
        [("Totalt antall smittede: 312", "total", 312, None, None, None)],
    ),
    Case(
        "Totalt er det påvist 621 tilfelle av covid-19.",
        [("621 tilfelle", "total", 621, None, None, None)],
    ),
    Case(
        "Antall personer med påvist smitte er 41.",
        [("Antall personer med påvist smitte er 41", "total", 41, None, None, None)],
    ),
    Case(
        "Det totale antallet bekreftet smittede er nå 110.",
        [("antallet bekreftet smittede er nå 110", "total", 110, None, None, None)],
    ),
    Case("Det er no 40 smitta i kommunen.", [("40 smitta", "total", 40, None, None, None)]),
    Case(
        "Det er nå 136 som er smittet av Korona-viruset i Bærum.",
        [("136 som er smittet", "total", 136, "Bærum", None, None)],
    ),
    Case(
        "Antall smittede i Bærum er 191.",
        [("Antall smittede i Bærum er 191", "total", 191, "Bærum", None, None)],
    ),
    Case(
        "Antall meldte smittede i Bærum er 161 personer.",
        [("Antall meldte smittede i Bærum er 161 personer", "total", 161, "Bærum", None, None)],
    ),
    Case(
        "Det er 1 641 smittede i Norge.", [("1 641 smittede", "total", 1641, "Norge", None, None)]
    ),
    Case(
        "Det er 1\u00a0641 smittede i Norge.",
        [("1\u00a0641 smittede", "total", 1641, "Norge", None, None)],
    ),
    Case(
        "Det er 1.641 smittede i Norge.", [("1.641 smittede", "total", 1641, "Norge", None, None)]
    ),
    Case("Det er tjueto smitta på Stord.", [("tjueto smitta", "total", 22, "Stord", None, None)]),
    Case("I Bærum er det nå 57 smittede.", [("57 smittede", "total", 57, "Bærum", None, None)]),
    Case(
        "Det er registrert 5 smittede i Bærum kommune.",
        [("5 smittede", "total", 5, "Bærum", None, None)],
    ),
    Case(
        "Smittetallet i Nord-Fron er 12.",
        [("Smittetallet i Nord-Fron er 12", "total", 12, "Nord-Fron", None, None)],
    ),
    Case(
        "Det er 9 koronasmittede i Indre Østfold.",
        [("9 koronasmittede", "total", 9, "Indre Østfold", None, None)],
    ),
    Case(
        "Smittetallet har økt til 57.",
        [("Smittetallet har økt til 57", "total", 57, None, None, None)],
    ),
    Case(
        "Totalt har 87 personer i kommunen fått påvist koronasmitte.",
        [("87 personer i kommunen fått påvist koronasmitte", "total", 87, None, None, None)],
    ),
    Case(
        "Antallet smittede i Trondheim er nå oppe i 213.",
        [("Antallet smittede i Trondheim er nå oppe i 213", "total", 213, "Trondheim", None, None)],
    ),
    Case(
        "Talet på smitta i Voss er no 23.",
        [("Talet på smitta i Voss er no 23", "total", 23, "Voss", None, None)],
    ),
    Case(
        "Hittil er 45 personer smittet i Tromsø.",
        [("45 personer smittet", "total", 45, "Tromsø", None, None)],
    ),
    Case(
        "57 bekreftet smittet, 3 innlagt, 1 død.",
        [
            ("57 bekreftet smittet", "total", 57, None, None, None),
            ("3 innlagt", "hospitalized", 3, None, None, None),
            ("1 død", "deaths", 1, None, None, None),
        ],
    ),
    Case(
        "Kommunen har nå 12 smittede, hvorav 2 er innlagt på sykehus.",
        [
            ("12 smittede", "total", 12, None, None, None),
            ("2 er innlagt", "hospitalized", 2, None, None, None),
        ],
    ),
    # new
    Case(
        "Det er registrert 3 nye tilfeller siste døgn.",
        [("3 nye tilfeller siste døgn", "new", 3, None, "siste døgn", "2020-03-29")],
    ),
    Case(
        "Det er stadfesta tre nye smittetilfelle i Kvinnherad.",
        [("tre nye smittetilfelle", "new", 3, "Kvinnherad", None, None)],
    ),
    Case(
        "Siste døgn er det registrert 11 nye tilfeller, totalt 154.",
        [
            ("11 nye tilfeller", "new", 11, None, "Siste døgn", "2020-03-29"),
            ("totalt 154", "total", 154, None, None, None),
        ],
    ),
    Case(
        "Vi har nå 26 bekreftede tilfeller av covid-19 i Ålesund, det er 4 flere enn fredag.",
        [
            ("26 bekreftede tilfeller", "total", 26, "Ålesund", None, None),
            ("4 flere enn fredag", "new", 4, None, "fredag", "2020-03-27"),
        ],
    ),
    Case("38 nye koronasmitta.", [("38 nye koronasmitta", "new", 38, None, None, None)]),
    Case(
        "14 av disse er nye påviste tilfeller siden forrige fredag.",
        [
            (
                "14 av disse er nye påviste tilfeller siden forrige fredag",
                "new",
                14,
                None,
                "forrige fredag",
                "2020-03-27",
            )
        ],
    ),
    Case(
        "Ingen nye smittede siste døgn.",
        [("Ingen nye smittede siste døgn", "new", 0, None, "siste døgn", "2020-03-29")],
    ),
    Case(
        "Det er ikke registrert noen nye tilfeller.",
        [("ikke registrert noen nye tilfeller", "new", 0, None, None, None)],
    ),
    Case(
        "Antall smittede er 181, det er en økning på 16 i forhold til mandag.",
        [
            ("Antall smittede er 181", "total", 181, None, None, None),
            ("en økning på 16 i forhold til mandag", "new", 16, None, "mandag", "2020-03-23"),
        ],
    ),
    Case(
        "Det er 246 smittede, det er 8 flere enn på fredag.",
        [
            ("246 smittede", "total", 246, None, None, None),
            ("8 flere enn på fredag", "new", 8, None, "fredag", "2020-03-27"),
        ],
    ),
    Case(
        "Det er 246 smittede, 8 nye siden i går.",
        [
            ("246 smittede", "total", 246, None, None, None),
            ("8 nye siden i går", "new", 8, None, "i går", "2020-03-29"),
        ],
    ),
    Case(
        "Det er 246 smittede, 8 nye siden 27. mars.",
        [
            ("246 smittede", "total", 246, None, None, None),
            ("8 nye siden 27. mars", "new", 8, None, "27. mars", "2020-03-27"),
        ],
    ),
    Case(
        "Siden fredag er det kommet 8 nye smittede.",
        [("8 nye smittede", "new", 8, None, "fredag", "2020-03-27")],
    ),
    Case(
        "I løpet av helgen er det kommet fem nye smittede i Asker.",
        [("fem nye smittede", "new", 5, "Asker", "helgen", None)],
    ),
    Case(
        "Smittetallet er 57, en økning på 3 siden sist.",
        [
            ("Smittetallet er 57", "total", 57, None, None, None),
            ("en økning på 3 siden sist", "new", 3, None, "sist", None),
        ],
    ),
    Case(
        "Antall nye smittede siste døgn er 3.",
        [("Antall nye smittede siste døgn er 3", "new", 3, None, "siste døgn", "2020-03-29")],
    ),
    Case("Det er 12 nysmitta i Bergen.", [("12 nysmitta", "new", 12, "Bergen", None, None)]),
    # hospitalized
    Case(
        "Tre personer er innlagt på sykehus.",
        [("Tre personer er innlagt", "hospitalized", 3, None, None, None)],
    ),
    Case(
        "Det er fem fra Bærum som er innlagt på sykehus.",
        [("fem fra Bærum som er innlagt", "hospitalized", 5, "Bærum", None, None)],
    ),
    Case(
        "Antall innlagte på sykehus er 4.",
        [("Antall innlagte på sykehus er 4", "hospitalized", 4, None, None, None)],
    ),
    Case(
        "3 pasienter med covid-19 er innlagt.",
        [("3 pasienter med covid-19 er innlagt", "hospitalized", 3, None, None, None)],
    ),
    Case(
        "Ein person er innlagd på sjukehus.",
        [("Ein person er innlagd", "hospitalized", 1, None, None, None)],
    ),
    Case(
        "Totalt 14 personer er innlagt på Ahus.",
        [("14 personer er innlagt", "hospitalized", 14, None, None, None)],
    ),
    Case("Ingen er innlagt.", [("Ingen er innlagt", "hospitalized", 0, None, None, None)]),
    Case(
        "Ingen av dei smitta er innlagde på sjukehus.",
        [("Ingen av dei smitta er innlagde", "hospitalized", 0, None, None, None)],
    ),
    Case("To ligger på sykehus.", [("To ligger på sykehus", "hospitalized", 2, None, None, None)]),
    # deaths
    Case("Det er 57 dødsfall i Norge.", [("57 dødsfall", "deaths", 57, "Norge", None, None)]),
    Case("To personer er døde.", [("To personer er døde", "deaths", 2, None, None, None)]),
    Case("Ein person har døydd.", [("Ein person har døydd", "deaths", 1, None, None, None)]),
    Case(
        "Totalt har 4 personer dødd på Ullevål.",
        [("4 personer dødd", "deaths", 4, None, None, None)],
    ),
    Case("Antall døde er 3.", [("Antall døde er 3", "deaths", 3, None, None, None)]),
    Case(
        "En person er død av covid-19 i Oslo.",
        [("En person er død", "deaths", 1, "Oslo", None, None)],
    ),
    Case(
        "Det første dødsfallet i kommunen ble registrert i dag.",
        [("første dødsfallet", "deaths", 1, None, None, None)],
    ),
    # the verb before the count, as a sentence turned round puts it
    Case("Det døde 2 personer i helgen.", [("døde 2 personer", "deaths", 2, None, None, None)]),
    # dates
    Case(
        "Per 18. juni er det 1 641 smittede i Norge.",
        [("1 641 smittede", "total", 1641, "Norge", None, None)],
        date="2020-06-18",
    ),
    Case(
        "Per 18. juni er det 1 641 smittede i Norge.",
        [("1 641 smittede", "total", 1641, "Norge", None, None)],
        date=None,
        header=False,
    ),
    Case(
        "Per 18. juni er det 1 641 smittede i Norge.",
        [("1 641 smittede", "total", 1641, "Norge", None, None)],
        date="2021-06-18",
        header=False,
        year=2021,
    ),
    Case(
        "Status pr. 3.4.2020: 57 smittede i Bergen.",
        [("57 smittede", "total", 57, "Bergen", None, None)],
        date="2020-04-03",
        header=False,
    ),
    Case(
        "Det er 246 smittede, 8 nye fra søndag.",
        [
            ("246 smittede", "total", 246, None, None, None),
            ("8 nye fra søndag", "new", 8, None, "søndag", None),
        ],
        date=None,
        header=False,
    ),
]

BUGS_CAUGHT = [
    # Seed 000 line 3: an elliptic total takes the place of the clause it sums up.
    Case(
        "Det er ikke meldt nye smittede i Bærum, tilsammen 423.",
        [
            ("ikke meldt nye smittede", "new", 0, "Bærum", None, None),
            ("tilsammen 423", "total", 423, "Bærum", None, None),
        ],
    ),
    # An increase in its own clause has no place of its own.
    Case(
        "Det er 218 registrert smittede i Bærum, en økning på 15 fra i går.",
        [
            ("218 registrert smittede", "total", 218, "Bærum", None, None),
            ("en økning på 15 fra i går", "new", 15, None, "i går", "2020-03-29"),
        ],
    ),
    # The sentence after a total gives the increase without naming cases again.
    Case(
        "Dagens tall er 204 smittede i Bærum. Det er 13 flere enn i går. "
        "18 personer fra Asker og Bærum er innlagt på Bærum sykehus.",
        [
            ("204 smittede", "total", 204, "Bærum", None, None),
            ("13 flere enn i går", "new", 13, None, "i går", "2020-03-29"),
            (
                "18 personer fra Asker og Bærum er innlagt",
                "hospitalized",
                18,
                "Asker og Bærum",
                None,
                None,
            ),
        ],
    ),
    Case(
        "Antall smittede i Bærum er 191. Det er en oppgang på 10 fra tirsdag.",
        [
            ("Antall smittede i Bærum er 191", "total", 191, "Bærum", None, None),
            ("en oppgang på 10 fra tirsdag", "new", 10, None, "tirsdag", "2020-03-24"),
        ],
    ),
    # "tallet" names no figure; "smittetall" before it does.
    Case(
        "Ingen endring i smittetall i løpet av natta, tallet er fremdeles 123.",
        [
            ("Ingen endring i smittetall i løpet av natta", "new", 0, None, "natta", None),
            ("tallet er fremdeles 123", "total", 123, None, None, None),
        ],
    ),
    Case(
        "Totalt 101 smittede, en stor andel innenlandssmitte – arbeider med smittesporing.  "
        "6 av våre er på sykehus.",
        [
            ("101 smittede", "total", 101, None, None, None),
            ("6 av våre er på sykehus", "hospitalized", 6, None, None, None),
        ],
    ),
    # "på Bærum sykehus" is where the person died, not the place.
    Case(
        "Kommuneoverlege Frantz Leonard Nilsen bekrefter at en person døde på Bærum sykehus "
        "søndag 29. mars. Dette er det første korona-relaterte dødsfallet i Bærum.",
        [("en person døde", "deaths", 1, None, None, None)],
    ),
    Case(
        "I løpet av helgen kom det tilsammen 21 nye smittede; 10 på lørdag og 11 på søndag.",
        [("21 nye smittede", "new", 21, None, "helgen", None)],
    ),
    Case(
        "Mandag morgen var det meldt om 85 smittede i Bærum, men mørketallene er økende.",
        [("85 smittede", "total", 85, "Bærum", None, None)],
    ),
    Case(
        "Det er nå 104 smittede i registrert i Bærum.",
        [("104 smittede", "total", 104, "Bærum", None, None)],
    ),
    # The same sentence twice gives two records (the report layer collapses them).
    Case(
        "Antall smittede er 5. Antall smittede er 5.",
        [("Antall smittede er 5", "total", 5, None, None, None)] * 2,
    ),
    # A date header's title is not a report, and it starts a new section.
    Case(
        "27.03.20 Første dødsfall i Bærum\n\nEn person er død.",
        [("En person er død", "deaths", 1, None, None, None)],
        date="2020-03-27",
        header=False,
    ),
    # "siden 27. mars." ends the sentence: the full stop is not part of the time.
    Case(
        "Det er 8 nye smittede siden 27. mars.",
        [("8 nye smittede siden 27. mars", "new", 8, None, "27. mars", "2020-03-27")],
    ),
    # "flere enn" another place compares places; it is not an increase.
    Case(
        "Det er 57 smittede i Bærum, 3 flere enn i Asker.",
        [("57 smittede", "total", 57, "Bærum", None, None)],
    ),
    # Several "første dødsfall" in one paragraph are one death.
    Case(
        "Første dødsfall. Det første dødsfallet i kommunen.",
        [("Første dødsfall", "deaths", 1, None, None, None)],
    ),
    # Each clause (between , ; – and " - ") names its own place.
    Case(
        "I Asker er det 12 smittede, mens 40 er smittet i Bærum.",
        [
            ("12 smittede", "total", 12, "Asker", None, None),
            ("40 er smittet", "total", 40, "Bærum", None, None),
        ],
    ),
    Case(
        "Det er 12 smittede i Asker; i Bærum er det 40 smittede.",
        [
            ("12 smittede", "total", 12, "Asker", None, None),
            ("40 smittede", "total", 40, "Bærum", None, None),
        ],
    ),
    Case(
        "Det er 40 smittede i Asker - 12 i Bærum.",
        [("40 smittede", "total", 40, "Asker", None, None)],
    ),
    # "Kl." is an abbreviation, not the end of a sentence.
    Case(
        "Kl. 14 var det 5 nye smittede i Asker.",
        [("5 nye smittede", "new", 5, "Asker", None, None)],
    ),
    # A grouped number that opens its sentence is one count, not also its last groups.
    Case(
        "2 318 personar er smitta i Vestland.",
        [("2 318 personar er smitta", "total", 2318, "Vestland", None, None)],
    ),
    Case(
        "1 907 smittede er registrert i Drammen.",
        [("1 907 smittede er registrert", "total", 1907, "Drammen", None, None)],
    ),
]

NO_MATCH = [
    Case("1 250 personer er testet i Drammen denne uka.", []),
    Case("Skolene gir nå tilbud til nærmere 400 elever med foreldre i kritiske funksjoner.", []),
    Case("Nærmere 480 har meldt seg etter utlysningene av helse- og omsorgspersonell.", []),
    Case("Bemanningsteam-korona har bidratt til 200 medarbeidere i Pleie og omsorg.", []),
    Case(
        "Vi har opprettet en egen avdeling på Solgården med plass til inntil 7 koronasmittede "
        "pasienter som blir skjermet, per nå er det to pasienter der.",
        [],
    ),
    Case("5 personar i karantene etter smitte.", []),
    Case("Det tas 25-30 tester per uke av smittede.", []),
    Case("Det er 16 000 elever som er hjemme på grunn av smitte.", []),
    Case("Av de 280 er 65 enslige mindreårige smittede.", []),
    Case("12 prosent av de smittede er over 80 år.", []),
    Case("En medarbeider har testet positivt for covid-19.", []),
    Case("I 2020 døde 5 personer av covid-19.", []),
    Case("Fastlegen skal følge opp de Covid-19 smittede pasientene.", []),
    Case("Det er over 100 smittede.", []),
    Case("Det er ca. 40 smittede.", []),
    Case("Det er mellom 20 og 30 smittede.", []),
    Case("Det er 20-30 smittede.", []),
    Case("Det er 20 – 30 smittede.", []),
    Case("Ingen smitte.", []),
    Case("Ingen smittede på sykehjem.", []),
    Case("Det er ingen smittede i de samlokaliserte boligene.", []),
    Case("Det er 3 smittede blant ansatte.", []),
    Case("Det er 10 koronasmittede på sykehjemmet.", []),
    Case("Ring 67 50 94 94 om du er smittet.", []),
    Case("Totalt 40 ansatte jobber på sykehuset.", []),
    Case("Det er 8 nye i karantene etter smitte.", []),
    Case("Vi har fått 2 nye fastleger og mye smitte.", []),
    Case("Antall smittede har økt med 5 prosent.", []),
    Case("Antall smittede er 5 ganger høyere enn i fjor.", []),
    Case("Antall smittede per 1000 innbyggere er 5,3.", []),
    Case("Antall testede er 1200, hvorav 30 smittede.", []),
    Case("Slik at ingen av oss bidrar til økt smitte av koronaviruset.", []),
    Case("Om ansatte eller en av våre pasienter blir smittet, og i verste fall dør.", []),
    Case("Det er 2 av våre pasienter som er smittet.", []),
    Case("De 57 smittede følges opp av fastlegen.", []),
    Case("1 av 10 smittede får alvorlige symptomer.", []),
    Case("Det er 2 nye dødsfall.", []),
    Case("To nye er innlagt.", []),
    Case("Uke 12 hadde mange smittede.", []),
    Case("Solgården har 4-7 plasser for smittede pasienter.", []),
    # No case word: a number near "nye" or "flere" alone is not read.
    Case("Vi har 2 nye ansatte. Det er 13 flere enn i går.", []),
    Case("Det er 246 smittevernutstyr på lager.", []),
    Case("Smittetallet i Oslo har passert 1000.", []),
    Case("Det er 2 smittede elever ved Bekkestua skole.", []),
    Case("Det er i dag meldt 6 nye positive prøver på sykehus.", []),
    Case("Det er 30 døgnplasser.", []),
    Case("Det antas at de blir på mottaket i 4-6 uker, og smitte unngås.", []),
]

KNOWN_FAILURES = [
    # The counts that split an increase ("10 på lørdag og 11 på søndag") are not read.
    Case(
        "Det kom 21 nye smittede; 10 på lørdag og 11 på søndag.",
        [
            ("21 nye smittede", "new", 21, None, None, None),
            ("10 på lørdag", "new", 10, None, "lørdag", None),
            ("11 på søndag", "new", 11, None, "søndag", None),
        ],
    ),
    # Number words of two words ("to hundre") are not read.
    Case("Det er to hundre smittede.", [("to hundre smittede", "total", 200, None, None, None)]),
    # A change in brackets after the figure ("(+3 siden i går)") is not read.
    Case(
        "Antall bekreftet smittede: 57 (+3 siden i går)",
        [
            ("Antall bekreftet smittede: 57", "total", 57, None, None, None),
            ("+3 siden i går", "new", 3, None, "i går", "2020-03-29"),
        ],
    ),
    # A sentence whose only case word is a capital "Død…" is not read.
    Case("Dødsfall: 3", [("Dødsfall: 3", "deaths", 3, None, None, None)]),
]


def _get(case: Case) -> list[dict[str, Any]]:
    text = HEADER + case.text if case.header else case.text
    return records(text, "case_count", case.year)


def _rows(recs: list[dict[str, Any]]) -> list[Row]:
    keys = ("text", "metric", "value", "place", "since", "since_date")
    return [tuple(r[k] for k in keys) for r in recs]  # type: ignore[misc]


def _check(case: Case) -> None:
    recs = _get(case)
    assert _rows(recs) == case.expected
    assert all(r["date"] == case.date for r in recs)


@pytest.mark.parametrize("case", EXAMPLES + BUGS_CAUGHT + NO_MATCH, ids=lambda c: c.text[:50])
def test_case_counts(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=lambda c: c.text[:50])
@pytest.mark.xfail(strict=True)
def test_case_counts_known_failures(case: Case) -> None:
    _check(case)


def test_table_is_big_enough() -> None:
    assert len(EXAMPLES + BUGS_CAUGHT + NO_MATCH) >= 80
    assert len(NO_MATCH) >= 25


def test_fields_are_typed_and_in_order() -> None:
    (rec,) = records(HEADER + "Det er 5 nye smittede i Bærum fra i går.", "case_count")
    assert list(rec)[7:] == ["metric", "value", "place", "since", "since_date", "kommune_no"]
    assert isinstance(rec["value"], int) and not isinstance(rec["value"], bool)
    assert rec["since_date"] == "2020-03-29" and rec["place"] == "Bærum"
    assert rec["kommune_no"] == "3024"


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 100_000,
        "kl. 09-" * 30_000,
        "smittede " * 25_000,
        "12 smittede, " * 20_000,
        "ingen nye " * 20_000 + "smittede",
        "Antall smittede " + "x " * 100_000 + "er 5",
        "Antall smittede er " * 12_000,
        "fem fra Bærum og " * 15_000 + "innlagt",
        "smittede tilsammen " * 12_000,
        "8 nye smittede siden " * 12_000,
        "første dødsfall. " * 12_000,
        "1 641 " * 40_000 + "smittede",
    ],
    ids=lambda t: t[:20],
)
def test_adversarial_input_finishes(text: str) -> None:
    assert isinstance(list(extract_text(text, only="case_count")), list)


def test_sentences_as_textutil(seed_paths: Any) -> None:
    """case_counts finds sentence ends once per paragraph; textutil.sentence_bounds agrees."""
    from kommunetekst.textutil import sentence_bounds, sentence_ends

    lines = [
        "Ring kl. 09. Det er 13 flere enn i går. 18 personer er innlagt.",
        'Hei. "! Neste. Hei. . Neste! «Sitat» Slutt?  «Ny» setning.. Ja... 5 til. f.eks. Oslo',
        "Det er 5 nye.\u00a0Totalt 40 smittede.\u202f– Det er bra, sier hun. Bl.a. Asker. Tlf. 22",
        "Dvs. 40. Ca. 4. Nr. 3! (Se s. 4.) Dette er det. Ende.",
    ]
    lines += [ln for path in seed_paths for ln in path.read_text("utf-8").split("\n")]
    gap = ".!?\"»”' \t\u00a0\u202f"
    for text in lines:
        ends = sentence_ends(text, 0, len(text))
        for p in range(len(text)):
            if text[p] not in gap:  # a sentence never starts on a gap character
                expected = sentence_bounds(text, p, p, p, len(text))[1]
                assert next((x for x in ends if x > p), len(text)) == expected, (text, p)
