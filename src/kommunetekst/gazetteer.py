"""The 356 municipalities of the 2020 borders: their numbers and every name they have had.

A small pure lookup over ``data/kommuner.csv`` (SSB's classification 131; see
``data/SOURCE.md``): a municipality of 2020–2023 with its number, its names in
2020–2023, the municipalities it was made of in 2019 (before the 2020 reform) and
what it became in 2024 (after the county split and the Ålesund/Haram split).
Everything is keyed by the 2020 number, the one the MSIS series and the seed texts
of 2020 use.

Names are matched whatever their case and spacing, with or without ``kommune``
(``Bærum kommune``, ``Asker kommune``, nynorsk ``Stryn kommune``, ``kommunen``,
``kommuna``), in the genitive (``Bærums``), with a hyphen or a space (``Aurskog
Høland``), and by each part of a bilingual name (``Guovdageaidnu - Kautokeino``:
``Kautokeino`` and ``Guovdageaidnu``). A 2020 name wins over a name from 2024, which
wins over a 2019 name: ``Os`` is Os in Innlandet (3430), not the old Os in
Hordaland (now Bjørnafjorden).

>>> kommune_no("Bærum"), kommune_no("ASKER KOMMUNE"), kommune_no("Røyken")
('3024', '3025', '3025')
>>> kommune_no("Våler"), kommune_numbers("Våler")
(None, ('3018', '3419'))
>>> kommune_name("3024"), kommune_no("Tysfjord")
('Bærum', None)
"""

from __future__ import annotations

import csv
import io
import pkgutil
from dataclasses import dataclass
from functools import cache

from .textutil import DASHES

#: The periods of the names: before the 2020 reform, 2020–2023, from 2024.
PERIODS = ("2019", "2020", "2024")
_PRECEDENCE = ("2020", "2024", "2019")


@dataclass(frozen=True, slots=True)
class Kommune:
    """A municipality of the 2020 borders and the names and numbers it has had."""

    number: str  # the 2020 number, "3024"
    name: str  # its 2020 name as SSB writes it, "Bærum", "Guovdageaidnu - Kautokeino"
    names_2019: tuple[tuple[str, str], ...]  # (number, name) of the 2019 municipalities in it
    names_2020: tuple[str, ...]  # every 2020–2023 name, "Trondheim", "Trondheim - Tråante"
    names_2024: tuple[tuple[str, str], ...]  # (number, name) in 2024: one, or two for Ålesund


@cache
def _kommuner() -> dict[str, Kommune]:
    # pkgutil rather than importlib.resources, which costs the command's start ~5 ms of imports
    data = pkgutil.get_data("kommunetekst", "data/kommuner.csv")
    assert data is not None  # None only for a loader that cannot read data; ours can
    text = data.decode("utf-8")
    by_period: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        periods = by_period.setdefault(row["kommune_no"], {p: [] for p in PERIODS})
        periods[row["period"]].append((row["number"], row["name"]))
    out = {}
    for number, periods in by_period.items():
        names_2020 = tuple(name for _, name in periods["2020"])
        out[number] = Kommune(
            number=number,
            name=names_2020[0],
            names_2019=tuple(periods["2019"]),
            names_2020=names_2020,
            names_2024=tuple(periods["2024"]),
        )
    return out


_DASH_TO_SPACE = str.maketrans({d: " " for d in DASHES})
#: How a name may end after the municipality's own name: bokmål and nynorsk, definite and
#: genitive ("i Asker kommune", "Stryn kommune", "kommunen", "kommuna", "kommunes").
_KOMMUNE_WORDS = ("kommune", "kommunen", "kommuna", "kommunes", "kommunens", "kommunas")


def _key(name: str) -> str:
    """A name folded for lookup: casefolded, dashes and runs of spaces as one space."""
    return " ".join(name.translate(_DASH_TO_SPACE).casefold().split())


def _name_keys(name: str) -> set[str]:
    """The keys a classification name is found by: whole, without its county, by part."""
    keys = {_key(name)}
    base = name.split(" (", 1)[0]  # "Våler (Viken)" is also plain "Våler"
    keys.add(_key(base))
    parts = base.split(" - ")  # "Guovdageaidnu - Kautokeino": each name alone
    if len(parts) > 1:
        keys.update(_key(p) for p in parts)
    return keys


@cache
def _index() -> dict[str, dict[str, frozenset[str]]]:
    """period -> name key -> the 2020 numbers that name stands for in that period."""
    index: dict[str, dict[str, set[str]]] = {p: {} for p in PERIODS}
    for k in _kommuner().values():
        named = {
            "2019": [n for _, n in k.names_2019],
            "2020": list(k.names_2020),
            "2024": [n for _, n in k.names_2024],
        }
        for period, names in named.items():
            for name in names:
                for key in _name_keys(name):
                    index[period].setdefault(key, set()).add(k.number)
    return {p: {key: frozenset(v) for key, v in keys.items()} for p, keys in index.items()}


def _lookup(key: str) -> tuple[str, ...]:
    index = _index()
    for period in _PRECEDENCE:
        found = index[period].get(key)
        if found:
            return tuple(sorted(found))
    return ()


def kommune_numbers(name: str) -> tuple[str, ...]:
    """Every 2020 number ``name`` may stand for (sorted); empty when it names no municipality.

    >>> kommune_numbers("Herøy"), kommune_numbers("Bærums"), kommune_numbers("Oslo-gryta")
    (('1515', '1818'), ('3024',), ())
    """
    key = _key(name)
    words = key.rsplit(" ", 1)
    if len(words) == 2 and words[1] in _KOMMUNE_WORDS:
        key = words[0]
    elif key.startswith("kommunen "):  # "kommunen Asker"
        key = key.removeprefix("kommunen ")
    found = _lookup(key)
    if not found and key.endswith("s") and len(key) > 3:  # genitive: "Bærums", "Askers"
        found = _lookup(key[:-1])
    return found


def kommune_no(name: str) -> str | None:
    """The 2020 number of the municipality ``name`` names, or None (unknown or ambiguous).

    >>> kommune_no("bærum kommune"), kommune_no("Kautokeino"), kommune_no("Haram")
    ('3024', '5430', '1507')
    """
    found = kommune_numbers(name)
    return found[0] if len(found) == 1 else None


def kommune(number: str) -> Kommune | None:
    """The municipality with this 2020 number (``"3024"``; ``"301"`` is read as ``"0301"``)."""
    return _kommuner().get(number.strip().zfill(4))


def kommune_name(number: str) -> str | None:
    """The 2020 name of the municipality with this 2020 number, or None."""
    k = kommune(number)
    return k.name if k else None


def to_2020(number: str) -> tuple[str, ...]:
    """The 2020 numbers of a number from 2019, 2020–2023 or 2024 (two for split ones).

    >>> to_2020("0219"), to_2020("3201"), to_2020("3024"), to_2020("1850")
    (('3024',), ('3024',), ('3024',), ('1806', '1875'))
    """
    number = number.strip().zfill(4)
    if number in _kommuner():
        return (number,)
    found = {
        k.number
        for k in _kommuner().values()
        if any(n == number for n, _ in k.names_2019 + k.names_2024)
    }
    return tuple(sorted(found))


def all_kommuner() -> list[Kommune]:
    """The 356 municipalities of the 2020 borders, by number."""
    return sorted(_kommuner().values(), key=lambda k: k.number)
