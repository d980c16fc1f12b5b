"""Norwegian phone numbers: 8-digit numbers in any common spacing, ``+47``/``0047``, short numbers.

Candidates are found with our own patterns, then checked against Norway's
numbering plan with ``phonenumbers``. Written forms: ``67 50 94 94``,
``66 700 000``, ``900 31 260``, ``900 312 60``, ``6750 9494``, ``67509494``,
``+47 21 89 80 42``, ``0047 …``, ``(+47) …``, groups separated by one space,
no-break space (U+00A0, U+202F), hyphen or dot.

What makes a candidate a phone number:

- It is a whole run of digits: a digit or a digit group right before or after
  it (``2 113``, ``974 760 673``) means it is part of another figure.
- Its grouping is one Norway uses: 2-2-2-2, 3-2-3, 3-3-2 (accepted as they
  stand), or 8 digits together, 2-3-3 and 4-4, which also write amounts
  (``12 500 000``), dates and year ranges: these need a ``+47``, or a phone
  word (``tlf``, ``telefon…``, ``…telefonen``, ``ring``, ``mobil``,
  ``nummer``, ``sentralbord``, ``legevakt``, ``kontakt``, ``nås``) earlier in
  the same sentence with no other figure in between.
- ``phonenumbers`` says it is a valid Norwegian number.
- It is not an amount (``kr``/``NOK`` before; ``kr``, ``kroner``, ``,-``,
  ``mill``, ``%`` after) and not after ``org.nr``, ``konto``, ``saksnr``,
  ``postboks``, ``KID`` and the like.

Short numbers (110, 112, 113, 116 117, 116 111, 1881, …: the short codes of
Norway's plan in ``phonenumbers``) only right after a word that says they are
phone numbers (``ring 113``, ``legevakt 116 117``, ``tlf. 1881``, ``politiet
på 112``, ``ring 112 eller 113``), and not when a noun follows that counts
something (``ring 120 personer``).

Fields, in this order: ``number`` (E.164 ``+47XXXXXXXX``; short numbers as
their digits), ``display`` (as written, the evidence), ``type`` (``fixed``,
``mobile``, ``toll_free``, ``shared_cost``, ``premium``, ``voip``, ``uan``,
``personal``, …, from ``phonenumbers``; ``emergency`` for 110/112/113,
``short`` for other short numbers) and ``label``: the service or person the
number belongs to. The label is the nearest of these before the number in
its sentence (after any earlier number in it): a service noun
(``…telefon(en)``, ``…tjeneste(n)``, ``legevakt``, ``…vakt(en)``,
``sentralbord``, ``servicetorg``, ``innbyggerservice``, ``…kontoret``,
``…teamet``, ``…senteret``, …)
with the capitalised words just before it (``Psykisk mestringstelefon``,
``Bærum legevakt``); a role (``ordfører``, ``kommuneoverlege``, ``rådmann``,
…) with the capitalised name after it (``Ordførar Gaute Epland``), when only
phone words stand between it and the number (``Rådmannen sier at alle kan
ringe …`` has none); or a capitalised name of two or more words just before
the phone word (``Kari Nordmann, tlf. …``, ``NAV Bærum: …``); a municipality
(``Trondheim kommune``); or the one to three words of a list entry
(``Smittesporing: 67 50 94 95``). Failing that, a service noun in the title of the
dated section the number is in (``19.03.20 Seniortelefonen i koronatider`` →
``Seniortelefonen``). Short numbers are national services and never take the
section's label; no label is ``null``.

Caveats: numbers of other countries, 5-digit numbers (``02800``, ``04xxx``),
numbers split over a line, groups separated by two or more spaces and
labels written after the number are not read.

Example::

    Barneverntjenesten er alltid tilgjengelig på telefonnummer 67 50 47 70.

    {"kind": "phone", "doc": "-", "line": 1, "span": [59, 70],
     "text": "67 50 47 70", "date": null, "number": "+4767504770",
     "display": "67 50 47 70", "type": "fixed", "label": "Barneverntjenesten"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import phonenumbers
import regex
from phonenumbers import PhoneNumberType, shortnumberinfo

from ..document import Document
from ..records import ExtractorInfo, Match
from ..textutil import HSPACE, sentence_bounds

INFO = ExtractorInfo(
    name="phone_numbers",
    kind="phone",
    version="1.0",
    description="Norwegian phone numbers and short numbers, validated, typed and labelled",
    fields=("number", "display", "type", "label"),
)

# One character between digit groups: a space of any kind (not tab: tables), a hyphen
# or a dot. Runs of two or more are not read as one number.
_SEP = "[" + regex.escape(HSPACE.replace("\t", "")) + r".\-\u2010\u2011]"

# Candidates are found by two patterns that begin with plain digits, so that the regex
# engine can skip ahead to the next digit (a pattern that begins with a lookbehind or an
# alternation of groups is tried at every position, 50 times slower). Whether the digits
# stand alone (no digit, "digit + separator", letter, "/" or "+" before them) is checked
# in Python on the few matches; the lookahead checks the end of the run.
#
# Groupings of 8 digits, written as a trie so that each digit is tried against few
# branches (three times faster than six flat alternatives):
# 2-2-2-2, 2-3-3 | 3-2-3, 3-3-2 | 8 together, 4-4.
LONG_RE = regex.compile(
    rf"""
    [0-9]{{2}}
    (?: {_SEP} [0-9]{{2}} (?: {_SEP} [0-9]{{2}} {_SEP} [0-9]{{2}} | [0-9] {_SEP} [0-9]{{3}} )
      | [0-9] (?: {_SEP} [0-9]{{2}} (?: {_SEP} [0-9]{{3}} | [0-9] {_SEP} [0-9]{{2}} )
                | [0-9] (?: [0-9]{{4}} | {_SEP} [0-9]{{4}} ) )
    )
    (?! \w | {_SEP}\d | ,\d )
    """,
    regex.VERBOSE,
)

# The short codes of Norway's plan (phonenumbers' NO short-number metadata: 11[0239],
# 116 1(1[17]|23), 12[048], 14(12|[59]), 17[57], 18xx, 190); 116 117 spaced or not.
# phonenumbers has the last word on each.
SHORT_RE = regex.compile(
    rf"""
    1 (?: 1[0239] | 16 {_SEP}? 1(?:1[17]|23) | 2[048] | 4(?:12|[59]) | 7[57] | 8[0-9]{{2}} | 90 )
    (?! \w | {_SEP}\d | ,\d )
    """,
    regex.VERBOSE,
)

# A country code written before a long number: +47, 0047, (+47), (0047), +(47).
_CC_TAIL_RE = regex.compile(
    rf"(?: \+47 | 0047 | \(\+47\) | \(0047\) | \+\(47\) ) {_SEP}? \Z", regex.VERBOSE
)

_SEP_RE = regex.compile(_SEP)
_SEP_KINDS = {ch: " " for ch in HSPACE} | {"\u2010": "-", "\u2011": "-"}

# A word before the number that says "phone", anywhere earlier in the sentence: one of
# these, a word that begins with one of the prefixes, or any word with "telefon" in it.
_PHONE_WORDS = frozenset(
    "tlf tel mob ring ringe ringer ringes sms telefaks faks fax nummer nummeret telefonnr "
    "mobilnr tlfnr nås treffes".split()
)
_PHONE_WORD_PREFIXES = ("mobil", "sentralbord", "legevakt", "nødnummer", "kontakt")

# What must come right before a short number: a phone or emergency-service word (or a
# compound ending in "telefon(en)"), then at most an adverb and "på", "nr." or ":".
_SHORT_CUES = frozenset(
    "ring ringe ringer ringes tlf tel telefon telefonnummer nummer nummeret nødnummer "
    "nødnummeret nødnumrene legevakt legevakten legevakta tast slå politi politiet ambulanse "
    "ambulansen brann brannvesen brannvesenet amk alarmsentral alarmsentralen".split()
)
_SHORT_CUE_FILLERS = frozenset("alltid straks umiddelbart direkte heller gjerne på nr".split())
# "112 eller 113": a number right after an accepted one shares its cue.
_CHAIN_RE = regex.compile(r"[\s,/]*(?:eller|og|el\.|/)?[\s(]*\Z", regex.IGNORECASE)

# The word right before: the number is an amount, an organisation, account or case
# number, a post box, a time. "nr"/"nummer" count after these first parts too ("org.nr.").
_NOT_PHONE_BEFORE = frozenset(
    "kr nok kroner orgnr organisasjonsnummer konto kontonr kontonummer saksnr saksnummer "
    "saknr saknummer arkivsak arkivsaksnr arkivsaksnummer arkivnr ref referanse "
    "referansenummer kid bankgiro fødselsnummer personnummer postboks pb postnr "
    "postnummer ca kl".split()
)
_NOT_PHONE_BEFORE_NR = frozenset("org konto saks sak arkiv arkivsak ref post".split())
# The last words before the number, matched on the reversed text (one match at its start
# instead of a search that tries every position): only spaces and ".:(-" between them.
_GAP = "[ .:(\\-\u2013\u00a0\u202f\u2009\u2007]"
_REVERSED_TAIL_WORDS_RE = regex.compile(rf"{_GAP}*(?:(?P<w>\p{{L}}+){_GAP}*){{1,3}}")

# Right after: the number is an amount or a share.
_NOT_PHONE_AFTER_RE = regex.compile(
    r"[\s\u00a0\u202f]*"
    r"(?:(?:kr|kroner|nok|mill|millioner|mrd|milliarder|prosent|pst|euro)\b|,-|%|€|\$)",
    regex.IGNORECASE,
)

# After a short number, a lowercase word that is not one of these means it counts
# something ("ring 120 personer").
_WORD_AFTER_RE = regex.compile(r"[\s\u00a0\u202f]*(\p{Ll}+)")
_SHORT_OK_AFTER = frozenset(
    "ved hvis om dersom eller og for når så i på til straks umiddelbart direkte med hele "
    "døgnet som fra der er var har kan skal blir gir svarer åpner også gratis".split()
)

_WORD_RE = regex.compile(r"\p{L}[\p{L}\d]*(?:-\p{L}[\p{L}\d]*)*")

# Service nouns: compounds ending in these, or these words themselves.
_SERVICE_SUFFIXES = (
    "telefon", "telefonen", "tjeneste", "tjenesten", "tjenestene", "legevakt", "legevakten",
    "legevakta", "vakt", "vakten", "vakta", "sentralbord", "sentralbordet", "servicetorg",
    "servicetorget", "servicesenter", "servicesenteret", "kundesenter", "kundesenteret",
    "kundeservice", "innbyggerservice", "kontor", "kontoret", "helsestasjon", "helsestasjonen",
    "team", "teamet", "senter", "senteret", "mottak", "mottaket",
)  # fmt: skip
# Suffixes that only count inside a compound ("koronatelefonen", not "telefonen").
_COMPOUND_ONLY = frozenset(
    "telefon telefonen tjeneste tjenesten tjenestene vakt vakten vakta kontor kontoret team "
    "teamet senter senteret mottak mottaket".split()
)
_NOT_SERVICE = frozenset(
    "mobiltelefon mobiltelefonen fasttelefon fasttelefonen smarttelefon smarttelefonen "
    "hodetelefon hodetelefonen".split()
)
_MUNICIPALITY = frozenset(("kommune", "fylkeskommune"))
_ROLES = frozenset(
    "ordfører ordføreren ordførar ordføraren varaordfører varaordførar rådmann rådmannen "
    "kommunedirektør kommunedirektøren kommuneoverlege kommuneoverlegen smittevernoverlege "
    "smittevernoverlegen smittevernlege kommunelege kommunalsjef kommunalsjefen pressekontakt "
    "kommunikasjonssjef kommunikasjonsrådgiver beredskapssjef beredskapsleder helsesjef rektor "
    "styrer kontaktperson saksbehandler prosjektleder enhetsleder virksomhetsleder".split()
)
# Capitalised words that begin sentences but are not names.
_STOP = frozenset(
    "ring ringe ta kontakt kontakte du dere de vi ved hvis om se les har er det den dette alle "
    "nå trenger skulle send for fra til i på og eller med hos ved kan alltid tlf tel telefon "
    "telefonnummer mobil mob nummer nr sms e-post epost faks fax telefaks direkte sentralbord "
    "kontakt spørsmål info informasjon nødnummer nødnumre telefonnr tlfnr mobilnr mobilnummer "
    "tlf.nr telefonnumre".split()
)
# The words that may stand between a name and its number ("Kari Nordmann, tlf. …").
_NAME_TO_NUMBER = frozenset(
    "tlf tel telefon telefonnummer mobil mob mobilnummer nummer nr på direkte direktenummer "
    "sentralbord".split()
)
_ROLE_TO_NUMBER = _NAME_TO_NUMBER | frozenset(
    "som kan nås nåast treffes treffast kontaktes kontaktast er har også".split()
)

_TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "fixed",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}

_WINDOW = 120  # how far back (within the line) a phone word or label may stand


def extract(doc: Document) -> Iterator[Match]:
    text = doc.text
    # A match that continues a longer run ("1 22 00 00 00") is dropped below. It cannot
    # hide a number that starts inside it: that number would end at the same place and
    # stand after a country code, and "47 22 00 00", "0047 2200" … fail the lookahead.
    candidates = [(m.start(), m.end(), False) for m in LONG_RE.finditer(text)]
    candidates += [(m.start(), m.end(), True) for m in SHORT_RE.finditer(text)]
    candidates.sort()
    # Per-call memos of pure functions: the same numbers, the same words before them and
    # the same section titles come back again and again in a corpus (page footers,
    # repeated notices), and phonenumbers' checks cost some 100 µs.
    numbers: dict[tuple[str, bool], _Number | None] = {}
    contexts: dict[tuple[str, int], _Context] = {}
    titles: dict[str, str | None] = {}
    prev_end = -1
    for start, end, short in candidates:
        body = start
        if not short and "47" in text[max(0, start - 5) : start]:
            cc = _CC_TAIL_RE.search(text, max(0, start - 7), start)
            if cc:
                start = cc.start()
        if _joined_left(text, start) or _NOT_PHONE_AFTER_RE.match(text, end):
            continue
        # Look back at most _WINDOW characters: scanning to the line start would be
        # quadratic on a very long line.
        lo = max(0, start - _WINDOW)
        nl = text.rfind("\n", lo, start)
        win_start = nl + 1 if nl != -1 else lo
        truncated = nl == -1 and lo > 0 and text[lo - 1] != "\n"
        before = text[win_start:start]
        cut = prev_end - win_start if prev_end > win_start else 0
        key = (before, cut)
        context = contexts.get(key)
        if context is None:
            context = contexts[key] = _read_context(before, cut, truncated)
        if context.not_phone:
            continue
        display = text[start:end]
        chained = cut > 0 and _CHAIN_RE.match(text, prev_end, start) is not None
        if short:
            if not (chained or context.short_cue) or _counts_something(text, end):
                continue
        elif not (chained or context.phone_word) and body == start and _is_ambiguous(display):
            continue  # 8 together, 2-3-3, 4-4 without a country code or a phone word
        written = text[body:end]
        number = numbers.get((written, short), _UNSEEN)
        if number is _UNSEEN:
            number = _short_number(written) if short else _long_number(written)
            numbers[written, short] = number
        if number is None:
            continue
        label = context.label
        header = doc.section_at(start)
        if label is None and not short and header is not None and header.title:
            if header.title not in titles:
                titles[header.title] = _find_label(header.title, names=False)
            label = titles[header.title]
        fields = {"number": number.number, "display": display, "type": number.type, "label": label}
        yield Match("phone", start, end, header.date if header else None, fields)
        prev_end = end


class _Number(NamedTuple):
    number: str
    type: str


class _Context(NamedTuple):
    """What the text before a number (in its line, up to ``_WINDOW`` characters) says."""

    not_phone: bool  # "kr", "org.nr.", "postboks" … right before
    short_cue: bool  # "ring", "legevakt", "tlf." … right before
    phone_word: bool  # a phone word earlier in the sentence, no figure after it
    label: str | None  # from the sentence


_UNSEEN = _Number("", "")


def _read_context(before: str, cut: int, clipped: bool) -> _Context:
    """Read ``before`` the number.

    ``cut``: where an earlier number in it ends; ``clipped``: it begins mid-line.
    """
    words = _words_right_before(before)
    if _is_not_phone_before(words):
        return _Context(True, False, False, None)
    n = len(before)
    s_start, _ = sentence_bounds(before, n, n, 0, n)
    if clipped and s_start == 0:
        # The window may begin inside a word: drop it.
        s_start = next((i + 1 for i, ch in enumerate(before) if ch.isspace()), n)
    region = before[max(s_start, cut) :]
    tokens = _tokens(region)
    phone_word = _has_phone_word(region, tokens)
    # "ring Alarmtelefonen for barn og unge på 116 111": "på" after a phone word will do too.
    short_cue = _is_short_cue(words) or (phone_word and words[-1:] == ["på"])
    return _Context(False, short_cue, phone_word, _find_label(region, tokens))


def _words_right_before(before: str) -> list[str]:
    """The last three words before the number, lowercased, with only spaces and ``.:(-`` after each.

    >>> _words_right_before("Org.nr. ")
    ['org', 'nr']
    >>> _words_right_before("Ved akutt krise, ring ")
    ['ring']
    """
    m = _REVERSED_TAIL_WORDS_RE.match(before[: -41 : -1])
    return [w[::-1].casefold() for w in reversed(m.captures("w"))] if m else []


def _is_not_phone_before(words: list[str]) -> bool:
    if not words:
        return False
    last = words[-1]
    if last in _NOT_PHONE_BEFORE:
        return True
    return last in ("nr", "nummer") and len(words) > 1 and words[-2] in _NOT_PHONE_BEFORE_NR


def _is_short_cue(words: list[str]) -> bool:
    """Whether the words right before a short number say it is one: "ring (straks) (på) 113"."""
    i = len(words) - 1
    while i >= 0 and len(words) - i <= 2 and words[i] in _SHORT_CUE_FILLERS:
        i -= 1
    if i < 0:
        return False
    w = words[i]
    return w in _SHORT_CUES or w.endswith(("telefon", "telefonen")) or w.startswith(
        ("legevakt", "nødnummer")
    )


def _joined_left(text: str, start: int) -> bool:
    """Whether the digits at ``start`` continue a figure or code to their left."""
    if start == 0:
        return False
    ch = text[start - 1]
    if ch.isalnum() or ch in ",/+_":
        return True
    return start >= 2 and text[start - 2].isdigit() and _SEP_RE.match(ch) is not None


def _is_ambiguous(display: str) -> bool:
    """8 together (8 chars), 4-4 (9) or 2-3-3 (10, separator third); not 2-2-2-2, 3-2-3, 3-3-2.

    >>> [_is_ambiguous(s) for s in ("67509494", "6750 9494", "66 700 000", "900 31 260")]
    [True, True, True, False]
    """
    n = len(display)
    return n < 10 or (n == 10 and not display[2].isdigit())


def _counts_something(text: str, end: int) -> bool:
    """A lowercase word after a short number that is not a linking word: "ring 120 personer"."""
    w = _WORD_AFTER_RE.match(text, end)
    return w is not None and w[1] not in _SHORT_OK_AFTER


def _long_number(body: str) -> _Number | None:
    """The number written as ``body`` (without a country code), if Norway's plan has it."""
    # One kind of separator in a number: spaces (of any width), hyphens or dots. "22-23 20.00"
    # reads as times, not as a phone number.
    if len({_SEP_KINDS.get(ch, ch) for ch in body if not ch.isdigit()}) > 1:
        return None
    digits = "".join(ch for ch in body if ch.isdigit())
    number = phonenumbers.parse("+47" + digits)
    if not phonenumbers.is_valid_number_for_region(number, "NO"):
        return None
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number))
    return None if kind is None else _Number("+47" + digits, kind)


def _short_number(display: str) -> _Number | None:
    digits = "".join(ch for ch in display if ch.isdigit())
    number = phonenumbers.parse(digits, "NO")
    if not shortnumberinfo.is_valid_short_number_for_region(number, "NO"):
        return None
    emergency = shortnumberinfo.is_emergency_number(digits, "NO")
    return _Number(digits, "emergency" if emergency else "short")


def _tokens(region: str) -> list[tuple[str, int, int]]:
    return [(w[0], w.start(), w.end()) for w in _WORD_RE.finditer(region)]


def _has_phone_word(region: str, tokens: list[tuple[str, int, int]]) -> bool:
    """A phone word in ``region`` (the sentence before the number), no figure after it."""
    for word, _, end in reversed(tokens):
        w = word.casefold()
        if w in _PHONE_WORDS or "telefon" in w or w.startswith(_PHONE_WORD_PREFIXES):
            return not any(ch.isdigit() for ch in region[end:])
    return False


def _is_service(word: str) -> bool:
    w = word.casefold()
    if not w.endswith(_SERVICE_SUFFIXES) or w in _NOT_SERVICE:  # one C call for most words
        return False
    return any(
        w.endswith(s) and (s not in _COMPOUND_ONLY or len(w) - len(s) >= 3)
        for s in _SERVICE_SUFFIXES
    )


def _is_title(word: str) -> bool:
    return word[0].isupper() and word.casefold() not in _STOP


def _find_label(
    region: str, words: list[tuple[str, int, int]] | None = None, names: bool = True
) -> str | None:
    """The service or person named in ``region``, nearest its end; see the module docstring."""
    if words is None:
        words = _tokens(region)
    if names and 0 < len(words) <= 3 and _is_title(words[0][0]):
        # A list entry: "Smittesporing: 67 50 94 95", " • Psykisk helse: …".
        lead, tail = region[: words[0][1]], region[words[-1][2] :]
        if not lead.strip(" \t\u00a0•*·-–") and tail.strip() == ":":
            return region[words[0][1] : words[-1][2]]
    for i in range(len(words) - 1, -1, -1):
        word, ws, we = words[i]
        folded = word.casefold()
        if (
            folded in _MUNICIPALITY
            and i > 0
            and _is_title(words[i - 1][0])
            and region[words[i - 1][2] : ws] in (" ", "\u00a0")
        ):
            return region[words[i - 1][1] : we]  # "Trondheim kommune, telefon …"
        if _is_service(word) and folded not in _ROLES:
            first = i
            while (
                first > 0
                and i - first < 3
                and _is_title(words[first - 1][0])
                and region[words[first - 1][2] : words[first][1]] in (" ", "\u00a0")
            ):
                first -= 1
            return region[words[first][1] : we]
        if folded in _ROLES:
            last = i
            while (
                last + 1 < len(words)
                and last - i < 3
                and _is_title(words[last + 1][0])
                and region[words[last][2] : words[last + 1][1]] in (" ", "\u00a0")
            ):
                last += 1
            # A person is the label only close to the number: "ordfører Kari Nordmann, tlf.",
            # "kommuneoverlegen, som kan nås på", not "Rådmannen sier at folk kan ringe".
            if _only_words_after(words, last, _ROLE_TO_NUMBER):
                return region[ws : words[last][2]]
            continue
        if names and i > 0 and _is_title(word) and _only_words_after(words, i, _NAME_TO_NUMBER):
            first = i
            while (
                first > 0
                and i - first < 3
                and (_is_title(words[first - 1][0]) or words[first - 1][0].casefold() in _ROLES)
                and region[words[first - 1][2] : words[first][1]] in (" ", "\u00a0")
            ):
                first -= 1
                if words[first][0].casefold() in _ROLES:
                    break
            if first < i:
                return region[words[first][1] : we]
    return None


def _only_words_after(words: list[tuple[str, int, int]], i: int, allowed: frozenset[str]) -> bool:
    """Whether only ``allowed`` words stand between word ``i`` and the number."""
    return all(word.casefold() in allowed for word, _, _ in words[i + 1 :])
