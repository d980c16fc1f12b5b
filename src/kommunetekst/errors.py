"""Exceptions of the kommunetekst library. The CLI turns them into one-line errors."""


class KommunetekstError(Exception):
    """Base class of every error kommunetekst raises on purpose."""


class UnknownExtractorError(KommunetekstError, ValueError):
    """An extractor name that is not in the registry."""


class BinaryInputError(KommunetekstError):
    """Input that is not text (NUL bytes, an image, an archive)."""


class InvalidRecordError(KommunetekstError):
    """A JSONL line that is not a kommunetekst record."""
