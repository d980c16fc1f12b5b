"""Sentence table for the phone extractor (kind ``phone``).

Where new cases go: ways municipalities write numbers and labels that we read right
go into EXAMPLES; a case that once went wrong and was fixed goes into BUGS_CAUGHT;
text with figures that must give no phone record at all (amounts, counts, dates,
organisation and account numbers …) goes into NO_MATCH; what we know we get wrong
goes into KNOWN_FAILURES (xfail, strict, so a fix is noticed and the case moves).

Expected: one ``(number, display, type, label)`` per record, in text order.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest

from conftest import DATA, records

NBSP, NNBSP = "\u00a0", "\u202f"

Row = tuple[str, str, str, str | None]


class Case(NamedTuple):
    text: str
    expected: list[Row]


EXAMPLES = [
    # From the seeds, as written there (no-break spaces included).
    Case(
        "Barneverntjenesten er alltid tilgjengelig på telefonnummer 67 50 47 70. Karantene og isolasjon.",
        [("+4767504770", "67 50 47 70", "fixed", "Barneverntjenesten")],
    ),
    Case(
        f"Les på nettsiden eller ta{NBSP}kontakt med koronatelefonen{NBSP}på{NBSP}67{NBSP}50 59 99.",
        [("+4767505999", f"67{NBSP}50 59 99", "fixed", "koronatelefonen")],
    ),
    Case(
        " • Psykisk mestringstelefon har åpnet - hverdager 67 50 94 94.",
        [("+4767509494", "67 50 94 94", "fixed", "Psykisk mestringstelefon")],
    ),
    Case(
        "Ta kontakt med våre medarbeidere ved Innbyggerservice på telefonnummer 66 700 000, så gir de beskjed.",
        [("+4766700000", "66 700 000", "fixed", "Innbyggerservice")],
    ),
    Case(
        "19.03.20 Seniortelefonen i koronatider\n\n"
        f"Ring oss på telefonnummer{NBSP} 67 50 82 00{NBSP} på hverdager kl. 09 –15.",
        [("+4767508200", "67 50 82 00", "fixed", "Seniortelefonen")],
    ),
    Case(
        "19.03.20 Korona-psykisk mestringstelefon\n\nTrenger du noen å prate med? Ring 67 50 94 94.",
        [("+4767509494", "67 50 94 94", "fixed", "Korona-psykisk mestringstelefon")],
    ),
    Case("Ved akutt krise, ring 113. ", [("113", "113", "emergency", None)]),
    # People with a role or a name.
    Case(
        "Ordførar Gaute Epland, telefon 913 45 678.",
        [("+4791345678", "913 45 678", "mobile", "Ordførar Gaute Epland")],
    ),
    Case(
        "Kontakt ordfører Lene Conradi på mobil 900 31 260.",
        [("+4790031260", "900 31 260", "mobile", "ordfører Lene Conradi")],
    ),
    Case(
        "Kari Nordmann, tlf. 412 34 567", [("+4741234567", "412 34 567", "mobile", "Kari Nordmann")]
    ),
    Case(
        "Spørsmål kan rettes til kommuneoverlegen, som kan nås på 67 50 00 00.",
        [("+4767500000", "67 50 00 00", "fixed", "kommuneoverlegen")],
    ),
    # Services.
    Case("Legevakt: 116 117", [("116117", "116 117", "short", "Legevakt")]),
    Case("Ring legevakten på 116117 om natten.", [("116117", "116117", "short", "legevakten")]),
    Case(
        "Barn kan ringe Alarmtelefonen for barn og unge på 116 111.",
        [("116111", "116 111", "short", "Alarmtelefonen")],
    ),
    Case(
        "Ta kontakt med Bærum legevakt på 67 51 20 00.",
        [("+4767512000", "67 51 20 00", "fixed", "Bærum legevakt")],
    ),
    Case(
        "Sentralbord: +47 21 89 80 42", [("+4721898042", "+47 21 89 80 42", "fixed", "Sentralbord")]
    ),
    Case(
        "Koronatelefonen: 67 50 59 99 (hverdager 09-15)",
        [("+4767505999", "67 50 59 99", "fixed", "Koronatelefonen")],
    ),
    Case(
        "Servicetorget har telefon 22 00 00 00.",
        [("+4722000000", "22 00 00 00", "fixed", "Servicetorget")],
    ),
    Case(
        "Smittesporingsteamet kan nås på 67 50 00 00.",
        [("+4767500000", "67 50 00 00", "fixed", "Smittesporingsteamet")],
    ),
    Case("NAV Bærum: 55 55 33 33", [("+4755553333", "55 55 33 33", "fixed", "NAV Bærum")]),
    Case(
        "Smittesporing: 67 50 94 95, mandag-fredag 08-15",
        [("+4767509495", "67 50 94 95", "fixed", "Smittesporing")],
    ),
    Case(
        " • Psykisk helse: 67 50 94 94", [("+4767509494", "67 50 94 94", "fixed", "Psykisk helse")]
    ),
    Case(
        "Ordføraren kan nåast på 99 88 77 66.",
        [("+4799887766", "99 88 77 66", "mobile", "Ordføraren")],
    ),
    Case(
        "Trondheim kommune, telefon 72 54 00 00, e-post postmottak@trondheim.kommune.no",
        [("+4772540000", "72 54 00 00", "fixed", "Trondheim kommune")],
    ),
    Case(
        "Krisesenteret kan kontaktes hele døgnet på tlf 67 54 72 10",
        [("+4767547210", "67 54 72 10", "fixed", "Krisesenteret")],
    ),
    Case(
        "Sentralbord: 67 50 40 50 / 67 50 40 51",
        [
            ("+4767504050", "67 50 40 50", "fixed", "Sentralbord"),
            ("+4767504051", "67 50 40 51", "fixed", None),
        ],
    ),
    # Country codes.
    Case("Tlf. 0047 67 50 00 00", [("+4767500000", "0047 67 50 00 00", "fixed", None)]),
    Case("Telefon (+47) 67 50 00 00", [("+4767500000", "(+47) 67 50 00 00", "fixed", None)]),
    Case("Ring +4767509494 i dag", [("+4767509494", "+4767509494", "fixed", None)]),
    Case("Fra utlandet: +47 66 700 000", [("+4766700000", "+47 66 700 000", "fixed", None)]),
    # Groupings and separators.
    Case("tlf. 67509494", [("+4767509494", "67509494", "fixed", None)]),
    Case("Tlf 22-00-00-00", [("+4722000000", "22-00-00-00", "fixed", None)]),
    Case("Tlf 22.00.00.00", [("+4722000000", "22.00.00.00", "fixed", None)]),
    Case("Ring 6750 9494", [("+4767509494", "6750 9494", "fixed", None)]),
    Case("Mobil: 900 312 60", [("+4790031260", "900 312 60", "mobile", None)]),
    Case(
        f"telefon 67{NNBSP}50{NNBSP}94{NNBSP}94",
        [("+4767509494", f"67{NNBSP}50{NNBSP}94{NNBSP}94", "fixed", None)],
    ),
    Case("Grønt nummer 800 12 345 er gratis.", [("+4780012345", "800 12 345", "toll_free", None)]),
    # Several in one sentence: each takes the words after the number before it.
    Case(
        "Ring 112 eller 113 ved akutt fare.",
        [("112", "112", "emergency", None), ("113", "113", "emergency", None)],
    ),
    Case(
        "Ring 67 50 94 94 eller 66 700 000.",
        [
            ("+4767509494", "67 50 94 94", "fixed", None),
            ("+4766700000", "66 700 000", "fixed", None),
        ],
    ),
    Case(
        "Ring Seniortelefonen på 67 50 82 00 eller legevakten på 116 117.",
        [
            ("+4767508200", "67 50 82 00", "fixed", "Seniortelefonen"),
            ("116117", "116 117", "short", "legevakten"),
        ],
    ),
    Case(
        "Brann 110, politi 112, ambulanse 113.",
        [
            ("110", "110", "emergency", None),
            ("112", "112", "emergency", None),
            ("113", "113", "emergency", None),
        ],
    ),
    Case("Ring 1881 for nummeropplysning.", [("1881", "1881", "short", None)]),
    # NRK's tip lines: 3-5, after a phone word.
    Case(
        "Ta kontakt på 915 04040 eller 04040@nrk.no", [("+4791504040", "915 04040", "mobile", None)]
    ),
    # Short numbers in running text, bokmål and nynorsk.
    Case("Trenger du øyeblikkelig hjelp, kontakt 116 117.", [("116117", "116 117", "short", None)]),
    Case(
        "Det er viktig at berre dei som er sjuke ringjer 116 117.",
        [("116117", "116 117", "short", None)],
    ),
    Case(
        "Slår du 116 117 kommer du til nærmeste legevakt.", [("116117", "116 117", "short", None)]
    ),
    Case("Telefonnummeret dit er 116 111.", [("116111", "116 111", "short", None)]),
    Case(
        "Barn kan ringe alarmtelefonen for barn og unge: 116 111.",
        [("116111", "116 111", "short", "alarmtelefonen")],
    ),
    Case(
        "Hjelpetelefonen, 116 123, er åpen hele døgnet.",
        [("116123", "116 123", "short", "Hjelpetelefonen")],
    ),
    Case(
        "Kven skal du ringe?\n\n • 113 når det står om liv\n • Legevakt 116 117",
        [("113", "113", "emergency", None), ("116117", "116 117", "short", "Legevakt")],
    ),
    # The one called is the label, as written.
    Case(
        "Du kan ringe Folkehelseinstituttet for råd på tlf. 815 55 015.",
        [("+4781555015", "815 55 015", "uan", "Folkehelseinstituttet")],
    ),
    Case(
        "Dei som har spørsmål, kan ringa smittesporinga på 94 11 27 31.",
        [("+4794112731", "94 11 27 31", "mobile", "smittesporinga")],
    ),
    Case(
        "Ved spørsmål, ring helsestasjon på 66 10 53 38.",
        [("+4766105338", "66 10 53 38", "fixed", "helsestasjon")],
    ),
    # Contact blocks: the title right above "Telefon …".
    Case("Legevakt\nTelefon 116 117", [("116117", "116 117", "short", "Legevakt")]),
    Case(
        " • Barneverntjenesten\n   Telefon 40 00 09 47 (08.00–15.30)",
        [("+4740000947", "40 00 09 47", "mobile", "Barneverntjenesten")],
    ),
    # 8 together (or 4-4) in a contact list: a role right before, or an e-mail address next to it.
    Case(
        "Kontaktinformasjon\n\nREKTOR 91681879\n\nSFO-LEDER 97692571",
        [
            ("+4791681879", "91681879", "mobile", "REKTOR"),
            ("+4797692571", "97692571", "mobile", None),
        ],
    ),
    Case("Einingsleiar 47123456", [("+4747123456", "47123456", "mobile", None)]),
    Case(
        "Bærum kommune 6750 5000 post@baerum.kommune.no",
        [("+4767505000", "6750 5000", "fixed", "Bærum kommune")],
    ),
    Case(
        "Servicetorget | 5765 6000 | postmottak@kommune.no",
        [("+4757656000", "5765 6000", "fixed", "Servicetorget")],
    ),
    Case("postmottak@kommune.no 5765 6000", [("+4757656000", "5765 6000", "fixed", None)]),
    # Compounds of "nummer" that name a phone number are phone words.
    Case(
        "Vaktnummer i kommunen er 33171010 (sentralbord).",
        [("+4733171010", "33171010", "fixed", None)],
    ),
    Case("Hovudnummer 57656000", [("+4757656000", "57656000", "fixed", None)]),
    Case("Direktenummer: 6750 9494", [("+4767509494", "6750 9494", "fixed", None)]),
    # A service spelled out in brackets: the one before the bracket is named.
    Case(
        "VA-vakta (vann- og avløpsvakta) treffes på telefon 905 69 979 utenom arbeidstid.",
        [("+4790569979", "905 69 979", "mobile", "VA-vakta")],
    ),
    Case(
        "Barnevernvakta (barnevernets akuttjeneste) treffes på telefon 90 12 34 56.",
        [("+4790123456", "90 12 34 56", "mobile", "Barnevernvakta")],
    ),
    Case(
        "Ring oss (servicetorget) på 22 00 00 00",
        [("+4722000000", "22 00 00 00", "fixed", "servicetorget")],
    ),
    # Whom you reach ("nå NAV på telefon") or tell ("Meld fra til Vann og avløp på tlf"): a name,
    # which may hold one "og" (municipal departments).
    Case(
        "Ved akutt behov kan brukerne likevel nå NAV på telefon 41 27 82 29.",
        [("+4741278229", "41 27 82 29", "mobile", "NAV")],
    ),
    Case(
        "Du kan også nå NAV Kontaktsenter på telefon 55 55 33 33.",
        [("+4755553333", "55 55 33 33", "fixed", "NAV Kontaktsenter")],
    ),
    Case(
        "Gi beskjed til Plan og bygg på telefon 57 65 60 00.",
        [("+4757656000", "57 65 60 00", "fixed", "Plan og bygg")],
    ),
    Case(
        "Meld frå til Vatn og avløp på tlf. 56 15 58 10.",
        [("+4756155810", "56 15 58 10", "fixed", "Vatn og avløp")],
    ),
    # 8 together in a list whose lead-in says "telefon".
    Case(
        "Du når oss på telefon:\n\n • Jordmor Vigdis: 95002597",
        [("+4795002597", "95002597", "mobile", "Jordmor Vigdis")],
    ),
]

BUGS_CAUGHT = [
    # Emergency numbers are national: the section's service is not their label (seeds gold).
    Case(
        "19.03.20 Seniortelefonen i koronatider\n\nVed akutt krise, ring 113.",
        [("113", "113", "emergency", None)],
    ),
    # "Ring" starts the sentence but is not part of the label.
    Case(
        "Ring Hjertetelefonen på 67 50 00 00.",
        [("+4767500000", "67 50 00 00", "fixed", "Hjertetelefonen")],
    ),
    # "telefonnummer" is a phone word, not a label; the sentence before gives none.
    Case(
        "Trenger du hjelp? Ring oss på telefonnummer 67 50 82 00.",
        [("+4767508200", "67 50 82 00", "fixed", None)],
    ),
    # A compound mobile phone is not a service.
    Case(
        "Bruk mobiltelefonen og ring 67 50 82 00.", [("+4767508200", "67 50 82 00", "fixed", None)]
    ),
    # A person is the label only close to the number.
    Case(
        "Rådmannen sier at alle som trenger hjelp kan ringe 67 50 00 00.",
        [("+4767500000", "67 50 00 00", "fixed", None)],
    ),
    # A verb after a short number is not a counted noun.
    Case(
        "Mental Helse Hjelpetelefonen 116 123 er åpen hele døgnet.",
        [("116123", "116 123", "short", "Mental Helse Hjelpetelefonen")],
    ),
    # "+4767509494": the pattern first meets "67509494" after a digit.
    Case("tel:+4767509494", [("+4767509494", "+4767509494", "fixed", None)]),
    # Hyphen and dot in one "number" are times (random runs in the property test found it).
    Case("Ring 68-21 17.20", []),
    # The test centre is where you go, smittesporing whom you call (devset 19:24).
    Case(
        "  • For å bestille test på testsenteret - ring smittesporing på 94 02 21 32 i dag.",
        [("+4794022132", "94 02 21 32", "mobile", "smittesporing")],
    ),
    Case(
        "For å bestille test på testsenteret - ring 94 02 21 32.",
        [("+4794022132", "94 02 21 32", "mobile", None)],
    ),
    # ... but "oss på servicetorget, tlf." names whom you call.
    Case(
        "Ta kontakt med oss på servicetorget, tlf. 22 00 00 00",
        [("+4722000000", "22 00 00 00", "fixed", "servicetorget")],
    ),
    # "og 116 117" is a conjunct of its own: the emergency telephone is the other one.
    Case(
        "Mange ringer medisinsk nødtelefon og 116 117 med spørsmål.",
        [("116117", "116 117", "short", None)],
    ),
    # Nynorsk "ring vår koronatelefon;" (devset 15:25): the possessive is not the label.
    Case(
        "Treng du hjelp, ring vår koronatelefon; 48 14 25 95.",
        [("+4748142595", "48 14 25 95", "mobile", "koronatelefon")],
    ),
    # Words after the verb that name no one.
    Case("Ring oss hele døgnet på 22 00 00 00.", [("+4722000000", "22 00 00 00", "fixed", None)]),
    Case(
        "Etter kl. 18 må du ringe det nye nummeret 116 117.", [("116117", "116 117", "short", None)]
    ),
    # A contact block's title is a short line, not a sentence; it may stand above a blank line.
    Case(
        "Har du spørsmål om legevakten.\nTelefon 67 51 20 00",
        [("+4767512000", "67 51 20 00", "fixed", None)],
    ),
    Case(
        "Tannlegevakt for Trøndelag:\n\nTelefon: 800 41 101",
        [("+4780041101", "800 41 101", "toll_free", "Tannlegevakt")],
    ),
    # The words of an e-mail or web address are no label.
    Case(
        "Send til postmottak@kommune.no eller ring 57 65 60 00",
        [("+4757656000", "57 65 60 00", "fixed", None)],
    ),
    Case(
        "Les mer på www.legevakten.no eller ring 57 65 60 00",
        [("+4757656000", "57 65 60 00", "fixed", None)],
    ),
    # A conjunction that starts the sentence is not part of the name before a service.
    Case(
        "Når Legevakten er stengt, ring 22 00 00 00.",
        [("+4722000000", "22 00 00 00", "fixed", "Legevakten")],
    ),
    Case(
        "Dersom Legevakta er stengd, ring 22 00 00 00.",
        [("+4722000000", "22 00 00 00", "fixed", "Legevakta")],
    ),
    # "nå" is also "now", "til" also "until": only a name right before "på" and the number.
    Case(
        "Du kan nå ringe oss på telefon 55 55 33 33.",
        [("+4755553333", "55 55 33 33", "fixed", None)],
    ),
    Case("Vi er nå på telefon 55 55 33 33.", [("+4755553333", "55 55 33 33", "fixed", None)]),
    Case("Du når oss på 55 55 33 33.", [("+4755553333", "55 55 33 33", "fixed", None)]),
    Case(
        "Meld fra til skolen på telefon 56 15 58 10.",
        [("+4756155810", "56 15 58 10", "fixed", None)],
    ),
    Case(
        "Stengt fra jul til Påske på telefon 56 15 58 10.",
        [("+4756155810", "56 15 58 10", "fixed", None)],
    ),
    # "per telefon" is how, not whom, you contact.
    Case(
        "For akutthjelp ta kontakt per telefon 63980119.",
        [("+4763980119", "63980119", "fixed", None)],
    ),
]

NO_MATCH = [
    Case("Det er om lag 16 000 elever i Bærum-skolen.", []),
    Case("Det er om lag 4 500 flyktninger bosatt i Bærum", []),
    Case("Antall sosialhjelpsmottakere er redusert med 51 personer til 2 113.", []),
    Case("Kommunen har 1 068 velferdsboliger.", []),
    Case("Bærum kommune, Flyktningkontoret, PB 700, 1304 Sandvika", []),
    Case("Org.nr. 974 760 673", []),
    Case("Organisasjonsnummer: 974760673", []),
    Case("Kontonummer 1234.56.78901", []),
    Case("Vedtatt 16.12.2015 i kommunestyret.", []),
    Case("Åpent kl. 09-15 hverdager.", []),
    Case("Tastevalg for engelsk er 9.", []),
    Case("Prosjektet har en ramme på kr 12 500 000.", []),
    Case("Tilskuddet er på 22 345 678 kroner.", []),
    Case("Kommunen fikk 22 500 000 i tilskudd.", []),
    Case("Det kom 800 43 573 kroner inn.", []),
    Case("Telefontjenesten kostet 22 500 000 kroner.", []),
    Case("Saksnummer 2020 1234", []),
    Case("Vi ringer 120 personer hver dag.", []),
    Case("Det er registrert 113 smittede i Bærum torsdag kveld.", []),
    Case("I perioden 2019 2020 økte antallet.", []),
    Case("Telefon 12345678901", []),
    Case("Telefon 67 50 94 94 12", []),
    Case("Referanse 22 00 00 00", []),
    Case("Se www.example.no/22000000 for mer.", []),
    Case("Tlf. 59 12 34 56", []),
    Case("Mobil 12 34 56 78", []),
    Case("Dato: 20200315", []),
    Case("Ring +46 8 123 456 78 i Sverige.", []),
    Case("Postboks 2200, 1304 Sandvika", []),
    Case("Budsjettet for 2020 er 22 000 000,50.", []),
    Case("Dette gjelder 116 117 elever.", []),
    Case("Åpent 22-23 20.00 på fredager.", []),
    Case("Talet på samtalar til koronatelefonen er 113.", []),
    Case("Legevakten fikk 113 i går.", []),
    Case("Telefonstatistikk:\n • 113 samtaler på mandag", []),
    Case("Saksnummer 915 04040", []),
    Case("Tall for året:\n • Budsjett: 45000000", []),
    Case("Tre personar er i karantene, 110 personar er testa.", []),
    # A role or an e-mail makes a contact line, not years or a foreign number next to them.
    Case("Rektor har 42 500 000 i budsjett", []),
    Case("Daglig leder 2019 2020", []),
    Case("Styreleiar 2020-2021 post@laget.no", []),
    Case("Tlf +358 (09) 7279 9999, post@monika.fi", []),
    Case("Saksnummeret er 20201234", []),
    Case("Kontonummer 6750 9494 post@kommune.no", []),
]

KNOWN_FAILURES = [
    # Labels written after the number are not read.
    Case(
        "Ring 67 50 94 94 (Psykisk mestringstelefon).",
        [("+4767509494", "67 50 94 94", "fixed", "Psykisk mestringstelefon")],
    ),
    # Groups separated by two spaces are not one number.
    Case("Tlf. 67  50 94 94", [("+4767509494", "67  50 94 94", "fixed", None)]),
    # A label between two numbers breaks the chain: only the first has its cue.
    Case(
        "Nødnummer: 110 Brann, 112 Politi, 113 Ambulanse",
        [
            ("110", "110", "emergency", None),
            ("112", "112", "emergency", None),
            ("113", "113", "emergency", None),
        ],
    ),
    # 5-digit numbers (02800 and the like) are not read.
    Case("Ring politiet på 02800.", [("+4702800", "02800", "uan", "politiet")]),
    # A short number in a list with "for …" between: only the first has its cue.
    Case(
        "Nødnumrene er 110 for brann, 112 for politi og 113 for ambulanse.",
        [
            ("110", "110", "emergency", None),
            ("112", "112", "emergency", None),
            ("113", "113", "emergency", None),
        ],
    ),
    Case(
        "Telefonnummer 116 117 til legevakt skal ikke brukes til spørsmål.",
        [("116117", "116 117", "short", "legevakt")],
    ),
]


def _rows(text: str) -> list[Row]:
    return [(r["number"], r["display"], r["type"], r["label"]) for r in records(text, "phone")]


def _ids(case: Case) -> str:
    return case.text.replace("\n", " ")[:50]


@pytest.mark.parametrize("case", EXAMPLES + BUGS_CAUGHT + NO_MATCH, ids=_ids)
def test_phone_numbers(case: Case) -> None:
    assert _rows(case.text) == case.expected


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=_ids)
@pytest.mark.xfail(strict=True)
def test_phone_numbers_known_failures(case: Case) -> None:
    assert _rows(case.text) == case.expected


def test_field_order_evidence_and_date() -> None:
    text = "19.03.20 Korona-psykisk mestringstelefon\n\nRing 67 50 94 94."
    [rec] = records(text, "phone")
    assert list(rec) == [
        "kind",
        "doc",
        "line",
        "span",
        "text",
        "date",
        "section",
        "number",
        "display",
        "type",
        "label",
    ]
    assert rec["text"] == rec["display"] == text[rec["span"][0] : rec["span"][1]]
    assert (rec["line"], rec["date"]) == (3, "2020-03-19")


def _gold_rows() -> list[dict]:
    rows = [
        json.loads(line)
        for line in (DATA / "seeds_gold.jsonl").read_text("utf-8").splitlines()
        if line
    ]
    return [g for g in rows if g["kind"] == "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 100_000,
        "kl. 09-" * 30_000,
        "12 34 " * 40_000,
        "ring 113 " * 25_000,
        "telefon " * 25_000 + "67 50 94 94",
        "9" * 200_000,
        ("67 50 94 94 " * 20_000),
        "+47" * 70_000,
    ],
    ids=["ones", "kl", "pairs", "ring113", "telefon-words", "nines", "phones", "plus47"],
)
def test_adversarial_input_finishes(text: str) -> None:
    assert isinstance(records(text, "phone"), list)
