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
    fields={"address": "string"},
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
# The run of local-part characters before an "@", read backwards: where its address begins.
_LOCAL_RUN_BEFORE_RE = regex.compile(r"[\w.+-]*", regex.REVERSE)


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    find = text.find
    at = find("@")
    last_end = 0
    while at != -1:
        lo, hi = max(last_end, at - _MAX_LOCAL), at + _MAX_DOMAIN
        if find("@", lo, at) == -1:
            # The common case, no other "@" in the window. The search can then only find this
            # "@"'s address, which begins where the run before it does (at any later start
            # the lookbehind fails), so one anchored match there gives its answer, and also
            # that of the checks below, unless it ends at hi, where the domain may be cut.
            m = EMAIL_RE.match(text, _LOCAL_RUN_BEFORE_RE.match(text, lo, at).start(), hi)
            if m and m.end() == hi and not _DOMAIN_RE.match(text, at + 1):
                m = None
        # An address has a word character before its "@" and a domain right after it;
        # checking that first (anchored, cheap) keeps runs of "@" from costing a window
        # search each.
        elif 0 < at and _LOCAL_END.match(text[at - 1]) and _DOMAIN_RE.match(text, at + 1):
            m = EMAIL_RE.search(text, lo, hi)
            if m and not m.start() <= at < m.end():
                m = None
        else:
            m = None
        if m:
            yield Match("email", m.start(), m.end(), doc.date_at(m.start()), {"address": m[0].lower()})
            last_end = m.end()
        at = find("@", max(at + 1, last_end))
