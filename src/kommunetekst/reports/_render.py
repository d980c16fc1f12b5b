"""Rich helpers shared by the report builders: tables that fit any terminal, plain-text cells.

Every cell is plain text, never markup: record values come from municipal texts and may
hold ``[...]``; as ``Text`` they print as written whatever the console's markup setting is.

:class:`FitTable` is a table that lays itself out for the width it is given, so that the
same report reads right at 60 columns and at 200:

- ``number`` columns (figures, counts, line numbers) and ``code`` columns (dates, phone
  numbers) are as wide as their widest cell and are never cut or wrapped;
- ``text`` columns share what is left: they wrap at spaces and fold a long word, and
  are never cut short with an ellipsis, so nothing a cell holds is lost (up to
  :data:`CELL_MAX` characters: a longer cell, a whole document's worth, is cut and ends
  in "…"; ``--format csv`` and ``jsonl`` keep it whole).

When the full layout does not fit, it tries, in order: lighter borders (no vertical
lines), the columns' short headers, single-space gaps between columns, and last leaving
out the columns marked ``optional`` (the caption says which, and that ``--format csv``
has them). Below about 60 columns a very wide report may still have to fold words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from rich import box
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

#: A text column may be narrowed to this width before the layout gets more compact.
TEXT_MIN = 12
#: ... and, when nothing else fits, to its longest word, but to no less than this.
TEXT_TIGHT = 10


def new_table(title: str, caption: str | None = None) -> Table:
    """A table with a plain-text title and a left-aligned plain-text caption."""
    return Table(
        title=Text(title, style="table.title"),
        caption=Text(caption, style="table.caption") if caption else None,
        caption_justify="left",
    )


#: The most characters a table cell shows; a longer value is cut and ends in "…". Rich's
#: layout work grows with a cell's length (a 4 MB cell took 20 s); csv and jsonl keep it whole.
CELL_MAX = 1000


def add_row(table: Table, *cells: Any, end_section: bool = False) -> None:
    """Add a row; ``str`` cells become ``Text`` (no markup, at most :data:`CELL_MAX`
    characters), ``None`` an empty cell."""
    table.add_row(*(_text(c) for c in cells), end_section=end_section)


def _text(cell: Any) -> Any:
    if isinstance(cell, str):
        return Text(_bounded(cell))
    return Text("") if cell is None else cell


def _bounded(cell: str) -> str:
    return cell if len(cell) <= CELL_MAX else cell[: CELL_MAX - 1] + "…"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a :class:`FitTable`.

    ``kind``: ``number`` (right-aligned, never cut), ``code`` (left-aligned, never cut:
    dates, phone numbers) or ``text`` (wraps). ``short``: the header when space is short.
    ``optional``: may be left out when nothing else makes the table fit.
    """

    header: str
    kind: Literal["number", "code", "text"] = "text"
    short: str | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class _Style:
    box: box.Box
    edge: bool  # outer border and padding at the edges
    gap: int  # columns between two cells: padding plus divider
    short_headers: bool
    drop_optional: bool
    drop_empty: bool = False  # leave out columns with no cell filled

    def chrome(self, columns: int) -> int:
        """Columns the borders and padding take around ``columns`` cells."""
        if not columns:
            return 0
        if self.edge:  # "│ a │ b │": a border and two spaces per cell, one closing border
            return 3 * columns + 1
        return self.gap * (columns - 1)


# From the richest layout to the tightest; the first that fits is used.
_STYLES = (
    _Style(box.HEAVY_HEAD, True, 3, False, False),
    _Style(box.SIMPLE_HEAD, False, 2, False, False),
    _Style(box.SIMPLE_HEAD, False, 2, True, False),
    _Style(box.SIMPLE_HEAD, False, 1, True, False),
    _Style(box.SIMPLE_HEAD, False, 1, True, False, drop_empty=True),
    _Style(box.SIMPLE_HEAD, False, 1, True, True, drop_empty=True),
)


@dataclass
class FitTable:
    """A table that picks its layout for the width it is printed at (see the module doc).

    Build it like a Rich table: ``FitTable(title, columns, caption)``, then :meth:`add_row`.
    Cells are strings (newlines allowed) or ``None``; a cell longer than :data:`CELL_MAX`
    characters is cut.
    """

    title: str
    columns: Sequence[Column]
    caption: str | None = None
    rows: list[tuple[list[str], bool]] = field(default_factory=list)

    def add_row(self, *cells: str | None, end_section: bool = False) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(([_bounded(c or "") for c in cells], end_section))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.to_table(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        style, widths = self.layout(options.max_width)
        total = sum(widths) + style.chrome(len(widths))
        return Measurement(min(total, options.max_width), min(total, options.max_width))

    # -- layout ------------------------------------------------------------------------------

    def layout(self, max_width: int) -> tuple[_Style, list[int]]:
        """The style and the width of each kept column for a console ``max_width`` wide."""
        for roomy in (True, False):
            for style in _STYLES:
                widths = self._widths(style, max_width, roomy)
                if widths is not None:
                    return style, widths
        style = _STYLES[-1]
        return style, self._squeezed(style, max_width)

    def _kept(self, style: _Style) -> list[int]:
        return [
            i
            for i, c in enumerate(self.columns)
            if not (style.drop_optional and c.optional)
            and not (style.drop_empty and self.rows and not any(self._cells(i)))
        ]

    def _header(self, i: int, style: _Style) -> str:
        c = self.columns[i]
        return (c.short or c.header) if style.short_headers else c.header

    def _fixed_width(self, i: int, style: _Style) -> int:
        return max(_longest_line(self._cells(i)), _longest_word(self._header(i, style)), 1)

    def _text_bounds(self, i: int, style: _Style, roomy: bool = True) -> tuple[int, int]:
        """(narrowest, natural) width of a text column.

        Roomy: at least :data:`TEXT_MIN` (or its natural width); else as narrow as its
        longest word, up to :data:`TEXT_TIGHT` (longer words fold). Never narrower than a
        word of its header.
        """
        header = self._header(i, style)
        natural = max(_longest_line(self._cells(i)), len(header), 1)
        floor = TEXT_MIN if roomy else max(_longest_word(c) for c in ("", *self._cells(i)))
        narrowest = max(
            min(natural, floor, TEXT_MIN if roomy else TEXT_TIGHT), _longest_word(header)
        )
        return narrowest, natural

    def _cells(self, i: int) -> Iterator[str]:
        return (cells[i] for cells, _ in self.rows)

    def _widths(self, style: _Style, max_width: int, roomy: bool) -> list[int] | None:
        kept = self._kept(style)
        room = max_width - style.chrome(len(kept))
        fixed = {i: self._fixed_width(i, style) for i in kept if self.columns[i].kind != "text"}
        bounds = {
            i: self._text_bounds(i, style, roomy) for i in kept if self.columns[i].kind == "text"
        }
        if sum(fixed.values()) + sum(lo for lo, _ in bounds.values()) > room:
            return None
        text = {i: lo for i, (lo, _) in bounds.items()}
        # First every column up to its longest word (so that words are not folded), then
        # towards its natural width.
        words = {i: min(hi, max(lo, self._longest_cell_word(i))) for i, (lo, hi) in bounds.items()}
        _share(text, words, room - sum(fixed.values()))
        _share(text, {i: hi for i, (_, hi) in bounds.items()}, room - sum(fixed.values()))
        return [fixed[i] if i in fixed else text[i] for i in kept]

    def _longest_cell_word(self, i: int) -> int:
        return min(max((_longest_word(c) for c in self._cells(i)), default=0), TEXT_MIN + 4)

    def _squeezed(self, style: _Style, max_width: int) -> list[int]:
        """Narrower than any layout allows: fixed columns stay whole, text columns fold."""
        kept = self._kept(style)
        room = max_width - style.chrome(len(kept))
        fixed = {i: self._fixed_width(i, style) for i in kept if self.columns[i].kind != "text"}
        text_cols = [i for i in kept if i not in fixed]
        left = max(room - sum(fixed.values()), len(text_cols))
        text = {i: min(self._text_bounds(i, style)[1], 4) for i in text_cols}
        _share(text, {i: self._text_bounds(i, style)[1] for i in text_cols}, left)
        return [fixed[i] if i in fixed else text[i] for i in kept]

    # -- rendering ---------------------------------------------------------------------------

    def to_table(self, max_width: int) -> Table:
        """The Rich table laid out for ``max_width`` columns."""
        style, widths = self.layout(max_width)
        kept = self._kept(style)
        caption = self.caption or ""
        dropped = [
            self.columns[i].header
            for i in range(len(self.columns))
            if i not in kept and any(self._cells(i))
        ]
        if dropped:
            note = (
                f"Left out at this width: {', '.join(dropped)} (widen the terminal, "
                "pass --width, or use --format csv)."
            )
            caption = f"{caption}\n{note}" if caption else note
        shorts = [
            f"{c.short} = {c.header}"
            for i, c in enumerate(self.columns)
            if i in kept and style.short_headers and c.short and c.short != c.header
        ]
        if shorts:
            legend = "; ".join(shorts) + "."
            caption = f"{caption}\n{legend}" if caption else legend
        table = Table(
            title=Text(self.title, style="table.title"),
            caption=Text(caption, style="table.caption") if caption else None,
            caption_justify="left",
            box=style.box,
            show_edge=style.edge,
            pad_edge=style.edge,
            padding=(0, 1) if style.gap > 1 else (0, 0),
            collapse_padding=not style.edge,
        )
        for i, w in zip(kept, widths, strict=True):
            c = self.columns[i]
            table.add_column(
                self._header(i, style),
                justify="right" if c.kind == "number" else "left",
                width=w,
                overflow="fold",
            )
        for cells, end_section in self.rows:
            table.add_row(*(Text(cells[i]) for i in kept), end_section=end_section)
        return table


def _share(widths: dict[int, int], natural: dict[int, int], room: int) -> None:
    """Grow ``widths`` towards ``natural`` one column at a time, widest need first, within
    ``room`` in all."""
    left = room - sum(widths.values())
    while left > 0:
        wanting = [i for i in widths if widths[i] < natural[i]]
        if not wanting:
            return
        # The column furthest from its natural width gets the next column of room.
        i = max(wanting, key=lambda j: (natural[j] - widths[j], -j))
        widths[i] += 1
        left -= 1


def _longest_line(cells: Iterable[str]) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for cell in cells for line in cell.split("\n")), default=0)


def _longest_word(s: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(w) for w in s.split()), default=0)
