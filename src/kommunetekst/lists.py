"""List items and their lead-in lines: part of the document model.

A list is a run of lines that start with a bullet mark. Strong marks (``•``,
``·``, ``*``, ``▪``) may have blank lines between items; dash marks (``-``,
``–``, ``—``) may not, because news texts also start quotes with a dash
(``– Jeg vil uttrykke min medfølelse …, sier ordfører …``). A dash item that
reads as a quote (``…, sier NN``) is not a list item, and a lone dash item
counts only under a lead-in that ends with a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import regex

from .textutil import HSPACE_CLASS, fold_whitespace

_S = HSPACE_CLASS
# Stdlib re: its match objects are cheaper to read than the regex module's.
ITEM_LINE_RE = re.compile(
    rf"^{_S}*(?P<mark>[•·*▪◦‣●]|[-–—](?=[ \t\u00a0\u202f]))(?:{_S}+|(?=\S))(?P<rest>[^\n]*)",
    re.MULTILINE,
)
# Every other item line, found in one scan: the literal "\n" prefix lets stdlib re
# skip ahead fast, and one finditer costs less than a prefilter plus a match per line.
# The indent is never given back (``*+``: a mark is not a space), which spares the
# engine a backtracking point on every line. The lookahead (an indent's or a mark's
# first character) turns most lines away with one class test, before the engine
# sets up the indent's repeat.
_NEXT_ITEM_RE = re.compile(
    rf"\n(?=[ \t\u00a0\u202f•·*▪◦‣●\-–—])[ \t\u00a0\u202f]*+"
    rf"(?P<mark>[•·*▪◦‣●]|[-–—](?=[ \t\u00a0\u202f]))(?:{_S}+|(?=\S))(?P<rest>[^\n]*)"
)
_TRIM = " \t\u00a0\u202f"
# Several items on one line: "… til 2 113. • Oppfølgingstjenester …".
_INLINE_MARKS = "•·▪●"
_INLINE_MARK_RE = re.compile(rf"{_S}+[{_INLINE_MARKS}]{_S}+")
# "…, sier ordfører X": a verb of saying after a space, then a word. Anchored on the
# verb (not on ",?\s+" before it), so the search does not start at every space.
_QUOTE_RE = regex.compile(r"(?<=\s)(?:sier|sa|skriv|skriver|seier)\s+\p{L}", regex.IGNORECASE)
_STRONG = frozenset("•·*▪◦‣●")

# Heading words -> category, first hit wins (so "Nytt fra kriseledelsen" is a decision).
CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("decision", ("kriseledelse", "kriseleiing", "kriseleiinga", "beredskapsråd", "vedtak",
                  "vedtatt", "vedteke", "besluttet", "beslutning", "vedtok")),
    ("result", ("resultat",)),
    ("challenge", ("utfordring",)),
    ("news", ("aktuelt", "nyheter", "nyheiter", "siste nytt", "nytt")),
    ("fact", ("fakta",)),
    ("need", ("behov", "trenger", "treng", "søker", "bistand")),
    ("topic", ("tema",)),
)
#: Every category a list item can have, in the order of SPEC §2.
CATEGORIES: tuple[str, ...] = (*(c for c, _ in CATEGORY_WORDS), "other")


# Every (word, category) in table order: a plain loop of ``in`` tests costs less than
# a regex search per category (or a generator over the words).
_CATEGORY_OF_WORD = tuple((w, c) for c, ws in CATEGORY_WORDS for w in ws)


def categorize(heading: str | None) -> str:
    """The SPEC §2 category of a list, from the words of its lead-in line.

    >>> categorize("Kriseledelsen har blant annet diskutert:")
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


def find_list_items(text: str) -> list[ListItem]:
    """Every list item of ``text`` in text order, with heading, category and index."""
    items: list[ListItem] = []
    prev_end = -1  # end of the previous item line, -1 when the list was broken
    prev_strong = False
    index = 0
    heading: str | None = None
    heading_start: int | None = None
    category = "other"
    pending: list[tuple[int, str]] = []  # dash items waiting to see whether they form a list
    in_order = True  # False once waiting dash items go in after a strong item below them

    def flush_pending() -> None:
        nonlocal in_order
        # Dash items form a list of two or more, or one under a lead-in ending in a colon.
        if len(pending) > 1 or (pending and heading and heading.endswith(":")):
            if items and items[-1].start > pending[0][0]:
                in_order = False
            for i, (s, item) in enumerate(pending, 1):
                items.append(ListItem(s, s + len(item), fold_whitespace(item), heading, heading_start, category, i))
        pending.clear()

    first = ITEM_LINE_RE.match(text)
    for m in chain((first,) if first else (), _NEXT_ITEM_RE.finditer(text)):
        # Where the line starts: after the "\n" the match begins with. The first line
        # counts as starting at 1: nothing is above it, and no list is open yet.
        line_start = m.start() + 1
        rest_start, end = m.span(2)
        rest = m[2]
        strong = m[1] in _STRONG
        continues = prev_end >= 0 and (
            prev_end + 1 == line_start
            or (strong and prev_strong and not text[prev_end:line_start].strip())
        )
        if not strong and _QUOTE_RE.search(text, rest_start, end):
            flush_pending()
            prev_end, prev_strong = -1, False
            continue
        if not continues:
            flush_pending()
            heading, heading_start = _lead_in(text, line_start)
            category = categorize(heading)
            index = 0
        # An item never starts with a space (the mark's spaces are taken whole, as are
        # an inline mark's), so trimming it is an rstrip of the trailing ones.
        if strong:
            # Spelled out, the test of _INLINE_MARKS is cheaper than any() over them.
            if "•" in rest or "·" in rest or "▪" in rest or "●" in rest:  # maybe several items (rare)
                for s, item in _split_inline(text, rest_start, end):
                    item = item.rstrip(_TRIM)
                    if item:
                        index += 1
                        items.append(
                            ListItem(s, s + len(item), fold_whitespace(item), heading, heading_start, category, index)
                        )
            else:  # one item: no list of pieces to build and unpack
                item = rest.rstrip(_TRIM)
                if item:
                    index += 1
                    items.append(
                        ListItem(rest_start, rest_start + len(item), fold_whitespace(item), heading, heading_start,
                                 category, index)
                    )
        else:
            item = rest.rstrip(_TRIM)
            if item:
                pending.append((rest_start, item))
        prev_end, prev_strong = end, strong
    flush_pending()
    if not in_order:
        items.sort(key=_START)
    return items


_START = attrgetter("start")


def _split_inline(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The items of one line, ``(start, text)`` each: ``[start, end)`` cut at inline marks (`` • ``)."""
    out = []
    for sep in _INLINE_MARK_RE.finditer(text, start, end):
        out.append((start, text[start : sep.start()]))
        start = sep.end()
    out.append((start, text[start:end]))
    return out
