"""Norwegian phone numbers: 8-digit numbers in any common spacing, ``+47``/``0047``, short numbers.

Candidates are found with our own patterns, then checked against Norway's
numbering plan with ``phonenumbers``. Written forms: ``67 50 94 94``,
``66 700 000``, ``900 31 260``, ``900 312 60``, ``915 04040``, ``6750 9494``,
``67509494``, ``+47 21 89 80 42``, ``0047 …``, ``(+47) …``, groups separated by
one space, no-break space (U+00A0, U+202F), hyphen or dot.

What makes a candidate a phone number:

- It is a whole run of digits: a digit or a digit group right before or after
  it (``2 113``, ``974 760 673``) means it is part of another figure.
- Its grouping is one Norway uses: 2-2-2-2, 3-2-3, 3-3-2 (accepted as they
  stand), or 8 digits together, 2-3-3, 4-4 and 3-5 (NRK's ``915 04040``), which
  also write amounts (``12 500 000``), dates, year ranges and codes: these need a
  ``+47``, or a phone word (``tlf``, ``telefon…``, ``…telefonen``, ``ring``/
  ``ringje``, ``mobil``, ``nummer``, ``vaktnummer``, ``direktenummer``,
  ``hovednummer``, ``sentralbord``, ``legevakt``, ``kontakt``, ``nås``) earlier in
  the same sentence with no other figure in between, or a list lead-in with a phone
  word above their list item (``… på telefon (se under):`` / `` • Jordmor Vigdis:
  95120597``), or the form of a contact list: a role right before them (``REKTOR
  91681879``, ``SFO-leder``, ``einingsleiar``), or an e-mail address next to them
  on their line (``6255 3030 post@…``; not after another figure, ``+358 (09) 7279
  9999``), unless the two halves of a 4-4 read as years (``Daglig leder 2019 2020``).
- ``phonenumbers`` says it is a valid Norwegian number.
- It is not an amount (``kr``/``NOK`` before; ``kr``, ``kroner``, ``,-``,
  ``mill``, ``%`` after) and not after ``org.nr``, ``konto``, ``saksnr``,
  ``postboks``, ``KID`` and the like.

Short numbers (110, 112, 113, 116 117, 116 111, 1881, …: the short codes of
Norway's plan in ``phonenumbers``) only where the text names them as phone
numbers: right after a call verb or a phone word (``ring 113``, ``kontakt 116
117``, ``ringjer 116 117``, ``Slår du 116 117``, ``legevakt 116 117``, ``tlf.
1881``, ``politiet på 112``, ``Telefonnummeret dit er 116 111``, ``ringer
medisinsk nødtelefon og 116 117``), after ``på``, a colon or a parenthesis
that follow a phone word (``ring Alarmtelefonen for barn og unge: 116 111``),
set off by commas after one (``Hjelpetelefonen, 116 123, er åpen``), chained to
an accepted number (``ring 112 eller 113``), or opening a list item whose lead-in
has a phone word (``Kven skal du ringja?`` / `` • 113 når det står om liv``);
not when a noun follows that counts something (``ring 120 personer``), and
``er`` links only a word for the number to it (not ``… til koronatelefonen er
113``, a count).

Fields, in this order: ``number`` (E.164 ``+47XXXXXXXX``; short numbers as
their digits), ``display`` (as written, the evidence), ``type`` (``fixed``,
``mobile``, ``toll_free``, ``shared_cost``, ``premium``, ``voip``, ``uan``,
``personal``, …, from ``phonenumbers``; ``emergency`` for 110/112/113,
``short`` for other short numbers) and ``label``: the service the number
belongs to, as written. From the number's own clause first, then its
sentence (after any earlier number in it), then the lead-in of its list or the
title of its dated section:

- The nearest before the number of: a service noun (``…telefon(en)``,
  ``…tjeneste(n)``/``…teneste(a)``, ``legevakt``, ``…vakt(en)``, ``…sentralen``,
  ``sentralbord``, ``servicetorg``, ``innbyggerservice``, ``…kontoret``,
  ``…teamet``, ``…senteret``, ``koronatlf``, …) with the capitalised words just
  before it (``Psykisk mestringstelefon``, ``Bærum legevakt``); the one called,
  the one to three words after a call verb (``ring smittesporing på …``,
  ``ringe Folkehelseinstituttet for råd på tlf. …``, ``ta kontakt med
  legevakta …``; not ``ring oss``, ``ringe hele døgnet``); the one reached or
  told, a capitalised name of one to three words right before ``på`` and the number
  after ``nå``/``når`` (``nå NAV på telefon …``) or ``meld fra til``/``gi beskjed
  til`` (``Meld fra til Vann og avløp på tlf: …``; one ``og`` may stand inside, as
  in the names of municipal departments); a role (``ordfører``,
  ``kommuneoverlege``, …) with the capitalised name after it, when only phone
  words stand between it and the number; a capitalised name of two or more
  words just before the phone word (``Kari Nordmann, tlf. …``, ``NAV Bærum``); a
  municipality (``Trondheim kommune``); or the one to three words of a list entry
  (``Smittesporing: 67 50 94 95``).
- Not a service named as the place you go in an earlier clause (``For å
  bestille test på testsenteret - ring …``), and none when the number is a
  conjunct of its own after ``og``/``eller`` (``ringer medisinsk nødtelefon og
  116 117``: the telephone is the other conjunct's). A service spelled out in
  brackets right after another is that other one (``VA-vakta (vann- og
  avløpsvakta) treffes på telefon …`` → ``VA-vakta``); the words of an e-mail or web
  address name no one (``postmottak@…``).
- Failing that: a contact block's title, the line right above a line that
  holds only ``Telefon``/``Tlf``/``Mobil`` and the number (``Legevakt`` /
  ``Telefon 116 117``); the service in the lead-in of the number's list; the
  service in the title of its dated section (``19.03.20 Seniortelefonen i
  koronatider`` → ``Seniortelefonen``). Short numbers are national services: they
  take a contact block's title but never a list lead-in's or a section's label.
- No label is ``null`` (``ring oss på …``).

People: the gold of the development set does not judge labels that name
people, and a person's name cannot be told from an organisation's (``Kirkens
SOS``, ``NAV Bærum``) by its form, so a role with a name and a capitalised
name before the phone word are kept as labels.

Speed: two scans find the candidates (one for 8 digits, one, stdlib, for short
codes); the cheap checks come first, then Norway's plan (``phonenumbers`` is
asked whether the number is valid and of which type), and only then the words
before the number. The document's list items are read only for the rare number
whose list lead-in decides it.

Caveats: numbers of other countries, numbers split over a line, groups
separated by two or more spaces, digits spelled one by one (``1 1 6 1 1 1``)
and labels written after the number (``116 117 til legevakt``) are not read.
Nor are 5-digit numbers (``02800``, ``04040``): ``phonenumbers`` does not know
all of them (``04040`` is not valid there), 5-digit runs are mostly counts and
codes, and the development set's gold leaves them optional. A list of short
numbers with a word between them (``110 for brann, 112 for politi``) gives the
first one only.

Example::

    Barneverntjenesten er alltid tilgjengelig på telefonnummer 67 50 47 70.

    {"kind": "phone", "doc": "-", "line": 1, "span": [59, 70],
     "text": "67 50 47 70", "date": null, "section": null, "number": "+4767504770",
     "display": "67 50 47 70", "type": "fixed", "label": "Barneverntjenesten"}
"""

from __future__ import annotations

import re
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
    version="1.2",
    description="Norwegian phone numbers and short numbers, validated, typed and labelled",
    fields={
        "number": "string",
        "display": "string",
        "type": "string",
        "label": "string?",
    },
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
# branches (three times faster than seven flat alternatives):
# 2-2-2-2, 2-3-3 | 3-2-3, 3-3-2, 3-5 ("915 04040", NRK's tip lines) | 8 together, 4-4.
LONG_RE = regex.compile(
    rf"""
    [0-9]{{2}}
    (?: {_SEP} [0-9]{{2}} (?: {_SEP} [0-9]{{2}} {_SEP} [0-9]{{2}} | [0-9] {_SEP} [0-9]{{3}} )
      | [0-9] (?: {_SEP} [0-9]{{2}}
                  (?: {_SEP} [0-9]{{3}} | [0-9] (?: {_SEP} [0-9]{{2}} | [0-9]{{2}} ) )
                | [0-9] (?: [0-9]{{4}} | {_SEP} [0-9]{{4}} ) )
    )
    (?! \w | {_SEP}\d | ,\d )
    """,
    regex.VERBOSE,
)

# The short codes of Norway's plan (phonenumbers' NO short-number metadata: 11[0239],
# 116 1(1[17]|23), 12[048], 14(12|[59]), 17[57], 18xx, 190); 116 117 spaced or not.
# phonenumbers has the last word on each. A stdlib pattern: its literal "1" lets the
# engine skip ahead (three times faster than the regex module here). It has no
# lookahead: at most one of its alternatives fits at a place, so _RUN_GOES_ON_RE, asked
# in Python on the few matches, says the same as the lookahead of LONG_RE would. A
# short number it skips inside a rejected match has a digit (or "digit + separator")
# right before it, and would be dropped by _joined_left anyway.
SHORT_RE = re.compile(
    rf"""
    1 (?: 1[0239] | 16 {_SEP}? 1(?:1[17]|23) | 2[048] | 4(?:12|[59]) | 7[57] | 8[0-9]{{2}} | 90 )
    """,
    re.VERBOSE,
)
_RUN_GOES_ON_RE = regex.compile(rf"\w | {_SEP}\d | ,\d", regex.VERBOSE)

# A country code written before a long number: +47, 0047, (+47), (0047), +(47).
_CC_TAIL_RE = regex.compile(
    rf"(?: \+47 | 0047 | \(\+47\) | \(0047\) | \+\(47\) ) {_SEP}? \Z", regex.VERBOSE
)

_SEP_CHARS = frozenset(HSPACE.replace("\t", "") + ".-\u2010\u2011")  # the characters of _SEP
# The kind of each separator: a space (of any width), a hyphen or a dot.
_SEP_KIND = {ch: " " for ch in HSPACE} | {"-": "-", "\u2010": "-", "\u2011": "-", ".": "."}
_NO_SEPS = str.maketrans(dict.fromkeys(_SEP_CHARS))

# A word before the number that says "phone", anywhere earlier in the sentence: one of
# these, a word that begins with one of the prefixes, or any word with "telefon" in it.
_PHONE_WORDS = frozenset(
    "tlf tel mob ring ringe ringer ringes ringa ringja ringje ringjer sms telefaks faks fax "
    "nummer nummeret telefonnr mobilnr tlfnr nås nåast treffes treffast".split()
)
_PHONE_WORD_PREFIXES = (
    "mobil", "sentralbord", "legevakt", "nødnummer", "naudnummer", "kontakt",
    # The compounds of "nummer" that name a phone number ("Vaktnummer i kommunen er …");
    # not "saksnummer", "kontonummer", "postnummer" and the like.
    "vaktnummer", "direktenummer", "hovednummer", "hovudnummer",
)  # fmt: skip

# Verbs of calling: they cue a short number, and the words after them name whom you call
# (see _callee).
_CALL_VERBS = frozenset(
    "ring ringe ringer ringa ringja ringje ringjer kontakt kontakte kontakter kontakta "
    "kontaktar".split()
)
# What must come right before a short number: a phone or emergency-service word (or a
# word with "telefon" in it, "nødtelefonen"), then at most two fillers. An adverb, "på" or
# "nr." may follow any of them; some fillers only one kind of cue:
# - "er", "dit", "hit" a word for the number: "Telefonnummeret dit er 116 111" (not
#   "… til koronatelefonen er 113", a count);
# - the subject of an inverted clause a verb: "Slår du 116 117", "ringer du 113";
# - "og", "eller" a noun: "ringer medisinsk nødtelefon og 116 117".
_CALL_CUES = _CALL_VERBS | frozenset("ringes kontaktes kontaktast tast slå slår".split())
_SHORT_CUES = _CALL_CUES | frozenset(
    "tlf tel legevakt legevakten legevakta politi politiet ambulanse ambulansen brann "
    "brannvesen brannvesenet amk alarmsentral alarmsentralen nødhjelp nødhjelpen "
    "naudhjelp".split()
)
_NUMBER_WORD_PREFIXES = ("nummer", "numrene", "telefonnummer", "nødnum", "naudnum", "legevaktnum")
_ANY_CUE_FILLERS = frozenset("alltid straks umiddelbart direkte heller gjerne på nr".split())
_AFTER_NUMBER_WORD = frozenset("er dit hit".split())
_AFTER_VERB = frozenset("du de dei ein man".split())
_AFTER_NOUN = frozenset("og eller".split())
_FILLERS = _ANY_CUE_FILLERS | _AFTER_NUMBER_WORD | _AFTER_VERB | _AFTER_NOUN
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
    "ved hvis om dersom viss eller og for når så i på til straks umiddelbart direkte med hele "
    "heile døgnet som fra frå der er var har kan skal må bør blir ble vert vart gir svarer "
    "åpner også gratis de dei kommer kjem gjeld gjelder etter før berre bare kun".split()
)

# Words, as a pattern for regex.split: its group keeps them in the result, between the gaps.
_WORD_SPLIT_RE = regex.compile(r"(\p{L}[\p{L}\d]*(?:-\p{L}[\p{L}\d]*)*)")


_SPACE = frozenset((" ", "\u00a0"))  # the gaps allowed inside a name
_SPACE_RE = re.compile(r"\s")

# Service nouns: compounds ending in these, or these words themselves.
_SERVICE_SUFFIXES = (
    "telefon", "telefonen", "tjeneste", "tjenesten", "tjenestene", "legevakt", "legevakten",
    "legevakta", "vakt", "vakten", "vakta", "sentralbord", "sentralbordet", "servicetorg",
    "servicetorget", "servicesenter", "servicesenteret", "kundesenter", "kundesenteret",
    "kundeservice", "innbyggerservice", "kontor", "kontoret", "helsestasjon", "helsestasjonen",
    "team", "teamet", "senter", "senteret", "mottak", "mottaket", "teneste", "tenesta",
    "tenestene", "tenestane", "sentral", "sentralen", "klinikk", "klinikken", "tlf",
)  # fmt: skip
# Suffixes that only count inside a compound ("koronatelefonen", not "telefonen";
# "legevaktsentralen", "Integreringstenesta", "tannklinikken", "koronatlf").
_COMPOUND_ONLY = frozenset(
    "telefon telefonen tjeneste tjenesten tjenestene vakt vakten vakta kontor kontoret team "
    "teamet senter senteret mottak mottaket teneste tenesta tenestene tenestane sentral "
    "sentralen klinikk klinikken tlf".split()
)
# The last three letters of every suffix: a cheap first test.
_SERVICE_ENDS = frozenset(s[-3:] for s in _SERVICE_SUFFIXES)
_NOT_SERVICE = frozenset(
    "mobiltelefon mobiltelefonen fasttelefon fasttelefonen smarttelefon smarttelefonen "
    "hodetelefon hodetelefonen mobiltlf telefonsentral telefonsentralen".split()
)
_MUNICIPALITY = frozenset(("kommune", "fylkeskommune"))
_ROLES = frozenset(
    "ordfører ordføreren ordførar ordføraren varaordfører varaordførar rådmann rådmannen "
    "kommunedirektør kommunedirektøren kommuneoverlege kommuneoverlegen smittevernoverlege "
    "smittevernoverlegen smittevernlege kommunelege kommunalsjef kommunalsjefen pressekontakt "
    "kommunikasjonssjef kommunikasjonsrådgiver beredskapssjef beredskapsleder helsesjef rektor "
    "styrer kontaktperson saksbehandler prosjektleder enhetsleder virksomhetsleder".split()
)
# Roles by their last part: "enhetsleder", "SFO-leiar", "helsesjef", "smittevernkoordinator".
_ROLE_SUFFIXES = ("leder", "leiar", "sjef", "koordinator")
# Capitalised words that begin sentences but are not names.
_STOP = frozenset(
    "ring ringe ta kontakt kontakte du dere de vi ved hvis om se les har er det den dette alle "
    "nå trenger skulle send for fra til i på og eller med hos ved kan alltid tlf tel telefon "
    "telefonnummer mobil mob nummer nr sms e-post epost faks fax telefaks direkte sentralbord "
    "kontakt spørsmål info informasjon nødnummer nødnumre telefonnr tlfnr mobilnr mobilnummer "
    "tlf.nr telefonnumre direktenummer direktenummeret hovednummer hovednummeret hovudnummer "
    "hovudnummeret når dersom viss da då fordi mens medan".split()
)
# The one you call: "ring smittesporing på …", "ringe Folkehelseinstituttet for råd på
# tlf. …", "ta kontakt med legevakta …". The words after a call verb, up to a
# preposition or a phone word, are the label when they are one to three words and none of
# them is a pronoun, an adverb or a word for the number itself ("ring oss", "ringe hele
# døgnet", "ringe det nye nummeret").
_CALLEE_LEADS = frozenset("med til".split())  # "ta kontakt med …", "ring til …"
_DETERMINERS = frozenset(
    "vår våre vårt din di ditt dine sin si sitt sine den det ein en ei et dykkar deres".split()
)
_CALLEE_ENDS = frozenset(
    "på for om ved i hos mellom per pr via gjennom dersom hvis viss når etter så og eller "
    "tlf tel telefon telefonnummer nummer nr mobil direkte".split()
)
_NOT_CALLEE = frozenset(
    "oss meg deg dykk dere dei dem de han ho hun henne ham seg nokon noen hele heile døgnet "
    "alltid gjerne straks nå no direkte også òg heller her hit dit der da då først tilbake "
    "inn opp igjen gratis nummeret nummer telefonnummer telefonnummeret sms kl klokka "
    "klokken hverdager hverdag kvardagar kvardag ukedager vekedagar mandag måndag tirsdag "
    "tysdag onsdag torsdag fredag lørdag laurdag søndag sundag helg helga helgen helger "
    "kveld kvelden kveldstid dagtid natt natta natten morgen morgon".split()
)
# A service named as a place in an earlier clause is where you go, not whom you call: "For
# å bestille test på testsenteret - ring …".
_PLACE_PREPOSITIONS = frozenset("på i ved hos fra frå".split())
_CLAUSE_BREAK_RE = re.compile(r"[,;–—]| - ")

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
    goes_on = _RUN_GOES_ON_RE.match
    candidates += [
        (m.start(), end, True) for m in SHORT_RE.finditer(text) if not goes_on(text, end := m.end())
    ]
    candidates.sort()
    # Per-call memos: the same words before numbers and the same section titles come back
    # again and again in a document (page footers, repeated notices).
    contexts: dict[tuple[str, int, bool], _Context] = {}
    titles: dict[str, str | None] = {}
    prev_end = -1
    not_phone_after = _NOT_PHONE_AFTER_RE.match
    section_at = doc.section_at
    for start, end, short in candidates:
        body = start
        if not short and "47" in text[max(0, start - 5) : start]:
            cc = _CC_TAIL_RE.search(text, max(0, start - 7), start)
            if cc:
                start = cc.start()
        if (start and _joined_left(text, start)) or not_phone_after(text, end):
            continue
        if short and _counts_something(text, end):
            continue
        # Checked against Norway's plan first: it costs a microsecond, the words before more.
        written = text[body:end]
        number = _short_number(written) if short else _long_number(written)
        if number is None:
            continue
        # Look back at most _WINDOW characters: scanning to the line start would be
        # quadratic on a very long line.
        lo = max(0, start - _WINDOW)
        nl = text.rfind("\n", lo, start)
        win_start = nl + 1 if nl != -1 else lo
        truncated = nl == -1 and lo > 0 and text[lo - 1] != "\n"
        before = text[win_start:start]
        cut = prev_end - win_start if prev_end > win_start else 0
        key = (before, cut, short)
        context = contexts.get(key)
        if context is None:
            context = contexts[key] = _read_context(before, cut, truncated, short)
        if context.not_phone:
            continue
        display = text[start:end]
        chained = cut > 0 and _CHAIN_RE.match(text, prev_end, start) is not None
        # The line before the number; None when the line began more than _WINDOW before it.
        line_head = text[nl + 1 : start] if nl != -1 or lo == 0 else None
        if short:
            if not (
                chained
                or context.short_cue
                or (context.phone_word and _is_apposition(text, start, end))
                or (line_head is not None and _opens_phone_item(doc, start, line_head))
            ):
                continue
        elif not (chained or context.phone_word) and body == start and _is_ambiguous(display):
            # 8 together, 2-3-3, 4-4, 3-5 without a country code or a phone word, unless a
            # contact list's role stands right before it ("REKTOR 91681879"), an e-mail
            # address next to it ("6255 3030 post@…"), or it is in a list whose lead-in
            # says the items are phone numbers.
            if not (
                (
                    (context.role_before or _next_to_email(text, start, end))
                    and not _two_years(display)
                )
                or (line_head is not None and _in_phone_item(doc, start, line_head))
            ):
                continue
        label = context.label
        if label is None and line_head is not None and _only_phone_words(line_head):
            label = _block_title_label(text, nl, titles)  # "Legevakt\nTelefon 116 117"
        if label is None and not short and line_head is not None and _is_item_line(line_head):
            item = doc.list_item_at(start)
            if item is not None and item.heading:
                label = _title_label(item.heading, titles)
        header = section_at(start)
        if label is None and not short and header is not None and header.title:
            label = _title_label(header.title, titles)
        fields = {"number": number[0], "display": display, "type": number[1], "label": label}
        yield Match("phone", start, end, header.date if header else None, fields)
        prev_end = end


def _title_label(title: str, memo: dict[str, str | None]) -> str | None:
    """The service a heading names (no people: a section is not one person's)."""
    if title not in memo:
        parts = _WORD_SPLIT_RE.split(title)
        memo[title] = _find_label(parts, list(map(str.casefold, parts[1::2])), names=False)
    return memo[title]


# A list item's mark at the start of its line: a bullet or dash, or "1." / "1)" / "a)".
_ITEM_MARK_RE = re.compile(r"[ \t\u00a0]*(?:[•*·\-–]|\d{1,2}[.)]|[a-z]\))[ \t\u00a0]")


def _is_item_line(line_head: str) -> bool:
    return _ITEM_MARK_RE.match(line_head) is not None


def _lead_in_says_phone(doc: Document, start: int) -> bool:
    """Whether ``start`` is in a list item whose lead-in has a phone word ("Kven skal du ringja?").

    The list is read only for the rare number that needs it, never for every number.
    """
    item = doc.list_item_at(start)
    if item is None or not item.heading:
        return False
    parts = _WORD_SPLIT_RE.split(item.heading)
    return _has_phone_word(parts, list(map(str.casefold, parts[1::2])))


def _opens_phone_item(doc: Document, start: int, line_head: str) -> bool:
    """A number opening a list item under such a lead-in: " • 113 når det står om liv"."""
    mark = _ITEM_MARK_RE.match(line_head)
    return mark is not None and mark.end() == len(line_head) and _lead_in_says_phone(doc, start)


def _in_phone_item(doc: Document, start: int, line_head: str) -> bool:
    """A number in a list item under such a lead-in: " • Jordmor Vigdis: 95120597"."""
    return _is_item_line(line_head) and _lead_in_says_phone(doc, start)


# An e-mail address right after a number, or right before it, on its line: a contact line.
_EMAIL_AFTER_RE = re.compile(r"[ \t\u00a0|,;/\u2013-]*[\w.+-]+@[\w-]+\.\w")
_EMAIL_BEFORE_RE = re.compile(r"@[\w-]+(?:\.[\w-]+)+[ \t\u00a0|,;/\u2013-]*\Z")


def _next_to_email(text: str, start: int, end: int) -> bool:
    """Whether an e-mail address stands right after or before the number: "6255 3030 post@…".

    Not when a figure stands between the number and the word before it: "tlf +358 (09) 7279
    9999, post@…" is one foreign number.
    """
    if text.find("@", max(0, start - 60), min(len(text), end + 60)) == -1:
        return False  # most numbers: no "@" near
    p = start - 1
    while p >= 0 and not text[p].isalpha() and text[p] != "\n":
        if text[p].isdigit():
            return False
        p -= 1
    if _EMAIL_AFTER_RE.match(text, end, end + 60):
        return True
    line = text.rfind("\n", max(0, start - 60), start) + 1
    return _EMAIL_BEFORE_RE.search(text, max(line, start - 60), start) is not None


def _is_apposition(text: str, start: int, end: int) -> bool:
    """A number set off by commas or parentheses: "Hjelpetelefonen, 116 123, er åpen"."""
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return (before[-1:], after[:1]) in ((",", ","), (",", ")"), ("(", ")"))


# What a contact block's number line says before the number: "Telefon", "Tlf:", "Mobil".
_NUMBER_LINE_WORDS = frozenset(
    "telefon tlf tel mobil mob telefonnummer telefonnr tlfnr nummer nr sms sentralbord".split()
)


def _only_phone_words(line_head: str) -> bool:
    words = _WORD_SPLIT_RE.split(line_head)[1::2]
    return bool(words) and all(w.casefold() in _NUMBER_LINE_WORDS for w in words)


def _block_title_label(text: str, nl: int, memo: dict[str, str | None]) -> str | None:
    """The service named by a contact block's title, the nearest non-blank line above.

    A title is a short line (at most four words, no figure, no sentence end): "Legevakt",
    " • Barneverntjenesten", "Tannlegevakt for Trøndelag:".
    """
    while nl > 0 and not text[text.rfind("\n", 0, nl) + 1 : nl].strip():
        nl = text.rfind("\n", 0, nl)  # a blank line: the title may stand above it
    if nl <= 0:
        return None
    prev = text.rfind("\n", 0, nl)
    title = text[prev + 1 : nl].strip(" \t\u00a0•*·-–")
    if not title or len(title) > 60 or title[-1] in ".!?" or any(c.isdigit() for c in title):
        return None
    if len(title.split()) > 4:
        return None
    return _title_label(title, memo)


class _Context(NamedTuple):
    """What the text before a number (in its line, up to ``_WINDOW`` characters) says."""

    not_phone: bool  # "kr", "org.nr.", "postboks" … right before
    short_cue: bool  # "ring", "legevakt", "tlf." … right before
    phone_word: bool  # a phone word earlier in the sentence, no figure after it
    label: str | None  # from the sentence
    role_before: bool  # a role right before: a contact list's entry ("REKTOR 91681879")


_NOT_PHONE = _Context(True, False, False, None, False)


def _read_context(before: str, cut: int, clipped: bool, short: bool) -> _Context:
    """Read ``before`` the number.

    ``cut``: where an earlier number in it ends; ``clipped``: it begins mid-line;
    ``short``: the number is a short one (else ``short_cue`` is not needed).
    """
    words = _words_right_before(before)
    if _is_not_phone_before(words):
        return _NOT_PHONE
    n = len(before)
    # Without ".", "!" or "?" there is no sentence end: the sentence began before it.
    s_start = sentence_bounds(before, n, n, 0, n)[0] if _has_sentence_mark(before) else 0
    if clipped and s_start == 0:
        # The window may begin inside a word: drop it.
        space = _SPACE_RE.search(before)  # \s is str.isspace()
        s_start = space.end() if space else n
    # The region's words and what stands between them: [gap, word, gap, word, …, gap].
    parts = _WORD_SPLIT_RE.split(before[max(s_start, cut) :])
    folded = list(map(str.casefold, parts[1::2]))
    phone_word = _has_phone_word(parts, folded)
    # "ring Alarmtelefonen for barn og unge på 116 111", "… for barn og unge: 116 111": "på",
    # a colon or a parenthesis after a phone word will do too.
    short_cue = short and (
        _is_short_cue(words)
        or (phone_word and (words[-1:] == ["på"] or before.rstrip()[-1:] in (":", "(")))
    )
    role_before = bool(words) and _is_role(words[-1])
    return _Context(False, short_cue, phone_word, _find_label(parts, folded), role_before)


def _is_role(w: str) -> bool:
    """Whether the casefolded word ``w`` names a person's role ("rektor", "sfo-leder" → "leder")."""
    return w in _ROLES or w.endswith(_ROLE_SUFFIXES)


def _has_sentence_mark(s: str) -> bool:
    return "." in s or "!" in s or "?" in s


def _words_right_before(before: str) -> list[str]:
    """The last three words before the number, lowercased, with only spaces and ``.:(-`` after each.

    >>> _words_right_before("Org.nr. ")
    ['org', 'nr']
    >>> _words_right_before("Ved akutt krise, ring ")
    ['ring']
    """
    words = _REVERSED_TAIL_WORDS_RE.match(before[:-41:-1])
    return [w[::-1].casefold() for w in reversed(words.captures("w"))] if words else []


def _is_not_phone_before(words: list[str]) -> bool:
    if not words:
        return False
    last = words[-1]
    if last in _NOT_PHONE_BEFORE:
        return True
    return last in ("nr", "nummer") and len(words) > 1 and words[-2] in _NOT_PHONE_BEFORE_NR


def _is_short_cue(words: list[str]) -> bool:
    """Whether the words right before a short number say it is one: "ring (straks) (på) 113".

    >>> [_is_short_cue(w) for w in (["ring"], ["slår", "du"], ["nødtelefon", "og"],
    ...                             ["telefonnummeret", "dit", "er"], ["koronatelefonen", "er"])]
    [True, True, True, True, False]
    """
    i = len(words) - 1
    while i >= 0 and len(words) - i <= 2 and words[i] in _FILLERS:
        i -= 1
    if i < 0:
        return False
    w, fillers = words[i], frozenset(words[i + 1 :])
    is_verb = w in _CALL_CUES
    is_number_word = w.startswith(_NUMBER_WORD_PREFIXES)
    if not (is_number_word or w in _SHORT_CUES or "telefon" in w or w.startswith("legevakt")):
        return False
    if fillers & _AFTER_NUMBER_WORD and not is_number_word:
        return False
    if fillers & _AFTER_VERB and not is_verb:
        return False
    return not (fillers & _AFTER_NOUN and is_verb)


def _joined_left(text: str, start: int) -> bool:
    """Whether the digits at ``start`` continue a figure or code to their left."""
    if start == 0:
        return False
    ch = text[start - 1]
    if ch.isalnum() or ch in ",/+_":
        return True
    return start >= 2 and ch in _SEP_CHARS and text[start - 2].isdigit()


def _is_ambiguous(display: str) -> bool:
    """8 together (8 chars), 4-4 (9) or 2-3-3 (10, separator third); not 2-2-2-2, 3-2-3, 3-3-2.

    >>> [_is_ambiguous(s) for s in ("67509494", "6750 9494", "66 700 000", "900 31 260")]
    [True, True, True, False]
    """
    n = len(display)
    return n < 10 or (n == 10 and not display[2].isdigit())


def _two_years(display: str) -> bool:
    """4-4 that reads as two years: a table's columns ("Daglig leder 2019 2020").

    >>> [_two_years(s) for s in ("2019 2020", "2019-2020", "6750 9494", "20192020")]
    [True, True, False, False]
    """
    return (
        len(display) == 9
        and not display[4].isdigit()
        and display[:2] in ("19", "20")
        and display[5:7] in ("19", "20")
    )


def _counts_something(text: str, end: int) -> bool:
    """A lowercase word after a short number that is not a linking word: "ring 120 personer"."""
    w = _WORD_AFTER_RE.match(text, end)
    return w is not None and w[1] not in _SHORT_OK_AFTER


def _long_number(body: str) -> tuple[str, str] | None:
    """``(number, type)`` of the number written as ``body`` (no country code), if Norway has it."""
    # One kind of separator in a number: spaces (of any width), hyphens or dots. "22-23 20.00"
    # reads as times, not as a phone number. body is digits and separators (LONG_RE).
    digits, kind = body, None
    while not digits.isdigit():
        sep = digits.lstrip("0123456789")[0]
        if kind is None:
            kind = _SEP_KIND[sep]
        elif _SEP_KIND[sep] != kind:
            return None
        digits = digits.replace(sep, "")
    number = phonenumbers.parse("+47" + digits)
    if not phonenumbers.is_valid_number_for_region(number, "NO"):
        return None
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number))
    return None if kind is None else ("+47" + digits, kind)


def _short_number(written: str) -> tuple[str, str] | None:
    """``(digits, "emergency" | "short")`` for a short number of Norway's plan."""
    digits = written.translate(_NO_SEPS)
    number = phonenumbers.parse(digits, "NO")
    if not shortnumberinfo.is_valid_short_number_for_region(number, "NO"):
        return None
    emergency = shortnumberinfo.is_emergency_number(digits, "NO")
    return digits, "emergency" if emergency else "short"


def _has_phone_word(parts: list[str], folded: list[str]) -> bool:
    """A phone word in the region split into ``parts``, no figure after it.

    ``folded``: its words (``parts[1::2]``), casefolded.
    """
    for i in range(len(folded) - 1, -1, -1):
        w = folded[i]
        if w in _PHONE_WORDS or "telefon" in w or w.startswith(_PHONE_WORD_PREFIXES):
            return not any(map(str.isdigit, "".join(parts[2 * i + 2 :])))
    return False


def _is_service(w: str) -> bool:
    """Whether the casefolded word ``w`` is a service noun."""
    if not w.endswith(_SERVICE_SUFFIXES) or w in _NOT_SERVICE:  # one C call for most words
        return False
    return any(
        w.endswith(s) and (s not in _COMPOUND_ONLY or len(w) - len(s) >= 3)
        for s in _SERVICE_SUFFIXES
    )


def _is_title(word: str, folded: str) -> bool:
    return word[0].isupper() and folded not in _STOP


def _find_label(parts: list[str], folded: list[str], names: bool = True) -> str | None:
    """The service or person named in a region, nearest its end; see the module docstring.

    ``parts``: the region split by ``_WORD_SPLIT_RE``: word ``i`` is ``parts[2 * i + 1]``, the
    gap before it ``parts[2 * i]``; ``folded``: the words casefolded.
    """
    words = parts[1::2]
    n = len(words)
    if not n:
        return None
    # A list entry: "Smittesporing: 67 50 94 95", " • Psykisk helse: …".
    if (
        names
        and n <= 3
        and _is_title(words[0], folded[0])
        and not parts[0].strip(" \t\u00a0•*·-–")
        and parts[-1].strip() == ":"
    ):
        return "".join(parts[1:-1])
    if folded[-1] in ("og", "eller"):
        # "ringer medisinsk nødtelefon og 116 117": the number is its own conjunct, the
        # service before "og" belongs to the other one.
        return None
    # The words from these indexes on are all in _NAME_TO_NUMBER, _ROLE_TO_NUMBER.
    name_tail = role_tail = n
    while name_tail and folded[name_tail - 1] in _NAME_TO_NUMBER:
        name_tail -= 1
    while role_tail and folded[role_tail - 1] in _ROLE_TO_NUMBER:
        role_tail -= 1
    for i in range(n - 1, -1, -1):
        w = folded[i]
        if parts[2 * i + 2][:1] == "@" or parts[2 * i][-1:] in ("@", "."):
            continue  # a part of an e-mail or web address ("postmottak@kommune.no") names no one
        if (
            w in _MUNICIPALITY
            and i > 0
            and _is_title(words[i - 1], folded[i - 1])
            and parts[2 * i] in _SPACE
        ):
            return "".join(parts[2 * i - 1 : 2 * i + 2])  # "Trondheim kommune, telefon …"
        if w[-3:] in _SERVICE_ENDS and _is_service(w) and w not in _ROLES:
            if _is_place_in_earlier_clause(parts, folded, i):
                continue
            i = _explained_service(parts, folded, i)
            first = i
            while (
                first > 0
                and i - first < 3
                and _is_title(words[first - 1], folded[first - 1])
                and parts[2 * first] in _SPACE
            ):
                first -= 1
            return "".join(parts[2 * first + 1 : 2 * i + 2])
        if w in _ROLES:
            last = i
            while (
                last + 1 < n
                and last - i < 3
                and _is_title(words[last + 1], folded[last + 1])
                and parts[2 * last + 2] in _SPACE
            ):
                last += 1
            # A person is the label only close to the number: "ordfører Kari Nordmann, tlf.",
            # "kommuneoverlegen, som kan nås på", not "Rådmannen sier at folk kan ringe".
            if last + 1 >= role_tail:  # only _ROLE_TO_NUMBER words after the name
                return "".join(parts[2 * i + 1 : 2 * last + 2])
            continue
        if names and i > 0 and i + 1 >= name_tail and _is_title(words[i], w):
            first = i
            while (
                first > 0
                and i - first < 3
                and (_is_title(words[first - 1], folded[first - 1]) or folded[first - 1] in _ROLES)
                and parts[2 * first] in _SPACE
            ):
                first -= 1
                if folded[first] in _ROLES:
                    break
            if first < i:
                return "".join(parts[2 * first + 1 : 2 * i + 2])
        if w in _CALL_VERBS:
            callee = _callee(parts, folded, i)
            if callee is not None:
                return callee
        if w in _REACH or (w == "til" and i > 0 and folded[i - 1] in _TELL):
            callee = _named_callee(parts, folded, i)
            if callee is not None:
                return callee
    return None


def _explained_service(parts: list[str], folded: list[str], i: int) -> int:
    """The service word ``i`` explains, when it is in brackets right after one, else ``i``.

    "VA-vakta (vann- og avløpsvakta) treffes på telefon …": the bracket spells out the
    service before it, which is the one named.
    """
    for j in range(i, 0, -1):
        gap = parts[2 * j]  # the gap before word j
        if ")" in gap:
            return i  # a bracket closes between: word i is not in one
        if "(" in gap:
            if _is_service(folded[j - 1]) and folded[j - 1] not in _ROLES:
                return j - 1
            return i
    return i


# "nå NAV på telefon …" (reach), and "Meld fra til Vann og avløp på tlf: …", "gi beskjed til
# …" (tell): the named one is whom you call.
_REACH = frozenset(("nå", "når"))
_TELL = frozenset("fra ifra frå ifrå beskjed melding".split())


def _named_callee(parts: list[str], folded: list[str], lead: int) -> str | None:
    """The name after word ``lead`` that runs up to "på" and the number, as written.

    One to three words, the first capitalised, no pronoun or time word ("nå oss", "nå
    hele døgnet"), and only phone words after "på" (``på telefon``, ``på tlf:``). A name
    may hold one "og": municipal departments are named "Vann og avløp", "Plan og bygg".
    """
    words = parts[1::2]
    lo, n = lead + 1, len(folded)
    hi = lo
    while hi < n and folded[hi] != "på":
        hi += 1
    if hi == n or not all(w in _NAME_TO_NUMBER for w in folded[hi:]):
        return None
    name = folded[lo:hi]
    if not name or len(name) - name.count("og") > 3 or name.count("og") > 1:
        return None
    if name[0] == "og" or name[-1] == "og" or not _is_title(words[lo], name[0]):
        return None
    if any(w in _NOT_CALLEE for w in name):
        return None
    if any(parts[2 * j] not in _SPACE for j in range(lo + 1, hi)):
        return None  # punctuation inside: not one name
    return "".join(parts[2 * lo + 1 : 2 * hi])


def _is_place_in_earlier_clause(parts: list[str], folded: list[str], i: int) -> bool:
    """Whether word ``i`` follows "på", "i", … and a clause with a call verb follows it.

    "… test på testsenteret - ring 94 02 21 32": the test centre is where you go. Not "ta
    kontakt på koronatelefonen" (the verb's own object) nor "oss på servicetorget, tlf. …"
    (no new clause about calling).
    """
    if i == 0 or folded[i - 1] not in _PLACE_PREPOSITIONS:
        return False
    if i >= 2 and folded[i - 2] in _CALL_VERBS:
        return False
    if _CLAUSE_BREAK_RE.search("".join(parts[2 * i + 2 :: 2])) is None:
        return False
    return any(w in _CALL_VERBS for w in folded[i + 1 :])


def _callee(parts: list[str], folded: list[str], verb: int) -> str | None:
    """The words after the call verb at index ``verb`` that name whom to call, as written."""
    lo, n = verb + 1, len(folded)
    if lo < n and folded[lo] in _CALLEE_LEADS:
        lo += 1
    while lo < n and folded[lo] in _DETERMINERS:
        lo += 1
    hi = lo
    while hi < n and folded[hi] not in _CALLEE_ENDS:
        hi += 1
    while hi > lo and folded[hi - 1] in _DETERMINERS:  # "fastlegen din"
        hi -= 1
    if not 0 < hi - lo <= 3 or any(folded[j] in _NOT_CALLEE for j in range(lo, hi)):
        return None
    if any(parts[2 * j] not in _SPACE for j in range(lo + 1, hi)):
        return None  # punctuation inside: not one name
    return "".join(parts[2 * lo + 1 : 2 * hi])
