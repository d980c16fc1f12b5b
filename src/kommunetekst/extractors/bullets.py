"""List items: every ``•``, ``·``, ``*``, ``-`` or ``–`` item and every numbered one
(``1.``, ``2)``, ``(3)``, ``a)``, ``iv.``), several on one line too.

Each item comes with the lead-in line of its list (``heading``), the list's
``category`` from the heading's words (vedtatt/besluttet and kriseledelse/kriseleiing ->
decision; a discussion held, ``har diskutert``/``drøfta``/``tok opp``, -> discussed: the
team talked the items over and did not decide them, unless a decision word is there too;
resultater -> result, utfordringer -> challenge, aktuelt -> news, fakta ->
fact, behov -> need, tema -> topic, else other), its 1-based ``index`` (its
position in its list), its ``number`` (a numbered item's own number or letter as
written, without its ``.`` or ``)``: ``"3"``, ``"b"``, ``"iv"``; null for a bullet
mark; it may differ from ``index`` when a web editor renumbers, ``1. … 1. …``), and
its ``date``: the item's own leading date (``16.12.2015: …``) or its section's.

Body text indented under an item, and a line that goes on in lower case right under
it (wrapped text), do not end its list; blank and no-break-space-only lines between
``•`` items do not either, nor between dash items indented deeper than their lead-in.
Items under a numbered line (``2. Smittesporing:`` / ``• Nærkontakter …``) are a list
of their own, led in by that line as written, with the index starting again at 1; so
are numbered lines indented under it that count from 1 again (a phone menu, `` 2.
Helse:`` / ``  1. Legekontor``). Other items indented under an item of the same kind
stay in its list. See ``kommunetekst.lists`` for the rules in full.

Caveats: paragraphs that start with a dash and read as a quote
(``– Jeg vil …, sier ordfører …``) are not items, nor is a lone dash
paragraph without a lead-in that ends with a colon, nor a lone one that opens in
the first person (``– Vi må stå sammen.``). A lone ``*`` line without such a lead-in
is a footnote (``* Gjelder ikke barn.``), and ``**`` is never a mark. A dash inside a
line is never a mark, nor is a ``•`` inside a line that does not start with one
(``Hjem • Tjenester • Kontakt``: a menu or a footer as often as a list).
Numbered lines are items only as a list: two or more, counting from 1 (``a``,
``i``); a lone ``1. Innledning`` or ``10. trinn …`` is not, nor is ``1. mai``.
``item`` has its whitespace folded; ``text`` is the exact evidence.

``heading`` is at most :data:`HEADING_MAX` (300) characters: a longer lead-in (a whole
paragraph above the list) is cut there and ends in ``…``. Every item carries its
list's heading, so an unbounded one would make the output grow with the square of
the input (a 200 KB line over 10,000 items); the list's rules still read the whole line.

Fields: ``item``, ``heading``, ``category``, ``index``, ``number``.

Example::

    Kriseledelsen har blant annet diskutert:
     • Barn og unge i risikogrupper.

    {"kind": "bullet", "doc": "-", "line": 2, "span": [44, 73],
     "text": "Barn og unge i risikogrupper.", "date": null, "section": null,
     "item": "Barn og unge i risikogrupper.",
     "heading": "Kriseledelsen har blant annet diskutert:",
     "category": "discussed", "index": 1, "number": null}
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
    version="1.3",
    description="List items with their lead-in, category, index, number and date",
    fields={
        "item": "string",
        "heading": "string?",
        "category": "string",
        "index": "integer",
        "number": "string?",
    },
)

# A leading date is an INLINE_DATE_RE match followed by a colon. Matched in two steps
# rather than as one pattern (which cost a second compile of the date pattern at
# import): no shorter reading of a date can be followed by ``\s*:`` where the longest
# cannot (what a shorter one leaves out is a '.', a year or a digit), so the two
# steps find what the one pattern found.
_COLON_RE = regex.compile(r"\s*:")

#: The longest ``heading`` written; real lead-ins are far shorter (the longest in the
#: devset's gold is 168 characters).
HEADING_MAX = 300


def _bounded(heading: str | None) -> str | None:
    """``heading``, cut to :data:`HEADING_MAX` characters ending in ``…`` when longer."""
    if heading is None or len(heading) <= HEADING_MAX:
        return heading
    return heading[: HEADING_MAX - 1].rstrip() + "…"


def extract(doc: Document) -> Iterator[Match]:
    text, items = doc.text, doc.list_items
    last_heading: str | None = None
    heading = None
    for it, date in zip(items, doc.dates_at([it.start for it in items]), strict=True):
        # A leading date starts with a digit; most items need no regex at all.
        if text[it.start].isdigit():
            m = INLINE_DATE_RE.match(text, it.start, it.end)
            # The colon mostly follows at once: a startswith spares a regex call.
            if m and (
                text.startswith(":", m.end(), it.end) or _COLON_RE.match(text, m.end(), it.end)
            ):
                own = parse_inline_date(m, doc.reference_year(it.start))
                date = iso(own) or date
        if it.heading is not last_heading:  # cut once per list, not once per item
            last_heading, heading = it.heading, _bounded(it.heading)
        yield Match(
            "bullet",
            it.start,
            it.end,
            date,
            {
                "item": it.item,
                "heading": heading,
                "category": it.category,
                "index": it.index,
                "number": it.number,
            },
        )
