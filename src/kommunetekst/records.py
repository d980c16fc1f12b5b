"""The record every extractor produces, and the metadata every extractor declares.

An extractor yields :class:`Match` objects: where the evidence is (``start``,
``end`` in code points of the decoded text), the date it belongs to, and the
kind's own fields. The pipeline turns a match into the JSONL record of
SPEC §1 with :meth:`Match.to_dict`, adding ``doc``, ``line`` and ``text``.
Nobody else builds record dicts by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Bump when the shape of the records changes for the same input.
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ExtractorInfo:
    """What an extractor is; the registry and ``kommunetekst extractors`` read it."""

    name: str  # module name, e.g. "phone_numbers"
    kind: str  # the ``kind`` of its records, e.g. "phone"
    version: str
    description: str
    fields: tuple[str, ...] = ()  # the kind's own fields, in output order
    tags: tuple[str, ...] = ()


# Not frozen: a frozen dataclass pays object.__setattr__ per field, and a dense
# corpus makes ~6,000 matches per MB. Treat a Match as read-only all the same.
@dataclass(slots=True)
class Match:
    """One finding: its evidence span, its date and the kind's own fields."""

    kind: str
    start: int
    end: int
    date: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, doc: str, line: int, text: str) -> dict[str, Any]:
        """The JSONL record: the SPEC §1 envelope, then the kind's fields."""
        start, end = self.start, self.end
        return {
            "kind": self.kind,
            "doc": doc,
            "line": line,
            "span": [start, end],
            "text": text[start:end],
            "date": self.date,
            **self.fields,
        }
