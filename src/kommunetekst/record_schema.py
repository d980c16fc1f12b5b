"""The JSON Schema of the records, derived from their declarations (``kommunetekst schema``).

One schema (JSON Schema draft 2020-12) for a line of ``extract``'s output: a
``document`` record or a record of one of the registered kinds, told apart by
``kind``. Each kind's record has exactly the fields its declaration gives
(:data:`kommunetekst.records.ENVELOPE`, then the extractor's ``INFO.fields``),
all present, each of its declared type, null only where the declaration says
``?``. It describes this version's records: a newer version's extra fields or
kinds do not validate against it.

A JSON Schema ``integer`` is any number without a fraction, so ``85.0`` is an
integer here, as it is to the reports (see :mod:`kommunetekst.reports.schema`).
"""

from __future__ import annotations

from typing import Any

from .records import DOCUMENT, ENVELOPE, PAGE, SCHEMA_VERSION, ExtractorInfo, Field, FieldType

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The JSON Schema of each field type.
JSON_TYPES: dict[FieldType, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "span": {
        "type": "array",
        "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
        "items": False,
        "minItems": 2,
    },
}


def field_schema(f: Field) -> dict[str, Any]:
    """The JSON Schema of one field's value; ``null`` is allowed when the field is nullable.

    >>> from kommunetekst.records import parse_fields
    >>> field_schema(parse_fields({"place": "string?"})[0])
    {'type': ['string', 'null']}
    """
    schema = dict(JSON_TYPES[f.type])
    if f.nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


# Fields written only where they apply: a PDF's records carry ``page``, its document
# record ``pages``.
_ONLY_WHERE_THEY_APPLY = frozenset((PAGE.name, "pages"))


def record_schema(info: ExtractorInfo) -> dict[str, Any]:
    """The JSON Schema of one kind's records (or of the ``document`` record)."""
    fields = (*ENVELOPE, *info.record_fields)
    if info is not DOCUMENT:
        fields = (*ENVELOPE, PAGE, *info.record_fields)
    properties: dict[str, Any] = {f.name: field_schema(f) for f in fields}
    properties["kind"] = {"const": info.kind}
    return {
        "type": "object",
        "description": info.description,
        "properties": properties,
        "required": [f.name for f in fields if f.name not in _ONLY_WHERE_THEY_APPLY],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record of this version, every registered kind included.

    >>> schema = json_schema()
    >>> schema["$defs"]["case_count"]["properties"]["value"]
    {'type': 'integer'}
    """
    from . import __version__
    from .registry import all_info

    infos = (DOCUMENT, *all_info())
    return {
        "$schema": DRAFT,
        "title": "kommunetekst record",
        "description": (
            f"One line of `kommunetekst extract` output (kommunetekst {__version__}, record "
            f"schema {SCHEMA_VERSION}): a document record, or a record of one kind, told "
            "apart by `kind`."
        ),
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": [i.kind for i in infos]}},
        "oneOf": [{"$ref": f"#/$defs/{i.kind}"} for i in infos],
        "$defs": {i.kind: record_schema(i) for i in infos},
    }
