"""Word documents (.docx) to text: paragraphs, lists and tables in order (needs the ``docx`` extra).

Read with python-docx, the library made for the format: the body's paragraphs
and tables in document order.

- Each paragraph (a heading too) is a block; a line break inside a paragraph
  (Shift+Enter) starts a new line of the same block.
- A paragraph that Word numbers or bullets (its own numbering or its style's) is
  a list item: ``• item`` for bullets, ``1. item`` / ``a. item`` / ``i. item``
  for numbered lists, counted per list and level as Word shows them, indented
  two spaces per level. Consecutive items are lines of one block.
- Table rows are lines with cells separated by `` | ``; the paragraphs of a cell
  are joined with a space, and merged cells are written once.
- A tab between words (a tab stop used as a column) becomes `` | ``; a tab after
  a hand-typed number or bullet at the start of a paragraph becomes a space.

Left out: page headers and footers (the same letterhead on every page),
footnotes, comments, text boxes and fields' instructions.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import MissingExtraError, UnreadableInputError
from ._blocks import BULLET, CELL_SEPARATOR, TextBuilder

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A hand-typed mark and a tab at the start of a paragraph: "1.<tab>Text", "-<tab>Text".
_LEADING_MARK_TAB_RE = re.compile(r"^(\S{1,4})\t")


def docx_to_text(data: bytes) -> str:
    """The text of a Word document.

    Raises:
        MissingExtraError: when python-docx is not installed.
        UnreadableInputError: when the file is no Word document or is damaged.
    """
    try:
        import docx
    except ImportError as e:
        raise MissingExtraError("docx", "a Word document") from e
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as e:  # a damaged ZIP or XML fails in many ways, none of them a bug here
        raise UnreadableInputError(
            f"is a damaged Word document that cannot be read ({type(e).__name__}: {e})"
        ) from e
    numbering = _Numbering(document)
    out = TextBuilder()
    in_list = False
    for element in _blocks_of(body):
        tag = element.tag
        if tag == f"{_W}p":
            mark = numbering.mark(element)
            if mark is None:
                out.block_break()
                in_list = False
            else:
                if not in_list:
                    out.block_break()
                in_list = True
                out.start_item(*mark)
            _write_paragraph(out, element)
            if mark is None:
                out.block_break()
        elif tag == f"{_W}tbl":
            out.block_break()
            in_list = False
            _write_table(out, element)
            out.block_break()
    text, _ = out.finish()
    return text


def _blocks_of(container: Any) -> Any:
    """The paragraphs and tables of the body in order, also inside content controls."""
    for element in container.iterchildren():
        if element.tag in (f"{_W}p", f"{_W}tbl"):
            yield element
        elif element.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _blocks_of(element)


def _paragraph_lines(p: Any) -> list[str]:
    """The lines of a paragraph: its runs' text, split at line breaks."""
    lines = [""]
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        tag = node.tag
        if tag == f"{_W}t":
            lines[-1] += node.text or ""
        elif tag == f"{_W}tab":
            lines[-1] += "\t"
        elif tag == f"{_W}noBreakHyphen":
            lines[-1] += "\u2011"
        elif node.get(f"{_W}type") in (None, "textWrapping"):  # not a page or column break
            lines.append("")
    return [_tabs(line) for line in lines]


def _tabs(line: str) -> str:
    line = _LEADING_MARK_TAB_RE.sub(r"\1 ", line.lstrip("\t"))
    return re.sub(r"[ ]*\t[\t ]*", CELL_SEPARATOR, line)


def _write_paragraph(out: TextBuilder, p: Any) -> None:
    for i, line in enumerate(_paragraph_lines(p)):
        if i:
            out.line_break()
        out.add(line)


def _write_table(out: TextBuilder, table: Any) -> None:
    for row in table.iterchildren(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            words = [" ".join(_paragraph_lines(p)).strip() for p in cell.iter(f"{_W}p")]
            cells.append(" ".join(w for w in words if w))
        if any(cells):
            out.line_break()
            out.add(CELL_SEPARATOR.join(cells))
            out.line_break()


class _Numbering:
    """Word's list numbering: which paragraphs are items, and the mark Word shows for each."""

    def __init__(self, document: Any) -> None:
        self._formats: dict[tuple[str, int], str] = {}
        self._starts: dict[tuple[str, int], int] = {}
        self._counters: dict[tuple[str, int], int] = {}
        self._styles: dict[str, tuple[str, int] | None] = {}
        self._document = document
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in numbering.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.iterchildren(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId")] = levels
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for level, (fmt, start) in abstract.get(ref.get(f"{_W}val"), {}).items():
                key = (num.get(f"{_W}numId") or "", level)
                self._formats[key] = fmt
                self._starts[key] = start

    def mark(self, p: Any) -> tuple[str, int] | None:
        """``(mark, level)`` of a list item paragraph, or None for any other paragraph."""
        found = self._num_pr(p)
        if found is None:
            return None
        num_id, level = found
        fmt = self._formats.get((num_id, level))
        if fmt is None or fmt == "none":
            return None
        if fmt == "bullet":
            return BULLET, level
        key = (num_id, level)
        n = self._counters.get(key, self._starts.get(key, 1) - 1) + 1
        self._counters[key] = n
        for deeper in [k for k in self._counters if k[0] == num_id and k[1] > level]:
            del self._counters[deeper]  # a sub-list starts again under each item
        return f"{_format_number(n, fmt)}.", level

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None:
            style = ppr.find(f"{_W}pStyle") if ppr is not None else None
            return self._style_num_pr(style.get(f"{_W}val")) if style is not None else None
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is None or num_id.get(f"{_W}val") == "0":
            return None
        return num_id.get(f"{_W}val") or "", int(
            ilvl.get(f"{_W}val", "0")
        ) if ilvl is not None else 0

    def _style_num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        """The numbering a paragraph style gives its paragraphs (Word's "List Bullet")."""
        if not style_id:
            return None
        if style_id not in self._styles:
            self._styles[style_id] = None
            try:
                style = self._document.styles.element.get_by_id(style_id)
            except (KeyError, AttributeError):
                style = None
            if style is not None:
                self._styles[style_id] = self._num_pr(style)
        return self._styles[style_id]


def _format_number(n: int, fmt: str) -> str:
    """A list number as Word shows it for the number formats lists use."""
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 40:
        roman = ""
        for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                roman += numeral
                n -= value
        return roman if fmt == "lowerRoman" else roman.upper()
    return str(n)
