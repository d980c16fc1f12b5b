"""Rich helpers shared by the report builders: every cell is plain text, never markup.

Record values come from municipal texts and may hold ``[...]``; as ``Text`` they
print as written whatever the console's markup setting is.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text


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
    table.add_row(
        *(
            Text(_bounded(c)) if isinstance(c, str) else (Text("") if c is None else c)
            for c in cells
        ),
        end_section=end_section,
    )


def _bounded(cell: str) -> str:
    return cell if len(cell) <= CELL_MAX else cell[: CELL_MAX - 1] + "…"
