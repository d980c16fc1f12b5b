"""The flat tables of an export, derived from the record declarations.

One table per kind, named as the kind (``case_count``, ``phone``, …), and a
``documents`` table for the ``document`` records. Every column comes from a
declared field (:data:`kommunetekst.records.ENVELOPE`, an extractor's ``INFO``,
:data:`kommunetekst.records.DOCUMENT`), so a new field or kind needs no change here:

- ``kind`` is the table's name, not a column;
- a ``span`` field becomes two integer columns, ``<name>_start`` and ``<name>_end``
  (the envelope's ``span`` gives ``span_start`` and ``span_end``);
- every other field is one column of its declared type: ``string`` as text,
  ``integer`` as integer, ``number`` as a float, ``date`` as an ISO date.

A kind's table starts with the envelope (``doc``, ``line``, ``span_start``,
``span_end``, ``text``, ``date``, ``section``), then the kind's fields in declaration order.
The ``documents`` table has ``doc`` and the document record's own fields
(``schema``, ``sha256``, ``encoding``, ``chars``, ``lines``); ``doc`` is its key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..records import DOCUMENT, ENVELOPE, ExtractorInfo, Field

#: The value type of a column: a field's type, with a span's two halves as integers.
ColumnType = Literal["string", "integer", "number", "date"]

DOCUMENTS = "documents"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: where its value comes from in a record, and its type."""

    name: str
    type: ColumnType
    field: str  # the record field it is read from
    part: int | None = None  # for a span field: 0 for its start, 1 for its end


@dataclass(frozen=True, slots=True)
class Table:
    """One table of an export: the kind whose records it holds, and its columns in order."""

    name: str
    kind: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def row(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record as a row of this table: one value per column, None where the record
        has no value; fields the table does not declare are left out.

        >>> t = kind_table(DOCUMENT)
        >>> t.row({"kind": "document", "doc": "a.txt", "schema": 1, "sha256": "ab"})["sha256"]
        'ab'
        """
        return dict(zip(self.column_names, self.values(record), strict=True))

    def values(self, record: dict[str, Any]) -> tuple[Any, ...]:
        """The record's values in the order of :attr:`columns` (see :meth:`row`)."""
        get = record.get
        out = []
        for c in self.columns:
            value = get(c.field)
            if c.part is not None:
                value = value[c.part] if isinstance(value, list) and len(value) == 2 else None
            out.append(value)
        return tuple(out)


def _columns(fields: Iterable[Field]) -> list[Column]:
    out: list[Column] = []
    for f in fields:
        if f.type == "span":
            out.append(Column(f"{f.name}_start", "integer", f.name, 0))
            out.append(Column(f"{f.name}_end", "integer", f.name, 1))
        else:
            out.append(Column(f.name, f.type, f.name))
    return out


def kind_table(info: ExtractorInfo) -> Table:
    """The table of a kind's records (or, for :data:`~kommunetekst.records.DOCUMENT`, of the
    documents).

    >>> from kommunetekst.registry import get_extractor
    >>> kind_table(get_extractor("phone").INFO).column_names  # doctest: +ELLIPSIS
    ['doc', 'line', 'span_start', 'span_end', 'text', 'date', 'section', 'number', 'display', ...]

    Raises:
        ValueError: when a field's column would take a name the envelope's columns have.
    """
    envelope = [f for f in ENVELOPE if f.name != "kind"]
    if info.kind == DOCUMENT.kind:
        envelope = [f for f in envelope if f.name == "doc"]
    head = _columns(envelope)
    own = _columns(info.record_fields)
    taken = {c.name for c in head}
    for c in own:
        if c.name in taken:
            raise ValueError(f"{info.kind}: field {c.field!r} gives a column {c.name!r} twice")
        taken.add(c.name)
    name = DOCUMENTS if info.kind == DOCUMENT.kind else info.kind
    return Table(name, info.kind, tuple(head + own))


def export_tables(kinds: Sequence[str] | None = None) -> tuple[Table, ...]:
    """The ``documents`` table, then one table per registered kind (or per kind in ``kinds``),
    in registry order.

    >>> [t.name for t in export_tables(["phone", "email"])]
    ['documents', 'email', 'phone']
    """
    from ..registry import all_info

    infos = [i for i in all_info() if kinds is None or i.kind in kinds]
    return (kind_table(DOCUMENT), *(kind_table(i) for i in infos))
