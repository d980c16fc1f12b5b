"""Opening hours: ``kl. 09-15``, ``09-17 hverdager``, ``mandag til fredag kl 8–15.30``.

Finds a time range (``09-15``, ``09 –15``, ``08.00–15.30``, ``08:30 til
11:30``, ``fra kl. 8 til 15.30``, ``mellom 08:00 og 15:30``, ``fra kl 1400 til
1700``) and keeps it only when something says it is a time of day:

- ``kl``/``kl.``/``klokka``/``klokken`` right before it (``kl.10.30-12.00``
  with no space too);
- minutes on either end (``08.00–15.30``, ``8-15.30``), unless both ends also
  read as dates (``16.03 - 20.03``), which then need ``kl``;
- ``åpen``/``åpent``/``ope``/``åpningstid``/``telefontid``/``ekspedisjonstid``
  … right before it (``åpen 10-14``, ``Åpningstiden er 9-15``), or a day
  expression right before or after it (``hverdager 9-15``, ``09-17 hverdager``,
  ``lør 10–14``);
- ``fra``/``mellom`` right before it together with an hour written with a
  leading zero (``mellom 09-17``); ``fra 12 til 15`` alone is too often a count;
- a range that follows another one (``kl. 8–11 og 12–15``).

The two times are joined by a dash (hyphen, the hyphens U+2010–U+2012, en dash,
em dash or minus sign, spaced or not), by ``til`` (``til klokken``), or, after
``mellom``, by ``og`` (``mellom klokka 17.00 og 20.00``). A time is ``H``,
``HH``, ``H.MM``, ``HH:MM`` or four digits (``0900``, ``1545``); four-digit
times are never evidence by themselves, and two that read as years
(``2021-2024``) need ``kl``. Hours run 0–24, minutes 0–59, and ``opens`` must
be before ``closes`` (which may be 24:00). ``text`` is the range with its
``fra``/``mellom``/``kl.``.

``days`` is the day expression as written (whitespace folded; weekdays in full or
abbreviated, ``man.–fre.``, ``Mån. - Fred.``, ``Torsd.``, an abbreviation's dot
kept): the one right before the range (``på hverdager kl. 09 –15``, ``Lørdag/søndag: kl 00-24``),
else the one right after it (``kl. 09-15 mandag til fredag``, ``08:15-11:30,
hver dag``, ``klokken 9–18 i helger``), else that of the range it follows
(``kl. 8–11 og 12–15 på hverdager`` gives both ``hverdager``), else the only
multi-day expression earlier in the sentence (``Mandag til fredag er
sentralbordet åpent fra kl. 8 til 15.30``) when no ``stengt``/``ikke``/``men``
stands in that part of the sentence, else, for a range that starts its line,
the days of the line above when that line is a heading of days
(``Mandag–fredag:`` / ``Laurdag``) or a lead-in with one day expression that
ends in a colon (``Telefonen er åpen på hverdager:``), and the days of a column
of ranges under such a heading; null otherwise. Days right after one range and
before the next (``8–22 kvardagar, 10–17 laurdag og søndag``) are the first
range's.

Caveats: a bare ``N-M`` is not opening hours (``barn 6-16 år``, ``4-7
plasser``, ``25-30 tester``, ``2019-2020``, ``3-1``), nor a range followed by
a unit (``år``, ``uker``, ``plasser``, ``prosent`` …), nor dates (``16.03 -
20.03``), nor a range in a clause that says the place is closed (``stengt kl.
12-13``, ``Det er stengt hver dag mellom 11:30-12:30``, ``Lunsjstengt
11.30–12.00``) unless an opening word comes after it (``Stengt hverdager,
åpent kl 10-14``). ``døgnåpent`` and ``hele døgnet`` give no record: the text
gives no times (``Døgnåpent: kl. 00-24`` does). Not read: ``og`` as a connector
without ``mellom`` (``kl. 10 og 14`` is two times), ranges over midnight
(``kl. 22-06``, ``16.00-08.00``), words between the two times (``fra 08.00 om
morgenen til 15.30``), ``til`` with no space after it (``0900 til1400``),
number words, a bare ``fra 17-19``, and abbreviated days joined by ``og``
(``onsd. og fred.``: only full forms make a list). ``Fred`` without its dot is a
name, not a day. A weekday with a date (``Lørdag 28.
mars``, ``mandag 16.03``) is a date, not ``days``.

Fields: ``opens``, ``closes`` (``HH:MM``), ``days`` (as written, or null).

Example::

    Du møter oss kl. 09-15 mandag til fredag.

    {"kind": "opening_hours", "doc": "-", "line": 1, "span": [13, 22],
     "text": "kl. 09-15", "date": null, "section": null, "opens": "09:00", "closes": "15:00",
     "days": "mandag til fredag"}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..dates import WEEKDAYS
from ..document import Document
from ..records import ExtractorInfo, Match
from ..textutil import (
    DASH_CLASS,
    DASHES,
    HSPACE_CLASS,
    SPACE,
    fold_whitespace,
    sentence_bounds,
)
from ..textutil import SENTENCE_WINDOW as _SENTENCE_WINDOW

INFO = ExtractorInfo(
    name="opening_hours",
    kind="opening_hours",
    version="1.2",
    description="Opening hours: time ranges with the days they apply to",
    fields={
        "opens": "string",
        "closes": "string",
        "days": "string?",
    },
)

_S = HSPACE_CLASS
_KL = r"(?: kl\.? | klokka | klokken )"

# -- finding candidates -----------------------------------------------------------
# A pattern that starts with a digit is slow (digits are everywhere). Ranges are found
# from their connectors instead: "til" by a pattern whose literal the regex module
# finds with a fast string search, the dashes with str.find (a memchr), each then
# checked for the digit before. A range joined by "og" is read only after "mellom"
# ("mellom 08:00 og 15:30"), so it is found from "mellom": " og " after a digit is
# too common a string to scan for.
_TIL_AFTER_DIGIT_RE = regex.compile(r"(?<=\d) til ")
_MELLOM_RE = regex.compile(
    rf"(?<! \p{{L}} ) mellom {_S}+ (?: {_KL} {_S}* )? (?= \d )", regex.VERBOSE | regex.IGNORECASE
)
_S1 = frozenset(SPACE)  # the spaces allowed between a time and its dash


def _time(side: str) -> str:
    """A time: ``H``, ``HH``, ``H.MM``, ``HH:MM``, or four digits (``0830``, ``1545``).

    The hour takes both digits when there are two (``{1,2}+``), so minutes with no
    separator come only after an hour of two digits: ``0830``, never ``830``.
    """
    return rf"(?P<{side}_h> \d{{1,2}}+ ) (?: (?P<{side}_sep> [.:] )? (?P<{side}_m> \d\d ) )?"


# The range, matched at each candidate. Not inside a number, a date or another range:
# no digit, comma, colon or slash before it, nor a digit and a dot ("kl.10.30" is fine).
RANGE_RE = re.compile(
    rf"""
    (?<! [\d,:/] ) (?<! \d \. ) (?<! \d {DASH_CLASS} )
    {_time("opens")}
    (?P<conn>
        {_S}* {DASH_CLASS} {_S}*
      | {_S}+ til {_S}+ (?: {_KL} {_S}* )?
      | {_S}+ og {_S}+ (?: {_KL} {_S}* )?                # only after "mellom": see _ranges
    )
    {_time("closes")}
    (?! \d | [.,:] \d | {DASH_CLASS} \d )
    (?= (?P<comma> , )? {_S}* -? {_S}* (?P<next> % | [^\W\d_]+ ) )?  # next word: a unit or days
    """,
    re.VERBOSE | re.IGNORECASE,
)

# -- days -------------------------------------------------------------------------
# The weekdays as stems before "dag" or "dag(en)": the same words, each "…dagen" tried before
# its "…dag", in half the pattern of the words one by one (it is in _DAYS four times).
_DAGEN = sorted(w[: -len("dagen")] for w in WEEKDAYS if w.endswith("dagen"))
_DAG = sorted(w[: -len("dag")] for w in WEEKDAYS if w.endswith("dag") and w + "en" not in WEEKDAYS)
_WD = f"(?: {' | '.join(_DAGEN)} ) dag (?: en )? | (?: {' | '.join(_DAG)} ) dag"
_WD_FORM = rf"(?: {_WD} ) (?: er | ar | ene | ane )?"
# Abbreviated weekdays, with or without their dot: "man.", "tirs", "Torsd.", "Fred.".
_ABBR_WORDS = (
    "man", "mån", "tirsd", "tirs", "tir", "tysd", "tys", "onsd", "ons", "torsd", "tors", "tor",
    "fred", "fre", "lørd", "lør", "laurd", "lau", "sønd", "søn", "sun",
)  # fmt: skip
_WD_ABBR = rf"(?: {' | '.join(_ABBR_WORDS)} )\.?"
_GROUP = rf"""
    hverdag (?: er | ene | ar | ane )? | kvardag (?: ar | ane )?
  | ukedag (?: er | ene | ar | ane ) | vekedag (?: ar | ane ) | virkedag (?: er | ene )
  | helg (?: er | ene | ar | ane ) | alle {_S}+ dag (?: er | ar | ene | ane )
  | hver {_S}+ dag | kvar {_S}+ dag | daglig | dagleg
"""
# A day expression: "mandag til fredag", "mandag til og med fredag", "man–fre",
# "laurdag og sundag", "lørdag/søndag", "hverdager", "lørdag". An abbreviation alone
# ("man" is also "one") is no day: see _day_text.
_DAYS = rf"""
    (?<! \p{{L}} )
    (?:
        (?P<group> {_GROUP} )
      | (?: (?P<first> {_WD_FORM} ) | (?P<abbr> {_WD_ABBR} ) )
        (?: (?P<span> {_S}* (?: {DASH_CLASS} | {_S} til {_S} (?: og {_S}+ med {_S}+ )? ) {_S}*
                      (?: {_WD_FORM} | {_WD_ABBR} ) )
          | (?P<list> (?: , {_S}* {_WD_FORM} )* {_S}+ (?: og | eller ) {_S}+ {_WD_FORM}
                    | (?: {_S}* / {_S}* (?: {_WD_FORM} | {_WD_ABBR} ) )+ ) )?
    )
    (?! \p{{L}} )
"""
_DAY_GROUPS = ("group", "first", "abbr", "span", "list")
DAYS_RE = regex.compile(_DAYS, regex.VERBOSE | regex.IGNORECASE)
# Groups are read by number: by name, the regex module takes several times longer.
_DAY_NUMS = tuple(DAYS_RE.groupindex[g] for g in _DAY_GROUPS)
# The same read backwards from the end of the word before a range.
DAYS_BEFORE_RE = regex.compile(_DAYS, regex.VERBOSE | regex.IGNORECASE | regex.REVERSE)
# Right after a range: "09-17 hverdager", "kl. 9-15 på hverdager", "08:15-11:30, hver dag",
# "klokken 9–18 i helger" (see _days_after). Not a weekday with a date ("lørdag 28. mars"),
# nor days that lead in the next range ("… lørdag kl. 10-14"): that is what follows days.
_AFTER_LEAD_RE = regex.compile(
    rf",? {_S}+ (?P<prep> på {_S}+ | i {_S}+ | alle {_S}+ (?= hverdag | ukedag | virkedag ) )?",
    regex.VERBOSE | regex.IGNORECASE,
)
_AFTER_DAYS_STOP_RE = regex.compile(
    rf"{_S}* \d | {_S}+ (?: {_KL} | fra | frå | mellom )", regex.VERBOSE | regex.IGNORECASE
)
_PLURAL_DAY_RE = regex.compile(r"(?:er|ar|ene|ane)\Z", regex.IGNORECASE)
_QUANTIFIER_BEFORE_RE = regex.compile(
    rf"(?<! \p{{L}} ) (?: alle | hver | kvar ) {_S}+",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_DIGIT_AFTER_RE = regex.compile(rf"{_S}* \d", regex.VERBOSE)
# Words that may start a day expression (cheap tests before the day patterns run).
_DAY_START = ("man", "mån", "tir", "tys", "ons", "tor", "fre", "lør", "lau", "søn", "sun",
              "hverdag", "kvardag", "ukedag", "vekedag", "virkedag", "helg", "dag")  # fmt: skip
# … and words that may lead in the days after a range ("på hverdager", "i helgene", "hver dag").
_AFTER_WORDS = frozenset({"på", "i", "alle", "hver", "kvar"})
# Those that are days alone before a range ("lør 10–14"): not "man" ("one") nor "tys" ("hush"),
# and "fred" (a name, "peace") only with its dot ("Fred. 10–14").
_ABBR_SET = frozenset(_ABBR_WORDS)
_ABBREVIATIONS = _ABBR_SET - {"man", "mån", "tys", "fred"}
# A line of days over a range or a column of ranges ("Mandag–fredag:", "Laurdag") is short.
_HEADING_MAX = 120
# What may stand before a range that starts its line: spaces and list marks.
_LINE_LEAD = frozenset(SPACE + "•·*-–")

# -- context ----------------------------------------------------------------------
# What stands right before a range, read backwards from it (REVERSE): "kl. ", "fra kl. ",
# "mellom ", and the word before those, which _ranges looks up (a cue such as "åpen", or days).
BEFORE_RE = regex.compile(
    rf"""
    (?: (?<! \p{{L}} ) (?P<word> \p{{L}}+ ) \.? [:,]? {_S}+ )?
    (?: (?<! \p{{L}} ) (?P<lead> fra | frå | mellom ) {_S}+ )?
    (?: (?<! \p{{L}} ) (?P<kl> {_KL} ) {_S}* )?
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_B_WORD, _B_LEAD, _B_KL = (BEFORE_RE.groupindex[g] for g in ("word", "lead", "kl"))
_LOOKBACK = 40
# "kl."/"klokka" right before a range, read backwards (the only thing that makes years times).
_KL_BEFORE_RE = regex.compile(
    rf"(?<! \p{{L}} ) {_KL} {_S}*", regex.VERBOSE | regex.IGNORECASE | regex.REVERSE
)
_WORD_BEFORE_RE = regex.compile(rf"(?<! \p{{L}} ) (\p{{L}}+) {_S}+", regex.VERBOSE | regex.REVERSE)
# Words before a range (or before its "kl."/"fra"/"mellom") that say it is an opening time.
_CUES = frozenset(
    """
    åpen åpent åpne opent ope open opne åpningstid åpningstider åpningstiden åpningstidene
    opningstid opningstider opningstidar opningstida opningstidene opningstidane telefontid
    telefontiden telefontida kontortid kontortiden kontortida besøkstid besøkstiden besøkstider
    ekspedisjonstid ekspedisjonstiden ekspedisjonstida bemannet bemanna betjent
    """.split()
)
_COPULAS = frozenset({"er", "blir"})  # "Åpningstiden er 9-15": the cue is the word before
# A next word that says the numbers count something: "6-16 år", "4-7 plasser", "10-15 prosent".
# Looked up in a set: much cheaper than a pattern with every unit in it.
_UNIT_WORDS = frozenset(
    """
    % år års uke uker ukene veke veker vekene dag dager dagar dagers dagene dagane døgn mnd time
    timer timar timane min sek barn born pst kr kroner nok tusen ganger gonger stk trinn meter km
    cm mm kg gram liter grader poeng mål seier tap nye døde dødsfall ansatte boliger bustader hus
    leiligheter rom senger sider side deltakere deltakarar søkere søkjarar stillinger årsverk
    familier promille
    """.split()
)
_UNIT_PREFIXES = (
    "åring", "måned", "månad", "minutt", "sekund", "plass", "person", "elev", "test", "prøve",
    "prosent", "mill", "klasse", "smitte", "tilfel", "innlagt", "pasient",
)  # fmt: skip
# Between two ranges that share their cue and days: "kl. 8–11 og 12–15".
_JOIN_RE = regex.compile(
    rf"{_S}* (?: , | ; | / | og | samt | eller | \+ )? {_S}*", regex.VERBOSE | regex.IGNORECASE
)
# Words that say a sentence's days are not the opening days: "Stengt hverdager, åpent kl 10-14".
_NEGATION_RE = regex.compile(
    r"(?<!\p{L})(?:stengt|stengd|stenger|ikke|ikkje|unntatt|bortsett|utenom|men)(?!\p{L})",
    regex.IGNORECASE,
)
# -- closed hours -----------------------------------------------------------------
# A range in a clause that says the place is closed is when it is closed: "stengt kl. 12-13",
# "Det er stengt hver dag mellom 11:30-12:30", "lunsjstengt 11.30–12.00". The clause runs
# back to a comma, a bracket, a sentence end or a line, or to "men"/"ellers"; an opening word
# after the closing one reopens it ("Stengt hverdager, åpent kl 10-14").
_CLAUSE_TOKEN_RE = re.compile(r"[^\W\d_]+|[,;!?()\n]|\.(?=\s)")
_CLOSED = frozenset({"stengt", "stengd", "stenger", "stengjer", "stengte", "lukket", "lukka"})
_CLOSED_ENDINGS = ("stengt", "stengd")  # "lunsjstengt", "sommarstengd"
_REOPEN = _CUES | {"åpner", "åpnes", "opnar", "opnast", "men", "ellers"}
_CLAUSE_LOOKBACK = 100


# "HH:MM" of every time a range may have, looked up rather than formatted for each range.
_HH_MM = [[f"{h:02d}:{m:02d}" for m in range(60)] for h in range(25)]


class _Range(NamedTuple):
    start: int  # evidence start (fra/mellom/kl. included)
    end: int
    opens: str
    closes: str
    days: str | None
    days_after_end: int  # where the days right after the range end, -1 when none


def _time_start(text: str, j: int) -> int:
    """Start of the time ``H``, ``HH``, ``H.MM``, ``HH:MM`` or ``HHMM`` that ends at ``j``."""
    if j >= 3 and text[j - 1].isdigit() and text[j - 2] in ".:" and text[j - 3].isdigit():
        j -= 3
        return j - 1 if j >= 1 and text[j - 1].isdigit() else j
    k = j
    while k > 0 and j - k < 3 and text[k - 1].isdigit():
        k -= 1
    return k


def _candidates(text: str) -> list[int]:
    """Sorted offsets where a range may start: a time before a dash, "til" or after "mellom"."""
    # The regex module's \d takes in every digit RANGE_RE's (stdlib) \d does: a candidate
    # it adds does not start a range.
    out = [_time_start(text, m.start() - 1) for m in _TIL_AFTER_DIGIT_RE.finditer(text)]
    out += [m.end() for m in _MELLOM_RE.finditer(text)]
    find = text.find
    for dash in DASHES:
        i = find(dash)
        while i != -1:
            # A digit (RANGE_RE's \d: str.isdecimal) right before the dash or before one or
            # two spaces before it.
            j = i - 1
            if j > 0 and text[j] in _S1:
                j -= 1
                if j > 0 and text[j] in _S1:
                    j -= 1
            if j >= 0 and text[j].isdecimal():
                out.append(_time_start(text, j))
            i = find(dash, i + 1)
    return sorted(set(out))


def _is_day_month(t: tuple[int, int]) -> bool:
    return 1 <= t[0] <= 31 and 1 <= t[1] <= 12


def _is_year(t: tuple[int, int]) -> bool:
    return 1900 <= t[0] * 100 + t[1] <= 2099


def _day_text(d: regex.Match[str] | None) -> str | None:
    """The days a match of ``_DAYS`` gives, as written. None for a lone "man"."""
    if d is None:
        return None
    group, first, _abbr, span, lst = d.group(*_DAY_NUMS)
    if not (group or first or span or lst):
        return None
    return fold_whitespace(d[0])


def _days_after(text: str, end: int) -> tuple[str | None, int]:
    """The days right after a range that ends at ``end``, as written, and where they end.

    What ``,? {_S}+ (?: på {_S}+ | i {_S}+ | alle {_S}+ (?=hverdag|…) )? (?>(?P<days> _DAYS ))
    (?! stop )`` gives, without a third compile of _DAYS: the spaces take all there are (days
    begin with a letter), and where the days after "på"/"i"/"alle" fail, the pattern's last
    try is days right after the spaces.
    """
    lead = _AFTER_LEAD_RE.match(text, end)
    if lead is None:
        return None, -1
    prep = lead.start("prep")
    for pos in (lead.end(),) if prep == -1 else (lead.end(), prep):
        d = DAYS_RE.match(text, pos)
        if d is not None and not _AFTER_DAYS_STOP_RE.match(text, d.end()):
            days = _day_text(d)
            return (days, d.end()) if days else (None, -1)
    return None, -1


def _is_multi_day(d: regex.Match[str]) -> bool:
    group, first, _abbr, span, lst = d.group(*_DAY_NUMS)
    return bool(group or span or lst or (first and _PLURAL_DAY_RE.search(first)))


def _iter_days(text: str, s: int, e: int) -> Iterator[regex.Match[str]]:
    """Full-form day expressions in ``[s, e)``, tried only at words with "dag" or "helg" in them.

    A weekday followed by a number is a date ("Lørdag 28. mars", "mandag 16.03") and is skipped.
    """
    starts = set()
    for needle in ("dag", "elg"):
        i = text.find(needle, s, e)
        while i != -1:
            k = i + 3
            while k < e and text[k].isalpha():
                k += 1
            if not _DIGIT_AFTER_RE.match(text, k, e):
                j = i
                while j > s and text[j - 1].isalpha():
                    j -= 1
                q = _QUANTIFIER_BEFORE_RE.match(text, max(s, j - 8), j)  # "alle dager", "hver dag"
                starts.add(q.start() if q else j)
            i = text.find(needle, k, e)
    last = s
    for j in sorted(starts):
        if j >= last:
            d = DAYS_RE.match(text, j, e)
            if d and _day_text(d) and not _DIGIT_AFTER_RE.match(text, d.end(), e):
                last = d.end()
                yield d


def _sentence_days(doc: Document, start: int, prev_end: int) -> str | None:
    """The only multi-day expression of the sentence before ``start``, if nothing negates it."""
    text = doc.text
    lo = max(0, start - _SENTENCE_WINDOW, prev_end)
    nl = text.rfind("\n", lo, start)
    lo = lo if nl == -1 else nl + 1
    if text.find("dag", lo, start) == -1 and text.find("elg", lo, start) == -1:
        return None  # every multi-day expression has "dag" or "helg" in it
    found = list(_iter_days(text, lo, start))
    if not any(_is_multi_day(d) for d in found):
        return None
    hi = min(len(text), start + _SENTENCE_WINDOW)
    le = text.find("\n", start, hi)
    s = sentence_bounds(text, start, start, lo, hi if le == -1 else le)[0]
    found = [d for d in found if d.start() >= s]
    if len(found) != 1 or not _is_multi_day(found[0]) or _NEGATION_RE.search(text, s, start):
        return None
    return fold_whitespace(found[0][0])


def _heading_days(text: str, s: int, e: int) -> str | None:
    """The days a line ``[s, e)`` gives the ranges under it, else None.

    The line is days ("Mandag–fredag:", "Laurdag", "Lørdag/søndag"), or a lead-in that ends
    in a colon and holds one day expression ("Telefonen er åpen på hverdager:").
    """
    if e - s > _HEADING_MAX:
        return None
    line = text[s:e].strip()
    colon = line.endswith(":")
    d = DAYS_RE.fullmatch(line[:-1].rstrip() if colon else line)
    if d is not None:
        return _day_text(d)
    if colon and not _NEGATION_RE.search(line):
        found = list(_iter_days(text, s, e))
        if len(found) == 1:
            return fold_whitespace(found[0][0])
    return None


def _days_above(text: str, start: int, above: dict[int, str]) -> tuple[str | None, int]:
    """The days of the line above a range that starts its line (blank lines skipped), and
    the start of the range's line; ``(None, -1)`` when there are none.

    ``above`` maps the start of each line whose range took the days above it to those days:
    a range on the next line takes them too ("Laurdag\\n10:00 - 11:00\\n11:00 - 14:00").
    """
    line_start = start
    while line_start > 0 and text[line_start - 1] in _LINE_LEAD:
        line_start -= 1
    if line_start == 0 or text[line_start - 1] != "\n":
        return None, -1
    end = line_start - 1  # the newline that ends the line above
    while True:
        lo = max(0, end - _HEADING_MAX - 1)
        nl = text.rfind("\n", lo, end)
        if nl == -1 and lo > 0:
            return None, -1  # a line longer than any heading
        above_start = nl + 1
        if not text[above_start:end].isspace() and above_start < end:
            break
        if nl == -1:
            return None, -1
        end = nl
    days = above.get(above_start) or _heading_days(text, above_start, end)
    return (days, line_start) if days else (None, -1)


def _is_closed(text: str, start: int) -> bool:
    """Whether the clause before ``start`` says the place is closed (see _CLOSED)."""
    nl = text.rfind("\n", max(0, start - _CLAUSE_LOOKBACK), start)
    lo = max(0, start - _CLAUSE_LOOKBACK) if nl == -1 else nl + 1
    before = text[lo:start].casefold()
    if "steng" not in before and "lukk" not in before:
        return False  # every closing word has one of them in it
    for word in reversed(_CLAUSE_TOKEN_RE.findall(before)):
        if not word.isalpha():
            return False  # the clause starts here
        if word in _CLOSED or word.endswith(_CLOSED_ENDINGS) or word.startswith("stengetid"):
            return True
        if word in _REOPEN:
            return False
    return False


def _context_before(text: str, rs: int) -> tuple[int, bool, str | None, int, str, bool]:
    """What stands before the range at ``rs``: ``(start, cue, days, days_start, lead, kl)``.

    ``start`` includes "fra"/"mellom"/"kl."; ``cue`` says an opening word ("åpen",
    "telefontid") stands before it; ``days`` start at ``days_start``; ``lead`` is "fra",
    "frå", "mellom" or ""; ``kl`` says "kl."/"klokka" stands right before it.
    """
    b = BEFORE_RE.match(text, max(0, rs - _LOOKBACK), rs)
    if b is None:
        return rs, False, None, -1, "", False
    word, lead, kl = b.group(_B_WORD, _B_LEAD, _B_KL)
    start = b.start(_B_LEAD) if lead else (b.start(_B_KL) if kl else rs)
    cue = False
    days = None
    days_start = -1
    if word:
        w = word.casefold()
        ws, we = b.span(_B_WORD)
        if w in _COPULAS:
            wb = _WORD_BEFORE_RE.match(text, max(0, ws - 20), ws)
            w = wb[1].casefold() if wb else w
        if w in _CUES:
            cue = True
        elif w.startswith(_DAY_START):
            d = DAYS_BEFORE_RE.match(text, max(0, we - 40), we)
            days = _day_text(d)
            if d is not None:
                days_start = d.start()
                if days and text[we] == "." and w in _ABBR_SET:
                    days += "."  # "Mån. - Fred. kl. 8-14": the abbreviation's dot
            if days is None and (w in _ABBREVIATIONS or (w == "fred" and text[we] == ".")):
                # "lør 10–14"
                days, days_start = text[ws : we + (text[we] == ".")], ws
    return start, cue, days, days_start, lead.casefold() if lead else "", bool(kl)


def _ranges(doc: Document) -> list[_Range]:
    text = doc.text
    out: list[_Range] = []
    chain_start = 0  # index in ``out`` of the first range of the current "kl. 8–11 og 12–15" chain
    seen_end = -1
    closed_end = -1  # end of the last range of a closed clause ("stengt kl. 11-12 og 14-15")
    above: dict[int, str] = {}  # see _days_above
    match = RANGE_RE.match
    for cand in _candidates(text):
        if cand < seen_end:
            continue
        m = match(text, cand)
        if m is None:
            continue
        r_end = seen_end = m.end()
        oh, osep, om, conn, ch, csep, cm, comma, next_word = m.group(
            "opens_h", "opens_sep", "opens_m", "conn", "closes_h", "closes_sep", "closes_m",
            "comma", "next",
        )  # fmt: skip
        o = (int(oh), int(om) if om else 0)
        c = (int(ch), int(cm) if cm else 0)
        if o[0] > 24 or o[1] > 59 or c[0] > 24 or c[1] > 59 or not o < c <= (24, 0):
            continue
        four_digits = om and not osep and cm and not csep
        if (
            four_digits and _is_year(o) and _is_year(c)
            and "kl" not in conn.casefold()
            and not _KL_BEFORE_RE.match(text, max(0, cand - 10), cand)
        ):  # fmt: skip
            continue  # both ends read as years ("2021-2024", "fra 2017 til 2018") and no "kl."
        next_word = next_word.casefold() if next_word else ""
        if not comma and (next_word in _UNIT_WORDS or next_word.startswith(_UNIT_PREFIXES)):
            continue
        start, cue, days_before, days_start, lead, kl = _context_before(text, cand)
        conn = conn.strip().casefold()
        if conn.startswith("og") and lead != "mellom":
            continue  # "kl. 10 og 14" is two times
        prev = out[-1] if out else None
        joined = (
            prev is not None
            and start - prev.end < 12
            and _JOIN_RE.fullmatch(text, prev.end, start) is not None
        )
        if days_before and prev is not None and days_start < prev.days_after_end:
            days_before = None  # "8–22 kvardagar, 10–17 …": the days of the range before
        days_after, days_after_end = None, -1
        if next_word.startswith(_DAY_START) or next_word in _AFTER_WORDS:
            days_after, days_after_end = _days_after(text, r_end)
        kl = kl or "kl" in conn
        days_above, line_start = None, -1
        if osep == csep == "." and _is_day_month(o) and _is_day_month(c):
            ok = kl  # both ends read as dates ("16.03-20.03"): only "kl." makes them times
        else:
            ok = bool(
                kl or (osep and om) or (csep and cm) or cue or days_before or days_after or joined
                or (lead and len(oh) == 2 and oh[0] == "0")
            )  # fmt: skip
            if not ok:  # "Mandag–fredag:\n09-15": the days of the line above say it too
                days_above, line_start = _days_above(text, start, above)
                ok = days_above is not None
        if not ok:
            continue
        # An opening word right before the range ("åpent kl. 9-15") leaves the clause open.
        if (not cue and _is_closed(text, start)) or (
            closed_end >= 0
            and start - closed_end < 12
            and _JOIN_RE.fullmatch(text, closed_end, start) is not None
        ):
            closed_end = r_end
            continue
        if not joined:
            chain_start = len(out)
        days = days_before or days_after
        if days is None and joined and prev is not None:
            days = prev.days
        if days is None:
            days = _sentence_days(doc, start, prev.end if prev else 0)
        if days is None and line_start == -1:
            days_above, line_start = _days_above(text, start, above)
        if days is None and days_above is not None:
            days = above[line_start] = days_above
        if days_after and joined:
            # "kl. 8–11 og 12–15 på hverdager": the days after the last range are the chain's.
            for k in range(chain_start, len(out)):
                if out[k].days is None:
                    out[k] = out[k]._replace(days=days_after)
        hh_mm_o, hh_mm_c = _HH_MM[o[0]][o[1]], _HH_MM[c[0]][c[1]]
        out.append(_Range(start, r_end, hh_mm_o, hh_mm_c, days, days_after_end))
    return out


def extract(doc: Document) -> Iterator[Match]:
    date_at = doc.date_at
    for r in _ranges(doc):
        fields = {"opens": r.opens, "closes": r.closes, "days": r.days}
        yield Match("opening_hours", r.start, r.end, date_at(r.start), fields)
