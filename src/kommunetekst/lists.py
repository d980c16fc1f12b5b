"""List items and their lead-in lines: part of the document model.

A list is a run of lines that start with a bullet mark. Strong marks (``•``,
``·``, ``*``, ``▪``) may have blank lines between items; dash marks (``-``,
``–``, ``—``) may not, because news texts also start quotes with a dash
(``– Jeg vil uttrykke min medfølelse …, sier ordfører …``). A dash item that
reads as a quote (``…, sier NN``) is not a list item, and a lone dash item
counts only under a lead-in that ends with a colon.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .textutil import HSPACE_CLASS, fold_whitespace

_S = HSPACE_CLASS
ITEM_LINE_RE = regex.compile(
    rf"^{_S}*(?P<mark>[•·*▪◦‣●]|[-–—](?=[ \t\u00a0\u202f]))(?:{_S}+|(?=\S))(?P<rest>[^\n]*)",
    regex.MULTILINE,
)
# Several items on one line: "… til 2 113. • Oppfølgingstjenester …".
_INLINE_MARK_RE = regex.compile(rf"{_S}+[•·▪●]{_S}+")
_QUOTE_RE = regex.compile(r",?\s+(?:sier|sa|skriv|skriver|seier)\s+\p{L}", regex.IGNORECASE)
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
    for category, words in CATEGORY_WORDS:
        if any(w in h for w in words):
            return category
    return "other"


@dataclass(frozen=True, slots=True)
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
        s = prev + 1
        if text[s:pos].strip():
            return fold_whitespace(text[s:pos]), s
        pos = prev
    return None, None


def find_list_items(text: str) -> list[ListItem]:
    """Every list item of ``text`` in text order, with heading, category and index."""
    items: list[ListItem] = []
    prev_end = -1  # end of the previous item line
    prev_strong = False
    index = 0
    heading: str | None = None
    heading_start: int | None = None
    pending: list[tuple[int, int, str]] = []  # dash items waiting for a list of their own

    def flush_pending() -> None:
        # A lone dash item counts only under a lead-in that ends with a colon.
        if len(pending) > 1 or (pending and heading and heading.endswith(":")):
            cat = categorize(heading)
            for i, (s, e, it) in enumerate(pending, 1):
                items.append(ListItem(s, e, it, heading, heading_start, cat, i))
        pending.clear()

    for m in ITEM_LINE_RE.finditer(text):
        strong = m["mark"] in _STRONG
        line_start = m.start()
        between = text[prev_end:line_start] if prev_end >= 0 else None
        continues = between is not None and (
            between == "\n" or (strong and prev_strong and not between.strip())
        )
        if strong:
            segments = _split_inline(m)
        else:
            rest_start = m.start("rest")
            if _QUOTE_RE.search(m["rest"]):
                flush_pending()
                prev_end, prev_strong = -1, False
                continue
            segments = [(rest_start, m.end())]
        if not continues:
            flush_pending()
            heading, heading_start = _lead_in(text, line_start)
            index = 0
        for s, e in segments:
            # trim whitespace at both ends of the segment
            while s < e and text[s] in " \t\u00a0\u202f":
                s += 1
            while e > s and text[e - 1] in " \t\u00a0\u202f":
                e -= 1
            if s == e:
                continue
            item = fold_whitespace(text[s:e])
            if strong:
                index += 1
                items.append(ListItem(s, e, item, heading, heading_start, categorize(heading), index))
            else:
                pending.append((s, e, item))
        prev_end, prev_strong = m.end(), strong
    flush_pending()
    items.sort(key=lambda it: it.start)
    return items


def _split_inline(m: regex.Match[str]) -> list[tuple[int, int]]:
    start, end = m.start("rest"), m.end()
    out = []
    for sep in _INLINE_MARK_RE.finditer(m.string, start, end):
        out.append((start, sep.start()))
        start = sep.end()
    out.append((start, end))
    return out
