"""The shape every converted document takes, whatever it was: blocks, lines, list items, pages.

The extractors read plain text line by line, as the seed texts are written:

- one heading or paragraph per line, a blank line between blocks;
- a line break inside a block (``<br>``, a soft return in Word) starts a new line
  of the same block, with no blank line;
- list items as ``• item`` (``1. item`` in a numbered list) on lines of their own,
  right under their lead-in block, nested items indented two spaces per level;
- table rows as lines, cells separated by `` | `` (a visible separator that no
  extractor reads as part of a number or a phrase, unlike a tab or a space);
- pages (PDF) in order, each starting a new block; where each page starts is kept.

:class:`TextBuilder` is the one place that writes this shape, so the three
converters agree on it.
"""

from __future__ import annotations

#: Cell separator of a table row.
CELL_SEPARATOR = " | "
#: Mark of an item of an unordered list.
BULLET = "•"


class TextBuilder:
    """Collects text piece by piece into lines and blocks; :meth:`finish` gives the text.

    Inline text is added with :meth:`add`; runs of spaces inside a line are kept as
    given (the caller collapses markup whitespace), but a line never starts or ends
    with a space, and empty lines and blocks disappear.
    """

    def __init__(self) -> None:
        self._out: list[str] = []  # finished lines, "" for the blank line between blocks
        self._line: list[str] = []  # pieces of the line being built
        self._prefix = ""  # list mark (with its indent) of the line being built
        self._block_open = False  # a line of the current block has been written
        self._page_lines: list[int] = []  # index in _out where each page starts

    # -- building ------------------------------------------------------------------------
    def add(self, text: str) -> None:
        """Add inline text to the current line."""
        if text:
            self._line.append(text)

    def pop_hyphen(self) -> bool:
        """Remove a hyphen that ends the current line after a letter; whether there was one."""
        line = self._line
        if line and len(line[-1]) >= 2 and line[-1][-1] == "-" and line[-1][-2].isalpha():
            line[-1] = line[-1][:-1]
            return True
        return False

    def ends_with_space(self) -> bool:
        """Whether the current line is empty or its text so far ends with a space."""
        return not self._line or self._line[-1].endswith(" ")

    def line_break(self) -> None:
        """End the current line; the next text starts a new line of the same block."""
        text = "".join(self._line).strip(" ")
        self._line.clear()
        if text:  # a list mark waits for its item's first text (``<li><p>…``)
            self._out.append(self._prefix + text)
            self._block_open = True
            self._prefix = ""

    def block_break(self) -> None:
        """End the current line and block; the next text starts a new block."""
        self.line_break()
        self._prefix = ""
        if self._block_open:
            self._out.append("")
            self._block_open = False

    def start_item(self, mark: str, depth: int) -> None:
        """Start a list item line: ``mark`` (``•``, ``3.``) indented two spaces per ``depth``."""
        self.line_break()
        self._prefix = "  " * depth + mark + " "

    def page_break(self) -> None:
        """End the current block; what follows is on the next page."""
        self.block_break()
        self._page_lines.append(len(self._out))

    # -- the result ----------------------------------------------------------------------
    def finish(self) -> tuple[str, tuple[int, ...]]:
        """The text (ending with a newline unless empty) and the offset where each page starts.

        Page offsets are given only when :meth:`page_break` was called: the first page
        starts at 0, and a page with no text starts where the next one does.

        >>> b = TextBuilder(); b.add("Tittel"); b.block_break(); b.start_item("•", 0)
        >>> b.add("Punkt"); b.block_break(); b.finish()
        ('Tittel\\n\\n• Punkt\\n', ())
        """
        self.block_break()
        out = self._out
        while out and out[-1] == "":
            out.pop()
        offsets = []
        pos = 0
        for line in out:
            offsets.append(pos)
            pos += len(line) + 1
        offsets.append(pos)
        pages = tuple(offsets[min(i, len(out))] for i in self._page_lines)
        text = "\n".join(out) + "\n" if out else ""
        return text, pages
