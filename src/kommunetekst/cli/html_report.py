"""The ``report`` command: the whole corpus on one self-contained HTML page.

The page is built by :func:`kommunetekst.reports.html.build_html_report`; this module
reads the input, finds the documents' texts (for the sentences of the evidence list)
and writes the page atomically.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from typing import Any

import click

from ..reports.filters import Filters
from ._app import cli
from .reports import (
    ReportOptions,
    _consume,
    _done,
    _note_undated,
    _with_input_help,
    _write_file,
    report_options,
)

#: Documents larger than this are not read again for the evidence sentences.
MAX_TEXT_BYTES = 64 << 20


@cli.command(short_help="One HTML page: the curve, figures, phones, decisions.")
@report_options(place=True, formats=False)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE.html",
    help="The page to write (replaced atomically).",
)
@click.option(
    "--title", default="kommunetekst report", show_default=True, help="The page's heading."
)
@_with_input_help
def report(opts: ReportOptions, output: str, title: str) -> None:
    """Write one self-contained HTML page about the corpus: the case curve per place,
    the contradictions, hospital and death figures, the phone directory, the decisions
    by date, the timeline and a summary, every figure linked to its evidence (document,
    line and sentence).

    The page has inline CSS and SVG, no script, and nothing fetched from the network:
    it reads offline, prints, and can be sent as one file.

    \b
    Example:
        kommunetekst report seeds/ -o report.html
        kommunetekst extract corpus/ | kommunetekst report -o report.html --since 2020-03-20
    """
    from ._io import check_output_path

    try:
        check_output_path(output)
    except click.BadParameter as e:
        e.param_hint = "-o"
        raise
    from ..reports.html import build_html_report

    source, records = _consume(opts, None, list)
    if not records:
        click.echo("Warning: the input holds no records.", err=True)
    texts = _texts(records, source)
    notes = [*source.warnings, *source.errors]
    left_out = _left_out(records, opts.filters)
    if left_out:
        notes.append(left_out)
    html = build_html_report(records, texts=texts, filters=opts.filters, title=title, notes=notes)
    undated = sum(1 for r in records if r.get("kind") == "case_count" and not r.get("date"))
    _note_undated(source, undated, "case figures")
    if left_out:
        click.echo(f"Note: {left_out}", err=True)
    _write_file(output, html.encode("utf-8"), "the report")
    click.echo(f"Wrote {output} ({len(html) // 1024 + 1} KB).", err=True)
    _done(source)


def _left_out(records: list[dict[str, Any]], filters: Filters) -> str | None:
    """What the filters leave out of the page, counted once per record."""
    probe = dataclasses.replace(filters, left_out=Counter())
    for r in records:
        if r.get("kind") != "document":
            cases = r.get("kind") == "case_count"
            probe.keep(doc=r["doc"], date=r.get("date"), place=r.get("place"), check_place=cases)
    return probe.note("records")


def _texts(records: list[dict[str, Any]], source: Any) -> dict[str, str]:
    """doc -> decoded text of each document that can still be read and is the one the
    records were made from (same sha256); others get no sentences, only their evidence."""
    from ..decoding import decode_bytes
    from ._report_input import SAMPLE_PREFIX, sample_files

    samples = dict(sample_files()) if source.uses_sample else {}
    texts: dict[str, str] = {}
    for r in records:
        if r.get("kind") != "document" or r["doc"] in texts or r["doc"] == "-":
            continue
        doc = r["doc"]
        path = samples.get(doc) if doc.startswith(SAMPLE_PREFIX) else None
        try:
            opened = path.open("rb") if path is not None else open(doc, "rb")  # noqa: SIM115
            with opened as fh:
                data = fh.read(MAX_TEXT_BYTES + 1)
        except OSError:
            continue
        if len(data) > MAX_TEXT_BYTES:
            continue
        if r.get("sha256") and hashlib.sha256(data).hexdigest() != r["sha256"]:
            continue  # the file has changed since it was extracted
        try:
            texts[doc] = decode_bytes(data).text
        except Exception:  # a file that no longer decodes: no sentences for it
            continue
    return texts
