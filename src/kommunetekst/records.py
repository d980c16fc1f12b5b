"""The records kommunetekst writes: their fields and types, and how they are built.

Every record is one flat JSON object: the envelope (:data:`ENVELOPE`: ``kind``,
``doc``, ``line``, ``span``, ``text``, ``date``, ``section``), on records of a PDF its
:data:`PAGE`, then the fields of its kind. Each extractor declares its kind's
fields and their types in its ``INFO`` (:class:`ExtractorInfo`); the ``document``
record that opens every document declares its own in :data:`DOCUMENT`. Everything
that needs the shape of a record reads it from these declarations: the reports' record check
(:func:`kommunetekst.reports.schema.check_record`), ``kommunetekst extractors
--json``, and the typed columns of an export.

An extractor yields :class:`Match` objects; the pipeline turns each into its
record with :meth:`Match.to_dict`, and :func:`document_record` builds the
``document`` record. Nobody else builds record dicts by hand. The README's
"What a record looks like" describes the same fields for users.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Literal, cast, get_args

#: Bump when the shape of the records changes for the same input.
#: 2: every record has ``section``.
SCHEMA_VERSION = 2

#: The value types a field can have:
#:
#: - ``string``: a JSON string (an E.164 number like ``+4767509494`` is a string, not a number);
#: - ``integer``: a JSON number without a fraction (``true``/``false`` are not integers);
#: - ``number``: any JSON number (read as a float);
#: - ``date``: an ISO 8601 date string, ``YYYY-MM-DD``;
#: - ``span``: ``[start, end]``, two integers: code-point offsets into the decoded text.
FieldType = Literal["string", "integer", "number", "date", "span"]

#: How a declaration writes a field's type: the type, with ``?`` when the value may be null.
TypeSpec = Literal[
    "string",
    "string?",
    "integer",
    "integer?",
    "number",
    "number?",
    "date",
    "date?",
    "span",
    "span?",
]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its name, its value type, and whether it may be null.

    >>> parse_fields({"value": "integer", "place": "string?"})[1]
    Field(name='place', type='string', nullable=True)
    """

    name: str
    type: FieldType
    nullable: bool


def parse_fields(declared: Mapping[str, TypeSpec]) -> tuple[Field, ...]:
    """The :class:`Field` objects of a ``name -> type`` declaration, in its order.

    Raises:
        ValueError: for a type that is not one of :data:`FieldType` (with or without ``?``).
    """
    out = []
    for name, spec in declared.items():
        base = spec.removesuffix("?")
        if base not in get_args(FieldType):
            raise ValueError(
                f"field {name!r}: unknown type {spec!r}; use one of {get_args(TypeSpec)}"
            )
        out.append(Field(name, cast(FieldType, base), nullable=spec.endswith("?")))
    return tuple(out)


def fits(value: object, type_: FieldType) -> bool:
    """Whether a JSON value (not null) is of ``type_``.

    >>> fits(12, "integer"), fits(True, "integer"), fits(12, "number"), fits("2020-02-30", "date")
    (True, False, True, False)
    """
    # Exact types: JSON parsers give plain str, int, float and list; and a bool is an
    # int to Python, never to a record.
    kind = type(value)
    if type_ == "string":
        return kind is str
    if type_ == "integer":
        return kind is int
    if type_ == "number":
        return kind is int or kind is float
    if type_ == "date":
        return parse_date(value) is not None
    return isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)


def parse_date(value: object) -> _dt.date | None:
    """An ISO date string (``YYYY-MM-DD``) as a date, else None.

    >>> parse_date("2020-03-19"), parse_date("19.03.20"), parse_date(None)
    (datetime.date(2020, 3, 19), None, None)
    """
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


#: The fields every record starts with, in output order. A ``document`` record has
#: only ``kind`` and ``doc``; its ``line``, ``span``, ``text``, ``date`` and ``section`` are null.
ENVELOPE: tuple[Field, ...] = parse_fields(
    {
        "kind": "string",
        "doc": "string",  # the input path as the user gave it; "-" for stdin
        "line": "integer?",  # 1-based line of the evidence's start
        "span": "span?",  # [start, end) of the evidence in the decoded text
        "text": "string?",  # the evidence: decoded_text[start:end]
        "date": "date?",  # the date the record belongs to: its own, or its section's
        # the date header line the record sits under (the ``text`` of that ``date_header``
        # record); null above the first header
        "section": "string?",
    }
)


#: On the records of a PDF only, right after the envelope: the 1-based page where the
#: evidence starts. Records of other formats have no ``page`` field.
PAGE: Field = parse_fields({"page": "integer"})[0]


@dataclass(frozen=True, slots=True)
class ExtractorInfo:
    """What an extractor is and what its records hold; the registry and the CLI read it.

    ``fields`` declares the kind's own fields (after the envelope) in output order,
    each with its type (see :data:`TypeSpec`): the one place where the shape of a
    kind's records is written down. :attr:`record_fields` reads it as :class:`Field` objects.
    """

    name: str  # module name, e.g. "phone_numbers"
    kind: str  # the ``kind`` of its records, e.g. "phone"
    version: str
    description: str
    fields: Mapping[str, TypeSpec] = dataclass_field(default_factory=dict)
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        parse_fields(self.fields)  # an unknown type fails at import, not when a record is checked

    @property
    def record_fields(self) -> tuple[Field, ...]:
        """The kind's own fields, typed (the envelope is :data:`ENVELOPE`)."""
        return parse_fields(self.fields)


#: The ``document`` record that opens every document: what was read and how it was decoded.
DOCUMENT = ExtractorInfo(
    name="document",
    kind="document",
    version=str(SCHEMA_VERSION),
    description=(
        "One per input, before its records: the bytes' sha256, the format, the encoding, the size"
    ),
    fields={
        "schema": "integer",  # SCHEMA_VERSION of the records that follow
        "sha256": "string",  # of the input's bytes
        "format": "string",  # what the input was: "text", "html", "pdf" or "docx"
        # the codec, with notes: "utf-8 (3 invalid bytes replaced)"; "unicode" for PDF and Word
        "encoding": "string",
        "chars": "integer",  # code points of the decoded (converted) text
        "lines": "integer",
        "pages": "integer?",  # PDF only: its number of pages; absent for other formats
    },
)


def document_record(
    doc: str,
    sha256: str,
    encoding: str,
    chars: int,
    lines: int,
    format: str = "text",
    pages: int | None = None,
) -> dict[str, Any]:
    """The ``document`` record: the envelope (null but ``kind`` and ``doc``), then its fields.

    ``pages`` is written only when given (a PDF).

    >>> list(document_record("a.txt", "ab12", "utf-8", 10, 2))[7:]
    ['schema', 'sha256', 'format', 'encoding', 'chars', 'lines']
    >>> document_record("a.pdf", "ab12", "unicode", 10, 2, "pdf", 1)["pages"]
    1
    """
    record: dict[str, Any] = {f.name: None for f in ENVELOPE}
    record.update(
        kind="document",
        doc=doc,
        schema=SCHEMA_VERSION,
        sha256=sha256,
        format=format,
        encoding=encoding,
        chars=chars,
        lines=lines,
    )
    if pages is not None:
        record["pages"] = pages
    return record


# Not frozen: a frozen dataclass pays object.__setattr__ per field, and a dense
# corpus makes ~6,000 matches per MB. Treat a Match as read-only all the same.
@dataclass(slots=True)
class Match:
    """One finding: its evidence span, its date and the kind's own fields."""

    kind: str
    start: int
    end: int
    date: str | None = None
    fields: dict[str, Any] = dataclass_field(default_factory=dict)

    def to_dict(
        self, doc: str, line: int, text: str, section: str | None, page: int | None = None
    ) -> dict[str, Any]:
        """The record: the :data:`ENVELOPE`, its :data:`PAGE` when given, then the kind's fields.

        ``line`` is the line of ``start`` (the pipeline counts it); ``text`` the decoded
        text; ``section`` the date header line above ``start``; ``page`` the page of
        ``start`` in a PDF.
        """
        start, end = self.start, self.end
        record = {
            "kind": self.kind,
            "doc": doc,
            "line": line,
            "span": [start, end],
            "text": text[start:end],
            "date": self.date,
            "section": section,
        }
        if page is not None:
            record["page"] = page
        record.update(self.fields)
        return record
