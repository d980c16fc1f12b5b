"""percentages: the number-word pattern reads exactly NUMBER_WORDS."""

import regex

from kommunetekst.document import Document
from kommunetekst.extractors import percentages
from kommunetekst.extractors.percentages import _WORD_ALT, NUMBER_WORDS, extract


def test_every_number_word_is_read_with_its_value() -> None:
    for w, v in NUMBER_WORDS.items():
        for form in (w, w.capitalize(), w.upper()):
            records = list(extract(Document(f"Hele {form} prosent.", "-")))
            assert [r.fields["value"] for r in records] == [float(v)], form


def test_the_pattern_has_no_other_words() -> None:
    word = regex.compile(f"(?:{_WORD_ALT})", regex.VERBOSE | regex.IGNORECASE)
    assert all(word.fullmatch(w) for w in NUMBER_WORDS)
    # Its words: the spaced hundreds, tens with or without a one, and single words; none
    # counted twice (so no word outside NUMBER_WORDS).
    tens, ones = len(percentages.TENS), len(percentages._TENS_ONES)
    singles = {*percentages._ONES, *percentages.TEENS, "hundre"}
    assert len(NUMBER_WORDS) == 2 + tens * (ones + 1) + len(singles)
    for near in ("tjuefemte", "femtiende", "hundreti", "ingen", "ei", "tjueén"):
        assert not word.fullmatch(near)
