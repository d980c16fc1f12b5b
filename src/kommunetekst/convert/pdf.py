"""PDF reports to text: pages in order, one paragraph per line (needs the ``pdf`` extra).

Read with pypdfium2 (Google's PDFium, the PDF engine of Chrome): it maps glyphs to
letters well (æøå, dashes and the bullets of Word's Symbol font included), puts
the text of a page in reading order line by line, and marks the hyphen of a word
split at a line end.

A PDF knows glyphs and their positions, not paragraphs. The lines PDFium gives
are put back into blocks by their geometry:

- a new block starts where the gap to the previous line is clearly wider than the
  line spacing, where the text moves up the page (a new column), where the font
  size or weight changes (a heading), and after a short line that ends a
  sentence (the last line of a paragraph set without spacing);
- a line that starts with a bullet (``•``, ``▪``, Word's private-use Symbol
  bullets, ``-``, ``–``) or a number (``1.``, ``2)``) is a list item on a line
  of its own, and the lines under it that are not items go on with it;
- the other lines of a block are joined with a space; a word hyphenated at the
  line end is joined without its hyphen (``smitte-`` / ``sporing`` gives
  ``smittesporing``), except before ``og``/``eller``/``samt`` (``helse- og
  omsorg``) and before a capital or a digit (``Nord-`` / ``Norge``, ``covid-`` /
  ``19``), where the hyphen stays;
- wide gaps inside a line (table columns, tab stops) become `` | ``;
- every page starts a new block; where each page starts is kept, so every record
  can say its ``page``.

Running headers and footers (``Side 3 av 40``) are kept: they are text of the page.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

from ..errors import MissingExtraError, UnreadableInputError
from ._blocks import CELL_SEPARATOR, TextBuilder

# PDFium's mark for a hyphen at a line end, where it joins the two lines itself.
_LINE_END_HYPHEN = "\ufffe"
# Word writes list bullets in its Symbol and Wingdings fonts at private-use code points.
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•"})
# A list item: a bullet, or a number or letter with its punctuation, then a space.
_ITEM_RE = re.compile(r"(?:[•·▪◦‣●○■□➢✓\-–—*]|\(?(?:\d{1,2}|[a-zA-Z])[.)])\s")
# Words after which a hyphen at a line end is a suspended hyphen: "helse- og omsorg".
_KEEP_HYPHEN_BEFORE = frozenset({"og", "eller", "samt", "enn", "til", "and", "or"})
_HYPHENATED_RE = re.compile(r"(?<=\w)(?:-|\ufffe)$")
_SENTENCE_END = (".", "!", "?", ":")


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    right: float
    top_baseline: float  # baseline of the first character
    end_baseline: float  # baseline of the last one (PDFium joins hyphenated lines)
    size: float
    weight: int
    item: bool
    row: bool  # a table row: its cells are separated by wide gaps


def pdf_to_text(data: bytes) -> tuple[str, tuple[int, ...], bool]:
    """The text of a PDF, the offset where each page starts, and whether any page had text.

    Raises:
        MissingExtraError: when pypdfium2 is not installed.
        UnreadableInputError: for an encrypted (password-protected) or damaged PDF.
    """
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
    except ImportError as e:
        raise MissingExtraError("pdf", "a PDF document") from e
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UnreadableInputError(
                "is an encrypted PDF (it needs a password); decrypt it first, e.g. with "
                "qpdf --decrypt --password=… in.pdf out.pdf"
            ) from e
        raise UnreadableInputError(f"is a damaged PDF that cannot be read ({e})") from e
    out = TextBuilder()
    any_text = False
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    lines = _page_lines(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            out.page_break()
            any_text = any_text or bool(lines)
            _write_page(out, lines)
    except pdfium.PdfiumError as e:
        raise UnreadableInputError(f"is a damaged PDF that cannot be read ({e})") from e
    finally:
        document.close()
    text, pages = out.finish()
    return text, pages, any_text


def _page_lines(textpage: Any) -> list[_Line]:
    """The page's lines as PDFium gives them, with where they stand and their font."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    raw = textpage.raw
    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()

    def baseline(i: int) -> float:
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(x), ctypes.byref(y))
        return y.value

    lines = []
    start = 0
    for line in text.split("\r\n"):
        end = start + len(line)
        first = start + (len(line) - len(line.lstrip()))
        last = start + len(line.rstrip()) - 1
        if first <= last:
            stripped = line.strip()
            size = pdfium_c.FPDFText_GetFontSize(raw, first)
            cells = _cells(textpage, stripped, first, max(size, 1.0))
            lines.append(
                _Line(
                    text=cells,
                    left=textpage.get_charbox(first)[0],
                    right=textpage.get_charbox(last)[2],
                    top_baseline=baseline(first),
                    end_baseline=baseline(last),
                    size=size,
                    weight=pdfium_c.FPDFText_GetFontWeight(raw, first),
                    item=bool(_ITEM_RE.match(cells)),
                    row=len(cells) > len(stripped),
                )
            )
        start = end + 2
    return lines


def _cells(textpage: Any, line: str, offset: int, size: float) -> str:
    """``line`` with its wide gaps (table columns, tab stops) written as `` | ``.

    A gap is wide when it is more than one and a half times the line's font size (a
    space is about a quarter of it). The gap after a list item's mark is no column.
    """
    line = line.translate(_PRIVATE_BULLETS)
    if " " not in line:
        return line
    item = _ITEM_RE.match(line)
    parts = []
    pos = 0
    for match in re.finditer(r" +", line):
        if item and match.start() < item.end():
            continue
        before, after = offset + match.start() - 1, offset + match.end()
        gap = textpage.get_charbox(after)[0] - textpage.get_charbox(before)[2]
        if gap > 1.5 * size:
            parts.append(line[pos : match.start()])
            pos = match.end()
    parts.append(line[pos:])
    return CELL_SEPARATOR.join(parts)


def _write_page(out: TextBuilder, lines: list[_Line]) -> None:
    prev: _Line | None = None
    widest = 0.0  # right edge of the widest line of the current block
    item_left: float | None = None  # left edge of the current list's marks
    for line in lines:
        text = _join_hyphens(line.text)
        if line.item:
            if item_left is None:  # the list's first item; the next ones go on the next lines
                out.block_break()
            else:
                out.line_break()
            item_left = line.left if item_left is None else item_left
            out.add(text)
            widest = line.right
        elif prev is not None and prev.row and line.row:  # the next row of a table
            out.line_break()
            out.add(text)
        elif (
            prev is None
            or _new_block(prev, line, widest, item_left is not None)
            or (item_left is not None and line.left <= item_left + 1)
        ):
            out.block_break()
            item_left = None
            out.add(text)
            widest = line.right
        else:
            _continue(out, text)
        widest = max(widest, line.right)
        prev = line


def _new_block(prev: _Line, line: _Line, widest: float, in_list: bool) -> bool:
    size = max(prev.size, line.size, 1.0)
    step = prev.end_baseline - line.top_baseline  # PDF y grows up the page
    if step < 0.3 * size or step > 1.6 * size:  # a new column, or a paragraph gap
        return True
    if abs(prev.size - line.size) > 0.5 or prev.weight != line.weight:
        return True
    # The last line of a paragraph set without spacing: it ends a sentence well short of
    # the lines above it (not in a list: an item's last line ends where it ends).
    return not in_list and prev.text.endswith(_SENTENCE_END) and prev.right < widest - 3 * size


def _continue(out: TextBuilder, text: str) -> None:
    """Join the next line of a block to the line being built."""
    if not out.pop_hyphen():
        out.add(" ")
        out.add(_join_hyphens(text))
        return
    next_word = text.split(" ", 1)[0]
    if next_word.lower() in _KEEP_HYPHEN_BEFORE:
        out.add("- ")
    elif not next_word[:1].islower():
        out.add("-")
    out.add(_join_hyphens(text))


def _join_hyphens(text: str) -> str:
    """Resolve the hyphens PDFium marked where it joined two lines itself."""
    if _LINE_END_HYPHEN not in text:
        return text
    parts = text.split(_LINE_END_HYPHEN)
    joined = parts[0]
    for part in parts[1:]:
        next_word = part.split(" ", 1)[0]
        if next_word.lower() in _KEEP_HYPHEN_BEFORE:
            joined += "- " + part
        elif next_word[:1].islower():
            joined += part
        else:
            joined += "-" + part
    return joined
