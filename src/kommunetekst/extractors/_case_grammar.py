"""The words around a count, as ``case_counts`` reads them: the language model.

After a count, its words are read as word classes (one letter each, from the word lists
in ``_case_words``) and matched by a grammar over those letters (``AFTER_GRAMMAR``): the
noun phrase (``nye``, participles, the noun), where from, a part of a set, a verb, and
what the clause says of the noun. Before a count, a label, a sum or an increase is read
backwards to the sentence start (``BEFORE_RE``). The times a new count is counted from
are ``SINCE_RE``. ``case_counts`` decides from what these find.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from ..dates import MONTH_ALT, WEEKDAY_ALT, WEEKDAYS
from . import _case_words as W


class Count(NamedTuple):
    """A number in the text: digits or a number word, and where it stands."""

    start: int
    end: int
    value: int
    word: str | None  # the number word as written; None for digits


class After(NamedTuple):
    """What the words after a count say it counts.

    ``what`` is one of "case", "new", "hospital", "death", "tested" (``testet
    positivt``), "other" (something that is not a case figure), "unit" or "patients" (people,
    with nothing said of them) or None (nothing recognised).
    """

    what: str | None
    end: int  # the end of the words that named it: the figure's evidence
    place: str | None = None
    part: bool = False  # "av våre", "smittede elever": a part of the town
    pronoun: bool = False  # "en som er smittet": "en" is a pronoun, not a count
    more: bool = False  # "13 flere enn i går": new read as a difference
    relative: bool = False  # its words end in a relative clause: "18 personar som har …"
    verb_first: bool = False  # a verb right after the count: "ein er smitta"


class Before(NamedTuple):
    """A label, sum or increase written before a count, back to the sentence start."""

    how: str  # "label", "sum", "increase", "died" or "infected"
    start: int
    metric: str | None  # the metric the label names ("Antall innlagte er 4"), if any


# Marks around a word that are not part of it: "(fem", "innlagt.", "«tre»".
AROUND_WORDS = "([«\"'»”)].,;:!?"
CONFIRMED_WORDS = "|".join(sorted(W.CONFIRMED, key=len, reverse=True))
CASE_NOUN_WORDS = "|".join(sorted(W.CASE_NOUNS, key=len, reverse=True))
_RATE_IN_LABEL_RE = re.compile(
    r"(?<!\w)(?:per|pr\.?)\s*1?0{2,}|(?<!\w)(?:per|pr\.?)\s*1[\s.\u00a0]?000"
)


# -- the words after a count: its noun, then what is said of it --------------------------
# Each word after a count is read as its class, one letter, so that the grammar below can
# be written over the classes. The words of each class are in _case_words.
_CLASSES: dict[str, frozenset[str]] = {
    "N": W.NEW_WORDS,  # nye, flere, fleire
    "A": W.CONFIRMED,  # registrerte, bekreftede, påviste, melde (and …relaterte, below)
    "C": W.CASE_NOUNS,  # smittede, smitta, tilfeller, koronasmittet
    "c": W.NEW_CASE_NOUNS,  # nysmittede
    "u": W.PATIENTS,  # pasienter, pasientar
    "U": W.UNITS,  # personer, nordmenn
    "j": W.ADJECTIVES,  # eldre, unge
    "H": W.HOSPITAL_WORDS,  # innlagt, innlagde
    "S": W.HOSPITAL_NOUNS,  # sykehus, sjukehuset
    "B": W.TREATMENT_WORDS,  # behandling, behandles
    "D": W.DEATH_WORDS,  # døde, dødsfall, døydde
    "O": W.OTHER_NOUNS,  # karantene, prøver, prosent, ganger
    "G": W.GROUP_NOUNS,  # elever, ansatte
    "I": W.INSTITUTION_WORDS - W.HOSPITAL_NOUNS,  # sykehjem, legevakt
    "Z": W.DISEASES,  # smitte, covid-19, koronaviruset
    "T": W.TESTED_WORDS,  # testet, testa
    "Y": W.POSITIVE_WORDS,  # positivt
    "v": W.VERBS,  # er, har, ligg, får
    "x": W.AUXILIARIES,  # blitt, vorte, vært
    "f": W.GOT,  # fått
    "w": W.ADVERBS | frozenset(WEEKDAYS),  # nå, framleis, fredag
    "d": W.OF_WORDS,  # disse, dei, våre
    "k": W.PLACE_NOUNS | {"lands"},  # kommunen, landet, "her til lands"
    "m": frozenset(("med",)),
    "h": frozenset(("her",)),
    "t": frozenset(("til",)),
    "i": frozenset(("i", "fra", "frå")),
    "p": frozenset(("på", "ved")),
    "a": frozenset(("av",)),
    "s": frozenset(("som",)),
    "o": frozenset(("og",)),
    "K": frozenset(("kommune", "fylke")),
    "q": frozenset(("dag",)),
    "L": frozenset(("lagt", "lagde", "lagd", "lagde")),  # "lagt inn på sykehus"
    "n": frozenset(("inn",)),
    "e": frozenset(("endring",)),
}
_CLASS_OF: dict[str, str] = {}
for _letter, _words in reversed(_CLASSES.items()):  # the first class listed wins
    _CLASS_OF.update(dict.fromkeys(_words, _letter))

# What the words after a count say, over their classes (the letters above; "P" is a
# capitalised word of no class, a name; "_" any other word). Matched from the count on,
# as far as it goes; each part is optional and tried once.
AFTER_GRAMMAR = re.compile(
    r"""
    # the noun phrase: "nye", participles, then the noun
    (?P<new> N )? j? A*
    (?: (?P<case> [Cc] ) (?: (?P<group> G ) | [Uu] )?  # "smittede"; "smittede elever" is a part;
                                                      # "koronasmitta personar"
      | (?P<noun_hospital> H )              # "3 innlagt", "28 koronapasientar"
      | (?P<noun_death> D )                 # "57 dødsfall"
      | (?P<noun_group> G )                 # "40 ansatte", "en beboer"
      | (?P<noun_other> O )                 # "184 prøver"
      | (?P<unit> j? [Uu] )                 # "18 personer", "En eldre person", "3 pasienter"
      | (?P<no_change> e i [Cc_] )          # "Ingen endring i smittetallet"
    )?
    (?P<np_hospital> H (?: [ip] S )? )?     # "En pasient innlagt i sykehuset (… døde)"
    (?: m (?P<confirmed_with> A+ )? Z )?    # "personer med påvist covid-19"
    (?P<confirmed_zero> A+ Z )?             # "ingen påvist smitte"
    # where from, and a part of a set
    (?: [ip] (?P<place> P (?: o? P )? ) (?! [SI] ) K?   # "i Bærum", "fra Asker og Bærum"
      | h? [it] k K?                                  # "i kommunen", "her til lands"
      | p [SI_] | i _ )?                              # "ved sentralsjukehuset",
                                                      # "frå nabokommunen"
    (?P<of> a d [Cc]? )?                    # "av våre", nynorsk "av dei smitta"
    (?P<som> s )?
    # what is said of it: a verb, then the word that names the figure
    w* (?: v x* w* (?: i q )? )?            # "er", "har vorte", "var fredag", "er i dag",
                                            # "da var", "skal være"
    (?: (?P<hospital> H | [ip] S | B [ip]? S | L n )  # "er innlagt", "ligg på sjukehus",
                                                      # "er lagt inn"
      | (?P<death> A* D )                           # "er døde", "rapportert døde"
      | (?P<said_new> N A* [Cc] )                   # "er nye påviste tilfeller"
      | (?P<said_other> [OG] | [ip] [OI] )          # "er i karantene"
      | (?P<tested> T Y )                           # "har testa positivt"
      | (?P<said_case> f? A* [Cc] | f? A+ Z )       # "er smittet", "har fått påvist smitte"
      | (?P<said_confirmed> A+ )                    # "14 tilfeller er påvist"
    )?
    """,
    re.VERBOSE,
)


def _class_of(token: str) -> str:
    """The class of one word (a letter of _CLASSES, "P" a name, "_" any other word)."""
    word = token.strip(AROUND_WORDS)
    folded = word.casefold()
    letter = _CLASS_OF.get(folded)
    if letter is not None:
        return letter
    if folded.endswith(W.RELATED_SUFFIXES):
        return "A"  # "koronarelaterte dødsfall"
    return "P" if word[:1].isupper() else "_"


class _Words:
    """The words after a count, up to its clause end (at most 12), and their classes."""

    __slots__ = ("_start", "_text", "_tokens", "classes")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start = text, start
        self._tokens = text[start : min(end, start + 120)].split(None, 10)[:10]
        get = _CLASS_OF.get
        self.classes = "".join(
            [get(token.casefold()) or _class_of(token) for token in self._tokens]
        )

    def end(self, i: int) -> int:
        """The end of the i-th word (its marks left out)."""
        pos = self._start
        for token in self._tokens[: i + 1]:
            pos = self._text.find(token, pos) + len(token)
        token = self._tokens[i]
        return pos - (len(token) - len(token.rstrip(AROUND_WORDS)))

    def start(self, i: int) -> int:
        """The start of the i-th word (its marks left out)."""
        token = self._tokens[i]
        return (
            self.end(i)
            - len(token.rstrip(AROUND_WORDS))
            + (len(token) - len(token.lstrip(AROUND_WORDS)))
        )

    def word(self, i: int) -> str:
        return self._tokens[i].strip(AROUND_WORDS)


def read_after(text: str, count: Count, ce: int) -> After:
    """Read the words after ``count`` up to the clause end ``ce`` by AFTER_GRAMMAR.

    What is said of the noun overrides the noun: ``3 smittede er innlagt`` is in
    hospital, ``2 nye er innlagt`` is no figure (a change of the hospital figure).
    """
    first = text[count.end : min(ce, count.end + 40)].split(None, 1)
    if not first or not text[count.end].isspace() or _class_of(first[0]) in "P_":
        return After(None, count.end)  # "12 år", "2020 var": no word a figure is named by
    words = _Words(text, count.end, ce)
    classes = words.classes
    if not classes or classes[0] in "P_":
        return After(None, count.end)  # "12 år", "2020 var": no word a figure is named by
    g = AFTER_GRAMMAR.match(classes)
    assert g is not None  # every part is optional

    def end_of(group: str) -> int:
        return words.end(g.end(group) - 1)

    new = g["new"] is not None
    place = None
    if g["place"] is not None:
        place = text[words.start(g.start("place")) : end_of("place")]
        if place.split()[0] in W.NOT_PLACES:
            place = None
    part = g["group"] is not None or g["of"] is not None
    # "en som er smittet": "en" is a pronoun; not "ein pasient … som er innlagd"
    pronoun = g.start("som") == 0 and count.word is not None and count.value == 1
    more = new and words.word(0).casefold() in ("flere", "fleire")

    verb_first = classes[0] == "v"
    relative = g["som"] is not None

    def found(what: str | None, group: str) -> After:
        return After(what, end_of(group), place, part, pronoun, more, relative, verb_first)

    if g["no_change"] is not None:  # "Ingen endring i smittetallet"
        said = words.word(g.end("no_change") - 1).casefold()
        ok = count.value == 0 and said.startswith("smittetal")
        return After("new" if ok else None, end_of("no_change"))
    # What is said of the noun decides before the noun: "3 smittede er innlagt", "En
    # pasient innlagt … døde". "2 nye dødsfall" and "To nye er innlagt" are changes of
    # the death and hospital figures, which are not read.
    for group, what in (("death", "death"), ("hospital", "hospital"),
                        ("np_hospital", "hospital"), ("noun_death", "death"),
                        ("noun_hospital", "hospital")):  # fmt: skip
        if g[group] is not None:
            return found(None if new else what, group)
    if g["noun_group"] is not None or g["noun_other"] is not None or g["said_other"] is not None:
        return After("other", count.end)
    if g["said_new"] is not None:
        return found("new", "said_new")
    if g["case"] is not None:
        is_new = new or classes[g.start("case")] == "c"
        return found(
            "new" if is_new else "case", "said_confirmed" if g["said_confirmed"] else "case"
        )
    if g["tested"] is not None:
        return found("new" if new else "tested", "tested")
    if g["said_case"] is not None:
        return found("new" if new else "case", "said_case")
    if g["unit"] is not None and g["confirmed_with"] is not None:
        return After("new" if new else "case", words.end(g.end("confirmed_with")), place, part,
                     pronoun, more, relative, verb_first)  # fmt: skip
    if new:
        ok = g.end("new") == len(classes) or _new_tail_ok(text, end_of("new"), ce)
        return found("new" if ok else None, "new")
    if g["confirmed_zero"] is not None and count.value == 0:
        return found("case", "confirmed_zero")
    if g["unit"] is not None:
        patients = classes[g.end("unit") - 1] == "u"
        return found("patients" if patients else "unit", "unit")
    return After(None, count.end, place, part, pronoun)


# After "nye"/"flere" with no noun: the end of the clause, or a small word that cannot
# be the noun. "8 nye fra søndag", "13 flere enn i går"; not "2 nye fastleger", "2 nye
# innlagte", "8 nye i karantene".
_NEW_TAIL_RE = re.compile(
    r"""
    \s* (?: $ | [.,;:!?)\u2013\u2014] )
  | \s+ (?: fra | frå | siden | sidan | siste | enn | hittil | så | og | mens | men
          | sammenlignet | sammenliknet | samanlikna | det | denne | dette | til | etter | per | pr
          | blant | totalt | i \s+ dag | i \s+ går
          | med \s+ (?: påvist \s+ )? (?: korona | covid-19- )? smitte   # "46 nye med smitte"
          | av \s+ \d                                                   # "7 nye av 352 prøver"
          | i (?! \s+ (?:hjemme|heime)?karantene | \s+ isolasjon )
          | på (?! \s+ (?:hjemme|heime)?karantene ) )
    (?! \w )
    """,
    re.VERBOSE,
)
_THAN_RE = re.compile(r"\s+enn(?!\w)")


def _new_tail_ok(text: str, pos: int, ce: int) -> bool:
    """Whether "nye"/"flere" without a noun is about cases: the words after it allow it."""
    if _NEW_TAIL_RE.match(text, pos, ce) is None:
        return False
    than = _THAN_RE.match(text, pos, ce)
    # "3 flere enn i Asker" compares places; "13 flere enn i går" is an increase
    return than is None or SINCE_RE.match(text, than.start() + 1, ce) is not None


# "ikke meldt nye smittede", nynorsk "ikkje registrert nye smitta": new 0.
NOT_NEW_RE = re.compile(
    rf"""
    (?: \s+ (?: er | har | blitt | vorte | vore | vært | fått | fatt ) )*
    (?: \s+ (?: meldt | registrert | påvist | rapportert | kommet | avdekket | avdekt | bekreftet
              | bekrefta | stadfesta | funnet ) )?
    (?: \s+ (?: om | inn ) )?
    (?: \s+ (?: noen | nokon ) )?
    \s+ (?: nye | ny | nytt ) \s+ (?: (?: {CONFIRMED_WORDS} ) \s+ )?
    (?: {CASE_NOUN_WORDS} | (?: korona | covid-?19- )? smitte ) (?! \w )
    """,
    re.VERBOSE | re.IGNORECASE,
)


# After a relative clause and its comma, what the main verb says: ", har no døydd", ", er
# innlagt".
PREDICATE_RE = re.compile(
    rf"""
    ,\s+ (?: {"|".join(W.VERBS)} ) (?: \s+ (?: {"|".join(W.AUXILIARIES | W.ADVERBS)} ) )*
    \s+ (?: (?P<death> {"|".join(sorted(W.DEATH_WORDS, key=len, reverse=True))} )
          | (?P<hospital> {"|".join(sorted(W.HOSPITAL_WORDS, key=len, reverse=True))} ) )
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# -- the words before a count --------------------------------------------------------------
def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


# "er nå 5", "er altså 44", "er framleis 23", "er i dag 12".
_LABEL_ADVERB = (
    r"(?: nå | no | fremdeles | framleis | fortsatt | totalt | dermed | altså | i \s+ dag )"
)
# Matched backwards from the count (regex.REVERSE), as far back as the sentence start.
# A label names the figure and ends in "er", "var", "ligger på" or a colon; a sum is a
# word such as "totalt"; an increase is a noun with "på"/"med" or a verb with "med".
BEFORE_RE = regex.compile(
    rf"""
    (?:
        (?P<label>
            (?<!\w) (?i: (?: totalt \s+ )? (?: {_alternatives(W.LABEL_NOUNS + W.LABEL_HEADS)} ) )
            (?!\w)
            (?P<label_words> [^.,;:!?()\n]{{0,80}} )
            (?: \s+ (?: (?: er | var ) (?: \s+ {_LABEL_ADVERB} )?
                        (?: \s+ (?: oppe \s+ i | nede \s+ i | kommet \s+ opp \s+ i ) )?
                      | (?: {_LABEL_ADVERB} \s+ )?
                        (?: oppe \s+ i | nede \s+ i | kommet \s+ opp \s+ i )
                      | ligger \s+ på | ligg \s+ på | utgjør
                      | (?: har | er ) (?: \s+ {_LABEL_ADVERB} )?
                        \s+ (?: økt | steget | auka | stege | stige | gått \s+ opp | gått \s+ ned
                               | sunket | sokke | falt | falle | redusert )
                        (?: \s+ fr[aå] \s+ [^.,;:!?()\n]{{1,30}}? )? \s+ til )
              | \s* : )
        )
      | (?P<sum>
            (?<!\w) (?i: {_alternatives(W.SUM_WORDS)} )
            (?: \s+ (?: er | var | har ) (?: \s+ det )? (?: \s+ (?: nå | no ) )?
                (?: \s+ (?: registrert | påvist | meldt | bekreftet | stadfesta ) )? )?
        )
      | (?P<increase>
            (?<!\w) (?: (?: en | ei | ein ) \s+ )? (?i: {_alternatives(W.INCREASE_NOUNS)} )
            (?: \s+ (?: har \s+ )? (?: vore | vært | vorte | blitt )
              | \s+ (?: er | var | ble | vart ) )?
            \s+ (?: på | med )
          | (?<!\w) (?i: {_alternatives(W.INCREASE_VERBS)} )
            (?: \s+ (?i: smittetallet | smittetalet | talet | tallet | antallet ) )? \s+ med
          | (?<!\w) (?i: ytterligere | ytterlegare | ytterligare )   # "Ytterligere 37 personer"
        )
      | (?P<died> (?<!\w) (?: døde | døydde | dødde | omkom ) )      # "Det døde 2 personer"
      | (?P<infected> (?<!\w) (?i: påvist | stadfesta | bekreftet | bekrefta | konstatert ) \s+
                      # "påvist smitte hos tre"
                      (?: korona | covid-19- )? smitte \s+ (?: hos | på ) )
    )
    \s*
    """,
    regex.VERBOSE | regex.REVERSE,
)
# The last word before a count that BEFORE_RE can match: a cheap test that spares the
# backwards match for most counts.
_BEFORE_LAST_WORDS = frozenset(
    """er var på i utgjør til nå no fremdeles framleis fortsatt totalt dag tilsammen sammen
    saman alt samlet samla det registrert påvist meldt bekreftet stadfesta med dermed hittil
    langt har altså døde døydde dødde omkom ytterligere ytterlegare ytterligare hos""".split()
)
CASE_WORD_RE = re.compile(r"[mM]itt(?:ede|a|et|etal)|ilfell")


def read_before(text: str, s: int, count: Count) -> Before | None:
    """A label, sum or increase right before ``count``, or None."""
    before = text[max(s, count.start - 40) : count.start].rsplit(None, 1)
    if not before:
        return None
    last = before[-1].casefold()
    if last not in _BEFORE_LAST_WORDS and not last.endswith(":"):
        return None
    head = text[s : count.start].casefold()
    if not any(stem in head for stem in _BEFORE_STEMS):
        return None
    m = BEFORE_RE.match(text, s, count.start)
    if m is None:
        return None
    if m["label"] is not None:
        return Before("label", m.start(), label_metric(m["label"], text, s, m.start()))
    if m["sum"] is not None:
        return Before("sum", m.start(), "total")
    if m["died"] is not None:
        return Before("died", m.start(), "deaths")
    if m["infected"] is not None:
        return Before("infected", m.start(), "new")
    return Before("increase", m.start(), "new")


# A stem of each word BEFORE_RE starts with, to look for before trying it.
_BEFORE_STEMS = ("antal", "tal", "total", "sammen", "saman", "alt", "saml", "hittil", "langt",
                 "økning", "auke", "auka", "oppgang", "stigning", "tilvekst", "økt", "ste",
                 "gått opp", "smitt", "tilfel", "innlag", "død", "døy", "omkom",
                 "ytterl")  # fmt: skip


def line_label(text: str, count: Count) -> Before | None:
    """A label line that ends in its count, as status boxes write them: "Nye
    smittetilfeller i dag 1", "Innlagt på sykehus 0", "Antall nye positive siste døgn 2
    (antatt smittested Polen)"."""
    lo, hi = max(0, count.start - _LABEL_REACH), count.end + _LABEL_REACH
    ls = text.rfind("\n", lo, count.start) + 1
    le = text.find("\n", count.end, hi)
    if (ls == 0 and lo > 0) or (le == -1 and hi < len(text)):
        return None  # a long line is prose, not a label
    rest = text[count.end : le if le != -1 else len(text)].strip(" \t\u00a0*")
    if rest and not (rest.startswith("(") and rest.endswith(")")):
        return None
    head = text[ls : count.start].strip(" \t\u00a0•*-–")
    words = head.casefold().split()
    if not head[:1].isupper() or any(w in W.VERBS or w in _SENTENCE_WORDS for w in words):
        return None  # a sentence, not a label
    metric = label_metric(head, head, 0, 0)
    return None if metric is None else Before("label", text.index(head, ls), metric)


# How far a label line reaches on either side of its count.
_LABEL_REACH = 200

# Words a label does not have: "som", "det" (a sentence that ends in its count).
_SENTENCE_WORDS = frozenset(("som", "det", "vi", "de", "dei"))


# Besides the case words, a label names cases with the disease or a positive test:
# "Antall personer med covid-19 er 12", "Antall nye positive siste døgn 2".
LABEL_CASE_WORDS = ("covid", "korona", "corona", "positiv", "påvist smitte", "bekreftet smitte",
                     "stadfesta smitte", "påvist koronasmitte")  # fmt: skip


def label_metric(label: str, text: str, s: int, label_start: int) -> str | None:
    """Which figure "Antall … er N" gives, from the words of its label."""
    words = label.casefold()
    if any(w in W.OTHER_SUBJECTS or w in W.GROUP_NOUNS for w in re.findall(r"\w+", words)):
        return None  # "Antall ansatte i karantene er 61"
    if _RATE_IN_LABEL_RE.search(words):
        return None  # "Antall smittede pr. 100 000: 109": a rate
    if "innlag" in words or "sykehus" in words or "sjukehus" in words:
        return "hospitalized"
    if "død" in words or "døyd" in words:
        return "deaths"
    if CASE_WORD_RE.search(words) or any(w in words for w in LABEL_CASE_WORDS):
        return "new" if re.search(r"(?<!\w)(?:nye|ny|nytt|nysmitt)", words) else "total"
    # "tallet er fremdeles 123" names no figure itself: "smittetall" must come before it,
    # or "dette tallet" points back to the figure before ("… 15 pasienter var innlagt.
    # Dette tallet er nå gått ned til elleve pasienter")
    if CASE_WORD_RE.search(text, s, label_start):
        return "total"
    this = _THIS_RE.search(text, max(s, label_start - 8), label_start)
    return PREVIOUS if this and text.startswith(("tallet", "talet"), label_start) else None


#: label_metric's answer for "dette tallet": the metric of the figure before it.
PREVIOUS = "previous"
_THIS_RE = re.compile(r"(?<!\w)(?:[dD]ette|[dD]et)\s+$")


# After a count read from the words before it: an optional noun, then the end of the
# clause or a small word. Not "Antall smittede er 5 ganger høyere", not "en økning på 16
# prosent".
TAIL_OK_RE = re.compile(
    r"""
    (?: \s+ (?: personer | personar | pasienter | pasientar | smittede | smitta | tilfeller
              | tilfelle ) )?
    (?: \s* (?: $ | [.,;:!?()\u2013\u2014] )
      | \s+ (?: i | på | fra | frå | siden | sidan | hittil | så | totalt | nå | no | og | men
              | mens | per | pr | etter | enn | sammenlignet | sammenliknet | samanlikna | siste
              | til | som | er | var | det | dei | de )
        (?! \w ) )
    """,
    re.VERBOSE,
)


# -- since and date ---------------------------------------------------------------------
# A date for INLINE_DATE_RE to read: "27. mars", "27.3.", "27.03.2020".
_SINCE_DATE = rf"\d{{1,2}}\.(?:\d{{1,2}}\.(?:\d{{2,4}})?|\s*(?:{MONTH_ALT})(?!\w)\.?)"
# The time a new count is counted from. Three shapes: a word after "fra", "siden",
# "enn", "i forhold til" …; "i løpet av helgen"; "siste døgn". The groups named
# below say how since_date is resolved.
SINCE_RE = re.compile(
    rf"""
    (?<!\w)
    (?:
        (?: [fF]ra | [fF]rå | [sS]iden | [sS]idan | enn | [iI] \s+ forhold \s+ til
          | [sS]ammenlign(?:et|a) \s+ med | [sS]ammenlikn(?:et|a) \s+ med | [sS]amanlikna \s+ med
          | [jJ]amført \s+ med ) \s+ (?: på \s+ )?
        (?P<since1>
            (?P<yesterday> i \s* går | gårsdagen | dagen \s+ før )
          | (?P<day_before> i \s* forgårs )
          | (?: (?: {WEEKDAY_ALT} ) \s+ )? (?P<date> {_SINCE_DATE} )      # "fredag 29. august"
          | (?: (?: forrige | førre | sist ) \s+ )? (?P<weekday> {WEEKDAY_ALT} )
          | (?: forrige | førre | siste ) \s+ (?: oppdatering | rapport | rapportering | melding
                                                 | uke | veke | helg )
          | oppdateringen (?: \s+ i \s* går )?
          | sist | helgen | helga
        )
      | (?: [iI] \s+ løpet \s+ av | [oO]ver | [gG]jennom ) \s+
        (?P<since2> (?P<last_day2> (?:det \s+)? siste \s+ døgnet? ) | helgen | helga | natta
                  | natten | (?: den \s+ )? siste \s+ uka )
      | [iI] \s+ (?P<since4> helgen | helga )
      | (?P<since3> (?P<last_day3> [dD]et \s+ siste \s+ døgnet   # not the "det" of "er det
                                 | [sS]iste \s+ (?: døgn(?:et)? | 24 \s+ timer | 24 \s+ timane ) )
                  | [sS]iste \s+ (?: uke | uka | veke | veka
                                  | (?:sju|7) \s+ (?:dager|dagar|dagane) ) )
    )
    (?!\w)
    """,
    re.VERBOSE,
)
