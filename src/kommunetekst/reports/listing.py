"""The simpler reports: ``percentages``, ``bullets``/``decisions``, ``timeline`` and ``summary``.

- percentages: every ``percentage`` record in input order: value, unit, the
  year it is for, its date, its source line and its text.
- bullets: list items grouped by date (dated first, in date order; then the
  undated ones), each with the lead-in line of its list; ``category`` filters
  (``decisions`` = category ``decision``).
- timeline: every ``date_header`` in date order. Within one date, the entries
  of a newest-first log are turned round so the timeline reads oldest to
  newest. Headers without a known date are listed apart, as written.
- summary: per document, its encoding, size and records per kind, with the
  warnings met while reading the input.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import parse_date
from .schema import Record, compact_lines, is_newest_first, short_doc, source_ref

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

PERCENTAGE_KINDS = frozenset({"percentage"})
BULLET_KINDS = frozenset({"bullet"})
TIMELINE_KINDS = frozenset({"date_header"})


def _start(r: Record) -> int:
    span = r.get("span")
    return span[0] if isinstance(span, list) and span and isinstance(span[0], int) else 0


def _in_text_order(records: Iterable[Record], kind: str) -> list[Record]:
    """Records of one kind, by document (first-seen order), then line and offset."""
    chosen = [r for r in records if r.get("kind") == kind]
    docs: dict[str, int] = {}
    for r in chosen:
        docs.setdefault(r["doc"], len(docs))
    return sorted(chosen, key=lambda r: (docs[r["doc"]], r.get("line") or 0, _start(r)))


# -- percentages ---------------------------------------------------------------------------------

PERCENTAGE_FIELDS = ("value", "unit", "year", "date", "doc", "line", "text")


def collect_percentages(records: Iterable[Record]) -> list[dict[str, Any]]:
    """The ``percentage`` records as rows (keys :data:`PERCENTAGE_FIELDS`), in text order."""
    return [
        {
            "value": float(r["value"]),
            "unit": r.get("unit"),
            "year": r.get("year"),
            "date": r.get("date"),
            "doc": r["doc"],
            "line": r.get("line"),
            "text": r.get("text"),
        }
        for r in _in_text_order(records, "percentage")
    ]


def format_percentage(value: float, unit: str | None) -> str:
    """``67.9 %`` or ``3 pp`` (percentage points).

    >>> format_percentage(67.9, "percent"), format_percentage(70.0, None)
    ('67.9 %', '70 %')
    >>> format_percentage(3.0, "percentage_point")
    '3 pp'
    """
    return f"{value:g} {'pp' if unit == 'percentage_point' else '%'}"


def build_percentages_table(rows: Sequence[dict[str, Any]]) -> Table:
    from ._render import add_row, new_table

    single = len({r["doc"] for r in rows}) <= 1
    table = new_table("Percentages", _count_caption(len(rows), "percentage", rows))
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("Year", justify="right")
    table.add_column("Date", no_wrap=True)
    table.add_column("Source", no_wrap=True)
    table.add_column("Text")
    for r in rows:
        add_row(
            table,
            format_percentage(r["value"], r["unit"]),
            _str(r["year"]),
            r["date"] or "",
            _where(r, single),
            r["text"] or "",
        )
    return table


def _str(v: object) -> str:
    return "" if v is None else str(v)


def _where(r: dict[str, Any], single_doc: bool) -> str:
    return (
        compact_lines([(r["doc"], r["line"])], single_doc)
        if single_doc
        else source_ref(short_doc(r["doc"]), r["line"])
    )


def _count_caption(
    n: int, noun: str, rows: Sequence[dict[str, Any]], plural: str | None = None
) -> str:
    docs = list(dict.fromkeys(r["doc"] for r in rows))
    where = docs[0] if len(docs) == 1 else f"{len(docs)} documents"
    return f"{n} {noun if n == 1 else (plural or noun + 's')} in {where}"


# -- bullets -------------------------------------------------------------------------------------

BULLET_FIELDS = ("date", "heading", "index", "item", "category", "doc", "line")


def collect_bullets(records: Iterable[Record], category: str | None = None) -> list[dict[str, Any]]:
    """List items (keys :data:`BULLET_FIELDS`) grouped by date: dated in date order, then undated.

    Within one date the items keep their text order.
    """
    rows = [
        {
            "date": r.get("date"),
            "heading": r.get("heading"),
            "index": r.get("index"),
            "item": r["item"],
            "category": r.get("category"),
            "doc": r["doc"],
            "line": r.get("line"),
        }
        for r in _in_text_order(records, "bullet")
        if category is None or r.get("category") == category
    ]
    # sorted() is stable: text order survives inside each date.
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or ""))


def build_bullets_table(rows: Sequence[dict[str, Any]], category: str | None = None) -> Table:
    from ._render import add_row, new_table

    title = (
        "Decisions"
        if category == "decision"
        else (f"List items: {category}" if category else "List items")
    )
    single = len({r["doc"] for r in rows}) <= 1
    table = new_table(title, _count_caption(len(rows), "item", rows))
    table.add_column("Date", no_wrap=True)
    table.add_column("Heading")
    table.add_column("Item")
    if category is None:
        table.add_column("Category")
    table.add_column("Line" if single else "Source", no_wrap=True)
    previous: tuple[Any, Any, Any] | None = None
    for i, r in enumerate(rows):
        group = (r["date"], r["doc"], r["heading"])
        new_date = previous is None or previous[0] != r["date"]
        new_list = previous is None or previous != group
        cells = [
            (r["date"] or "(no date)") if new_date else "",
            (r["heading"] or "") if new_list else "",
            r["item"],
        ]
        if category is None:
            cells.append(r["category"] or "")
        cells.append(_where(r, single))
        last_of_date = i + 1 == len(rows) or rows[i + 1]["date"] != r["date"]
        add_row(table, *cells, end_section=last_of_date)
        previous = group
    return table


# -- timeline ------------------------------------------------------------------------------------

TIMELINE_FIELDS = ("date", "time", "date_text", "title", "doc", "line")


def collect_timeline(
    records: Iterable[Record],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The date headers (keys :data:`TIMELINE_FIELDS`).

    Returns ``(dated, undated)``: the dated in date order, the undated in text order.
    """
    headers = _in_text_order(records, "date_header")
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for r in headers:
        by_doc[r["doc"]].append(r)
    newest_first = {
        doc: is_newest_first([d for d in (parse_date(r.get("date")) for r in rs) if d])
        for doc, rs in by_doc.items()
    }
    docs = {doc: i for i, doc in enumerate(by_doc)}
    rows = [
        {
            "date": r.get("date"),
            "time": r.get("time"),
            "date_text": r.get("date_text"),
            "title": r.get("title"),
            "doc": r["doc"],
            "line": r.get("line"),
        }
        for r in headers
    ]
    dated = [r for r in rows if parse_date(r["date"])]
    undated = [r for r in rows if not parse_date(r["date"])]

    def when(r: dict[str, Any]) -> tuple[Any, ...]:
        line = r["line"] or 0
        return (
            r["date"],
            r["time"] or "",
            docs[r["doc"]],
            -line if newest_first[r["doc"]] else line,
        )

    return sorted(dated, key=when), undated


def timeline_as_dicts(
    dated: list[dict[str, Any]], undated: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    return dated + undated


def build_timeline_table(
    dated: Sequence[dict[str, Any]], undated: Sequence[dict[str, Any]]
) -> RenderableType:
    from rich.console import Group

    from ._render import add_row, new_table

    everything = [*dated, *undated]
    single = len({r["doc"] for r in everything}) <= 1
    parts: list[RenderableType] = []
    table = new_table(
        "Timeline",
        _count_caption(len(dated), "dated entry", dated, "dated entries") if dated else None,
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Time", no_wrap=True)
    table.add_column("Title")
    table.add_column("Line" if single else "Source", no_wrap=True)
    for r in dated:
        add_row(table, r["date"], r["time"] or "", r["title"] or "", _where(r, single))
    parts.append(table)
    if undated:
        apart = new_table(
            "Without a known date (the text gives no year; try --year)",
            f"{len(undated)} entr{'ies' if len(undated) != 1 else 'y'}",
        )
        apart.add_column("As written", no_wrap=True)
        apart.add_column("Title")
        apart.add_column("Line" if single else "Source", no_wrap=True)
        for r in undated:
            add_row(apart, r["date_text"] or "", r["title"] or "", _where(r, single))
        parts.append(apart)
    return Group(*parts)


# -- summary -------------------------------------------------------------------------------------

SUMMARY_FIELDS = ("doc", "encoding", "chars", "lines", "kind", "records")


@dataclass(slots=True)
class Summary:
    docs: dict[str, Record]  # doc -> its document record ({} when the input had none)
    counts: dict[str, Counter[str]]  # doc -> kind -> records
    warnings: list[str]

    @property
    def kinds(self) -> list[str]:
        return sorted({k for c in self.counts.values() for k in c})


def collect_summary(records: Iterable[Record], warnings: Sequence[str] = ()) -> Summary:
    """Records per kind per document, with each document's record (encoding, size)."""
    docs: dict[str, Record] = {}
    counts: dict[str, Counter[str]] = {}
    for r in records:
        doc = r["doc"]
        if r["kind"] == "document":
            docs[doc] = r
            counts.setdefault(doc, Counter())
        else:
            docs.setdefault(doc, {})
            counts.setdefault(doc, Counter())[r["kind"]] += 1
    return Summary(docs, counts, list(warnings))


def summary_as_dicts(summary: Summary) -> list[dict[str, Any]]:
    """One row per document and kind (keys :data:`SUMMARY_FIELDS`); a document without records
    gives one row with ``kind`` null and 0 records."""
    rows: list[dict[str, Any]] = []
    for doc, info in summary.docs.items():
        base = {
            "doc": doc,
            "encoding": info.get("encoding"),
            "chars": info.get("chars"),
            "lines": info.get("lines"),
        }
        counts = summary.counts[doc]
        rows.extend({**base, "kind": k, "records": counts[k]} for k in sorted(counts))
        if not counts:
            rows.append({**base, "kind": None, "records": 0})
    return rows


def build_summary_table(summary: Summary) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from ._render import add_row, new_table

    encodings = Counter(info.get("encoding") or "unknown" for info in summary.docs.values())
    total = sum(sum(c.values()) for c in summary.counts.values())
    n = len(summary.docs)
    table = new_table(
        "Summary",
        f"{n} document{'s' if n != 1 else ''}, {total} records; encodings: "
        + ", ".join(f"{e} ({k})" for e, k in sorted(encodings.items())),
    )
    table.add_column("Document", overflow="fold")
    table.add_column("Encoding")
    table.add_column("Lines", justify="right")
    table.add_column("Records", justify="right")
    table.add_column("Records by kind")
    for doc, info in summary.docs.items():
        counts = summary.counts[doc]
        add_row(
            table,
            doc,
            info.get("encoding") or "",
            _str(info.get("lines")),
            str(sum(counts.values())),
            _by_kind(counts),
        )
    if n > 1:
        table.add_section()
        everything: Counter[str] = Counter()
        for c in summary.counts.values():
            everything.update(c)
        add_row(table, f"all {n}", "", "", str(total), _by_kind(everything))
    if not summary.warnings:
        return table
    notes = Text("\n".join(f"Warning: {w}" for w in summary.warnings))
    return Group(table, notes)


def _by_kind(counts: Counter[str]) -> str:
    """``bullet 20, case_count 30``: the kinds in name order, each with its count.

    >>> _by_kind(Counter({"phone": 6, "bullet": 20})), _by_kind(Counter())
    ('bullet 20, phone 6', '')
    """
    return ", ".join(f"{k} {counts[k]}" for k in sorted(counts) if counts[k])
