"""People named in a text, with their roles: shared by the ``person`` and ``quote`` extractors.

A private module: :func:`find_people` reads a document once and gives every mention of a
person (see ``persons.py`` for the rules). ``quotes.py`` uses the same mentions for the
speakers of quotes, and the verbs of saying (:data:`SAY_VERBS`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate

import regex

from ..document import Document
from ..gazetteer import kommune_no, kommune_numbers

_SP = "[ \\u00a0\\u202f]"

#: Verbs that introduce or follow direct speech, bokmål and nynorsk, present and past.
SAY_VERBS = (
    "sier seier sei sa uttaler uttalar uttalte forteller fortel fortalte understreker "
    "understrekar understreket understreka skriver skriv skrev skreiv påpeker påpeikar "
    "påpekte påpeika mener meiner mente meinte opplyser opplyste forklarer forklarar "
    "forklarte forklarte svarer svarar svarte oppfordrer oppmodar oppfordret oppmoda "
    "advarer åtvarar advarte konstaterer konstaterte bekrefter stadfestar bekreftet "
    "stadfesta innrømmer innrømte poengterer poengterte presiserer presiserte tilføyer "
    "tilføyde avslutter avsluttar avsluttet fastslår fastslo spør spurte spurde"
).split()
_SAY = (
    "(?: legger{_SP}til | legg{_SP}til | la{_SP}til | slår{_SP}fast | peker{_SP}på | "
    + " | ".join(sorted(SAY_VERBS, key=len, reverse=True))
    + " )"
)
SAY = _SAY.replace("{_SP}", _SP)

# Words that end a role: "kommuneoverlege", "helsesjef", "beredskapsleder", "velferdsdirektør",
# "fylkesordførar", "rådmann", "næringsminister", nynorsk "-leiar", "-rådgjevar".
_ROLE_ENDINGS = (
    "ordfører ordførar rådmann direktør sjef leder leiar overlege lege minister "
    "fylkesmann statsforvalter statsforvaltar rådgiver rådgjevar koordinator sekretær "
    "ansvarlig ansvarleg rektor styrer styrar sykepleier sjukepleiar president professor "
    "forsker forskar talsperson talsmann konsulent formann nestleder nestleiar prest "
    "biskop politimester politimeister seniorrådgiver seniorrådgjevar kommunalsjef sjefen"
).split()
_ROLE_WORD = (
    r"(?: \p{Ll}[\p{Ll}]*- (?: " + _SP + r"+ (?: og | eller ) " + _SP + r"+ ) )?"  # "kommunal- og "
    r"\p{L}* (?: " + " | ".join(sorted(_ROLE_ENDINGS, key=len, reverse=True)) + " )"
)
_ENDINGS = tuple(_ROLE_ENDINGS)
# The same as a whole word, in any case: "Kommuneoverlege" at a sentence start is a role.
ROLE_WORD_RE = regex.compile(
    rf"(?: {_ROLE_WORD} | daglig{_SP}leder | dagleg{_SP}leiar )", regex.VERBOSE | regex.IGNORECASE
)
# The definite form, as a speaker without a name: "sier ordføreren", "seier kommuneoverlegen".
DEFINITE_ROLE_RE = regex.compile(
    r"\p{L}*? (?: ordføreren | ordføraren | rådmannen | overlegen | legen | direktøren | sjefen"
    r" | lederen | leiaren | leiaren | ministeren | statsforvalteren | fylkesmannen ) (?! \p{L} )",
    regex.VERBOSE | regex.IGNORECASE,
)

# What may stand before a role: "assisterende helsedirektør", "fungerende ordfører".
_MODIFIERS = (
    "assisterende assisterande fungerende fungerande konstituert kst. ass. tidligere tidlegare "
    "daværende dåverande nyvalgt nyvald ny nye avtroppende avtroppande påtroppende påtroppande"
).split()
_MOD = "(?: " + " | ".join(regex.escape(m) for m in _MODIFIERS) + " )"
# Whose the role is, when the text does not name it: "kommunens smittevernlege" (left out).
_OWNER = rf"(?: kommunens | kommunen {_SP}+ sin | fylkets | fylkeskommunens )"
# A role phrase right before a name, read backwards from the name (REVERSE): "ordfører",
# "assisterende helsedirektør", "Bærums ordfører", "Asker kommunes ordfører",
# "FHI-direktør", "Alver-ordførar", "kommunal- og moderniseringsminister".
ROLE_BEFORE_RE = regex.compile(
    rf"""
    (?: (?P<say> (?<! \p{{L}} ) {SAY} ) {_SP}+ )?
    (?: (?P<org> (?<! \p{{L}} ) \p{{Lu}}[\p{{L}}-]*
                 (?: {_SP}+ (?: kommunes | fylkeskommunes ) | s ) )
        {_SP}+ )?
    (?: (?<! \p{{L}} ) {_OWNER} {_SP}+ )?
    (?: (?P<mod> (?<! \p{{L}} ) {_MOD} ) {_SP}+ )?
    (?P<role> (?<! \p{{L}} ) (?: daglig {_SP} leder | dagleg {_SP} leiar )
            | (?<! [\p{{L}}-] ) (?P<prefix> \p{{Lu}}[\p{{L}}]* - )? {_ROLE_WORD} )
    {_SP}+
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
SAY_BEFORE_RE = regex.compile(rf"(?<! \p{{L}} ) {SAY} {_SP}+", regex.VERBOSE | regex.REVERSE)
# The word right before a name: a role ("ordfører", "FHI-direktør", "daglig leder") or the last
# word of a verb of saying ("sier", "legger til", "slår fast", "peker på") may tell who it is.
_WORD_BEFORE_RE = regex.compile(rf"(?P<word> \p{{L}}+ ) {_SP}+", regex.VERBOSE | regex.REVERSE)
_SAY_LAST_WORDS = frozenset([*SAY_VERBS, "til", "fast", "på"])

# A name: capitalised words ("Lene Conradi", "Frantz Leonard Nilsen", "Stene-Larsen"), and
# initials between them ("Knut J. Gram").
_TOKEN = r"\p{Lu}\p{Ll}+ (?: - \p{Lu}\p{Ll}+ )*"
NAME_RE = regex.compile(
    rf"""(?<! [\p{{L}}\d.-] )
    {_TOKEN} (?: {_SP} (?: {_TOKEN} | \p{{Lu}} \. (?= {_SP} \p{{Lu}} ) ) )*
    (?! [\p{{L}}\d-] )""",
    regex.VERBOSE,
)
# After a name: ", ordfører i Asker kommune", ", teamleder digital skoleutvikling i Bærum kommune".
APPOSITION_RE = regex.compile(
    rf"""
    , {_SP}+ (?: (?P<mod> {_MOD} ) {_SP}+ )?
    (?P<role> {_ROLE_WORD} (?: {_SP}+ (?! i | ved | hos | for | på ) \p{{Ll}}+ ){{0,3}} )
    (?! \p{{L}} | {_SP}+ {_TOKEN} )  # ", kommunelege Halvard Myrdal" is the next person's role
    (?: {_SP}+ (?: i | ved | hos | for | på ) {_SP}+ (?P<org> {_TOKEN}
        (?: {_SP}+
            (?: {_TOKEN} | kommune | fylkeskommune | sykehus | sjukehus | \p{{Lu}}{{2,}} ) ){{0,3}}
        | \p{{Lu}}{{2,}} ) )?
    """,
    regex.VERBOSE,
)
# After a name: "i Helsedirektoratet", "ved Oslo universitetssykehus", "i FHI".
ORG_AFTER_RE = regex.compile(
    rf"""
    {_SP}+ (?: i | ved | hos ) {_SP}+
    (?P<org> (?: {_TOKEN} {_SP}+ )? \p{{Lu}}[\p{{L}}-]*
             (?: direktoratet | instituttet | departementet | tilsynet | etaten | verket | rådet
               | forbundet | foreningen | kontoret | senteret | sykehus | sjukehus | sykehuset
               | sjukehuset | universitetssykehus ) (?! \p{{L}} )
           | {_TOKEN} {_SP}+ (?: kommune | fylkeskommune ) (?! \p{{L}} )
           | \p{{Lu}}{{2,}} (?! \p{{L}} ) )
    """,
    regex.VERBOSE,
)

# Capitalised words that are not names: sentence starts, pronouns, days and months.
_NOT_NAMES = frozenset(
    """Det Dette Den De Dei Da Då Der Her Når Nå No Og Men I På Etter Før For Til Fra Frå Med
    Om Ved Hos Som Jeg Eg Vi Me Han Hun Ho Du Dere Dykk Alle Ingen Mange Flere Fleire Også
    Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Måndag Tysdag Laurdag Sundag
    Januar Februar Mars April Mai Juni Juli August September Oktober November Desember
    Les Sier Seier Ifølge Iflg Kilde Foto Kommunen Kommuneoverlegen Ordføreren Ordføraren
    Rådmannen Kriseledelsen Kriseleiinga Korona Koronaviruset Covid""".split()
)
# Words that make a run of capitalised words an organisation, a building or a place.
_ORG_WORDS = frozenset(
    """Kommune Kommunes Fylkeskommune Sykehus Sykehuset Sjukehus Sjukehuset Kulturhus
    Kulturhuset Teater Teatret Scene Kors AS ASA Helse Nav NAV Universitet Universitetet
    Høgskole Høgskulen Bibliotek Biblioteket Kirke Kyrkje Idrettslag IL FK Skole Skule
    Senter Senteret Hotell Næringsråd Næringsforening Politi Politiet Statens Norges Norsk
    Norske Røde Frelsesarmeen Sanitetsforening Legevakt Legevakta Innbyggerservice
    Servicetorget Stortinget Regjeringen Regjeringa Helsedirektoratet
    Folkehelseinstituttet""".split()
)
# The word after a name that makes it a street or a place: "Philip Pedersens vei".
_PLACE_AFTER_RE = regex.compile(
    rf"""{_SP}+ (?: vei | veg | gate | gata | plass | allé | alle | bakke | bakken | brygge
       | torg | torget | park | parken | sti | stien | skole | skule | barnehage | kirke
       | kyrkje | senter | sykehjem | sjukeheim | bo- ) (?! \p{{L}} )""",
    regex.VERBOSE,
)
_STREET_ENDINGS = ("veien", "vegen", "gata", "gate", "plass", "torget", "bakken", "stien")


@dataclass(frozen=True)
class Mention:
    """One mention of a person (shared by the extractors through ``Document.people``: frozen)."""

    start: int  # of the evidence (the role phrase when it comes first, else the name)
    end: int
    name_start: int
    name: str  # as written, without a genitive -s
    role: str | None = None
    organisation: str | None = None
    full_name: str | None = None  # filled in when the person is known
    strong: bool = True  # found by a role, an apposition or a verb of saying
    say_start: int | None = None  # where the verb of saying before it starts
    own_role: bool = False

    @property
    def kommune_no(self) -> str | None:
        return kommune_no(self.organisation) if self.organisation else None


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:] if word[1:].islower() or "-" in word else word


def _strip_genitive(org: str) -> str:
    """ "Bærums" -> "Bærum", "Asker kommunes" -> "Asker kommune"."""
    if org.endswith("kommunes") or org.endswith("fylkeskommunes"):
        return org[:-1]
    if org.endswith("s") and kommune_numbers(org[:-1]):
        return org[:-1]
    return org[:-1] if org.endswith("s") else org


def _name_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[a, b)`` of each word of ``text[start:end]``, relative to ``start``."""
    out, pos = [], 0
    run = text[start:end]
    for word in run.split():
        a = run.index(word, pos)
        pos = a + len(word)
        out.append((a, pos))
    return out


def is_role_word(word: str) -> bool:
    """Whether ``word`` is a role ("Kommuneoverlege", "helsesjef", "varaordførar")."""
    return word.casefold().endswith(_ENDINGS) and ROLE_WORD_RE.fullmatch(word) is not None


def find_people(doc: Document) -> list[Mention]:
    """Every mention of a person in ``doc``, in text order (see ``persons.py``)."""
    text = doc.text
    strong: list[Mention] = []
    weak_runs: list[tuple[int, int]] = []
    for m in NAME_RE.finditer(text):
        start, end = m.span()
        # One word is a person only where a role or a verb of saying stands before it or a
        # comma after it ("sier Conradi", "Conradi, ordfører i Asker"): most are not.
        if len(m[0].split()) == 1 and not _may_be_named(text, start, end):
            weak_runs.append((start, end))
            continue
        mention = _read_run(text, start, end)
        if mention is None:
            weak_runs.append((start, end))
        else:
            strong.append(mention)
    # "ordfører Lene Conradis hilsen": a genitive of a full name given elsewhere.
    full = {p.name for p in strong if " " in p.name}
    strong = [
        _without_genitive(p) if p.name.endswith("s") and p.name[:-1] in full else p for p in strong
    ]
    # Who is known: full names (two words or more) from the strong mentions.
    known: dict[str, Mention] = {}
    for p in strong:
        if " " in p.name:
            known.setdefault(p.name, p)
    surnames: dict[str, list[Mention]] = {}
    for p in strong:
        if " " in p.name:
            words = p.name.split()
            surnames.setdefault(words[-1], []).append(p)
            if len(words) >= 3:
                surnames.setdefault(" ".join(words[-2:]), []).append(p)
    for mentions in surnames.values():
        mentions.sort(key=lambda m: m.start)
    out: list[Mention] = []
    for p in strong:
        if " " in p.name:
            out.append(replace(p, full_name=p.name))
        else:
            linked = _link(p, surnames)
            if linked is not None:
                out.append(replace(p, full_name=linked.name))
            elif p.role is not None and kommune_no(p.name) is None:
                out.append(p)  # "ordfører Conradi", the full name never given
    if known:
        # Later (or earlier) mentions of a known name or surname, anywhere.
        used = sorted((p.start, p.end) for p in out)
        used_starts = [a for a, _ in used]
        furthest_end = list(accumulate((b for _, b in used), max))
        for s, e in weak_runs:
            # a known name ends with a surname, or its genitive ("Conradis")
            last = text[s:e].rsplit(None, 1)[-1]
            if last not in surnames and last[:-1] not in surnames:
                continue
            for mention in _known_in_run(text, s, e, known, surnames):
                i = bisect_left(used_starts, mention.end) - 1  # the last one starting before it
                if i < 0 or furthest_end[i] <= mention.start:
                    out.append(mention)
    # A genitive ("Lene Conradis hilsen") is the known name.
    out = [
        replace(p, full_name=p.name[:-1])
        if p.full_name is None and p.name.endswith("s") and p.name[:-1] in known
        else p
        for p in out
    ]
    out.sort(key=lambda p: p.start)
    return _inherit_roles(out)


def _without_genitive(p: Mention) -> Mention:
    """ "Lene Conradis" -> "Lene Conradi"; the evidence loses the -s when it ends the name."""
    end = p.end - 1 if p.end == p.name_start + len(p.name) else p.end
    return replace(p, name=p.name[:-1], end=end)


def _read_run(text: str, start: int, end: int) -> Mention | None:
    """A strong mention from the run of capitalised words at ``[start, end)``, or None."""
    tokens = _name_tokens(text, start, end)
    role = None
    role_start = None
    # A capitalised role opens the run: "Kommuneoverlege Frantz Leonard Nilsen".
    while tokens:
        a, b = tokens[0]
        word = text[start + a : start + b]
        if is_role_word(word):
            role, role_start = _lower_first(word), start + a
            tokens = tokens[1:]
        elif word in _NOT_NAMES:
            tokens = tokens[1:]
            role, role_start = None, None
        else:
            break
    if not tokens or len(tokens) > 4:
        return None
    ns, ne = start + tokens[0][0], start + tokens[-1][1]
    if role is None and not _may_be_named(text, ns, ne):
        return None
    words = text[ns:ne].split()
    if any(w in _ORG_WORDS or w in _NOT_NAMES for w in words):
        return None
    if _PLACE_AFTER_RE.match(text, ne) or words[-1].casefold().endswith(_STREET_ENDINGS):
        return None
    organisation = None
    say_start = None
    ev_start = role_start if role_start is not None else ns
    if role is None:
        lo = max(0, ns - 120, text.rfind("\n", max(0, ns - 120), ns) + 1)
        before = ROLE_BEFORE_RE.match(text, lo, ns)
        if before is not None:
            role = _lower_first(before["role"])
            if before["prefix"]:
                organisation = before["prefix"][:-1]
                role = role[len(before["prefix"]) :]
            if before["org"]:
                organisation = _strip_genitive(before["org"])
            if before["mod"]:
                role = f"{before['mod'].lower()} {role}"
            ev_start = (
                before.start("org")
                if before["org"]
                else before.start("mod")
                if before["mod"]
                else before.start("role")
            )
            if before["say"]:
                say_start = before.start("say")
        else:
            said = SAY_BEFORE_RE.match(text, lo, ns)
            if said is not None:
                say_start = said.start()
    ev_end = ne
    appos = APPOSITION_RE.match(text, ne)
    if appos is not None and role is None:
        role = appos["role"]
        if appos["mod"]:
            role = f"{appos['mod']} {role}"
        if appos["org"]:
            organisation = appos["org"]
        ev_end = appos.end()
    if organisation is None:
        org = ORG_AFTER_RE.match(text, ne)
        if org is not None and (role is not None or say_start is not None):
            organisation = org["org"]
    if role is None and say_start is None:
        return None
    name = " ".join(words)
    return Mention(ev_start, ev_end, ns, name, role, organisation, say_start=say_start,
                   own_role=role is not None)  # fmt: skip


def _may_be_named(text: str, start: int, end: int) -> bool:
    """Whether an apposition after the name at ``[start, end)`` (a comma), or a role or a
    verb of saying ending in the word before it, may say who it is: a quick look before
    they are read."""
    if text.startswith(",", end):
        return True
    before = _WORD_BEFORE_RE.match(text, 0, start)
    if before is None:
        return False
    word = before["word"].casefold()
    return word.endswith(_ENDINGS) or word in _SAY_LAST_WORDS


def _link(p: Mention, surnames: dict[str, list[Mention]]) -> Mention | None:
    """The full-name mention a bare surname stands for: the latest before it, else the first."""
    name = p.name[:-1] if p.name not in surnames and p.name.endswith("s") else p.name
    candidates = surnames.get(name)
    if not candidates:
        return None
    return _latest_before(candidates, p.start) or candidates[0]


def _latest_before(mentions: list[Mention], pos: int) -> Mention | None:
    """The last of ``mentions`` (in text order) that starts before ``pos``."""
    i = bisect_left(mentions, pos, key=lambda m: m.start)
    return mentions[i - 1] if i else None


def _known_in_run(
    text: str, start: int, end: int, known: dict[str, Mention], surnames: dict[str, list[Mention]]
) -> list[Mention]:
    """Mentions of known people in a run that had no role or verb of its own."""
    run = text[start:end]
    words = run.split()
    if run in known or (run.endswith("s") and run[:-1] in known):
        name = run if run in known else run[:-1]
        return [Mention(start, start + len(name), start, name, full_name=name, strong=False)]
    out = []
    if len(words) <= 2:
        for n in (2, 1):
            tail = " ".join(words[-n:])
            for candidate in (tail, tail[:-1] if tail.endswith("s") else None):
                if candidate and candidate in surnames and (n == 2 or len(words) == 1):
                    s = start + run.rindex(tail)
                    p = Mention(s, s + len(candidate), s, candidate, strong=False)
                    linked = _link(p, surnames)
                    if linked is not None:
                        out.append(replace(p, full_name=linked.name))
                        return out
    return out


def _inherit_roles(people: list[Mention]) -> list[Mention]:
    """A mention without a stated role takes that of the nearest mention of the same person."""
    stated: dict[str, list[Mention]] = {}
    for p in people:
        if p.full_name and p.own_role:
            stated.setdefault(p.full_name, []).append(p)
    out = []
    for p in people:
        sources = stated.get(p.full_name) if p.full_name and not p.own_role else None
        if sources:
            source = _latest_before(sources, p.start) or sources[0]
            organisation = source.organisation if p.organisation is None else p.organisation
            p = replace(p, role=source.role, organisation=organisation)
        out.append(p)
    return out
