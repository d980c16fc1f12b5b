"""The case curve as an SVG chart, written by hand: no plotting library, nothing fetched.

:func:`build_cases_svg` draws, on a true time axis:

- the **total** cases per place (upper panel): a line with a mark at each reported date;
- the **new** cases per report (lower panel): a bar per date, solid where the text
  reports the figure, outlined where only the difference of the totals gives it;
- the **contradictions** (``cases --check``): a red ring round the total of that date with
  a number that the legend below the chart explains.

Axes are labelled, dates are ticked, and each place has its own colour *and* mark shape
(colour is never the only carrier). Every mark has a ``<title>`` (shown on hover) with
its figure and source; :func:`build_cases_svg` can wrap each in a link (the HTML report
links to the evidence). The SVG is self-contained: inline styles, generic font
families, no scripts. A PNG is the same SVG rasterised (:func:`svg_to_png`, the ``png``
extra).
"""

from __future__ import annotations

import datetime as _dt
import math
import textwrap
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

import regex

from .cases import CaseRow, CaseSeries, nice_step

#: Okabe-Ito colours (told apart with colour-blindness too), one per place.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
#: One mark shape per place, so that print in black and white still tells them apart.
SHAPES = ("circle", "square", "diamond", "triangle")
CONTRADICTION = "#C00000"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"


# Characters XML 1.0 does not allow (C0 controls but tab and newline, lone surrogates, and
# U+FFFE/U+FFFF): a record's text may hold them, an SVG file must not.
_NOT_XML_RE = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(s: str) -> str:
    """Text for an SVG element: XML-escaped, characters XML forbids as U+FFFD.

    >>> escape("Bærum <b>" + chr(0))
    'Bærum &lt;b&gt;\ufffd'
    """
    return _escape(_NOT_XML_RE.sub("\ufffd", s))


def quoteattr(s: str) -> str:
    """An attribute value, quoted, for an SVG element (see :func:`escape`)."""
    return _quoteattr(_NOT_XML_RE.sub("\ufffd", s))


@dataclass(frozen=True, slots=True)
class _Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


def build_cases_svg(
    series: CaseSeries,
    *,
    width: int = 900,
    title: str | None = None,
    link: Callable[[CaseRow], str | None] | None = None,
) -> str:
    """The chart as an ``<svg>`` document (also valid inline in HTML).

    Args:
        series: from :func:`kommunetekst.reports.cases.collect_cases`.
        width: in pixels; the height follows.
        title: above the chart; by default "COVID-19 cases in PLACE, FIRST to LAST".
        link: gives the URL a row's marks link to (None: no link).
    """
    rows = [r for r in series.rows if r.total is not None or _new_of(r) is not None]
    places = list(dict.fromkeys(r.place for r in rows))
    out = _Svg(width)
    if not rows:
        out.height = 120
        out.text(width / 2, 60, "No case figures to plot.", anchor="middle", size=16)
        return out.document("COVID-19 cases: no figures")
    days = sorted({r.date for r in rows})
    first, last = days[0], days[-1]
    where = f" in {places[0]}" if len(places) == 1 and places[0] else ""
    heading = title or f"COVID-19 cases{where}, {first} to {last}"
    out.text(16, 28, heading, size=18, weight="bold")

    legend_h = 28
    upper = _Box(70, 56 + legend_h, width - 100, 260)
    lower = _Box(70, upper.bottom + 70, width - 100, 120)
    notes = _contradiction_notes(series)
    several = len(places) > 1
    # Explanations under the chart, wrapped to its width (about 6.6 pixels a character).
    chars = int((width - 90) / 6.6)
    explained = [
        textwrap.wrap(
            "Bars: new cases per report; solid as the text reports them, outlined where only "
            "the difference of two totals gives them.",
            chars,
        )
    ]
    explained += [
        textwrap.wrap(f"({n}) {day}{f' {place}' if place and several else ''}: {message}", chars)
        for n, (day, place, message) in enumerate(notes, 1)
    ]
    out.height = int(lower.bottom + 56 + 17 * sum(len(lines) for lines in explained))

    span = max((last - first).days, 1)

    def x(d: _dt.date) -> float:
        if first == last:
            return upper.left + upper.width / 2
        return upper.left + (d - first).days * upper.width / span

    _legend(out, places, 70, 56 + 4, bool(notes))

    # -- upper panel: totals ---------------------------------------------------------------
    top_total = max((r.total for r in rows if r.total is not None), default=0)
    y_total = _axis(out, upper, top_total, "Total cases")
    _date_axis(out, upper, days, x)
    ring_of = {(c_date, c_place): n for n, (c_date, c_place, _) in enumerate(notes, 1)}
    for i, place in enumerate(places):
        colour, shape = COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)]
        pts = [
            (r, x(r.date), y_total(r.total))
            for r in rows
            if r.place == place and r.total is not None
        ]
        if len(pts) > 1:
            out.polyline([(px, py) for _, px, py in pts], colour)
        for r, px, py in pts:
            label = f"{r.date}: total {r.total}{_where(r)}" + (
                f"; {_sources(series, r)}" if r.sources else ""
            )
            out.mark(shape, px, py, colour, label, link(r) if link else None)
            n = ring_of.get((r.date, r.place))
            if n is not None:
                out.ring(px, py, n)

    # -- lower panel: new cases ------------------------------------------------------------
    news = [(r, v, reported) for r in rows for v, reported in [_new_of(r) or (None, False)]]
    top_new = max((v for _, v, _ in news if v is not None and v > 0), default=0)
    y_new = _axis(out, lower, top_new, "New cases")
    _date_axis(out, lower, days, x, labels=False)
    bar_w = max(2.0, min(14.0, upper.width / (span + 1) * 0.6 / max(len(places), 1)))
    for i, place in enumerate(places):
        colour = COLOURS[i % len(COLOURS)]
        offset = (i - (len(places) - 1) / 2) * bar_w
        for r, v, reported in news:
            if r.place != place or v is None or v < 0:
                continue
            px, py = x(r.date) + offset - bar_w / 2, y_new(v)
            how = "reported" if reported else "computed from the totals"
            out.bar(
                px, py, bar_w, lower.bottom - py, colour, reported,
                f"{r.date}: {v} new ({how}){_where(r)}", link(r) if link else None,
            )  # fmt: skip
    y = lower.bottom + 44
    for n, lines in enumerate(explained):
        for line in lines:
            out.text(lower.left, y, line, size=12, fill=CONTRADICTION if n else "#444")
            y += 17
    return out.document(heading)


def _new_of(r: CaseRow) -> tuple[int, bool] | None:
    """The new cases of a row: reported (True) or computed from the totals (False)."""
    if r.new is not None:
        return r.new, True
    if r.new_computed is not None:
        return r.new_computed, False
    return None


def _where(r: CaseRow) -> str:
    return f" ({r.place})" if r.place else ""


def _sources(series: CaseSeries, r: CaseRow) -> str:
    names = series.doc_names
    return ", ".join(f"{names.get(d, d)}:{n}" if n else names.get(d, d) for d, n in r.sources)


def _contradiction_notes(series: CaseSeries) -> list[tuple[_dt.date, str | None, str]]:
    """One note per date and place with contradictions (their messages joined)."""
    grouped: dict[tuple[_dt.date, str | None], list[str]] = defaultdict(list)
    for c in series.contradictions:
        grouped[(c.date, c.place)].append(c.message)
    return [(d, p, "; ".join(ms)) for (d, p), ms in grouped.items()]


def _axis(out: _Svg, box: _Box, top: float, label: str) -> Callable[[float], float]:
    """Draw a y axis from 0 to a round value above ``top``; return value -> y."""
    step = nice_step(top / 4) if top > 0 else 1
    ymax = max(step, math.ceil(top / step) * step)

    def y(v: float) -> float:
        return box.bottom - v * box.height / ymax

    v = 0
    while v <= ymax:
        out.line(box.left, y(v), box.right, y(v), "#ddd" if v else "#444")
        out.text(box.left - 8, y(v) + 4, f"{v:,}".replace(",", " "), anchor="end", size=12)
        v += step
    out.line(box.left, box.top, box.left, box.bottom, "#444")
    out.text(
        box.left - 52, box.top + box.height / 2, label, anchor="middle", size=13,
        rotate=-90,
    )  # fmt: skip
    return y


def _date_axis(
    out: _Svg,
    box: _Box,
    days: list[_dt.date],
    x: Callable[[_dt.date], float],
    labels: bool = True,
) -> None:
    """Ticks at the reported dates; labels where they do not overlap (first and last kept)."""
    for d in days:
        out.line(x(d), box.bottom, x(d), box.bottom + 5, "#444")
    if not labels:
        return
    chosen: list[_dt.date] = []
    min_gap = 44
    for d in days:
        if not chosen or x(d) - x(chosen[-1]) >= min_gap:
            chosen.append(d)
    if chosen[-1] != days[-1]:
        if len(chosen) > 1 and x(days[-1]) - x(chosen[-2]) >= min_gap:
            chosen[-1] = days[-1]
        elif len(chosen) == 1:
            chosen.append(days[-1])
    for d in chosen:
        out.text(x(d), box.bottom + 20, f"{d:%d.%m}", anchor="middle", size=12)
    years = sorted({d.year for d in days})
    year_text = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    out.text(box.left + box.width / 2, box.bottom + 40, f"Date ({year_text})", anchor="middle",
             size=13)  # fmt: skip


def _legend(out: _Svg, places: list[str | None], x0: float, y0: float, rings: bool) -> None:
    x = x0
    for i, place in enumerate(places):
        colour, shape = COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)]
        out.mark(shape, x + 6, y0 + 8, colour, None, None)
        name = place or "(no place named)"
        out.text(x + 16, y0 + 13, name, size=13)
        x += 36 + 7.5 * len(name)
    if rings:
        out.ring(x + 6, y0 + 8, None)
        out.text(x + 20, y0 + 13, "contradiction (see the notes below)", size=13,
                 fill=CONTRADICTION)  # fmt: skip


class _Svg:
    """An SVG document built element by element; text is escaped on the way in."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.height = 400
        self.parts: list[str] = []

    def document(self, label: str) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" '
            f"aria-label={quoteattr(label)} font-family={quoteattr(FONT)} "
            'class="kt-chart">\n'
            f"<title>{escape(label)}</title>\n"
            f'<rect width="{self.width}" height="{self.height}" fill="#fff"/>\n'
            + "\n".join(self.parts)
            + "\n</svg>\n"
        )

    def text(
        self,
        x: float,
        y: float,
        s: str,
        *,
        anchor: str = "start",
        size: int = 12,
        weight: str | None = None,
        fill: str = "#222",
        rotate: int | None = None,
    ) -> None:
        extra = f' font-weight="{weight}"' if weight else ""
        if rotate is not None:
            extra += f' transform="rotate({rotate} {x:.1f} {y:.1f})"'
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{fill}"{extra}>{escape(s)}</text>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str) -> None:
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )

    def polyline(self, points: list[tuple[float, float]], colour: str) -> None:
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(
            f'<polyline class="kt-curve" points="{coords}" fill="none" stroke="{colour}" '
            'stroke-width="2.5" stroke-linejoin="round"/>'
        )

    def mark(
        self, shape: str, x: float, y: float, colour: str, label: str | None, href: str | None
    ) -> None:
        title = f"<title>{escape(label)}</title>" if label else ""
        r = 4.5
        if shape == "circle":
            el = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}">{title}</circle>'
        elif shape == "square":
            el = (
                f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
                f'fill="{colour}">{title}</rect>'
            )
        else:
            if shape == "diamond":
                pts = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
            else:
                pts = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
            coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            el = f'<polygon points="{coords}" fill="{colour}">{title}</polygon>'
        self.parts.append(f"<a href={quoteattr(href)}>{el}</a>" if href else el)

    def ring(self, x: float, y: float, n: int | None) -> None:
        """A contradiction's ring; without a number, the legend's sample."""
        kind = "kt-contradiction" if n is not None else "kt-legend"
        self.parts.append(
            f'<circle class="{kind}" cx="{x:.1f}" cy="{y:.1f}" r="10" fill="none" '
            f'stroke="{CONTRADICTION}" stroke-width="2"/>'
        )
        if n is not None:
            self.text(x - 12, y - 14, f"({n})", anchor="end", size=12, weight="bold",
                      fill=CONTRADICTION)  # fmt: skip

    def bar(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        colour: str,
        solid: bool,
        label: str,
        href: str | None,
    ) -> None:
        fill = colour if solid else "#fff"
        el = (
            f'<rect class="kt-bar" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
            f'height="{max(h, 0.5):.1f}" fill="{fill}" stroke="{colour}" stroke-width="1.2">'
            f"<title>{escape(label)}</title></rect>"
        )
        self.parts.append(f"<a href={quoteattr(href)}>{el}</a>" if href else el)


class MissingExtraError(RuntimeError):
    """A PNG was asked for but the ``png`` extra is not installed."""


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """The SVG rasterised to PNG with CairoSVG (``pip install 'kommunetekst[png]'``).

    Raises:
        MissingExtraError: CairoSVG (or the Cairo library it needs) is not installed.
    """
    try:
        import cairosvg  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except (ImportError, OSError) as e:  # OSError: the Cairo C library is missing
        raise MissingExtraError(
            "writing PNG needs the png extra: pip install 'kommunetekst[png]' (CairoSVG; on "
            f"Debian also apt-get install libcairo2); or write .svg instead ({e})"
        ) from None
    png: bytes = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
    return png
