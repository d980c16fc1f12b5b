"""The extractors kommunetekst knows, by module name. Adding one is one line here."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache
from types import ModuleType
from typing import Protocol

from .document import Document
from .errors import UnknownExtractorError
from .records import ExtractorInfo, Match

#: Module names in ``kommunetekst.extractors``, sorted. Output order of records
#: that start at the same offset follows this order.
EXTRACTORS: tuple[str, ...] = (
    "amounts",
    "bullets",
    "case_counts",
    "date_headers",
    "emails",
    "opening_hours",
    "percentages",
    "persons",
    "phone_numbers",
    "quotes",
)


#: The report commands' names, accepted wherever an extractor is named (``--only phones``):
#: each runs the extractor its report reads. ``decisions`` runs ``bullet`` (all list items).
REPORT_NAMES: dict[str, str] = {
    "cases": "case_count",
    "phones": "phone",
    "timeline": "date_header",
    "headers": "date_header",
    "decisions": "bullet",
    "hours": "opening_hours",
}


class Extractor(Protocol):
    INFO: ExtractorInfo

    def extract(self, doc: Document) -> Iterator[Match]: ...


@cache
def _load(module_name: str) -> ModuleType:
    return importlib.import_module(f"kommunetekst.extractors.{module_name}")


@cache
def _by_alias() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for name in EXTRACTORS:
        info: ExtractorInfo = _load(name).INFO
        for alias in (name, info.kind):
            aliases[alias] = name
            aliases[alias.replace("_", "-")] = name
    for report, kind in REPORT_NAMES.items():
        aliases.setdefault(report, aliases[kind])
    return aliases


def extractor_names() -> list[str]:
    """The module names of all registered extractors."""
    return list(EXTRACTORS)


def get_extractor(name: str) -> Extractor:
    """An extractor module by name (``phone_numbers``, ``phone-numbers``), kind (``phone``)
    or report name (``phones``, :data:`REPORT_NAMES`); case does not matter."""
    module = _by_alias().get(name.strip().lower())
    if module is None:
        import difflib

        valid = sorted({_load(n).INFO.kind for n in EXTRACTORS})
        close = difflib.get_close_matches(name.strip().lower(), list(_by_alias()), n=1)
        hint = f" (did you mean {_load(_by_alias()[close[0]]).INFO.kind}?)" if close else ""
        raise UnknownExtractorError(
            f"Unknown extractor {name!r}{hint}; choose from: {', '.join(valid)} "
            f"(or the report names {', '.join(sorted(REPORT_NAMES))})"
        )
    return _load(module)


def resolve(only: Iterable[str] | str | None) -> list[Extractor]:
    """The extractors to run, in registry order: all, or those named in ``only``.

    ``only`` may be a list of names or one comma-separated string.
    """
    if only is None:
        return [_load(n) for n in EXTRACTORS]
    if isinstance(only, str):
        only = only.split(",")
    wanted = {get_extractor(n).INFO.name for n in only if n.strip()}
    return [_load(n) for n in EXTRACTORS if n in wanted]


def all_info() -> list[ExtractorInfo]:
    return [_load(n).INFO for n in EXTRACTORS]
