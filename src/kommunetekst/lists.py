"""List items and their lead-in lines: part of the document model.

A list is a run of lines that start with a bullet mark (``•``, ``·``, ``*``,
``▪``, ``-``, ``–``, …) or a number (``1.``, ``2)``, ``(3)``, ``a)``, ``iv.``).

- Strong marks (``•``, ``·``, ``*``, ``▪``) may have blank lines between items;
  dash marks (``-``, ``–``, ``—``) may not, because news texts also start quotes
  with a dash (``– Jeg vil uttrykke min medfølelse …, sier ordfører …``), unless
  the dash items are indented deeper than their lead-in (a quote paragraph is not
  indented under the text before it). A dash item that reads as a quote (``…, sier
  NN``) is not a list item; dash items form a list of two or more, or one under a
  lead-in that ends with a colon (not when it opens in the first person, ``– Vi må
  stå sammen.``: that is speech). A dash glued to the item (``-Skolene stenger``)
  counts like a spaced one.
- ``*`` also marks footnotes (``* Gjelder ikke …``, ``** Voksne …``): ``*`` items
  form a list on the terms of dash items (two or more, or one under a lead-in that
  ends with a colon), and ``**`` is never a list mark.
- A line between items that is indented deeper than the list's marks (an item's
  body text), or that goes on in lower case right under an item (wrapped text),
  does not break the list; nor do blank or no-break-space-only lines between
  strong items. Any other line between items ends the list.
- Numbered lines are items when two or more of one kind (digits, letters, roman
  numerals) follow each other from the first (``1``, ``a``, ``i``); the number may
  repeat (``1. … 1. …``: web editors renumber). ``number`` is the number or letter
  as written, without its punctuation. A line that starts its kind again (``1``,
  ``a``, ``i``) indented deeper than the run it would continue opens a list nested
  under that run's last line (a phone menu: `` 2. Sentraladministrasjon:`` /
  ``  1. Skatt``). A line that starts with a day and a month
  (``1. mai``) is a date, not a numbered item.
- Items under a numbered line (``2. Smittesporing:`` / ``• Nærkontakter …``) form
  a list of their own: its lead-in is that numbered line as written, and its index
  starts at 1; the next numbered line goes on with the numbered list. Items
  indented under an item of the same kind stay in its list, as written.

Each list's ``heading`` is its lead-in: the nearest non-blank line above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

import regex

from .dates import MONTH_ALT
from .textutil import HSPACE, HSPACE_CLASS, fold_whitespace

_S = HSPACE_CLASS
# What starts a list item, after the line's indent: a bullet mark, a dash (spaced, or
# glued to a word: "-Item"), or a number or letter with its punctuation ("1.", "2)",
# "(3)", "a)", "iv.").
_MARK = rf"""
    (?P<mark>
        [•·▪◦‣●] | \* (?! \* )
      | [-–—] (?= {_S} | [^\W\d_] )
      | (?P<open> \( )? (?P<label> \d{{1,2}} | [a-zA-Z] | [ivxIVX]{{2,4}} )
        (?(open) \) | [.)] ) (?= {_S} )
    )
    (?: {_S}+ | (?=\S) )
    (?P<rest> [^\n]* )
"""
# Stdlib re: its match objects are cheaper to read than the regex module's.
ITEM_LINE_RE = re.compile(rf"^ {_S}*+ {_MARK}", re.MULTILINE | re.VERBOSE)
# Every other item line, found in one scan: the literal "\n" prefix lets stdlib re
# skip ahead fast, and one finditer costs less than a prefilter plus a match per line.
# The lookaheads turn most lines away at their first two characters, before the
# engine tries the marks: a line starts with an indent, a mark or a number mark, and
# a capital letter followed by a small one (a word: most lines) is no number mark.
# The indent is never given back (``*+``: a mark is not a space), which spares the
# engine a backtracking point on every line.
_NEXT_ITEM_RE = re.compile(
    rf"\n (?= [{HSPACE}•·*▪◦‣●\-–—(\da-zA-Z] ) (?! [A-Z][a-zæøå] ) {_S}*+ {_MARK}",
    re.VERBOSE,
)
_TRIM = HSPACE
# The next character that is not a space (no-break spaces and newlines are spaces).
_NONBLANK_RE = re.compile(r"\S")
# Several items on one line: "… til 2 113. • Oppfølgingstjenester …".
_INLINE_MARKS = "•·▪●"
_INLINE_MARK_RE = re.compile(rf"{_S}+[{_INLINE_MARKS}]{_S}+")
# "…, sier ordfører X": a verb of saying after a space, then a word. Anchored on the
# verb (not on ",?\s+" before it), so the search does not start at every space.
_QUOTE_RE = regex.compile(r"(?<=\s)(?:sier|sa|skriv|skriver|seier)\s+\p{L}", regex.IGNORECASE)
# A lone dash paragraph that opens in the first person is speech: "– Vi må stå sammen."
_FIRST_PERSON_RE = re.compile(r"(?:Jeg|Eg|Vi|Me)\b")
# "1. mai …" after a number mark: a date, not the first item of a list.
_MONTH_WORD_RE = re.compile(rf"(?i:{MONTH_ALT})\b\.?")
_STRONG = frozenset("•·*▪◦‣●")
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}

# Heading words -> category, first hit wins (so "Nytt fra kriseledelsen" is a decision).
# A list the team only discussed is not a decision: the words of a discussion held
# ("har diskutert", "drøfta", "tok opp") come before the names of the crisis team, but
# after the words of a decision made, which win ("drøftet og vedtok"). A discussion still
# to come ("kan drøftes", an agenda) is not one held: the passive "-es" forms are not listed.
CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("decision", ("vedtak", "vedtatt", "vedteke", "vedtok", "besluttet", "beslutning")),
    (
        "discussed",
        (
            "diskutert",
            "diskuterte",
            "diskuterer",
            "drøftet",
            "drøfta",
            "drøfter",
            "drøftar",
            "tok opp",
            "tok også opp",
            "tok òg opp",
            "ble tatt opp",
            "blei tatt opp",
            "vart tatt opp",
            "vart teke opp",
            "blei teke opp",
            "har tatt opp",
            "har teke opp",
        ),
    ),
    ("decision", ("kriseledelse", "kriseleiing", "kriseleiinga", "beredskapsråd")),
    ("result", ("resultat",)),
    ("challenge", ("utfordring",)),
    ("news", ("aktuelt", "nyheter", "nyheiter", "siste nytt", "nytt")),
    ("fact", ("fakta",)),
    ("need", ("behov", "trenger", "treng", "søker", "bistand")),
    ("topic", ("tema",)),
)
#: Every category a list item can have (the README's Extractors table lists them).
CATEGORIES: tuple[str, ...] = (*dict.fromkeys(c for c, _ in CATEGORY_WORDS), "other")


# Every (word, category) in table order: a plain loop of ``in`` tests costs less than
# a regex search per category (or a generator over the words).
_CATEGORY_OF_WORD = tuple((w, c) for c, ws in CATEGORY_WORDS for w in ws)


def categorize(heading: str | None) -> str:
    """The category of a list, from the words of its lead-in line.

    >>> categorize("Kriseledelsen har blant annet diskutert:")
    'discussed'
    >>> categorize("Kriseledelsen har drøftet saken og vedtatt følgende:")
    'decision'
    >>> categorize("Det er spesielt behov for bistand til:")
    'need'
    >>> categorize(None)
    'other'
    """
    if not heading:
        return "other"
    h = heading.casefold()
    for word, category in _CATEGORY_OF_WORD:
        if word in h:
            return category
    return "other"


@dataclass(slots=True)  # read-only by convention; frozen would cost ~1 µs per item
class ListItem:
    start: int  # first character of the item (after the mark)
    end: int  # last character + 1 (trailing space excluded)
    item: str  # whitespace folded
    heading: str | None
    heading_start: int | None
    category: str
    index: int  # 1-based in its list
    number: str | None = None  # a numbered item's number or letter as written, without "." or ")"


def _lead_in(text: str, line_start: int) -> tuple[str | None, int | None]:
    """The nearest non-blank line above ``line_start``."""
    pos = line_start - 1
    while pos > 0:
        prev = text.rfind("\n", 0, pos)
        line = text[prev + 1 : pos]
        if line and not line.isspace():
            return fold_whitespace(line), prev + 1
        pos = prev
    return None, None


def _label_readings(label: str) -> tuple[tuple[str, int], ...]:
    """The ``(kind, value)`` readings of a list number: ``"7"`` -> digit 7, ``"i"`` -> roman 1,
    letter 9."""
    if label.isdigit():
        return (("1", int(label)),)
    low = label.lower()
    case = "" if label.islower() else "^"
    readings = []
    if low in _ROMAN:
        readings.append(("i" + case, _ROMAN[low]))
    if len(label) == 1:
        readings.append(("a" + case, ord(low) - ord("a") + 1))
    return tuple(readings)


class _List:
    """An open list of marked items (``•``, ``-``): lead-in, index so far, waiting dash items."""

    __slots__ = ("category", "dashes", "heading", "heading_start", "index")

    # ``dashes``: the items that wait until the list is decided (dash and ``*`` marks)

    def __init__(self, heading: str | None, heading_start: int | None) -> None:
        self.heading = heading
        self.heading_start = heading_start
        self.category = categorize(heading)
        self.index = 0
        self.dashes: list[tuple[int, str]] = []


@dataclass(slots=True)
class _Run:
    """An open run of numbered lines of one kind, and the list under its last line."""

    kind: str
    heading: str | None
    heading_start: int | None
    category: str
    # (start, item, label, line start) of each numbered line
    entries: list[tuple[int, str, str, int]] = field(default_factory=list)
    first_value: int = 0
    sub: _List | None = None
    indent: int = 0  # of the mark of its first line


class _Scan:
    """The lists of one text, built line by line from the item lines found in it."""

    __slots__ = ("indent", "items", "runs", "sorted", "text", "top")

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[ListItem] = []
        self.sorted = True
        self.top: _List | None = None  # the open list of marked items outside any numbered run
        self.runs: list[_Run] = []  # open numbered runs, outermost first
        self.indent = 0  # indent of the first item of the open lists (the outermost)

    # -- the lines between two item lines ------------------------------------------------
    def breaks(self, start: int, end: int, blank_ok: bool) -> bool:
        """Whether the lines between two item lines end the open lists.

        ``start`` is the newline that ends the upper item line, ``end`` the newline
        before the lower one. Only the start of each non-blank line is read: the lines
        between items are often long paragraphs, and the first one mostly decides.
        """
        text = self.text
        pos = start + 1  # the line after the upper item, or after the text under it
        while True:
            found = _NONBLANK_RE.search(text, pos, end)
            if found is None:  # blank lines (or none) down to the lower item
                return pos <= end and not blank_ok
            first = found.start()  # the first character of the next non-blank line
            line_start = text.rfind("\n", pos - 1, first) + 1
            if line_start > pos and not blank_ok:  # blank lines above it
                return True
            # Body text indented under the items, or a wrapped line going on in lower
            # case right under the text above it.
            indented = first - line_start > self.indent
            if not (indented or (line_start == pos and text[first].islower())):
                return True
            pos = text.find("\n", first, end) + 1
            if pos == 0:  # that line was the last before the lower item
                return False

    # -- emitting ----------------------------------------------------------------------
    def add(self, lst: _List, start: int, item: str, number: str | None = None) -> None:
        """Emit ``item`` (trimmed text at ``start``) as the next item of ``lst``."""
        folded = fold_whitespace(item)
        if not folded:  # only spaces that are no HSPACE (U+0085, U+2028): nothing to list
            return
        lst.index += 1
        self.items.append(ListItem(start, start + len(item), folded, lst.heading,
                                   lst.heading_start, lst.category, lst.index, number))  # fmt: skip

    def flush_dashes(self, lst: _List | None) -> None:
        """Decide the waiting dash items of ``lst``: a list, or quotes and stray dashes."""
        if lst is None or not lst.dashes:
            return
        dashes = lst.dashes
        # Dash items form a list of two or more, or one under a lead-in ending in a colon,
        # unless that one opens in the first person (speech, not an item).
        if len(dashes) > 1 or (
            lst.heading and lst.heading.endswith(":") and not _FIRST_PERSON_RE.match(dashes[0][1])
        ):
            if self.items and self.items[-1].start > dashes[0][0]:
                self.sorted = False
            for start, item in dashes:
                self.add(lst, start, item)
        lst.dashes = []

    def close_runs(self, depth: int) -> None:
        """Close the numbered runs from ``depth`` on: emit those that are lists."""
        while len(self.runs) > depth:
            run = self.runs.pop()
            self.flush_dashes(run.sub)
            # A list of numbered lines starts at one (1, a, i) and has two or more.
            if len(run.entries) > 1 and run.first_value == 1:
                self.sorted = False
                lst = _List(run.heading, run.heading_start)
                for start, item, label, _ in run.entries:
                    self.add(lst, start, item, label)

    def close_all(self) -> None:
        """End every open list: decide its waiting dash items and numbered lines."""
        if self.runs:
            self.close_runs(0)
        if self.top is not None:
            self.flush_dashes(self.top)
            self.top = None

    # -- one item line -------------------------------------------------------------------
    def numbered(
        self, line_start: int, label: str, rest_start: int, item: str, indent: int
    ) -> None:
        """A numbered line: the next in an open run of its kind, or the first of a new run.

        It continues the outermost run of its kind that is indented as deep as the line or
        deeper; a line indented deeper than every run of its kind starts a list nested
        under the last of them when it starts its kind again (``1``, ``a``, ``i``), else it
        continues the innermost one (indents are often ragged).
        """
        readings = _label_readings(label)
        kinds = {kind for kind, _ in readings}
        same = [d for d, run in enumerate(self.runs) if run.kind in kinds]
        if same:
            at = next((d for d in same if self.runs[d].indent >= indent), None)
            if at is None and not any(
                kind == self.runs[same[-1]].kind and value == 1 for kind, value in readings
            ):
                at = same[-1]
            if at is not None:
                run = self.runs[at]
                self.close_runs(at + 1)
                self.flush_dashes(run.sub)
                run.sub = None
                run.entries.append((rest_start, item, label, line_start))
                return
        heading: str | None
        heading_start: int | None
        if self.runs:  # a numbered list under a numbered line: the line is its lead-in
            parent = self.runs[-1]
            self.flush_dashes(parent.sub)
            parent.sub = None
            heading, heading_start = self.line_of(parent.entries[-1][3])
        elif self.top is not None:  # after marked items: the same lead-in
            self.flush_dashes(self.top)
            heading, heading_start = self.top.heading, self.top.heading_start
            self.top = None
        else:  # nothing is open (the caller closed it): a new list
            heading, heading_start = _lead_in(self.text, line_start)
        # A run starts at its kind's first value: "i" is roman one, "a" the letter.
        kind, value = min(readings, key=lambda r: r[1])
        run = _Run(kind, heading, heading_start, categorize(heading), first_value=value,
                   indent=indent)  # fmt: skip
        run.entries.append((rest_start, item, label, line_start))
        self.runs.append(run)

    def line_of(self, line_start: int) -> tuple[str, int]:
        """The line at ``line_start`` as a lead-in: whitespace folded, and where it starts."""
        end = self.text.find("\n", line_start)
        line = self.text[line_start:] if end == -1 else self.text[line_start:end]
        return fold_whitespace(line), line_start

    def list_at(self, line_start: int) -> _List:
        """The list a marked item (``•``, ``-``) at ``line_start`` goes in, opened if need be."""
        if self.runs:  # items under a numbered line: a list of their own, led in by that line
            run = self.runs[-1]
            if run.sub is None:
                run.sub = _List(*self.line_of(run.entries[-1][3]))
            return run.sub
        if self.top is None:  # nothing is open (the caller closed it): a new list
            self.top = _List(*_lead_in(self.text, line_start))
        return self.top


def find_list_items(text: str) -> list[ListItem]:
    """Every list item of ``text`` in text order, with heading, category, index and number."""
    scan = _Scan(text)
    items = scan.items
    end = -1  # end of the last line of the open lists, -1 when none is open
    prev_strong = False
    prev_dash_indent = -1  # the indent of the item line above when it is a dash item
    first = ITEM_LINE_RE.match(text)
    for m in chain((first,) if first else (), _NEXT_ITEM_RE.finditer(text)):
        # Where the line starts: after the "\n" the match begins with (the first line at 0).
        line_start = 0 if m is first else m.start() + 1
        # Every group, in the pattern's order (one groups() call reads them fastest).
        mark, _, label, rest = m.groups()
        rest_end = m.end()
        rest_start = rest_end - len(rest)
        strong = mark in _STRONG
        if label is None:
            if not strong and _QUOTE_RE.search(text, rest_start, rest_end):
                scan.close_all()  # a quote paragraph ends any list
                end = -1
                continue
        elif (
            rest.isspace()
            or rest_start == rest_end
            or (label.isdigit() and _MONTH_WORD_RE.match(text, rest_start))
        ):
            continue  # "1. mai": a date; or a number with nothing after it
        indent = m.start("mark") - line_start
        dash = not strong and label is None
        # Blank lines may part strong items and numbered lines; dash items only when they
        # are indented alike, deeper than their lead-in (quotes are not indented).
        blank_ok = (
            label is not None
            or (strong and prev_strong)
            or (dash and indent == prev_dash_indent and scan.top is not None
                and indent > _indent_of(text, scan.top.heading_start))
        )  # fmt: skip
        if end < 0 or (line_start - 1 > end and scan.breaks(end, line_start - 1, blank_ok)):
            scan.close_all()
            scan.indent = indent
        end = rest_end
        prev_strong = strong or label is not None
        prev_dash_indent = indent if dash else -1
        if label is not None:
            scan.numbered(line_start, label, rest_start, rest.rstrip(_TRIM), indent)
            continue
        # A marked item (•, -): in the open list, else in the one list_at() opens.
        lst = scan.top if not scan.runs and scan.top is not None else scan.list_at(line_start)
        # An item never starts with a space (the mark's spaces are taken whole, as are
        # an inline mark's), so trimming it is an rstrip of the trailing ones.
        if not strong or mark == "*":  # a dash or "*" item waits (see flush_dashes)
            item = rest.rstrip(_TRIM)
            if item and not item.isspace():
                lst.dashes.append((rest_start, item))
            continue
        if lst.dashes:  # a strong item after dash items: those are decided now
            scan.flush_dashes(lst)
        # Maybe several items on the line (rare). Spelled out, the test of _INLINE_MARKS
        # is cheaper than any() over them.
        if "•" in rest or "·" in rest or "▪" in rest or "●" in rest:
            for s, piece in _split_inline(text, rest_start, rest_end):
                piece = piece.rstrip(_TRIM)
                if piece:
                    scan.add(lst, s, piece)
        else:  # one item: no list of pieces to build and unpack; add() spelled out
            item = rest.rstrip(_TRIM)
            folded = fold_whitespace(item)
            if folded:
                lst.index += 1
                items.append(
                    ListItem(
                        rest_start,
                        rest_start + len(item),
                        folded,
                        lst.heading,
                        lst.heading_start,
                        lst.category,
                        lst.index,
                    )
                )
    scan.close_all()
    if not scan.sorted:
        items.sort(key=_START)
    return items


_START = attrgetter("start")


def _indent_of(text: str, line_start: int | None) -> int:
    """How many spaces begin the line at ``line_start`` (0 for no line)."""
    if line_start is None:
        return 0
    i = line_start
    while i < len(text) and text[i] in _TRIM:
        i += 1
    return i - line_start


def _split_inline(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The items of one line, ``(start, text)`` each: ``[start, end)`` cut at inline marks
    (`` • ``)."""
    out = []
    for sep in _INLINE_MARK_RE.finditer(text, start, end):
        out.append((start, text[start : sep.start()]))
        start = sep.end()
    out.append((start, text[start:end]))
    return out
