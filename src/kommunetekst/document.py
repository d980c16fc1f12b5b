"""The document model every extractor reads: lines, dated sections, list items, sentences.

Built once per document, so that "the date a figure belongs to", "the lead-in
of a list" and "the sentence around a match" are computed in one place.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from .dates import Header, find_headers
from .lists import ListItem, find_list_items
from .textutil import normalize_newlines, sentence_bounds

if TYPE_CHECKING:
    from .extractors._people import Mention


class Document:
    """Decoded text plus the structure extractors share.

    Args:
        text: the decoded text; CR and CRLF are folded to LF here.
        name: the ``doc`` of its records (the path as the user gave it, ``-`` for stdin).
        year: the year for dates the text gives without one, when the
            document's own dated headers do not settle it (``--year``).
    """

    def __init__(self, text: str, name: str = "-", year: int | None = None) -> None:
        self.text = normalize_newlines(text)
        self.name = name
        self.year = year

    # -- lines ---------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """``[start, end)`` of the line holding ``offset`` (newline excluded)."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset)
        return starts[i - 1], (starts[i] - 1 if i < len(starts) else len(self.text))

    def sentence_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``[s, e)`` of the sentence around ``[start, end)``; never crosses a line."""
        end = start if end is None else end
        ls, le = self.line_bounds(start)
        return sentence_bounds(self.text, start, max(end, start), ls, le)

    # -- sections under date headers --------------------------------------------
    @cached_property
    def headers(self) -> list[Header]:
        return find_headers(self.text, self.year)

    @cached_property
    def _header_starts(self) -> list[int]:
        return [h.line_start for h in self.headers]

    def section_at(self, offset: int) -> Header | None:
        """The date header whose section holds ``offset`` (the header line included)."""
        i = bisect.bisect_right(self._header_starts, offset) - 1
        return self.headers[i] if i >= 0 else None

    def date_at(self, offset: int) -> str | None:
        """ISO date of the section holding ``offset``, or None."""
        h = self.section_at(offset)
        return h.date if h else None

    def dates_at(self, offsets: Iterable[int]) -> list[str | None]:
        """:meth:`date_at` of each offset, for offsets in text order: one walk, no search."""
        headers = self.headers
        n, h, date = len(headers), 0, None  # headers[h]: the first header not yet passed
        dates = []
        for offset in offsets:
            while h < n and headers[h].line_start <= offset:
                date = headers[h].date
                h += 1
            dates.append(date)
        return dates

    def reference_year(self, offset: int) -> int | None:
        """The year for a yearless date at ``offset``: its section's, else ``--year``."""
        h = self.section_at(offset)
        if h and h.date:
            return int(h.date[:4])
        return self.year

    # -- lists ----------------------------------------------------------------
    @cached_property
    def list_items(self) -> list[ListItem]:
        return find_list_items(self.text)

    @cached_property
    def _item_starts(self) -> list[int]:
        return [it.start for it in self.list_items]

    def list_item_at(self, offset: int) -> ListItem | None:
        """The list item holding ``offset``, or None."""
        i = bisect.bisect_right(self._item_starts, offset) - 1
        if i >= 0 and offset < self.list_items[i].end:
            return self.list_items[i]
        return None

    def heading_at(self, offset: int) -> str | None:
        """The lead-in of the list holding ``offset``, else its section's title."""
        item = self.list_item_at(offset)
        if item and item.heading:
            return item.heading
        h = self.section_at(offset)
        return h.title if h else None

    # -- people (the person and quote extractors both read them) ----------------
    @cached_property
    def people(self) -> tuple[Mention, ...]:
        """Every mention of a person, in text order (see ``extractors/persons.py``)."""
        from .extractors._people import find_people  # it imports this module

        return tuple(find_people(self))


def iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None
