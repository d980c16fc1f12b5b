"""The ``phones`` report: one row per distinct phone number.

Each row gives the ``number`` as the records give it (E.164, ``+4767509494``; short
numbers as digits), its ``display``: the number written the Norwegian way
(``67 50 94 94``: 2-2-2-2 for 8-digit numbers; short numbers as their digits were
written, ``116 111``), its ``type``, every ``label`` seen (``labels``, in order of first
appearance), how often it occurs, in which documents (``docs``), and the first ``date``
it appears under (``first_date``). Rows are sorted by occurrences (most first), then by
the number as displayed (``113`` before ``66 70 00 00``). The field names are the
records' own (plural where a row gathers several).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..textutil import fold_whitespace
from .filters import Filters
from .schema import Record, doc_names

if TYPE_CHECKING:
    from ._render import FitTable

#: The kinds this report reads.
KINDS = frozenset({"phone"})


@dataclass(frozen=True, slots=True)
class PhoneRow:
    number: str  # as the records give it: E.164 or short digits
    display: str  # written the Norwegian way
    type: str | None
    labels: tuple[str, ...]
    occurrences: int
    docs: tuple[str, ...]
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


def collect_phones(records: Iterable[Record], filters: Filters | None = None) -> list[PhoneRow]:
    """One row per distinct ``number`` of the ``phone`` records (those ``filters`` keep:
    ``--since``/``--until`` and ``--doc`` apply to each occurrence)."""
    groups: dict[str, list[Record]] = {}
    for r in records:
        if (
            r.get("kind") == "phone"
            and r.get("number")
            and (filters is None or filters.keep(doc=r["doc"], date=r.get("date")))
        ):
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
                display=format_number(
                    number, next((r.get("display") for r in recs if r.get("display")), None)
                ),
                type=", ".join(types) or None,
                labels=tuple(labels.values()),
                occurrences=len(recs),
                docs=tuple(dict.fromkeys(r["doc"] for r in recs)),
                first_date=min(dates) if dates else None,
            )
        )
    rows.sort(key=lambda p: (-p.occurrences, p.display, p.number))
    return rows


PHONE_FIELDS = ("number", "display", "type", "labels", "occurrences", "docs", "first_date")


def phones_as_dicts(rows: list[PhoneRow]) -> list[dict[str, Any]]:
    """The rows as flat dicts (keys :data:`PHONE_FIELDS`); ``labels``, ``docs`` are lists."""
    return [
        {
            "number": p.number,
            "display": p.display,
            "type": p.type,
            "labels": list(p.labels),
            "occurrences": p.occurrences,
            "docs": list(p.docs),
            "first_date": p.first_date,
        }
        for p in rows
    ]


def build_phones_table(rows: list[PhoneRow]) -> FitTable:
    """The phone numbers as a table that fits the terminal; documents by their shortest
    unique path (one document: named in the caption)."""
    from ._render import Column, FitTable

    docs = list(dict.fromkeys(d for p in rows for d in p.docs))
    names = doc_names(docs)
    single = len(docs) == 1
    where = docs[0] if single else f"{len(docs)} documents"
    columns = [
        Column("Number", "code"),
        Column("Type", "code"),
        Column("Labels"),
        Column("Occurrences", "number", short="Seen"),
    ]
    if not single:
        columns.append(Column("Docs"))
    columns.append(Column("First date", "code"))
    table = FitTable("Phone numbers", columns, f"{len(rows)} numbers in {where}")
    for p in rows:
        cells = [p.display, p.type or "", "\n".join(p.labels), str(p.occurrences)]
        if not single:
            cells.append("\n".join(names[d] for d in p.docs))
        cells.append(p.first_date or "")
        table.add_row(*cells)
    return table
