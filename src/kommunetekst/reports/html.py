"""The HTML report: one self-contained page a journalist can open, print or send on.

:func:`build_html_report` turns records into a single HTML document with inline CSS and
inline SVG, no script, and nothing to fetch (no font, image or style sheet from the
network), so it reads offline and prints. Its sections:

1. the corpus: documents, encodings, records per kind, the dates covered;
2. the case curve per place (:mod:`.chart`): totals and new cases, contradictions ringed;
3. the case figures per date and place (as ``cases``), every figure a link to its evidence;
4. the contradictions (as ``cases --check``);
5. the hospital and death figures, each with its place and evidence;
6. the phone directory with its labels (as ``phones``);
7. the decisions by date, and apart from them the items the team only discussed;
8. the timeline (the dated headers);
9. the evidence: every figure's document, line and sentence, the figure's words marked.

Every figure links to its evidence entry, which gives the document (its shortest unique
path; the full path on hover), the line, and the sentence the figure was read from. The
sentence comes from the document's text when the caller passes it (``texts``: doc ->
decoded text, checked against each record's ``span`` and ``text``); otherwise the
record's own evidence text is shown.

Pure: takes records and texts, returns a string; the ``report`` command writes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from ..textutil import fold_whitespace, sentence_bounds
from . import listing
from .cases import CaseRow, CaseSeries, collect_cases
from .chart import build_cases_svg
from .filters import Filters
from .phones import collect_phones
from .schema import Record, doc_names

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial,
       sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b;
       line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2;
     padding-bottom: .2rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .92rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left;
         vertical-align: top; }
th { background: #f2f5f8; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
a { color: #0057a0; }
a.fig { text-decoration: none; border-bottom: 1px dotted #0057a0; }
.note { color: #555; font-size: .9rem; }
.warn { color: #a00000; }
.chart svg { max-width: 100%; height: auto; }
ol.evidence li { margin: .3rem 0; }
ol.evidence .where { color: #555; font-size: .85rem; }
mark { background: #fff2a8; padding: 0 .1rem; }
.problem { font-weight: 600; color: #a00000; white-space: nowrap; }
:target { outline: 2px solid #E69F00; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
"""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One numbered entry of the evidence list."""

    number: int
    doc: str
    line: int | None
    text: str  # the record's evidence, as extracted
    sentence: str | None  # the sentence around it, from the document's text
    mark: tuple[int, int] | None  # where ``text`` lies in ``sentence``


class _EvidenceIndex:
    """Numbers every piece of evidence once, in the order the page cites it."""

    def __init__(self, records: list[Record], texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.entries: dict[tuple[str, int | None, str], Evidence] = {}
        # (doc, line, text) -> the record, to find its span
        self.records: dict[tuple[str, int | None, str], Record] = {}
        for r in records:
            if r.get("kind") != "document":
                self.records.setdefault((r["doc"], r.get("line"), r.get("text") or ""), r)

    def cite(self, doc: str, line: int | None, text: str) -> int:
        key = (doc, line, text)
        if key not in self.entries:
            sentence, mark = self._sentence(self.records.get(key))
            self.entries[key] = Evidence(len(self.entries) + 1, doc, line, text, sentence, mark)
        return self.entries[key].number

    def cite_record(self, r: Record) -> int:
        return self.cite(r["doc"], r.get("line"), r.get("text") or "")

    def _sentence(self, r: Record | None) -> tuple[str | None, tuple[int, int] | None]:
        """The sentence around the record's span, when its document's text is known and the
        span still points at the record's text."""
        if r is None:
            return None, None
        text, span = self.texts.get(r["doc"]), r.get("span")
        if text is None or not isinstance(span, list) or len(span) != 2:
            return None, None
        start, end = span
        if not (0 <= start <= end <= len(text)) or text[start:end] != r.get("text"):
            return None, None
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        s, e = sentence_bounds(text, start, end, line_start, line_end)
        return text[s:e], (start - s, end - s)


def build_html_report(
    records: Iterable[Record],
    *,
    texts: Mapping[str, str] | None = None,
    filters: Filters | None = None,
    title: str = "kommunetekst report",
    notes: Iterable[str] = (),
) -> str:
    """The whole page as one HTML string (see the module doc).

    Args:
        records: every record of the corpus (``document`` records included).
        texts: doc -> decoded text, for the sentences of the evidence list.
        filters: ``--since`` etc.; the page says which are in force.
        title: the page's heading.
        notes: sentences about the input (warnings met while reading) shown at the top.
    """
    recs = list(records)
    ev = _EvidenceIndex(recs, texts or {})
    series = collect_cases(recs, filters)
    names = doc_names(r["doc"] for r in recs)
    sections = [
        ("corpus", "The corpus", _corpus(recs, series, names, filters, notes)),
        ("curve", "Case curve", _curve(series)),
        ("cases", "Case figures by date", _cases_table(series, ev)),
        ("contradictions", "Contradictions", _contradictions(series, ev, recs)),
        ("hospital", "Hospital and death figures", _hospital(recs, filters, ev)),
        ("phones", "Phone directory", _phones(recs, filters, ev, names)),
        ("decisions", "Decisions by date", _bullets(recs, "decision", filters, ev)),
        ("discussed", "Discussed, not decided", _bullets(recs, "discussed", filters, ev)),
        ("timeline", "Timeline", _timeline(recs, filters, ev)),
    ]
    body = [f"<h1>{escape(title)}</h1>"]
    body.append(
        "<nav><ol>"
        + "".join(f'<li><a href="#{i}">{escape(h)}</a></li>' for i, h, _ in sections)
        + '<li><a href="#evidence">Evidence</a></li></ol></nav>'
    )
    for anchor, heading, html in sections:
        body.append(f'<section id="{anchor}"><h2>{escape(heading)}</h2>{html}</section>')
    body.append(f'<section id="evidence"><h2>Evidence</h2>{_evidence(ev, names)}</section>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


# -- sections ---------------------------------------------------------------------------------


def _corpus(
    recs: list[Record],
    series: CaseSeries,
    names: dict[str, str],
    filters: Filters | None,
    notes: Iterable[str],
) -> str:
    summary = listing.collect_summary(recs, filters=filters)
    kinds: Counter[str] = Counter()
    for c in summary.counts.values():
        kinds.update(c)
    dates = sorted(r["date"] for r in recs if r.get("kind") != "document" and r.get("date"))
    parts = [
        f"<p>{len(summary.docs)} document{'s' if len(summary.docs) != 1 else ''}, "
        f"{sum(kinds.values())} records"
        + (f", dated {escape(dates[0])} to {escape(dates[-1])}" if dates else "")
        + ". Records by kind: "
        + escape(", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)) or "none")
        + ".</p>"
    ]
    if filters is not None and filters.active:
        parts.append(f'<p class="note">Filters: <code>{escape(filters.describe())}</code>.</p>')
    if series.undated:
        parts.append(
            f'<p class="note">{series.undated} case figures without a date are left out '
            "(their text gives no year: extract with <code>--year</code>).</p>"
        )
    parts.extend(f'<p class="warn">{escape(n)}</p>' for n in notes)
    rows = [
        [
            f'<span title="{escape(doc)}">{escape(names.get(doc, doc))}</span>',
            escape(str(info.get("encoding") or "")),
            _n(info.get("lines")),
            _n(sum(summary.counts[doc].values())),
            escape(listing._by_kind(summary.counts[doc])),
        ]
        for doc, info in summary.docs.items()
    ]
    parts.append(
        _table(["Doc", "Encoding", "Lines", "Records", "Records by kind"], rows, numeric={2, 3})
    )
    return "".join(parts)


def _curve(series: CaseSeries) -> str:
    if not series.rows:
        return '<p class="note">No case figures.</p>'

    def link(row: CaseRow) -> str:
        return f"#{_row_id(row)}"

    svg = build_cases_svg(series, link=link)
    return (
        f'<div class="chart">{svg}</div><p class="note">Each mark links to its row below; hover '
        "for the figure and its source.</p>"
    )


def _row_id(row: CaseRow) -> str:
    place = "".join(c if c.isalnum() else "-" for c in (row.place or "none").casefold())
    return f"case-{place}-{row.date}"


def _cases_table(series: CaseSeries, ev: _EvidenceIndex) -> str:
    if not series.rows:
        return '<p class="note">No case figures.</p>'
    several = len(series.places) > 1
    head = ["Date", *(["Place"] if several else []), "Total", "New", "Since", "New computed",
            "Hospitalized", "Deaths"]  # fmt: skip
    rows = []
    for r in series.rows:
        since = r.since or ""
        if r.since_date:
            since = f"{since} ({r.since_date:%d.%m})" if since else str(r.since_date)
        hosp = _fig(ev, r, "hospitalized", r.hospitalized)
        if hosp and r.hospitalized_place:
            hosp += f" ({escape(r.hospitalized_place)})"
        total = _fig(ev, r, "total", r.total) + ("*" if r.totals_differ else "")
        cells = [
            f'<span id="{_row_id(r)}">{r.date}</span>',
            *([escape(r.place or "-")] if several else []),
            total,
            _fig(ev, r, "new", r.new),
            escape(since),
            "" if r.new_computed is None else f"{r.new_computed:+d}",
            hosp,
            _fig(ev, r, "deaths", r.deaths),
        ]
        rows.append(cells)
    offset = 1 if several else 0
    table = _table(head, rows, numeric={1 + offset, 2 + offset, 4 + offset, 6 + offset})
    return table + (
        '<p class="note">New computed = the total minus the previous total of its place. '
        "* = several totals that day; the latest report is shown (see the contradictions).</p>"
    )


def _fig(ev: _EvidenceIndex, row: CaseRow, metric: str, value: int | None) -> str:
    if value is None:
        return ""
    cited = row.cited.get(metric)
    if cited is None:
        return str(value)
    n = ev.cite(*cited)
    return f'<a class="fig" href="#ev-{n}" title="evidence {n}">{value}</a>'


def _contradictions(series: CaseSeries, ev: _EvidenceIndex, recs: list[Record]) -> str:
    if not series.contradictions:
        return f"<p>No contradictions found in {len(series.rows)} dates of case figures.</p>"
    at: dict[tuple[str, int | None], list[Record]] = {}
    for r in recs:
        if r.get("kind") == "case_count":
            at.setdefault((r["doc"], r.get("line")), []).append(r)
    rows = []
    for c in series.contradictions:
        links = [
            f'<a href="#ev-{ev.cite_record(r)}">line {r.get("line")}</a>'
            for where in c.sources
            for r in at.get(where, [])[:1]
        ]
        rows.append(
            [
                str(c.date),
                escape(c.place or "-"),
                f'<span class="problem">{escape(c.problem)}</span>',
                escape(c.message),
                ", ".join(links),
            ]
        )
    return _table(["Date", "Place", "Problem", "Message", "Evidence"], rows, code={0})


def _hospital(recs: list[Record], filters: Filters | None, ev: _EvidenceIndex) -> str:
    chosen = [
        r
        for r in recs
        if r.get("kind") == "case_count"
        and r.get("metric") in ("hospitalized", "deaths")
        and (filters is None or _keeps(filters, r))
    ]
    if not chosen:
        return '<p class="note">No hospital or death figures.</p>'
    chosen.sort(key=lambda r: (r.get("date") or "9999", r["doc"], r.get("line") or 0))
    rows = [
        [
            escape(r.get("date") or "(no date)"),
            escape(r["metric"]),
            f'<a class="fig" href="#ev-{ev.cite_record(r)}">{r["value"]}</a>',
            escape(r.get("place") or ""),
            escape(fold_whitespace(r.get("text") or "")),
        ]
        for r in chosen
    ]
    return _table(["Date", "Metric", "Value", "Place", "Text"], rows, numeric={2}, code={0})


def _keeps(filters: Filters, r: Record) -> bool:
    """The filters as the hospital section applies them, without counting."""
    return (
        filters.doc_ok(r["doc"])
        and filters.date_ok(r.get("date")) is True
        and filters.place_ok(r.get("place"))
    )


def _phones(
    recs: list[Record], filters: Filters | None, ev: _EvidenceIndex, names: dict[str, str]
) -> str:
    rows = collect_phones(recs, filters)
    if not rows:
        return '<p class="note">No phone numbers.</p>'
    by_number: dict[str, list[Record]] = {}
    for r in recs:
        if r.get("kind") == "phone" and r.get("number"):
            by_number.setdefault(r["number"], []).append(r)
    out = []
    for p in rows:
        seen = [
            f'<a href="#ev-{ev.cite_record(r)}">{i}</a>'
            for i, r in enumerate(by_number.get(p.number, []), 1)
            if filters is None or (filters.doc_ok(r["doc"]) and filters.date_ok(r.get("date")))
        ]
        out.append(
            [
                f'<span title="{escape(p.number)}">{escape(p.display)}</span>',
                escape(p.type or ""),
                "<br>".join(escape(label) for label in p.labels),
                str(p.occurrences) + (f" ({', '.join(seen)})" if seen else ""),
                "<br>".join(escape(names.get(d, d)) for d in p.docs),
                escape(p.first_date or ""),
            ]
        )
    return _table(["Number", "Type", "Labels", "Occurrences", "Docs", "First date"], out,
                  code={0})  # fmt: skip


def _bullets(recs: list[Record], category: str, filters: Filters | None, ev: _EvidenceIndex) -> str:
    rows = listing.collect_bullets(recs, category, filters)
    if not rows:
        return f'<p class="note">No list items of category {escape(category)}.</p>'
    by_where = {
        (r["doc"], r.get("line"), r.get("item")): r for r in recs if r.get("kind") == "bullet"
    }
    parts = []
    current: tuple[Any, Any] | None = None
    for row in rows:
        group = (row["date"], row["heading"])
        if group != current:
            if current is not None:
                parts.append("</ul>")
            if current is None or current[0] != row["date"]:
                parts.append(f"<h3>{escape(row['date'] or '(no date)')}</h3>")
            parts.append(f"<p><em>{escape(row['heading'] or '')}</em></p><ul>")
            current = group
        r = by_where.get((row["doc"], row["line"], row["item"]))
        link = f' <a href="#ev-{ev.cite_record(r)}">[source]</a>' if r else ""
        parts.append(f"<li>{escape(row['item'])}{link}</li>")
    parts.append("</ul>")
    return "".join(parts)


def _timeline(recs: list[Record], filters: Filters | None, ev: _EvidenceIndex) -> str:
    dated, undated = listing.collect_timeline(recs, filters)
    if not dated and not undated:
        return '<p class="note">No dated entries.</p>'
    by_where = {(r["doc"], r.get("line")): r for r in recs if r.get("kind") == "date_header"}
    rows = []
    for row in [*dated, *undated]:
        r = by_where.get((row["doc"], row["line"]))
        link = f'<a href="#ev-{ev.cite_record(r)}">source</a>' if r else ""
        rows.append(
            [
                escape(row["date"] or f"({row['date_text'] or 'no date'})"),
                escape(row["time"] or ""),
                escape(row["title"] or ""),
                link,
            ]
        )
    return _table(["Date", "Time", "Title", "Evidence"], rows, code={0})


def _evidence(ev: _EvidenceIndex, names: dict[str, str]) -> str:
    if not ev.entries:
        return '<p class="note">Nothing cited.</p>'
    items = []
    for e in ev.entries.values():
        if e.sentence is not None and e.mark is not None:
            a, b = e.mark
            said = (
                escape(e.sentence[:a])
                + f"<mark>{escape(e.sentence[a:b])}</mark>"
                + escape(e.sentence[b:])
            )
        else:
            said = f"<mark>{escape(e.text)}</mark>"
        where = f"{names.get(e.doc, e.doc)}, line {e.line}" if e.line else names.get(e.doc, e.doc)
        items.append(
            f'<li id="ev-{e.number}"><span class="where" title="{escape(e.doc)}">'
            f"{escape(where)}</span><br>{said}</li>"
        )
    return '<ol class="evidence">' + "".join(items) + "</ol>"


# -- small helpers ----------------------------------------------------------------------------


def _n(v: object) -> str:
    return "" if v is None else escape(str(v))


def _table(
    head: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    code: set[int] | None = None,
) -> str:
    """A table of cells that are already HTML."""
    numeric, code = numeric or set(), code or set()

    def cls(i: int) -> str:
        return ' class="n"' if i in numeric else (' class="code"' if i in code else "")

    out = ["<table><thead><tr>"]
    out += [f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
