"""Date headers: lines that start with a date and go on with a title.

News logs head each entry with a date: ``26.06.20 Dagens smittetall``,
``20. mars: Samarbeider med frivilligheten``, ``Mandag 23. mars 2020: …``,
``Mandag 23.03.2020 …``, ``tirsdag 24.3. …``, ``Lørdag 24/10 kl. 09:55``,
``12.11.2020 kl. 14.00 …``. Month names and abbreviations in bokmål and nynorsk,
two- and four-digit years. A time after the date (``kl. 14.30``, ``klokka 15``,
``14:30``, or after a dash ``- kl. 9:05``) goes in ``time``; the rest of the line
is the title. A numeric date without a year, and any date written with slashes
(``24/10``, ``13/3/2020``), needs a weekday before it (alone, ``1.2.`` is as likely
a section number, ``10.44`` a time and ``24/7`` "all the time").

A date alone on its line (``21. januar``, ``2. april:``, ``Onsdag 27. mai 2020``)
heads the log entry under it; ``title`` is then null (the entry's title stays on its
own line). It is not a header when nothing follows it, when it is one of a run of
such lines (a list of dates), when the line above or below is the same kind of
cell, a day and month in figures (``01.05`` / ``1. mai`` / ``Stengt``: a flattened
table), or when a label above it makes it metadata (``Publisert`` / ``Sist endret:``
/ ``Dato:``). A title with no word in it is no headline (``Torsdag 12. juli: 105``,
``Mandag 15. april: 10-18``: a figure per day), so neither is a header.

Caveats: a sentence that merely starts with a date is not a header. Norwegian puts
the verb second, so a small letter right after the date means the sentence goes on
(``Onsdag 20. januar er det ikke registrert …``, ``11. mars ble det innført …``);
so does a second sentence in the title. Publication metadata is not a header either:
``Oppdatert 21. januar klokken 15.25.``, ``Publisert: 06.05.2020 15:44``, ``Sist
endra 18.03.2020`` date the page, not a section, and do not start with a date.
Nor is a date inside a line, a weekday without a date (``Mandag kl. 12 -``), a
time (``13:11 …``), a range of days (``28.-29. mars:``), or a list item that starts
with a date (that is a ``bullet`` with its own ``date``). A header without a year
takes the year of the document's other dated headers when that is unambiguous,
else ``--year``; otherwise ``date`` is null and ``date_text`` keeps what was written.

Fields: ``date_text`` (as written, the time left out), ``title`` (null for a date
alone on its line), ``time`` (``HH:MM`` or null).

Example::

    26.06.20 Dagens smittetall

    {"kind": "date_header", "doc": "-", "line": 1, "span": [0, 26],
     "text": "26.06.20 Dagens smittetall", "date": "2020-06-26",
     "section": "26.06.20 Dagens smittetall",
     "date_text": "26.06.20", "title": "Dagens smittetall", "time": null}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="date_headers",
    kind="date_header",
    version="1.2",
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
