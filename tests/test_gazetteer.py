"""The gazetteer: the 356 municipalities of 2020 and every name they have had."""

from __future__ import annotations

import pytest

from kommunetekst.gazetteer import (
    all_kommuner,
    kommune,
    kommune_name,
    kommune_no,
    kommune_numbers,
    to_2020,
)


def test_356_municipalities_with_four_digit_numbers() -> None:
    ks = all_kommuner()
    assert len(ks) == 356
    assert all(len(k.number) == 4 and k.number.isdigit() for k in ks)
    assert len({k.number for k in ks}) == 356


NAMES = [
    ("Bærum", "3024"),
    ("bærum", "3024"),
    ("BÆRUM KOMMUNE", "3024"),
    ("Bærum kommunes", "3024"),
    ("Bærums", "3024"),  # genitive: "Bærums ordfører"
    ("Asker", "3025"),
    ("Røyken", "3025"),  # merged into Asker in 2020
    ("Hurum", "3025"),
    ("Oslo", "0301"),
    ("Stryn kommune", "4651"),  # nynorsk and bokmål alike
    ("Sykkylven kommunen", "1528"),
    ("Aurskog Høland", "3026"),  # a space for the hyphen
    ("Aurskog\u2013Høland", "3026"),
    ("Kautokeino", "5430"),  # one part of a bilingual name
    ("Guovdageaidnu", "5430"),
    ("Guovdageaidnu - Kautokeino", "5430"),
    ("Trondheim", "5001"),
    ("Tråante", "5001"),  # Sami name from 2023
    ("Klæbu", "5001"),  # merged into Trondheim in 2020
    ("Haram", "1507"),  # part of Ålesund in 2020-2023, split off again in 2024
    ("Nesbyen", "3040"),
    ("Os", "3430"),  # the 2020 name wins over the old Os in Hordaland
    ("Våler (Viken)", "3018"),
    ("Våler (Østfold)", "3018"),  # the 2019 and 2024 name of the same one
    ("Herøy (Nordland)", "1818"),
    ("Malvik", "5031"),
]


@pytest.mark.parametrize(("name", "number"), NAMES)
def test_name_to_number(name: str, number: str) -> None:
    assert kommune_no(name) == number


@pytest.mark.parametrize(
    "name",
    ["Våler", "Herøy", "Tysfjord", "Snillfjord", "Viken", "Norge", "Asker og Bærum", "", "kommune"],
)
def test_unknown_or_ambiguous_names_give_none(name: str) -> None:
    assert kommune_no(name) is None


def test_ambiguous_names_list_their_candidates() -> None:
    assert kommune_numbers("Våler") == ("3018", "3419")
    assert kommune_numbers("Tysfjord") == ("1806", "1875")  # split between Narvik and Hamarøy


def test_number_to_names() -> None:
    assert kommune_name("3024") == "Bærum"
    assert kommune_name("301") == "Oslo"
    assert kommune_name("3201") is None  # a 2024 number: translate it first
    asker = kommune("3025")
    assert asker is not None
    assert {n for _, n in asker.names_2019} == {"Asker", "Røyken", "Hurum"}
    assert asker.names_2024 == (("3203", "Asker"),)
    alesund = kommune("1507")
    assert alesund is not None
    assert dict(alesund.names_2024) == {"1508": "Ålesund", "1580": "Haram"}


def test_numbers_of_other_periods_to_2020() -> None:
    assert to_2020("0219") == ("3024",)
    assert to_2020("3201") == ("3024",)
    assert to_2020("1580") == ("1507",)
    assert to_2020("9999") == ()
