"""Turning input bytes into text: BOMs, UTF-8, Windows-1252, binary detection, NFC.

Pure: bytes in, text out. The CLI reads the files.

The rules, in order:

1. **Binary.** A file that starts like a known binary format (PNG, JPEG, GIF,
   PDF, ZIP/Office, gzip, ...) or has a NUL byte in its first 8 KB (and no
   UTF-16/UTF-32 byte order mark) is not text: :class:`BinaryInputError`.
2. **Byte order mark.** UTF-8, UTF-16 and UTF-32 BOMs are obeyed and dropped.
3. **UTF-8.** Valid UTF-8 is read as UTF-8. A UTF-8 file with a few invalid
   bytes (a truncated last character, one corrupt spot) is still read as
   UTF-8, each invalid sequence becoming U+FFFD, and the encoding label says
   how many bytes were replaced: ``"utf-8 (3 invalid bytes replaced)"``.
   "A few" means no more invalid bytes than correctly encoded non-ASCII
   characters, so a UTF-8 file is never read as Windows-1252 mojibake.
4. **Windows-1252** otherwise (ISO-8859-1 agrees with it on every letter
   Norwegian uses; the five bytes Windows-1252 leaves undefined are read as
   ISO-8859-1), labelled ``"windows-1252"``.
5. **Normalisation** (:func:`normalize_text`, which ``extract_text`` applies
   too, so the library and the CLI agree). CRLF and lone CR become LF; the
   text is put in Unicode NFC, so ``å`` written as ``a`` + combining ring
   extracts exactly like ``å``; and invisible format characters that web
   pages scatter inside words and numbers are removed: soft hyphen U+00AD,
   zero-width space U+200B, word joiner U+2060 and U+FEFF (a byte order mark
   left inside text by concatenated files). So ``smit\u00adtede`` reads as
   ``smittede`` for every extractor. Spans count code points of this
   normalised text, and ``text`` is evidence taken from it. When
   normalisation changed anything, the label says so:
   ``"utf-8 (normalized to NFC; 2 invisible characters removed)"``.
   Visible characters are never changed: no-break spaces, tabs, dashes and
   quotes stay as written.

The label is the ``encoding`` of the document record: the codec name first,
then notes in parentheses only when something unusual happened.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from .errors import BinaryInputError
from .textutil import normalize_newlines

#: How many bytes at the start of an input are looked at to tell text from binary.
SNIFF_BYTES = 8192

# Signatures of binary formats a crawler or a colleague may leave under a .txt name.
# Checked before the NUL test so the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "program"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_MAGIC_STARTS = tuple(magic for magic, _ in _MAGIC)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32", "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf_32_be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf_8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf_16_be"),
)

_HIGH_BYTES = bytes(range(0x80, 0x100))


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded.

    ``text`` has its newlines folded to ``\\n`` and is in NFC. ``codec`` is
    the codec used (``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32``,
    ``windows-1252``); ``invalid_bytes`` counts bytes replaced by U+FFFD;
    ``normalized`` is ``"NFC"`` when NFC changed the text;
    ``invisible_removed`` counts the invisible characters removed.
    """

    text: str
    codec: str
    invalid_bytes: int = 0
    normalized: str | None = None
    invisible_removed: int = 0

    @property
    def encoding(self) -> str:
        """The label for the document record: the codec, plus notes when needed.

        >>> Decoded("x", "utf-8").encoding
        'utf-8'
        >>> Decoded("x", "utf-8", 3, "NFC", 1).encoding
        'utf-8 (3 invalid bytes replaced; normalized to NFC; 1 invisible character removed)'
        """
        notes = []
        if self.invalid_bytes:
            s = "" if self.invalid_bytes == 1 else "s"
            notes.append(f"{self.invalid_bytes} invalid byte{s} replaced")
        if self.normalized:
            notes.append(f"normalized to {self.normalized}")
        if self.invisible_removed:
            s = "" if self.invisible_removed == 1 else "s"
            notes.append(f"{self.invisible_removed} invisible character{s} removed")
        return f"{self.codec} ({'; '.join(notes)})" if notes else self.codec


def binary_kind(data: bytes) -> str | None:
    """What binary thing ``data`` looks like, or None when it may be text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    'PNG image'
    >>> binary_kind(b"abc\\x00def")
    'binary file'
    >>> binary_kind("Bærum".encode("utf-16"))  # NUL bytes, but a BOM says UTF-16
    >>> binary_kind(b"26.06.20 Dagens smittetall")
    """
    if data.startswith(_MAGIC_STARTS):
        return next(kind for magic, kind in _MAGIC if data.startswith(magic))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return None
    if data.find(b"\x00", 0, SNIFF_BYTES) != -1:
        return "binary file"
    return None


#: Invisible format characters removed by :func:`normalize_text`: soft hyphen,
#: zero-width space, word joiner, and U+FEFF inside the text.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"


def normalize_text(text: str) -> str:
    r"""``text`` as extractors see it: newlines folded to LF, NFC, no invisible characters.

    Cheap for text that needs nothing (the same object back).

    >>> normalize_text("Ba\u0308rum og a\u030as") == "Bärum og ås"
    True
    >>> normalize_text("smit\u00adtede\r\n")
    'smittede\n'
    """
    return _normalize(text)[0]


def _normalize(text: str) -> tuple[str, bool, int]:
    """The normalised text, whether NFC changed it, and how many invisible characters went."""
    text = normalize_newlines(text)
    removed = 0
    for ch in INVISIBLE:
        # str.replace, not str.translate: a deletion table looks up every character (60x slower)
        if ch in text:
            before = len(text)
            text = text.replace(ch, "")
            removed += before - len(text)
    nfc = unicodedata.normalize("NFC", text)
    return nfc, not (nfc is text or nfc == text), removed


def decode_bytes(data: bytes) -> Decoded:
    """Decode input bytes by the rules of this module's docstring.

    Raises:
        BinaryInputError: when the bytes are not text.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise BinaryInputError(f"is a {kind}, not text")
    for bom, codec, codec_module_name in _BOMS:
        if data.startswith(bom):
            text, invalid = _decode_with_bom(data[len(bom) :], codec, codec_module_name)
            break
    else:
        text, codec, invalid = _decode_utf8_or_cp1252(data)
    text, nfc_changed, removed = _normalize(text)
    return Decoded(text, codec, invalid, "NFC" if nfc_changed else None, removed)


# Labels that the HTML Standard reads as Windows-1252 (ISO-8859-1 and ASCII among them).
_CP1252_LABELS = frozenset(
    """ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1
    iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252""".split()
)


def decode_declared(data: bytes, label: str) -> Decoded | None:
    """Decode ``data`` by a charset the document declares itself (an HTML ``<meta charset>``).

    UTF-8 and unknown labels give None: the caller decodes by the rules of
    :func:`decode_bytes` instead, which read UTF-8 and fall back on Windows-1252
    only when the bytes are not UTF-8. Latin-1 and ASCII labels mean Windows-1252,
    as in browsers. Bytes the declared codec cannot read become U+FFFD.

    >>> decode_declared("Bærum".encode("cp1252"), "ISO-8859-1").text
    'Bærum'
    >>> decode_declared(b"x", "utf-8") is None, decode_declared(b"x", "no-such") is None
    (True, True)
    """
    label = label.strip().lower()
    if label in _CP1252_LABELS:
        text, codec, invalid = _decode_cp1252(data), "windows-1252", 0
    else:
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            return None
        # A page whose <meta> could be read as ASCII is not UTF-16 whatever it says (the
        # HTML Standard reads such a label as UTF-8); base64 and the like are no charsets.
        text_codec = getattr(codecs.lookup(codec), "_is_text_encoding", True)
        if codec.startswith(("utf-8", "utf-16", "utf-32")) or not text_codec:
            return None
        text = data.decode(codec, errors="replace")
        invalid = text.count("\ufffd") - data.count("\ufffd".encode(codec, errors="ignore"))
        invalid = max(invalid, 0)
    text, nfc_changed, removed = _normalize(text)
    return Decoded(text, codec, invalid, "NFC" if nfc_changed else None, removed)


def _decode_with_bom(body: bytes, codec: str, codec_module_name: str) -> tuple[str, int]:
    if codec == "utf-8-sig":
        return _decode_utf8_replacing(body)
    decode = getattr(codecs, f"{codec_module_name}_decode")
    try:
        # final=False: a code unit cut off at the end is left unread, not an error.
        text, consumed = decode(body, "strict", False)
    except UnicodeDecodeError as e:
        name = codec.upper()
        raise BinaryInputError(
            f"has a {name} byte order mark but is not {name} text ({e.reason})"
        ) from e
    if "\x00" in text:
        raise BinaryInputError("is a binary file, not text")
    if consumed < len(body):  # a truncated last character
        return text + "\ufffd", len(body) - consumed
    return text, 0


def _decode_utf8_replacing(data: bytes) -> tuple[str, int]:
    """UTF-8 with invalid sequences as U+FFFD, and the number of invalid bytes."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    valid = data.decode("utf-8", errors="ignore")
    return data.decode("utf-8", errors="replace"), len(data) - len(valid.encode("utf-8"))


def _decode_utf8_or_cp1252(data: bytes) -> tuple[str, str, int]:
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    # Invalid UTF-8 somewhere (a corrupt spot, a last character cut off, or a
    # Windows-1252 file). Count correctly encoded non-ASCII characters against
    # invalid bytes: Windows-1252 text almost never holds a valid UTF-8
    # multi-byte sequence, a damaged UTF-8 text holds many.
    valid = data.decode("utf-8", errors="ignore")
    invalid = len(data) - len(valid.encode("utf-8"))
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    good_non_ascii = len(valid) - ascii_bytes
    if 0 < invalid <= good_non_ascii:
        return data.decode("utf-8", errors="replace"), "utf-8", invalid
    return _decode_cp1252(data), "windows-1252", 0


def _latin1_for_undefined(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


# 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252; read them as Latin-1.
codecs.register_error("kommunetekst-latin1", _latin1_for_undefined)


def _decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="kommunetekst-latin1")
