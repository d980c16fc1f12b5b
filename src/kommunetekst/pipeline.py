"""Run the extractors over a document and yield its records in text order.

Pure: text or bytes in, record dicts out. The CLI does the reading and writing.
Bytes are converted by :mod:`kommunetekst.convert` (plain text, HTML, PDF, Word).
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from .convert import convert_bytes
from .decoding import normalize_text
from .document import Document
from .records import Match, document_record
from .registry import resolve


def iter_records(
    document: Document,
    only: Iterable[str] | str | None = None,
    page_starts: Sequence[int] = (),
) -> Iterator[dict[str, Any]]:
    """The records of ``document`` from the chosen extractors, in text order.

    With ``page_starts`` (the offset where each page of a PDF starts), every record
    says its ``page``.

    Records that start at the same offset come in registry order, then in the
    order their extractor gave them. Every extractor yields in text order. A
    document of ordinary size is collected and sorted at once (a stable sort of
    a few sorted runs is the cheapest merge); a very large one is merged lazily,
    so its records leave as they are made and memory stays a small multiple of
    the text.
    """
    extractors = resolve(only)
    text, name = document.text, document.name
    ordered: Iterable[Match]
    if len(text) <= _SORT_LIMIT:
        found: list[Match] = []
        for e in extractors:
            found += e.extract(document)
        found.sort(key=_START)
        ordered = found
    else:
        streams = [_ranked(e.extract(document), rank) for rank, e in enumerate(extractors)]
        ordered = (t[2] for t in heapq.merge(*streams, key=_START_RANK))
    # Records come in text order, so each line number follows from the last one.
    count = text.count
    line, pos = 1, 0
    if page_starts:
        for m in ordered:
            start = m.start
            line += count("\n", pos, start)
            pos = start
            yield m.to_dict(name, line, text, bisect.bisect_right(page_starts, start))
        return
    for m in ordered:
        start = m.start
        line += count("\n", pos, start)
        pos = start
        yield m.to_dict(name, line, text)


# Documents up to this many characters (1 Mi) have their records sorted in one list:
# a few thousand matches at most, a small multiple of the text in memory.
_SORT_LIMIT = 1 << 20
_START = attrgetter("start")
_START_RANK = itemgetter(0, 1)


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
        records (see :mod:`kommunetekst.records`), in text order.
    """
    return iter_records(Document(normalize_text(text), doc, year), only)


def extract_bytes(
    data: bytes,
    doc: str,
    year: int | None = None,
    only: Iterable[str] | str | None = None,
    *,
    name: str | None = None,
    whole_page: bool = False,
    on_warning: Callable[[str], None] | None = None,
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

    Raises (before anything is yielded):
        BinaryInputError: when ``data`` is no format kommunetekst reads.
        UnreadableInputError: for an encrypted or damaged PDF or Word document, and
            MissingExtraError (a subclass) when the format's extra is not installed.
    """
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
    yield from iter_records(Document(text, doc, year), only, converted.page_starts)
