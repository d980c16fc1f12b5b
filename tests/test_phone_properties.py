"""Properties of the phone extractor that hold for any input (hypothesis).

- The evidence is exact: ``text == input[span]`` and ``display == text``.
- A phone record is never part of a longer run of digits: no digit, and no
  separator + digit, right before or after its span.
- ``number`` is ``+47`` and the last 8 digits written, or a short number's digits.
- It never raises, on arbitrary Unicode and on digit-heavy text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import records

SEPARATORS = " \u00a0\u202f.-"
_ALPHABET = "0123456789" * 4 + SEPARATORS + "+()/,:\n tlfringTelefonkr"
_CUES = ["", "tlf. ", "Ring ", "telefon ", "Legevakt: ", "kr ", "Org.nr. ", "+47 ", "0047 "]

digit_heavy = st.text(alphabet=_ALPHABET, max_size=120)
_SHAPES = [(2, 2, 2, 2), (2, 3, 3), (3, 2, 3), (3, 3, 2), (3, 5), (4, 4), (8,), (3,), (3, 3), (5,)]


@st.composite
def groups(draw: st.DrawFn) -> list[str]:
    """Random digit groups, or Norwegian phone groupings (maybe with a group too many)."""
    if draw(st.booleans()):
        group = st.text(alphabet="0123456789", min_size=1, max_size=5)
        return draw(st.lists(group, min_size=1, max_size=6))
    shape = list(draw(st.sampled_from(_SHAPES)))
    if draw(st.integers(0, 3)) == 0:
        shape.insert(draw(st.sampled_from([0, len(shape)])), draw(st.integers(1, 3)))
    first = draw(st.sampled_from("1234567899"))
    digits = first + draw(st.text(alphabet="0123456789", min_size=sum(shape), max_size=sum(shape)))
    out, i = [], 0
    for n in shape:
        out.append(digits[i : i + n])
        i += n
    return out


@st.composite
def digit_runs(draw: st.DrawFn) -> str:
    """Sentences of digit groups joined by single separators, after a cue word or not."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        gs = draw(groups())
        seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(gs), max_size=len(gs)))
        run = gs[0] + "".join(s + g for s, g in zip(seps, gs[1:], strict=False))
        parts.append(draw(st.sampled_from(_CUES)) + run)
    return draw(st.sampled_from([" og ", ", ", ". ", " eller ", "\n"])).join(parts) + "."


def _check(text: str) -> None:
    for r in records(text, "phone"):
        s, e = r["span"]
        assert r["text"] == text[s:e] == r["display"]
        before, after = text[max(0, s - 2) : s], text[e : e + 2]
        assert not before[-1:].isdigit() and not after[:1].isdigit(), (text, r)
        assert not regex.fullmatch(r"\d[ \u00a0\u202f.\-]", before), (text, r)
        assert not regex.fullmatch(r"[ \u00a0\u202f.\-]\d", after), (text, r)
        digits = "".join(ch for ch in r["display"] if ch.isdigit())
        if r["number"].startswith("+47"):
            assert len(r["number"]) == 11 and r["number"][3:] == digits[-8:], r
        else:
            assert r["number"] == digits and r["type"] in ("emergency", "short"), r


@settings(max_examples=200, deadline=None)
@given(digit_runs())
def test_records_are_whole_runs_with_exact_evidence(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(digit_heavy)
def test_digit_heavy_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    first = records(text, "phone")
    assert records(text, "phone") == first


# Words of the sentences around phone numbers, to build random ones: call verbs, phone
# words, services, pronouns, names, conjunctions and clause marks.
_LABEL_WORDS = (
    "ring ringe ringja kontakt ta med til oss deg på tlf. telefon nummeret koronatelefonen "
    "legevakta smittesporing testsenteret Servicetorget Kari Nordmann ordfører og eller for "
    "hele døgnet vår din - , ; : Legevakt\n Telefon".split()
)
_NUMBERS = ["67 50 94 94", "915 04040", "113", "116 117", "+47 21 89 80 42"]


@st.composite
def labelled_sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_LABEL_WORDS), max_size=8))
    end = draw(st.sampled_from([".", "", " i dag."]))
    return " ".join([*words, draw(st.sampled_from(_NUMBERS))]) + end


@settings(max_examples=300, deadline=None)
@given(labelled_sentences())
def test_labels_are_words_as_written(text: str) -> None:
    """A label is a run of the text's own words before the number, never a pronoun or figure."""
    for r in records(text, "phone"):
        label = r["label"]
        if label is None:
            continue
        at = text.find(label)
        assert 0 <= at < r["span"][0], (text, r)
        assert not any(ch.isdigit() for ch in label), (text, r)
        assert label.casefold() not in ("oss", "deg", "hele døgnet", "nummeret"), (text, r)
