"""People named in the text, with their role and organisation when the text states them.

A person is found where the text says who they are:

- a role before the name: ``ordfører Lene Conradi``, ``Kommuneoverlege Frantz Leonard
  Nilsen``, ``assisterende helsedirektør Espen Rostrup Nakstad``, ``Bærums ordfører
  Lisbeth Hammer Krog`` (organisation ``Bærum``), ``Alver-ordførar Sara Sekkingstad``
  (organisation ``Alver``), bokmål and nynorsk (``ordførar``, ``rådgjevar``, ``-leiar``);
  a role is a word ending in ``-ordfører``, ``-direktør``, ``-sjef``, ``-leder``/``-leiar``,
  ``-lege``, ``-minister``, ``rådmann``, ``-rådgiver`` and the like, with ``assisterende``,
  ``fungerende``, ``konstituert`` … before it;
- a role after the name and a comma: ``Lene Conradi, ordfører i Asker kommune``
  (organisation ``Asker kommune``);
- the name after a verb of saying: ``sier Lene Conradi``, ``seier rådmann Ørjan Forthun``.

An organisation after the name counts too when it is one (``Nakstad i Helsedirektoratet``,
``ved Oslo universitetssykehus``, ``i Asker kommune``, ``i FHI``). A person once known by
a full name is found again wherever the full name or the bare surname comes back (``sier
Conradi``, ``Conradis hilsen``); ``full_name`` links the mention to the full name (the
latest earlier person with that surname, else the first later one). ``role`` and
``organisation`` are those stated at the mention, else those of the nearest mention of the
same person that states them. ``kommune_no`` is the 2020 number of the organisation when
it is a municipality (see ``kommunetekst.gazetteer``).

Caveats: a name alone (``Lene Conradi mener …``) is not a person until the text has said
who she is: two capitalised words are as often a place or a building (``Sandvika Teater``).
Street names (``Philip Pedersens vei``), organisation names (``Røde Kors``, ``Nav Asker``)
and capitalised sentence starts are not people. A bare surname after a role (``ordfører
Conradi``) is a person with ``full_name`` null when no full name is given. Pronouns (``sier
han``) are not resolved. Party letters (``(H)``) are not read.

Fields: ``name`` (as written, without a genitive -s), ``full_name``, ``role``,
``organisation`` (as written), ``kommune_no``.

Example::

    – Vi må stå sammen, sier Lene Conradi, ordfører i Asker kommune.

    {"kind": "person", "doc": "-", "line": 1, "span": [25, 63],
     "text": "Lene Conradi, ordfører i Asker kommune", "date": null, "section": null,
     "name": "Lene Conradi", "full_name": "Lene Conradi", "role": "ordfører",
     "organisation": "Asker kommune", "kommune_no": "3025"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="persons",
    kind="person",
    version="1.0",
    description="People named in the text, with their role and organisation",
    fields={
        "name": "string",
        "full_name": "string?",
        "role": "string?",
        "organisation": "string?",
        "kommune_no": "string?",
    },
)


def extract(doc: Document) -> Iterator[Match]:
    for p in doc.people:
        yield Match(
            "person",
            p.start,
            p.end,
            doc.date_at(p.start),
            {
                "name": p.name,
                "full_name": p.full_name,
                "role": p.role,
                "organisation": p.organisation,
                "kommune_no": p.kommune_no,
            },
        )
