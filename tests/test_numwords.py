"""numwords: the number-word pattern reads exactly the words of the tables."""

import re

import pytest

from kommunetekst.numwords import (
    _HUNDRED_PREFIX,
    NUMBER_WORD_PATTERN,
    WORDS_BELOW_HUNDRED,
    parse_number_word,
    trie_pattern,
)

_WORD = re.compile(rf"(?:{NUMBER_WORD_PATTERN})(?!\w)")


def _capitalised(w: str) -> str:
    return w[:1].upper() + w[1:]


def test_every_word_and_its_capital_form_is_one_whole_match() -> None:
    hundreds = [p + "hundre" for p in _HUNDRED_PREFIX]
    compounds = [h + og + b for h in hundreds for og in ("", "og") for b in WORDS_BELOW_HUNDRED]
    for w in [*WORDS_BELOW_HUNDRED, *hundreds, *compounds]:
        for form in (w, _capitalised(w)):
            m = _WORD.match(form + " smittede")
            assert m and m.group() == form, form


@pytest.mark.parametrize("text", ["tjuefemte", "Femte", "ETT", "tjueHundre", "tohundreOg", "og"])
def test_no_other_word(text: str) -> None:
    assert not _WORD.fullmatch(text)


def test_longest_word_first() -> None:
    # "tretten" is not read as "tre", "tjueen" not as "tjue", "hundreogtolv" as one word.
    pattern = re.compile(NUMBER_WORD_PATTERN)
    for w in ("tretten", "tjueen", "hundreogtolv", "Tohundreogtjuefem", "eitt"):
        assert pattern.match(w).group() == w  # type: ignore[union-attr]
        assert parse_number_word(w) is not None


def test_trie_pattern_prefers_the_longer_word() -> None:
    assert trie_pattern(["to", "tre", "tretten"]) == "(?:t(?:o|re(?:tten)?))"
    m = re.match(trie_pattern(["a", "ab", "abc"]), "abcd")
    assert m and m.group() == "abc"
