"""Input bytes to the text the extractors read: plain text, HTML pages, PDF reports, Word files.

Pure: bytes in, text and what is known about it out. The CLI reads the files.

:func:`sniff_format` tells the format by the content first and the file name
second: ``%PDF-`` is a PDF, a ZIP holding ``word/document.xml`` is a Word
document, markup that opens like a page (``<!DOCTYPE html``, ``<html``,
``<head>``, ``<body>``) is HTML, whatever the name says; otherwise a name ending
in ``.html``/``.htm``/``.xhtml`` makes it HTML, and anything else is text.

:func:`convert_bytes` converts by the format. Every converter writes the shape
described in :mod:`kommunetekst.convert._blocks` (one block per line, list items
as ``• item`` lines, table rows as lines), and the result is normalised as plain
text is (:func:`kommunetekst.decoding.normalize_text`), so spans count code points
of exactly the text ``kommunetekst text FILE`` prints.

HTML, PDF and Word need libraries installed with extras (``kommunetekst[html]``,
``[pdf]``, ``[docx]``, or all three as ``[formats]``); without one,
converting that format raises :class:`~kommunetekst.errors.MissingExtraError`
naming the extra. Plain text needs nothing beyond the core install.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from typing import Literal

from ..decoding import Decoded, _normalize, decode_bytes
from ..errors import BinaryInputError, UnreadableInputError

Format = Literal["text", "html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("text", "html", "pdf", "docx")

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# How an HTML page opens, after a byte order mark, white space, an XML declaration
# and comments.
_HTML_START_RE = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*){0,5}
    <(?:!doctype\s+html|html|head|body)[\s>]""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Converted:
    """The text of an input and how it was read.

    ``text`` is normalised (LF newlines, NFC, no invisible characters). ``encoding``
    is the ``encoding`` of the document record: the codec for text and HTML, and
    ``unicode`` for PDF and Word, whose text is stored as Unicode; notes in
    parentheses say what normalisation changed. ``page_starts`` (PDF only) holds
    the offset in ``text`` where each page starts. ``warning`` is a sentence for
    an input that was read but gave no text (a scanned PDF), else None.
    """

    text: str
    format: Format
    encoding: str
    page_starts: tuple[int, ...] = ()
    warning: str | None = None

    @property
    def pages(self) -> int | None:
        """How many pages a PDF has; None for the other formats."""
        return len(self.page_starts) if self.format == "pdf" else None


def sniff_format(data: bytes, name: str | None = None) -> Format:
    """The format of ``data``: by its content, then by ``name``'s suffix.

    >>> sniff_format(b"%PDF-1.7 ..."), sniff_format(b"<!DOCTYPE html><p>Hei"), sniff_format(b"Hei")
    ('pdf', 'html', 'text')
    >>> sniff_format(b"<p>Hei</p>", "side.htm"), sniff_format(b"<p>Hei</p>", "side.txt")
    ('html', 'text')
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_word_document(data):
        return "docx"
    if _HTML_START_RE.match(data[:4096]):
        return "html"
    if name and name.lower().endswith(_HTML_SUFFIXES):
        return "html"
    return "text"


def may_convert(head: bytes) -> bool:
    """Whether the first bytes of a binary input may start a document kommunetekst reads.

    A PDF, or a ZIP archive that may be a Word document (the whole file tells).

    >>> may_convert(b"%PDF-1.4"), may_convert(b"PK\\x03\\x04..."), may_convert(b"\\x89PNG")
    (True, True, False)
    """
    return head.startswith((b"%PDF-", b"PK\x03\x04"))


def _is_word_document(data: bytes) -> bool:
    """Whether a ZIP archive is a Word document: it holds ``word/document.xml``."""
    if b"word/" not in data:  # every Word document names its parts under word/
        return False
    import zipfile  # here, as the converters are: most inputs are text

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        # A ZIP that cannot be opened but names a Word part: a damaged Word document,
        # which the Word converter reports as such.
        return b"word/document.xml" in data


def convert_bytes(data: bytes, name: str | None = None, whole_page: bool = False) -> Converted:
    """Convert input bytes to text by their format (see :func:`sniff_format`).

    Args:
        data: the input's bytes.
        name: its file name, a hint for the format when the content does not tell.
        whole_page: HTML: keep navigation, headers, footers and asides (the whole page).

    Raises:
        BinaryInputError: when the bytes are no format kommunetekst reads (an image, an archive).
        UnreadableInputError: for an encrypted or damaged PDF or Word document.
        MissingExtraError: when the format needs a library that is not installed.
    """
    fmt = sniff_format(data, name)
    if fmt == "text":
        decoded = decode_bytes(data)
        return Converted(decoded.text, "text", decoded.encoding)
    if fmt == "html":
        from .html import decode_html, html_to_text

        page = decode_html(data)
        text, trimmed_all = html_to_text(page.text, whole_page)
        warning = None
        if not text.strip():
            warning = (
                "is an HTML page whose text is all navigation, header and footer; "
                "--whole-page keeps them"
                if trimmed_all
                else "is an HTML page with no text"
            )
        return _converted(text, "html", page.codec, page, warning=warning)
    if fmt == "pdf":
        from .pdf import pdf_to_text

        text, page_starts, any_text = pdf_to_text(data)
        warning = (
            None if any_text else "is a PDF with no text layer (scanned pages?); run OCR first"
        )
        return _converted(text, "pdf", "unicode", None, page_starts, warning)
    from .docx import docx_to_text

    return _converted(docx_to_text(data), "docx", "unicode", None)


def _converted(
    text: str,
    fmt: Format,
    codec: str,
    decoded: Decoded | None,
    page_starts: tuple[int, ...] = (),
    warning: str | None = None,
) -> Converted:
    """Normalise converted text as plain text is, keeping page offsets true."""
    normal, nfc_changed, removed = _normalize(text)
    if normal != text and page_starts:
        # NFC and dropped invisible characters shorten the text: count each page's
        # start again in the normalised text of the pages before it.
        page_starts = tuple(len(_normalize(text[:start])[0]) for start in page_starts)
    label = Decoded(
        normal,
        codec,
        decoded.invalid_bytes if decoded else 0,
        "NFC" if nfc_changed or (decoded is not None and decoded.normalized) else None,
        removed + (decoded.invisible_removed if decoded else 0),
    ).encoding
    return Converted(normal, fmt, label, page_starts, warning)


__all__ = [
    "FORMATS",
    "BinaryInputError",
    "Converted",
    "Format",
    "UnreadableInputError",
    "convert_bytes",
    "may_convert",
    "sniff_format",
]
