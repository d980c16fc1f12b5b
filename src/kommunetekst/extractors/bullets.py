"""List items: every ``•``, ``·``, ``*``, ``-`` or ``–`` item, several on one line too.

Each item comes with the lead-in line of its list (``heading``), the list's
``category`` from the heading's words (kriseledelse/kriseleiing -> decision,
resultater -> result, utfordringer -> challenge, aktuelt -> news, fakta ->
fact, behov -> need, tema -> topic, else other), its 1-based ``index`` in the
list, and its ``date``: the item's own leading date (``16.12.2015: …``) or
its section's.

Caveats: paragraphs that start with a dash and read as a quote
(``– Jeg vil …, sier ordfører …``) are not items, nor is a lone dash
paragraph without a lead-in that ends with a colon. ``item`` has its
whitespace folded; ``text`` is the exact evidence.

Fields: ``item``, ``heading``, ``category``, ``index``.

Example::

    Kriseledelsen har blant annet diskutert:
     • Barn og unge i risikogrupper.

    {"kind": "bullet", "doc": "-", "line": 2, "span": [44, 73],
     "text": "Barn og unge i risikogrupper.", "date": null,
     "item": "Barn og unge i risikogrupper.",
     "heading": "Kriseledelsen har blant annet diskutert:",
     "category": "decision", "index": 1}
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..dates import INLINE_DATE_RE, parse_inline_date
from ..document import Document, iso
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="bullets",
    kind="bullet",
    version="1.0",
    description="List items with their lead-in, category, index and date",
    fields={
        "item": "string",
        "heading": "string?",
        "category": "string",
        "index": "integer",
    },
)

# A leading date is an INLINE_DATE_RE match followed by a colon. Matched in two steps
# rather than as one pattern (which cost a second compile of the date pattern at
# import): no shorter reading of a date can be followed by ``\s*:`` where the longest
# cannot (what a shorter one leaves out is a '.', a year or a digit), so the two
# steps find what the one pattern found.
_COLON_RE = regex.compile(r"\s*:")


def extract(doc: Document) -> Iterator[Match]:
    text, items = doc.text, doc.list_items
    for it, date in zip(items, doc.dates_at([it.start for it in items]), strict=True):
        # A leading date starts with a digit; most items need no regex at all.
        if text[it.start].isdigit():
            m = INLINE_DATE_RE.match(text, it.start, it.end)
            # The colon mostly follows at once: a startswith spares a regex call.
            if m and (text.startswith(":", m.end(), it.end) or _COLON_RE.match(text, m.end(), it.end)):
                own = parse_inline_date(m, doc.reference_year(it.start))
                date = iso(own) or date
        yield Match(
            "bullet",
            it.start,
            it.end,
            date,
            {"item": it.item, "heading": it.heading, "category": it.category, "index": it.index},
        )
