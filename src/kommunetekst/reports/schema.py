"""What the reports expect of a record read back from JSONL, and small shared helpers.

A record is valid for the reports when it is a JSON object with a string
``kind`` and ``doc``, and the fields the reports use have the types SPEC §1-§2
give them (``value`` of a ``case_count`` an int, ``date`` an ISO date or null,
...). Fields may be missing (an older or trimmed record): they read as null.
Unknown kinds and unknown fields are accepted and ignored.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

Record = dict[str, Any]

_STR = (str,)
_INT = (int,)
_NUM = (int, float)

# kind -> ((field, allowed types, required), ...). ``bool`` is rejected where an int is asked.
_FIELDS: dict[str, tuple[tuple[str, tuple[type, ...], bool], ...]] = {
    "document": (("encoding", _STR, False), ("chars", _INT, False), ("lines", _INT, False)),
    "date_header": (("date_text", _STR, False), ("title", _STR, False), ("time", _STR, False)),
    "case_count": (
        ("metric", _STR, True),
        ("value", _INT, True),
        ("place", _STR, False),
        ("since", _STR, False),
        ("since_date", _STR, False),
    ),
    "phone": (
        ("number", _STR, True),
        ("display", _STR, False),
        ("type", _STR, False),
        ("label", _STR, False),
    ),
    "percentage": (("value", _NUM, True), ("unit", _STR, False), ("year", _INT, False)),
    "bullet": (
        ("item", _STR, True),
        ("heading", _STR, False),
        ("category", _STR, False),
        ("index", _INT, False),
    ),
}
_ISO_FIELDS = ("date", "since_date")


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
    """
    if not isinstance(obj, dict):
        return f"expected a JSON object, found a {_type_name(obj)}"
    kind = obj.get("kind")
    if not isinstance(kind, str) or not kind:
        return 'not a kommunetekst record (no "kind")'
    if not isinstance(obj.get("doc"), str):
        return f'{kind} record without a "doc" path'
    line = obj.get("line")
    if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
        return f'field "line" is a {_type_name(line)}, expected an int'
    for name, types, required in _FIELDS.get(kind, ()):
        value = obj.get(name)
        if value is None:
            if required:
                return f'{kind} record without "{name}"'
            continue
        if not isinstance(value, types) or isinstance(value, bool):
            expected = "a number" if types is _NUM else ("an int" if types is _INT else "a string")
            return f'{kind} field "{name}" is a {_type_name(value)}, expected {expected}'
    for name in _ISO_FIELDS:
        value = obj.get(name)
        if value is not None and parse_iso(value) is None:
            return f'field "{name}" is {value!r}, expected an ISO date (YYYY-MM-DD) or null'
    return None


def _type_name(value: object) -> str:
    return {dict: "object", list: "list", str: "str", int: "int", float: "float", bool: "bool"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def parse_iso(value: object) -> _dt.date | None:
    """An ISO date string as a date, else None.

    >>> parse_iso("2020-03-19"), parse_iso("19.03.20"), parse_iso(None)
    (datetime.date(2020, 3, 19), None, None)
    """
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def unique_records(records: Iterable[Record]) -> Iterator[Record]:
    """The records, each evidence once: a document read twice (as text and as JSONL) counts once.

    Two records are the same when kind, doc, span and text agree (``document``
    records: kind and doc).
    """
    seen: set[tuple[Any, ...]] = set()
    for r in records:
        span = r.get("span")
        key = (
            r.get("kind"),
            r.get("doc"),
            tuple(span) if isinstance(span, list) else span,
            r.get("text"),
        )
        if key in seen:
            continue
        seen.add(key)
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


def compact_lines(doc_lines: Iterable[tuple[str, int | None]], single_doc: bool) -> str:
    """Source lines for a table cell: ``69, 73`` for one document, else ``a.txt:69, b.txt:3``.

    >>> compact_lines([("a.txt", 73), ("a.txt", 69), ("a.txt", 69)], True)
    '69, 73'
    >>> compact_lines([("x/a.txt", 2), ("b.txt", 1)], False)
    'a.txt:2, b.txt:1'
    """
    pairs = list(dict.fromkeys(doc_lines))
    if single_doc:
        return ", ".join(str(n) for n in sorted({n for _, n in pairs if n is not None}))
    return ", ".join(source_ref(short_doc(d), n) for d, n in pairs)


def doc_order(records: Iterable[Record]) -> dict[str, int]:
    """Each ``doc`` by the order it first appears in."""
    order: dict[str, int] = {}
    for r in records:
        order.setdefault(r["doc"], len(order))
    return order


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
