"""The tables of an SQLite export as files: ``<table>.csv``/``.tsv`` or ``<table>.parquet``.

The folder formats are written from an SQLite export of the same records
(:mod:`kommunetekst.export.sqlite`), so every format has the same tables,
columns, order of rows (the order of the input) and rules for repeated documents.

- CSV and TSV: UTF-8, a header row with the column names, then one row per
  record; ``NULL`` is an empty cell, numbers are written as Python writes them
  (``67.9``; a ``REAL`` column holds ``12.0`` for twelve), dates as ISO text.
  A cell with the delimiter, a quote or a line break is quoted, as the csv module
  and sqlite-utils do.
- Parquet (needs pyarrow, the ``[parquet]`` extra): one file per table with a
  schema of ``string``, ``int64``, ``double`` and ``date32`` columns.
"""

from __future__ import annotations

import csv
import datetime as _dt
import os
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .tables import Column, ColumnType, Table

if TYPE_CHECKING:
    import pyarrow as pa

_CHUNK = 20_000  # rows read from SQLite at a time


def _rows(conn: sqlite3.Connection, table: Table) -> Iterator[list[tuple[Any, ...]]]:
    """The table's rows in the order they were written, in chunks."""
    columns = ", ".join(f"[{name}]" for name in table.column_names)
    cursor = conn.execute(f"SELECT {columns} FROM [{table.name}] ORDER BY rowid")
    while chunk := cursor.fetchmany(_CHUNK):
        yield chunk


def write_delimited(
    conn: sqlite3.Connection, tables: Sequence[Table], folder: str, delimiter: str = ","
) -> list[str]:
    """``<table>.csv`` (or ``.tsv`` with a tab ``delimiter``) per table in ``folder``.

    Returns the paths written.
    """
    suffix = ".tsv" if delimiter == "\t" else ".csv"
    paths = []
    for table in tables:
        path = os.path.join(folder, table.name + suffix)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
            writer.writerow(table.column_names)
            for chunk in _rows(conn, table):
                writer.writerows(chunk)
        paths.append(path)
    return paths


def arrow_schema(table: Table) -> pa.Schema:
    """The Parquet schema of a table; ``doc`` is never null.

    Raises:
        ImportError: without pyarrow.
    """
    import pyarrow as pa

    types: dict[ColumnType, pa.DataType] = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
    }
    return pa.schema(
        [pa.field(c.name, types[c.type], nullable=c.name != "doc") for c in table.columns]
    )


def write_parquet(conn: sqlite3.Connection, tables: Sequence[Table], folder: str) -> list[str]:
    """``<table>.parquet`` per table in ``folder``; returns the paths written.

    Raises:
        ImportError: without pyarrow.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    for table in tables:
        schema = arrow_schema(table)
        path = os.path.join(folder, table.name + ".parquet")
        with pq.ParquetWriter(path, schema) as writer:
            wrote = False
            for chunk in _rows(conn, table):
                arrays = [
                    pa.array(_values(chunk, i, c), type=schema.field(i).type)
                    for i, c in enumerate(table.columns)
                ]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
        paths.append(path)
    return paths


def _values(chunk: list[tuple[Any, ...]], i: int, column: Column) -> list[Any]:
    values = [row[i] for row in chunk]
    if column.type == "date":
        return [None if v is None else _dt.date.fromisoformat(v) for v in values]
    if column.type == "number":  # SQLite's REAL affinity keeps a whole 12 as 12.0; to be sure
        return [None if v is None else float(v) for v in values]
    return values
