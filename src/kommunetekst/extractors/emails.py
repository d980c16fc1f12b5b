"""E-mail addresses.

Finds ``name@domain.tld`` addresses; a full stop or comma right after an
address ends the sentence, not the address, and so does a full stop glued to a
capitalised word (``post@asker.kommune.no.Oppgi navn``: the domain is lowercase,
its "top-level domain" is the next sentence's first word). ``address`` is
lower-cased.

Caveats: obfuscated addresses (``post (at) kommune.no``, ``post[at]…``, ``kari at gol
dot no``) and addresses a web page hid (``[email protected]``) are not read: the text
does not give them. An ``@`` in a web address (``medium.com/@kommunen``) or a handle
(``@baerumkommune``) is not an address.

Fields: ``address``.

Example::

    Du kan også sende en mail til seniortelefon@baerum.kommune.no

    {"kind": "email", "doc": "-", "line": 1, "span": [30, 61],
     "text": "seniortelefon@baerum.kommune.no", "date": null, "section": null,
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
    version="1.1",
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
_DOMAIN_RE = regex.compile(r"(?:[\p{L}\d](?:[\p{L}\d-]{0,61}[\p{L}\d])?\.)+\p{L}{2,24}(?![\w@-])")
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
            run = _LOCAL_RUN_BEFORE_RE.match(text, lo, at)  # matches, if only the empty run
            m = EMAIL_RE.match(text, run.start() if run else at, hi)
            if m and m.end() == hi and not _DOMAIN_RE.match(text, at + 1):
                m = None
        # An address has a word character before its "@" and a domain right after it;
        # checking that first (anchored, cheap) keeps runs of "@" from costing a window
        # search each.
        elif at > 0 and _LOCAL_END.match(text[at - 1]) and _DOMAIN_RE.match(text, at + 1):
            m = EMAIL_RE.search(text, lo, hi)
            if m and not m.start() <= at < m.end():
                m = None
        else:
            m = None
        if m:
            start, end = m.start(), _address_end(text, at, m.end())
            address = text[start:end].lower()
            yield Match("email", start, end, doc.date_at(start), {"address": address})
            last_end = end
        at = find("@", max(at + 1, last_end))


def _address_end(text: str, at: int, end: int) -> int:
    """Where the address ending at ``end`` ends, if its last label begins the next sentence.

    A full stop with no space after it: "post@asker.kommune.no.Oppgi fullt navn" has the
    domain "asker.kommune.no" and a capitalised word glued to it, not the top-level domain
    "Oppgi". Only when the rest of the domain is lowercase and keeps a top-level domain.

    >>> t = "Send til post@asker.kommune.no.Oppgi navn."
    >>> t[9:_address_end(t, t.index("@"), 36)]
    'post@asker.kommune.no'
    """
    dot = text.rfind(".", at, end)
    last = text[dot + 1 : end]
    rest = text[at + 1 : dot]
    if last[:1].isupper() and last[1:].islower() and rest.islower() and "." in rest:
        return dot
    return end
