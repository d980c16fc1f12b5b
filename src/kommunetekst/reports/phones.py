"""The ``phones`` report: one row per distinct phone number.

Each row gives the number the Norwegian way (``67 50 94 94``: 2-2-2-2 for
8-digit numbers; short numbers as their digits were written, ``116 111``), its
E.164 form, its type, every label seen (in order of first appearance), how
often it occurs, in which documents, and the first date it appears under.
Rows are sorted by occurrences (most first), then by the number as
formatted (``113`` before ``66 70 00 00``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..textutil import fold_whitespace
from .schema import Record, short_doc

if TYPE_CHECKING:
    from rich.table import Table

#: The kinds this report reads.
KINDS = frozenset({"phone"})


@dataclass(frozen=True, slots=True)
class PhoneRow:
    number: str  # as the records give it: E.164 or short digits
    formatted: str
    e164: str | None
    type: str | None
    labels: tuple[str, ...]
    occurrences: int
    documents: tuple[str, ...]
    first_date: str | None


def format_number(number: str, display: str | None = None) -> str:
    """A phone number written the Norwegian way.

    >>> format_number("+4767509494")
    '67 50 94 94'
    >>> format_number("+4780012345")
    '80 01 23 45'
    >>> format_number("116111", "116\u00a0111"), format_number("113")
    ('116 111', '113')
    >>> format_number("+4620123456")  # not Norwegian: left as E.164
    '+4620123456'
    """
    if number.startswith("+47") and len(number) == 11 and number[3:].isdigit():
        d = number[3:]
        return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
    if number.isdigit():
        written = fold_whitespace(display or "")
        if (
            written
            and "".join(c for c in written if c.isdigit()) == number
            and set(written) <= set("0123456789 ")
        ):
            return written
        return number
    return number


def collect_phones(records: Iterable[Record]) -> list[PhoneRow]:
    """One row per distinct ``number`` of the ``phone`` records."""
    groups: dict[str, list[Record]] = {}
    for r in records:
        if r.get("kind") == "phone" and r.get("number"):
            groups.setdefault(r["number"], []).append(r)
    rows = []
    for number, recs in groups.items():
        types = list(dict.fromkeys(r["type"] for r in recs if r.get("type")))
        labels: dict[str, str] = {}
        for r in recs:
            label = fold_whitespace(r.get("label") or "")
            if label:
                labels.setdefault(label.casefold(), label)
        dates = [r["date"] for r in recs if r.get("date")]
        rows.append(
            PhoneRow(
                number=number,
                formatted=format_number(
                    number, next((r.get("display") for r in recs if r.get("display")), None)
                ),
                e164=number if number.startswith("+") else None,
                type=", ".join(types) or None,
                labels=tuple(labels.values()),
                occurrences=len(recs),
                documents=tuple(dict.fromkeys(r["doc"] for r in recs)),
                first_date=min(dates) if dates else None,
            )
        )
    rows.sort(key=lambda p: (-p.occurrences, p.formatted, p.number))
    return rows


PHONE_FIELDS = (
    "number",
    "formatted",
    "e164",
    "type",
    "labels",
    "occurrences",
    "documents",
    "first_date",
)


def phones_as_dicts(rows: list[PhoneRow]) -> list[dict[str, Any]]:
    """The rows as flat dicts (keys :data:`PHONE_FIELDS`); ``labels``, ``documents`` are lists."""
    return [
        {
            "number": p.number,
            "formatted": p.formatted,
            "e164": p.e164,
            "type": p.type,
            "labels": list(p.labels),
            "occurrences": p.occurrences,
            "documents": list(p.documents),
            "first_date": p.first_date,
        }
        for p in rows
    ]


def build_phones_table(rows: list[PhoneRow]) -> Table:
    """The phone numbers as a Rich table."""
    from ._render import add_row, new_table

    docs = {d for p in rows for d in p.documents}
    table = new_table("Phone numbers", f"{len(rows)} numbers in {len(docs)} documents")
    table.add_column("Number", no_wrap=True)
    table.add_column("E.164", no_wrap=True)
    table.add_column("Type")
    table.add_column("Labels", overflow="fold", min_width=16)
    table.add_column("Seen", justify="right")
    table.add_column("Documents", overflow="fold")
    table.add_column("First date", no_wrap=True)
    for p in rows:
        add_row(
            table,
            p.formatted,
            p.e164 or "",
            p.type or "",
            "\n".join(p.labels),
            str(p.occurrences),
            "\n".join(short_doc(d) for d in p.documents),
            p.first_date or "",
        )
    return table
