"""Records into an SQLite database, one typed table per kind, with sqlite-utils.

Each table of :mod:`kommunetekst.export.tables` becomes an SQLite table with
typed columns (``INTEGER``, ``REAL``, ``TEXT``; dates as ISO text). A kind's
table has an index on ``doc`` and one on ``date``, and its ``doc`` is a foreign
key to ``documents.doc``. The tables are made when missing; a table made by an
older version gets the columns it lacks.

A document is known by its ``doc``. Its rows from an earlier export into the
same database are deleted when it comes again, in every table written now, so
exporting twice into one file replaces a document's rows instead of
duplicating them. Within one stream, a second ``document`` record with the
same ``doc`` (two texts both read from stdin, ``-``) replaces the first one's
rows too, with a warning.

Records of kinds without a table (from a newer version, or left out with
``kinds``) and fields no declaration names are not written; each is counted
and said once in :attr:`ExportStats.warnings`.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import KommunetekstError
from ..records import DOCUMENT, ENVELOPE
from .tables import DOCUMENTS, ColumnType, Table

if TYPE_CHECKING:
    import sqlite_utils

#: The SQLite type of each column type. ISO dates sort and compare as text.
SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
}

_BATCH = 2000  # rows per INSERT batch


class ExportError(KommunetekstError):
    """A record that cannot be written (an integer beyond SQLite's 64 bits)."""


@dataclass
class ExportStats:
    """What an export wrote: rows per table, and sentences for what it left out."""

    rows: dict[str, int] = field(default_factory=dict)  # table name -> rows written
    documents: int = 0  # documents written (rows of the documents table)
    warnings: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Rows written to the kinds' tables (the ``documents`` table not counted)."""
        return sum(n for name, n in self.rows.items() if name != DOCUMENTS)


def prepare_tables(db: sqlite_utils.Database, tables: Sequence[Table]) -> None:
    """Create the tables that are missing, add the columns an older table lacks, and
    index every kind's table on ``doc`` and ``date``."""
    for t in tables:
        table = db.table(t.name)
        types = {c.name: SQL_TYPES[c.type] for c in t.columns}
        if not table.exists():
            if t.name == DOCUMENTS:
                table.create(types, pk="doc")
            else:
                table.create(types, not_null=["doc"], foreign_keys=[("doc", DOCUMENTS, "doc")])
        else:
            have = set(table.columns_dict)
            for name, sql_type in types.items():
                if name not in have:
                    table.add_column(name, sql_type)
        if t.name != DOCUMENTS:
            table.create_index(["doc"], if_not_exists=True)
            table.create_index(["date"], if_not_exists=True)


class SqliteExport:
    """Writes a stream of records into ``db`` (see the module's docstring for the rules).

    Args:
        db: an open database; the caller closes it.
        tables: the tables to write, ``documents`` first (:func:`~.tables.export_tables`).
        on_progress: called with ``(documents, records)`` written so far, once per document.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        tables: Sequence[Table],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.db = db
        self.tables = tables
        self.by_kind = {t.kind: t for t in tables}
        self.by_name = {t.name: t for t in tables}
        self.on_progress = on_progress
        self.stats = ExportStats(rows={t.name: 0 for t in tables})
        self._pending: dict[str, list[tuple[Any, ...]]] = collections.defaultdict(list)
        self._insert = {t.name: _insert_sql(t) for t in tables}
        self._replace_document = _insert_sql(self.by_name[DOCUMENTS], "INSERT OR REPLACE")
        self._old_docs: set[str] = set()  # docs with rows from an earlier export

    def write(self, records: Iterable[dict[str, Any]]) -> ExportStats:
        """Write every record; returns what was written."""
        db = self.db
        # A fresh temporary file that replaces the output only when complete (the CLI's
        # job): a crash halfway loses the file anyway, so SQLite need not sync or journal
        # to disk on every commit.
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA journal_mode = MEMORY")
        prepare_tables(db, self.tables)
        self._old_docs = self._docs_in_database()
        seen: set[str] = set()  # docs met in this stream
        documented: set[str] = set()  # ... with their document record
        unknown: collections.Counter[str] = collections.Counter()
        undeclared: collections.Counter[tuple[str, str]] = collections.Counter()
        declared = {t.kind: _field_names(t) for t in self.tables}
        stats = self.stats
        pending = self._pending
        for r in records:
            kind, doc = r["kind"], r["doc"]
            if doc not in seen:
                seen.add(doc)
                if doc in self._old_docs:
                    self._delete(doc, written_now=False)
                if kind != DOCUMENT.kind:  # records with no document record before them
                    db.conn.execute(f"INSERT OR IGNORE INTO [{DOCUMENTS}] (doc) VALUES (?)", [doc])
            table = self.by_kind.get(kind)
            if table is None:
                unknown[kind] += 1
                continue
            names = declared[kind]
            for name in r:
                if name not in names:
                    undeclared[kind, name] += 1
            row = table.values(r)
            if kind == DOCUMENT.kind:
                if doc in documented:
                    stats.warnings.append(
                        f"two documents are both called {doc!r}; the later one replaces the "
                        "earlier one's rows (give each input a name: extract FILE, not stdin)."
                    )
                    self._flush()
                    self._delete(doc, written_now=True)
                documented.add(doc)
                try:
                    db.conn.execute(self._replace_document, row)
                except OverflowError:
                    raise ExportError(_too_big(table, [row])) from None
                if self.on_progress is not None:
                    self.on_progress(len(seen), stats.records + self._pending_count())
                continue
            rows = pending[table.name]
            rows.append(row)
            if len(rows) >= _BATCH:
                self._flush_table(table.name)
        self._flush()
        db.conn.commit()
        stats.documents = stats.rows[DOCUMENTS] = len(seen)
        for kind, n in sorted(unknown.items()):
            stats.warnings.append(
                f"{n} {kind} record{'s were' if n != 1 else ' was'} left out: this version of "
                f"kommunetekst has no table for {kind!r} (or --only left it out)."
            )
        for (kind, name), n in sorted(undeclared.items()):
            stats.warnings.append(
                f"field {name!r} of {n} {kind} record{'s' if n != 1 else ''} was left out: "
                "this version of kommunetekst does not declare it."
            )
        return stats

    def _docs_in_database(self) -> set[str]:
        """The docs that already have rows in the tables written now."""
        docs: set[str] = set()
        for t in self.tables:
            docs.update(row[0] for row in self.db.execute(f"SELECT DISTINCT doc FROM [{t.name}]"))
        return docs

    def _delete(self, doc: str, written_now: bool) -> None:
        """Delete the rows of ``doc`` from every table written now; ``written_now``: they
        were written by this export (and no longer count), not by an earlier one."""
        for t in self.tables:
            deleted = self.db.conn.execute(f"DELETE FROM [{t.name}] WHERE doc = ?", [doc]).rowcount
            if written_now and t.name != DOCUMENTS:
                self.stats.rows[t.name] -= deleted
        self._old_docs.discard(doc)

    def _pending_count(self) -> int:
        return sum(len(rows) for rows in self._pending.values())

    def _flush(self) -> None:
        for name in list(self._pending):
            self._flush_table(name)

    def _flush_table(self, name: str) -> None:
        rows = self._pending.pop(name, [])
        if rows:
            try:
                self.db.conn.executemany(self._insert[name], rows)
            except OverflowError:
                raise ExportError(_too_big(self.by_name[name], rows)) from None
            self.stats.rows[name] += len(rows)


def _insert_sql(t: Table, verb: str = "INSERT") -> str:
    """``INSERT INTO [t] ([c1], …) VALUES (?, …)``. Rows go in as tuples with executemany:
    sqlite-utils makes the tables, but its ``insert_all`` looks at every value and took
    three times as long as the whole rest of an export."""
    columns = ", ".join(f"[{name}]" for name in t.column_names)
    marks = ", ".join("?" for _ in t.columns)
    return f"{verb} INTO [{t.name}] ({columns}) VALUES ({marks})"


def _too_big(table: Table, rows: list[tuple[Any, ...]]) -> str:
    """Which value of ``rows`` does not fit SQLite's 64-bit integers, as a sentence."""
    for row in rows:
        for column, value in zip(table.column_names, row, strict=True):
            if isinstance(value, int) and not -(2**63) <= value < 2**63:
                return (
                    f"{row[0]}:{row[1]}: {table.name} field {column!r} is {value}, "
                    "beyond SQLite's 64-bit integers; fix the record or leave it out."
                )
    return f"a {table.name} value is beyond SQLite's 64-bit integers"


def _field_names(t: Table) -> frozenset[str]:
    """The record fields a table's kind declares, the envelope's included."""
    return frozenset(f.name for f in ENVELOPE) | {c.field for c in t.columns}
