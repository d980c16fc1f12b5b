"""kommunetekst: structured, traceable records from Norwegian municipal texts.

>>> recs = list(extract_text("26.06.20 Dagens smittetall\\n", doc="logg.txt"))
>>> recs[0]["kind"], recs[0]["date"], recs[0]["title"]
('date_header', '2020-06-26', 'Dagens smittetall')
"""

from .document import Document
from .errors import KommunetekstError
from .pipeline import extract_bytes, extract_text, iter_records
from .records import ExtractorInfo, Match
from .registry import all_info, extractor_names, get_extractor

__version__ = "0.1.0"

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
