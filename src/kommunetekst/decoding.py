"""Turning input bytes into text: BOMs, UTF-8, Windows-1252, binary detection.

Pure: bytes in, text out. The CLI reads the files.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import BinaryInputError
from .textutil import normalize_newlines

_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # newlines folded to "\n"
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: a NUL byte early on, without a UTF-16 BOM."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode_bytes(data: bytes) -> Decoded:
    """Decode input bytes the way SPEC §1 says.

    UTF-8 (a BOM is dropped), UTF-16 with a BOM, else Windows-1252 (bytes that
    Windows-1252 leaves undefined are read as ISO-8859-1). CRLF and CR become LF.

    Raises:
        BinaryInputError: when the bytes are not text.
    """
    if looks_binary(data):
        raise BinaryInputError("is a binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise BinaryInputError(f"has a UTF-16 byte order mark but is not UTF-16 ({e.reason})") from e
        if "\x00" in text:
            raise BinaryInputError("is a binary file, not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_cp1252(data), "windows-1252"
    return Decoded(normalize_newlines(text), encoding)


def _latin1_for_undefined(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


# 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252; read them as Latin-1.
codecs.register_error("kommunetekst-latin1", _latin1_for_undefined)


def _decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="kommunetekst-latin1")
