"""Money in Norwegian kroner: ``9,6 millioner kroner``, ``4 mill. kr``, ``kr 350``, ``1,2 mrd.``.

Finds a number with a currency (``kroner``, ``krone``, ``kr``, ``kr.``, ``NOK``), a
scale and a currency (``millioner kroner``, ``mill. kr``, ``milliardar kroner``,
``tusen kroner``, ``MNOK``), a currency before the number (``kr 350``, ``NOK 1 140``,
``kr 1,2 mill.``), the price mark ``,-`` (``500,-``, ``kr 1 000,-``), or a number with
an abbreviated scale alone (``1,2 mrd.``, ``4 mill.``: in these texts the abbreviations
are money). A number word may stand before a written-out scale and a currency (``ein
milliard kroner``, ``en halv million kroner``). Digits may be grouped with spaces
(no-break ones too) or dots (``33.471.000 kroner``); the decimal mark is a comma
(``12,50 kr``), or a dot not followed by three digits (``1.5 mill.``). A minus sign
glued to the number, or ``minus`` before it, makes it negative. A range (``5–10
millioner kroner``, ``kr 100–150``, ``mellom 5 og 10 millioner kroner``) gives two
records, one per end, both with the scale written once; the first one's evidence is
the whole range.

``year`` is the year the amount is for: a year introduced as one (``i 2020``, ``for
2021``, ``per``, ``innen``, ``året``, ``budsjettet 2021``) in the same sentence, when
the sentence gives one year only; else the one year in the section's title or the
list's lead-in (``Prisliste 2023``); else null. Periods (``2019–2020``, ``2019/20``,
``fra 2017 til 2019``, ``siden 2016``) are not a year. (A year helper of its own: the
one in ``percentages`` reads comparisons too and may take its place later.)

Caveats: a written-out scale without a currency (``250 millioner til skolene``,
``1,7 millionar koronatestar``) is not read: it is as often people or doses as money.
``kronestykke``, ``kr.`` with no number (``Kr. himmelfartsdag``), ``2021-kroner``, øre
alone, and other currencies (``euro``, ``dollar``, ``SEK``) are not read. ``value`` is
an integer when the amount is whole.

Fields: ``value`` (number, kroner), ``unit`` (the currency and scale as written,
e.g. ``millioner kroner``, ``kr``, ``,-``, ``mrd.``), ``year`` (int or null).

Example::

    Bærum kommune har satt av 9,6 millioner kroner til tiltakene i 2020.

    {"kind": "amount", "doc": "-", "line": 1, "span": [26, 46],
     "text": "9,6 millioner kroner", "date": null, "section": null, "value": 9600000,
     "unit": "millioner kroner", "year": 2020}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

import regex

from ..document import Document
from ..numwords import parse_number_word
from ..records import ExtractorInfo, Match
from ..textutil import DASH_CLASS, HSPACE_CLASS, fold_whitespace

INFO = ExtractorInfo(
    name="amounts",
    kind="amount",
    version="1.0",
    description="Money in kroner: value, the unit as written, and the year it is for",
    fields={"value": "number", "unit": "string", "year": "integer?"},
)

_S = HSPACE_CLASS

# Scales: written out (bokmål and nynorsk, singular and plural) and abbreviated.
_SCALE_WORDS = {
    "tusen": 3, "million": 6, "millioner": 6, "millionar": 6, "millionen": 6,
    "milliard": 9, "milliarder": 9, "milliardar": 9,
}  # fmt: skip
_SCALE_ABBREVIATIONS = {"mill": 6, "mill.": 6, "mio": 6, "mio.": 6, "mrd": 9, "mrd.": 9}
_SCALE_WORD = r"(?: tusen | milliard (?:er|ar)? | million (?:er|ar|en)? )"
_SCALE_ABBR = r"(?: mill | mio | mrd ) (?: \. | (?! \p{L} ) )"
# A currency after the number: "kroner", "kr", "kr.", "NOK"; "MNOK" is a million kroner.
# "kr." after a number keeps its dot only before a lower-case word: "3 mill. kr." ends a sentence.
_CURRENCY = rf"""(?: kroner | krone | kronar | kr (?: \. (?= {_S}+ (?-i: \p{{Ll}} ) ) )?
                 | (?-i: NOK ) )"""
_MNOK = r"(?-i: MNOK )"
# The price mark after a number: "500,-", "500,–", "4950:-".
_PRICE_MARK = rf"[,:] {DASH_CLASS} (?! [\d\p{{L}}] )"

# A number: digits grouped by spaces or dots ("1 200", "33.471.000"), a decimal comma, or a
# decimal dot that is not a grouping dot ("1.5"). Not glued to letters or other digits.
_DIGITS = rf"""
    (?: \d{{1,3}} (?: (?: {_S} | \. ) \d{{3}} ){{1,4}} (?! \d ) (?: , \d+ (?! [.,]? \d ) )?
      | \d+ (?: [.,] \d+ )? (?! [.,]? \d ) )
"""
_NUMBER = rf"(?<! [\p{{L}}\d.,/] ) (?P<sign> (?<! \d {_S}* ) [-\u2212] )? {_DIGITS}"

AMOUNT_RE = regex.compile(
    rf"""
    # "minus 3 mill."
    (?: (?P<minus> (?<! \p{{L}} ) minus ) {_S}+ )?
    (?:
        # A currency first: "kr 350", "kr. 500,-", "NOK 1 140", "kr 1,2 mill.", "kr 100–150".
        (?<! \p{{L}} ) (?P<pre> kr \.? | (?-i: NOK | MNOK ) ) {_S}*
        (?: (?P<first_a> {_DIGITS} ) {_S}* {DASH_CLASS} {_S}* )?
        (?P<num_a> {_DIGITS} )
        (?: {_S}* (?P<scale_a> {_SCALE_WORD} (?! \p{{L}} ) | {_SCALE_ABBR} ) )?
        (?P<mark_a> {_PRICE_MARK} )?
      |
        # The number first: "9,6 millioner kroner", "4 mill. kr", "500,-", "1,2 mrd.",
        # "5–10 millioner kroner", "mellom 5 og 10 millioner kroner".
        (?: (?P<first_b> {_NUMBER} ) {_S}*
            (?: {DASH_CLASS} | (?<= {_S} ) (?: til | og | eller ) (?= {_S} ) ) {_S}* )?
        (?P<num_b> {_NUMBER} )
        (?:
            (?P<mark_b> {_PRICE_MARK} )
          | {_S}* (?P<scale_b> {_SCALE_WORD} ) {_S}+ (?P<cur_b> {_CURRENCY} | {_MNOK} )
          | {_S}* (?P<scale_c> {_SCALE_ABBR} ) (?: {_S}* (?P<cur_c> {_CURRENCY} ) )?
          | {_S}* (?P<cur_d> {_CURRENCY} | {_MNOK} )
        )
      |
        # A number word before a written-out scale and a currency: "ein milliard kroner",
        # "en halv million kroner", "fem millioner kroner".
        (?<! \p{{L}} ) (?P<word> \p{{L}}+ (?: {_S}+ halv )? ) {_S}+
        (?P<scale_e> {_SCALE_WORD} ) {_S}+ (?P<cur_e> {_CURRENCY} )
    )
    (?! \p{{L}} | \d )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Where an amount may be: a currency, a scale or a price mark. Cheap to find; the amount is
# then read in a window around it.
_CUE_RE = regex.compile(
    r"""(?<! \p{L} ) (?: kr (?! \p{L} ) | kron (?: er | e | ar ) (?! \p{L} ) | (?-i: M? NOK )
                     | mill (?: \. | ion | iard | (?! \p{L} ) ) | mio | mrd | tusen (?! \p{L} ) )
      | [,:] [-–]""",
    regex.VERBOSE | regex.IGNORECASE,
)
_WINDOW = 60
# How a cue starts, in lower case: the cues are looked for in a lower-cased copy of the text,
# where they are plain words, and _CUE_RE then checks each one where it stands.
_CUE_STARTS = ("kr", "nok", "mnok", "mil", "mio", "mrd", "tusen", ",-", ",–", ":-", ":–")


class _Amount(NamedTuple):
    start: int
    end: int
    value: int | float
    unit: str


def _parse_digits(s: str) -> Decimal:
    """ "1 200,5" -> 1200.5; "33.471.000" -> 33471000; "1.5" -> 1.5."""
    s = "".join(s.split())
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or (s.count(".") == 1 and len(s.split(".")[1]) == 3):
        s = s.replace(".", "")  # grouping dots: "84.000"
    return Decimal(s)


def _scale(word: str | None) -> int:
    if not word:
        return 0
    w = word.casefold()
    return _SCALE_WORDS.get(w) or _SCALE_ABBREVIATIONS.get(w) or 0


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _unit(*parts: str | None) -> str:
    """The currency and scale words as written, in text order; a price mark only alone."""
    words = [fold_whitespace(p) for p in parts if p]
    marks = [w for w in words if w[:1] in ",:"]
    rest = [w for w in words if w[:1] not in ",:"]
    return " ".join(rest) if rest else (marks[0] if marks else "")


def _read(m: regex.Match[str]) -> list[_Amount]:
    """The amount(s) of one match: one, or two for a range."""
    sign = Decimal(-1) if m["minus"] else Decimal(1)
    if m["pre"] is not None:
        if m["pre"] == "MNOK":
            scale, unit = 6, _unit(m["pre"], m["scale_a"])
        else:
            scale, unit = _scale(m["scale_a"]), _unit(m["pre"], m["scale_a"], m["mark_a"])
        first, num = m["first_a"], m["num_a"]
        num_start = m.start("num_a")
    elif m["num_b"] is not None:
        scale_word = m["scale_b"] or m["scale_c"]
        currency = m["cur_b"] or m["cur_c"] or m["cur_d"]
        scale = _scale(scale_word) + (6 if currency == "MNOK" else 0)
        unit = _unit(scale_word, currency, m["mark_b"])
        first, num = m["first_b"], m["num_b"]
        num_start = m.start("num_b")
        if m["sign"] is not None and m.start("num_b") == m.start("sign"):
            sign = -sign
    else:
        words = m["word"].casefold().split()
        if len(words) == 2:  # "en halv million"
            if words[0] not in ("en", "ein", "én", "ei"):
                return []
            value = Decimal("0.5")
        else:
            n = parse_number_word(words[0])
            if not n:
                return []
            value = Decimal(n)
        scale = _scale(m["scale_e"])
        amount = sign * value * (Decimal(10) ** scale)
        return [_Amount(m.start(), m.end(), _as_number(amount), _unit(m["scale_e"], m["cur_e"]))]
    factor = Decimal(10) ** scale
    value = sign * _parse_digits(num.lstrip("-\u2212")) * factor
    if first is None:
        return [_Amount(m.start(), m.end(), _as_number(value), unit)]
    low = sign * _parse_digits(first.lstrip("-\u2212")) * factor
    if low >= value:  # "2019–20 kr" is no range
        return []
    return [
        _Amount(m.start(), m.end(), _as_number(low), unit),
        _Amount(num_start, m.end(), _as_number(value), unit),
    ]


# -- the year an amount is for ---------------------------------------------------------------

# A year introduced as one: "i 2020", "for 2021", "per 2019", "innen 2022", "året 2020",
# "budsjettet 2021", "høsten 2020", "Avgiften 2018". Not a period: "2019–2020", "2019/20",
# "fra 2017 til 2019".
_YEAR_RE = regex.compile(
    rf"""
    (?: (?<! \p{{L}} ) (?: i | for | per | pr\. | innen | år | høsten | hausten | våren
                          | budsjett | regnskap | prisliste | gebyrliste | satser )
      # a noun in the definite form names what the year is of: "Avgiften 2018", "budsjettet 2021"
      | (?<! \p{{L}} ) (?! siden | sidan ) \p{{L}}{{2,}} (?: en | et ) ) {_S}+
    (?P<year> (?:19|20) \d\d ) (?! \d | {_S}* (?: {DASH_CLASS} | / ) {_S}* \d | {_S}+ til {_S} )
    # "i 2020 og 2021": two years
    (?: {_S}* (?: , | og | eller ) {_S}* (?P<year2> (?:19|20) \d\d ) (?! \d ) )?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_FROM_TO_RE = regex.compile(
    rf"(?<! \p{{L}} ) fra {_S}+ (?:19|20) \d\d {_S}+ til {_S}+ (?P<year> (?:19|20) \d\d )",
    regex.VERBOSE | regex.IGNORECASE,
)
_ANY_YEAR_RE = regex.compile(
    rf"""(?<! [\d.,/] | \d {DASH_CLASS} ) (?P<year> (?:19|20) \d\d )
        (?! \d | {_S}* (?: {DASH_CLASS} | / ) {_S}* \d )""",
    regex.VERBOSE,
)


# Right after an amount: "… kroner i 2020", "… kr for 2021", "… mill. per 2019".
_OWN_YEAR_RE = regex.compile(
    rf"""{_S}+ (?: i (?:{_S}+ året)? | for | per | pr\. ) {_S}+
    (?P<year> (?:19|20) \d\d )
    (?! \d | {_S}* (?: {DASH_CLASS} | / ) {_S}* \d | {_S}+ til {_S}
      | {_S}* (?: , | og | eller ) {_S}* (?:19|20) \d\d )""",
    regex.VERBOSE | regex.IGNORECASE,
)


def _sentence_years(text: str, start: int, end: int) -> dict[int, int]:
    """Where each year introduced as one in ``text[start:end]`` is: {year start: year}."""
    periods = {m.start("year") for m in _FROM_TO_RE.finditer(text, start, end)}
    years = {}
    for m in _YEAR_RE.finditer(text, start, end):
        if m.start("year") not in periods:
            years[m.start("year")] = int(m["year"])
            if m["year2"]:
                years[m.start("year2")] = int(m["year2"])
    return years


def _heading_year(heading: str | None) -> int | None:
    if not heading:
        return None
    years = {int(m["year"]) for m in _ANY_YEAR_RE.finditer(heading)}
    return years.pop() if len(years) == 1 else None


def _years(doc: Document, found: list[tuple[regex.Match[str], list[_Amount]]]) -> list[int | None]:
    """The year of each match: its own, else its sentence's one other, else its heading's."""
    text = doc.text
    own: list[tuple[int, int] | None] = []
    for m, _ in found:
        y = _OWN_YEAR_RE.match(text, m.end())
        own.append((y.start("year"), int(y["year"])) if y else None)
    out: list[int | None] = []
    for i, (m, _) in enumerate(found):
        if own[i] is not None:
            out.append(own[i][1])  # type: ignore[index]
            continue
        s, e = doc.sentence_bounds(m.start(), m.end())
        years = _sentence_years(text, s, e)
        for o in own:  # a year right after another amount is that amount's
            if o is not None:
                years.pop(o[0], None)
        distinct = set(years.values())
        if len(distinct) == 1:
            out.append(distinct.pop())
        else:
            out.append(None if distinct else _heading_year(doc.heading_at(m.start())))
    return out


def _cue_candidates(text: str) -> Iterator[int]:
    """Where a cue may start, in text order: each of ``_CUE_STARTS`` in the lower-cased text,
    a piece of ``_PIECE`` characters at a time, so that memory does not grow with the text.

    (``str.find`` skips to each word; one pattern of the alternatives cost six times as much,
    a tenth of the whole pipeline, measured with benchmarks/callgrind_kinds.py.)
    """
    overlap = max(map(len, _CUE_STARTS)) - 1  # a cue that starts in a piece may end after it
    for lo in range(0, len(text), _PIECE):
        lower = _lower_case(text[lo : lo + _PIECE + overlap])
        starts = set()
        for word in _CUE_STARTS:
            i = lower.find(word, 0, _PIECE + len(word) - 1)
            while i != -1:
                starts.add(lo + i)
                i = lower.find(word, i + 1, _PIECE + len(word) - 1)
        yield from sorted(starts)


_PIECE = 1 << 20


def _lower_case(text: str) -> str:
    """``text`` in lower case, offset for offset ("İ", the one letter whose lower case is two
    characters, becomes "i")."""
    return text.replace("İ", "I").lower()


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    last_end = 0
    found: list[tuple[regex.Match[str], list[_Amount]]] = []
    for start in _cue_candidates(text):
        if start < last_end:
            continue
        cue = _CUE_RE.match(text, start)
        if cue is None:
            continue
        lo = max(last_end, cue.start() - _WINDOW)
        hit = None
        for m in AMOUNT_RE.finditer(text, lo, min(len(text), cue.end() + _WINDOW)):
            if m.start() <= cue.start() < m.end():
                hit = m
                break
            if m.start() > cue.start():
                break
        if hit is None:
            continue
        amounts = _read(hit)
        if amounts:
            found.append((hit, amounts))
            last_end = hit.end()
    for (_, amounts), year in zip(found, _years(doc, found), strict=True):
        for a in amounts:
            yield Match(
                "amount",
                a.start,
                a.end,
                doc.date_at(a.start),
                {"value": a.value, "unit": a.unit, "year": year},
            )
