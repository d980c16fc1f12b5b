"""E-mail addresses.

Finds ``name@domain.tld`` addresses; a full stop or comma right after an
address ends the sentence, not the address. ``address`` is lower-cased.

Caveats: obfuscated addresses (``post (at) kommune.no``) are not read.

Fields: ``address``.

Example::

    Du kan også sende en mail til seniortelefon@baerum.kommune.no

    {"kind": "email", "doc": "-", "line": 1, "span": [30, 61],
     "text": "seniortelefon@baerum.kommune.no", "date": null,
     "address": "seniortelefon@baerum.kommune.no"}
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="emails",
    kind="email",
    version="1.0",
    description="E-mail addresses",
    fields=("address",),
)

EMAIL_RE = regex.compile(
    r"""
    (?<![\w.@+-])
    [\w+-]+ (?: \.[\w+-]+ )*          # local part, dots only between characters
    @
    (?: [\p{L}\d] (?:[\p{L}\d-]{0,61}[\p{L}\d])? \. )+
    \p{L}{2,24}                        # top-level domain
    (?![\w@-])
    """,
    regex.VERBOSE,
)


# Addresses are searched only in a window around each "@": scanning the whole text
# with EMAIL_RE would start a local-part match at every word character.
_MAX_LOCAL = 64
_LOCAL_END = regex.compile(r"[\w+-]")
_DOMAIN_RE = regex.compile(
    r"(?:[\p{L}\d](?:[\p{L}\d-]{0,61}[\p{L}\d])?\.)+\p{L}{2,24}(?![\w@-])"
)
_MAX_DOMAIN = 255


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    find = text.find
    at = find("@")
    last_end = 0
    while at != -1:
        # An address has a word character before its "@" and a domain right after it;
        # checking that first (anchored, cheap) keeps runs of "@" from costing a window
        # search each.
        if not (0 < at and _LOCAL_END.match(text[at - 1]) and _DOMAIN_RE.match(text, at + 1)):
            at = find("@", at + 1)
            continue
        m = EMAIL_RE.search(text, max(last_end, at - _MAX_LOCAL), at + _MAX_DOMAIN)
        if m and m.start() <= at < m.end():
            yield Match("email", m.start(), m.end(), doc.date_at(m.start()), {"address": m[0].lower()})
            last_end = m.end()
        at = find("@", max(at + 1, last_end))
