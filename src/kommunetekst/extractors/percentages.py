"""Percentages and percentage points: ``67,9 prosent``, ``12 %``, ``12,5 pst.``, ``3 prosentpoeng``.

Finds a number (digits with a decimal comma or dot, digits grouped with
spaces, or a number word such as ``fem``, ``tjuefem`` or ``femogtjue``) followed
by ``prosent``, ``%`` or ``pst.``; ``prosentpoeng``, ``prosentpoint`` and
``%-poeng`` give ``unit`` ``percentage_point``. The genitive (``en 12
prosents økning``) counts, and so do targets written ``>1,5%`` or ``<110%``. A
range or pair (``10–15 prosent``, ``10 til 15 %``, ``mellom 10 og 15 prosent``)
gives two records, one per end; the first one's evidence is the whole range.

``year`` is the year the figure is for, taken from the first of these that
says it:

1. the figure's own year: one written right after it (``53 prosent i 2017``,
   ``46,8 prosent ved utgangen av 2017``, ``5,2 prosent i 4. kvartal 2017``),
   labelling it (``2019: 2,8 %``, ``i 2003 (58 prosent)``), or followed by a
   short relative clause that gives the figure (``rekorden fra 1995, som var på
   11,3 prosent``, ``valet i 2015, då partiet fekk 12 prosent``);
2. its clause, else its sentence, when that gives one year (``på landsbasis var
   i 2018 på 67 prosent``; ``Av disse gikk 67 prosent til arbeid, på landsbasis
   var det 51 prosent i 2018`` gives 2018 to both), except a year that belongs to
   a figure compared with (``en økning fra 53 prosent i 2017``: 2017 is the year
   of 53 only) or sits in a contrasting clause (``…, mens tilsvarende tall for
   2019 var 7,6 prosent``);
3. a table the figure is a cell of (a line of label and figures, no sentence):
   the year in its row label (``2019 2,0 %``), else the line above with years in
   columns (``År 2018 2019 2020`` over ``Andel 12,1 % 13,4 % 14,0 %``: the
   figure's column; ``|``- and tab-separated tables cell by cell; a column with
   no year, ``Snitt`` or ``Mål``, gives null), else a table heading with one year
   (``Nøkkeltall 2019``, also across a blank line);
4. the section: the list's lead-in (``Viktige resultater og innsatser i 2019``),
   else the date header above (its title's year, else the year its date writes:
   a log entry ``12.05.2021 Vaksinasjon`` dates its figures; a header without a
   year gives none, whatever ``--year`` says). A plain heading line above a
   paragraph (``Resultater 2019``) is not read: only tables, lists and dated
   sections say which of their lines they head.

Null when the text gives none or more than one, and whenever the figure's
sentence spans or compares years: a period (``fra 2018 til 2019``, ``2018–19``,
``siden 2016``, ``4. kvartal 2017 til 3. kvartal 2018``), a baseline (``ned 8,2
prosentpoeng frå 2015``, ``høyere enn i 2019``, ``sammenlignet med 2018``) or a
year named relative to another (``i fjor``, ``året før``, ``neste år``) stops
steps 3 and 4 as well. Percentage points are a change: measured from a figure
with its own year (``0,5 prosentpoeng fra 11,9 prosent i 2020 til 11,4 prosent i
2021``) they span two years and take none. ``fra <noun> i 2019`` is a baseline only in a sentence of
change (``vokser med 7 prosentpoeng fra valget i 2019``, not ``tilskuddet fra
staten i 2019``), and ``etter`` starts a period only right before its year
(``etter 1945``, not ``etter endt program i 2019``). A plan period
(``2021–2024``) is never a year, a year in another sentence is not the figure's,
and ``--year`` is never a figure's year.

A year counts in a sentence when it is introduced as one (``i 2018``, ``per``,
``for``, ``innen``, ``høsten 2019``, ``3. kvartal 2019``, a month name, a full
date, ``2019-tallene``, ``2019:``); a bare number such as ``2000 ansatte`` is
not a year.

Caveats: ``en av fem``, ``halvparten`` and ``tre firedelar`` are not read as
percentages; nor are ``promille``, ``prosentvis``, ``prosentandel``,
``50-prosentstilling``, ``PST``, or shares written without a unit (``(8,91)``,
a table whose unit is only in its header). A number right after one to three
digits, a comma and a space gives nothing: ``0, 6 prosentpoeng`` is 0,6 with a
stray space (never 6), ``2, 3 prosent`` a list whose first member has no unit.
Table cells run together by a scraper (``62 %67 %``) are read; a number glued to
a word before it (``driftsinntektene62 %``) is not. A dash range whose first end is
not below the second (``2019-20 %``) gives nothing. Number words are single
words up to 999 (``numwords``); a compound of several words (``hundre og ti``)
or a fraction (``en halv prosent``) gives nothing rather than a wrong value.

Fields: ``value`` (float), ``unit`` (``percent`` or ``percentage_point``),
``year`` (int or null).

Example::

    Av disse gikk 67 prosent til arbeid, på landsbasis var det 51 prosent i 2018.

    {"kind": "percentage", "doc": "-", "line": 1, "span": [14, 24],
     "text": "67 prosent", "date": null, "section": null, "value": 67.0, "unit": "percent",
     "year": 2018}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..dates import MONTH_ALT, MONTHS
from ..document import Document
from ..lists import ListItem
from ..numwords import parse_number_word
from ..records import ExtractorInfo, Match
from ..textutil import DASH_CLASS, DASHES, HSPACE, HSPACE_CLASS, sentence_bounds
from ..textutil import SENTENCE_WINDOW as _SENTENCE_WINDOW

INFO = ExtractorInfo(
    name="percentages",
    kind="percentage",
    version="1.2",
    description="Percentages and percentage points, with the year they are for",
    fields={
        "value": "number",
        "unit": "string",
        "year": "integer?",
    },
)

_S = HSPACE_CLASS
P, PP = "percent", "percentage_point"

# The number(s) right before a unit, matched backwards from the unit (REVERSE):
# "67,9 ", "1 200 ", "10–15 ", "10 til 15 ", "mellom 10 og 15 ", "tjuefem ". Digits grouped
# by spaces (up to 999 999 999) are one number unless a digit and a space come before them:
# in a table row "252 190 108 100 %" the unit belongs to the last cell, "100".
_DIGITS = r"""(?: (?<! \d [\u00a0\u202f ] ) \d{1,3} (?: [\u00a0\u202f ] \d{3} ){1,2}
                 | \d+ ) (?: [.,] \d+ )?"""
# A word is any word here; _parse_number keeps the number words (numwords reads them).
_NUMBER = rf"""
    (?: (?<! [\p{{L}}\d.,] | \p{{L}}- ) (?: {_DIGITS} )
      | (?<! [\p{{L}}\d] ) \p{{L}}+ )
"""
NUMBER_BEFORE_RE = regex.compile(
    rf"""
    (?: (?P<first_sign> (?<! [\p{{L}}\d] ) [-\u2212] )? (?P<first> {_NUMBER} ) {_S}*
        (?P<conn> {DASH_CLASS} | (?<={_S}) (?: til | og | eller ) (?={_S}) ) {_S}* )?
    (?P<sign> (?<! [\p{{L}}\d] ) [-\u2212+] )?
    (?P<num> {_NUMBER} )
    {_S}*
    """,
    regex.VERBOSE | regex.REVERSE | regex.IGNORECASE,
)

# The unit. "prosent"/"pst" units are found by one stdlib scan (the literal prefix "p" keeps
# it fast; _iter_units checks the letter before); "%" with str.find, then PERCENT_SIGN_RE.
P_UNIT_RE = re.compile(
    r"""
    p (?: rosent (?: (poeng | point) s? | s )? | st \.? )
    (?! \w )
    """,
    re.VERBOSE,
)
PERCENT_SIGN_RE = re.compile(r"% (?: -? (poeng | point) s? )? (?! [^\W\d] )", re.VERBOSE)
_LOOKBACK = 60  # characters before a unit searched for its number(s)

# "1 200,5" -> "1200.5": grouping spaces out, decimal comma to a dot.
_NUMBER_TRANSLATION = str.maketrans({",": ".", **{c: None for c in HSPACE}})

# -- years ------------------------------------------------------------------------------------
# A year is introduced as one by the word right before it: "i 2018", "per 31.12.2018",
# "høsten 2019", "3. kvartal 2019", "for 2020", "(2019". Read backwards (REVERSE) from the year.
# What comes right before a year: the end of a range ("2018–19", "2019/2020": a period), or
# a word that introduces it as a year.
_BEFORE_YEAR_RE = regex.compile(
    rf"""
    (?P<range> \d\d {_S}* (?: {DASH_CLASS} | / ) {_S}* )
  | (?<! \p{{L}} ) (?: i | per | pr\. | for | innen | innan | året | år | høsten | hausten | våren
                     | sommeren | sommaren | vinteren | utgangen{_S}+av | kvartal | tertial
                     | halvår | halvåret | {MONTH_ALT} ) {_S}+
  | (?<! [\d.] ) [0-3]?\d \. [01]?\d \.
  | \( {_S}*
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# What comes right after a year: the start of a range (a period), or what makes the year
# one anyway, a label ("2019: 2,8 %") or "2019-tallene".
_RANGE_AFTER = rf"{_S}* (?: {DASH_CLASS} | / ) {_S}* \d"
_AFTER_YEAR_RE = regex.compile(
    rf"(?P<range> {_RANGE_AFTER} ) | {_S}* : (?! \d ) | - ta(?:l|ll) \p{{L}}*", regex.VERBOSE
)
# A year that joins the one before it: "i 2018 og 2019", "i 2018, 2019".
_JOINED_BEFORE_RE = regex.compile(
    rf"(?:19|20)\d\d {_S}* (?: , | og | eller | & ) {_S}*",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# The words a few tokens before a year that make it a period or a baseline rather than the
# figure's year: "siden 2016", "fra 2018 til …", "enn i 2. kvartal 2019", "sammenlignet med
# 2018", "fra lokalvalget i 2019". A token is a word or an ordinal ("4."); a figure or a
# clause break stops them.
# The beginnings of all those words (and of "fra"/"mot" before a compared figure): a stretch
# without any of them, most, needs no closer reading.
_MARKER_STEM_RE = re.compile("fra|frå|sid|etter|enn|mot|forhold|sammenl|samanl")
_PERIOD_WORDS = frozenset({"siden", "sidan"})
# "etter" starts a period only right before its year ("etter 1945", "etter 3. kvartal 2019");
# "etter endt program i 2019" is after an event in 2019.
_AFTER_WORD = "etter"
_TIME_WORDS = frozenset(
    {"i", "kvartal", "tertial", "halvår", "halvåret", "året", "utgangen", "starten", "av", *MONTHS}
)
_FROM_WORDS = frozenset({"fra", "frå"})
_BASELINE_WORDS = frozenset({"enn", "mot"})
_COMPARED_WORDS = frozenset({"sammenlignet", "sammenliknet", "samanlikna", "samanlikne", "forhold"})
_UNTIL_AFTER_RE = regex.compile(
    rf"(?: {_S}+ [\p{{L}}\d.\-]+ ){{0,4}}? {_S}+ til (?: {_S}+ og {_S}+ med )? {_S}+"
    rf"(?: [\p{{L}}\d.]+ {_S}+ ){{0,3}} (?:19|20) \d\d",
    regex.VERBOSE | regex.IGNORECASE,
)
# Words of a change, in a sentence where "fra <something> i 2019" is the starting point.
_CHANGE_RE = regex.compile(
    r"""(?<! \p{L} ) (?: prosentpoeng | prosentpoint | %-poeng | økning | økte | øker | økt
      | auke | auka | aukar | nedgang | ned | opp | vekst | vokser | voks | faller | falt | fall
      | steg | stiger | sank | synker | redusert | redusere | reduksjon | endring | endret | endra
      | bedring | forbedring | forverring ) (?! \p{L} )""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A year named relative to another: the figure's year is not written.
_RELATIVE_YEAR_RE = re.compile(
    rf"""(?<! \w ) (?: i {_S}+ fj[oå][rl] | fjorårets | året {_S}+ (?: før | etter )
       | (?: forrige | førre | neste | foregående | kommande | kommende ) {_S}+ år )
       (?! \w )""",
    re.VERBOSE | re.IGNORECASE,
)
# A year in a heading or a table: any four-digit year that is not part of a range or a
# longer number.
HEADING_YEAR_RE = regex.compile(
    rf"(?<! [\d.,/] | \d{DASH_CLASS} ) (?P<year> (?:19|20) \d\d ) (?! \d | {_RANGE_AFTER} )",
    regex.VERBOSE,
)
_HEADING_RANGE_RE = regex.compile(rf"(?<! \d ) (?:19|20) \d\d {_RANGE_AFTER}", regex.VERBOSE)
# What may stand between a figure and its own year: a few words or an ordinal, no figure,
# no clause break ("av inntektene i", "i 4. kvartal", "ved utgangen av").
_OWN_GAP_WORDS = 6
_GAP_BREAK_RE = re.compile(r"[,;:)%]|\d(?!\.)|\s[\u2013\u2014]\s")  # a clause break or a figure
_OWN_GAP_CHARS = 80
# Words that start another clause or another figure's part: a year after them is not the
# figure's own ("45 prosent og i 2019 …", "fra 45 prosent til …").
_GAP_STOP_WORDS = frozenset(
    {"og", "men", "mens", "medan", "eller", "samt", "til", "fra", "frå", "mot", "enn"}
)
# Between a year and the figure it labels: "2019: 2,8 %", "i 2003 (58 prosent)".
_LABEL_GAP_RE = regex.compile(rf"{_S}* [:(] {_S}* [<>]? {_S}*", regex.VERBOSE)
# A relative clause after a year, with the figure of that year: "rekorden fra 1995, som var
# på 11,3 prosent", "valet i 2015, då partiet fekk 12 prosent" (a few words, no figure).
_RELATIVE_CLAUSE_GAP_RE = regex.compile(
    rf"{_S}* , {_S}* (?: som | da | då ) (?: {_S}+ \p{{L}}+ \.? ){{0,3}} {_S}+",
    regex.VERBOSE | regex.IGNORECASE,
)
# Before a figure it is compared with, at most two words before it: "en økning fra 53
# prosent", "mot (antatt) 45 prosent", "sammenlignet med 40 prosent".
_COMPARED_FIGURE_WORDS = frozenset({"fra", "frå", "mot"})
_CLAUSE_BREAK_RE = regex.compile(
    rf"[,;:] (?={_S}) | {_S} [\u2013\u2014] {_S} | [()]", regex.VERBOSE
)
# A clause that contrasts with the one before: its year is its own ("…, mens tilsvarende tall
# for 2019 var 7,6 prosent").
_CONTRAST_START_RE = regex.compile(
    rf"{_S}* (?: og {_S}+ )? (?: mens | medan | men | samtidig {_S}+ som ) (?! \p{{L}} )",
    regex.VERBOSE | regex.IGNORECASE,
)
_YEAR_LIKE_RE = regex.compile(r"(?:19|20)\d\d")
# A figure somewhere in a line ("12 %", "3,4 prosent"): a table row, not a header.
_FIGURE_IN_LINE_RE = re.compile(r"\d[\u00a0\u202f ]?(?:%|prosent|pst)")
# What follows a table cell on its row: more cells (figures, numbers, separators), no words.
_CELLS_AFTER_RE = re.compile(r"(?:[\s\d.,%|<>()+\-\u2013\u2212]|prosent|pst)*")
# A sentence end inside a line: the line is prose, not a table row.
_SENTENCE_IN_LINE_RE = re.compile(r"[.!?][ \u00a0]+[A-ZÆØÅ]")
# A year that ends a table row's label: "2019 ", "Andel 2019: ", "2019 | ".
_LABEL_YEAR_RE = regex.compile(rf"(?:19|20) \d\d [{HSPACE}:|]* $", regex.VERBOSE)
# A caption over a table may be written as sentences: "Tabell 1.1 Barn i barnehage. 2016."
_CAPTION_RE = regex.compile(
    r"\s* (?: tabell | tab\. | figur ) (?! \p{L} )", regex.VERBOSE | regex.I
)
# Groups are read by number: by name, the regex module takes several times longer.
_HEADING_YEAR = HEADING_YEAR_RE.groupindex["year"]
_G_RANGE_BEFORE = _BEFORE_YEAR_RE.groupindex["range"]
_G_RANGE_AFTER = _AFTER_YEAR_RE.groupindex["range"]

_TABLE_LOOKUP = 40  # lines above a table row searched for its header
_TABLE_ROW_MAX = 300  # a longer line is a paragraph, not a table row


def _line_window(text: str, start: int, end: int) -> tuple[int, int]:
    """``[ls, le)`` of the line around ``[start, end)``, never further than the window."""
    lo, hi = max(0, start - _SENTENCE_WINDOW), min(len(text), end + _SENTENCE_WINDOW)
    ls = text.rfind("\n", lo, start)
    le = text.find("\n", end, hi)
    return (lo if ls == -1 else ls + 1), (hi if le == -1 else le)


class _Figure(NamedTuple):
    start: int  # evidence start (the range's first number for the first end)
    num_start: int  # start of the range (for the comparison test)
    end: int  # end of the unit
    value: float
    unit: str


# Beyond this a number before "prosent" is no share or change of anything (a digit run).
MAX_VALUE = 1_000_000


def _parse_number(s: str) -> float | None:
    """Digits ("67,9", "1 200") or a number word ("tjuefem") as a float."""
    if s.isdigit():
        return float(s)
    if s[0].isdigit():
        if " " not in s and "\u00a0" not in s and "\u202f" not in s:  # no grouping spaces
            return float(s.replace(",", "."))
        return float(s.translate(_NUMBER_TRANSLATION))
    word = s.casefold()
    if word in ("ingen", "ei"):
        return None  # "ingen prosent" is no figure; "ei" is no number before a unit
    value = parse_number_word(word)
    return None if value is None else float(value)


def _iter_units(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, unit)`` of every unit in ``text``, in text order."""
    found = [
        (a, m.end(), PP if m[1] else P)
        for m in P_UNIT_RE.finditer(text)
        if not ((a := m.start()) and text[a - 1].isalpha())  # "oppstår", "hundreprosent"
    ]
    i = text.find("%")
    if i != -1:
        match = PERCENT_SIGN_RE.match
        while i != -1:
            m = match(text, i)
            if m:
                found.append((i, m.end(), PP if m[1] else P))
            i = text.find("%", i + 1)
        found.sort()
    return found


_SPACE_OR_DASH = frozenset(HSPACE + DASHES)  # what _after_dash needs right before pos
_HS = frozenset(HSPACE)


def _after_dash(text: str, pos: int) -> bool:
    """Whether a digit and a dash come right before ``pos`` ("2019-20 %" seen from "20")."""
    p = pos - 1
    while p >= 0 and text[p] in HSPACE:
        p -= 1
    if p < 0 or text[p] not in DASHES:
        return False
    p -= 1
    while p >= 0 and text[p] in HSPACE:
        p -= 1
    return p >= 0 and text[p].isdigit()


def _after_comma_space(text: str, start: int) -> bool:
    """Whether one to three digits, a comma and one space come right before ``start``.

    "0, 6 prosentpoeng" is a decimal comma with a stray space after it (a decimal comma
    never has one), or the end of a list whose other members have no unit ("2, 3 prosent"):
    either way the number alone is not the figure. A year before the comma ("I 2019, 45
    prosent …") has four digits and is no part of the number.
    """
    if start < 3 or text[start - 1] not in _HS or text[start - 2] != ",":
        return False
    p = start - 3
    while p >= 0 and text[p].isdigit():
        p -= 1
    return 0 < start - 3 - p <= 3


def _compound_tail(text: str, start: int) -> bool:
    """Whether the number word at ``start`` ends a compound of several words we do not read:
    "hundre og ti", "to og en halv", "to hundre" (but "ett hundre" is 100)."""
    p = start
    while p > 0 and text[p - 1] in _HS:
        p -= 1
    if p > 0 and text[p - 1].isdigit():
        return True
    w = p
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    word = text[w:p].casefold()
    return word in ("og", "hundre", "tusen") or (parse_number_word(word) or 0) >= 2


_G_NUM, _G_FIRST, _G_SIGN, _G_CONN, _G_FIRST_SIGN = (
    NUMBER_BEFORE_RE.groupindex[g] for g in ("num", "first", "sign", "conn", "first_sign")
)


# The common case first: "… Hele 67,9 prosent", ASCII digits (maybe with a decimal comma or
# dot) after spaces after a letter. NUMBER_BEFORE_RE reads just that number there: no
# grouping (no digit before the spaces), no sign, no range (the letter is no dash and does
# not end "til", "og" or "eller": only ASCII L, G, R casefold to l, g, r). Matched on the
# reversed text with the stdlib, it costs a third of the regex module's REVERSE match.
_SIMPLE_NUMBER_BEFORE_RE = re.compile(rf"{_S}*([0-9]+)(?:[.,]([0-9]+))?{_S}+")


def _simple_figure(text: str, a: int, u_end: int, unit: str) -> _Figure | None:
    """The figure before the unit at ``a`` in the common case, else None (ask the pattern)."""
    rev = text[max(0, a - _LOOKBACK) : a][::-1]
    m = _SIMPLE_NUMBER_BEFORE_RE.match(rev)
    if m is None or m.end() == len(rev):
        return None
    letter = rev[m.end()]
    if not letter.isalpha() or letter in "lgrLGR":
        return None
    if m[2] is None:
        return _Figure(a - m.end(1), a - m.end(1), u_end, float(m[1][::-1]), unit)
    value = float(m[2][::-1] + "." + m[1][::-1])
    return _Figure(a - m.end(2), a - m.end(2), u_end, value, unit)


def _figures_at(text: str, a: int, u_end: int, unit: str) -> list[_Figure]:
    """The figure(s) whose unit is ``text[a:u_end]``, or none."""
    simple = _simple_figure(text, a, u_end, unit)
    if simple is not None:
        return [simple]
    m = NUMBER_BEFORE_RE.match(text, max(0, a - _LOOKBACK), a)
    if not m:
        return []
    num_text, first_text, sign, conn, first_sign = m.group(
        _G_NUM, _G_FIRST, _G_SIGN, _G_CONN, _G_FIRST_SIGN
    )
    num = _parse_number(num_text)
    if num is None:
        return []
    if sign == "-" or sign == "\u2212":
        num = -num
    first = None if first_text is None else _parse_number(first_text)
    if first is None:  # one number ("økte til 14,2 prosent": "økte" is no first end)
        start = m.start(_G_SIGN) if sign else m.start(_G_NUM)
        if not num_text[0].isdigit() and _compound_tail(text, start):
            return []  # "hundre og ti prosent": a compound we do not read
        if start and text[start - 1] in _SPACE_OR_DASH and _after_dash(text, start):
            return []  # "2019-20 %" is not 20 percent
        if _after_comma_space(text, start):
            return []  # "0, 6 prosentpoeng": 0,6 with a stray space, or a list; never 6
        return [_Figure(start, start, u_end, num, unit)]
    if sign:
        return []
    start = m.start()
    words = not num_text[0].isdigit() or not first_text[0].isdigit()
    if words and _compound_tail(text, start):
        return []
    conn = conn.casefold()
    if conn in ("til", "og", "eller"):
        if _YEAR_LIKE_RE.fullmatch(first_text):
            # "fra 53 prosent i 2017 til 67 prosent": the year is not the first end of a range.
            return [_Figure(m.start(_G_NUM), m.start(_G_NUM), u_end, num, unit)]
        if words and conn != "til":
            return []
    if first_sign:
        first = -first  # "henholdsvis -0,2 og 0,2 prosent"
    if conn not in ("til", "og", "eller") and first >= num:
        return []  # "2019-20 %" is not a range
    return [
        _Figure(start, start, u_end, first, unit),
        _Figure(m.start(_G_NUM), start, u_end, num, unit),
    ]


# -- the years of one sentence ------------------------------------------------------------------
YEAR, PERIOD, BASELINE = "year", "period", "baseline"
_NOT_BEFORE_YEAR = frozenset("0123456789,")


class _Year(NamedTuple):
    pos: int
    end: int
    value: int
    kind: str  # YEAR (introduced as one), PERIOD (an end of a period), BASELINE (compared with)
    joined: bool  # one of several years said together ("i 2018 og 2019")


def _after_last_clause_break(s: str) -> int:
    """Where the last clause of ``s`` starts (a decimal comma counts too: no loss, as a figure
    ends _tokens_before's words anyway)."""
    breaks = (s.rfind(","), s.rfind(";"), s.rfind(":"), s.rfind("("), s.rfind(")"))
    dashes = (s.rfind(" \u2013 "), s.rfind(" \u2014 "))
    return max(*breaks, *(d + 2 for d in dashes if d != -1), -1) + 1


def _tokens_before(text: str, s: int, i: int, after_from: bool) -> list[str]:
    """Up to five words before ``i`` in its clause, nearest first, lower case; stops at a figure.

    Empty when no word there can make the year a period's end or a baseline.
    """
    chunk = text[max(s, i - 60) : i].lower()
    if _MARKER_STEM_RE.search(chunk) is None and not (after_from and "til" in chunk):
        return []
    chunk = chunk[_after_last_clause_break(chunk) :]
    out: list[str] = []
    for tok in reversed(chunk.split()):
        if len(out) == 5 or (tok[0].isdigit() and not tok.endswith(".")):
            break  # a figure (a decimal comma cut the clause already, "9,4" -> "4")
        out.append(tok.rstrip("."))
    return out


def _time_only(tokens: list[str]) -> bool:
    """Whether the words between a marker and its year only say when ("i 4. kvartal")."""
    return all(t in _TIME_WORDS or t.isdigit() for t in tokens)


def _year_kind(text: str, s: int, e: int, i: int, after_from: bool) -> str | None:
    """What the four digits at ``i`` are in their sentence ``[s, e)``; None: not a year."""
    after = _AFTER_YEAR_RE.match(text, i + 4, e)
    if after:
        return PERIOD if after[_G_RANGE_AFTER] else YEAR  # "2019–20"; "2019: 2,8 %"
    before = _BEFORE_YEAR_RE.match(text, max(s, i - 20), i)
    if before and before[_G_RANGE_BEFORE]:
        return PERIOD
    tokens = _tokens_before(text, s, i, after_from)
    for k, tok in enumerate(tokens):
        if tok in _PERIOD_WORDS or (tok == _AFTER_WORD and _time_only(tokens[:k])):
            return PERIOD
        if tok in _FROM_WORDS:
            if _UNTIL_AFTER_RE.match(text, i + 4, e):
                return PERIOD
            # "ned 8 prosentpoeng frå 2015", "vokser med 7 prosentpoeng fra valget i 2019";
            # but "tilskuddet fra staten i 2019" says where from, not since when.
            if _time_only(tokens[:k]) or _CHANGE_RE.search(text, s, e):
                return BASELINE
            break
        if tok == "til" and after_from:
            return PERIOD
        if tok in _BASELINE_WORDS:
            return BASELINE
        if tok in ("med", "til") and k + 1 < len(tokens) and tokens[k + 1] in _COMPARED_WORDS:
            return BASELINE
    return YEAR if before else None


def _years(text: str, s: int, e: int) -> list[_Year]:
    """Every year of the sentence ``[s, e)`` that is introduced as one, or is a period's end."""
    found: list[tuple[int, int]] = []
    find = text.find
    for century in ("20", "19"):
        i = find(century, s, e)
        while i != -1:
            if (
                i + 4 <= e
                and text[i + 2 : i + 4].isascii()
                and text[i + 2 : i + 4].isdigit()
                and not (i + 4 < len(text) and text[i + 4].isdigit())
                and not (i and text[i - 1] in _NOT_BEFORE_YEAR)
            ):
                found.append((i, int(text[i : i + 4])))
            i = find(century, i + 1, e)
    found.sort()
    out: list[_Year] = []
    after_from = False
    for i, value in found:
        kind = _year_kind(text, s, e, i, after_from)
        joined = False
        if (
            kind is None
            and out
            and out[-1].kind == YEAR
            and _JOINED_BEFORE_RE.match(text, out[-1].pos, i)
        ):
            kind, joined = YEAR, True
            out[-1] = out[-1]._replace(joined=True)
        if kind is None:
            continue
        after_from = after_from or kind == PERIOD
        out.append(_Year(i, i + 4, value, kind, joined))
    return out


def _relative_year(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` names a year relative to another ("i fjor", "året før")."""
    w = text[s:e]
    # Every such phrase has "fj" or "år": the scan is asked only where one is.
    hint = "fj" in w or "år" in w or "Fj" in w or "År" in w or "FJ" in w or "ÅR" in w
    return hint and _RELATIVE_YEAR_RE.search(w) is not None


def _own_gap(gap: str) -> bool:
    """Whether only a few words (or an ordinal, or a bracket) separate a figure from a year."""
    if (
        len(gap) > _OWN_GAP_CHARS
        or not (gap[:1].isspace() or gap.lstrip()[:1] == "(")
        or _GAP_BREAK_RE.search(gap)
    ):
        return False
    words = gap.replace("(", " ").casefold().split()
    return (
        len(words) <= _OWN_GAP_WORDS
        and all(_is_gap_word(w) for w in words)
        and not _GAP_STOP_WORDS.intersection(words)
    )


def _is_gap_word(w: str) -> bool:
    return w.replace("-", "").isalpha() or (w.endswith(".") and w[:-1].isdigit() and len(w) <= 3)


def _own_year(text: str, f: _Figure, years: list[_Year]) -> _Year | None:
    """The year written right after the figure or labelling it, if any."""
    for y in years:
        if y.pos >= f.end:
            if y.kind == YEAR and _own_gap(text[f.end : y.pos]):
                return y
            break
    for y in reversed(years):
        if y.end <= f.start:
            if y.kind == YEAR and _LABEL_GAP_RE.fullmatch(text, y.end, f.start):
                return y
            if y.kind != PERIOD and _RELATIVE_CLAUSE_GAP_RE.fullmatch(text, y.end, f.start):
                return y  # "rekord fra 1995, som var på 11,3 prosent": even a year compared with
            return None
    return None


def _clause_bounds(text: str, s: int, e: int, offset: int) -> tuple[int, int]:
    cs, ce = s, e
    for b in _CLAUSE_BREAK_RE.finditer(text, s, e):
        if b.end() <= offset:
            cs = b.end()
        elif b.start() >= offset:
            ce = b.start()
            break
    return cs, ce


_NO_YEAR = object()  # a figure whose year the text leaves open: no fallback to a table or heading
_ASK_FURTHER = object()  # the sentence says nothing: the table or heading may


def _sentence_years(text: str, figures: list[_Figure], s: int, e: int) -> list[int | object]:
    """Each figure's year from its own words, clause and sentence ``[s, e)`` (steps 1 and 2)."""
    years = _years(text, s, e)
    if not years:
        return [_ASK_FURTHER] * len(figures)  # (a relative year is looked for when it matters)
    own = [_own_year(text, f, years) for f in figures]
    baseline_figure = [_is_baseline_figure(text, s, f) for f in figures]
    owned_by_baseline = {o.pos for o, b in zip(own, baseline_figure, strict=True) if o and b}
    owned = {o.pos for o in own if o}
    # Years no figure owns that say the sentence spans or compares years.
    blockers = [y for y in years if y.kind != YEAR and y.pos not in owned]
    candidates = [y for y in years if y.kind == YEAR and y.pos not in owned_by_baseline]
    values = {y.value for y in candidates}
    joined = any(y.joined for y in candidates)
    relative: bool | None = None  # whether the sentence names a relative year, once asked
    out: list[int | object] = []
    for f, o, is_baseline in zip(figures, own, baseline_figure, strict=True):
        if o is not None:
            out.append(_NO_YEAR if o.joined else o.value)
            continue
        if is_baseline:
            out.append(_NO_YEAR)  # a figure compared with: only its own year is its
            continue
        if f.unit == PP and owned_by_baseline:
            # Points are a change; from a figure with its own year ("0,5 prosentpoeng fra 11,9
            # prosent i 2020 til 11,4 prosent i 2021") the change spans two years.
            out.append(_NO_YEAR)
            continue
        if relative is None:
            relative = _relative_year(text, s, e)
        if not candidates:
            out.append(_NO_YEAR if blockers or relative else _ASK_FURTHER)
            continue
        if joined:
            out.append(_NO_YEAR)
            continue
        if len(values) == 1 and not blockers and not relative:
            # The common case: one year, nothing that spans or compares years.
            y = candidates[0]
            out.append(_NO_YEAR if _in_contrasting_clause(text, s, e, f, y) else y.value)
            continue
        cs, ce = _clause_bounds(text, s, e, f.start)
        if any(cs <= y.pos < ce for y in blockers) or (relative and _relative_year(text, cs, ce)):
            out.append(_NO_YEAR)
        elif len(values) == 1:
            y = candidates[0]
            out.append(_NO_YEAR if _in_contrasting_clause(text, s, e, f, y) else y.value)
        else:
            in_clause = {y.value for y in candidates if cs <= y.pos < ce}
            out.append(in_clause.pop() if len(in_clause) == 1 else _NO_YEAR)
    return out


def _is_baseline_figure(text: str, s: int, f: _Figure) -> bool:
    """Whether ``f`` is a figure compared with ("fra 53 prosent", "mot 45 prosent")."""
    words = _tokens_before(text, s, f.num_start, False)[:4]
    for k, w in enumerate(words[:3]):
        if w in _COMPARED_FIGURE_WORDS:
            return True
        if w == "med" and k + 1 < len(words) and words[k + 1] in _COMPARED_WORDS:
            return True
    return False


def _in_contrasting_clause(text: str, s: int, e: int, f: _Figure, y: _Year) -> bool:
    """Whether the year ``y`` sits in another clause than ``f``, one that contrasts."""
    lo, hi = (f.end, y.pos) if f.end <= y.pos else (y.end, f.start)
    if _CLAUSE_BREAK_RE.search(text, lo, hi) is None:
        return False  # the figure's own clause
    ys, _ = _clause_bounds(text, s, e, y.pos)
    return ys > s and _CONTRAST_START_RE.match(text, ys, e) is not None


# -- tables and headings --------------------------------------------------------------------------
def _heading_year(heading: str | None) -> int | object | None:
    """The one year of a heading; None when it has none, _NO_YEAR for a period or two years."""
    if not heading or ("20" not in heading and "19" not in heading):
        return None  # no year in it
    years = {int(y[_HEADING_YEAR]) for y in HEADING_YEAR_RE.finditer(heading)}
    if len(years) == 1:
        return years.pop()
    if years or _HEADING_RANGE_RE.search(heading):
        return _NO_YEAR
    return None


def _is_row(line: str) -> bool:
    """Whether a line can be a table row or header: short, and not a sentence."""
    line = line.rstrip()
    return (
        bool(line)
        and len(line) <= _TABLE_ROW_MAX
        and line[-1] not in ".!?"
        and _SENTENCE_IN_LINE_RE.search(line) is None
    )


class _Line(NamedTuple):
    start: int
    end: int


def _lines_above(doc: Document, line_start: int) -> Iterator[_Line]:
    text = doc.text
    end = line_start - 1
    for _ in range(_TABLE_LOOKUP):
        if end < 0:
            return
        start = text.rfind("\n", 0, end) + 1
        yield _Line(start, end)
        end = start - 1


class _Header(NamedTuple):
    line: str  # the line above a table row that has years (column headers or a heading)
    years: list[int]


def _table_header(
    doc: Document, row: _Line, tables: dict[int, _Row | None]
) -> _Header | int | None:
    """What gives the years of a table row's cells: the nearest line above it with years
    (rows and a column header between are passed), or the year of a heading a blank line
    above the table; None when the row is in no table (a paragraph is above).

    ``tables``: the rows read so far (by their start); a row above gives its header at once.
    """
    text = doc.text
    for above in _lines_above(doc, row.start):
        known = tables.get(above.start)
        if known is not None:
            return known.header
        h = text[above.start : above.end]
        if not h.strip():
            year = _heading_above_blank(doc, above.start)
            return year if isinstance(year, int) else None
        if not _is_row(h) and _CAPTION_RE.match(h) is None:
            return None  # a paragraph above: no table
        if _FIGURE_IN_LINE_RE.search(h):
            continue  # another row of the table
        years = [int(y[_HEADING_YEAR]) for y in HEADING_YEAR_RE.finditer(h)]
        if years:
            return _Header(h, years)
    return None


class _Row(NamedTuple):
    cells: list[int]  # where each figure of the row starts (a range's ends share one)
    # The year of each cell; _NO_YEAR where the table gives none (a column "Snitt"), None
    # where it says nothing (no header with years: the section may).
    years: list[int | object | None]
    header: _Header | int | None  # see _table_header


def _table_row(
    doc: Document, row: _Line, cells: list[int], tables: dict[int, _Row | None]
) -> _Row | None:
    """The years of a table row's cells (step 3), or None when the line is no table row."""
    text = doc.text
    line = text[row.start : row.end]
    if not _is_row(line):
        return None
    header = _table_header(doc, row, tables)
    label_year = _row_label_year(text[row.start : cells[0]])
    if label_year is not None:
        return _Row(cells, [label_year] * len(cells), header)
    if header is None or isinstance(header, int):
        return _Row(cells, [header] * len(cells), header)
    years = _column_years(header, line, [c - row.start for c in cells])
    return _Row(cells, [_NO_YEAR if y is None else y for y in years], header)


def _row_label_year(label: str) -> int | object | None:
    """A year at the end of a row's label ("2019 2,0 %", "Andel 2019: 12 %"); ranges: _NO_YEAR."""
    if _HEADING_RANGE_RE.search(label):
        return _NO_YEAR
    m = _LABEL_YEAR_RE.search(label)
    if m and HEADING_YEAR_RE.fullmatch(label, m.start(), m.start() + 4):
        return int(label[m.start() : m.start() + 4])
    return None


def _column_years(header: _Header, row: str, cells: list[int]) -> list[int | None]:
    """The year of each cell's column (``cells``: offsets in ``row``), read from the header."""
    years = header.years
    for sep in ("|", "\t"):
        if sep in header.line and sep in row:
            columns = header.line.split(sep)
            out: list[int | None] = []
            for cell in cells:
                k = row.count(sep, 0, cell)
                found = set() if k >= len(columns) else _years_in(columns[k])
                out.append(found.pop() if len(found) == 1 else None)
            return out
    if len(set(years)) == 1:
        return [years[0]] * len(cells)  # a table heading: "Nøkkeltall 2019"
    if len(cells) == len(years):
        return list(years)
    last_year_end = max(m.end() for m in HEADING_YEAR_RE.finditer(header.line))
    if len(cells) > len(years) and any(c.isalpha() for c in header.line[last_year_end:]):
        # "2017 2018 2019 2020 Snitt Mål": the years are the first columns.
        return [*years, *[None] * (len(cells) - len(years))]
    return [None] * len(cells)


def _years_in(s: str) -> set[int]:
    return {int(y[_HEADING_YEAR]) for y in HEADING_YEAR_RE.finditer(s)}


def _heading_above_blank(doc: Document, blank_start: int) -> int | object | None:
    """A table heading a blank line above the table: short, one year, no figure."""
    for above in _lines_above(doc, blank_start):
        h = doc.text[above.start : above.end].strip()
        if not h:
            continue
        if len(h) > 80 or not _is_row(h) or _FIGURE_IN_LINE_RE.search(h):
            return None
        year = _heading_year(h)
        return year if isinstance(year, int) else None
    return None


def _section_year(
    doc: Document, offset: int, item: ListItem | None, cache: dict[str | None, object]
) -> int | None:
    """The year of the list lead-in (``item``'s), else of the date header, above ``offset``."""
    if item and item.heading:
        if item.heading not in cache:
            cache[item.heading] = _heading_year(item.heading)
        year = cache[item.heading]
        if year is not None:
            return year if isinstance(year, int) else None
    header = doc.section_at(offset)
    if header is None:
        return None
    if header.title not in cache:
        cache[header.title] = _heading_year(header.title)
    year = cache[header.title]
    if year is not None:
        return year if isinstance(year, int) else None
    return header.year


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    figures: list[_Figure] = []
    last_end = -1
    for a, u_end, unit in _iter_units(text):
        if a < last_end:
            continue
        found = _figures_at(text, a, u_end, unit)
        if found:
            figures.extend(f for f in found if abs(f.value) <= MAX_VALUE)
            last_end = found[-1].end
    starts = [f.num_start for f in figures]
    # Years are settled per sentence, because a year in a sentence belongs to its figures.
    cache: dict[str | None, object] = {}
    tables: dict[int, _Row | None] = {}
    date_at = doc.date_at
    i = 0
    while i < len(figures):
        first = figures[i]
        s, e = _line_window(text, first.start, first.end)
        year_near = text.find("20", s, e) != -1 or text.find("19", s, e) != -1
        if year_near:
            # A year near: which sentence it is in matters. (Without one, every figure of
            # the line asks its table or heading, and finding sentences can be skipped.)
            s, e = sentence_bounds(text, first.start, first.end, s, e)
        j = i + 1
        while j < len(figures) and figures[j].start < e:
            j += 1
        group = figures[i:j]
        said_years = (
            _sentence_years(text, group, s, e) if year_near else [_ASK_FURTHER] * len(group)
        )
        for f, said in zip(group, said_years, strict=True):
            year: int | None
            if said is _ASK_FURTHER:
                year = _fallback_year(doc, f, figures, starts, cache, tables)
                if year is not None and _relative_year(text, s, e):
                    # "i fjor" near: only when in the figure's own sentence does it count.
                    fs, fe = sentence_bounds(text, f.start, f.end, s, e)
                    year = None if _relative_year(text, fs, fe) else year
            else:
                year = said if isinstance(said, int) else None
            yield Match("percentage", f.start, f.end, date_at(f.start),
                        {"value": f.value, "unit": f.unit, "year": year})  # fmt: skip
        i = j


def _fallback_year(
    doc: Document,
    f: _Figure,
    figures: list[_Figure],
    starts: list[int],
    cache: dict[str | None, object],
    tables: dict[int, _Row | None],
) -> int | None:
    """Steps 3 and 4: the table the figure is a cell of, else its section.

    ``cache`` keeps each heading's year, ``tables`` each table row (by the row's start).
    """
    text = doc.text
    item = doc.list_item_at(f.start)
    if item is None:
        # The figure's line, if it is short enough to be a table row and ends in cells.
        le = text.find("\n", f.end, f.end + _TABLE_ROW_MAX + 1)
        le = len(text) if le == -1 and len(text) - f.end <= _TABLE_ROW_MAX else le
        if le != -1 and _CELLS_AFTER_RE.fullmatch(text, f.end, le):
            ls = text.rfind("\n", max(0, f.start - _TABLE_ROW_MAX - 1), f.start) + 1
            if ls or f.start <= _TABLE_ROW_MAX:
                if ls not in tables:
                    lo, hi = bisect.bisect_left(starts, ls), bisect.bisect_left(starts, le)
                    cells = sorted({g.num_start for g in figures[lo:hi]})
                    tables[ls] = _table_row(doc, _Line(ls, le), cells, tables)
                row = tables[ls]
                if row is not None:
                    year = row.years[row.cells.index(f.num_start)]
                    if year is not None:  # (None: the table gives no year; ask the section)
                        return year if isinstance(year, int) else None
    return _section_year(doc, f.start, item, cache)
