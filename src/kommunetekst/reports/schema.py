"""What the reports expect of a record read back from JSONL, and small shared helpers.

A record is valid for the reports when it is a JSON object whose fields have
the types their declaration gives them: the envelope's in
:data:`kommunetekst.records.ENVELOPE`, a kind's in its extractor's ``INFO``
(and the ``document`` record's in :data:`kommunetekst.records.DOCUMENT`):
``value`` of a ``case_count`` an int, ``date`` an ISO date or null, ``span`` two
integers, and so on. A field may be missing or null (an older or trimmed
record), except the few in :data:`REQUIRED`, without which a report cannot
place the record. A whole-number float is read as the integer it is (``85.0``:
pandas and DuckDB write integers back so). Unknown kinds (of a newer version)
have their envelope checked; unknown fields are ignored.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise
from typing import Any

from ..records import DOCUMENT, ENVELOPE, PAGE, Field, fits

Record = dict[str, Any]

#: The fields the reports cannot do without, per kind: a record that lacks one is refused.
REQUIRED: dict[str, tuple[str, ...]] = {
    "case_count": ("metric", "value"),
    "phone": ("number",),
    "percentage": ("value",),
    "bullet": ("item",),
}

_EXPECTED = {
    "string": "a string",
    "integer": "an int",
    "number": "a number",
    "date": "an ISO date (YYYY-MM-DD) or null",
    "span": "[start, end] (two ints) or null",
}


def check_record(obj: object) -> str | None:
    """Why ``obj`` is not a record the reports can read, or None when it is.

    >>> check_record({"kind": "phone", "doc": "a.txt", "line": 3, "number": "113"}) is None
    True
    >>> check_record({"kind": "case_count", "doc": "a.txt", "metric": "total", "value": "12"})
    'case_count field "value" is a str, expected an int'
    >>> check_record({"kind": "quote", "doc": "a.txt", "who": ["x"]}) is None  # unknown kinds pass
    True
    >>> check_record([1, 2])
    'expected a JSON object, found a list'

    A whole number written as a float where an integer is expected (``"value": 85.0``, as
    pandas and DuckDB write integers back) is accepted, and replaced by the int in ``obj``:

    >>> r = {"kind": "case_count", "doc": "a.txt", "line": 4.0, "metric": "total", "value": 85.0}
    >>> check_record(r), r["line"], r["value"]
    (None, 4, 85)
    """
    if not isinstance(obj, dict):
        return f"expected a JSON object, found {_a_type(obj)}"
    kind = obj.get("kind")
    if not isinstance(kind, str) or not kind:
        return 'not a kommunetekst record (no "kind")'
    if not isinstance(obj.get("doc"), str):
        return f'{kind} record without a "doc" path'
    get = obj.get
    for f, of_kind in _fields_of(kind):
        value = get(f.name)
        if value is None:
            if of_kind and f.name in REQUIRED.get(kind, ()):
                return f'{kind} record without "{f.name}"'
        elif not fits(value, f.type):
            whole = _as_whole(value, f)
            if whole is None:
                where = f"{kind} " if of_kind else ""
                return f'{where}field "{f.name}" {_why_not(value, f)}'
            obj[f.name] = whole
    return None


def _as_whole(value: object, f: Field) -> int | list[int] | None:
    """``value`` with its whole-number floats as ints, when that makes it fit ``f``
    (``85.0`` for an integer, ``[3.0, 9.0]`` for a span); else None.

    >>> value, span = Field("value", "integer", False), Field("span", "span", True)
    >>> _as_whole(85.0, value), _as_whole(8.5, value), _as_whole([3.0, 9.0], span)
    (85, None, [3, 9])
    """
    if f.type == "integer" and isinstance(value, float) and _is_whole(value):
        return int(value)
    if (
        f.type == "span"
        and isinstance(value, list)
        and len(value) == 2
        and all(type(v) is int or _is_whole(v) for v in value)
    ):
        return [int(v) for v in value]
    return None


def _is_whole(value: object) -> bool:
    """A float that is exactly a whole number: beyond 2**53 a float is not exact (a JSON
    parser turns a 30-digit integer into one), so that is no integer to trust.

    >>> _is_whole(85.0), _is_whole(0.5), _is_whole(1.2345678901234568e29)
    (True, False, False)
    """
    return type(value) is float and value.is_integer() and abs(value) <= 2**53


@cache
def _fields_of(kind: str) -> tuple[tuple[Field, bool], ...]:
    """The fields to check in a record of ``kind``, each with whether it is the kind's own
    (not the envelope's). Unknown kinds: the envelope only; ``kind`` and ``doc`` are apart."""
    from ..registry import all_info

    declared = {info.kind: info.record_fields for info in (DOCUMENT, *all_info())}
    envelope = tuple((f, False) for f in (*ENVELOPE[2:], PAGE))
    return envelope + tuple((f, True) for f in declared.get(kind, ()))


def _why_not(value: object, f: Field) -> str:
    """Why ``value`` does not fit ``f``: ``is a str, expected an int``."""
    if f.type == "date" and isinstance(value, str):
        return f"is {value!r}, expected {_EXPECTED['date']}"
    return f"is {_a_type(value)}, expected {_EXPECTED[f.type]}"


def _a_type(value: object) -> str:
    """``a str``, ``an object``: the JSON value's type as the messages name it."""
    names = {dict: "an object", list: "a list", str: "a str", int: "an int", float: "a float"}
    return names.get(type(value), "a bool" if isinstance(value, bool) else "a value")


def unique_records(records: Iterable[Record]) -> Iterator[Record]:
    """The records, each document once: a document read twice (as text and as JSONL) counts once.

    A document is known by its ``document`` record's ``doc`` and ``sha256``; when
    one comes again, its records are left out up to the next ``document`` record.
    Memory follows the number of documents, not of records. Records without a
    ``document`` record before them (a trimmed or hand-made stream) are compared
    one by one instead: same kind, doc, span and text.
    """
    seen_docs: set[tuple[Any, Any]] = set()
    seen_records: set[tuple[Any, ...]] = set()
    current: Any = None  # the doc of the last document record
    repeated = False  # ... which came before
    for r in records:
        doc = r.get("doc")
        if r.get("kind") == "document":
            key = (doc, r.get("sha256"))
            current, repeated = doc, key in seen_docs
            seen_docs.add(key)
        elif doc != current:
            span = r.get("span")
            rkey = (r.get("kind"), doc, tuple(span) if span else None, r.get("text"))
            if rkey in seen_records:
                continue
            seen_records.add(rkey)
            yield r
            continue
        if not repeated:
            yield r


def source_ref(doc: str, line: int | None) -> str:
    """``doc:line`` as compilers print it.

    >>> source_ref("seeds/000.txt", 45)
    'seeds/000.txt:45'
    """
    return doc if line is None else f"{doc}:{line}"


def short_doc(doc: str) -> str:
    """The file name of a ``doc`` path, for narrow tables.

    >>> short_doc("seeds/000_2a804514763a8fcf.txt")
    '000_2a804514763a8fcf.txt'
    """
    return doc.replace("\\", "/").rsplit("/", 1)[-1] or doc


def doc_names(docs: Iterable[str]) -> dict[str, str]:
    """Each document's shortest unique path: its file name, with as many folders in front
    as it takes to tell it from the others.

    >>> names = doc_names(["baerum/logg.txt", "asker/logg.txt", "asker/info.txt"])
    >>> list(names.values())
    ['baerum/logg.txt', 'asker/logg.txt', 'info.txt']
    >>> doc_names(["a/x/logg.txt", "b/x/logg.txt"])["a/x/logg.txt"]
    'a/x/logg.txt'
    >>> doc_names(["seeds/000.txt"])
    {'seeds/000.txt': '000.txt'}
    """
    unique = list(dict.fromkeys(docs))
    parts = {d: [p for p in d.replace("\\", "/").split("/") if p] or [d] for d in unique}
    names = {}
    for d in unique:
        for k in range(1, len(parts[d]) + 1):
            tail = parts[d][-k:]
            if not any(e != d and parts[e][-k:] == tail for e in unique):
                names[d] = "/".join(tail)
                break
        else:  # one path is the tail of another ("logg.txt" and "a/logg.txt"): show it whole
            names[d] = d
    return names


def compact_lines(
    doc_lines: Iterable[tuple[str, int | None]],
    single_doc: bool,
    names: dict[str, str] | None = None,
) -> str:
    """Source lines for a table cell: ``69, 73`` for one document, else ``a.txt:69, b.txt:3``
    (each document by ``names[doc]``, its shortest unique path; else its file name).

    >>> compact_lines([("a.txt", 73), ("a.txt", 69), ("a.txt", 69)], True)
    '69, 73'
    >>> compact_lines([("x/a.txt", 2), ("b.txt", 1)], False)
    'a.txt:2, b.txt:1'
    """
    pairs = list(dict.fromkeys(doc_lines))
    if single_doc:
        return ", ".join(str(n) for n in sorted({n for _, n in pairs if n is not None}))
    return ", ".join(
        source_ref(names[d] if names and d in names else short_doc(d), n) for d, n in pairs
    )


def is_newest_first(dates: list[_dt.date]) -> bool:
    """True when the dates step down more often than up (a newest-first log).

    >>> d = _dt.date
    >>> is_newest_first([d(2020, 3, 30), d(2020, 3, 27), d(2020, 3, 27), d(2020, 3, 26)])
    True
    >>> is_newest_first([d(2020, 3, 1), d(2020, 3, 2)]), is_newest_first([])
    (False, False)
    """
    down = sum(1 for a, b in pairwise(dates) if b < a)
    up = sum(1 for a, b in pairwise(dates) if b > a)
    return down > up
