"""Exceptions of the kommunetekst library. The CLI turns them into one-line errors."""


class KommunetekstError(Exception):
    """Base class of every error kommunetekst raises on purpose."""


class UnknownExtractorError(KommunetekstError, ValueError):
    """An extractor name that is not in the registry."""


class BinaryInputError(KommunetekstError):
    """Input that is not text (NUL bytes, an image, an archive)."""


class InvalidRecordError(KommunetekstError):
    """A JSONL line that is not a kommunetekst record."""


class UnreadableInputError(KommunetekstError):
    """An HTML page, PDF or Word document that cannot be read: encrypted, damaged, or not one.

    The message reads after the file name: ``report.pdf is an encrypted PDF; …``.
    """


class MissingExtraError(UnreadableInputError):
    """Reading a format needs a library that is installed with an extra (``kommunetekst[pdf]``)."""

    def __init__(self, extra: str, what: str) -> None:
        self.extra = extra
        super().__init__(
            f"is {what}; reading it needs the {extra} extra: pip install 'kommunetekst[{extra}]'"
        )
