"""Robustness (issue 7): whatever is in the folder, every input is processed or
skipped with one sentence, the rest of the work is never lost, and nothing lies.

Where new cases go:

- bytes that must decode to a given text and ``encoding`` label: ``ENCODINGS``;
  bytes that must be refused as binary: ``BINARY``; near-misses that must
  still be read as text: ``NOT_BINARY``;
- a whitespace or punctuation variant that must extract like the plain
  sentence (compared on score.py's key fields): ``SAME_AS_PLAIN``, or
  ``KNOWN_FAILURES`` (``xfail(strict=True)``, with the reason) while it does not;
- adversarial text for the patterns: ``ADVERSARIAL`` (it runs for every
  registered extractor);
- file-system and output situations: a test function in their section.

Signals, pipes and real processes are in ``test_robust_process.py``; property
tests in ``test_robust_properties.py``; big inputs (``-m slow``) in
``test_robust_big.py``.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import random
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

import orjson
import pytest
from click.testing import CliRunner

import kommunetekst.cli.extract as cli_extract
from conftest import load_score_module, records
from kommunetekst import extract_text
from kommunetekst.cli import cli
from kommunetekst.decoding import decode_bytes, normalize_text
from kommunetekst.errors import BinaryInputError
from kommunetekst.registry import all_info, extractor_names

KINDS = {info.kind for info in all_info()}
KEY = load_score_module().KEY


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=input)


def lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line]


def doc_records(output: str) -> list[dict[str, Any]]:
    return [r for r in lines(output) if r["kind"] == "document"]


def stderr_lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.strip()]


LOG = "26.06.20 Dagens smittetall\n\nKontakt: post@baerum.kommune.no\n\nTema\n • Bolig\n • Arbeid\n"
NORSK = "Bærum og Ås: Økt smitte på Østlandet – «Ærlig talt» koster 5 €.\n"
LATIN1 = "Bærum og Ås: Økt smitte på Østlandet, «Ærlig talt».\n"  # no € or –: not in ISO-8859-1


# -- encodings --------------------------------------------------------------------------------


class Enc(NamedTuple):
    id: str
    data: bytes
    text: str
    encoding: str


ENCODINGS = [
    Enc("utf-8", NORSK.encode(), NORSK, "utf-8"),
    Enc("utf-8 with BOM", codecs.BOM_UTF8 + NORSK.encode(), NORSK, "utf-8-sig"),
    Enc("utf-16-le with BOM", codecs.BOM_UTF16_LE + NORSK.encode("utf-16-le"), NORSK, "utf-16"),
    Enc("utf-16-be with BOM", codecs.BOM_UTF16_BE + NORSK.encode("utf-16-be"), NORSK, "utf-16"),
    Enc("utf-32 with BOM", NORSK.encode("utf-32"), NORSK, "utf-32"),
    Enc("windows-1252", NORSK.encode("cp1252"), NORSK, "windows-1252"),
    Enc("iso-8859-1", LATIN1.encode("latin-1"), LATIN1, "windows-1252"),
    # Windows-1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined: read as ISO-8859-1, never an error.
    Enc(
        "windows-1252 undefined bytes",
        b"Tr\xf8ndelag \x81\x8d\x8f\x90\x9d\n",
        "Trøndelag \x81\x8d\x8f\x90\x9d\n",
        "windows-1252",
    ),
    # A UTF-8 file with invalid bytes in the middle stays UTF-8; the bytes become U+FFFD.
    Enc(
        "invalid utf-8 in the middle",
        NORSK.encode() + b"\xff\xfe\xc3" + NORSK.encode(),
        NORSK + "\ufffd\ufffd\ufffd" + NORSK,
        "utf-8 (3 invalid bytes replaced)",
    ),
    # One word saved as Windows-1252 inside a UTF-8 text: replaced, not the whole file mojibake.
    Enc(
        "one windows-1252 byte in utf-8",
        "Bærum ".encode() + "på".encode("cp1252") + " Ås\n".encode(),
        "Bærum p\ufffd Ås\n",
        "utf-8 (1 invalid byte replaced)",
    ),
    Enc(
        "utf-8 cut inside its last character",
        "Bærum kommune på".encode()[:-1],
        "Bærum kommune p\ufffd",
        "utf-8 (1 invalid byte replaced)",
    ),
    # ...but ASCII + one high byte at the very end is Windows-1252, not a cut UTF-8 character.
    Enc(
        "windows-1252 ending in å",
        "Velkommen til oss på".encode("cp1252"),
        "Velkommen til oss på",
        "windows-1252",
    ),
    Enc(
        "utf-16 cut inside its last character",
        NORSK.encode("utf-16")[:-1],
        NORSK[:-1] + "\ufffd",
        "utf-16 (1 invalid byte replaced)",
    ),
    Enc(
        "utf-8 BOM then invalid bytes",
        codecs.BOM_UTF8 + b"Tr\xf8ndelag\n",
        "Tr\ufffdndelag\n",
        "utf-8-sig (1 invalid byte replaced)",
    ),
    Enc("CRLF", NORSK.replace("\n", "\r\n").encode() * 2, NORSK * 2, "utf-8"),
    Enc("lone CR", b"a\rb\r\rc", "a\nb\n\nc", "utf-8"),
    Enc("CRLF in windows-1252", "Ås\r\nØst\r\n".encode("cp1252"), "Ås\nØst\n", "windows-1252"),
    Enc("NFD", unicodedata.normalize("NFD", NORSK).encode(), NORSK, "utf-8 (normalized to NFC)"),
    Enc(
        "soft hyphen and zero-width space",
        "smit\u00adtede i Bæ\u200brum\n".encode(),
        "smittede i Bærum\n",
        "utf-8 (2 invisible characters removed)",
    ),
    # Two BOM-prefixed files concatenated (cat a.txt b.txt): the inner BOM is not text.
    Enc(
        "concatenated files with BOMs",
        (codecs.BOM_UTF8 + b"a\n") * 2,
        "a\na\n",
        "utf-8-sig (1 invisible character removed)",
    ),
    Enc("empty", b"", "", "utf-8"),
]


@pytest.mark.parametrize("case", ENCODINGS, ids=[c.id for c in ENCODINGS])
def test_decoding(case: Enc) -> None:
    decoded = decode_bytes(case.data)
    assert decoded.text == case.text
    assert decoded.encoding == case.encoding


@pytest.mark.parametrize("case", ENCODINGS, ids=[c.id for c in ENCODINGS])
def test_document_record_names_the_encoding(case: Enc, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(case.data)
    result = run(["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    doc = lines(result.stdout)[0]
    assert doc["encoding"] == case.encoding
    assert doc["chars"] == len(case.text)


class Bin(NamedTuple):
    id: str
    data: bytes
    says: str  # what the error sentence says after the file name


BINARY = [
    Bin("NUL bytes", b"abc\x00\x00\x01def" * 10, "is a binary file, not text"),
    Bin(
        "PNG renamed .txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "is a PNG image, not text",
    ),
    Bin(
        "PDF",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        "is a PDF document, not text",
    ),
    Bin(
        "Word .docx",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        "is a ZIP archive or Office document, not text",
    ),
    Bin("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "is a gzip archive, not text"),
    Bin("JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF", "is a JPEG image, not text"),
    Bin(
        "UTF-16 BOM but a lone surrogate",
        codecs.BOM_UTF16_LE + b"a\x00\x00\xdcb\x00",
        "has a UTF-16 byte order mark but is not UTF-16 text (illegal encoding)",
    ),
    Bin(
        "UTF-16 BOM with NUL characters",
        codecs.BOM_UTF16_LE + b"a\x00\x00\x00b\x00",
        "is a binary file, not text",
    ),
]

NOT_BINARY = [
    # A NUL after the first 8 KB does not turn a text into a binary file.
    Enc("NUL after 8 KB", b"x" * 9000 + b"\x00y", "x" * 9000 + "\x00y", "utf-8"),
    Enc(
        "starts with PK but is prose",
        b"PK-huset stenger i dag.\n",
        "PK-huset stenger i dag.\n",
        "utf-8",
    ),
    Enc(
        "starts with GIF but is prose",
        b"GIF-animasjoner er forbudt.\n",
        "GIF-animasjoner er forbudt.\n",
        "utf-8",
    ),
]


# PDF and Word documents are not text to decode_bytes; extract converts them (issue 17), so
# these damaged ones are refused as damaged documents, not as binary files.
CONVERTED = {"PDF": "is a damaged PDF", "Word .docx": "is a damaged Word document"}


@pytest.mark.parametrize("case", BINARY, ids=[c.id for c in BINARY])
def test_binary_is_refused_with_what_it_is(case: Bin, tmp_path: Path) -> None:
    with pytest.raises(BinaryInputError) as e:
        decode_bytes(case.data)
    assert str(e.value) == case.says
    path = tmp_path / "notes.txt"
    path.write_bytes(case.data)
    named = run(["extract", str(path)])
    assert named.exit_code == 1
    if case.id in CONVERTED:
        [line] = stderr_lines(named)
        assert line.startswith(f"Error: {path} {CONVERTED[case.id]} that cannot be read (")
    else:
        assert stderr_lines(named) == [
            f"Error: {path} {case.says}; name text, HTML, PDF or Word files."
        ]
    assert named.stdout == ""


@pytest.mark.parametrize("case", NOT_BINARY, ids=[c.id for c in NOT_BINARY])
def test_near_binary_text_is_read(case: Enc) -> None:
    decoded = decode_bytes(case.data)
    assert (decoded.text, decoded.encoding) == (case.text, case.encoding)


def test_binary_in_a_folder_is_a_warning_and_the_rest_is_processed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(LOG, "utf-8")
    (tmp_path / "b.txt").write_bytes(BINARY[1].data)
    (tmp_path / "c.txt").write_bytes(LOG.encode("cp1252", errors="replace"))
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        f"Warning: skipped {tmp_path / 'b.txt'}: it is a PNG image, not text."
    ]
    assert [d["doc"] for d in doc_records(result.stdout)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "c.txt"),
    ]


def test_binary_on_stdin_is_an_error() -> None:
    result = run(["extract", "-"], b"\x00\x01\x02" * 100)
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "Error: - is a binary file, not text; name text, HTML, PDF or Word files."
    ]


def test_device_named_by_mistake_ends_after_8_kb() -> None:
    # /dev/zero never ends: reading it whole would eat all memory.
    result = run(["extract", "/dev/zero"])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "Error: /dev/zero is a binary file, not text; name text, HTML, PDF or Word files."
    ]


# -- the same text in NFD, with CRLF, with invisible characters ------------------------------


def _keys(text: str, **kw: Any) -> list[tuple[Any, ...]]:
    return [
        (r["kind"], r["line"], KEY.get(r["kind"], lambda r: r["text"])(r))
        for r in records(text, **kw)
    ]


SEED_SAMPLE = (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(SEED_SAMPLE)]


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: unicodedata.normalize("NFD", t), id="NFD"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="CRLF"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="lone CR"),
        pytest.param(
            lambda t: t.replace("ø", "\u00adø").replace("kommune", "kom\u200bmune"), id="invisible"
        ),
    ],
)
def test_variants_of_the_seeds_extract_like_the_seeds(
    transform: Any, seed_texts: list[str]
) -> None:
    # Normalisation undoes each variant, so even spans and evidence are identical.
    for text in seed_texts:
        variant = transform(text)
        assert variant != text
        assert list(extract_text(variant)) == list(extract_text(text))


def test_nfd_file_and_nfc_file_give_the_same_records(tmp_path: Path) -> None:
    nfc, nfd = tmp_path / "nfc.txt", tmp_path / "nfd.txt"
    nfc.write_text(LOG.replace("Bolig", "Bolig på Østerås"), "utf-8")
    nfd.write_text(unicodedata.normalize("NFD", LOG.replace("Bolig", "Bolig på Østerås")), "utf-8")
    a, b = lines(run(["extract", str(nfc)]).stdout), lines(run(["extract", str(nfd)]).stdout)
    assert b[0]["encoding"] == "utf-8 (normalized to NFC)"

    def strip(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k not in ("doc", "sha256", "encoding")} for r in rs]

    assert strip(a) == strip(b)
    assert "Bolig på Østerås" in [r.get("item") for r in b]


def test_library_and_cli_agree_on_normalised_text() -> None:
    text = unicodedata.normalize("NFD", "Tema\r\n • Bærum\u00ad kommune\r\n")
    lib = list(extract_text(text, doc="-"))
    cli_recs = lines(run(["extract", "-"], text.encode()).stdout)[1:]
    assert lib == cli_recs
    norm = normalize_text(text)
    for r in lib:
        s, e = r["span"]
        assert norm[s:e] == r["text"]


# -- whitespace and punctuation variants ------------------------------------------------------


class Variant(NamedTuple):
    kind: str
    plain: str
    variant: str


SAME_AS_PLAIN = [
    Variant("phone", "Ring 67 50 94 94 i dag.", "Ring 67\u00a050\u00a094\u00a094 i dag."),
    Variant("phone", "Ring 67 50 94 94 i dag.", "Ring 67\u202f50\u202f94\u202f94 i dag."),
    Variant("phone", "Ring 66 700 000 i dag.", "Ring 66\u00a0700\u00a0000 i dag."),
    Variant("phone", "Ring 67 50 94 94 i dag.", "Ring 67 50\u200b 94 94 i dag."),
    Variant("percentage", "Andelen er 12,5 % i år.", "Andelen er 12,5\u00a0% i år."),
    Variant("percentage", "Andelen er 12,5 prosent i år.", "Andelen er 12,5\u202fprosent i år."),
    Variant("percentage", "Andelen er 12,5 prosent i år.", "Andelen er 12,5 pro\u00adsent i år."),
    Variant("percentage", "Andelen er 12,5 prosent i år.", "Andelen er 12,5\tprosent i år."),
    Variant("opening_hours", "Åpent kl. 09-15 hver dag.", "Åpent kl. 09–15 hver dag."),
    Variant("opening_hours", "Åpent kl. 09-15 hver dag.", "Åpent kl.\u00a009-15 hver dag."),
    Variant("opening_hours", "Åpent kl. 09-15 hver dag.", "Åpent kl. 09—15 hver dag."),
    Variant("opening_hours", "Åpent kl. 09-15 hver dag.", "Åpent kl. 09\u221215 hver dag."),
    Variant(
        "case_count", "Det er nå 1 641 smittede i Bærum.", "Det er nå 1\u00a0641 smittede i Bærum."
    ),
    Variant(
        "case_count", "Det er nå 1 641 smittede i Bærum.", "Det er nå 1\u202f641 smittede i Bærum."
    ),
    Variant(
        "case_count", "Det er nå 246 smittede i Bærum.", "Det er nå 246 smit\u00adtede i Bærum."
    ),
    Variant("case_count", "Det er nå 246 smittede i Bærum.", "Det er nå 246\tsmittede i Bærum."),
    Variant("date_header", "26.06.20 Dagens smittetall", "26.06.20\u00a0Dagens smittetall"),
    Variant("date_header", "26.06.20 Dagens smittetall", "26.06.20\tDagens smittetall"),
    Variant("date_header", "26.06.20 Dagens smittetall", "\ufeff26.06.20 Dagens smittetall"),
    Variant("date_header", "26.06.20 Dagens smittetall", "26.06.20 Dagens smitte\u00adtall"),
    Variant("date_header", "20. mars: Nytt fra kommunen", "20.\u00a0mars: Nytt fra kommunen"),
    Variant(
        "email",
        "Skriv til post@baerum.kommune.no i dag.",
        "Skriv til post@baerum.kom\u00admune.no i dag.",
    ),
    Variant(
        "email",
        "Skriv til post@baerum.kommune.no i dag.",
        "Skriv til post@baerum.kommune.no\u200b i dag.",
    ),
    Variant("bullet", "Tema:\n • Bolig\n • Arbeid", "Tema:\n\t•\tBolig\n\t•\tArbeid"),
    Variant(
        "bullet", "Tema:\n • Bolig\n • Arbeid", "Tema:\n\u00a0•\u00a0Bolig\n\u00a0•\u00a0Arbeid"
    ),
]

KNOWN_FAILURES: list[tuple[Variant, str]] = []


def _check_variant(case: Variant) -> None:
    if case.kind not in KINDS:
        pytest.skip(f"no {case.kind} extractor registered yet")
    key = KEY[case.kind]
    plain = [key(r) for r in records(case.plain, only=case.kind)]
    assert plain, f"the plain sentence gives no {case.kind}: fix the case"
    assert [key(r) for r in records(case.variant, only=case.kind)] == plain


@pytest.mark.parametrize(
    "case", SAME_AS_PLAIN, ids=[f"{c.kind}: {c.variant!r}" for c in SAME_AS_PLAIN]
)
def test_variant_extracts_like_plain(case: Variant) -> None:
    _check_variant(case)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=why))
        for c, why in KNOWN_FAILURES
    ],
    ids=[f"{c.kind}: {c.variant!r}" for c, _ in KNOWN_FAILURES],
)
def test_known_failures(case: Variant) -> None:
    _check_variant(case)


# -- adversarial text ---------------------------------------------------------------------------

_rng = random.Random(7)
ADVERSARIAL = {
    "digits and spaces": "1 " * 100_000,
    "digits": "1" * 200_000,
    "digits and no-break spaces": "12\u00a0" * 66_000,
    "bullets": "• " * 100_000,
    "bullet lines": "• a\n" * 50_000,
    "dash lines": "- a\n" * 50_000,
    "dots": ".".join("1234567890" * 20_000),
    "dot run": "." * 200_000,
    "kl. 09- repeated": "kl. 09-" * 28_000,
    "smittede repeated": "smittede " * 22_000,
    "prosent repeated": "12,5 prosent " * 15_000,
    "at signs": "@" * 200_000,
    "a@ repeated": "a@" * 100_000,
    "dots then @": "a." * 100_000 + "@b.no",
    "date headers": "01.02.20 x\n" * 18_000,
    "weekdays": "mandag " * 28_000,
    "newlines": "\n" * 200_000,
    "spaces in a dash item": "- a" + " " * 200_000 + "b\n- c\n",
    "spaces after an inline bullet": "• a •" + " " * 200_000 + "\n",
    "long line of words": "Det er nå 246 smittede, 8 nye fra søndag. " * 5_000,
    "random unicode": "".join(chr(_rng.randrange(0x20, 0x3000)) for _ in range(200_000)),
    "random digits, dots and dashes": "".join(
        _rng.choice("0123456789 .,-–:\n") for _ in range(200_000)
    ),
}


@pytest.mark.parametrize("name", extractor_names())
@pytest.mark.parametrize("pattern", list(ADVERSARIAL))
def test_adversarial_text_finishes(pattern: str, name: str) -> None:
    text = ADVERSARIAL[pattern]
    out = list(extract_text(text, only=name))
    assert isinstance(out, list)
    norm = normalize_text(text)
    for r in out[:1000]:
        s, e = r["span"]
        assert norm[s:e] == r["text"]


# -- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [b"", "   \n\t\n\u00a0\n\u200b".encode(), b"\n", b"\r\n" * 1000]
)
def test_empty_and_blank_files(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    result = run(["extract", str(path)])
    assert result.exit_code == 0 and result.stderr == ""
    recs = lines(result.stdout)
    assert len(recs) == 1 and recs[0]["kind"] == "document"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    top = tmp_path / "top"
    top.mkdir()
    (top / "a.txt").write_text(LOG, "utf-8")
    (top / "z.txt").write_text("01.02.21 Vaksine\n", "utf-8")
    return top


def _good_docs(result, folder: Path) -> None:  # type: ignore[no-untyped-def]
    docs = [d["doc"] for d in doc_records(result.stdout)]
    assert str(folder / "a.txt") in docs and str(folder / "z.txt") in docs


def test_permission_denied_is_one_error_and_the_rest_is_processed(
    folder: Path, monkeypatch: Any
) -> None:
    locked = folder / "m.txt"
    locked.write_text(LOG, "utf-8")
    real = cli_extract.read_source

    def read_source(source):  # type: ignore[no-untyped-def]
        if source.name == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", source.name)
        return real(source)

    monkeypatch.setattr(cli_extract, "read_source", read_source)
    result = run(["extract", str(folder)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"Error: {locked}: cannot read (permission denied)."]
    _good_docs(result, folder)
    assert len(doc_records(result.stdout)) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_real_unreadable_file_and_folder(folder: Path) -> None:
    locked = folder / "m.txt"
    locked.write_text(LOG, "utf-8")
    locked.chmod(0)
    sub = folder / "sub"
    sub.mkdir()
    (sub / "x.txt").write_text(LOG, "utf-8")
    sub.chmod(0)
    try:
        result = run(["extract", str(folder)])
    finally:
        sub.chmod(0o755)
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {sub}: cannot read folder (permission denied).",
        f"Error: {locked}: cannot read (permission denied).",
    ]
    _good_docs(result, folder)


def test_broken_symlink_and_symlink_loop_in_a_folder(folder: Path) -> None:
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "up").symlink_to(folder)  # a folder loop: never followed
    (folder / "link.txt").symlink_to(folder / "z.txt")  # a link to a file is read
    result = run(["extract", str(folder)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {folder / 'broken.txt'}: cannot read (broken symbolic link).",
        f"Error: {folder / 'loop1.txt'}: cannot read (symbolic link loop).",
        f"Error: {folder / 'loop2.txt'}: cannot read (symbolic link loop).",
        f"Warning: skipped {folder / 'up'}: a symbolic link to a folder is not followed.",
    ]
    assert [d["doc"] for d in doc_records(result.stdout)] == [
        str(folder / "a.txt"),
        str(folder / "link.txt"),
        str(folder / "z.txt"),
    ]


def test_broken_symlink_named_on_the_command_line(folder: Path) -> None:
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    result = run(["extract", str(folder / "broken.txt"), str(folder / "a.txt")])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {folder / 'broken.txt'}: cannot read (broken symbolic link)."
    ]
    assert len(doc_records(result.stdout)) == 1


def test_named_pipe_in_a_folder_is_skipped_not_waited_for(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")  # opening it would block until someone writes
    result = run(["extract", str(folder)])
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        f"Warning: skipped {folder / 'pipe.txt'}: not a regular file (a named pipe)."
    ]
    _good_docs(result, folder)


def test_hidden_files_and_folders_are_skipped_silently(folder: Path) -> None:
    (folder / ".cache").mkdir()
    (folder / ".cache" / "x.txt").write_text(LOG, "utf-8")
    (folder / ".swp.txt").write_text(LOG, "utf-8")
    result = run(["extract", str(folder)])
    assert result.exit_code == 0 and result.stderr == ""
    assert len(doc_records(result.stdout)) == 2


def test_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    sub = tmp_path / "Bærum kommune" / "logg – mars 2020"
    sub.mkdir(parents=True)
    path = sub / "Smittetall på Østerås.txt"
    path.write_text(LOG, "utf-8")
    for arg in (str(path), str(tmp_path / "Bærum kommune")):
        result = run(["extract", arg])
        assert result.exit_code == 0, result.output
        assert {r["doc"] for r in lines(result.stdout)} == {str(path)}


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    # Linux file names are bytes; this one is Latin-1 "bær.txt". JSON cannot hold
    # the undecodable byte, so ``doc`` writes it as \xe6 rather than crash.
    with open(os.fsencode(tmp_path) + b"/b\xe6r.txt", "wb") as fh:
        fh.write(LOG.encode())
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    docs = {r["doc"] for r in lines(result.stdout)}
    assert docs == {str(tmp_path) + "/b\\xe6r.txt"}


def test_missing_path_among_good_ones(folder: Path) -> None:
    result = run(["extract", str(folder / "nope.txt"), str(folder)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"Error: {folder / 'nope.txt'}: no such file or folder."]
    assert len(doc_records(result.stdout)) == 2


def test_a_bug_in_one_document_does_not_lose_the_others(folder: Path, monkeypatch: Any) -> None:
    import kommunetekst.pipeline as pipeline

    real = pipeline.extract_bytes

    def extract_bytes(data, doc, *args, **options):  # type: ignore[no-untyped-def]
        if doc.endswith("a.txt"):
            raise ValueError("simulated bug")
        return real(data, doc, *args, **options)

    monkeypatch.setattr(pipeline, "extract_bytes", extract_bytes)
    result = run(["extract", str(folder)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {folder / 'a.txt'}: internal error while extracting (ValueError: simulated bug); "
        "its records were not written. Please report this with the file."
    ]
    assert [d["doc"] for d in doc_records(result.stdout)] == [str(folder / "z.txt")]


def test_a_bug_raises_with_kommunetekst_debug(folder: Path, monkeypatch: Any) -> None:
    import kommunetekst.pipeline as pipeline

    def boom(*args: Any, **kw: Any) -> Any:
        raise ValueError("simulated bug")

    monkeypatch.setattr(pipeline, "extract_bytes", boom)
    monkeypatch.setenv("KOMMUNETEKST_DEBUG", "1")
    result = run(["extract", str(folder / "a.txt")])
    assert isinstance(result.exception, ValueError)


# -- output --------------------------------------------------------------------------------


def test_output_dash_is_stdout(folder: Path) -> None:
    result = run(["extract", str(folder / "a.txt"), "-o", "-"])
    assert result.exit_code == 0
    assert lines(result.stdout)[0]["doc"] == str(folder / "a.txt")
    assert not (Path.cwd() / "-").exists()


def test_output_onto_a_folder_is_a_usage_error(folder: Path) -> None:
    result = run(["extract", str(folder), "-o", str(folder)])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_output_that_cannot_be_created_is_a_usage_error_before_any_work(
    folder: Path, monkeypatch: Any
) -> None:
    out = folder.parent / "out.jsonl"
    out.write_text("old\n")

    def mkstemp(*a: Any, **kw: Any) -> Any:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", mkstemp)
    called = []
    monkeypatch.setattr(cli_extract, "iter_results", lambda *a: called.append(a) or iter(()))
    result = run(["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert f"cannot create a file in {folder.parent} (read-only file system)" in result.stderr
    assert called == []
    assert out.read_text() == "old\n"


def test_output_into_a_place_where_nothing_can_be_created(folder: Path) -> None:
    # /proc exists, but no file can be made there, not even by root.
    result = run(["extract", str(folder), "-o", "/proc/out.jsonl"])
    assert result.exit_code == 2
    assert "Error: Invalid value for -o: cannot create a file in /proc" in result.stderr
    assert "Traceback" not in result.output


def test_read_only_output_file_is_not_replaced(folder: Path, monkeypatch: Any) -> None:
    out = folder.parent / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: pretend to be a user
        real_access = os.access
        ro = os.path.realpath(out)
        monkeypatch.setattr(
            os, "access", lambda p, m: False if os.path.realpath(p) == ro else real_access(p, m)
        )
    result = run(["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert "is read-only" in result.stderr
    assert out.read_text() == "old\n"


def test_output_that_is_also_an_input_is_refused(folder: Path) -> None:
    before = (folder / "a.txt").read_text("utf-8")
    result = run(["extract", str(folder / "a.txt"), "-o", str(folder / "a.txt")])
    assert result.exit_code == 2
    assert "is one of the inputs" in result.stderr
    assert (folder / "a.txt").read_text("utf-8") == before


def test_old_output_inside_the_walked_folder_is_not_read_again(folder: Path) -> None:
    out = folder / "records.jsonl"
    first = run(["extract", str(folder), "-o", str(out)])
    assert first.exit_code == 0 and first.stderr == ""
    once = out.read_bytes()
    second = run(["extract", str(folder), "-o", str(out)])
    assert second.exit_code == 0
    assert stderr_lines(second) == [f"Warning: skipped {out}: it is the output file."]
    assert out.read_bytes() == once


def test_output_through_a_symlink_replaces_the_target(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = run(["extract", str(folder / "a.txt"), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert lines(target.read_text("utf-8"))[0]["kind"] == "document"
    assert target.stat().st_mode & 0o777 == 0o640


def _no_temp_files(where: Path) -> None:
    assert [p.name for p in where.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_full_disk_during_output_leaves_the_old_file(
    failing: str, folder: Path, monkeypatch: Any
) -> None:
    out = folder.parent / "out.jsonl"
    out.write_text("old\n")

    def no_space(*a: Any, **kw: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        from kommunetekst.cli._io import AtomicOutput

        class Full:
            def __init__(self, fh: Any) -> None:
                self.fh = fh

            def write(self, data: bytes) -> int:
                no_space()
                return 0

            def flush(self) -> None:
                self.fh.flush()

        real_enter = AtomicOutput.__enter__
        monkeypatch.setattr(AtomicOutput, "__enter__", lambda self: Full(real_enter(self)))
    else:
        monkeypatch.setattr(os, failing, no_space)
    result = run(["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: cannot write {out} (no space left on device); it was left as it was."
    ]
    assert out.read_text() == "old\n"
    _no_temp_files(folder.parent)


def test_interrupt_during_output_leaves_the_old_file(folder: Path, monkeypatch: Any) -> None:
    out = folder.parent / "out.jsonl"
    out.write_text("old\n")
    real = cli_extract.process_source
    count = []

    def process_source(*a: Any, **kw: Any) -> Any:
        count.append(1)
        if len(count) == 2:
            raise KeyboardInterrupt
        return real(*a, **kw)

    monkeypatch.setattr(cli_extract, "process_source", process_source)
    result = run(["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1  # CliRunner's click: "Aborted!"; the real entry point exits 130
    assert out.read_text() == "old\n"
    _no_temp_files(folder.parent)


# -- determinism ---------------------------------------------------------------------------


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A folder as a crawler leaves it: encodings, binary, links, blanks, sub-folders."""
    top = tmp_path / "messy"
    (top / "sub" / "deeper").mkdir(parents=True)
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    for i, seed in enumerate(seeds):
        text = seed.read_text("utf-8")
        (top / f"{i}-utf8.txt").write_text(text, "utf-8")
        (top / "sub" / f"{i}-cp1252.txt").write_bytes(text.encode("cp1252", errors="replace"))
        (top / "sub" / "deeper" / f"{i}-utf16.txt").write_bytes(
            text.replace("\n", "\r\n").encode("utf-16")
        )
        (top / f"{i}-nfd.txt").write_text(unicodedata.normalize("NFD", text), "utf-8")
    (top / "empty.txt").write_bytes(b"")
    (top / "image.txt").write_bytes(BINARY[1].data)
    (top / "broken.txt").symlink_to(top / "gone")
    (top / "Bærum – logg.txt").write_text(LOG, "utf-8")
    return top


def test_jobs_do_not_change_stdout_stderr_or_status(messy: Path) -> None:
    results = [run(["extract", str(messy), "--jobs", str(j)]) for j in (1, 2, 3)]
    assert len({r.stdout for r in results}) == 1
    assert len({r.stderr for r in results}) == 1
    assert {r.exit_code for r in results} == {1}  # the broken link
    assert results[0].stdout.count('"kind":"document"') == 22


def test_files_one_by_one_give_the_same_bytes_as_the_folder(messy: Path) -> None:
    as_folder = run(["extract", str(messy)])
    files = sorted(str(p) for p in messy.rglob("*.txt") if p.is_file() and p.name != "image.txt")
    one_by_one = run(["extract", *reversed(files)])
    assert one_by_one.stdout == as_folder.stdout


def test_output_is_valid_jsonl_whatever_the_input(messy: Path) -> None:
    out = run(["extract", str(messy)]).stdout.encode()
    assert out.endswith(b"\n")
    for line in out.split(b"\n")[:-1]:
        rec = orjson.loads(line)
        assert isinstance(rec, dict) and rec["kind"]


# -- issue 18: the gaps a fresh attack found ---------------------------------------------------


@pytest.mark.parametrize("name", ["itself", "a hard link", "a symbolic link"])
def test_output_onto_an_input_met_in_a_folder_is_a_usage_error(
    name: str, folder: Path, monkeypatch: Any
) -> None:
    # `extract d -o d/b.txt` used to skip b.txt with a warning and replace it with JSONL.
    b = folder / "b.txt"
    b.write_text("Ring 67 50 94 94.\n", "utf-8")
    out = b if name == "itself" else folder / "other.txt"
    if name == "a hard link":
        os.link(b, out)
    elif name == "a symbolic link":
        out.symlink_to("b.txt")
    called = []
    monkeypatch.setattr(cli_extract, "iter_results", lambda *a: called.append(a) or iter(()))
    result = run(["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{out} is one of the inputs" in result.stderr
    assert called == []
    assert b.read_text("utf-8") == "Ring 67 50 94 94.\n"


def _device(where: Path) -> Path:
    dev = where / "null"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    return dev


@pytest.mark.parametrize("kind", ["named pipe", "device", "link to a device"])
def test_output_onto_a_device_or_a_named_pipe_is_a_usage_error(
    kind: str, folder: Path, tmp_path: Path
) -> None:
    # `-o` used to replace a device node or FIFO with a regular file (as root: /dev/null).
    if kind == "named pipe":
        out = tmp_path / "fifo"
        os.mkfifo(out)
    else:
        if os.geteuid() != 0:
            pytest.skip("only root can make a device node")
        out = _device(tmp_path)
        if kind == "link to a device":
            (tmp_path / "link").symlink_to(out)
            out = tmp_path / "link"
    result = run(["extract", str(folder / "a.txt"), "-o", str(out)])
    assert result.exit_code == 2
    what = "a named pipe" if kind == "named pipe" else "a device"
    assert f"{out} is {what}, not a file" in result.stderr
    mode = os.stat(out).st_mode
    assert stat.S_ISFIFO(mode) if kind == "named pipe" else stat.S_ISCHR(mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_named_pipe_on_the_command_line_without_a_writer_is_an_error_not_a_hang(
    folder: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    import threading

    from kommunetekst.cli import _io

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(_io, "FIFO_WAIT", 0.3)

    def unblock() -> None:  # so that the old code, which waited for ever, fails instead
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(5, unblock)
    timer.start()
    try:
        result = run(["extract", str(fifo), str(folder / "a.txt")])
    finally:
        timer.cancel()
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {fifo}: cannot read (a named pipe that no program wrote to within 0.3 s)."
    ]
    assert [d["doc"] for d in doc_records(result.stdout)] == [str(folder / "a.txt")]


def test_named_pipe_on_the_command_line_is_read_when_a_program_writes_to_it(
    tmp_path: Path,
) -> None:
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:  # waits for the reader
            fh.write(LOG)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = run(["extract", str(fifo)])
    writer.join(10)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == lines(
        run(["extract", "-"], LOG).stdout.replace('"-"', f'"{fifo}"')
    )


def test_a_folder_nested_deeper_than_pythons_recursion_limit(tmp_path: Path) -> None:
    # The recursive walk raised RecursionError ("unexpected … This is a bug"), and the
    # good files beside the deep folder were lost with it.
    top = tmp_path / "top"
    deep = top
    for _ in range(
        sys.getrecursionlimit() + 50
    ):  # one level at a time: mkdir(parents=True) recurses
        deep = deep / "d"
        deep.mkdir(parents=deep.parent == top)
    try:
        (deep / "bottom.txt").write_text(LOG, "utf-8")
        (top / "a.txt").write_text(LOG, "utf-8")
        result = run(["extract", str(top)])
        assert result.exit_code == 0, result.output
        assert [d["doc"] for d in doc_records(result.stdout)] == [
            str(top / "a.txt"),
            str(deep / "bottom.txt"),
        ]
        report = run(["summary", str(top)])
        assert report.exit_code == 0, report.output
    finally:  # pytest's clean-up of old temporary folders recurses: it would fail on this one
        _remove_chain(top)


def _remove_chain(top: Path) -> None:
    """Remove a folder tree without recursion (shutil.rmtree recurses in Python 3.11)."""
    stack = [top]
    while stack:
        folders = []
        for entry in os.scandir(stack[-1]):
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            else:
                os.unlink(entry.path)
        if folders:
            stack.extend(folders)
        else:
            stack.pop().rmdir()


def test_too_little_memory_for_one_file_loses_only_that_file(
    folder: Path, monkeypatch: Any
) -> None:
    # A MemoryError reading one huge file ended the whole run with 0 records.
    real = cli_extract.read_source

    def read_source(source: Any) -> bytes:
        if source.name.endswith("a.txt"):
            raise MemoryError
        return real(source)

    monkeypatch.setattr(cli_extract, "read_source", read_source)
    result = run(["extract", str(folder)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {folder / 'a.txt'}: not enough memory to read it; skipped."
    ]
    assert [d["doc"] for d in doc_records(result.stdout)] == [str(folder / "z.txt")]


def _percentages_that_fail_after_the_first(monkeypatch: Any) -> None:
    """The percentages extractor gives its first match, then raises (a bug)."""
    from kommunetekst.extractors import percentages

    real = percentages.extract

    def extract(document: Any) -> Any:
        for m in real(document):
            yield m
            raise ValueError("simulated bug")

    monkeypatch.setattr(percentages, "extract", extract)


BUGGY = "12 prosent er vaksinert.\nDet er 5 smittede.\n13 prosent er syke.\nRing 67 50 94 94.\n"


def test_an_extractor_that_raises_loses_only_its_own_later_records(
    tmp_path: Path, monkeypatch: Any
) -> None:
    # One extractor's bug lost the document's every later record (all of them, for a
    # document under 1 Mi characters, whose records are sorted at once).
    _percentages_that_fail_after_the_first(monkeypatch)
    (tmp_path / "a.txt").write_text(BUGGY, "utf-8")
    (tmp_path / "b.txt").write_text(LOG, "utf-8")
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {tmp_path / 'a.txt'}: internal error in the percentage extractor (ValueError: "
        "simulated bug); its percentage records after line 1 are missing. Please report this "
        "with the file."
    ]
    got = [(r["doc"][-5:], r["kind"], r["line"]) for r in lines(result.stdout)]
    b = [
        ("b.txt", r["kind"], r["line"])
        for r in lines(run(["extract", str(tmp_path / "b.txt")]).stdout)
    ]
    assert got == [
        ("a.txt", "document", None),
        ("a.txt", "percentage", 1),
        ("a.txt", "case_count", 2),
        ("a.txt", "phone", 4),
        *b,
    ]


@pytest.mark.parametrize("command", ["percentages", "summary"])
def test_a_report_names_the_document_whose_extractor_raised_and_shows_the_others(
    command: str, tmp_path: Path, monkeypatch: Any
) -> None:
    # percentages and summary printed nothing for any file and named none.
    from kommunetekst.cli import _report_input

    monkeypatch.setattr(_report_input, "stdin_is_piped", lambda: True)
    _percentages_that_fail_after_the_first(monkeypatch)
    (tmp_path / "a.txt").write_text(BUGGY, "utf-8")
    (tmp_path / "b.txt").write_text("Det er 15 prosent.\n", "utf-8")
    result = run([command, str(tmp_path), "--format", "csv"])
    assert result.exit_code == 1, result.output
    assert (
        f"Error: {tmp_path / 'a.txt'}: internal error in the percentage extractor" in result.stderr
    )
    if command == "percentages":
        assert "12.0" in result.stdout and "15.0" in result.stdout


def test_a_record_json_cannot_hold_is_left_out_alone(tmp_path: Path, monkeypatch: Any) -> None:
    # A 20-digit count broke the JSON writer, and the document's later records were lost.
    from kommunetekst.extractors import emails
    from kommunetekst.records import Match

    def extract(document: Any) -> Any:
        yield Match("email", 0, 3, None, {"address": 2**64})

    monkeypatch.setattr(emails, "extract", extract)
    (tmp_path / "a.txt").write_text("abc\nDet er 5 smittede.\n", "utf-8")
    result = run(["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {tmp_path / 'a.txt'}:1: a email record could not be written as JSON (Integer "
        "exceeds 64-bit range) and was left out. Please report this with the file."
    ]
    assert [(r["kind"], r["line"]) for r in lines(result.stdout)] == [
        ("document", None),
        ("case_count", 2),
    ]


def test_a_negative_total_is_not_plotted(tmp_path: Path) -> None:
    # One negative case_count value crashed cases --plot-ascii (IndexError).
    text = "01.03.20 Status\nDet er nå 246 smittede.\n\n02.03.20 Status\nDet er nå 250 smittede.\n"
    records = lines(run(["extract", "-"], text).stdout)
    for r in records:
        if r["kind"] == "case_count" and r["value"] == 246:
            r["value"] = -246
    path = tmp_path / "negative.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = run(["cases", str(path), "--plot-ascii"])
    assert result.exit_code == 0, result.output
    assert "2020-03-02 to 2020-03-02" in result.stdout  # the positive total alone is plotted


def test_a_table_cell_shows_at_most_1000_characters(tmp_path: Path) -> None:
    # A 4 MB cell took 20 s to render; csv keeps the whole value.
    item = "ord " * 25_000
    path = tmp_path / "long.txt"
    path.write_text(f"Tiltak:\n • {item.strip()}\n", "utf-8")
    table = run(["bullets", str(path), "--width", "100"])
    assert table.exit_code == 0, table.output
    assert 200 < table.stdout.count("ord") <= 250
    assert "…" in table.stdout
    csv = run(["bullets", str(path), "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.stdout.count("ord") == 25_000


def test_two_file_names_never_get_the_same_doc(tmp_path: Path) -> None:
    # The Latin-1 name b<e6>r.txt and the UTF-8 name "b\xe6r.txt" (with a backslash)
    # both became doc "b\xe6r.txt": two files, one name in the records.
    with open(os.fsencode(tmp_path) + b"/b\xe6r.txt", "wb") as fh:
        fh.write(LOG.encode())
    (tmp_path / "b\\xe6r.txt").write_text(LOG, "utf-8")
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    docs = sorted(d["doc"][len(str(tmp_path)) + 1 :] for d in doc_records(result.stdout))
    assert docs == ["b\\\\xe6r.txt", "b\\xe6r.txt"]


def test_control_characters_in_a_file_name_are_not_printed_raw(tmp_path: Path) -> None:
    # A name holding a newline or a terminal's escape sequence was printed as it was.
    name = "a\nError: forged\x1b[2J.txt"
    (tmp_path / name).symlink_to(tmp_path / "missing")
    result = run(["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"Error: {tmp_path}/a\\x0aError: forged\\x1b[2J.txt: cannot read (broken symbolic link)."
    ]


@pytest.mark.parametrize("text", ["• \x85", "◦ \u2028", "- \x85\n- \u2029", "1. \x85\n2. \x85"])
def test_a_list_item_of_nothing_but_spaces_is_no_item(text: str) -> None:
    # '• \x85' gave {"item": ""}: U+0085 and U+2028 are spaces to str.split, not to the marks.
    assert [r["item"] for r in records(text, "bullet")] == []
    assert [r["item"] for r in records(text + "\n• Bolig\n", "bullet")] == ["Bolig"]


def test_a_long_lead_in_is_cut_to_300_characters_on_every_item() -> None:
    # Each item repeated its whole lead-in: 275 KB of input gave 2.5 GB of JSONL.
    heading = "Tiltak " + "x" * 200_000 + ":"
    text = heading + "\n" + "• a\n" * 12_500
    out = run(["extract", "-"], text)
    assert out.exit_code == 0
    assert len(out.stdout_bytes) < 25 * len(text.encode())
    bullets = [r for r in lines(out.stdout) if r["kind"] == "bullet"]
    assert len(bullets) == 12_500
    assert {r["heading"] for r in bullets} == {heading[:299] + "…"}
    assert {r["category"] for r in bullets} == {
        r["category"] for r in records(heading + "\n• a\n", "bullet")
    }


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((None,), TypeError),
        ((123,), TypeError),
        ((b"Ring 113",), TypeError),
        (("x", "-", 10**20), ValueError),
        (("x", "-", True), TypeError),
        (("x", "-", None, 5), TypeError),
        (("x", "-", None, [5]), TypeError),
        (("x", None), TypeError),
    ],
    ids=["None", "int", "bytes", "year 10**20", "year True", "only 5", "only [5]", "doc None"],
)
def test_extract_text_says_what_is_wrong_with_its_arguments(
    args: tuple[Any, ...], error: type
) -> None:
    # These raised AttributeError, OverflowError or a TypeError from deep inside.
    with pytest.raises(error) as raised:
        list(extract_text(*args))
    assert raised.traceback[-1].path.name == "pipeline.py", "raised deep inside, not at the call"
