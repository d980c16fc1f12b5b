"""Run the extractors over a document and yield its records in text order.

Pure: text or bytes in, record dicts out. The CLI does the reading and writing.
Bytes are converted by :mod:`kommunetekst.convert` (plain text, HTML, PDF, Word).
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from .convert import convert_bytes
from .decoding import normalize_text
from .document import Document
from .records import Match, document_record
from .registry import Extractor, resolve

#: Told that an extractor raised: its kind, the exception, and the line of its last
#: record before it (None when it had given none). Its later records are missing.
OnError = Callable[[str, Exception, "int | None"], None]


def iter_records(
    document: Document,
    only: Iterable[str] | str | None = None,
    page_starts: Sequence[int] = (),
    on_error: OnError | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of ``document`` from the chosen extractors, in text order.

    Every record says its ``section``: the date header line it sits under (the
    ``text`` of that header's ``date_header`` record), or None above the first header.
    With ``page_starts`` (the offset where each page of a PDF starts), every record
    says its ``page``.

    An extractor that raises (a bug) raises here, unless ``on_error`` is given:
    then it is told, that extractor's later records are missing, and the other
    extractors' records all come.

    Records that start at the same offset come in registry order, then in the
    order their extractor gave them. Every extractor yields in text order. A
    document of ordinary size is collected and sorted at once (a stable sort of
    a few sorted runs is the cheapest merge); a very large one is merged lazily,
    so its records leave as they are made and memory stays a small multiple of
    the text.
    """
    extractors = resolve(only)
    text, name = document.text, document.name
    streams = [
        e.extract(document) if on_error is None else _guarded(e, document, on_error)
        for e in extractors
    ]
    ordered: Iterable[Match]
    if len(text) <= _SORT_LIMIT:
        found: list[Match] = []
        for stream in streams:
            found += stream
        found.sort(key=_START)
        ordered = found
    else:
        ranked = [_ranked(stream, rank) for rank, stream in enumerate(streams)]
        ordered = (t[2] for t in heapq.merge(*ranked, key=_START_RANK))
    # Records come in text order, so each line number and each section follows from the
    # last one. A record's section is the line of the date header above it, as that
    # header's record gives it (from the date to the end of the title).
    count = text.count
    headers = document.headers
    n_headers = len(headers)
    line, pos = 1, 0
    passed, section = 0, None  # headers[passed]: the first header not yet passed
    for m in ordered:
        start = m.start
        line += count("\n", pos, start)
        pos = start
        while passed < n_headers and headers[passed].line_start <= start:
            header = headers[passed]
            section = text[header.start : header.end]
            passed += 1
        page = bisect.bisect_right(page_starts, start) if page_starts else None
        yield m.to_dict(name, line, text, section, page)


# Documents up to this many characters (1 Mi) have their records sorted in one list:
# a few thousand matches at most, a small multiple of the text in memory.
_SORT_LIMIT = 1 << 20
_START = attrgetter("start")
_START_RANK = itemgetter(0, 1)


def _guarded(extractor: Extractor, document: Document, on_error: OnError) -> Iterator[Match]:
    """The extractor's matches until it raises; then ``on_error`` is told."""
    start = None
    try:
        for m in extractor.extract(document):
            start = m.start
            yield m
    except Exception as e:
        line = None if start is None else document.line_of(start)
        on_error(extractor.INFO.kind, e, line)


def _ranked(matches: Iterator[Match], rank: int) -> Iterator[tuple[int, int, Match]]:
    for m in matches:
        yield m.start, rank, m


def extract_text(
    text: str,
    doc: str = "-",
    year: int | None = None,
    only: Iterable[str] | str | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract records from already-decoded text.

    Args:
        text: the text; CRLF and CR are folded to LF before spans are counted.
        doc: the ``doc`` field of the records (a path as the user gave it, ``-``).
        year: the year for dates the text gives without one (``--year``).
        only: extractor names or kinds to run (``["phone", "bullet"]`` or
            ``"phone,bullet"``); all when None.

    Yields:
        records (see :mod:`kommunetekst.records`), in text order. A lone surrogate
        (``"\\ud800"``, which no UTF-8 text can hold) is read as U+FFFD, so every
        record can be written as JSON.

    Raises:
        TypeError: an argument of the wrong type (``bytes`` go to :func:`extract_bytes`).
        ValueError: a ``year`` no date can have (outside 1–9999).
        UnknownExtractorError: a name in ``only`` that is no extractor.
    """
    if isinstance(text, bytes | bytearray):
        raise TypeError("extract_text() takes str; decode bytes with extract_bytes()")
    _check_type("text", text, str)
    only = _check_arguments(doc, year, only)
    resolve(only)  # an unknown name fails here, not at the first record
    return iter_records(Document(normalize_text(_without_surrogates(text)), doc, year), only)


def _check_type(name: str, value: object, kind: type) -> None:
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {kind.__name__}, not {type(value).__name__}")


def _check_arguments(doc: object, year: object, only: object) -> str | list[str] | None:
    """The checks every entry point makes: a wrong type is a TypeError, not a crash deep
    inside. Returns ``only`` as a str, a list or None (an iterator is read once here)."""
    _check_type("doc", doc, str)
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int or None, not {type(year).__name__}")
        if not 1 <= year <= 9999:
            raise ValueError(f"year must be between 1 and 9999, not {year}")
    if only is None or isinstance(only, str):
        return only
    try:
        names: list[str] = list(only)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(
            f"only must be a str, an iterable of str or None, not {type(only).__name__}"
        ) from None
    for name in names:
        _check_type("each name in only", name, str)
    return names


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


def extract_bytes(
    data: bytes,
    doc: str,
    year: int | None = None,
    only: Iterable[str] | str | None = None,
    *,
    name: str | None = None,
    whole_page: bool = False,
    on_warning: Callable[[str], None] | None = None,
    on_error: OnError | None = None,
) -> Iterator[dict[str, Any]]:
    """Convert ``data`` (text, HTML, PDF or Word) and yield its document record, then its records.

    Args:
        data: the input's bytes; the format is told by the content, then by the name.
        doc: the ``doc`` field of the records.
        year, only: as for :func:`extract_text`.
        name: the file name that hints at the format; ``doc`` when not given.
        whole_page: HTML: read the whole page, navigation, header and footer included.
        on_warning: called with a sentence (to follow the file name) when the input
            was read but gave no text, e.g. a scanned PDF.
        on_error: told when an extractor raises (see :func:`iter_records`).

    Raises (before anything is yielded):
        BinaryInputError: when ``data`` is no format kommunetekst reads.
        UnreadableInputError: for an encrypted or damaged PDF or Word document, and
            MissingExtraError (a subclass) when the format's extra is not installed.
        TypeError, ValueError: as :func:`extract_text` does.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if isinstance(data, memoryview):
        data = data.tobytes()  # the format is told by bytes methods a memoryview lacks
    only = _check_arguments(doc, year, only)
    if name is not None:
        _check_type("name", name, str)
    converted = convert_bytes(data, doc if name is None else name, whole_page)
    if converted.warning and on_warning is not None:
        on_warning(converted.warning)
    text = converted.text
    lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    yield document_record(
        doc,
        hashlib.sha256(data).hexdigest(),
        converted.encoding,
        len(text),
        lines,
        converted.format,
        converted.pages,
    )
    # The converted text is already normalised; extract_text would do it again.
    yield from iter_records(Document(text, doc, year), only, converted.page_starts, on_error)
