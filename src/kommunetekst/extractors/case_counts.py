"""COVID-19 case figures: totals, new cases, people in hospital and deaths.

One record per figure, so ``Det er nå 246 smittede, 8 nye fra søndag.`` gives
a ``total`` of 246 and a ``new`` of 8. Figures are digits with any thousands
separator (``1 641`` with a normal or no-break space, ``1.641``) or number words,
bokmål and nynorsk (``fem``, ``ein``, ``eit``, ``tjueto``, ``ingen``; see ``numwords``).

How a figure is read
--------------------
1. **Find.** A sentence is read when it holds a case word (``smitt…``,
   ``tilfelle``, ``innlagt``, ``på sykehus``, ``død…``/``døydd``) or, in a text
   that speaks of infection, an increase, a day, a patient or a positive test
   (``økning``, ``auke``, ``døgn``, ``koronapasientar``, ``testa positivt``); so is
   the sentence right after one that gave a total (``Det er 13 flere enn i går.``).
   A log entry's title is read too (``21. august: Fire nye smittetilfeller``), and
   so are lists of places under a lead-in that names cases (``* Oslo: 1.962``).
   Each count is read in its clause (between commas, semicolons, colons, brackets
   and dashes).
2. **Read the words around the count** (``_case_grammar``, with the word lists,
   bokmål and nynorsk side by side, in ``_case_words``): after it, the noun it
   counts and what the clause says of it (``246 smittede``, ``18 personer fra Asker
   og Bærum er innlagt``, ``87 personer … har fått påvist koronasmitte``, ``10 012
   nordmenn testa positivt``); before it, a label (``Antall smittede i Bærum er
   191``, ``Smittetallet: 57``, a status line ``Nye smittetilfeller i dag 1``), a
   sum (``tilsammen 423``, ``I alt har …``), an increase (``en økning på 92``,
   ``Døgnauken på 411``, ``auken har vore på 176``, ``Ytterligere 37``) or a verb
   (``Det døde 2 personer``, ``påvist smitte hos tre``); a place list (``Oslo
   (2810), Bergen (566)``, ``Viken med 19``); a period (``siste døgn``, ``sidan
   fredag``).
3. **Classify** by the first row of this table that applies:

   ======================================================  ================
   cue                                                     figure
   ======================================================  ================
   approximate, threshold, range, year, set named before,  none
   pronoun, condition, suspicion (``nærmere 400``,
   ``passerer 300``, ``20-30``, ``I 2020``, ``de 57``,
   ``en som er smittet``, ``viss vi hadde hatt 500``,
   ``med mistanke om smitte``)
   an average, a rate, a week's or a month's figure, a      none
   difference (``i snitt 145``, ``per 100 000``, ``førre
   veke``, ``69 tilfeller flere enn gjennomsnittet``)
   the count names something else (``i karantene``,        none
   ``prøver``, ``prosent``, ``5 ganger``, ``friske``)
   a part of the town or of a set (``blant ansatte``,       none
   ``på sykehjemmet``, ``2 smittede elever``, ``av våre``,
   ``smitta i eigen husstand``, ``etter reise``)
   a death word (``døde``, ``dødsfall``, ``har døydd``)      deaths
   a hospital word (``innlagt``, ``på sykehus``, ``lagt     hospitalized
   inn``, ``koronapasientar``)
   an increase before it in its clause                      new
   a new word (``nye``, ``flere``) or a period right         new
   around it (``siste døgn``, ``siden fredag``), or a log
   entry's title
   a case word, a total label or a sum                      total
   ======================================================  ================

``det første dødsfallet`` is deaths 1, unless its paragraph already gave the death.

``date`` is the date of the section (the date header above), or the date the
sentence states with ``per``/``pr.`` (``per 18. juni``, ``per klokken 24.00 den
3.04.2020``; a missing year comes from the section or ``--year``, else the date
is null). ``since`` is filled for ``new`` figures only, as written: the time
after ``fra``, ``siden``, ``enn``, ``i forhold til`` … (``søndag``, ``i går``,
``forrige fredag``, ``27. mars``, ``siste rapportering``), ``i (løpet av) helgen``
(``helgen``), or ``siste døgn``. ``since_date`` resolves it against ``date``: ``i
går`` and ``siste døgn`` (the 24 hours before the report) are the day before, a
weekday is the latest such day before ``date``, a date is itself; ``helgen``,
``natta``, ``sist`` and ``siste uke`` stay null. ``place`` is a capitalised name
after ``i``/``fra``/``på`` in the figure's own clause (``i Bærum``, ``fra Asker
og Bærum``, ``i Vestnes kommune``), the name before a bracketed count (``Oslo
(2810)``), or the name a ``som`` clause tells of (``Nordland, som har ni
tilfelle``); a figure that sums up an earlier clause (``…nye smittede i Bærum,
tilsammen 423``) takes that clause's place. A name before a hospital word (``på
Bærum sykehus``) is not a place, nor is a name after ``på`` for hospital and
death figures, where it names the hospital (``innlagt på Ahus``).

Caveats, on purpose (a wrong figure is worse than none):

- counts for a part of the town are not its figures: ``ingen smittede på
  sykehjem``, ``3 smittede blant ansatte``, ``2 av våre pasienter er smittet``,
  ``hvorav 30 smittede``; nor is a bare ``Ingen smitte.``;
- quarantine, tests and percentages are not case counts (``5 personar i
  karantene``, ``6 nye positive prøver``, ``12 prosent av de smittede``);
  ``testet positivt`` is new, or a total when the sentence says it is a sum (``I
  alt har 10 012 testa positivt``), but not of one named person (``en medarbeider
  har testet positivt``);
- ``nye innlagte`` and ``nye dødsfall`` (changes of the hospital and death
  figures), an increase of patients (``en økning på fem pasienter``), ``3 flere enn
  i Asker`` (a comparison of places) and ``flere`` after a hospital figure are not
  read; ``13 flere`` is new only with its time (``enn i går``) or right after a total;
- another day's figure (``då det vart registrert 31 smitta``) is not read, nor is a
  figure whose period is a week, a month or a stated span (``i perioden 27.–29.
  desember``);
- a count needs a space, a bracket or a quote before it (``(+3`` is not read), and
  the words before a count are read only back to the start of its sentence.

Fields: ``metric`` (``total``, ``new``, ``hospitalized``, ``deaths``),
``value`` (int), ``place``, ``since``, ``since_date``, and ``kommune_no``: the
municipality's number (2020 borders, from ``kommunetekst.gazetteer``) when the place
names one municipality, else null.

Example::

    30.03.20 Smittetall
    Det er nå 246 smittede, 8 nye fra søndag.

    {"kind": "case_count", "doc": "-", "line": 2, "span": [44, 60],
     "text": "8 nye fra søndag", "date": "2020-03-30",
     "section": "30.03.20 Smittetall", "metric": "new",
     "value": 8, "place": null, "since": "søndag", "since_date": "2020-03-29",
     "kommune_no": null}
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

import regex

from ..dates import INLINE_DATE_RE, MONTHS, WEEKDAYS, parse_inline_date, previous_weekday
from ..document import Document
from ..gazetteer import kommune_no
from ..numwords import NUMBER_WORD_PATTERN, parse_number_word
from ..records import ExtractorInfo, Match
from ..textutil import DASHES, HSPACE, SPACE, parse_int_grouped, sentence_ends
from . import _case_words as W
from ._case_grammar import (
    CASE_NOUN_WORDS,
    CASE_WORD_RE,
    LABEL_CASE_WORDS,
    NOT_NEW_RE,
    PREDICATE_RE,
    PREVIOUS,
    SINCE_RE,
    TAIL_OK_RE,
    After,
    Before,
    Count,
    label_metric,
    line_label,
    read_after,
    read_before,
)

INFO = ExtractorInfo(
    name="case_counts",
    kind="case_count",
    version="2.0",
    description="COVID-19 case figures: total, new, hospitalized, deaths, with place and since",
    fields={
        "metric": "string",
        "value": "integer",
        "place": "string?",
        "since": "string?",
        "since_date": "date?",
        "kommune_no": "string?",
    },
)


class Figure(NamedTuple):
    """One case figure found in a sentence: its evidence span and what it says."""

    start: int
    end: int
    metric: str
    value: int
    place: str | None = None
    since: str | None = None
    since_date: str | None = None


class Sentence(NamedTuple):
    """A sentence being read, and what reading its counts needs to know of it."""

    start: int
    end: int
    date: str | None  # the date its figures belong to
    follows_total: bool  # it follows a sentence that gave a total: only an increase is read
    title: bool  # it is a log entry's title ("21. august: Fire nye smittetilfeller")
    lower: str  # its text, lower-cased


# -- 1. find: the sentences worth reading ------------------------------------------------
# Case words, as the stems a literal search finds; each leaves out the word's first
# letter, so that one search finds both cases ("Smittede", "smittede").
#   "mitt"  smittede, smitta, smittet, smittetall, koronasmittede (see _SMITT_RE)
#   "ilfel" tilfelle, tilfeller, smittetilfella
#   "nnlag" innlagt, innlagd, innlagte
#   "kehus" på sykehus, på sjukehus ("6 av våre er på sykehus")
#   "dø"    død, døde, dødsfall, døydde (and døgn, which is an increase cue below)
_SMITTE_BEFORE = tuple(
    f"{word}{prefix}"
    for word in ("påvist ", "bekreftet ", "bekrefta ", "stadfesta ", "konstatert ")
    for prefix in ("", "korona", "corona", "covid-19-")
)
_SYKEHUS_BEFORE = ("på sy", "på sju", "på Sy", "på Sju", "i sy", "i sju")
# "smitt" and the forms that count people or name the figure. Not smittevern,
# smitterisiko, smittesporing, smitten (the contagion), which never carry a count; the
# bare "smitte" (group 1) only as "påvist smitte".
_SMITT_RE = re.compile(
    r"mitt(?<=[sS]mitt)(?=(?:ede|et|a|ete|etall?\w*|etilfel\w*)(?!\w)|(e)(?!\w))"
)
# Stems that are cues only in a text that speaks of infection elsewhere: an increase
# ("økning", "auke", "oppgang") or a day ("siste døgn") gives new cases there ("Det er
# ein auke på 43 nye siste døgn"), and the disease may be named without a case word
# ("5 547 personer med påvist covid-19", "I alt har 10 012 testa positivt").
_TOPIC_STEMS = ("kning", "auke", "auka", "ppgang", "døgn", "påvis", "positiv", "pasient",
                "lagt inn")  # fmt: skip
_TOPIC_WORDS = ("smitt", "Smitt", "korona", "Korona", "corona", "Corona", "covid", "Covid", "COVID",
                "virus")  # fmt: skip


def extract(doc: Document) -> Iterator[Match]:
    """Yield case figures in text order: those of sentences, and of lists of places."""
    matches = list(_sentence_figures(doc))
    listed = list(_list_figures(doc))
    if listed:
        matches = sorted(matches + listed, key=lambda m: (m.start, m.end))
    yield from matches


def _sentence_figures(doc: Document) -> Iterator[Match]:
    """The figures of the sentences with a cue, paragraph by paragraph."""
    text = doc.text
    cues = _cue_offsets(text)
    i, n = 0, len(cues)
    while i < n:
        ls = text.rfind("\n", 0, cues[i]) + 1
        le = text.find("\n", cues[i])
        if le == -1:
            le = len(text)
        j = i
        while j < n and cues[j] < le:
            j += 1
        header = doc.section_at(ls)
        date = header.date if header else None
        if header is not None and header.line_start == ls:
            # a log entry's title may give the day's figure ("21. august: Fire nye
            # smittetilfeller"); "Første dødsfall i Bærum" there names the death the entry
            # tells of, so it is not read
            ts = text.rfind(header.title or "\n", header.start, header.end)
            if ts != -1:
                yield from _read_paragraph(doc, ts, le, cues[i:j], date, title=True)
        else:
            yield from _read_paragraph(doc, ls, le, cues[i:j], date)
        i = j


def _cue_offsets(text: str) -> list[int]:
    """Sorted offsets of the cue words: where the sentences worth reading are."""
    endswith, find = text.endswith, text.find
    cues = [
        m.start() - 1
        for m in _SMITT_RE.finditer(text)
        if m.group(1) is None or endswith(_SMITTE_BEFORE, 0, m.start() - 1)
    ]
    stems = ["ilfel", "nnlag", "dø"]
    if any(find(word) != -1 for word in _TOPIC_WORDS):
        stems += _TOPIC_STEMS
    for stem in stems:
        i = find(stem)
        while i != -1:
            cues.append(i)
            i = find(stem, i + 1)
    i = find("kehus")
    while i != -1:
        if endswith(_SYKEHUS_BEFORE, 0, i):  # "på sykehus", not "lokalsykehus"
            cues.append(i)
        i = find("kehus", i + 5)
    cues.sort()
    return cues


def _match(fig: Figure, date: str | None) -> Match:
    """The record of a figure; a place that is a municipality gets its number."""
    fields = {"metric": fig.metric, "value": fig.value, "place": fig.place, "since": fig.since,
              "since_date": fig.since_date,
              "kommune_no": kommune_no(fig.place) if fig.place else None}  # fmt: skip
    return Match("case_count", fig.start, fig.end, date, fields)


def _points_back(text: str, s: int, e: int) -> bool:
    """Whether the sentence ``[s, e)`` speaks of "dette tallet"/"dette talet"."""
    return any(text.find(words, s, e) != -1 for words in _THIS_NUMBER)


_THIS_NUMBER = ("ette tallet", "ette talet")


# What may follow a sentence end before the next sentence starts.
_SENTENCE_GAP_RE = re.compile(f"[.!?\"»”'{SPACE}]*")


def _read_paragraph(
    doc: Document, ls: int, le: int, cues: list[int], date: str | None, title: bool = False
) -> Iterator[Match]:
    """The figures of one paragraph: its sentences with a cue, and the one after a total.

    ``date`` is the paragraph's section date; ``title``: the paragraph is a date header's
    title.
    """
    text = doc.text
    found: list[tuple[Figure, str | None]] = []
    deaths_seen = title  # "det første dødsfallet" repeats a death told before
    follow = False  # the sentence before gave a total
    ends = [*sentence_ends(text, ls, le), le]
    k, s = 0, ls
    for e in ends:
        if e <= s:
            continue  # a mark in the gap before the sentence does not end it
        has_cue = k < len(cues) and cues[k] < e
        while k < len(cues) and cues[k] < e:
            k += 1
        last = found[-1][0].metric if found else None
        # "Dette tallet er nå gått ned til elleve": a sentence that points back to the
        # figure before it is read as one of its kind
        points_back = last is not None and _points_back(text, s, e)
        if has_cue or follow or points_back:
            figures, sentence_date = _read_sentence(
                doc, s, e, date, not (has_cue or points_back), deaths_seen, title, last
            )
            found += [(fig, sentence_date) for fig in figures]
            deaths_seen = deaths_seen or any(fig.metric == "deaths" for fig in figures)
            # "Det er 13 flere enn i går." counts from a total just given, not from a new
            # figure ("en økning på 264 …. Det er 72 flere enn dagen før" compares days)
            follow = has_cue and bool(figures) and figures[-1].metric == "total"
        elif k == len(cues):
            break
        s = _SENTENCE_GAP_RE.match(text, e, le).end()  # type: ignore[union-attr]
        if s >= le:
            break
    found.sort(key=lambda item: (item[0].start, item[0].end))
    for fig, fig_date in found:
        yield _match(fig, fig_date)


# -- 2. read: counts, their clauses and the words around them ----------------------------
_DASH = f"[{re.escape(DASHES)}]"
_HS = f"[{HSPACE}]"
# A count: grouped digits ("1 641" with any space, "1.641") or one number word ("fem",
# "Tre", "tjueto", "ingen"; see numwords), after a space, a bracket or a quote. Not inside
# a word, a decimal number, a date, a time, a code ("Covid-19", "NOU 2016:4") or a range,
# not an ordinal ("12. november", "2. påskedag", "6.–12. april"), and not a percentage.
# "ikke"/"ikkje" is read as a count too: "ikke meldt nye smittede"
# is new 0. The space before it is part of the match (the count is group "count"), so
# that the engine skips from space to space; a count that starts its sentence is read
# by _COUNT_AT_START_RE.
_COUNT = rf"""
    (?P<count>
        (?P<digits> \d{{1,3}} (?: [\x20\u00a0\u202f\u2009\u2007.] \d{{3}} )+ (?!\d) | \d+ )
        (?! [.,:]\d | {_HS}* {_DASH} {_HS}* \d | {_HS}* % | \. {_HS}* {_DASH} | \.{_HS}+[a-zæøå] )
      | (?P<word> {NUMBER_WORD_PATTERN} | [iI]kkje | [iI]kke )
    )
    (?! [\w{re.escape(DASHES)}] )
"""
_COUNT_RE = re.compile(rf"[\s(«\"] {_COUNT}", re.VERBOSE)
_COUNT_AT_START_RE = re.compile(_COUNT, re.VERBOSE)
_NOT = frozenset(("ikke", "ikkje", "Ikke", "Ikkje"))
# Marks around a word that are not part of it: "(fem", "innlagt.", "«tre»".
# A place: "Bærum", "Asker og Bærum", "Nord-Fron", "Indre Østfold".
_UPPER = "A-ZÆØÅÄÖÜÉÈÁÓÚÍČĐŊŠŦŽ"
_LOWER = "a-zæøåäöüéèáóúíčđŋšŧžß"
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
_ONE_PLACE = (
    r"(?:(?:Nordre|Søndre|Indre|Ytre|Øvre|Nedre|Nord|Sør|Øst|Vest|Midtre|Store|Lille)\x20)?" + _NAME
)
_PLACE = rf"{_ONE_PLACE}(?:\x20og\x20{_ONE_PLACE})?"
# A place name and the word after it.
_PLACE_RE = re.compile(rf"(?P<name>{_PLACE})(?!\w)(?:\s+(?P<next>\w+))?")
# The name before a bracketed count: "Oslo (2810)", "Oslo kommune (284)", "Viken like
# bak (281)" (up to two small words between).
_LISTED_PLACE_RE = regex.compile(
    rf"(?<!\w)(?P<name>{_PLACE})(?:\s+(?:kommune|fylke))?(?:\s+[{_LOWER}]+){{0,2}}\s*\($",
)
# At most this many characters each side of a count make its clause.
_MAX_CLAUSE = 200
# Where a clause ends: , ; : ( ) – — and a hyphen between spaces (found apart, by
# _clause_marks, so that this pattern is one class the engine can skip to).
_CLAUSE_MARK_RE = re.compile(r"[,;:()\u2013\u2014]")


def _clause_marks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The (start, end) of the clause marks of the sentence ``[s, e)``, in text order."""
    marks = [(m.start(), m.end()) for m in _CLAUSE_MARK_RE.finditer(text, s, e)]
    i = text.find(" - ", s, e)
    if i != -1:
        while i != -1:
            marks.append((i + 1, i + 2))
            i = text.find(" - ", i + 2, e)
        marks.sort()
    return marks


def _read_sentence(
    doc: Document,
    s: int,
    e: int,
    date: str | None,
    new_only: bool,
    deaths_seen: bool,
    title: bool = False,
    last: str | None = None,
) -> tuple[list[Figure], str | None]:
    """The figures of the sentence ``[s, e)`` and the date they belong to.

    ``date`` is the section's. ``new_only`` reads the sentence after a total, which may
    give only an increase. ``deaths_seen``: the paragraph gave deaths before ("det
    første dødsfallet" repeats it). ``title``: the sentence is a date header's title.
    ``last``: the metric of the paragraph's last figure before the sentence.
    """
    text = doc.text
    figures: list[Figure] = []
    counts = _counts(text, s, e)
    if counts:
        lower = text[s:e].casefold()
        if "per " in lower or "pr" in lower:
            pm = _PER_DATE_RE.search(text, s, e)
            if pm is not None:
                stated = parse_inline_date(pm, doc.reference_year(s))
                date = stated.isoformat() if stated else None
        sentence = Sentence(s, e, date, new_only, title, lower)
        marks = _clause_marks(text, s, e)
        for count in counts:
            cs, ce = _clause(s, e, count, marks)
            previous = figures[-1].metric if figures else last
            fig = _read_count(doc, sentence, cs, ce, count, previous)
            if fig is not None and (fig.metric == "new" or not new_only):
                figures.append(fig)
    if not new_only and text.find("ørste", s, e) != -1:
        fm = _FIRST_DEATH_RE.search(text, s, e)
        if fm and not deaths_seen and not any(f.metric == "deaths" for f in figures):
            figures.append(Figure(fm.start(), fm.end(), "deaths", 1))
    return figures, date


def _counts(text: str, s: int, e: int) -> list[Count]:
    """The counts of the sentence ``[s, e)``, in text order."""
    matches = list(_COUNT_RE.finditer(text, s, e))
    first = _COUNT_AT_START_RE.match(text, s, e)
    if first is not None:
        # "1 641 smittede …": the groups after its first space are part of it, not a count
        matches = [first, *(m for m in matches if m.start("count") >= first.end("count"))]
    counts = []
    for m in matches:
        digits, word = m["digits"], m["word"]
        if word is None:
            value: int | None = int(digits) if digits.isdigit() else parse_int_grouped(digits)
        else:
            value = 0 if word in _NOT else parse_number_word(word)
        if value is not None and value <= MAX_COUNT:
            counts.append(Count(m.start("count"), m.end("count"), value, word))
    return counts


# More people than live on Earth: a digit run (an ID, a phone number glued), not a count.
MAX_COUNT = 10**10


def _clause(s: int, e: int, count: Count, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause around ``count`` in the sentence ``[s, e)``: between clause marks.

    ``marks`` are the (start, end) of the sentence's clause marks, in text order. At
    most _MAX_CLAUSE characters each side, so that a sentence with many counts and no
    marks costs linear time.
    """
    cs, ce = max(s, count.start - _MAX_CLAUSE), min(e, count.end + _MAX_CLAUSE)
    i = bisect_left(marks, (count.start,))  # the first mark at or after the count
    if i > 0:
        cs = max(cs, marks[i - 1][1])
    if i < len(marks):
        ce = min(ce, marks[i][0])
    return cs, ce


def _read_count(
    doc: Document, sentence: Sentence, cs: int, ce: int, count: Count, previous: str | None
) -> Figure | None:
    """The figure ``count`` gives in its clause ``[cs, ce)`` of ``sentence``.

    ``previous`` is the metric of the figure before it in the sentence, if any.
    """
    text, s, date = doc.text, sentence.start, sentence.date
    if count.word in _NOT:
        nm = NOT_NEW_RE.match(text, count.end, ce)
        lead = text[cs : count.start].casefold()
        if nm is None or _is_week_figure(text, lead, After(None, nm.end())):
            return None
        place = _find_place(text, cs, ce, "new")
        return _with_since(doc, Figure(count.start, nm.end(), "new", 0, place), cs, ce, s, date)

    listed = _listed_place(text, s, count)
    if listed is not None and not _names_cases(sentence.lower):
        listed = None  # "innlagt i Tromsø (6), Harstad (3)": the hospitals' shares
    after = read_after(text, count, ce)
    if after.relative and after.what == "case":
        # "Totalt 18 personar som har fått påvist koronaviruset, har no døydd i Noreg": the
        # main verb comes after the relative clause
        pm = PREDICATE_RE.match(text, ce)
        if pm is not None:
            stop = text.find(".", pm.end(), pm.end() + 60)
            place = _find_place(text, pm.end(), stop if stop != -1 else pm.end() + 60, "deaths")
            after = after._replace(what=pm.lastgroup, end=pm.end(), place=after.place or place)
    if listed is not None and after.what in (None, "case"):
        after = After(None, count.end)  # "Oslo (317 tilfeller)": the list names the cases
    if after.what == "other" or after.pronoun:
        return None
    before = read_before(text, s, count) if after.what != "hospital" else None
    if before is None and after.what is None:
        before = line_label(text, count)
    if after.what in (None, "unit", "patients") and before is None and listed is None:
        return None  # nothing names what it counts
    words_before = text[max(s, count.start - 40) : count.start].split()[-3:]
    if _is_not_a_figure(words_before, count):
        return None
    if after.verb_first and count.value == 1 and words_before[-1:] and \
            words_before[-1].casefold() in W.CONDITION_WORDS:  # fmt: skip
        return None  # "dersom ein er smitta": "ein" is a pronoun
    if before is not None and before.metric == PREVIOUS:
        before = before._replace(metric=previous)  # "Dette tallet er …": the figure before
    metric = _classify(text, count, cs, ce, after, before, listed is not None)
    if metric is None:
        return None
    if metric == "total" and words_before and words_before[-1].casefold() in W.PARTITIVE_WORDS:
        return None  # "Antall testede er 1200, hvorav 30 smittede": another group's
    if len(words_before) >= 2 and words_before[-2].casefold() == "av" and \
            words_before[-1].casefold() in ("de", "dei") and after.what != "case":  # fmt: skip
        return None  # "Ein av dei seks er innlagd": the one, not the six
    if metric == "total" and sentence.title and (before is None or before.how == "increase"):
        metric = "new"  # a log entry's title tells the day's news: "Ett påvist smittetilfelle"
    if after.more and (previous in ("hospitalized", "deaths") or (not sentence.follows_total
                       and SINCE_RE.search(text, cs, ce) is None)):  # fmt: skip
        # "13 flere enn i går" tells the time it counts from, or follows a total; not
        # "184 koronapasienter innlagt, seks flere enn på torsdag" (patients)
        return None

    start = count.start
    if before is not None and after.what in (None, "unit", "patients"):
        start = before.start
    end = after.end
    if listed is not None:
        place = listed.place
        start, end = listed.start, listed.end
    else:
        place = after.place or _find_place(text, min(cs, start), ce, metric)
        if place is None:
            place = _relative_clause_place(text, s, cs)
        if place is None and before is not None and before.how == "sum":
            # "…smittede i Bærum, tilsammen 423": the clause it sums up
            place = _find_place(text, max(s, cs - _MAX_CLAUSE), cs, metric)
    fig = Figure(start, end, metric, count.value, place)
    return _with_since(doc, fig, cs, ce, s, date) if metric == "new" else fig


def _is_not_a_figure(words: list[str], count: Count) -> bool:
    """Whether the last words before a count make it no figure ("nærmere 400", "I 2020").

    ``words`` are the (up to three) words before the count, in text order.
    """
    if not words:
        return False
    last = words[-1].casefold().strip(_OPENERS)
    prev = words[-2].casefold().strip(_OPENERS) if len(words) >= 2 else ""
    if last in W.APPROXIMATIONS:
        return True
    if last.rstrip(".") in MONTHS and count.word is None and 1900 <= count.value < 2100:
        return True  # "8. april 2021": a year
    if last in _DASH_WORDS:  # "20 – 30 smittede"; not "– To nye tilfelle", "Norge – 149 nye"
        return bool(prev) and bool(_counts(prev, 0, len(prev)))
    if last in W.SET_WORDS:
        # "291 av dei 1.093 smitta": the whole of which a part was named is a total
        return not (last in ("de", "dei") and prev == "av" and len(words) >= 3
                    and bool(_counts(words[-3], 0, len(words[-3]))))  # fmt: skip
    if f"{prev} {last}" in W.APPROXIMATIONS_TWO_WORDS:
        return True
    if any(w.casefold() in W.THRESHOLD_WORDS for w in words):
        return True  # "passerer Norge 300", "nærmer seg nå 1000": a threshold
    if last in W.PAIR_WORDS and (prev[:1].isdigit() or parse_number_word(prev) not in (None, 0, 1)):
        return True  # "20 og 30 smittede": the second number of a pair or range
    if last in W.YEAR_WORDS and count.word is None:
        digits = str(count.value)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return True  # "I 2020 døde 5": a year
    if count.word is not None and count.value == 1 and last in W.HYPOTHETICAL_WORDS:
        return True  # "kontakt med en smittet": no count
    return False


_DASH_WORDS = frozenset(DASHES)  # "20 – 30 smittede"
# Stripped from the words before a count: "(ca. 40", "«over 100".
_OPENERS = "([«\"'"


def _names_cases(lower: str) -> bool:
    """Whether a sentence (lower-cased) names cases and no hospital: a place list in it
    gives totals ("Oslo (2810), Bergen (566) … med smittetilfeller")."""
    names = CASE_WORD_RE.search(lower) or any(w in lower for w in LABEL_CASE_WORDS)
    return bool(names) and not _PATIENT_WORDS_RE.search(lower)


class Listed(NamedTuple):
    """A count listed with its place: "Oslo (2810)", "Viken med 19"."""

    place: str
    start: int  # the evidence: from the name to the bracket or the count
    end: int


def _listed_place(text: str, s: int, count: Count) -> Listed | None:
    """The place a count is listed with, in a sentence that names cases: "Oslo (2810)",
    "Oslo kommune (284)", "Oslo (317 tilfeller)", "Viken med 19"; else None."""
    if count.word is not None:
        return None
    if text[count.start - 1 : count.start] == "(":
        close = _LISTED_CLOSE_RE.match(text, count.end)
        if close is None:
            return None
        m = _LISTED_PLACE_RE.search(text, max(s, count.start - 60), count.start)
        end = close.end()
    else:
        m = _PLACE_WITH_RE.search(text, max(s, count.start - 40), count.start)
        end = count.end
    if m is None or m["name"].split()[0] in W.NOT_PLACES:
        return None
    return Listed(m["name"], m.start("name"), end)


# After a bracketed count: the bracket, or a case word and the bracket.
_LISTED_CLOSE_RE = re.compile(rf"(?:\s+(?:{CASE_NOUN_WORDS}))?\)", re.IGNORECASE)
# "Viken med 19 og Oslo med 17".
_PLACE_WITH_RE = regex.compile(rf"(?<!\w)(?P<name>{_PLACE})(?:\s+(?:kommune|fylke))?\s+med\s+$")


# -- 3. classify ------------------------------------------------------------------------
def _classify(
    text: str, count: Count, cs: int, ce: int, after: After, before: Before | None, listed: bool
) -> str | None:
    """The metric of ``count`` by the table in the module docstring, or None."""
    what = after.what
    if after.pronoun or what == "other":
        return None
    died = before is not None and before.how == "died"
    if count.word is not None and count.value <= 1 and what in (None, "unit", "patients") \
            and not listed and not died:  # fmt: skip
        return None  # "en" in "en økning på", "ingen" alone: an article, not a figure
    lead = text[cs : count.start].casefold()  # the clause before the count
    if lead.startswith(("som ", " som ")):
        # "ukesnittet, som er på 40": the clause tells of the one before it
        lead = text[max(0, cs - 80) : cs].casefold() + lead
    if _is_average(text, lead, ce, after):
        return None  # an average or a rate
    if what not in ("death", "hospital") and not died and _is_week_figure(text, lead, after):
        return None  # a week's or a month's case figure
    if _CONDITION_RE.search(lead) or any(w in text[cs:ce] for w in W.SUSPECTED_WORDS):
        return None  # "viss vi hadde hatt 500 innlagde", "innlagt med mistanke om smitte"
    if _THEN_RE.match(lead) and what in ("case", "new", None, "unit", "patients"):
        return None  # "då det vart registrert 31 smitta": another day's figure
    if listed:
        return "total" if what is None else None
    if (after.part or _OF_THOSE_RE.match(lead)) and what in ("case", "unit", "patients", "tested"):
        return None  # "2 av våre pasienter er smittet"; but "14 av disse er nye tilfeller"
    if what in ("case", "new", "tested") and _names_part_of_town(text, cs, ce, after):
        return None  # "10 koronasmittede på sykehjemmet": a part of the town
    if what == "death":
        return "deaths"
    if what == "hospital":
        return "hospitalized"
    if _COMPARISON_RE.match(text, after.end):
        return None  # "69 tilfeller flere enn gjennomsnittet": a difference
    if before is not None and before.how == "increase":
        if _PATIENT_WORDS_RE.search(text, cs, before.start):
            return None  # "antallet coronapasienter … steget med 44": patients, not cases
        return (
            "new" if what in (None, "case", "new", "unit") and _tail_ok(text, after, ce) else None
        )
    if what == "new" or (what == "case" and _increase_before(text, cs, lead, count)):
        return "new"
    if what in ("case", "tested") and _period_around(text, cs, count, after):
        return "new"
    if what == "case":
        return "total"
    if what == "tested":
        # "I alt har 10 012 testa positivt", "… så langt": a total; else the news of the
        # day: "Tre personar har testa positivt for koronasmitte i Ålesund"
        if (before is not None and before.how == "sum") or _CUMULATIVE_RE.search(
            text, cs, min(len(text), after.end + 60)
        ):
            return "total"
        return "new"
    if before is not None and before.metric is not None and _tail_ok(text, after, ce):
        if before.how == "sum" and not CASE_WORD_RE.search(text, cs - _MAX_CLAUSE, before.start):
            return None  # "Totalt 40 ansatte": a sum of what no case word names
        return before.metric
    return None


_PATIENT_WORDS_RE = re.compile(r"pasient|innlag|[sS]ykehus|[sS]jukehus")
# "flere enn", "færre enn" right after a count's words: a difference from something else;
# "Sju smitta er to over snittet".
_COMPARISON_RE = re.compile(
    r"\s+(?:flere|fleire|færre|mindre|mer|meir)\s+enn(?!\w)"
    r"|\s+(?:er|var)\s+\w+\s+(?:over|under)\s+(?:snittet|gjennomsnittet)(?!\w)"
)
# A condition in the clause before a count: "viss vi hadde hatt 500 innlagde".
_CONDITION_RE = re.compile(r"(?<!\w)(?:viss|hvis|dersom)(?!\w)")
# A clause that starts "då"/"da" and a past verb tells of another time: "då det vart
# registrert 31 smitta", "Da ble det påvist fem smittetilfeller" (the day before).
_THEN_RE = re.compile(r"\s*d[aå]\s+(?:\w+\s+){0,2}?(?:vart|ble|blei|var|hadde)(?!\w)")
# A clause that starts "av de …" counts a part of those: "Av de nye tilfellene er 14 smittet
# i egen husstand".
_OF_THOSE_RE = re.compile(r"\s*av\s+(?:de|dei|disse|desse)\s+\w")
# Words that make "testet positivt" a running total: "så langt", "hittil", "til nå", or
# "av dem" (of all those tested).
_CUMULATIVE_RE = re.compile(
    r"(?<!\w)(?:så\s+langt|hittil|til\s+nå|til\s+no|totalt|[aA]v\s+(?:dem|disse|desse|dei))(?!\w)"
)
_WEEK_STEMS = ("uk", "vek", "måne", "måna", "dag", "døgn", "period", "tidsrom")
# A week's or a month's figure: "Førre veke vart det lagt inn 886", "Sist uke ble det
# registrert 241", "i veke 32", "dei siste 14 dagane", "siste sju dagar".
_WEEK_RE = re.compile(
    r"""(?<!\w) (?i: (?: sist | siste | forrige | førre | denne | neste | same | samme )
                     \s+ (?: uke | uka | veke | veka | måned | måneden | månad | månaden )
                   | (?: uke | veke | uka | veka ) \s+ (?: før | \d )
                   | siste \s+ (?: 7 | sju | syv | 14 | fjorten ) \s+ (?: dager | dagar | dagene
                                                                   | dagane | døgn )
                   | i \s+ (?: perioden | tidsrommet ) )
        (?!\w)""",
    re.VERBOSE,
)


def _is_week_figure(text: str, lead: str, after: After) -> bool:
    """Whether a week or a month is named in ``lead`` (the clause before the count, lower
    case), or right after its words ("… 886 nye pasientar førre veke"; not "198 innlagte
    mot 307 en uke før")."""
    if any(word in lead for word in _WEEK_STEMS) and _WEEK_RE.search(lead):
        return True
    return (
        text[after.end : after.end + 1] == " " and _WEEK_RE.match(text, after.end + 1) is not None
    )


# A rate: "per 100 000 innbyggere", "pr. 1000".
_RATE_RE = re.compile(r"\s+(?:per|pr\.?)\s+(?:1|10|100)[\s.\u00a0\u202f]?000(?!\d)")


def _is_average(text: str, lead: str, ce: int, after: After) -> bool:
    """Whether the count is an average or a rate: "388 koronasmitta per dag", "i snitt 145",
    "vekesnittet 138", "463 tilfelle per 100.000". ``lead`` is the clause before the count,
    in lower case."""
    tail = text[after.end : min(ce, after.end + 20)].casefold().lstrip()
    if tail.startswith(W.AVERAGE_AFTER) or _RATE_RE.match(text, after.end, ce):
        return True
    return any(word in lead for word in W.AVERAGE_BEFORE)


def _names_part_of_town(text: str, cs: int, ce: int, after: After) -> bool:
    """Whether the clause ``[cs, ce)``, up to a little after the count's words, names a part
    of the town."""
    ce = min(ce, after.end + 80)
    clause = text[cs:ce]
    if any(word in text[after.end : ce] for word in W.ROUTE_WORDS):
        return True  # "8 personar smitta etter reise": a subset by where it came from
    if not any(stem in clause for stem in _PART_STEMS):
        return False
    return _SUBGROUP_RE.search(text, cs, ce) is not None


def _tail_ok(text: str, after: After, ce: int) -> bool:
    """Whether the words after a count read from before it let it be a figure."""
    return after.what == "case" or TAIL_OK_RE.match(text, after.end, ce) is not None


# "økning", "auke" before the count in its clause, with no count between: "For éi veke
# sidan var auken på eitt døgn 187 melde tilfelle".
_INCREASE_STEMS = ("økning", "auke", "oppgang", "stigning", "tilvekst")


def _increase_before(text: str, cs: int, lead: str, count: Count) -> bool:
    last = max(lead.rfind(stem) for stem in _INCREASE_STEMS)
    return last != -1 and not any(_counts(text, cs + last, count.start))


def _period_around(text: str, cs: int, count: Count, after: After) -> bool:
    """Whether a period makes a case count new: right after its words ("92 koronasmittet
    siste døgn", "12 smittede siden fredag") or before it in its clause ("Siste døgn er
    det registrert 11 smittede", "på eitt døgn")."""
    pos = after.end
    if after.place is not None:  # "12 smittede i Bærum siste døgn"
        pos = text.find(after.place, pos) + len(after.place)
    if _DAY_PERIOD_RE.match(text, pos):
        return True
    sm = SINCE_RE.match(text, pos + 1)
    if sm is not None and sm["date"] is None:  # not "151 smittetilfeller siden fredag 29. august"
        return True
    find = text.find
    if find("døgn", cs, count.start) == -1 and find("dag", cs, count.start) == -1:
        return False
    return _DAY_PERIOD_RE.search(text, cs, count.start) is not None


# A day or two counted: "siste døgn", "det siste døgnet", "på eitt døgn", "dei siste to
# dagane", "siste 24 timer".
_DAY_PERIOD_RE = re.compile(
    r"""
    \s* (?<!\w)
    (?: (?: i \s+ løpet \s+ av | på | over ) \s+ (?: ett | eitt | et | eit ) \s+ døgn
      | (?: (?: det | dei | de ) \s+ )? (?: siste | to \s+ siste | tre \s+ siste )
        \s+ (?: døgn(?:et)? | døgna | døgnene | 24 \s+ timer | 24 \s+ timane
              | (?: to | tre | 2 | 3 ) \s+ (?: dagene | dagane | døgnene | døgna ) )
      | (?: disse | desse ) \s+ (?: to | tre | 2 | 3 ) \s+ (?: dagene | dagane | døgnene | døgna ) )
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# A count for a part of the town ("ingen smittede på sykehjem") is not the town's figure:
# it would contradict the day's total in the cases report.
_PART_STEMS = (*W.PART_OF_TOWN, "blant")
_SUBGROUP_RE = re.compile(
    rf"""(?<!\w) (?: (?:i|på|ved) \s+ (?: (?:de|dei|den|det) \s+ )? (?: [\w-]+ \s+ )?
          (?: {"|".join(W.PART_OF_TOWN)} )
        | blant \s+ [^\W\d_] )""",
    re.VERBOSE,
)


_FIRST_DEATH_RE = re.compile(r"(?<!\w)[fF]ørste\s+(?:[\w-]+\s+)?(?:korona)?dødsfall(?:et)?(?!\w)")


# -- place -------------------------------------------------------------------------------
def _find_place(text: str, a: int, b: int, metric: str) -> str | None:
    """The place named in ``[a, b)``: a capitalised name after "i", "fra" or "på"."""
    for capital in _CAPITAL_RE.finditer(text, a, b):
        start = capital.start()
        space = text.rfind(" ", a, start - 1)
        prep = text[space + 1 if space != -1 else a : start - 1]
        if prep not in _PLACE_PREPOSITIONS or not text[start - 1].isspace():
            continue
        pm = _PLACE_RE.match(text, start, b)
        if pm is None:
            continue
        name = pm["name"]
        if prep in ("på", "På") and metric in ("hospitalized", "deaths"):
            continue  # "innlagt på Ahus", "døde på Bærum sykehus": a hospital, not a place
        nxt = pm["next"]
        if nxt is not None and nxt.casefold() in W.INSTITUTION_WORDS:
            continue
        if name.split()[0] in W.NOT_PLACES or name.casefold().endswith(W.INSTITUTION_SUFFIXES):
            continue
        return name
    return None


_CAPITAL_RE = re.compile(f"[{_UPPER}]")
_PLACE_PREPOSITIONS = frozenset(("i", "I", "fra", "Fra", "frå", "Frå", "på", "På"))


# "Nordland, som førebels berre har ni tilfelle": a clause that opens with "som" tells
# of the name just before its comma.
_RELATIVE_RE = regex.compile(rf"(?<!\w)(?P<name>{_PLACE}),\s+$")


def _relative_clause_place(text: str, s: int, cs: int) -> str | None:
    if cs <= s or not text.startswith("som ", cs + 1 if text[cs] == " " else cs):
        return None
    m = _RELATIVE_RE.search(text, max(s, cs - 60), cs + 1)
    if m is None or m["name"].split()[0] in W.NOT_PLACES:
        return None
    return m["name"]


# A list item that gives a place and its figure: "* Oslo: 1.962", "• Viken: 1 814".
_PLACE_ITEM_RE = regex.compile(
    rf"(?P<place>{_PLACE})\s*:\s*(?P<count>\d{{1,3}}(?:[\x20\u00a0\u202f.]\d{{3}})+|\d+)\s*$"
)


def _list_figures(doc: Document) -> Iterator[Match]:
    """Figures listed by place under a lead-in that names them: "Registrerte
    coronatilfeller per fylke:" then "* Oslo: 1.962", "* Viken: 1.814"."""
    text = doc.text
    for item in doc.list_items:
        if ":" not in item.item or not item.heading or not CASE_WORD_RE.search(item.heading):
            continue
        m = _PLACE_ITEM_RE.fullmatch(text, item.start, item.end)
        if m is None or m["place"].split()[0] in W.NOT_PLACES:
            continue
        metric = label_metric(item.heading, item.heading, 0, len(item.heading))
        if metric is None:
            continue
        digits = m["count"]
        value = int(digits) if digits.isdigit() else parse_int_grouped(digits)
        fig = Figure(item.start, item.end, metric, value, m["place"])
        yield _match(fig, doc.date_at(item.start))


def _with_since(doc: Document, fig: Figure, cs: int, ce: int, s: int, date: str | None) -> Figure:
    """``fig`` (a new figure) with the time it is counted from, when its clause says."""
    sm = SINCE_RE.search(doc.text, cs, ce)
    if sm is None:
        return fig
    group = next(g for g in ("since1", "since2", "since3", "since4") if sm[g] is not None)
    since = sm[group].rstrip(".")  # "siden 27. mars." ends the sentence
    end = fig.end
    if sm.start() >= fig.end and not any(_counts(doc.text, fig.end, sm.start())):
        end = sm.start(group) + len(since)  # "8 nye fra søndag": the time is evidence
    return fig._replace(end=end, since=since, since_date=_resolve_since(doc, sm, date, s))


def _resolve_since(doc: Document, m: re.Match[str], date: str | None, s: int) -> str | None:
    """The date of a since match ``m`` in the sentence at ``s`` whose date is ``date``."""
    if m["date"] is not None:
        dm = INLINE_DATE_RE.match(doc.text, m.start("date"))
        d = parse_inline_date(dm, doc.reference_year(s)) if dm else None
        return d.isoformat() if d else None
    if date is None:
        return None
    ref = _dt.date.fromisoformat(date)
    if m["yesterday"] or m["last_day2"] or m["last_day3"]:
        return (ref - _dt.timedelta(days=1)).isoformat()
    if m["day_before"]:
        return (ref - _dt.timedelta(days=2)).isoformat()
    if m["weekday"]:
        return previous_weekday(ref, WEEKDAYS[m["weekday"].casefold()]).isoformat()
    return None


# "per 18. juni", "pr. 3.4.2020", "per klokken 24.00 den 3.04.2020", "(per 4.04.2020
# klokken 08.00)": the date the sentence's figures are for.
_PER_DATE_RE = regex.compile(
    rf"""(?<!\w) (?: per | pr\.? ) \s+
         (?: (?: klokken | klokka | kl\.? ) \s* \d{{1,2}} [.:] \d{{2}} \s+ (?: den \s+ )? )?
         (?: {INLINE_DATE_RE.pattern} )""",
    regex.VERBOSE | regex.IGNORECASE,
)
