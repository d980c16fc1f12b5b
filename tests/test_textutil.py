"""textutil's sentence rule: the stdlib pattern and its fallback give the rule itself."""

import regex

from kommunetekst.textutil import sentence_bounds, sentence_ends

# The rule: a sentence end is . ! ? (then an optional quote and spaces) before one of these.
_RULE = regex.compile(r"[\p{Lu}\d«\"–—-]")


def test_sentence_start_every_latin1_and_some_others() -> None:
    # Latin-1 is spelled out in _SENTENCE_END_RE's lookahead; any other character is
    # checked by the rule itself, so both must agree with the rule everywhere.
    others = [0x2013, 0x2014, 0x201C, 0x2019, 0x0100, 0x0101, 0x0660, 0x0966, 0x1E9E, 0x01C5]
    for cp in [*range(0x300), *others]:
        c = chr(cp)
        text = f"Ja. {c}x"
        expected = [3] if _RULE.match(c) else []
        assert sentence_ends(text, 0, len(text)) == expected, hex(cp)


def test_sentence_end_shapes() -> None:
    text = "Ring kl. 09. Han sa «Nei!» Det gikk?! «Ja.» Nr. 3 er – kort. 2 nye. Slutt"
    assert sentence_ends(text, 0, len(text)) == [12, 25, 36, 42, 60, 67]
    # a candidate cut by the end of the range is no sentence end
    assert sentence_ends(text, 0, 13) == []
    s, e = sentence_bounds(text, 50, 52, 0, len(text))
    assert text[s:e] == "Nr. 3 er – kort."
