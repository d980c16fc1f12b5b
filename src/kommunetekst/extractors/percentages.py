"""Percentages and percentage points: ``67,9 prosent``, ``12 %``, ``12,5 pst.``, ``3 prosentpoeng``.

Finds a number (digits with a decimal comma or dot, digits grouped with
spaces, or a number word such as ``fem`` or ``tjuefem``) followed by
``prosent``, ``%`` or ``pst.``; ``prosentpoeng``, ``prosentpoint`` and
``%-poeng`` give ``unit`` ``percentage_point``. The genitive (``en 12
prosents økning``) counts. A range or pair (``10–15 prosent``, ``10 til 15 %``,
``mellom 10 og 15 prosent``) gives two records, one per end; the first one's
evidence is the whole range.

``year`` is the year the figure is for, in this order:

1. a year written right after the figure (``53 prosent i 2017``);
2. else a year elsewhere in the same clause, else in the same sentence
   (``på landsbasis var i 2018 på 67 prosent``; ``Av disse gikk 67 prosent til
   arbeid, på landsbasis var det 51 prosent i 2018`` gives 2018 to both),
   except a year that belongs to a figure it is compared with (``en økning fra
   53 prosent i 2017``: 2017 is the year of 53 only);
3. else the year of the list's lead-in or the section's title
   (``Viktige resultater og innsatser i 2019``);
4. else null. Two different years that could both apply also give null.

A year counts in a sentence when it is introduced as one (``i 2018``, ``fra
2017``, ``per``, ``for``, ``innen``, ``høsten 2019``, a month name, a full
date); ``siden 2016``, ranges (``2019–2020``, ``2019/20``) and ``fra 2017 til
2019`` are periods, not years. A year in a heading counts when it is the only one.
``--year`` is never a figure's year.

Caveats: ``en av fem`` and ``halvparten`` are not read as percentages; nor are
``promille``, ``prosentvis``, ``50-prosentstilling`` or ``PST``. A dash range
whose first end is not below the second (``2019-20 %``) gives nothing. Number
words are read up to ``hundre``; a compound with ``og`` (``hundre og ti``) or
a fraction (``en halv prosent``) gives nothing rather than a wrong value.

Fields: ``value`` (float), ``unit`` (``percent`` or ``percentage_point``),
``year`` (int or null).

Example::

    Av disse gikk 67 prosent til arbeid, på landsbasis var det 51 prosent i 2018.

    {"kind": "percentage", "doc": "-", "line": 1, "span": [14, 24],
     "text": "67 prosent", "date": null, "value": 67.0, "unit": "percent",
     "year": 2018}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..dates import MONTHS
from ..document import Document
from ..numwords import TEENS, TENS, UNITS
from ..records import ExtractorInfo, Match
from ..textutil import DASH_CLASS, DASHES, HSPACE, HSPACE_CLASS, sentence_bounds

INFO = ExtractorInfo(
    name="percentages",
    kind="percentage",
    version="1.0",
    description="Percentages and percentage points, with the year they are for",
    fields={
        "value": "number",
        "unit": "string",
        "year": "integer?",
    },
)

_S = HSPACE_CLASS
P, PP = "percent", "percentage_point"

# numwords' tables, less "ingen" and "ei": "ingen prosent" is not a figure.
_ONES = {w: v for w, v in UNITS.items() if w not in ("ingen", "ei")}
# The ones a ten may end with ("tjuefem"), and the word for 100 alone or after "ett".
_TENS_ONES = {o: ov for o, ov in _ONES.items() if ov and o != "én"}
_HUNDRED = {"hundre": 100, "ett hundre": 100, "eitt hundre": 100}
# Every number word from null to hundre: "tjuefem" = 25 (compounds tens+ones).
NUMBER_WORDS: dict[str, int] = {
    **_ONES, **TEENS, **TENS, **_HUNDRED,
    **{t + o: tv + ov for t, tv in TENS.items() for o, ov in _TENS_ONES.items()},
}  # fmt: skip
# NUMBER_WORDS as a pattern, the tens+ones compounds as a ten then a one: a tenth of the
# alternation of every word, which took ~10 ms to compile, twice. (Plain alternations: the
# regex module compiles them faster than tries.) The words with a space come first, so
# that NUMBER_BEFORE_RE, matching backwards, reads "ett hundre" before "hundre"; otherwise
# at most one word can match where it is tried (the letters back to a non-letter).
_WORD_ALT = "|".join(
    [w.replace(" ", f"{_S}+") for w in _HUNDRED if " " in w]
    + [f"(?:{'|'.join(TENS)})(?:{'|'.join(_TENS_ONES)})?"]
    + [w for w in (*_ONES, *TEENS, *_HUNDRED) if " " not in w]
)

# The number(s) right before a unit, matched backwards from the unit (REVERSE):
# "67,9 ", "1 200 ", "10–15 ", "10 til 15 ", "mellom 10 og 15 ", "tjuefem ".
_DIGITS = rf"(?: \d{{1,3}} (?: [\u00a0\u202f ] \d{{3}} )+ | \d+ ) (?: [.,] \d+ )?"
_NUMBER = rf"""
    (?: (?<! [\p{{L}}\d.,] | \p{{L}}- ) (?: {_DIGITS} )
      | (?<! [\p{{L}}\d] ) (?: {_WORD_ALT} ) )
"""
NUMBER_BEFORE_RE = regex.compile(
    rf"""
    (?: (?P<first> {_NUMBER} ) {_S}*
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
PERCENT_SIGN_RE = re.compile(r"% (?: -? (poeng | point) s? )? (?! \w )", re.VERBOSE)
_LOOKBACK = 60  # characters before a unit searched for its number(s)

# "1 200,5" -> "1200.5": grouping spaces out, decimal comma to a dot (as parse_decimal_comma).
_NUMBER_TRANSLATION = str.maketrans({",": ".", **{c: None for c in HSPACE}})

# A year introduced as one: "i 2018", "fra 2017", "per 31.12.2018", "høsten 2019". Candidates
# are found with str.find ("20", "19"), then the words before are read backwards (REVERSE).
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_NOT_BEFORE_YEAR = frozenset("0123456789,")
YEAR_CUE_BEFORE_RE = regex.compile(
    rf"""
    (?<! \p{{L}} ) (?: i | fra | per | pr\. | for | innen | året | år | høsten | hausten | våren
                     | sommeren | vinteren | utgangen{_S}+av | {_MONTH_ALT} ) {_S}+
  | (?<! [\d.] ) [0-3]?\d \. [01]?\d \.
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# After a year: a range or a period ("2019–2020", "2019/20"), not one year.
_PERIOD_AFTER = rf"{_S}* (?: {DASH_CLASS} | / ) {_S}* \d | {_S}+ til {_S}+ (?:19|20) \d\d"
_YEAR_RANGE_AFTER_RE = regex.compile(_PERIOD_AFTER, regex.VERBOSE | regex.IGNORECASE)
# A year in a heading: any four-digit year that is not part of a range or a longer number.
HEADING_YEAR_RE = regex.compile(
    rf"(?<! [\d.,/] | \d{DASH_CLASS} ) (?P<year> (?:19|20) \d\d ) (?! \d | {_PERIOD_AFTER} )",
    regex.VERBOSE | regex.IGNORECASE,
)
# Right after a figure: "… prosent i 2017", "… % per 2018".
_OWN_YEAR_RE = regex.compile(
    rf"""{_S}+ (?: i (?:{_S}+ året)? | per | pr\. | for ) {_S}+
    (?P<year> (?:19|20) \d\d ) (?! \d | {_PERIOD_AFTER} )""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Before a figure it is compared with: "en økning fra 53 prosent", "mot 45 prosent".
_BASELINE_BEFORE_RE = regex.compile(
    rf"(?<! \p{{L}} ) (?: fra | mot | enn | sammen(?:lign|likn)et{_S}+med ) {_S}+",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_CLAUSE_BREAK_RE = regex.compile(rf"[,;:] (?={_S}) | {_S} [–—] {_S}", regex.VERBOSE)
# A number word that is the tail of a compound we do not read: "hundre og ti", "to og en halv".
_COMPOUND_BEFORE_RE = regex.compile(
    rf"(?: (?<!\p{{L}}) og | hundre | tusen | \d ) {_S}*",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_YEAR_LIKE_RE = regex.compile(r"(?:19|20)\d\d")
# Groups are read by number: by name, the regex module takes several times longer.
_HEADING_YEAR, _OWN_YEAR = HEADING_YEAR_RE.groupindex["year"], _OWN_YEAR_RE.groupindex["year"]


# Sentences are looked for within this many characters of a match: Document.sentence_bounds
# scans from the start of the line, which is quadratic on a long line of many sentences.
_SENTENCE_WINDOW = 400


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


def _parse_number(s: str) -> float:
    """Digits ("67,9", "1 200") or a number word ("tjuefem") as a float."""
    if s.isdigit():
        return float(s)
    if s[0].isdigit():
        if " " not in s and "\u00a0" not in s and "\u202f" not in s:  # no grouping spaces
            return float(s.replace(",", "."))
        return float(s.translate(_NUMBER_TRANSLATION))
    return float(NUMBER_WORDS[" ".join(s.casefold().split())])


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


_G_NUM, _G_FIRST, _G_SIGN, _G_CONN = (
    NUMBER_BEFORE_RE.groupindex[g] for g in ("num", "first", "sign", "conn")
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
    num_text, first_text, sign, conn = m.group(_G_NUM, _G_FIRST, _G_SIGN, _G_CONN)
    start = m.start()
    words = not num_text[0].isdigit() or (first_text is not None and not first_text[0].isdigit())
    if words and _COMPOUND_BEFORE_RE.match(text, max(0, start - 12), start):
        return []  # "hundre og ti prosent": a compound we do not read
    num = _parse_number(num_text)
    if sign == "-" or sign == "\u2212":
        num = -num
    if first_text is None:
        if start and text[start - 1] in _SPACE_OR_DASH and _after_dash(text, start):
            return []  # "2019-20 %" is not 20 percent
        return [_Figure(m.start(_G_SIGN) if sign else m.start(_G_NUM), start, u_end, num, unit)]
    if sign:
        return []
    conn = conn.casefold()
    if conn in ("til", "og", "eller"):
        if _YEAR_LIKE_RE.fullmatch(first_text):
            # "fra 53 prosent i 2017 til 67 prosent": the year is not the first end of a range.
            return [_Figure(m.start(_G_NUM), m.start(_G_NUM), u_end, num, unit)]
        if words and conn != "til":
            return []
    first = _parse_number(first_text)
    if conn not in ("til", "og", "eller") and first >= num:
        return []  # "2019-20 %" is not a range
    return [
        _Figure(m.start(_G_FIRST), start, u_end, first, unit),
        _Figure(m.start(_G_NUM), start, u_end, num, unit),
    ]


def _years(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``(offset, year)`` of every year of ``[s, e)`` introduced as one."""
    out: list[tuple[int, int]] = []
    find = text.find
    for century in ("20", "19"):
        i = find(century, s, e)
        while i != -1:
            if (
                i + 4 <= e
                and text[i + 2 : i + 4].isdigit()
                and not (i + 4 < len(text) and text[i + 4].isdigit())
                and not (i and text[i - 1] in _NOT_BEFORE_YEAR)
                and YEAR_CUE_BEFORE_RE.match(text, max(s, i - 20), i)
                and not _YEAR_RANGE_AFTER_RE.match(text, i + 4, e)
            ):
                out.append((i, int(text[i : i + 4])))
            i = find(century, i + 1, e)
    out.sort()
    return out


def _heading_year(heading: str | None) -> int | None:
    if not heading or ("20" not in heading and "19" not in heading):
        return None  # no year in it
    years = {int(y[_HEADING_YEAR]) for y in HEADING_YEAR_RE.finditer(heading)}
    return years.pop() if len(years) == 1 else None


def _clause_bounds(text: str, s: int, e: int, offset: int) -> tuple[int, int]:
    cs, ce = s, e
    for b in _CLAUSE_BREAK_RE.finditer(text, s, e):
        if b.end() <= offset:
            cs = b.end()
        elif b.start() >= offset:
            ce = b.start()
            break
    return cs, ce


def _assign_years(
    doc: Document, figures: list[_Figure], s: int, e: int, headings: dict[str | None, int | None]
) -> list[int | None]:
    """The year of each figure of one sentence ``[s, e)`` (see the module docstring)."""
    text = doc.text
    years = _years(text, s, e)
    own: list[int | None] = [None] * len(figures)
    if years:
        baseline_at: set[int] = set()
        for k, f in enumerate(figures):
            # _OWN_YEAR_RE begins with a space: without one, no call.
            y = _OWN_YEAR_RE.match(text, f.end, e) if text[f.end : f.end + 1] in _HS else None
            if y:
                own[k] = int(y[_OWN_YEAR])
                if _BASELINE_BEFORE_RE.match(text, max(s, f.num_start - 30), f.num_start):
                    baseline_at.add(y.start(_OWN_YEAR))
        years = [(pos, y) for pos, y in years if pos not in baseline_at]
    in_sentence = {y for _, y in years}
    out: list[int | None] = []
    for f, o in zip(figures, own, strict=True):
        if o:
            out.append(o)
        elif len(in_sentence) == 1:
            out.append(next(iter(in_sentence)))
        elif in_sentence:
            cs, ce = _clause_bounds(text, s, e, f.start)
            in_clause = {y for pos, y in years if cs <= pos < ce}
            out.append(in_clause.pop() if len(in_clause) == 1 else None)
        else:
            heading = doc.heading_at(f.start)
            if heading not in headings:
                headings[heading] = _heading_year(heading)
            out.append(headings[heading])
    return out


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    figures: list[_Figure] = []
    last_end = -1
    for a, u_end, unit in _iter_units(text):
        if a < last_end:
            continue
        found = _figures_at(text, a, u_end, unit)
        if found:
            figures.extend(found)
            last_end = found[-1].end
    # Years are settled per sentence, because a year in a sentence belongs to its figures.
    headings: dict[str | None, int | None] = {}
    date_at = doc.date_at
    i = 0
    while i < len(figures):
        first = figures[i]
        s, e = _line_window(text, first.start, first.end)
        if text.find("20", s, e) != -1 or text.find("19", s, e) != -1:
            # A year near: which sentence it is in matters. (Without one, every figure of
            # the line takes its heading's year, and finding sentences can be skipped.)
            s, e = sentence_bounds(text, first.start, first.end, s, e)
        j = i + 1
        while j < len(figures) and figures[j].start < e:
            j += 1
        group = figures[i:j]
        for f, year in zip(group, _assign_years(doc, group, s, e, headings), strict=True):
            yield Match("percentage", f.start, f.end, date_at(f.start),
                        {"value": f.value, "unit": f.unit, "year": year})
        i = j

