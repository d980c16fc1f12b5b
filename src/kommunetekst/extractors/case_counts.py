"""COVID-19 case figures: totals, new cases, people in hospital and deaths.

One record per figure, so ``Det er nå 246 smittede, 8 nye fra søndag.`` gives
a ``total`` of 246 and a ``new`` of 8. Figures are digits with any thousands
separator (``1 641`` with a normal or no-break space, ``1.641``) or number words,
bokmål and nynorsk (``fem``, ``ein``, ``tjueto``, ``ingen``; see ``numwords``).
What a figure counts is read

- from the words after it: ``246 smittede``, ``3 nye tilfeller``, ``38 nye
  koronasmitta``, ``136 som er smittet``, ``87 personer i kommunen fått påvist
  koronasmitte``, ``18 personer fra Asker og Bærum er innlagt``, ``6 av våre er
  på sykehus``, ``en person døde``, ``57 dødsfall``, ``ingen nye smittede`` and
  ``ikke meldt nye smittede`` (new 0);
- else from the words before it: ``Antall smittede i Bærum er 191``, ``Totalt
  antall smittede: 312``, ``Talet på smitta er no 23``, ``tallet er fremdeles
  123`` (after ``smittetall``), ``tilsammen 423`` (after a case word), ``en
  økning på 15``;
- ``det første dødsfallet`` is deaths 1, unless its paragraph already gave the death.

The sentence right after one that gave a total may give the increase without
naming cases again: ``Dagens tall er 204 smittede. Det er 13 flere enn i går.``

``date`` is the date of the section (the date header above), or the date the
sentence states with ``per``/``pr.`` (``per 18. juni``; a missing year comes
from the section or ``--year``); null when neither gives one. ``since`` is
filled for ``new`` figures only, as written: the time after ``fra``, ``siden``,
``enn``, ``i forhold til`` … (``søndag``, ``i går``, ``forrige fredag``,
``27. mars``), ``i løpet av helgen`` (``helgen``), or ``siste døgn``.
``since_date`` resolves it against ``date``: ``i går`` and ``siste døgn`` (the
24 hours before the report) are the day before, a weekday is the latest such
day before ``date``, a date is itself; ``helgen``, ``natta``, ``sist`` and
``siste uke`` stay null. ``place`` is a capitalised name after
``i``/``fra``/``på`` in the figure's own clause (``i Bærum``, ``fra Asker og
Bærum``, ``i Norge``); a figure that sums up an earlier clause (``…nye smittede
i Bærum, tilsammen 423``) takes that clause's place. A name before a hospital
word (``på Bærum sykehus``) is not a place, nor is a name after ``på`` for
hospital and death figures, where it names the hospital (``innlagt på Ahus``).

Caveats, on purpose (a wrong figure is worse than none):

- approximate, capacity and threshold figures are skipped: ``nærmere 400``,
  ``over 100``, ``ca. 40``, ``plass til inntil 7 koronasmittede pasienter``,
  ``har passert 1000``; so are ranges (``25-30``, ``mellom 20 og 30``), sets
  named before (``de 57 smittede``, ``1 av 10``) and years (``I 2020 døde 5``);
- counts for a part of the town are not its figures: ``ingen smittede på
  sykehjem``, ``3 smittede blant ansatte``, ``2 smittede elever``, ``2 av våre
  pasienter er smittet``, ``hvorav 30 smittede``; nor is a bare ``Ingen smitte.``;
- quarantine, tests and percentages are not case counts (``5 personar i
  karantene``, ``6 nye positive prøver``, ``12 prosent av de smittede``), nor is
  ``testet positivt`` (``en medarbeider har testet positivt``);
- ``nye innlagte`` and ``nye dødsfall`` (changes of the hospital and death
  figures) and ``3 flere enn i Asker`` (a comparison of places) are not read;
- only sentences with a case word are read (``smitt…``, ``tilfelle``,
  ``innlagt``, ``på sykehus``, ``død…``/``døydd``), plus the sentence right
  after one that gave a total. A count needs a space before it (``(+3`` is not
  read), and a sentence whose only case word starts with a capital ``Død`` is
  not read.

Fields: ``metric`` (``total``, ``new``, ``hospitalized``, ``deaths``),
``value`` (int), ``place``, ``since``, ``since_date``.

Example::

    30.03.20 Smittetall
    Det er nå 246 smittede, 8 nye fra søndag.

    {"kind": "case_count", "doc": "-", "line": 2, "span": [44, 60],
     "text": "8 nye fra søndag", "date": "2020-03-30", "metric": "new",
     "value": 8, "place": null, "since": "søndag", "since_date": "2020-03-29"}
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import regex

from ..dates import INLINE_DATE_RE, MONTHS, WEEKDAYS, parse_inline_date, previous_weekday
from ..document import Document
from ..numwords import NUMBER_WORD_PATTERN, WORDS_BELOW_HUNDRED, parse_number_word, trie_pattern
from ..records import ExtractorInfo, Match
from ..textutil import DASHES, HSPACE, parse_int_grouped, sentence_ends

INFO = ExtractorInfo(
    name="case_counts",
    kind="case_count",
    version="1.0",
    description="COVID-19 case figures: total, new, hospitalized, deaths, with place and since",
    fields={
        "metric": "string",
        "value": "integer",
        "place": "string?",
        "since": "string?",
        "since_date": "date?",
    },
)

# Speed: a document is read in three steps, each looking at as few characters as it can.
# 1. One literal scan per case word (_anchor_hits) finds the paragraphs worth reading;
#    the rest of the text is not looked at again.
# 2. Such a paragraph is split into sentences once (textutil.sentence_ends; most paragraphs
#    are one sentence, which three str.find calls show).
# 3. A sentence with a case word is scanned once (_SCAN_RE) for its counts, clause
#    marks, place cues, "per <date>" and "første". Each count is then read with a few
#    anchored matches (_AFTER_RE, else _LEFT_RE), and its clause and place are found
#    from what the scan collected, without searching the sentence again.
# The stdlib ``re`` runs the patterns on the hot path. Led by a literal and free of
# case-insensitive branches, they run 3-5x faster than the same patterns in ``regex``,
# which is kept for the one pattern that must match backwards (_LEFT_RE) and for the
# shared date pattern.

# -- prefilter ------------------------------------------------------------------------
# One scan per stem, each led by a literal that str.find or ``re`` skips to at about
# 1 GB/s; a regex alternation of these stems has no literal to skip to and scans 20-50x
# slower. Each literal leaves out the stem's first letter, so that one scan finds both
# cases:
#   "mitt"  smittede, smitta, smittet, smittetall, koronasmittede (see _SMITT_RE)
#   "ilfel" tilfelle, tilfeller, smittetilfella
#   "nnlag" innlagt, innlagd, innlagte
#   "kehus" på sykehus, på sjukehus ("6 av våre er på sykehus")
#   "dø"    død, døde, dødsfall, døydde (and not døgn, dør)
_SMITTE_BEFORE = ("påvist ", "bekreftet ", "bekrefta ", "stadfesta ", "påvist korona")
_SYKEHUS_BEFORE = ("på sy", "på sju", "på Sy", "på Sju")
# "smitt" and the forms that count people or name the figure. Not smittevern,
# smitterisiko, smittesporing, smitten (the contagion), which never carry a count; the
# bare "smitte" (group 1) only as "påvist smitte". The tail is a lookahead, so that the
# scan goes on right after "mitt".
_SMITT_RE = re.compile(r"mitt(?<=[sS]mitt)(?=(?:ede|et|a|etall?\w*|etilfel\w*)(?!\w)|(e)(?!\w))")
_DOE_RE = re.compile("dø(?=[dy])")

# -- counts -----------------------------------------------------------------------------
_DASH = f"[{DASHES}]"
_HS = f"[{HSPACE}]"
# A count: grouped digits or one number word, after a space (or at the start of its
# sentence). Not inside a word, a range, a decimal number, a date, a code
# or "Covid-19": a space comes before it, and no decimal part, date part, range or %
# after it. Number words are a case-sensitive trie (see numwords.NUMBER_WORD_PATTERN).
_COUNT_BODY = rf"""
    (?:
        (?P<digits> \d{{1,3}} (?: [\x20\u00a0\u202f\u2009\u2007.] \d{{3}} )+ (?!\d) | \d+ )
        (?! [.,]\d | {_HS}* {_DASH} {_HS}* \d | {_HS}* % )
      | (?P<word> {NUMBER_WORD_PATTERN} | [iI]kke )
    )
    (?! \w )
"""

# Words right before a count that make it approximate, a capacity, a rate, a range,
# a code or a set already named: "nærmere 400", "inntil 7", "de 57 smittede", "uke 12".
_SKIP_AFTER_WORD = frozenset(
    """nærmere nærare over under cirka ca ca. omtrent rundt omlag opptil inntil minst
    snaut drøyt drygt nesten anslagsvis bortimot knapt maks maks. maksimalt maksimum
    de dei disse desse av per pr pr. uke veke nr nr. nummer kl kl. klokka klokken
    covid covid-19 korona side rom hver hvert kvar kvart mellom""".split()
) | frozenset(DASHES)
_SKIP_AFTER_TWO_WORDS = frozenset(
    ("om lag", "mer enn", "meir enn", "mindre enn", "færre enn", "flere enn", "fleire enn",
     "opp mot", "i overkant", "i underkant", "plass til", "kapasitet til", "plass for")
)  # fmt: skip
# "20 og 30 smittede", "fra 20 til 30": the second number of a pair or a range.
_PAIR_WORDS = frozenset(("og", "eller", "til", "à"))
# "I 2020 døde 5 personer": a year after these words is not a count.
_YEAR_WORDS = frozenset(
    ("i", "fra", "frå", "til", "siden", "sidan", "innen", "før", "etter", "år", "året")
)
# "Antall testede er 1200, hvorav 30 smittede": the infected of some other group.
_PARTITIVE_WORDS = frozenset(("hvorav", "herav", "derav", "kor", "blant"))
# Stripped from the words before a count: "(ca. 40", "«over 100".
_OPENERS = "([«\"'"
# The last words that _SKIP_AFTER_TWO_WORDS and _PAIR_WORDS look at.
_SECOND_WORDS = frozenset(w.split()[1] for w in _SKIP_AFTER_TWO_WORDS) | _PAIR_WORDS

# -- the words after a count ------------------------------------------------------------
_CONFIRMED = (
    r"(?:registrert(?:e)?|bekreftede?|bekreftet|bekrefta|påvist(?:e)?|meldt(?:e)?|kjent(?:e)?"
    r"|kjende|stadfest(?:a|e)|konstatert(?:e)?)"
)
_CASE_NOUN = (
    r"(?:(?:korona|covid-?19-|)(?:smittede|smitta|smittet)|(?:korona|smitte|)tilfell(?:e|er|a))"
)
_UNIT = (
    r"(?:personer|personar|person|pasienter|pasientar|pasient|innbyggere|innbyggjarar"
    r"|innbygger|innbyggjar|stykker)"
)
_UPPER_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÁÓÚÍČĐŊŠŦŽ")
_UPPER = "".join(sorted(_UPPER_LETTERS))
_LOWER = "a-zæøåäöüéèáóúíčđŋšŧžß"
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
# A place: "Bærum", "Asker og Bærum", "Nord-Fron", "Indre Østfold".
_PLACE = (
    r"(?:(?:Nordre|Søndre|Indre|Ytre|Øvre|Nedre|Nord|Sør|Øst|Vest|Midtre|Store|Lille)\x20|)"
    rf"{_NAME}(?:\x20og\x20{_NAME}|)"
)
# Anchored right after the count. Optional parts, in the order the texts use them:
# a unit ("personer", "pasienter med covid-19"), where from ("fra Asker og Bærum"),
# a part ("av våre"), "som", a verb ("er", "har blitt"), then the cue that names the
# figure. Each optional part is tried at most once, so the match is linear. An optional
# part is written (?:…|), not (?:…)?: ``re`` runs ? on a group as a repeat, which sets up
# a repeat context at each try (so are those of _CASE_NOUN and _PLACE above).
_AFTER_RE = re.compile(
    rf"""
    \s+
    (?: (?P<unit> {_UNIT} )
        (?: \s+ med \s+ (?: covid-?19 | covid | korona(?:virus|) | koronasmitte ) | ) \s+ | )
    (?: (?: fra | frå | i ) \s+
        (?: (?P<place> {_PLACE} ) | kommunen | landet | fylket | byen ) \s+ | )
    (?: (?P<of> av \s+ (?: disse | desse | dem | dei | de | våre | oss )
                (?: \s+ smittede | \s+ smitta | ) ) \s+ | )
    (?: som \s+ | )
    (?: (?: er | var | ligger | ligg | har ) (?: \s+ (?: blitt | vorte | vært | vore ) | )
        (?: \s+ (?: nå | no | fortsatt | framleis | fremdeles ) | ) \s+ | )
    (?:
        (?P<new> nye | ny | nytt | nya | flere | fleire | nysmitt(?:ede|a|et) )
      | (?P<hospitalized> innlagt | innlagd | innlagde | innlagte | på \s+ s(?:y|ju)kehus(?:et|) )
      | (?P<deaths> døde | dødsfall | dødd | død | døydde | døydd )
      | (?P<total> (?: {_CONFIRMED} \s+ | ) {_CASE_NOUN}
                 | (?: med | fått ) \s+ (?: påvist | bekreftet | bekrefta | stadfesta )
                   \s+ (?:korona|)smitte )
      | (?P<nochange> endring \s+ i \s+ smittetal\w* )
    )
    (?! \w )
    """,
    re.VERBOSE,
)
# After "nye"/"flere": a case noun, the end of the clause, or a small word that cannot
# be the noun. "8 nye fra søndag", "13 flere enn i går", "3 nye tilfeller"; not
# "2 nye fastleger", "2 nye innlagte", "8 nye i karantene".
_NEW_TAIL_RE = re.compile(
    rf"""
    (?P<noun> \s+ (?: {_CONFIRMED} \s+ )? {_CASE_NOUN} ) (?! \w )
  | \s* (?: $ | [.,;:!?)\u2013\u2014] )
  | \s+ (?: fra | frå | siden | sidan | siste | enn | hittil | så | og | mens | men
          | sammenlignet | sammenliknet | samanlikna | det | denne | dette | til | etter | per | pr
          | blant | totalt
          | i (?! \s+ (?:hjemme|heime)?karantene | \s+ isolasjon )
          | på (?! \s+ (?:hjemme|heime)?karantene ) )
    (?! \w )
    """,
    re.VERBOSE,
)
# "ikke meldt nye smittede", "ikke registrert noen nye tilfeller": new 0.
_NOT_NEW_RE = re.compile(
    rf"""
    (?: \s+ (?: blitt | vorte ) )?
    (?: \s+ (?: meldt | registrert | påvist | rapportert | kommet | avdekket | avdekt | bekreftet
              | funnet ) )?
    (?: \s+ (?: om | inn ) )?
    (?: \s+ (?: noen | nokon ) )?
    \s+ nye \s+ (?: {_CONFIRMED} \s+ )? {_CASE_NOUN} (?! \w )
    """,
    re.VERBOSE,
)

_THAN_RE = re.compile(r"\s+(enn)(?!\w)")
# A group noun after "smittede" makes the count a part of the town: "2 smittede elever".
_GROUP_AFTER_RE = re.compile(
    r"\s+(?:elev|ansatt|tilsett|barn|born|beboer|bebuar|lærer|pasient|helsearbeider|medarbeider"
    r"|ungdom|student|arbeider|innsatt|asylsøker)"
)

# -- the words before a count (matched backwards from the count) -------------------------
# (?<=[lLtT]) is the last letter of every label word: matched backwards, the label words
# are tried only where the lazy gap before "er" reaches such a letter.
_LEFT_RE = regex.compile(
    r"""
    (?:
        (?P<label>
            (?<!\w) (?i: totalt \s+ antall | antall(?:et)? | talet | tallet | smittetall(?:et)?
                       | smittetal(?:et)? ) (?<=[lLtT])
            [^\d.,;:!?()\n]{0,80}?
            (?: \s+ (?: (?: er | var )
                        (?: \s+ (?: nå | no | fremdeles | framleis | fortsatt | totalt
                                  | i \s+ dag ) )?
                        (?: \s+ (?: oppe \s+ i | kommet \s+ opp \s+ i ) )?
                      | ligger \s+ på | utgjør
                      | har \s+ (?: økt | steget | auka | stege | stige | gått \s+ opp ) \s+ til )
              | \s* : )
        )
      | (?P<sum>
            (?<!\w) (?i: totalt | tilsammen | til \s+ sammen | i \s+ alt | samlet | samla )
            (?: \s+ (?: er | var | har ) \s+ det (?: \s+ (?: nå | no ) )?
                (?: \s+ (?: registrert | påvist | meldt | bekreftet | stadfesta ) )? )?
        )
      | (?P<increase>
            (?<!\w) (?: (?: en | ei | ein ) \s+ )? (?i: økning | oppgang | auke | stigning )
            \s+ (?: på | med )
          | (?<!\w) (?: økt | auka | steget | stege | stige ) \s+ med
        )
    )
    \s*
    """,
    regex.VERBOSE | regex.REVERSE,
)
# _LEFT_RE's groups by number (``regex`` reads a group by name several times slower).
_LEFT_LABEL, _LEFT_SUM = _LEFT_RE.groupindex["label"], _LEFT_RE.groupindex["sum"]
# The last word before a count that _LEFT_RE can match: a cheap test that spares
# the backwards match for most counts.
_LEFT_LAST_WORDS = frozenset(
    """er var på i utgjør til nå no fremdeles framleis fortsatt totalt dag tilsammen sammen
    alt samlet samla det registrert påvist meldt bekreftet stadfesta med""".split()
)
# After a count read from the words before it: an optional unit, then the end of the
# clause or a small word. Not "Antall smittede er 5 ganger høyere", not "en økning på 16
# prosent".
_TAIL_OK_RE = re.compile(
    r"""
    (?: \s+ (?P<unit> personer | personar | pasienter | pasientar | smittede | smitta | tilfeller
                    | tilfelle ) )?
    (?: \s* (?: $ | [.,;:!?()\u2013\u2014] )
      | \s+ (?: i | på | fra | frå | siden | sidan | hittil | så | totalt | nå | no | og | men
              | mens | per | pr | etter | enn | sammenlignet | sammenliknet | samanlikna | siste
              | til | som )
        (?! \w ) )
    """,
    re.VERBOSE,
)
# A case word before an elliptic total ("…nye smittede i Bærum, tilsammen 423").
_CASE_WORD_RE = re.compile(r"[mM]itt(?:ede|a|et|etal)|ilfell")
_NEW_WORD_RE = re.compile(r"(?<!\w)(?:nye|ny|nytt|nysmitt)")
_FIRST_DEATH_RE = re.compile(r"(?<!\w)[fF]ørste\s+(?:[\w-]+\s+)?(?:korona)?dødsfall(?:et)?(?!\w)")

# -- place ----------------------------------------------------------------------------
# Each preposition is a literal with its own "(?<!\w)" after it, so that ``re`` skips to
# the next i, f or p instead of trying the pattern at every position.
_PREPOSITIONS = ("i", "I", "fra", "Fra", "frå", "Frå", "på", "På")
_PLACE_RE = re.compile(
    "(?P<prep>" + "|".join(rf"{p}(?<!\w{p})" for p in _PREPOSITIONS) + ")"
    rf"\s+(?P<name>{_PLACE})(?!\w)(?:\s+(?P<next>\w+))?"
)
# A name followed by one of these is an institution, not a place: "på Bærum sykehus".
_INSTITUTION_WORDS = frozenset(
    """sykehus sykehuset sjukehus sjukehuset sykehjem sykehjemmet sjukeheim sjukeheimen
    legevakt legevakta legevakten helsehus omsorgssenter bo- universitetssykehus
    universitetssjukehus hf""".split()
)
_NOT_PLACES = frozenset(
    """Covid Korona Corona Koronaviruset Folkehelseinstituttet Helsedirektoratet Msis
    Kommuneoverlegen Kommunen Fylkesmannen Statsforvalteren""".split()
)
_INSTITUTION_SUFFIXES = ("sykehus", "sjukehus", "instituttet", "direktoratet", "senter", "senteret")
# A total or new count for a part of the town ("ingen smittede på sykehjem") is not the
# town's figure: it would contradict the day's total in the cases report.
# (A trie: each letter it skips to tries one branch, not one per word.)
_SUBGROUP_HINT_RE = re.compile(
    trie_pattern(
        """sykehjem sjukeheim bolig hjemmetjen heimeten barnehage skole skule institusjon
        avdeling mottak senter bofellesskap fengsel blant""".split()
    )
)
_SUBGROUP_RE = re.compile(
    r"""(?<!\w) (?: (?:i|på|ved) \s+ (?: (?:de|dei|den|det) \s+ )? (?: [\w-]+ \s+ )?
          (?: sykehjem | sjukeheim | omsorgsbolig | bolig | hjemmetjenest | heimetenest | barnehage
            | skole | skule | institusjon | avdeling | mottak | behandlingssenter | omsorgssenter
            | bofellesskap | fengsel )
        | blant \s+ [^\W\d_] )""",
    re.VERBOSE,
)

# -- since and date ---------------------------------------------------------------------
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# A date for INLINE_DATE_RE to read: "27. mars", "27.3.", "27.03.2020".
_SINCE_DATE = rf"\d{{1,2}}\.(?:\d{{1,2}}\.(?:\d{{2,4}})?|\s*(?:{_MONTH_ALT})(?!\w)\.?)"
# The time a new count is counted from. Three shapes: a word after "fra", "siden",
# "enn", "i forhold til" …; "i løpet av helgen"; "siste døgn". The groups named
# below say how since_date is resolved.
_SINCE_RE = re.compile(
    rf"""
    (?<!\w)
    (?:
        (?: [fF]ra | [fF]rå | [sS]iden | [sS]idan | enn | [iI] \s+ forhold \s+ til
          | [sS]ammenlign(?:et|a) \s+ med | [sS]ammenlikn(?:et|a) \s+ med | [sS]amanlikna \s+ med
          | [jJ]amført \s+ med ) \s+ (?: på \s+ )?
        (?P<since1>
            (?P<yesterday> i \s* går | gårsdagen | dagen \s+ før )
          | (?P<day_before> i \s* forgårs )
          | (?: (?: forrige | førre | sist ) \s+ )? (?P<weekday> {_WEEKDAY_ALT} )
          | (?: forrige | førre ) \s+ (?: oppdatering | rapport | uke | veke | helg )
          | sist | helgen | helga
          | (?P<date> {_SINCE_DATE} )
        )
      | (?: [iI] \s+ løpet \s+ av | [oO]ver | [gG]jennom ) \s+
        (?P<since2> (?P<last_day2> (?:det \s+)? siste \s+ døgnet? ) | helgen | helga | natta
                  | natten | (?: den \s+ )? siste \s+ uka )
      | (?P<since3> (?P<last_day3> (?:[dD]et \s+ siste | [sS]iste)
                                   \s+ (?: døgn(?:et)? | 24 \s+ timer | 24 \s+ timane ) )
                  | [sS]iste \s+ (?: uke | uka | veke | veka
                                  | (?:sju|7) \s+ (?:dager|dagar|dagane) ) )
    )
    (?!\w)
    """,
    re.VERBOSE,
)
_PER_DATE_RE = regex.compile(
    rf"(?<!\w)(?:per|pr\.?)\s+(?:{INLINE_DATE_RE.pattern})", regex.VERBOSE | regex.IGNORECASE
)
# A clause: between the clause marks around a count (, ; : ( ) – — and " - "), and at
# most this many characters each side of it.
_MAX_CLAUSE = 200

# -- one scan per sentence ----------------------------------------------------------------


def _count_heads() -> dict[str, set[str]]:
    """The second letters of the words a count can be, by first letter, in either case.

    "hundre" and "ikke" besides the words below a hundred, which also start the
    hundreds ("tohundre", "etthundre").
    """
    heads: dict[str, set[str]] = {}
    for w in (*WORDS_BELOW_HUNDRED, "hundre", "ikke"):
        for c in (w[0], w[0].upper()):
            heads.setdefault(c, set()).add(w[1])
    return heads


# The letters a count word can start with, and its first two letters as a pattern
# ("e[ilnt]|…"): a space tries the number-word trie only before such a pair, not before
# every word that starts like a number ("er", "i", "smittede"), since a try of the trie
# costs more than the rest of the scan at that space.
_COUNT_HEADS = _count_heads()
_COUNT_STARTS = frozenset(_COUNT_HEADS)
_COUNT_HEAD = "|".join(f"{c}[{''.join(sorted(t))}]" for c, t in sorted(_COUNT_HEADS.items()))
# One scan of a sentence finds its counts and what reading them looks up in the
# sentence: clause marks, "i B"/"på B" where a place may follow (_PLACE_RE is tried only
# where one is), "per 1" (a stated date, _PER_DATE_RE) and "første". Every branch starts
# with a literal, so ``re`` skips to the next candidate at C speed; a space tries the
# count only before two letters that can start one. Apart from counts, a match is one
# character, so that none hides another. A count at the very start of the sentence has
# no space before it: it is read from a copy of the sentence with one (the count
# pattern is compiled once, here: its number-word trie takes ~15 ms to compile).
_PER = r"(?= (?:er|r\.?) \x20+ \d )"
_SCAN_RE = re.compile(
    rf"""
      [ ] (?= \d | {_COUNT_HEAD} ) {_COUNT_BODY}
    | [ ] (?=-\x20)
    | [ ] (?<=[iIaå]\x20) (?=[{_UPPER}])
    | , | ; | : | \( | \) | \u2013 | \u2014
    | p{_PER} | P{_PER} | f(?=ørste) | F(?=ørste)
    """,
    re.VERBOSE,
)

# What may follow a sentence end before the next sentence starts.
_SENTENCE_GAP_RE = re.compile("[.!?\"»”' \t\u00a0\u202f]*")

# (start, end, metric, value, place, since, since_date)
_Figure = tuple[int, int, str, int, str | None, str | None, str | None]


def extract(doc: Document) -> Iterator[Match]:
    """Yield case figures in text order, paragraph by paragraph."""
    text = doc.text
    hits = _anchor_hits(text)
    # doc.section_at for each paragraph, as one walk: headers start lines, in text order,
    # so a header starts at or before the line of a hit if it starts at or before the hit
    headers = doc.headers
    h, n_headers = -1, len(headers)  # headers[h]: the section of the paragraph
    i, n = 0, len(hits)
    while i < n:
        hit = hits[i]
        while h + 1 < n_headers and headers[h + 1].line_start <= hit:
            h += 1
        if h >= 0 and hit < headers[h].end:  # on the header's line: hits are letters
            end = headers[h].end
            while i < n and hits[i] < end:
                i += 1
            continue  # a date header's title ("Første dødsfall i Bærum") is not a report
        ls = text.rfind("\n", 0, hit) + 1
        le = text.find("\n", hit)
        if le == -1:
            le = len(text)
        j = i + 1
        while j < n and hits[j] < le:
            j += 1
        date = headers[h].date if h >= 0 else None
        yield from _parse_line(doc, ls, le, hits[i:j], date)
        i = j


def _anchor_hits(text: str) -> list[int]:
    """Sorted offsets of the case words: where the sentences worth reading are."""
    endswith, find = text.endswith, text.find
    hits = [
        m.start() - 1
        for m in _SMITT_RE.finditer(text)
        if m.group(1) is None or endswith(_SMITTE_BEFORE, 0, m.start() - 1)
    ]
    for lit in ("ilfel", "nnlag"):
        i = find(lit)
        while i != -1:
            hits.append(i)
            i = find(lit, i + 1)
    i = find("kehus")
    while i != -1:
        if endswith(_SYKEHUS_BEFORE, 0, i):  # "på sykehus", not "lokalsykehus"
            hits.append(i)
        i = find("kehus", i + 5)
    hits += [m.start() for m in _DOE_RE.finditer(text)]
    hits.sort()
    return hits


def _parse_line(
    doc: Document, ls: int, le: int, hits: list[int], date: str | None
) -> Iterator[Match]:
    """The figures of one paragraph: its sentences with a hit, and the one after a total.

    ``date`` is the paragraph's section date.
    """
    text = doc.text
    found: list[tuple[_Figure, str | None]] = []
    deaths_seen = follow = False  # follow: the sentence before gave a total
    k, n_hits, last_hit = 0, len(hits), hits[-1]
    ends = sentence_ends(text, ls, le)
    n_ends = len(ends)
    x = 0  # ends[x]: the next sentence end
    s = ls
    while s <= last_hit or follow:
        # the first end after s: a mark in the gap before the sentence does not end it
        while x < n_ends and ends[x] <= s:
            x += 1
        e = ends[x] if x < n_ends else le
        has_hit = k < n_hits and hits[k] < e
        if has_hit or follow:
            while k < n_hits and hits[k] < e:
                k += 1
            figures, sentence_date = _parse_sentence(doc, s, e, date, not has_hit, deaths_seen)
            follow = False
            for fig in figures:
                found.append((fig, sentence_date))
                if fig[2] == "deaths":
                    deaths_seen = True
                elif fig[2] == "total" and has_hit:
                    follow = True
        if e >= le:
            break
        s = _SENTENCE_GAP_RE.match(text, e, le).end()  # type: ignore[union-attr]
        if s >= le:
            break
    if len(found) > 1:
        found.sort(key=_by_span)
    for (start, end, metric, value, place, since, since_date), fig_date in found:
        fields = {"metric": metric, "value": value, "place": place, "since": since,
                  "since_date": since_date}  # fmt: skip
        yield Match("case_count", start, end, fig_date, fields)


def _by_span(item: tuple[_Figure, str | None]) -> tuple[int, int]:
    return item[0][0], item[0][1]


def _parse_sentence(
    doc: Document, s: int, e: int, date: str | None, new_only: bool, deaths_seen: bool
) -> tuple[list[_Figure], str | None]:
    """The figures of the sentence ``[s, e)`` and the date they belong to.

    ``date`` is the section's. ``new_only`` reads the sentence after a total, which may
    give only an increase. ``deaths_seen``: the paragraph gave deaths before ("det
    første dødsfallet" repeats it).
    """
    text = doc.text
    counts: list[tuple[str | None, str | None, int]] = []  # (digits, word, end)
    marks: tuple[list[int], list[int]] = ([], [])  # starts and ends of the clause marks
    hints: list[int] = []  # the spaces of "i B", "på B"
    per = first = False
    c = text[s]
    if c in _COUNT_STARTS or c.isdigit():
        m = _SCAN_RE.match(" " + text[s:e])  # positions 1 on from s - 1
        if m is not None and m.lastgroup is not None:
            counts.append((*m.groups(), s - 1 + m.end()))
    for m in _SCAN_RE.finditer(text, s, e):
        i = m.start()
        if m.lastgroup is not None:  # a count after the space at i
            counts.append((*m.groups(), m.end()))
            if i > s and text[i - 1] in "iIaå" and text[i + 1] in _UPPER_LETTERS:
                hints.append(i)  # "i Tre …" is also where a place may follow
            continue
        c = text[i]
        if c == " ":
            if text[i + 1] == "-":
                marks[0].append(i)
                marks[1].append(i + 3)
            else:
                hints.append(i)
        elif c in "pP":
            per = True
        elif c in "fF":
            first = True
        else:
            marks[0].append(i)
            marks[1].append(i + 1)
    if per:
        pm = _PER_DATE_RE.search(text, s, e)
        if pm:
            stated = parse_inline_date(pm, doc.reference_year(s))
            date = stated.isoformat() if stated else None
    figures: list[_Figure] = []
    for digits, word, ne in counts:
        fig = _read_count(text, s, e, digits, word, ne)
        if fig is None:
            continue
        start, end, metric, value, place, how = fig
        if new_only and metric != "new":
            continue
        cs, ce = _clause(s, e, ne, marks)
        if metric in ("total", "new") and _SUBGROUP_HINT_RE.search(text, cs, ce):
            if _SUBGROUP_RE.search(text, cs, ce):
                continue
        if place is None and hints:
            place = _find_place(text, min(cs, start), ce, metric, hints)
        if place is None and how == "sum" and hints:
            # "…smittede i Bærum, tilsammen 423": the clause it sums up
            place = _find_place(text, max(s, cs - _MAX_CLAUSE), cs, metric, hints)
        since = since_date = None
        if metric == "new":
            sm = _SINCE_RE.search(text, cs, ce)
            if sm:
                group = "since1" if sm["since1"] else "since2" if sm["since2"] else "since3"
                since = sm[group].rstrip(".")  # "siden 27. mars." ends the sentence
                since_date = _resolve_since(doc, sm, date, s)
                if sm.start() >= end and not _has_count(text, end, sm.start()):
                    end = sm.start(group) + len(since)  # "8 nye fra søndag": the time is evidence
        figures.append((start, end, metric, value, place, since, since_date))
    if first and not new_only:
        fm = _FIRST_DEATH_RE.search(text, s, e)
        if fm and not deaths_seen and not any(f[2] == "deaths" for f in figures):
            cs, ce = _clause(s, e, fm.start(), marks)
            place = _find_place(text, cs, ce, "deaths", hints)
            figures.append((fm.start(), fm.end(), "deaths", 1, place, None, None))
    return figures, date


def _has_count(text: str, a: int, b: int) -> bool:
    """Whether a count lies in ``[a, b)``.

    The count branch comes first in _SCAN_RE and its other matches are one character,
    so the scan finds a count wherever one starts.
    """
    return any(m.lastgroup is not None for m in _SCAN_RE.finditer(text, a, b))


def _read_count(
    text: str, s: int, e: int, digits: str | None, word: str | None, ne: int
) -> tuple[int, int, str, int, str | None, str] | None:
    """One count read: (start, end, metric, value, place named before the cue, how), or None.

    The count is ``digits`` or ``word`` of a _SCAN_RE match, ending at ``ne``. ``how``
    says which words named the figure: "after" (the words after the count), or, from
    the words before it, "label", "sum" or "increase".
    """
    if word is not None:
        ns = ne - len(word)
        if word == "ikke" or word == "Ikke":
            nm = _NOT_NEW_RE.match(text, ne, e)
            return (ns, nm.end(), "new", 0, None, "after") if nm else None
        value = parse_number_word(word)
        if value is None:
            return None
    else:
        ns = ne - len(digits)
        value = int(digits) if digits.isdigit() else parse_int_grouped(digits)
    am = _AFTER_RE.match(text, ne, e)
    if am is None and word is not None and value <= 1:
        return None  # "en" in "en økning på", "ingen" alone: an article, not a figure
    # the last two words before the count
    before = text[max(s, ns - 40) : ns].rsplit(None, 2)
    if before and _skipped_by_words_before(before, digits):
        return None
    if am is not None:
        metric = am.lastgroup or ""
        if metric == "nochange":  # "Ingen endring i smittetall"
            return (ns, am.end(), "new", 0, None, "after") if value == 0 and word else None
        if metric == "total" and (
            am["of"] or (before and before[-1].casefold() in _PARTITIVE_WORDS)
        ):
            return None  # "2 av våre er smittet", "hvorav 30 smittede": a part, not the total
        end = am.end()
        if metric == "new" and not am["new"].startswith("nysmitt"):
            tm = _NEW_TAIL_RE.match(text, end, e)
            if tm is None:
                return None
            if tm["noun"] is not None:
                end = tm.end()
            em = _THAN_RE.match(text, end, e)
            if em and not _SINCE_RE.match(text, em.start(1), e):
                return None  # "3 flere enn i Asker" compares places; it is not an increase
        elif metric == "total" and _GROUP_AFTER_RE.match(text, end, e):
            return None  # "2 smittede elever": a part of the town, not its total
        return (ns, end, metric, value, am["place"], "after")
    if not before or (before[-1] not in _LEFT_LAST_WORDS and not before[-1].endswith(":")):
        return None
    lm = _LEFT_RE.match(text, s, ns)
    if lm is None:
        return None
    tm = _TAIL_OK_RE.match(text, ne, e)
    if tm is None:
        return None
    end = tm.end("unit") if tm["unit"] is not None else ne
    ls, how = lm.start(), lm.lastindex  # each branch of _LEFT_RE is one group
    if how == _LEFT_LABEL:
        metric = _label_metric(lm[_LEFT_LABEL], text, s, ls)
        return None if metric is None else (ls, end, metric, value, None, "label")
    if how == _LEFT_SUM:
        if not _CASE_WORD_RE.search(text, s, ls):
            return None
        return (ls, end, "total", value, None, "sum")
    return (ls, end, "new", value, None, "increase")


def _skipped_by_words_before(words: list[str], digits: str | None) -> bool:
    """Whether the last words before a count make it no figure ("nærmere 400", "I 2020")."""
    last = words[-1].casefold().strip(_OPENERS)
    if last in _SKIP_AFTER_WORD:
        return True
    if len(words) >= 2 and last in _SECOND_WORDS:
        prev = words[-2].casefold().strip(_OPENERS)
        if f"{prev} {last}" in _SKIP_AFTER_TWO_WORDS:
            return True
        if last in _PAIR_WORDS and (
            prev[:1].isdigit() or parse_number_word(prev) not in (None, 0, 1)
        ):
            return True
    if last in _YEAR_WORDS and digits is not None:  # "I 2020 døde 5": a year
        return len(digits) == 4 and digits[:2] in ("19", "20")
    return False


def _label_metric(label: str, text: str, s: int, label_start: int) -> str | None:
    """Which figure "Antall … er N" gives, from the words of its label."""
    words = label.casefold()
    if "innlag" in words or "sykehus" in words or "sjukehus" in words:
        return "hospitalized"
    if "død" in words or "døyd" in words:
        return "deaths"
    if "smitt" in words or "tilfel" in words:
        return "new" if _NEW_WORD_RE.search(words) else "total"
    # "tallet er fremdeles 123" names no figure itself: "smittetall" must come before it.
    return "total" if _CASE_WORD_RE.search(text, s, label_start) else None


def _clause(s: int, e: int, pos: int, marks: tuple[list[int], list[int]]) -> tuple[int, int]:
    """The clause around ``pos`` in the sentence ``[s, e)``: between commas, semicolons, dashes.

    ``marks`` are the starts and the ends of the sentence's clause marks, both rising
    (marks do not nest). At most _MAX_CLAUSE characters each side, so that a sentence
    with many counts and no commas costs linear time.
    """
    cs, ce = max(s, pos - _MAX_CLAUSE), min(e, pos + _MAX_CLAUSE)
    starts, ends = marks
    if not starts:
        return cs, ce
    i = bisect_right(ends, pos) - 1  # the last mark before pos
    if i >= 0 and starts[i] >= cs:
        cs = ends[i]
    i = bisect_left(starts, pos)  # the first mark after pos
    if i < len(starts) and ends[i] <= ce:
        ce = starts[i]
    return cs, ce


def _find_place(text: str, a: int, b: int, metric: str, hints: list[int]) -> str | None:
    """The place named in ``[a, b)``; ``hints`` are where one may follow (see _SCAN_RE)."""
    i = bisect_right(hints, a)  # the first "i B" inside the range, if any
    if i == len(hints) or hints[i] + 2 > b:
        return None
    for pm in _PLACE_RE.finditer(text, a, b):
        name = pm["name"]
        if pm["prep"] in ("på", "På") and metric in ("hospitalized", "deaths"):
            continue  # "innlagt på Ahus", "døde på Bærum sykehus": a hospital, not a place
        nxt = pm["next"]
        if nxt is not None and nxt.casefold() in _INSTITUTION_WORDS:
            continue
        if name.split()[0] in _NOT_PLACES or name.casefold().endswith(_INSTITUTION_SUFFIXES):
            continue
        return name
    return None


def _resolve_since(doc: Document, m: re.Match[str], date: str | None, s: int) -> str | None:
    """The date of a since match ``m`` in the sentence at ``s`` whose date is ``date``."""
    if m["date"] is not None:
        dm = INLINE_DATE_RE.match(doc.text, m.start("date"))
        d = parse_inline_date(dm, doc.reference_year(s)) if dm else None
        return d.isoformat() if d else None
    if date is None:
        return None
    ref = _dt.date.fromisoformat(date)
    if m["yesterday"] or m["last_day2"] or m["last_day3"]:
        return (ref - _dt.timedelta(days=1)).isoformat()
    if m["day_before"]:
        return (ref - _dt.timedelta(days=2)).isoformat()
    if m["weekday"]:
        return previous_weekday(ref, WEEKDAYS[m["weekday"].casefold()]).isoformat()
    return None
