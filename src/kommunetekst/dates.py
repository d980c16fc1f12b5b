"""Norwegian dates: month and weekday names, parsing, and the date headers of news logs.

Date headers are part of the document model (every record takes its section's
date from them), so they are found here once; the ``date_header`` extractor only
emits what this module finds, and its docstring says which lines are headers.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .textutil import HSPACE, HSPACE_CLASS, SPACE_CLASS

# Bokmål and nynorsk month names and their usual abbreviations.
MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1,
    "februar": 2, "feb": 2, "febr": 2,
    "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "desember": 12, "des": 12,
}  # fmt: skip

# Monday is 0, as in datetime.weekday().
WEEKDAYS: dict[str, int] = {
    "mandag": 0, "måndag": 0, "mandagen": 0,
    "tirsdag": 1, "tysdag": 1, "tirsdagen": 1,
    "onsdag": 2, "onsdagen": 2,
    "torsdag": 3, "torsdagen": 3,
    "fredag": 4, "fredagen": 4,
    "lørdag": 5, "laurdag": 5, "lørdagen": 5,
    "søndag": 6, "sundag": 6, "søndagen": 6,
}  # fmt: skip

#: The month and weekday names as regex alternatives, longest first ("januar" before "jan").
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_S = HSPACE_CLASS

# A date at the start of a line, in the forms news logs use. Named groups:
# numeric d.m.y, or day + month name (+ year), optionally after a weekday; then
# an optional time, the separator and the title.
# Stdlib re: it matches this pattern about twice as fast as the regex module.
# The lookahead before the weekday (their first letters) spares numeric dates a
# try of every case-folded weekday name. Optional parts that hold groups are written
# ``(?:X|)``, not ``(?:X)?``: the same match (X first, then nothing), without the
# engine's repeat bookkeeping (about 15 % of the time of a header line).
HEADER_RE = re.compile(
    rf"""
    ^ {_S}*
    (?P<date_text>
        (?: (?=[mtofls]) (?P<weekday> {WEEKDAY_ALT} ) ,? {_S}+ | )
        (?:
            (?P<nd> [0-3]?\d ) \. (?P<nm> [01]?\d ) \. (?P<ny> (?:19|20)\d\d | \d\d ) (?! [\d.]\d )
          | (?P<td> [0-3]?\d ) \. {_S}* (?P<tm> {MONTH_ALT} ) \.?
            (?: {_S}+ (?P<ty> (?:19|20)\d\d ) | )
            # Day and month only after a weekday ("tirsdag 24.3.", "Lørdag 24/10",
            # "Fredag 13/3/2020"): alone, "1.2." is as likely a section number, "10.44" a
            # time and "24/7" a fraction or "all the time".
          | (?(weekday)
                (?P<sd> [0-3]?\d ) [./] (?P<sm> [01]?\d )
                (?: / (?P<sy> (?:19|20)\d\d | \d\d ) )? (?: \. (?!\d) )? (?![\d/])
            | (?!) )
        )
    )
    # A time: "kl. 14.30", "klokka 15" (a whole hour only after kl./klokka), "14:30",
    # also after a dash when kl./klokka says it is one ("Mandag 9/11 - kl. 9:05"); not the
    # start of a range ("kl. 09-15") or of a longer number ("10.000").
    (?:
        (?: ,? {_S}+ | {_S}* [-–] {_S}* (?= kl ) ) (?: (?P<kl> kl\.? | klokka | klokken ) {_S}* | )
        (?P<hh> [0-2]?\d ) (?: [.:] (?P<mm> [0-5]\d ) | (?(kl) | (?!) ) )
        (?! \d | [.:,]\d | {_S}* [-–] {_S}* \d )
    | )
    # A colon or a dash between date and title; a hyphen glued to both sides is a
    # compound ("17. mai-feiringa"), not a separator.
    (?P<sep> {_S}* [:–—] {_S}* | {_S}* - {_S}+ | {_S}+ (?: - {_S}* )? | {_S}* $ )
    (?P<title> [^\n]* )
    """,
    re.VERBOSE | re.MULTILINE | re.IGNORECASE,
)

# Cheap prefilter: line starts that could begin a header (a digit or a weekday).
# The stdlib pattern with a literal "\n" prefix scans ~10x faster than HEADER_RE.
# The indent is never given back (``*+``), which spares the engine a backtracking
# point per line; the lookahead (the first letters of the alternatives) rejects most
# lines with one class test, where they would try all eleven case-folded alternatives.
_HEADER_START_RE = re.compile(
    rf"\n{SPACE_CLASS}*+(?=(?i:[\dmtofls]))"
    r"(?:\d|(?i:man|mån|tir|tys|ons|tor|fre|lør|lau|søn|sun))"
)


def _iter_header_matches(text: str) -> Iterator[re.Match[str]]:
    m = HEADER_RE.match(text, 0)
    if m:
        yield m
    match = HEADER_RE.match
    for c in _HEADER_START_RE.finditer(text):
        m = match(text, c.start() + 1)
        if m:
            yield m


# A title is a headline, not a sentence: no full stop followed by another sentence
# (a capital letter). A dot before a digit or a small letter is an ordinal or an
# abbreviation: "Skulane opnar for 1.–4. trinn", "Møte kl. 14".
_SENTENCE_INSIDE_RE = re.compile(r"[.!?]\s+[A-ZÆØÅÄÖÜÉ«\"“]")
_MAX_TITLE_CHARS = 120
_MAX_TITLE_WORDS = 14


def two_digit_year(yy: int) -> int:
    """Expand a two-digit year: 00-69 -> 2000s, 70-99 -> 1900s.

    >>> two_digit_year(20), two_digit_year(98)
    (2020, 1998)
    """
    return 2000 + yy if yy < 70 else 1900 + yy


def make_date(year: int, month: int, day: int) -> _dt.date | None:
    """A date, or None when the numbers do not make one (31.02)."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def previous_weekday(ref: _dt.date, weekday: int) -> _dt.date:
    """The latest ``weekday`` strictly before ``ref``.

    >>> previous_weekday(_dt.date(2020, 3, 30), 6)  # Monday 30.03 -> Sunday 29.03
    datetime.date(2020, 3, 29)
    """
    delta = (ref.weekday() - weekday) % 7 or 7
    return ref - _dt.timedelta(days=delta)


@dataclass(slots=True)  # read-only by convention; frozen would cost ~1 µs per header
class Header:
    """A date header line: where it is, what it says, and the date it gives."""

    start: int  # of the date text
    end: int  # end of the line (title included, trailing space excluded)
    line_start: int
    date_text: str
    title: str | None
    year: int | None  # as written (None when the text gives no year)
    month: int
    day: int
    time: str | None  # "HH:MM" when the header gives a time
    date: str | None = None  # ISO, once the year is known


def _title_ok(title: str, numeric: bool, sep: str) -> bool:
    if len(title) > _MAX_TITLE_CHARS:
        return False
    if title.startswith("|"):  # a table row whose first cell is a date (HTML, PDF, Word)
        return False
    if not any(map(str.isalpha, title)):
        # A headline has words: "Torsdag 12. juli: 105", "Mandag 15. april: 10-18" are a
        # figure per day (a table or a list of values), not a log entry.
        return False
    words = title.count(" ") + 1
    if words > _MAX_TITLE_WORDS and len(title.split()) > _MAX_TITLE_WORDS:
        return False
    if ("." in title or "!" in title or "?" in title) and _SENTENCE_INSIDE_RE.search(title):
        return False
    if sep.isspace():
        # Norwegian puts the verb second: after a date with no colon or dash, a
        # lower-case word is the sentence going on ("Onsdag 20. januar er det ikke
        # registrert …", "11. mars ble det innført …"); a headline starts with a capital.
        if title[0].islower():
            return False
        # "Lørdag 28. mars Det er mulig å levere …" ends like a sentence.
        return not (title.endswith(".") and not numeric and len(title.split()) > 6)
    return True


# A line that labels the date under it as metadata: "Publisert", "Sist endret:", "Dato:".
_META_LABEL_WORDS = frozenset(("publisert", "oppdatert", "sist", "dato", "endret", "endra"))
_NONBLANK_RE = re.compile(r"\S")


def _prev_nonblank_line(text: str, line_start: int) -> tuple[int, str] | None:
    """``(start, line)`` of the nearest line above ``line_start`` that is not blank."""
    pos = line_start - 1
    while pos > 0:
        prev = text.rfind("\n", 0, pos)
        line = text[prev + 1 : pos]
        if not line.isspace() and line:
            return prev + 1, line
        pos = prev
    return None


def _is_metadata_label(line: str, adjacent: bool) -> bool:
    """``Publisert``/``Sist endret:`` above a date, or a short ``Dato:`` label right above it."""
    words = line.split()
    if len(words) > 3 or any(c.isdigit() for c in line):
        return False
    if words[0].casefold().rstrip(":") in _META_LABEL_WORDS:
        return True
    return adjacent and line.rstrip().endswith(":")


# A line that is only a numeric day and month ("01.05", "17/5", "24.12.2020"): alone it is
# no header (it needs a weekday), but next to a date alone on its line it makes the two
# cells of a flattened table ("01.05" / "1. mai" / "Stengt").
_NUMERIC_DATE_LINE_RE = re.compile(rf"{_S}*[0-3]?\d[./][01]?\d(?:[./](?:\d\d){{1,2}})?\.?{_S}*")


def _bare_heads_section(text: str, h: Header, bare_starts: set[int]) -> bool:
    """Whether a date alone on its line (a time at most) heads what follows it.

    It does in a log ("21. januar", then the entry's title and text on later lines).
    It does not when nothing follows (a closing date), when the date is one of a run
    of such lines (a list of dates, or the date written twice, "01.05" over "1. mai": a
    flattened table), or when a label above makes it metadata ("Publisert" / "12.03.2020").
    """
    line_end = text.find("\n", h.end)
    if line_end == -1:
        line_end = len(text)
    nxt = _NONBLANK_RE.search(text, line_end)
    if nxt is None:
        if h.time is None:
            return False
    else:
        nxt_start = text.rfind("\n", 0, nxt.start()) + 1
        if nxt_start in bare_starts:
            return False
        nxt_end = text.find("\n", nxt_start)
        if _NUMERIC_DATE_LINE_RE.fullmatch(
            text, nxt_start, len(text) if nxt_end == -1 else nxt_end
        ):
            return False
    prev = _prev_nonblank_line(text, h.line_start)
    if prev is None:
        return True
    prev_start, prev_line = prev
    if prev_start in bare_starts or _NUMERIC_DATE_LINE_RE.fullmatch(prev_line):
        return False
    adjacent = prev_start + len(prev_line) + 1 == h.line_start
    return not _is_metadata_label(prev_line, adjacent)


def find_headers(text: str, year: int | None = None) -> list[Header]:
    """Every date header of ``text``, with the year resolved when it can be.

    A header is a line that starts with a date and goes on with a title, or a
    date alone on its line that heads the lines after it (see ``_bare_heads_section``).
    A header without a year takes it from the document's own dated headers when
    they all share one year, or when its neighbours (the nearest dated header
    before and after) agree; otherwise from ``year``; otherwise its date stays None.
    """
    found: list[Header] = []
    bare: list[Header] = []  # dates alone on their line: judged once all are known
    yearless = False
    # News logs date several entries alike: each date text is read once.
    read: dict[str, tuple[int | None, int, int, str | None] | None] = {}
    for m in _iter_header_matches(text):
        # Every group, in the pattern's order (one groups() call reads them fastest).
        date_text, _, nd, nm, ny, td, tm, ty, sd, sm, sy, _, hh, mm, sep, title_raw = m.groups()
        raw_title = title_raw.strip()
        if raw_title and not _title_ok(raw_title, nd is not None or sd is not None, sep):
            continue
        if date_text in read:
            date = read[date_text]
        else:
            if nd is not None:
                day, month = int(nd), int(nm)
                yr: int | None = two_digit_year(int(ny)) if len(ny) == 2 else int(ny)
            elif sd is not None:
                day, month = int(sd), int(sm)
                yr = None if sy is None else two_digit_year(int(sy)) if len(sy) == 2 else int(sy)
            else:
                day, month = int(td), MONTHS[tm.casefold()]
                yr = int(ty) if ty else None
            # The ISO date waits for year resolution when the header gives no year.
            d = make_date(yr or 2000, month, day)  # 2000 is a leap year: 29.02 may pass
            date = read[date_text] = (yr, month, day, d.isoformat() if yr else None) if d else None
        if date is None:
            continue
        yr, month, day, iso_date = date
        if yr is None:
            yearless = True
        title_start = m.start("title")
        if raw_title:
            end = title_start + len(title_raw.rstrip())
        else:  # the date (and time) alone: the evidence ends at its last character
            end = title_start
            while text[end - 1] in HSPACE:
                end -= 1
        time = f"{int(hh):02d}:{mm or '00'}" if hh else None
        h = Header(
            m.start("date_text"),
            end,
            m.start(),
            date_text,
            raw_title or None,
            yr,
            month,
            day,
            time,
            iso_date,
        )
        found.append(h)
        if not raw_title:
            bare.append(h)
    if bare:
        bare_starts = {h.line_start for h in bare}
        dropped = {id(h) for h in bare if not _bare_heads_section(text, h, bare_starts)}
        if dropped:
            found = [h for h in found if id(h) not in dropped]
    if yearless:
        years = _resolved_years([h.year for h in found], year)
        for h, y in zip(found, years, strict=True):
            if y and h.year is None:
                d = make_date(y, h.month, h.day)
                h.date = d.isoformat() if d else None
    return found


def _resolved_years(written: list[int | None], fallback: int | None) -> list[int | None]:
    """The year of each header: as written, else from the document, else ``fallback``."""
    distinct = {y for y in written if y}
    if len(distinct) == 1:
        only = next(iter(distinct))
        return [y or only for y in written]
    before: list[int | None] = []
    last = None
    for y in written:
        before.append(last)
        last = y or last
    after: list[int | None] = [None] * len(written)
    nxt = None
    for i in range(len(written) - 1, -1, -1):
        after[i] = nxt
        nxt = written[i] or nxt
    return [
        y if y else (b if b is not None and b == a else fallback)
        for y, b, a in zip(written, before, after, strict=True)
    ]


# A date written inside a sentence: "per 18. juni", "16.12.2015", "3.2.2016".
INLINE_DATE_RE = regex.compile(
    rf"""
    (?<![\d.])
    (?:
        (?P<nd>[0-3]?\d)\.(?P<nm>[01]?\d)\.(?P<ny>(?:19|20)\d\d|\d\d)(?![\d]|\.\d)
      | (?P<td>[0-3]?\d)\.{_S}*(?P<tm>{MONTH_ALT})\b\.?(?:{_S}+(?P<ty>(?:19|20)\d\d))?
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def parse_inline_date(m: regex.Match[str], year: int | None) -> _dt.date | None:
    """Turn an INLINE_DATE_RE match into a date; a missing year comes from ``year``."""
    if m["nd"]:
        y = int(m["ny"])
        return make_date(two_digit_year(y) if len(m["ny"]) == 2 else y, int(m["nm"]), int(m["nd"]))
    y2 = int(m["ty"]) if m["ty"] else year
    if y2 is None:
        return None
    return make_date(y2, MONTHS[m["tm"].casefold()], int(m["td"]))
