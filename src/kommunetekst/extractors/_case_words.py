"""The words case figures are read from, bokmål and nynorsk side by side.

``case_counts`` reads a count by the words around it. This module says what each
word means there; the extractor's module docstring says in which order the
meanings decide. Every word is lower case; the extractor folds the text's case.
"""

from __future__ import annotations

from collections.abc import Iterable


def _forms(prefixes: Iterable[str], stems: Iterable[str]) -> frozenset[str]:
    """Every prefix joined to every stem: ``korona`` + ``smitta`` is ``koronasmitta``."""
    return frozenset(p + s for p in prefixes for s in stems)


# The disease as a prefix of a compound: "koronasmittede", "covid-19-tilfelle".
_DISEASE_PREFIXES = ("", "korona", "corona", "covid-19-", "covid19-", "covid-", "korona-",
                     "corona-", "virus")  # fmt: skip

# -- what a count names ------------------------------------------------------------------
#: Confirmed cases, counted as people or as cases (bokmål / nynorsk).
#: "246 smittede" / "246 smitta", "3 tilfeller" / "3 tilfelle", "smittetilfella".
CASE_NOUNS = _forms(
    _DISEASE_PREFIXES,
    ("smittede", "smitta", "smittet", "smittete",
     "tilfeller", "tilfelle", "tilfella", "tilfellene",
     "smittetilfeller", "smittetilfelle", "smittetilfella", "smittetilfellene",
     "smitte-tilfeller", "smitte-tilfelle", "smitte-tilfella"),
)  # fmt: skip
#: New cases in one word: "12 nysmitta i Bergen".
NEW_CASE_NOUNS = frozenset(("nysmittede", "nysmitta", "nysmittet"))
#: People, who are cases only when the rest of the clause says so: "87 personer … fått
#: påvist smitte", "3 pasienter med covid-19 er innlagt".
UNITS = frozenset(
    """personer personar person innbyggere innbyggjarar innbygger innbyggjar nordmenn
    menneske mennesker stykker stykk kvinne kvinner mann menn dame damer""".split()
)
#: Patients: people, but an increase of patients is no increase of cases ("en økning
#: på fem pasienter").
PATIENTS = frozenset("""pasienter pasientar pasient pasientene pasientane""".split())
#: Words that may stand before a unit: "En eldre person", "to unge menn".
ADJECTIVES = frozenset("""eldre yngre unge gamle godt lokale""".split())
#: Participles and adjectives that may stand between a count and its noun, or say the
#: cases are confirmed: "57 bekreftede smittetilfeller", "735 melde tilfelle" (nn),
#: "263 koronarelaterte dødsfall".
CONFIRMED = frozenset(
    """registrert registrerte registrerede bekreftet bekreftede bekrefta påvist påviste
    meldt meldte melde rapportert rapporterte kjent kjente kjende stadfesta stadfeste
    stadfest konstatert konstaterte positive aktivt aktive koronasjuke koronasyke sjuke
    syke""".split()
)
#: "263 koronarelaterte dødsfall": an adjective that ties the noun to the disease.
RELATED_SUFFIXES = ("relaterte", "relatert", "relaterade")
#: What is found in those confirmed: "med påvist covid-19", "fått påvist koronasmitte".
DISEASES = frozenset(
    """smitte koronasmitte coronasmitte covid-19 covid19 covid korona corona koronavirus
    koronaviruset coronavirus sars-cov-2 viruset covid-19-smitte""".split()
)

#: New cases: "8 nye", "13 flere enn i går", nynorsk "fleire".
NEW_WORDS = frozenset(
    ("nye", "ny", "nytt", "nya", "flere", "fleire", "ytterligere", "ytterlegare", "ytterligare")
)
#: In hospital: "3 innlagt", "Ein person er innlagd", "12 pasienter innlagte".
HOSPITAL_WORDS = _forms(
    ("", "korona", "corona", "covid-", "covid-19-", "sykehus", "sjukehus"),
    ("innlagt", "innlagd", "innlagde", "innlagte"),
) | _forms(
    # A covid patient is a patient in hospital: "Ahus har nå 28 coronapasienter".
    ("korona", "corona", "covid-19-", "covid19-", "covid-", "korona-", "corona-"),
    ("pasienter", "pasientar", "pasient", "pasientene", "pasientane"),
)
#: The hospital, after "på", "i" or "ved": "To ligger på sykehus", nynorsk "sjukehus".
HOSPITAL_NOUNS = frozenset(("sykehus", "sykehuset", "sjukehus", "sjukehuset"))
#: "58 personer får behandling på sykehus", "behandles på sjukehus".
TREATMENT_WORDS = frozenset(("behandling", "behandles", "behandlast", "behandla", "behandlet"))
#: Deaths: "en person døde", "57 dødsfall", nynorsk "døydde", "har omkomme".
DEATH_WORDS = frozenset(
    """døde død dødd døydde døydd omkom omkommet omkome omkomne""".split()
) | _forms(_DISEASE_PREFIXES, ("dødsfall", "dødsfallet"))
#: "testet positivt", nynorsk "testa positivt": a case only when the sentence says the
#: count is a total ("I alt har 10 012 testa positivt") or new ("siste døgn").
TESTED_WORDS = frozenset(("testet", "testa"))
POSITIVE_WORDS = frozenset(("positivt", "positiv"))

#: What a count or a label may name instead of cases: "5 personar i karantene", "184
#: prøver", "Antall testede er 1200", "Antall ansatte i karantene er 61".
OTHER_SUBJECTS = frozenset(
    """karantene hjemmekarantene heimekarantene isolasjon isolert isolerte prøver prøvar
    prøvesvar tester testar testede vaksinert vaksinerte vaksinerade doser dosar
    nærkontakter nærkontaktar smittesporere smitteoppsporere utbrudd utbrot utskrivne
    utskrevet utskrevne utskrive friskmeldt friskmeldte friskmelde friske""".split()
)
#: Counts of something else: "12 prosent", "5 ganger høyere", "30 døgnplasser". A count
#: naming one of these (or of OTHER_SUBJECTS) is no case figure.
OTHER_NOUNS = OTHER_SUBJECTS | frozenset(
    """prosent ganger gonger år åring åringer dager dagar døgn timer timar uker veker
    plasser plassar senger sengeplasser døgnplasser kroner kr millioner millionar""".split()
)
#: After a count's words, an average or a rate: "388 koronasmitta per dag", "åtte
#: dødsfall daglig i snitt", "463 tilfelle per 100.000 innbyggjarar".
AVERAGE_AFTER = ("per dag", "pr. dag", "per døgn", "om dagen", "daglig", "dagleg", "hver dag",
                 "kvar dag", "i snitt", "i gjennomsnitt", "til dagen", "i døgnet")  # fmt: skip
#: Before a count in its clause, an average: "vekesnittet 138", "i snitt registrert 1581",
#: "gjennomsnittet … 141".
AVERAGE_BEFORE = ("snitt",)
#: A subset by where the infection came from: "8 personar smitta etter reise",
#: "722 har vorte smitta utanlands".
ROUTE_WORDS = ("reise", "utenlands", "utanlands", "utlandet", "importsmitte", "husstand",
               "sammenkomst", "samankomst")  # fmt: skip
#: A suspected case is no case: "Fem pasienter er innlagt med mistanke om koronasmitte".
SUSPECTED_WORDS = ("mistanke", "mistenkt", "antatt smittet")
#: Groups of people that make a count a part of the town: "2 smittede elever",
#: "3 smittede blant ansatte".
GROUP_NOUNS = frozenset(
    """elev elever elevar ansatt ansatte tilsett tilsette barn born beboer beboere bebuar
    bebuarar lærer lærere lærarar helsearbeider helsearbeidere medarbeider medarbeidere
    ungdom ungdommer ungdomar student studenter studentar arbeider arbeidere innsatt
    innsatte asylsøker asylsøkere turister""".split()
)

# -- the small words of a clause ------------------------------------------------------
#: Verbs between the noun and what is said of it: "er", "har blitt", "ligg", "får".
VERBS = frozenset(
    """er var har hadde ligger ligg låg lå får fikk fekk ble blei vart blir vert skal kan
    vil må""".split()
)
#: "har blitt smittet", nynorsk "har vorte smitta", "har vore innlagt", "skal være døde".
AUXILIARIES = frozenset("""blitt vorte vært vore hatt være vere""".split())
#: "har fått påvist smitte".
GOT = frozenset(("fått", "fatt"))
#: Between the verb and what it says: "er nå", "var fredag", nynorsk "er framleis".
ADVERBS = frozenset(
    """nå no fortsatt framleis fremdeles totalt samlet samla hittil dessverre da då så
    langt for øyeblikket foreløpig førebels også allerede alt altså dermed""".split()
)
#: "av disse", "av våre", nynorsk "av dei": a part of a set named before.
OF_WORDS = frozenset("""disse desse dem dei de våre oss""".split())
#: "i kommunen", "her i landet": where, without a name.
PLACE_NOUNS = frozenset("""kommunen landet fylket byen bydelen regionen""".split())

# -- words before a count ---------------------------------------------------------------
#: A label that names a total (or, with a word of NEW_WORDS, a new figure) before
#: "er"/":": "Antall smittede er 191", "Talet på smitta er no 23", "Smittetallet: 57".
LABEL_NOUNS = ("antall", "antallet", "antal", "antalet", "talet", "tallet", "smittetall",
               "smittetallet", "smittetal", "smittetalet")  # fmt: skip
#: Case, hospital and death words that head a label as well: "Smittede: 5", "Innlagte: 2",
#: "Døde: 1", "Stadfesta tilfelle av koronasmitte i området er altså 44".
LABEL_HEADS = ("smittede", "smitta", "smittet", "tilfelle", "tilfeller", "smittetilfeller",
               "smittetilfelle", "innlagte", "innlagde", "døde", "dødsfall")  # fmt: skip
#: Sums: "tilsammen 423", "Totalt 101 smittede", "I alt har 10 012 … testa positivt".
SUM_WORDS = ("totalt", "tilsammen", "til sammen", "til saman", "i alt", "samlet", "samla",
             "hittil", "så langt")  # fmt: skip
#: An increase named before the count: "en økning på 92", "Døgnauken på 411", "auken
#: har vore på 176" (nn), "en oppgang på 10".
INCREASE_NOUNS = ("økning", "økningen", "døgnøkning", "døgnøkningen", "auke", "auken",
                  "døgnauke", "døgnauken", "oppgang", "oppgangen", "stigning", "stigningen",
                  "tilvekst", "tilveksten")  # fmt: skip
#: "Smittetallet har økt med 5", nynorsk "auka smittetalet med 55".
INCREASE_VERBS = ("økt", "økte", "auka", "aukar", "steget", "steg", "stege", "stige",
                  "gått opp")  # fmt: skip

#: Words right before a count that make it approximate, a capacity, a rate, a range,
#: a code or a set already named: "nærmere 400", "inntil 7", "de 57 smittede", "uke 12".
APPROXIMATIONS = frozenset(
    """nærmere nærare nær over under cirka ca ca. omtrent rundt omlag opptil inntil minst
    snaut drøyt drygt nesten anslagsvis bortimot knapt maks maks. maksimalt maksimum
    ikring""".split()
)
SET_WORDS = frozenset(
    """de dei disse desse av per pr pr. uke veke nr nr. nummer kl kl. klokka klokken
    covid covid-19 korona side rom hver hvert kvar kvart mellom""".split()
)
APPROXIMATIONS_TWO_WORDS = frozenset(
    ("om lag", "mer enn", "meir enn", "mindre enn", "færre enn", "flere enn", "fleire enn",
     "opp mot", "i overkant", "i underkant", "plass til", "kapasitet til", "plass for",
     "i snitt", "i gjennomsnitt", "snitt på", "gjennomsnitt på")
)  # fmt: skip
#: A threshold passed: "Onsdag passerer Norge 300 dødsfall", "nærmer seg nå 1000 smitta".
THRESHOLD_WORDS = frozenset(
    """passerer passert passerte passere bikket bikker rundet runda rundar nådd nærmer
    nærmar""".split()
)
#: Before a count that follows another count: "20 og 30 smittede", "fra 20 til 30".
PAIR_WORDS = frozenset(("og", "eller", "til", "à"))
#: A year after these is not a count: "I 2020 døde 5 personer".
YEAR_WORDS = frozenset(
    ("i", "fra", "frå", "til", "siden", "sidan", "innen", "før", "etter", "år", "året")
)
#: The infected of some other group: "Antall testede er 1200, hvorav 30 smittede".
PARTITIVE_WORDS = frozenset(("hvorav", "herav", "derav", "kor", "blant"))
#: Before "en"/"ein", a preposition makes it an article: "kontakt med en smittet",
#: "nærkontakt til ein smitta".
HYPOTHETICAL_WORDS = frozenset(("med", "til", "for", "hos", "ved", "mot", "på"))
#: A condition: "dersom ein er smitta", "om en blir smittet" (with a verb after the count).
CONDITION_WORDS = frozenset(("dersom", "hvis", "viss", "om", "når"))

# -- words that point elsewhere -----------------------------------------------------------
#: A place after "i", "fra" or "på" that is not the place of the figure: an institution
#: follows the name ("på Bærum sykehus").
INSTITUTION_WORDS = frozenset(
    """sykehus sykehuset sjukehus sjukehuset sykehjem sykehjemmet sjukeheim sjukeheimen
    legevakt legevakta legevakten helsehus omsorgssenter bo- universitetssykehus
    universitetssjukehus hf""".split()
)
NOT_PLACES = frozenset(
    """Covid Korona Corona Koronaviruset Folkehelseinstituttet Helsedirektoratet Msis MSIS
    Kommuneoverlegen Kommunen Fylkesmannen Statsforvalteren FHI""".split()
)
INSTITUTION_SUFFIXES = ("sykehus", "sjukehus", "instituttet", "direktoratet", "senter", "senteret")
#: Where a count for a part of the town is: "ingen smittede på sykehjem", "i barnehagen".
PART_OF_TOWN = (
    "sykehjem", "sjukeheim", "omsorgsbolig", "bolig", "hjemmetjenest", "heimetenest",
    "barnehage", "skole", "skule", "institusjon", "avdeling", "mottak", "behandlingssenter",
    "omsorgssenter", "bofellesskap", "fengsel", "helsehus",
)  # fmt: skip
