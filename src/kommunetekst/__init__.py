"""kommunetekst: structured, traceable records from Norwegian municipal texts.

>>> from kommunetekst import extract_text
>>> recs = list(extract_text("26.06.20 Dagens smittetall\\n", doc="logg.txt"))
>>> recs[0]["kind"], recs[0]["date"], recs[0]["title"]
('date_header', '2020-06-26', 'Dagens smittetall')

The names below are imported on first use, so that ``import kommunetekst.cli``
(the command's start) does not load the extractors before it needs them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs the start-up 15 ms

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "Document": "document",
    "ExtractorInfo": "records",
    "KommunetekstError": "errors",
    "Match": "records",
    "all_info": "registry",
    "extract_bytes": "pipeline",
    "extract_text": "pipeline",
    "extractor_names": "registry",
    "get_extractor": "registry",
    "iter_records": "pipeline",
}

__all__ = [
    "Document",
    "ExtractorInfo",
    "KommunetekstError",
    "Match",
    "__version__",
    "all_info",
    "extract_bytes",
    "extract_text",
    "extractor_names",
    "get_extractor",
    "iter_records",
]

if TYPE_CHECKING:
    from typing import Any

    from .document import Document
    from .errors import KommunetekstError
    from .pipeline import extract_bytes, extract_text, iter_records
    from .records import ExtractorInfo, Match
    from .registry import all_info, extractor_names, get_extractor


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
