"""Sentence table for the percentage extractor.

New cases: ways municipalities write percentages go into EXAMPLES (the year
rule into YEARS), regressions into BUGS_CAUGHT, near-misses that must give
nothing into NO_MATCH, and things we know we get wrong into KNOWN_FAILURES
(they run as strict xfails, so a fix is noticed). Expected: one
``(text, value, unit, year)`` per record, ``text`` being the evidence.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from conftest import records

KIND = "percentage"
P, PP = "percent", "percentage_point"


class Case(NamedTuple):
    text: str
    expected: list[tuple[str, float, str, int | None]]


def _got(text: str, year: int | None = None) -> list[tuple[str, float, str, int | None]]:
    return [(r["text"], r["value"], r["unit"], r["year"]) for r in records(text, KIND, year=year)]


EXAMPLES = [
    Case("Hele 67,9 prosent av flyktningene er kommet i jobb.", [("67,9 prosent", 67.9, P, None)]),
    Case("Ledigheten er 12 %.", [("12 %", 12.0, P, None)]),
    Case("Ledigheten er 12%.", [("12%", 12.0, P, None)]),
    Case("Ledigheten er 12\u00a0% blant de unge.", [("12\u00a0%", 12.0, P, None)]),
    Case("Andelen var 12,5 pst. i fjor.", [("12,5 pst.", 12.5, P, None)]),
    Case("Sykefraværet var 6.1 prosent.", [("6.1 prosent", 6.1, P, None)]),
    Case("Andelen er 0,5 prosent.", [("0,5 prosent", 0.5, P, None)]),
    Case("Andelen økte med 3 prosentpoeng.", [("3 prosentpoeng", 3.0, PP, None)]),
    Case("en nedgang på 2 %-poeng", [("2 %-poeng", 2.0, PP, None)]),
    Case("ein auke på 1,5 prosentpoint", [("1,5 prosentpoint", 1.5, PP, None)]),
    Case("en 3 prosentpoengs økning", [("3 prosentpoengs", 3.0, PP, None)]),
    Case("en 12 prosents økning i søknadene", [("12 prosents", 12.0, P, None)]),
    Case("Om lag 40 prosent av innbyggjarane bur i sentrum.", [("40 prosent", 40.0, P, None)]),
    Case(
        "10–15 prosent av elevene",
        [("10–15 prosent", 10.0, P, None), ("15 prosent", 15.0, P, None)],
    ),
    Case("10-15 % av elevene", [("10-15 %", 10.0, P, None), ("15 %", 15.0, P, None)]),
    Case("10 - 15 % av elevene", [("10 - 15 %", 10.0, P, None), ("15 %", 15.0, P, None)]),
    Case(
        "mellom 20 og 30 prosent",
        [("20 og 30 prosent", 20.0, P, None), ("30 prosent", 30.0, P, None)],
    ),
    Case(
        "gikk ned fra 67 til 53 prosent",
        [("67 til 53 prosent", 67.0, P, None), ("53 prosent", 53.0, P, None)],
    ),
    Case("Fem prosent av de ansatte", [("Fem prosent", 5.0, P, None)]),
    Case("tjuefem prosent av plassene", [("tjuefem prosent", 25.0, P, None)]),
    Case("hundre prosent oppslutning", [("hundre prosent", 100.0, P, None)]),
    Case(
        "fem til ti prosent", [("fem til ti prosent", 5.0, P, None), ("ti prosent", 10.0, P, None)]
    ),
    Case("en vekst på 1\u00a0200 prosent", [("1\u00a0200 prosent", 1200.0, P, None)]),
    Case("Endring (-3,2 %) fra i fjor", [("-3,2 %", -3.2, P, None)]),
    Case("Endring på \u22120,4 prosentpoeng", [("\u22120,4 prosentpoeng", -0.4, PP, None)]),
    Case("10 %–15 % av budsjettet", [("10 %", 10.0, P, None), ("15 %", 15.0, P, None)]),
    Case("femogtjue prosent", [("femogtjue prosent", 25.0, P, None)]),
    Case("ett hundre prosent", [("hundre prosent", 100.0, P, None)]),
    Case(
        "henholdsvis -0,2 og 0,2 prosent",
        [("-0,2 og 0,2 prosent", -0.2, P, None), ("0,2 prosent", 0.2, P, None)],
    ),
    Case("Målet er >1,5% og <110%.", [("1,5%", 1.5, P, None), ("110%", 110.0, P, None)]),
]

# The year rule (module docstring): own year, else clause/sentence, except comparison years,
# else the heading's year, else null.
YEARS = [
    Case(
        "Hele 67,9 prosent av flyktningene er i jobb, en økning fra 53 prosent i 2017.",
        [("67,9 prosent", 67.9, P, None), ("53 prosent", 53.0, P, 2017)],
    ),
    Case(
        "Viktige resultater og innsatser i 2018\n\n"
        " • Hele 67,9 prosent av flyktningene er i jobb, en økning fra 53 prosent i 2017.",
        [("67,9 prosent", 67.9, P, 2018), ("53 prosent", 53.0, P, 2017)],
    ),
    Case(
        "Av disse gikk 67 prosent til arbeid, på landsbasis var det 51 prosent i 2018.",
        [("67 prosent", 67.0, P, 2018), ("51 prosent", 51.0, P, 2018)],
    ),
    Case(
        "Viktige resultater og innsatser i 2019\n\n • 70,6 prosent av flyktningene kom i jobb. "
        "Resultatet på landsbasis var i 2018 på 67 prosent.",
        [("70,6 prosent", 70.6, P, 2019), ("67 prosent", 67.0, P, 2018)],
    ),
    Case(
        "I 2019 var andelen 70 prosent, mot 67 prosent i 2018.",
        [("70 prosent", 70.0, P, 2019), ("67 prosent", 67.0, P, 2018)],
    ),
    Case(
        "Andelen økte fra 53 prosent i 2017 til 67 prosent i 2018.",
        [("53 prosent", 53.0, P, 2017), ("67 prosent", 67.0, P, 2018)],
    ),
    Case(
        "I 2018 var 50 prosent i jobb, i 2019 var 60 prosent i jobb.",
        [("50 prosent", 50.0, P, 2018), ("60 prosent", 60.0, P, 2019)],
    ),
    Case("Per 31.12.2019 var 45 prosent av boligene tildelt.", [("45 prosent", 45.0, P, 2019)]),
    Case(
        "Høsten 2020 hadde 80 prosent av elevene digital undervisning.",
        [("80 prosent", 80.0, P, 2020)],
    ),
    Case("Målet er 70 prosent innen 2025.", [("70 prosent", 70.0, P, 2025)]),
    Case("I januar 2021 var 4,1 prosent helt ledige.", [("4,1 prosent", 4.1, P, 2021)]),
    Case(
        "Målsettingen er at minimum 70 prosent av introduksjonsdeltakerne skal være i arbeid.",
        [("70 prosent", 70.0, P, None)],
    ),
    Case("Andelen har økt med 5 prosentpoeng siden 2016.", [("5 prosentpoeng", 5.0, PP, None)]),
    Case("Skoleåret 2019/2020 var 12 prosent borte.", [("12 prosent", 12.0, P, None)]),
    Case(
        "Kommunen har 2000 ansatte, og 12 prosent jobber deltid.", [("12 prosent", 12.0, P, None)]
    ),
    Case("I 2018 og i 2019 lå andelen på 40 prosent.", [("40 prosent", 40.0, P, None)]),
    Case("Resultater 2019\n\nAndelen var 40 prosent.", [("40 prosent", 40.0, P, None)]),
    # Own year: a label before the figure, a quarter or "ved utgangen av" after it.
    Case("2018: 1,2 %, 2019: 2,8 %", [("1,2 %", 1.2, P, 2018), ("2,8 %", 2.8, P, 2019)]),
    Case(
        "Fraværet økte fra 4,7 prosent i 4. kvartal 2016 til 5,2 prosent i 4. kvartal 2017.",
        [("4,7 prosent", 4.7, P, 2016), ("5,2 prosent", 5.2, P, 2017)],
    ),
    Case(
        "Gjelden økte fra 21 prosent av inntektene i 2007 til 47 prosent ved utgangen av 2017.",
        [("21 prosent", 21.0, P, 2007), ("47 prosent", 47.0, P, 2017)],
    ),
    # A compared figure takes only its own year; a contrasting clause keeps its year.
    Case(
        "I 2019 var andelen 70 prosent, mot 67 prosent året før.",
        [("70 prosent", 70.0, P, 2019), ("67 prosent", 67.0, P, None)],
    ),
    Case(
        "Fraværet var 8,2 prosent, mens tilsvarende tall for 2019 var 7,6 prosent.",
        [("8,2 prosent", 8.2, P, None), ("7,6 prosent", 7.6, P, 2019)],
    ),
    # Periods, baselines and relative years: null, and no heading's year either.
    Case(
        "Viktige resultater i 2019\n • Andelen har økt med 5 prosentpoeng siden 2016.",
        [("5 prosentpoeng", 5.0, PP, None)],
    ),
    Case(
        "Viktige resultater i 2019\n • Andelen var 40 prosent i fjor.",
        [("40 prosent", 40.0, P, None)],
    ),
    Case(
        "Ap fikk 25 prosent, ned 8 prosentpoeng fra 2015.",
        [("25 prosent", 25.0, P, None), ("8 prosentpoeng", 8.0, PP, None)],
    ),
    Case(
        "Fraværet var 5,1 prosent, 0,2 prosentpoeng høyere enn i 2. kvartal 2019.",
        [("5,1 prosent", 5.1, P, None), ("0,2 prosentpoeng", 0.2, PP, None)],
    ),
    Case("Andelen var 11 prosent i 2012 og 2013.", [("11 prosent", 11.0, P, None)]),
    # "fra"/"etter" + something + a year: a starting point only where something changes.
    Case("Tilskuddet fra staten i 2019 utgjorde 12 prosent.", [("12 prosent", 12.0, P, 2019)]),
    Case(
        "Høyre vokser med 7,2 prosentpoeng fra lokalvalget i 2019.",
        [("7,2 prosentpoeng", 7.2, PP, None)],
    ),
    Case("67 prosent var i arbeid etter endt program i 2019.", [("67 prosent", 67.0, P, 2019)]),
    Case("Etter 3. kvartal 2019 økte fraværet med 2 prosent.", [("2 prosent", 2.0, P, None)]),
    Case("Tall fra SSB viser at 2019-tallene gir 12 prosent.", [("12 prosent", 12.0, P, 2019)]),
    # Tables: the row label, the column under a header of years, a table heading.
    Case(
        "År 2018 2019 2020\nAndel 12,1 % 13,4 % 14,0 %",
        [("12,1 %", 12.1, P, 2018), ("13,4 %", 13.4, P, 2019), ("14,0 %", 14.0, P, 2020)],
    ),
    Case(
        "Mål 2019 2020 Snitt\nNetto 1,6 % 2,3 % 2,0 %",
        [("1,6 %", 1.6, P, 2019), ("2,3 %", 2.3, P, 2020), ("2,0 %", 2.0, P, None)],
    ),
    Case("2018 2019 2020\nAndel 12 % 14 %", [("12 %", 12.0, P, None), ("14 %", 14.0, P, None)]),
    Case(
        "Kommune | 2018 | Snitt | 2019\nMoss | 1 % | 2 % | 3 %",
        [("1 %", 1.0, P, 2018), ("2 %", 2.0, P, None), ("3 %", 3.0, P, 2019)],
    ),
    Case("Nøkkeltall 2019\nNetto driftsresultat 2,1 %", [("2,1 %", 2.1, P, 2019)]),
    Case("Sykefravær 2021\n\nSkole 6,1 %", [("6,1 %", 6.1, P, 2021)]),
    Case(
        "Netto driftsresultat\n2018 2,8 %\n2019 2,0 %",
        [("2,8 %", 2.8, P, 2018), ("2,0 %", 2.0, P, 2019)],
    ),
    Case(
        "Nøkkeltall 2019\nNetto driftsresultat ble 2,1 % av inntektene, mot 1,4 % før.",
        [("2,1 %", 2.1, P, None), ("1,4 %", 1.4, P, None)],
    ),
    Case("Mål for perioden 2021–2024\nNetto driftsresultat 1,75 %", [("1,75 %", 1.75, P, None)]),
    # Points from a figure with its own year span two years: no year. With one year of the
    # change's own ("i 2020"), or when no compared figure has one, the year stands.
    Case(
        "Sykefraværet gikk ned 0,8 prosentpoeng fra 7,4 prosent i 2019 til 6,6 prosent i 2020.",
        [
            ("0,8 prosentpoeng", 0.8, PP, None),
            ("7,4 prosent", 7.4, P, 2019),
            ("6,6 prosent", 6.6, P, 2020),
        ],
    ),
    Case(
        "Fråværet auka med 1,2 prosentpoeng frå 5,1 prosent i 2018 til 6,3 prosent i 2019.",
        [
            ("1,2 prosentpoeng", 1.2, PP, None),
            ("5,1 prosent", 5.1, P, 2018),
            ("6,3 prosent", 6.3, P, 2019),
        ],
    ),
    Case(
        "Ledigheten var 3,1 prosent i 2021, ned 0,4 prosentpoeng fra 3,5 prosent i 2020.",
        [
            ("3,1 prosent", 3.1, P, 2021),
            ("0,4 prosentpoeng", 0.4, PP, None),
            ("3,5 prosent", 3.5, P, 2020),
        ],
    ),
    Case("I 2021 økte andelen med 2 prosentpoeng.", [("2 prosentpoeng", 2.0, PP, 2021)]),
    Case("Ledigheten økte med 0,3 prosentpoeng i 2020.", [("0,3 prosentpoeng", 0.3, PP, 2020)]),
    # A relative clause after a year gives that year's figure ("som var på", "da/då … fikk").
    Case(
        "Partiet slo rekorden fra 1995, som var på 11,3 prosent.", [("11,3 prosent", 11.3, P, 1995)]
    ),
    Case(
        "Oppslutnaden slår rekorden frå 1997, då partiet fekk 15,3 prosent.",
        [("15,3 prosent", 15.3, P, 1997)],
    ),
    Case(
        "I valget i 2019, da partiet fikk 9,2 prosent, var valgdeltakelsen lav.",
        [("9,2 prosent", 9.2, P, 2019)],
    ),
    # ... not a longer clause, nor the end of a period.
    Case(
        "Rekorden er fra 1995, som var et godt år for partiet med 11 prosent.",
        [("11 prosent", 11.0, P, None)],
    ),
    Case("Andelen økte fra 2017 til 2019, som var på 12 prosent.", [("12 prosent", 12.0, P, None)]),
    # The date header's year (as written) is the section's.
    Case(
        "12.05.2021 Vaksinasjon\nNå har 54 prosent fått første dose.",
        [("54 prosent", 54.0, P, 2021)],
    ),
    Case(
        "21. januar Vaksinasjon\nNå har 54 prosent fått første dose.",
        [("54 prosent", 54.0, P, None)],
    ),
]

BUGS_CAUGHT = [
    # A year before "til" was read as the first end of a range ("2017 til 67 prosent");
    # 2017 is the year of the figure 67 is compared with, not of 67.
    Case(
        "fra 53 prosent i 2017 til 67 prosent",
        [("53 prosent", 53.0, P, 2017), ("67 prosent", 67.0, P, None)],
    ),
    # "fra 2017 til 2019" is a period, not the year 2017.
    Case("Fra 2017 til 2019 økte andelen med 12 prosent.", [("12 prosent", 12.0, P, None)]),
    # "pst" inside a word is no unit, but "pst." after a number is.
    Case("Det oppstår kø, men 5 pst. venter.", [("5 pst.", 5.0, P, None)]),
    # A table row's grouped-looking cells: the unit belongs to the last cell.
    Case("Overføring 252 298 252 190 108 100 %", [("100 %", 100.0, P, None)]),
    # A word before "til" is no first end of a range.
    Case(
        "Partiet økte med 6,1 prosentpoeng til 14,2 prosent.",
        [("6,1 prosentpoeng", 6.1, PP, None), ("14,2 prosent", 14.2, P, None)],
    ),
    # "to hundre" is not read as 100.
    Case("to hundre prosent", []),
    # Table cells run together by a scraper: a "%" right before a digit ends a cell.
    Case(
        "Andel 62 %67 %64 %",
        [("62 %", 62.0, P, None), ("67 %", 67.0, P, None), ("64 %", 64.0, P, None)],
    ),
    # A year and a comma before a figure are no part of it.
    Case("I 2019, 45 prosent av elevene svarte ja.", [("45 prosent", 45.0, P, 2019)]),
]

NO_MATCH = [
    Case("en av fem innbyggere", []),
    Case("halvparten av elevene", []),
    Case("Hvor mange prosent av elevene?", []),
    Case("Tallene er oppgitt i prosent.", []),
    Case("Promillegrensen er 0,2 promille.", []),
    Case("prosentandelen økte kraftig", []),
    Case("Hun jobber i en 50-prosentstilling.", []),
    Case("PST har varslet kommunen.", []),
    Case("Det oppstår kø ved stasjonen.", []),
    Case("i perioden 2019-20 % av midlene", []),
    Case("hundre og ti prosent", []),
    Case("en halv prosent", []),
    Case("12 prosentvis flere", []),
    Case("Se https://example.no/a%20b for mer.", []),
    Case("% av alle elever", []),
    Case("Det er 16 000 elever og 1 av 5 bor i sentrum.", []),
    Case("Lærebok i prosentregning, side 12", []),
    Case("Tiltak mot covid-19 %", []),
    Case("Rentesatsen er 2,5 i år.", []),
    Case("Den såkalte 12-prosentregelen gjelder fortsatt.", []),
    Case("Fordelingen (i %) er vist i tabellen.", []),
    Case("Se prosentfordelingen for 2019 i vedlegget.", []),
    Case("Andelen var tjue i fjor.", []),
    Case("Ring 22 00 00 00 – døgnåpent.", []),
    Case("Andel (%) 2019 2020\nJenter 54 51", []),
    Case("Skatten er 2 promille, og 1 av 10 betaler den.", []),
    Case("Antall smittede pr. 100 000: 109 (101)", []),
    Case("Se § 12 og punkt 3.4 i forskriften.", []),
    # A comma and a space before the number: "0, 6" is 0,6 with a stray space (never 6), or a
    # list whose other members have no unit.
    Case("en tilbakegang på 0, 6 prosentpoeng fra valget", []),
    Case("ein auke på 1, 2 prosent", []),
    Case("Andelen var 2, 3 prosent.", []),
]

KNOWN_FAILURES = [
    # Fractions with number words are not read.
    Case("en og en halv prosent", [("en og en halv prosent", 1.5, P, None)]),
    # Lists longer than two are read from the last pair only.
    Case(
        "henholdsvis 10, 12 og 15 prosent",
        [("10", 10.0, P, None), ("12 og 15 prosent", 12.0, P, None), ("15 prosent", 15.0, P, None)],
    ),
    # Upper-case units are not read.
    Case("50 PROSENT RABATT", [("50 PROSENT", 50.0, P, None)]),
    # "over/under <the reference> i YEAR" compares with that year; read as the figure's year.
    Case("Det er 4,6 prosentpoeng over valget i 2015.", [("4,6 prosentpoeng", 4.6, PP, None)]),
]


def _ids(cases: list[Case]) -> list[str]:
    return [c.text[:50] for c in cases]


@pytest.mark.parametrize(
    "case",
    EXAMPLES + YEARS + BUGS_CAUGHT + NO_MATCH,
    ids=_ids(EXAMPLES + YEARS + BUGS_CAUGHT + NO_MATCH),
)
def test_percentages(case: Case) -> None:
    assert _got(case.text) == case.expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=_ids(KNOWN_FAILURES))
def test_known_failures(case: Case) -> None:
    assert _got(case.text) == case.expected


def test_year_option_is_not_the_figures_year() -> None:
    # --year resolves dates; it says nothing about which year a figure is for.
    assert _got("Andelen er 12 prosent.", year=2020) == [("12 prosent", 12.0, P, None)]


def test_year_option_does_not_date_a_header_without_a_year() -> None:
    # The header's date takes --year; the figure's year does not.
    text = "21. januar Vaksinasjon\nNå har 54 prosent fått første dose.\n"
    assert _got(text, year=2021) == [("54 prosent", 54.0, P, None)]
    assert [r["date"] for r in records(text, KIND, year=2021)] == ["2021-01-21"]


def test_date_is_the_sections_date() -> None:
    recs = records("26.06.20 Status\n\nAndelen er 12 prosent.\n", KIND)
    assert [(r["date"], r["value"]) for r in recs] == [("2020-06-26", 12.0)]


def test_fields_in_order() -> None:
    (r,) = records("Ledigheten er 12 %.", KIND)
    assert list(r)[7:] == ["value", "unit", "year"]
    assert isinstance(r["value"], float)


ADVERSARIAL = {
    "ones": "1 " * 100_000,
    "ranges": "10-15 prosent " * 20_000,
    "units": "prosent " * 25_000,
    "groups": "1 200 " * 40_000 + "%",
    "percent-signs": "% " * 100_000,
    "words": "tjuetjuetjue" * 20_000 + " prosent",
    "years": "i 2019 " * 30_000 + "12 prosent",
    "many-in-a-sentence": "12 prosent i 2018, " * 10_000,
    "many-sentences-on-a-line": "Andelen er 12 prosent i 2018. " * 7_000,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_input_finishes(text: str) -> None:
    assert isinstance(records(text, KIND), list)
