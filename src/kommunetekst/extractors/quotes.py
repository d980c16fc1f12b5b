"""Direct speech: what was said, and who said it when the text says so.

A quote is

- a paragraph opened by a dash (``– Jeg vil uttrykke min medfølelse …, sier ordfører
  Lisbeth Hammer Krog.``) that is not a list item: the quote runs to the comma (or ``?``,
  ``!``) before the verb of saying (``sier``, ``seier``, ``sa``, ``understreker``,
  ``forteller``, ``legger til`` …), else to the end of the paragraph. A dash paragraph
  without a verb of saying is a quote when it opens in the first person (``– Vi må …``)
  or follows a quote or a line that ends ``sier han:``;
- words in quotation marks (``«…»``, ``"…"``, ``“…”``) with a verb of saying right after
  (``«…», sier Nakstad``), inside before the closing mark (``«…, sier velferdsdirektør
  Kristin Nilsen.»``), or before it with a colon (``Ordføreren sier: «…»``).

``speaker`` is the person the verb names (``sier ordfører Lene Conradi`` → ``Lene
Conradi``; a bare surname gives the full name found earlier, see ``person``), and
``role`` that person's role; a speaker named only by a role (``sier Bærums ordfører``,
``seier kommuneoverlegen``) gives ``role`` and a null ``speaker``. The evidence runs
from the opening mark to the end of the speaker's words.

Caveats: indirect speech (``Ordføreren sier at alle må …``) is not a quote, nor are words
in quotation marks without a verb of saying (titles and terms: ``«Leve hele livet»``).
Pronouns (``sier han``, ``seier ho``) are not resolved: the speaker is null. A quote runs
over one paragraph at most; a chained dash paragraph has a null speaker unless it names one.

Fields: ``quote`` (the words said, as written), ``speaker``, ``role``.

Example::

    – Vi må stå sammen, sier ordfører Lene Conradi.

    {"kind": "quote", "doc": "-", "line": 1, "span": [0, 46],
     "text": "– Vi må stå sammen, sier ordfører Lene Conradi", "date": null, "section": null,
     "quote": "Vi må stå sammen", "speaker": "Lene Conradi", "role": "ordfører"}
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import NamedTuple

import regex

from ..document import Document
from ..records import ExtractorInfo, Match
from ._people import DEFINITE_ROLE_RE, SAY, Mention, is_role_word

INFO = ExtractorInfo(
    name="quotes",
    kind="quote",
    version="1.0",
    description="Direct speech with its speaker",
    fields={"quote": "string", "speaker": "string?", "role": "string?"},
)

_S = "[ \\t\\u00a0\\u202f]"
# A dash paragraph: a line that opens with a dash, a space, then the words.
_DASH_LINE_RE = re.compile(rf"^ {_S}* [-–—\u2212] {_S}+ (?= \S )", re.VERBOSE | re.MULTILINE)
# The end of the quote in a dash paragraph: ", sier …", "? spør …", "! sa …".
_ATTRIBUTION_RE = regex.compile(
    rf"(?P<mark> [,?!] ) [»\"”]? {_S}+ (?P<verb> {SAY} ) {_S}+", regex.VERBOSE | regex.IGNORECASE
)
# After a closing quotation mark: ", sier …", " sier …".
_AFTER_CLOSE_RE = regex.compile(
    rf",? {_S}* (?P<verb> {SAY} ) {_S}+", regex.VERBOSE | regex.IGNORECASE
)
# Before an opening mark: "… sier: «", "… sa han: «".
_COLON_BEFORE_RE = regex.compile(
    rf"(?<! \p{{L}} ) {SAY} (?: {_S}+ [\p{{L}}.-]+ ){{0,5}} : {_S}* $",
    regex.VERBOSE | regex.IGNORECASE,
)
_QUOTED_RE = regex.compile(r"«(?P<q>[^«»\n]+)»|\"(?P<q2>[^\"\n]+)\"|“(?P<q3>[^“”\n]+)”")
# Speech in the first person: "– Vi må …", "– Da kan vi vende tilbake …", "– Eg er glad …".
_FIRST_PERSON_RE = regex.compile(r"(?<!\p{L})(?:[Jj]eg|[Ee]g|[Vv]i|[Mm]e|oss|meg)(?!\p{L})")
# How far before the words of a speaker (or the opening mark) a mention or a
# "sier:" is looked for: more than any role phrase and name.
_REACH = 300
_PRONOUNS = frozenset("han hun ho dei de dei hen".split())
# The speaker's words after the verb: up to the end of the sentence or a clause.
_SPEAKER_END_RE = regex.compile(r"[.!?;:»\"”\n]|,(?= )")


class _Quote(NamedTuple):
    start: int
    end: int
    quote: str
    speaker: str | None
    role: str | None


def _speaker(
    text: str, pos: int, end: int, people: Sequence[Mention]
) -> tuple[int, str | None, str | None]:
    """(end of the speaker's words, speaker, role) for the words at ``pos`` after a verb."""
    stop = _SPEAKER_END_RE.search(text, pos, end)
    limit = stop.start() if stop else end
    for p in _starting_in(people, pos - _REACH, limit):
        if pos <= p.name_start < limit or (p.start <= pos < p.end):
            return max(p.end, p.name_start + len(p.name)), p.full_name or p.name, p.role
    words = text[pos:limit].split()
    if not words:
        return pos, None, None
    if words[0].casefold() in _PRONOUNS:
        return pos + len(words[0]), None, None
    role = DEFINITE_ROLE_RE.match(text, pos)
    if role is not None:
        return role.end(), None, role[0]
    # "Bærums ordfører", "kommunens kommunikasjonssjef": a role without a name.
    for n in (3, 2, 1):
        last = words[n - 1] if len(words) >= n else None
        if last and is_role_word(last):
            span_end = text.index(last, pos) + len(last)
            return span_end, None, " ".join(words[:n])
    return pos, None, None


def _starting_in(people: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions (in text order) that start in ``[start, end)``."""
    key = attrgetter("start")
    return people[bisect_left(people, start, key=key) : bisect_left(people, end, key=key)]


def _dash_quotes(doc: Document, people: Sequence[Mention]) -> list[_Quote]:
    """The dash paragraphs that are quotes (only the lines that open with a dash are read)."""
    text = doc.text
    out: list[_Quote] = []
    previous_quote_line = None  # the line number of the last dash quote
    for m in _DASH_LINE_RE.finditer(text):
        line_no = doc.line_of(m.start())
        line_start, line_end = doc.line_bounds(m.start())
        # A dash paragraph right after a quote (a blank line between at most) goes on with it.
        chained = previous_quote_line is not None and line_no - previous_quote_line <= 2
        found = _dash_quote(doc, m, line_end, people, chained, _line_before(text, line_start))
        if found is not None:
            out.append(found)
            previous_quote_line = line_no
    return out


def _line_before(text: str, start: int) -> str:
    """The last line that is not blank before the line at ``start`` ("" when none)."""
    end = start - 1  # the newline that ends the line before
    while end >= 0:
        line_start = text.rfind("\n", 0, end) + 1
        if text[line_start:end].strip():
            return text[line_start:end]
        end = line_start - 1
    return ""


def _dash_quote(
    doc: Document,
    m: re.Match[str],
    e: int,
    people: Sequence[Mention],
    chained: bool,
    previous_text: str,
) -> _Quote | None:
    text = doc.text
    body = m.end()
    # A verb of saying after the words makes it a quote, even where the dash lines
    # looked like a list.
    attribution = _ATTRIBUTION_RE.search(text, body, e)
    if attribution is not None:
        quote_end = attribution.start() + (0 if attribution["mark"] == "," else 1)
        end, speaker, role = _speaker(text, attribution.end(), e, people)
        end = max(end, attribution.end("verb"))
        return _Quote(m.start() + len(m[0]) - len(m[0].lstrip()), end,
                      text[body:quote_end].strip(), speaker, role)  # fmt: skip
    colon_intro = previous_text.rstrip().endswith(":") and _COLON_BEFORE_RE.search(
        previous_text.rstrip()
    )
    if doc.list_item_at(body) is not None and not colon_intro:
        return None
    if _FIRST_PERSON_RE.search(text, body, e) or chained or colon_intro:
        quote = text[body:e].rstrip()
        start = m.start() + len(m[0]) - len(m[0].lstrip())
        return _Quote(start, body + len(quote), quote, None, None)
    return None


def _marked_quotes(doc: Document, people: Sequence[Mention]) -> list[_Quote]:
    text = doc.text
    out = []
    for m in _QUOTED_RE.finditer(text):
        inner_start = m.start() + 1
        inner_end = m.end() - 1
        inner = text[inner_start:inner_end]
        ls, le = doc.line_bounds(m.start())
        # "«…, sier velferdsdirektør Kristin Nilsen.»": the verb inside the marks.
        inside = None
        for a in _ATTRIBUTION_RE.finditer(text, inner_start, inner_end):
            inside = a
        if inside is not None:
            end, speaker, role = _speaker(text, inside.end(), inner_end, people)
            quote_end = inside.start() + (0 if inside["mark"] == "," else 1)
            out.append(_Quote(m.start(), max(end, inside.end("verb")),
                              text[inner_start:quote_end].strip(), speaker, role))  # fmt: skip
            continue
        after = _AFTER_CLOSE_RE.match(text, m.end(), le)
        if after is not None:
            end, speaker, role = _speaker(text, after.end(), le, people)
            out.append(_Quote(m.start(), max(end, after.end("verb")), inner.strip(" ,"),
                              speaker, role))  # fmt: skip
            continue
        before = _COLON_BEFORE_RE.search(text, max(ls, m.start() - _REACH), m.start())
        if before is not None:
            bs = before.start()
            speaker, role = None, None
            for p in _starting_in(people, max(ls, bs - 120), m.start()):
                if p.end <= m.start():
                    speaker, role = p.full_name or p.name, p.role
            if speaker is None:
                _, speaker, role = _speaker(text, bs, m.start(), people)
            out.append(_Quote(m.start(), m.end(), inner.strip(), speaker, role))
    return out


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    if not any(c in text for c in '-–—«"“'):
        return
    people = doc.people
    quotes = _dash_quotes(doc, people) + _marked_quotes(doc, people)
    quotes.sort(key=lambda q: q.start)
    last_end = -1
    for q in quotes:
        if q.start < last_end or not q.quote:
            continue  # a quotation inside a dash quote is part of it
        last_end = q.end
        yield Match(
            "quote",
            q.start,
            q.end,
            doc.date_at(q.start),
            {"quote": q.quote, "speaker": q.speaker, "role": q.role},
        )
