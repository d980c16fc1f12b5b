"""Small pure helpers shared by the extractors: whitespace, numbers, sentences."""

from __future__ import annotations

import re

import regex

#: The spaces between the words of a line: normal, tab, no-break (U+00A0) and narrow
#: no-break (U+202F).
SPACE = " \t\u00a0\u202f"
#: Every horizontal space municipal texts put between digit groups or words: :data:`SPACE`,
#: thin (U+2009) and figure (U+2007).
HSPACE = SPACE + "\u2009\u2007"
#: Hyphen, en dash, em dash and minus sign, as they appear in ranges.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"


def char_class(chars: str) -> str:
    r"""A regex character class of ``chars``, each written as an escape, so that it means
    the same in a verbose pattern (where a bare space is ignored) and in any position.

    >>> char_class(" -")
    '[\\u0020\\u002d]'
    """
    return "[" + "".join(f"\\u{ord(c):04x}" for c in chars) + "]"


SPACE_CLASS = char_class(SPACE)
HSPACE_CLASS = char_class(HSPACE)
DASH_CLASS = char_class(DASHES)

#: How far from a match an extractor looks for its sentence: Document.sentence_bounds
#: scans from the start of the line, which is quadratic on a long line of many sentences.
SENTENCE_WINDOW = 400

_ZERO_WIDTH = str.maketrans("", "", "\u200b\u00ad\ufeff")


def fold_whitespace(s: str) -> str:
    """Collapse any run of whitespace (no-break spaces included) to one space and strip.

    Zero-width spaces and soft hyphens disappear.

    >>> fold_whitespace(" Det er\u00a0 gjort avtale. ")
    'Det er gjort avtale.'
    """
    # Words with one space between them, no-break ones included, are already folded:
    # every other space, and the zero-width characters, are not printable.
    t = s.replace("\u00a0", " ")
    if t.isprintable() and "  " not in t and t.strip(" ") == t:
        return t
    # str.split() already splits on every Unicode space (U+00A0 and U+202F included).
    if "\u200b" in s or "\u00ad" in s or "\ufeff" in s:
        s = s.translate(_ZERO_WIDTH)
    return " ".join(s.split())


def normalize_newlines(text: str) -> str:
    r"""Fold CRLF and lone CR to LF, as the decoded text has them (see decoding.py).

    >>> normalize_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_int_grouped(s: str) -> int:
    """Read digits with any thousands separator (space, no-break space, dot).

    >>> parse_int_grouped("1\u00a0641")
    1641
    >>> parse_int_grouped("1.641")
    1641
    """
    return int("".join(ch for ch in s if ch.isdigit()))


# Sentence ends: . ! ? followed by space and a capital (\p{Lu}), a digit, a quote or a dash.
# The pattern starts with the punctuation, so the engine skips to candidates fast;
# abbreviations are checked afterwards, in Python. The stdlib ``re`` runs it (a call of
# ``regex`` costs several times more set-up than the few characters it reads here):
# its lookahead spells out the Latin-1 characters that may start a sentence and lets
# any other character through to _SENTENCE_START_RE, the rule itself. Nothing can
# backtrack into a match (the marks, quote and spaces are disjoint), so a candidate
# that fails the rule is no sentence end, at its start or anywhere inside it.
_SENTENCE_START_RE = regex.compile(r"[\p{Lu}\d«\"–—-]")
_SENTENCE_END_RE = re.compile(
    rf"[.!?][.!?]*[\"»”']?{SPACE_CLASS}+(?=[A-ZÀ-ÖØ-Þ0-9«\"-]|[^\x00-\xff])"
)
# Abbreviations that end in a dot and are followed by a number or a name do not end
# a sentence: "kl. 09-15", "tlf. 22 00 00 00", "bl.a. Bærum", "ca. 40", "nr. 3".
_ABBREVIATIONS = frozenset(
    ("kl tlf telefon nr ca pst jf dvs mv pr mob f.eks bl.a ev evt inkl ekskl kap st s").split()
)


def _is_sentence_end(text: str, m: re.Match[str]) -> bool:
    """Whether the candidate ``m`` of _SENTENCE_END_RE ends a sentence."""
    c = text[m.end()]
    if c > "\xff" and _SENTENCE_START_RE.match(c) is None:
        return False
    dot = m.start()
    if text[dot] != ".":
        return True
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    return text[word_start:dot].casefold() not in _ABBREVIATIONS


def sentence_bounds(
    text: str, start: int, end: int, line_start: int, line_end: int
) -> tuple[int, int]:
    """The ``[s, e)`` of the sentence around ``text[start:end]``, within its line.

    A line is a paragraph in these texts, so a sentence never crosses a newline.

    >>> t = "Ring kl. 09. Det er 13 flere enn i går. 18 personer er innlagt."
    >>> s, e = sentence_bounds(t, 20, 22, 0, len(t))
    >>> t[s:e]
    'Det er 13 flere enn i går.'
    """
    # A sentence end starts with a mark: a side without one needs no scan.
    s = line_start
    if _has_mark(text, line_start, start):
        for m in _SENTENCE_END_RE.finditer(text, line_start, start):
            if _is_sentence_end(text, m):
                s = m.end()
    e = line_end
    if _has_mark(text, end, line_end):
        for m in _SENTENCE_END_RE.finditer(text, end, line_end):
            if _is_sentence_end(text, m):
                e = m.start() + 1
                break
    return s, e


def _has_mark(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a . ! or ? (which every sentence end starts with)."""
    find = text.find
    return find(".", start, end) != -1 or find("!", start, end) != -1 or find("?", start, end) != -1


def sentence_ends(text: str, line_start: int, line_end: int) -> list[int]:
    """Where the sentences of a line end (just after their mark), in text order.

    The same rule as :func:`sentence_bounds`, for reading a whole paragraph at once.

    >>> t = "Ring kl. 09. Det er 13 flere enn i går. 18 personer er innlagt."
    >>> sentence_ends(t, 0, len(t))
    [12, 39]
    """
    if not _has_mark(text, line_start, line_end - 1):  # a mark must have a space after it
        return []  # one sentence: most paragraphs
    return [
        m.start() + 1
        for m in _SENTENCE_END_RE.finditer(text, line_start, line_end)
        if _is_sentence_end(text, m)
    ]
