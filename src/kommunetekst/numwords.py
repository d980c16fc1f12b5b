"""Norwegian number words, bokmål and nynorsk, as integers.

Municipal texts write small counts as words: ``fem fra Bærum``, ``Tre personer
er innlagt``, ``ingen nye smittede``, ``ein person``. This module reads one
such word (``tjueto``, ``toogtjue``, ``hundreogtolv`` are one word each) and
gives the pattern that finds them in a text.

Only whole single words are read: ``to hundre`` (two words) is not, nor are
ordinals (``femte``). ``ingen`` counts as 0 because the texts use it as a
count (``ingen nye smittede``); callers decide where that reading applies.

>>> parse_number_word("fem")
5
>>> parse_number_word("Tjueto"), parse_number_word("toogtjue"), parse_number_word("tjuefire")
(22, 22, 24)
>>> parse_number_word("ingen"), parse_number_word("eitt"), parse_number_word("sytten")
(0, 1, 17)
>>> parse_number_word("hundreogtolv"), parse_number_word("tohundre")
(112, 200)
>>> parse_number_word("femte") is None, parse_number_word("tjuetjue") is None
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The words for 0-9, with the bokmål and nynorsk forms of 1 (the neuter "et" and "eit" as
# in "et nytt tilfelle", "eit nytt smittetilfelle"; the stressed "én", "éin", "éi") and
# the two of 7.
UNITS: dict[str, int] = {
    "null": 0, "ingen": 0,
    "en": 1, "én": 1, "ett": 1, "et": 1, "ei": 1, "éi": 1, "ein": 1, "éin": 1, "eitt": 1,
    "eit": 1,
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "sju": 7, "syv": 7, "åtte": 8, "ni": 9,
}  # fmt: skip

TEENS: dict[str, int] = {
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
    "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}  # fmt: skip

# "tyve" and "tredve" are the older counting still seen in bokmål texts.
TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40, "femti": 50,
    "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90,
}  # fmt: skip

# Units that may follow or precede a ten in a compound ("tjueen", "enogtjue"): not 0, and
# not the stressed or article-only forms of 1.
_COMPOUND_UNITS = {
    w: v for w, v in UNITS.items() if v > 0 and w not in ("én", "éin", "éi", "et", "eit")
}


def _below_hundred() -> dict[str, int]:
    words = dict(UNITS) | TEENS | TENS
    for ten, tv in TENS.items():
        for unit, uv in _COMPOUND_UNITS.items():
            words[ten + unit] = tv + uv  # tjueto (new counting)
            words[unit + "og" + ten] = tv + uv  # toogtjue (old counting)
    return words


#: Every one-word form of 0-99 (``ingen`` and ``null`` included), lower case.
WORDS_BELOW_HUNDRED: dict[str, int] = _below_hundred()

_HUNDRED_PREFIX: dict[str, int] = {"": 1, "ett": 1, "et": 1, "eit": 1} | {
    w: v for w, v in _COMPOUND_UNITS.items() if v > 1
}


def _trie(words: Iterable[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _emit(node: dict[str, dict], memo: dict[int, str]) -> str:  # type: ignore[type-arg]
    """The pattern of a trie; ``memo`` (by id) writes a subtrie shared by two nodes once."""
    done = memo.get(id(node))
    if done is not None:
        return done
    branches = [re.escape(ch) + _emit(sub, memo) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        out = ""
    elif len(branches) == 1 and "" not in node:
        out = branches[0]
    else:
        out = "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")
    memo[id(node)] = out
    return out


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` written as a trie, longest match preferred.

    Each position tries one branch per first letter instead of one per word, and
    every branch starts with a literal, which both ``re`` and ``regex`` skip fast.

    >>> trie_pattern(["to", "tre", "tretten"])
    '(?:t(?:o|re(?:tten)?))'
    """
    return "(?:" + _emit(_trie(words), {}) + ")"


def _with_capitals(trie: dict[str, dict]) -> dict[str, dict]:  # type: ignore[type-arg]
    """The trie of the words of ``trie`` and of the same with a capital first letter.

    The two share every subtrie below the first letter, so it is written once.
    (A class ``[tT]`` for the first letter would halve the pattern, but ``re`` then
    matches it ~5 % slower in case_counts' scan.)
    """
    return trie | {ch.upper(): sub for ch, sub in trie.items()}


def _number_word_pattern() -> str:
    below = _trie(WORDS_BELOW_HUNDRED)
    memo: dict[int, str] = {}  # the subtries of "below" are written once for all three
    hundreds = _with_capitals(_trie(p + "hundre" for p in _HUNDRED_PREFIX))
    return (
        f"(?:(?:{_emit(hundreds, memo)})(?:og)?(?:{_emit(below, memo)})?"
        f"|(?:{_emit(_with_capitals(below), memo)}))"
    )


#: A regex (no anchors, no flags) for one number word, in lower case or with a
#: capital first letter ("Tre personer"), built as a trie from the tables above.
#: It is case-sensitive on purpose: case-insensitive branches cannot be skipped on
#: their first letter, which makes the search several times slower. Put a word
#: boundary after it, so that "tretten" is not read as "tre".
NUMBER_WORD_PATTERN = _number_word_pattern()


def parse_number_word(word: str) -> int | None:
    """The value of one Norwegian number word, or None when it is not one.

    >>> parse_number_word("Førti"), parse_number_word("ni"), parse_number_word("ettHundre")
    (40, 9, 100)
    >>> parse_number_word("hundre og tolv") is None
    True
    """
    w = word.casefold()
    value = WORDS_BELOW_HUNDRED.get(w)
    if value is not None:
        return value
    head, sep, rest = w.partition("hundre")
    if not sep or head not in _HUNDRED_PREFIX:
        return None
    if rest.startswith("og"):
        rest = rest[2:]
        if not rest:
            return None
    below = WORDS_BELOW_HUNDRED.get(rest) if rest else 0
    if below is None or rest in ("ingen", "null"):
        return None
    return _HUNDRED_PREFIX[head] * 100 + below
