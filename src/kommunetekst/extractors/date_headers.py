"""Date headers: lines that start with a date and go on with a title.

News logs head each entry with a date: ``26.06.20 Dagens smittetall``,
``20. mars: Samarbeider med frivilligheten``, ``Mandag 23. mars 2020: …``,
``27. mars kl. 20.30``. Month names and abbreviations in bokmål and nynorsk,
two- and four-digit years.

Caveats: a sentence that merely starts with a date (``Lørdag 28. mars er det
mulig å levere hageavfall … kl. 09-15. Det er …``) is not a header; nor is a
date inside a line, or a list item that starts with a date (that is a
``bullet`` with its own ``date``). A header without a year takes the year of
the document's other dated headers when that is unambiguous, else ``--year``;
otherwise ``date`` is null and ``date_text`` keeps what was written.

Fields: ``date_text`` (as written), ``title``, ``time`` (``HH:MM`` or null).

Example::

    26.06.20 Dagens smittetall

    {"kind": "date_header", "doc": "-", "line": 1, "span": [0, 26],
     "text": "26.06.20 Dagens smittetall", "date": "2020-06-26",
     "date_text": "26.06.20", "title": "Dagens smittetall", "time": null}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="date_headers",
    kind="date_header",
    version="1.0",
    description="Lines that start with a date and a title (news-log entries)",
    fields={
        "date_text": "string",
        "title": "string?",
        "time": "string?",
    },
)


def extract(doc: Document) -> Iterator[Match]:
    for h in doc.headers:
        yield Match(
            "date_header",
            h.start,
            h.end,
            h.date,
            {"date_text": h.date_text, "title": h.title, "time": h.time},
        )
