"""HTML pages, PDF reports and Word documents (issue 17): converted text, records, errors.

Every fixture is built here: HTML as strings, PDFs with fpdf2 (its core Helvetica in
Windows-1252, so no font file is needed), Word files with python-docx. The main
promise: the same content gives the same records as plain text would, and every
span points into the text that ``kommunetekst text FILE`` prints.

Where new cases go: a converter's shape rule (lists, tables, hyphens) gets a test
next to its format's others; a bad input gets a row in the bad-input section.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from fpdf import FPDF

from kommunetekst import extract_bytes, extract_text
from kommunetekst.cli import cli
from kommunetekst.convert import convert_bytes, sniff_format
from kommunetekst.errors import MissingExtraError, UnreadableInputError
from kommunetekst.records import PAGE
from kommunetekst.reports.schema import check_record

# The content every format holds: a dated log entry, a case total, a list, a phone number.
TITLE = "Koronavirus i Bærum"
HEADER = "26.06.20 Dagens smittetall"
CASES = "Det er nå 246 smittede i Bærum, 8 nye fra søndag."
LEAD = "Kriseledelsen har vedtatt:"
ITEMS = ["Barnehagene holdes stengt.", "Sykehjemmene stenges for besøk."]
PHONE = "Koronatelefonen: 67 50 48 48."
PLAIN = f"{TITLE}\n\n{HEADER}\n\n{CASES}\n\n{LEAD}\n\n• {ITEMS[0]}\n• {ITEMS[1]}\n\n{PHONE}\n"

HTML = f"""<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Korona</title>
<style>p {{ color: black }}</style><script>var tlf = "99 99 99 99";</script></head>
<body>
<header><a href="/">Bærum kommune</a>
<nav><ul><li><a href="/kontakt">Sentralbord 67 50 40 50</a></li>
<li><a href="/">Forside</a></li></ul></nav></header>
<div class="breadcrumb">Du er her: Forside &gt; Korona</div>
<main><h1>{TITLE}</h1>
<h2>{HEADER}</h2>
<p>Det er nå 246 smittede i Bærum,
   8 nye fra søndag.</p>
<p>{LEAD}</p>
<ul><li>{ITEMS[0]}</li><li>{ITEMS[1]}</li></ul>
<p>Koronatelefonen: 67&nbsp;50&nbsp;48&nbsp;48.</p>
</main>
<footer><p>Bærum kommune, Postboks 700, 1304 Sandvika. Legevakt 116 117.</p></footer>
</body></html>"""


def run(args: list[str], input: str | bytes | None = None) -> Any:
    return CliRunner().invoke(cli, args, input=input)


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line]


def comparable(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records without what names the document: ``doc`` and ``page``."""
    return [{k: v for k, v in r.items() if k not in ("doc", "page")} for r in recs]


# -- fixtures ----------------------------------------------------------------------------


def make_pdf(pages: list[list[tuple[str, float, bool]]], **encryption: str) -> bytes:
    """A PDF whose pages hold lines ``(text, font size, bold)``, one under the other."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    if encryption:
        pdf.set_encryption(**encryption)
    for lines in pages:
        pdf.add_page()
        y = 20.0
        for text, size, bold in lines:
            if text == "":
                y += 4
                continue
            pdf.set_font("Helvetica", "B" if bold else "", size)
            pdf.set_xy(20, y)
            pdf.cell(0, size * 0.5, text)
            y += size * 0.5
    return bytes(pdf.output())


def body(text: str) -> tuple[str, float, bool]:
    return (text, 10.5, False)


PDF_PAGES = [
    [
        (TITLE, 16, True),
        ("", 0, False),
        body("Kommunen har gjennom hele året arbeidet med smitte-"),
        body("sporing og testing. Arbeidet har krevd mye av helse-"),
        body("og omsorgstjenestene."),
    ],
    [
        (HEADER, 12, True),
        ("", 0, False),
        body("Det er nå 246 smittede i Bærum, 8 nye"),
        body("fra søndag."),
        ("", 0, False),
        body(LEAD),
        ("", 0, False),
        body(f"• {ITEMS[0]}"),
        body(f"• {ITEMS[1]}"),
        ("", 0, False),
        body(PHONE),
    ],
]
PDF_TEXT = (
    f"{TITLE}\n\nKommunen har gjennom hele året arbeidet med smittesporing og testing. "
    "Arbeidet har krevd mye av helse- og omsorgstjenestene.\n\n" + PLAIN.split("\n\n", 1)[1]
)


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return make_pdf(PDF_PAGES)


def make_docx() -> bytes:
    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_heading(HEADER, level=2)
    d.add_paragraph(CASES)
    d.add_paragraph(LEAD)
    for item in ITEMS:
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph(PHONE)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# -- the same records as plain text --------------------------------------------------------


def test_html_gives_the_records_of_the_plain_text() -> None:
    converted = convert_bytes(HTML.encode(), "side.html")
    assert converted.format == "html"
    assert converted.text == PLAIN.replace("67 50 48 48", "67\u00a050\u00a048\u00a048")
    got = list(extract_bytes(HTML.encode(), "side.html"))
    want = list(extract_text(converted.text, doc="side.html"))
    assert comparable(got[1:]) == comparable(want)
    kinds = {r["kind"] for r in got}
    assert {"date_header", "case_count", "bullet", "phone"} <= kinds
    assert all(r["date"] == "2020-06-26" for r in got if r["kind"] == "case_count")


def test_html_navigation_and_footer_phones_are_not_the_pages_own() -> None:
    phones = [r["number"] for r in list(extract_bytes(HTML.encode(), "x.html", only="phone"))[1:]]
    assert phones == ["+4767504848"]
    whole_page = extract_bytes(HTML.encode(), "s.html", only="phone", whole_page=True)
    whole = [r["number"] for r in list(whole_page)[1:]]
    assert whole == ["+4767504050", "+4767504848", "116117"]
    assert "99 99 99 99" not in convert_bytes(HTML.encode(), "s.html", whole_page=True).text


def test_two_page_pdf_gives_the_records_of_the_plain_text_with_pages(pdf_bytes: bytes) -> None:
    converted = convert_bytes(pdf_bytes, "rapport.pdf")
    assert converted.format == "pdf"
    assert converted.text == PDF_TEXT
    assert converted.pages == 2
    assert converted.page_starts == (0, PDF_TEXT.index(HEADER))
    got = list(extract_bytes(pdf_bytes, "rapport.pdf"))
    assert got[0]["pages"] == 2 and got[0]["format"] == "pdf"
    assert comparable(got[1:]) == comparable(list(extract_text(PDF_TEXT)))
    header = next(r for r in got if r["kind"] == "date_header")
    assert (header["page"], header["date"]) == (2, "2020-06-26")
    assert all(r["page"] == 2 for r in got[1:] if r["kind"] != "document")
    total = next(r for r in got if r["kind"] == "case_count" and r["metric"] == "total")
    assert (total["value"], total["date"]) == (246, "2020-06-26")


def test_pdf_records_carry_page_right_after_the_envelope(pdf_bytes: bytes) -> None:
    for r in list(extract_bytes(pdf_bytes, "rapport.pdf"))[1:]:
        assert list(r)[7] == PAGE.name
        assert check_record(r) is None
    assert check_record({"kind": "phone", "doc": "a.pdf", "page": "2"}) is not None


def test_docx_gives_the_records_of_the_plain_text() -> None:
    data = make_docx()
    converted = convert_bytes(data, "referat.docx")
    assert (converted.format, converted.text, converted.encoding) == ("docx", PLAIN, "unicode")
    got = list(extract_bytes(data, "referat.docx"))
    assert comparable(got[1:]) == comparable(list(extract_text(PLAIN)))
    assert "pages" not in got[0] and all("page" not in r for r in got)


def test_plain_text_document_record_says_text_and_nothing_else_changed() -> None:
    doc = next(extract_bytes(PLAIN.encode(), "logg.txt"))
    assert list(doc)[7:] == ["schema", "sha256", "format", "encoding", "chars", "lines"]
    assert doc["format"] == "text"


# -- the CLI -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_text_command_prints_what_every_span_points_into(
    fmt: str, tmp_path: Path, pdf_bytes: bytes
) -> None:
    data = {"html": HTML.encode(), "pdf": pdf_bytes, "docx": make_docx()}[fmt]
    path = tmp_path / f"doc.{fmt}"
    path.write_bytes(data)
    shown = run(["text", str(path)])
    assert shown.exit_code == 0, shown.output
    text = shown.stdout_bytes.decode("utf-8")
    extracted = run(["extract", str(path)])
    assert extracted.exit_code == 0, extracted.output
    recs = records(extracted.stdout)
    assert recs[0]["format"] == fmt and recs[0]["chars"] == len(text)
    assert len(recs) > 5
    for r in recs[1:]:
        start, end = r["span"]
        assert text[start:end] == r["text"]
        assert text.count("\n", 0, start) + 1 == r["line"]


def test_format_by_content_first_then_by_name(tmp_path: Path, pdf_bytes: bytes) -> None:
    assert sniff_format(pdf_bytes, "notes.txt") == "pdf"
    assert sniff_format(make_docx(), "notes.txt") == "docx"
    assert sniff_format(HTML.encode(), "notes.txt") == "html"
    assert sniff_format(b"<p>Hei</p>", "notes.txt") == "text"
    assert sniff_format(b"<p>Hei</p>", "side.HTM") == "html"
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("data.csv", "a,b\n")
    assert sniff_format(zipped.getvalue(), "x.docx") == "text"  # decoding then refuses it
    path = tmp_path / "misnamed.txt"
    path.write_bytes(pdf_bytes)
    result = run(["extract", str(path)])
    assert result.exit_code == 0 and records(result.stdout)[0]["format"] == "pdf"


def test_doc_names_stdin_and_hints_its_format() -> None:
    fragment = f"<h2>{HEADER}</h2><p>{CASES}</p>"
    result = run(["extract", "-", "--doc", "logg.html", "--only", "date_header"], fragment)
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert [r["doc"] for r in recs] == ["logg.html", "logg.html"]
    assert recs[0]["format"] == "html" and recs[1]["text"] == HEADER
    plain = records(run(["extract", "-", "--only", "date_header"], fragment).stdout)
    assert plain[0]["format"] == "text" and plain[0]["doc"] == "-"
    misuse = run(["extract", "--doc", "x.html", "nowhere.txt"])
    assert misuse.exit_code == 2 and "--doc" in misuse.stderr


def test_reports_read_pdfs(tmp_path: Path, pdf_bytes: bytes) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf_bytes)
    result = run(["cases", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = records(result.stdout)
    assert [(r["date"], r["total"]) for r in rows] == [("2020-06-26", 246)]


# -- bad input -----------------------------------------------------------------------------


def test_bad_inputs_name_the_file_and_the_rest_is_processed(tmp_path: Path) -> None:
    (tmp_path / "a-kryptert.pdf").write_bytes(
        make_pdf(PDF_PAGES, owner_password="eier", user_password="hemmelig")
    )
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    (tmp_path / "b-odelagt.docx").write_bytes(broken.getvalue())
    (tmp_path / "c-logg.txt").write_text(PLAIN, "utf-8")
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"Error: {tmp_path / 'a-kryptert.pdf'} is an encrypted PDF")
    assert errors[1].startswith(f"Error: {tmp_path / 'b-odelagt.docx'} is a damaged Word document")
    assert len(errors) == 2
    assert [r["doc"] for r in records(result.stdout) if r["kind"] == "document"] == [
        str(tmp_path / "c-logg.txt")
    ]


def test_scanned_pdf_and_empty_page_are_warnings(tmp_path: Path) -> None:
    scanned = FPDF()
    scanned.add_page()
    scanned.rect(20, 20, 100, 100, style="F")  # a picture of a page, no text layer
    (tmp_path / "skannet.pdf").write_bytes(bytes(scanned.output()))
    menu_only = "<html><body><nav><a href='/'>Forside</a></nav><footer>Tlf 67 50 40 50</footer>"
    (tmp_path / "meny.html").write_text(menu_only, "utf-8")
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Warning: {tmp_path / 'meny.html'} is an HTML page whose text is all navigation, "
        "header and footer; --whole-page keeps them.",
        f"Warning: {tmp_path / 'skannet.pdf'} is a PDF with no text layer (scanned pages?); "
        "run OCR first.",
    ]
    docs = [r for r in records(result.stdout) if r["kind"] == "document"]
    assert [(d["format"], d["chars"]) for d in docs] == [("html", 0), ("pdf", 0)]
    assert docs[1]["pages"] == 1


def test_text_command_errors_are_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really a pdf")
    result = run(["text", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path} is a damaged PDF that cannot be read (")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("module", "extra", "data"),
    [
        ("selectolax", "html", HTML.encode()),
        ("pypdfium2", "pdf", b"%PDF-1.7\n"),
        ("docx", "docx", None),
    ],
)
def test_a_missing_extra_is_named(
    module: str, extra: str, data: bytes | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = data if data is not None else make_docx()
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(MissingExtraError) as e:
        convert_bytes(data, f"x.{extra}")
    assert f"pip install 'kommunetekst[{extra}]'" in str(e.value)
    assert isinstance(e.value, UnreadableInputError)
    assert convert_bytes(PLAIN.encode(), "logg.txt").text == PLAIN  # the core still reads text


# -- shape rules per format -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # <br> starts a line of the same block; inline markup and whitespace collapse.
        (
            "<p><b>Ingen nye smittede</b><br>\n  Onsdag   ble det <i>ikke</i> registrert.</p>",
            "Ingen nye smittede\nOnsdag ble det ikke registrert.\n",
        ),
        # Nested and numbered lists; a paragraph inside an item stays on the item's line.
        (
            "<ol><li>Logg inn<ul><li><p>Med BankID</p></li></ul></li><li>Velg tid</li></ol>",
            "1. Logg inn\n  • Med BankID\n2. Velg tid\n",
        ),
        # Data tables: rows as lines, cells joined; a date in the first cell is no header.
        (
            "<table><tr><th>Dato</th><th>Nye</th></tr><tr><td>28.03.20</td><td><p>12</p></td></tr>"
            "</table><p>Slutt.</p>",
            "Dato | Nye\n28.03.20 | 12\n\nSlutt.\n",
        ),
        # Layout tables (cells that hold headings or paragraphs) are read as blocks.
        (
            "<table><tr><td class='meny'><a href='/'>Forside</a></td><td><h1>Nyheter</h1>"
            "<p>Det er 5 smittede.</p></td></tr></table>",
            "Nyheter\n\nDet er 5 smittede.\n",
        ),
        # Hidden elements, images, forms' controls and soft hyphens.
        (
            "<p hidden>Skjult</p><p style='display: none'>Skjult</p>"
            "<p>Smit&shy;tede <img alt='Bilde'>"
            "<button>Send</button></p>",
            "Smittede\n",
        ),
        # <pre> keeps its lines.
        ("<pre>Uke 12:  4\nUke 13: 17</pre>", "Uke 12:  4\nUke 13: 17\n"),
    ],
)
def test_html_shape(markup: str, text: str) -> None:
    assert convert_bytes(f"<!DOCTYPE html><body>{markup}".encode()).text == text


def test_html_declared_windows_1252_charset() -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>Bærum – søndag</p>"
    converted = convert_bytes(page.encode("cp1252"))
    assert (converted.text, converted.encoding) == ("Bærum – søndag\n", "windows-1252")


def test_html_nesting_thousands_deep_does_not_crash() -> None:
    page = "<!DOCTYPE html><body>" + "<div>" * 5000 + "Dypt" + "</div>" * 5000
    assert convert_bytes(page.encode()).text == "Dypt\n"


def test_pdf_joins_split_words_only_where_clearly_split() -> None:
    data = make_pdf(
        [[body("Smittetallet steg under Covid-"), body("19-pandemien i Nord-"), body("Norge.")]]
    )
    assert convert_bytes(data).text == "Smittetallet steg under Covid-19-pandemien i Nord-Norge.\n"


def test_pdf_table_columns_are_cells() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for y, row in ((20, ("Uke", "Nye", "Totalt")), (27, ("25", "16", "24 60"))):
        for i, cell in enumerate(row):
            pdf.set_xy(20 + 30 * i, y)
            pdf.cell(30, 7, cell, border=1)
    text = convert_bytes(bytes(pdf.output())).text
    assert text == "Uke | Nye | Totalt\n25 | 16 | 24 60\n"
    assert not list(extract_text(text, only="phone"))  # no phone number across the cells


def test_docx_numbered_lists_tables_and_line_breaks() -> None:
    d = docx.Document()
    d.add_paragraph("Tiltak:")
    d.add_paragraph("Hjemmekontor.", style="List Number")
    d.add_paragraph("Munnbind på bussen.", style="List Number")
    p = d.add_paragraph("Kontakt:")
    p.add_run().add_break()
    p.add_run("Sentralbord\t64 96 20 00")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate((("Uke", "Nye"), ("12", "4"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    d.save(out)
    assert convert_bytes(out.getvalue()).text == (
        "Tiltak:\n\n1. Hjemmekontor.\n2. Munnbind på bussen.\n\n"
        "Kontakt:\nSentralbord | 64 96 20 00\n\nUke | Nye\n12 | 4\n"
    )
