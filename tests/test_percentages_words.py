"""percentages: number words before a unit are read with numwords' words and values."""

import pytest

from kommunetekst.document import Document
from kommunetekst.extractors.percentages import extract
from kommunetekst.numwords import WORDS_BELOW_HUNDRED, parse_number_word


def _values(text: str) -> list[float]:
    return [r.fields["value"] for r in extract(Document(text, "-"))]


def test_every_word_below_hundred_is_read_with_its_value() -> None:
    for w, v in WORDS_BELOW_HUNDRED.items():
        if w in ("ingen", "ei"):
            continue  # "ingen prosent" is no figure
        for form in (w, w.capitalize(), w.upper()):
            assert _values(f"Hele {form} prosent.") == [float(v)], form


@pytest.mark.parametrize(
    "word",
    ["hundre", "etthundre", "tohundre", "hundreogtolv", "tohundreogfemti", "nihundreognittini"],
)
def test_hundreds_are_read_as_numwords_reads_them(word: str) -> None:
    value = parse_number_word(word)
    assert value is not None
    assert _values(f"en økning på {word} prosent") == [float(value)]


@pytest.mark.parametrize(
    "text",
    ["ingen prosent", "ei prosent", "tjuefemte prosent", "femtiende prosent",
     "hundre og ti prosent", "to og en halv prosent", "en halv prosent", "tjuetjue prosent"],
)  # fmt: skip
def test_words_that_are_no_single_number_give_nothing(text: str) -> None:
    assert _values(text) == []
