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

Every ``collect_*`` takes :class:`~kommunetekst.reports.filters.Filters` (``--doc``,
``--since``/``--until``; ``--category`` for list items), which counts what it leaves out.
Tables name documents by their shortest unique path.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import parse_date
from .filters import Filters
from .schema import Record, compact_lines, doc_names, is_newest_first, source_ref

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ._render import FitTable

PERCENTAGE_KINDS = frozenset({"percentage"})
BULLET_KINDS = frozenset({"bullet"})
TIMELINE_KINDS = frozenset({"date_header"})


def _start(r: Record) -> int:
    span = r.get("span")
    return span[0] if isinstance(span, list) and span and isinstance(span[0], int) else 0


def _in_text_order(
    records: Iterable[Record], kind: str, filters: Filters | None = None
) -> list[Record]:
    """Records of one kind that ``filters`` keep (doc and date), by document (first-seen
    order), then line and offset."""
    chosen = [
        r
        for r in records
        if r.get("kind") == kind
        and (filters is None or filters.keep(doc=r["doc"], date=r.get("date")))
    ]
    docs: dict[str, int] = {}
    for r in chosen:
        docs.setdefault(r["doc"], len(docs))
    return sorted(chosen, key=lambda r: (docs[r["doc"]], r.get("line") or 0, _start(r)))


# -- percentages ---------------------------------------------------------------------------------

PERCENTAGE_FIELDS = ("value", "unit", "year", "date", "doc", "line", "text")


def collect_percentages(
    records: Iterable[Record], filters: Filters | None = None
) -> list[dict[str, Any]]:
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
        for r in _in_text_order(records, "percentage", filters)
    ]


def format_percentage(value: float, unit: str | None) -> str:
    """``67.9 %`` or ``3 pp`` (percentage points).

    >>> format_percentage(67.9, "percent"), format_percentage(70.0, None)
    ('67.9 %', '70 %')
    >>> format_percentage(3.0, "percentage_point")
    '3 pp'
    """
    return f"{value:g} {'pp' if unit == 'percentage_point' else '%'}"


def build_percentages_table(rows: Sequence[dict[str, Any]]) -> FitTable:
    from ._render import Column, FitTable

    single, names = _docs(rows)
    table = FitTable(
        "Percentages",
        [
            Column("Value", "number"),
            Column("Year", "number"),
            Column("Date", "code"),
            Column("Line" if single else "Source", "number" if single else "text"),
            Column("Text"),
        ],
        _count_caption(len(rows), "percentage", rows),
    )
    for r in rows:
        table.add_row(
            format_percentage(r["value"], r["unit"]),
            _str(r["year"]),
            r["date"] or "",
            _where(r, single, names),
            r["text"] or "",
        )
    return table


def _str(v: object) -> str:
    return "" if v is None else str(v)


def _docs(rows: Sequence[dict[str, Any]]) -> tuple[bool, dict[str, str]]:
    """Whether the rows come from one document, and each document's shortest unique path."""
    names = doc_names(r["doc"] for r in rows)
    return len(names) <= 1, names


def _where(r: dict[str, Any], single_doc: bool, names: dict[str, str]) -> str:
    """``45`` (one document) or ``logg.txt:45``."""
    if single_doc:
        return compact_lines([(r["doc"], r["line"])], True)
    return source_ref(names[r["doc"]], r["line"])


def _count_caption(
    n: int, noun: str, rows: Sequence[dict[str, Any]], plural: str | None = None
) -> str:
    docs = list(dict.fromkeys(r["doc"] for r in rows))
    where = docs[0] if len(docs) == 1 else f"{len(docs)} documents"
    return f"{n} {noun if n == 1 else (plural or noun + 's')} in {where}"


# -- bullets -------------------------------------------------------------------------------------

BULLET_FIELDS = ("date", "heading", "index", "item", "category", "doc", "line")


def collect_bullets(
    records: Iterable[Record], category: str | None = None, filters: Filters | None = None
) -> list[dict[str, Any]]:
    """List items (keys :data:`BULLET_FIELDS`) grouped by date: dated in date order, then undated.

    Within one date the items keep their text order. ``category`` keeps the items of one
    category; so does ``filters.category`` (``--category``), which counts those it leaves out.
    """
    rows = []
    for r in _in_text_order(records, "bullet", filters):
        if category is not None and r.get("category") != category:
            continue
        if filters is not None and not filters.keep(
            category=r.get("category"), check_date=False, check_category=True
        ):
            continue
        rows.append(
            {
                "date": r.get("date"),
                "heading": r.get("heading"),
                "index": r.get("index"),
                "item": r["item"],
                "category": r.get("category"),
                "doc": r["doc"],
                "line": r.get("line"),
            }
        )
    # sorted() is stable: text order survives inside each date.
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or ""))


def build_bullets_table(rows: Sequence[dict[str, Any]], category: str | None = None) -> FitTable:
    from ._render import Column, FitTable

    title = (
        "Decisions"
        if category == "decision"
        else (f"List items: {category}" if category else "List items")
    )
    single, names = _docs(rows)
    columns = [Column("Date", "code"), Column("Heading"), Column("Item")]
    if category is None:
        columns.append(Column("Category", "code"))
    columns.append(Column("Line" if single else "Source", "number" if single else "text"))
    table = FitTable(title, columns, _count_caption(len(rows), "item", rows))
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
        cells.append(_where(r, single, names))
        last_of_date = i + 1 == len(rows) or rows[i + 1]["date"] != r["date"]
        table.add_row(*cells, end_section=last_of_date)
        previous = group
    return table


# -- timeline ------------------------------------------------------------------------------------

TIMELINE_FIELDS = ("date", "time", "date_text", "title", "doc", "line")


def collect_timeline(
    records: Iterable[Record], filters: Filters | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The date headers (keys :data:`TIMELINE_FIELDS`).

    Returns ``(dated, undated)``: the dated in date order, the undated in text order
    (none when ``filters`` asks for a date range: they cannot be placed in it).
    """
    headers = _in_text_order(records, "date_header", filters)
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

    from ._render import Column, FitTable

    single, names = _docs([*dated, *undated])
    where = Column("Line" if single else "Source", "number" if single else "text")
    parts: list[RenderableType] = []
    table = FitTable(
        "Timeline",
        [Column("Date", "code"), Column("Time", "code"), Column("Title"), where],
        _count_caption(len(dated), "dated entry", dated, "dated entries") if dated else None,
    )
    for r in dated:
        table.add_row(r["date"], r["time"] or "", r["title"] or "", _where(r, single, names))
    parts.append(table)
    if undated:
        apart = FitTable(
            "Without a known date (the text gives no year; try --year)",
            [Column("As written", "code"), Column("Title"), where],
            f"{len(undated)} entr{'ies' if len(undated) != 1 else 'y'}",
        )
        for r in undated:
            apart.add_row(r["date_text"] or "", r["title"] or "", _where(r, single, names))
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


def collect_summary(
    records: Iterable[Record], warnings: Sequence[str] = (), filters: Filters | None = None
) -> Summary:
    """Records per kind per document, with each document's record (encoding, size).

    ``filters``: ``--doc`` leaves out documents, ``--since``/``--until`` records (not the
    ``document`` records).
    """
    docs: dict[str, Record] = {}
    counts: dict[str, Counter[str]] = {}
    for r in records:
        doc = r["doc"]
        if filters is not None and not (
            filters.doc_ok(doc)
            if r["kind"] == "document"
            else filters.keep(doc=doc, date=r.get("date"))
        ):
            continue
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

    from ._render import Column, FitTable

    encodings = Counter(info.get("encoding") or "unknown" for info in summary.docs.values())
    total = sum(sum(c.values()) for c in summary.counts.values())
    n = len(summary.docs)
    names = doc_names(summary.docs)
    table = FitTable(
        "Summary",
        [
            Column("Doc"),
            Column("Encoding", "code"),
            Column("Lines", "number"),
            Column("Records", "number"),
            Column("Records by kind"),
        ],
        f"{n} document{'s' if n != 1 else ''}, {total} records; encodings: "
        + ", ".join(f"{e} ({k})" for e, k in sorted(encodings.items())),
    )
    docs = list(summary.docs.items())
    for i, (doc, info) in enumerate(docs):
        counts = summary.counts[doc]
        table.add_row(
            names[doc],
            info.get("encoding") or "",
            _str(info.get("lines")),
            str(sum(counts.values())),
            _by_kind(counts),
            end_section=n > 1 and i == len(docs) - 1,
        )
    if n > 1:
        everything: Counter[str] = Counter()
        for c in summary.counts.values():
            everything.update(c)
        table.add_row(f"all {n}", "", "", str(total), _by_kind(everything))
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
