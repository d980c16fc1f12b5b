"""Fast paths of the document model hold to the plain rules they shortcut."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from kommunetekst.document import Document
from kommunetekst.lists import find_list_items
from kommunetekst.textutil import fold_whitespace

# Every character str.split() splits on, the zero-width ones fold_whitespace drops,
# and a few others, so that random strings hit every branch.
_SPACES = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
_ALPHABET = _SPACES + "\u200b\u00ad\ufeff" + "ab.:•–-é\x00\x7f"
_ZERO_WIDTH = str.maketrans("", "", "\u200b\u00ad\ufeff")


@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_fold_whitespace_is_split_and_join_without_zero_width(s: str) -> None:
    assert fold_whitespace(s) == " ".join(s.translate(_ZERO_WIDTH).split())


_LINES = st.sampled_from(
    [
        "26.06.20 Smittetall",
        "20. mars: Skolene",
        "Tema",
        "Behov:",
        " • Bolig\u00a0 og arbeid ",
        " • A • B ",
        "- Vask hendene.",
        "– Jeg vil, sier ordfører Krog.",
        "* Fakta",
        "",
        " ",
        "Tekst.",
        "1. Punkt",
        "2) Punkt\u00a0",
        " a) Bokstav",
        "-Tett",
        "    innrykket tekst",
        "går videre",
        "\u00a0",
        "1. mai",
    ]
)


@given(st.lists(_LINES, max_size=12), st.sampled_from([None, 2020]))
def test_dates_at_is_date_at_of_each_offset(lines: list[str], year: int | None) -> None:
    doc = Document("\n".join(lines), year=year)
    offsets = list(range(len(doc.text) + 1))
    assert doc.dates_at(offsets) == [doc.date_at(o) for o in offsets]


@given(st.lists(_LINES, max_size=12))
def test_list_items_are_trimmed_folded_and_in_text_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    items = find_list_items(text)
    assert [it.start for it in items] == sorted(it.start for it in items)
    for it in items:
        evidence = text[it.start : it.end]
        assert evidence == evidence.strip(" \t\u00a0\u202f") != ""
        assert it.item == fold_whitespace(evidence)
