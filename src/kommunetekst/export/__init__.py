"""Records as typed, flat tables: an SQLite database, or a folder of CSV, TSV or Parquet files.

One table per kind (``case_count``, ``phone``, …) and a ``documents`` table; their
columns and types come from the record declarations (see
:mod:`kommunetekst.export.tables`). SQLite is written with sqlite-utils
(:mod:`kommunetekst.export.sqlite`); the folder formats are written from an
SQLite export of the same records (:mod:`kommunetekst.export.files`), so all
formats hold the same rows.

:func:`export_records` writes to the path it is given; making that atomic (a
temporary file or folder renamed when complete) is the caller's job, as the
``export`` command does.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from .sqlite import ExportStats, SqliteExport
from .tables import Column, Table, export_tables

Format = Literal["sqlite", "csv", "tsv", "parquet"]
FORMATS: tuple[Format, ...] = ("sqlite", "csv", "tsv", "parquet")

#: The name of the SQLite file a folder export is built from; removed when done.
STAGING = ".staging.sqlite"

__all__ = [
    "FORMATS",
    "Column",
    "ExportStats",
    "Format",
    "Table",
    "export_records",
    "export_tables",
]


def export_records(
    records: Iterable[dict[str, Any]],
    path: str,
    fmt: Format = "sqlite",
    kinds: Sequence[str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ExportStats:
    """Write ``records`` as tables: ``documents``, and one per kind (or per kind in ``kinds``).

    Args:
        records: records as ``extract`` writes them (``document`` records first in each document).
        path: for ``sqlite``, the database file (made, or added to: a document exported
            again replaces its rows); for the others, an existing empty folder.
        fmt: one of :data:`FORMATS`.
        kinds: the kinds to make tables for; records of other kinds are left out.
        on_progress: called with ``(documents, records)`` written so far, once per document.

    Raises:
        ImportError: for ``parquet`` without pyarrow (checked before any record is read).
    """
    import sqlite_utils

    tables = export_tables(kinds)
    if fmt == "parquet":
        import pyarrow  # noqa: F401  (fail before the work, not after it)
    db_path = path if fmt == "sqlite" else os.path.join(path, STAGING)
    db = sqlite_utils.Database(db_path)
    try:
        stats = SqliteExport(db, tables, on_progress).write(records)
        if fmt == "csv" or fmt == "tsv":
            from .files import write_delimited

            write_delimited(db.conn, tables, path, "\t" if fmt == "tsv" else ",")
        elif fmt == "parquet":
            from .files import write_parquet

            write_parquet(db.conn, tables, path)
    finally:
        db.close()
        if fmt != "sqlite":
            with contextlib.suppress(FileNotFoundError):
                os.unlink(db_path)
    return stats
