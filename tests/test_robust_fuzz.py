"""The random-fragment fuzzer (issue 18): real text cut and pasted at random.

Each text is a few pieces: slices of the seed texts cut anywhere (mid-word,
mid-number, mid-line), and fragments that broke an extractor or could
(superscript digits, 20-digit numbers, U+0085 and U+2028, bullets with nothing
after them, lone surrogates). For every text:

- no extractor raises (an exception would be reported through ``on_error``);
- every record's ``text`` is exactly the normalised text at its ``span``, its
  ``line`` is right, and records come in text order (``check_records``);
- every record can be written as a JSON line (``dump_line``).

CI runs ``FUZZ_TEXTS`` texts from a fixed seed (a few seconds). A long run, as the
attack that found issue 18 did (685,000 texts)::

    KOMMUNETEKST_FUZZ=200000 KOMMUNETEKST_FUZZ_SEED=$RANDOM \\
        .venv/bin/python -m pytest tests/test_robust_fuzz.py -k fuzzer

A failure prints the seed and the text (``repr``) to reproduce it with.
"""

from __future__ import annotations

import os
import random

from conftest import SEEDS
from kommunetekst import extract_text
from kommunetekst.decoding import normalize_text
from kommunetekst.document import Document
from kommunetekst.jsonl import dump_line
from kommunetekst.pipeline import iter_records
from test_robust_properties import FRAGMENTS, check_records

FUZZ_TEXTS = int(os.environ.get("KOMMUNETEKST_FUZZ", "400"))
FUZZ_SEED = int(os.environ.get("KOMMUNETEKST_FUZZ_SEED", "18"))

# What broke, or might break, a parser of numbers, lines or lists.
SPECIAL = [
    *FRAGMENTS,
    "²",
    "²²",
    "³",
    "¹²³",
    "20²²",
    "18446744073709551616",
    "99999999999999999999999",
    "9223372036854775808",
    "1e400",
    "\x85",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "• ",
    "◦ ",
    "‣ ",
    "\n• ",
    "\n- ",
    "\n1. ",
    "\na) ",
    "\n(3) ",
    "• \x85",
    " prosent",
    " %",
    " pst.",
    " prosentpoeng",
    " smittede",
    " nye tilfeller",
    " døde",
    " innlagt",
    " i 20",
    " kl. ",
    "–",
    "—",
    "\u2212",  # minus sign
    "\ud800",
    "\udfff",
    "\u0663",  # an Arabic-Indic digit: \d matches it
    "🙂",
]


def _source() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _texts(rng: random.Random, source: str, n: int) -> list[str]:
    texts = []
    for _ in range(n):
        pieces = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.5:
                start = rng.randrange(len(source))
                pieces.append(source[start : start + int(rng.expovariate(1 / 60)) + 1])
            else:
                pieces.append(rng.choice(SPECIAL))
        texts.append("".join(pieces))
    return texts


def _check(text: str) -> None:
    errors: list[tuple[str, Exception]] = []
    # extract_text reads a lone surrogate as U+FFFD
    norm = normalize_text("".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text))
    recs = list(
        iter_records(Document(norm), on_error=lambda kind, e, line: errors.append((kind, e)))
    )
    assert not errors, f"an extractor raised: {errors!r}"
    for r in recs:
        dump_line(r)  # raises when a record cannot be written as JSON
    check_records(norm, recs)  # evidence, line, text order, JSON round trip


def test_random_fragment_fuzzer() -> None:
    rng = random.Random(FUZZ_SEED)
    for i, text in enumerate(_texts(rng, _source(), FUZZ_TEXTS)):
        try:
            _check(text)
        except AssertionError as e:
            raise AssertionError(f"seed {FUZZ_SEED}, text {i}: {text!r}\n{e}") from None


def test_extract_text_reads_a_lone_surrogate_as_u_fffd() -> None:
    recs = list(extract_text("Ring 67 50 94 94\ud800 eller post@baerum.no.\udfff"))
    assert [r["kind"] for r in recs] == ["phone", "email"]
    for r in recs:
        dump_line(r)  # would raise: orjson writes no surrogates


# -- what each extractor must bound (issue 18, item 7) -------------------------------------------
# A value beyond what a count or a percentage can be is no figure.


def test_percentages_bound_the_year() -> None:
    recs = list(
        extract_text("Det er 12 prosent i 20²². Det er 13 prosent i 2022.", only="percentage")
    )
    assert [(r["value"], r["year"]) for r in recs] == [(12.0, None), (13.0, 2022)]


def test_case_counts_bound_the_value() -> None:
    recs = list(extract_text("Det er 18446744073709551616 smittede.", only="case_count"))
    assert all(abs(r["value"]) <= 10**10 for r in recs), recs


def test_percentages_bound_the_value() -> None:
    recs = list(extract_text("Økningen var 12345678901234567890 prosent.", only="percentage"))
    assert all(abs(r["value"]) <= 10**6 for r in recs), recs
