"""One line that says what this extractor finds.

Copy this file to ``extractors/<plural_noun>.py``, add its name to
``registry.EXTRACTORS``, and write ``tests/test_<plural_noun>.py`` with a
sentence table (EXAMPLES, NO_MATCH, KNOWN_FAILURES). The docstring is the
extractor's reference page: purpose, caveats (what it deliberately does not
catch), its fields, and one real sentence with its JSONL output, which
``tests/test_registry.py`` checks against what ``extract`` really returns.

Fields: ``value``.

Example::

    Et eksempel med 42 i seg.

    {"kind": "template", "doc": "-", "line": 1, "span": [16, 18], "text": "42",
     "date": null, "value": 42}
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..records import ExtractorInfo, Match

INFO = ExtractorInfo(
    name="template",
    kind="template",
    version="0.0",
    description="Template for new extractors (not registered)",
    fields={"value": "integer"},
)

_NUMBER_RE = regex.compile(r"\b\d+\b")


def extract(doc: Document) -> Iterator[Match]:
    """Yield matches in text order. Pure: no I/O, no clock, no global state."""
    for m in _NUMBER_RE.finditer(doc.text):
        yield Match("template", m.start(), m.end(), doc.date_at(m.start()), {"value": int(m[0])})
