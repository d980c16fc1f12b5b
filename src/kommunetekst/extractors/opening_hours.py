"""Opening hours: ``kl. 09-15``, ``09-17 hverdager``, ``mandag til fredag kl 8–15.30``.

Finds a time range (``09-15``, ``09 –15``, ``08.00–15.30``, ``08:30 til
11:30``, ``fra kl. 8 til 15.30``) and keeps it only when something says it is
a time of day:

- ``kl``/``kl.``/``klokka``/``klokken`` right before it;
- minutes on either end (``08.00–15.30``, ``8-15.30``), unless both ends also
  read as dates (``16.03 - 20.03``), which then need ``kl``;
- ``åpen``/``åpent``/``ope``/``åpningstid``/``telefontid`` right before it
  (``åpen 10-14``, ``Åpningstiden er 9-15``), or a day expression right before
  or after it (``hverdager 9-15``, ``09-17 hverdager``, ``lør 10–14``);
- ``fra``/``mellom`` right before it together with an hour written with a
  leading zero (``mellom 09-17``); ``fra 12 til 15`` alone is too often a count;
- a range that follows another one (``kl. 8–11 og 12–15``).

Hours run 0–24, minutes 0–59, and ``opens`` must be before ``closes`` (which
may be 24:00). ``text`` is the range with its ``fra``/``mellom``/``kl.``.

``days`` is the day expression as written (whitespace folded): the one right
before the range (``på hverdager kl. 09 –15``), else the one right after it
(``kl. 09-15 mandag til fredag``), else that of the range it follows
(``kl. 8–11 og 12–15 på hverdager`` gives both ``hverdager``), else the only
multi-day expression earlier in the sentence (``Mandag til fredag er
sentralbordet åpent fra kl. 8 til 15.30``) when no ``stengt``/``ikke``/``men``
stands in that part of the sentence; null otherwise.

Caveats: a bare ``N-M`` is not opening hours (``barn 6-16 år``, ``4-7
plasser``, ``25-30 tester``, ``2019-2020``, ``3-1``), nor a range followed by
a unit (``år``, ``uker``, ``plasser``, ``prosent`` …), nor dates (``16.03 -
20.03``), nor a range right after ``stengt`` (``stengt kl. 12-13`` is when a
place is closed). Not read, to keep the scan fast: ``mellom kl. 10 og 14``
(``og`` as a connector) and ranges joined by an em dash, a minus sign or the
hyphens U+2010–U+2012. Ranges over midnight (``kl. 22-06``) are not read. A
weekday with a date (``Lørdag 28. mars``, ``mandag 16.03``) is a date, not
``days``.

Fields: ``opens``, ``closes`` (``HH:MM``), ``days`` (as written, or null).

Example::

    Du møter oss kl. 09-15 mandag til fredag.

    {"kind": "opening_hours", "doc": "-", "line": 1, "span": [13, 22],
     "text": "kl. 09-15", "date": null, "opens": "09:00", "closes": "15:00",
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
from ..textutil import DASH_CLASS, HSPACE_CLASS, fold_whitespace, sentence_bounds

INFO = ExtractorInfo(
    name="opening_hours",
    kind="opening_hours",
    version="1.0",
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
# from their connectors instead: " til " by a pattern whose literal the regex module
# finds with a fast string search, the dashes with str.find (a memchr), each then
# checked for the digit before. Every scan costs about as much as the rest of the
# work, which is why rarer connectors get none (see Caveats).
_TIL_AFTER_DIGIT_RE = regex.compile(r"(?<=\d) til ")
_S1 = frozenset(" \t\u00a0\u202f")  # the spaces allowed between a time and its dash

# The range, matched at each candidate (stdlib re: its groups are cheap to read).
RANGE_RE = re.compile(
    rf"""
    (?<! [\d.,:/] ) (?<! \d{DASH_CLASS} )
    (\d{{1,2}}) (?: ([.:]) (\d\d) )?               # opens: hour, separator, minutes
    ( {_S}* {DASH_CLASS} {_S}* | {_S}+ til {_S}+ (?: {_KL} {_S}* )? )    # connector
    (\d{{1,2}}) (?: ([.:]) (\d\d) )?               # closes: hour, separator, minutes
    (?! \d | [.,:] \d | {DASH_CLASS} \d )
    (?= {_S}* -? {_S}* ( % | [^\W\d_]+ ) )?         # the next word: a unit or days
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
_WD_ABBR = r"(?: man | mån | tirs | tir | tys | ons | tors | tor | fre | lør | lau | søn | sun )\.?"
_GROUP = rf"""
    hverdag (?: er | ene | ar | ane )? | kvardag (?: ar | ane )?
  | ukedag (?: er | ene | ar | ane ) | vekedag (?: ar | ane ) | virkedag (?: er | ene )
  | helg (?: er | ene | ar | ane ) | alle {_S}+ dag (?: er | ar | ene | ane )
  | hver {_S}+ dag | kvar {_S}+ dag | daglig | dagleg
"""
# A day expression: "mandag til fredag", "man–fre", "laurdag og sundag", "hverdager",
# "lørdag". An abbreviation alone ("man" is also "one") is no day: see _day_text.
_DAYS = rf"""
    (?<! \p{{L}} )
    (?:
        (?P<group> {_GROUP} )
      | (?: (?P<first> {_WD_FORM} ) | (?P<abbr> {_WD_ABBR} ) )
        (?: (?P<span> {_S}* (?: {DASH_CLASS} | {_S} til {_S} ) {_S}* (?: {_WD_FORM} | {_WD_ABBR} ) )
          | (?P<list> (?: , {_S}* {_WD_FORM} )* {_S}+ (?: og | eller ) {_S}+ {_WD_FORM} ) )?
    )
    (?! \p{{L}} )
"""
_DAY_GROUPS = ("group", "first", "abbr", "span", "list")
DAYS_RE = regex.compile(_DAYS, regex.VERBOSE | regex.IGNORECASE)
# Groups are read by number: by name, the regex module takes several times longer.
_DAY_NUMS = tuple(DAYS_RE.groupindex[g] for g in _DAY_GROUPS)
# The same read backwards from the end of the word before a range.
DAYS_BEFORE_RE = regex.compile(_DAYS, regex.VERBOSE | regex.IGNORECASE | regex.REVERSE)
# Right after a range: "09-17 hverdager", "kl. 9-15 på hverdager" (see _days_after). Not a
# weekday with a date ("lørdag 28. mars"), nor days that lead in the next range ("… lørdag
# kl. 10-14"): that is what follows days.
_AFTER_LEAD_RE = regex.compile(
    rf"{_S}+ ( på {_S}+ | alle {_S}+ (?= hverdag | ukedag | virkedag ) )?",
    regex.VERBOSE | regex.IGNORECASE,
)
_AFTER_DAYS_STOP_RE = regex.compile(
    rf"{_S}* \d | {_S}+ (?: {_KL} | fra | mellom )", regex.VERBOSE | regex.IGNORECASE
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
_AFTER_START = (*_DAY_START, "hver", "kvar", "alle", "på")
_ABBREVIATIONS = frozenset({"tirs", "tir", "ons", "tors", "tor", "fre", "lør", "lau", "søn", "sun"})

# -- context ----------------------------------------------------------------------
# What stands right before a range, read backwards from it (REVERSE): "kl. ", "fra kl. ",
# "mellom ", and the word before those, which _ranges looks up (a cue such as "åpen", or days).
BEFORE_RE = regex.compile(
    rf"""
    (?: (?<! \p{{L}} ) (?P<word> \p{{L}}+ ) \.? [:,]? {_S}+ )?
    (?: (?<! \p{{L}} ) (?P<fra> fra | mellom ) {_S}+ )?
    (?: (?<! \p{{L}} ) (?P<kl> {_KL} ) {_S}* )?
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
_B_WORD, _B_FRA, _B_KL = (BEFORE_RE.groupindex[g] for g in ("word", "fra", "kl"))
_LOOKBACK = 40
_WORD_BEFORE_RE = regex.compile(rf"(?<! \p{{L}} ) (\p{{L}}+) {_S}+", regex.VERBOSE | regex.REVERSE)
# Words before a range (or before its "kl."/"fra"/"mellom") that say it is an opening time.
_CUES = frozenset(
    """
    åpen åpent åpne opent ope open opne åpningstid åpningstider åpningstiden åpningstidene
    opningstid opningstider opningstidar opningstida opningstidene opningstidane telefontid
    telefontiden telefontida kontortid kontortiden kontortida besøkstid besøkstiden besøkstider
    """.split()
)
# … and words that say it is a closing time: "stengt kl. 12-13".
_CLOSED = frozenset({"stengt", "stengd", "stenger", "stengjer", "lukket", "lukka", "stengetid"})
_COPULAS = frozenset({"er", "blir"})  # "Åpningstiden er 9-15": the cue is the word before
# A next word that says the numbers count something: "6-16 år", "4-7 plasser", "10-15 prosent".
# Looked up in a set: much cheaper than a pattern with every unit in it.
_UNIT_WORDS = frozenset(
    """
    % år års uke uker ukene veke veker vekene dag dager dagar dagers dagene dagane døgn mnd time
    timer timar timane min sek barn born pst kr kroner nok tusen ganger gonger stk trinn meter km
    cm mm kg gram liter grader poeng mål seier tap nye døde dødsfall ansatte boliger bustader hus
    leiligheter rom senger sider side deltakere deltakarar søkere søkjarar stillinger årsverk
    familier
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
# Sentences are looked for within this many characters of a range: Document.sentence_bounds
# scans from the start of the line, which is quadratic on a long line of many sentences.
_SENTENCE_WINDOW = 400


# "HH:MM" of every time a range may have, looked up rather than formatted for each range.
_HH_MM = [[f"{h:02d}:{m:02d}" for m in range(60)] for h in range(25)]


class _Range(NamedTuple):
    start: int  # evidence start (fra/mellom/kl. included)
    end: int
    opens: str
    closes: str
    days: str | None


def _time_start(text: str, j: int) -> int:
    """Start of the time ``H``, ``HH``, ``H.MM`` or ``HH:MM`` whose last digit is at ``j``."""
    if j >= 3 and text[j - 1].isdigit() and text[j - 2] in ".:" and text[j - 3].isdigit():
        j -= 3
    if j >= 1 and text[j - 1].isdigit():
        j -= 1
    return j


def _candidates(text: str) -> list[int]:
    """Sorted offsets where a range may start: a time right before a dash or " til "."""
    # The regex module's \d takes in every digit RANGE_RE's (stdlib) \d does: a candidate
    # it adds does not start a range.
    out = [_time_start(text, m.start() - 1) for m in _TIL_AFTER_DIGIT_RE.finditer(text)]
    find = text.find
    for dash in ("-", "\u2013"):
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


def _day_text(d: regex.Match[str] | None) -> str | None:
    """The days a match of ``_DAYS`` gives, as written. None for a lone "man"."""
    if d is None:
        return None
    group, first, _abbr, span, lst = d.group(*_DAY_NUMS)
    if not (group or first or span or lst):
        return None
    return fold_whitespace(d[0])


def _days_after(text: str, end: int) -> str | None:
    """The days right after a range that ends at ``end``, as written, else None.

    What ``{_S}+ (?: på {_S}+ | alle {_S}+ (?=hverdag|…) )? (?>(?P<days> _DAYS )) (?! stop )``
    gives, without a third compile of _DAYS: the spaces take all there are (days begin
    with a letter), and where the days after "på"/"alle" fail, the pattern's last try is
    days right after the spaces.
    """
    lead = _AFTER_LEAD_RE.match(text, end)
    if lead is None:
        return None
    for pos in (lead.end(),) if lead[1] is None else (lead.end(), lead.start(1)):
        d = DAYS_RE.match(text, pos)
        if d is not None and not _AFTER_DAYS_STOP_RE.match(text, d.end()):
            return _day_text(d)
    return None


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


def _context_before(text: str, rs: int) -> tuple[int, str | None, str | None, bool, bool] | None:
    """What stands before the range at ``rs``: ``(start, cue, days, fra, kl)``, None when closed.

    ``start`` includes "fra"/"mellom"/"kl."; ``fra`` is True for a leading "fra"/"mellom".
    """
    b = BEFORE_RE.match(text, max(0, rs - _LOOKBACK), rs)
    if b is None:
        return rs, None, None, False, False
    word, fra, kl = b.group(_B_WORD, _B_FRA, _B_KL)
    start = b.start(_B_FRA) if fra else (b.start(_B_KL) if kl else rs)
    cue = days = None
    if word:
        w = word.casefold()
        ws, we = b.span(_B_WORD)
        if w in _COPULAS:
            wb = _WORD_BEFORE_RE.match(text, max(0, ws - 20), ws)
            w = wb[1].casefold() if wb else w
        if w in _CLOSED:
            return None
        if w in _CUES:
            cue = w
        elif w.startswith(_DAY_START):
            days = _day_text(DAYS_BEFORE_RE.match(text, max(0, we - 40), we))
            if days is None and w in _ABBREVIATIONS:  # "lør 10–14"
                days = text[ws : we + (text[we] == ".")]
    return start, cue, days, bool(fra), bool(kl)


def _ranges(doc: Document) -> list[_Range]:
    text = doc.text
    out: list[_Range] = []
    chain_start = 0  # index in ``out`` of the first range of the current "kl. 8–11 og 12–15" chain
    seen_end = -1
    match = RANGE_RE.match
    for cand in _candidates(text):
        if cand < seen_end:
            continue
        m = match(text, cand)
        if m is None:
            continue
        r_end = seen_end = m.end()
        oh, osep, om, conn, ch, csep, cm, next_word = m.groups()
        o = (int(oh), int(om) if om else 0)
        c = (int(ch), int(cm) if cm else 0)
        if o[0] > 24 or o[1] > 59 or c[0] > 24 or c[1] > 59 or not o < c <= (24, 0):
            continue
        next_word = next_word.casefold() if next_word else ""
        if next_word in _UNIT_WORDS or next_word.startswith(_UNIT_PREFIXES):
            continue
        context = _context_before(text, cand)
        if context is None:
            continue  # "stengt kl. 12-13"
        start, cue, days_before, fra, kl = context
        days_after = None
        if next_word.startswith(_AFTER_START):
            days_after = _days_after(text, r_end)
        prev = out[-1] if out else None
        joined = (
            prev is not None
            and start - prev.end < 12
            and _JOIN_RE.fullmatch(text, prev.end, start) is not None
        )
        kl = kl or "kl" in conn.casefold()
        if osep == csep == "." and _is_day_month(o) and _is_day_month(c):
            ok = kl  # both ends read as dates ("16.03-20.03"): only "kl." makes them times
        else:
            ok = bool(
                kl or om or cm or cue or days_before or days_after or joined
                or (fra and len(oh) == 2 and oh[0] == "0")
            )  # fmt: skip
        if not ok:
            continue
        if not joined:
            chain_start = len(out)
        days = days_before or days_after
        if days is None and joined and prev is not None:
            days = prev.days
        if days is None:
            days = _sentence_days(doc, start, prev.end if prev else 0)
        if days_after and joined:
            # "kl. 8–11 og 12–15 på hverdager": the days after the last range are the chain's.
            for k in range(chain_start, len(out)):
                if out[k].days is None:
                    out[k] = out[k]._replace(days=days_after)
        out.append(_Range(start, r_end, _HH_MM[o[0]][o[1]], _HH_MM[c[0]][c[1]], days))
    return out


def extract(doc: Document) -> Iterator[Match]:
    date_at = doc.date_at
    for r in _ranges(doc):
        fields = {"opens": r.opens, "closes": r.closes, "days": r.days}
        yield Match("opening_hours", r.start, r.end, date_at(r.start), fields)
