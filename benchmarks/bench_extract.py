#!/usr/bin/env python3
"""Measure how fast kommunetekst extracts, against a plain read-and-decode of the same files.

A script, not a test: it prints a table and never fails a build. Run it from the
repository root with the project's interpreter::

    .venv/bin/python benchmarks/bench_extract.py            # 10 MB corpus, about 1-3 minutes
    .venv/bin/python benchmarks/bench_extract.py --quick    # 2 MB smoke run
    .venv/bin/python benchmarks/bench_extract.py --big      # adds the 100 MB corpus (CLI, RSS)

The dense corpus is the texts in ``seeds/`` copied many times into a folder, names
sorted like a crawl of many pages, plus four larger files spread among them. The
realistic corpus of the same size puts each seed and devset text between paragraphs
of ordinary, digit-free prose (about 1,900 records per MB, the figure of issue 20);
on both, ``extract --jobs 1`` is timed against phonenumbers' matcher (child CPU time).
Every figure is given as MB/s (MB = 10^6 bytes of input) and as a time ratio to
the read + ``bytes.decode('utf-8')`` baseline measured in the same run: these machines
are noisy, so ratios hold and absolute times do not. See ``benchmarks/README.md``
for what each row means.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MB = 1_000_000

# Targets (issue 6 and the shared brief).
TARGET_ALL_MBPS = 25.0  # all extractors together, one process
TARGET_ALL_RATIO = 30.0  # ... and at most this many times the read+decode time
TARGET_NET_MBPS = 150.0  # one extractor on a ready Document (shared work excluded)
TARGET_JOBS_SPEEDUP = 1.7  # --jobs 2 over --jobs 1 on the 10 MB corpus
TARGET_RSS_GROWTH = 1.2  # peak RSS on 100 MB over peak RSS on 10 MB
TARGET_HELP_SECONDS = 0.3  # kommunetekst --help

# A handful of larger files spread among the pages. Their size does not grow
# with the corpus: peak memory follows the largest document, so larger files in
# the 100 MB corpus would hide whether memory stays flat as the corpus grows.
LARGE_FILES = 4
LARGE_FILE_BYTES = 250_000  # at most; 2.5% of the corpus each for small corpora
STARTUP_RUNS = 5
TARGET_PHONES_RATIO = 3.0  # extract --jobs 1 >= 3x as fast as phonenumbers' matcher (issue 20)
VERSUS_RUNS = 3  # median of this many child runs for the rows against phonenumbers

# The realistic corpus: bytes of digit-free prose per byte of seed or devset text.
# 4.2 gives about 1,900 records per MB, the figure issue 20 gives for real pages.
PROSE_PER_TEXT_BYTE = 4.2
SENTENCES_PER_PARAGRAPH = 4
DEVSET_TEXTS = REPO / "tests" / "data" / "devset" / "texts"
ROW_BUDGET_SECONDS = 10.0  # stop repeating a row once its runs took this long in total


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- corpus ----------------------------------------------------------------------


@dataclass
class Corpus:
    root: Path
    files: list[Path]
    nbytes: int

    @property
    def mb(self) -> float:
        return self.nbytes / MB


def build_corpus(root: Path, size_mb: float, seeds: list[Path]) -> Corpus:
    """Fill ``root`` with copies of ``seeds`` until it holds at least ``size_mb`` MB.

    Reuses what is there when a hidden manifest says it was built from the same
    seeds and size (the CLI skips hidden files, so the manifest is not extracted).
    """
    texts = [(p.name, p.read_bytes()) for p in seeds]
    digest = hashlib.sha256(b"".join(hashlib.sha256(b).digest() for _, b in texts)).hexdigest()
    want = {
        "seeds_sha256": digest,
        "size_mb": size_mb,
        "large_files": [LARGE_FILES, LARGE_FILE_BYTES],
        "version": 2,
    }
    manifest = root / ".bench-manifest.json"
    if manifest.exists():
        try:
            have = json.loads(manifest.read_text())
        except ValueError:
            have = None
        if have and have.get("params") == want:
            files = [root / f for f in have["files"]]
            if all(f.exists() for f in files):
                return Corpus(root, files, sum(f.stat().st_size for f in files))
    if root.exists():
        for old in root.glob("*.txt"):
            old.unlink()
    root.mkdir(parents=True, exist_ok=True)

    target = int(size_mb * MB)
    one_round = sum(len(b) for _, b in texts)
    large_bytes = min(LARGE_FILE_BYTES, target // 40)
    rounds = max(1, -(-(target - large_bytes * LARGE_FILES) // one_round))
    joined = b"\n".join(b.rstrip(b"\n") for _, b in texts) + b"\n"
    large = joined * max(1, -(-large_bytes // len(joined)))

    pages = [(name, data) for _ in range(rounds) for name, data in texts]
    # Spread the large files evenly among the pages, so that workers of a pool
    # do not all meet them at the end.
    step = max(1, len(pages) // (LARGE_FILES + 1))
    entries: list[tuple[str, bytes]] = []
    n_large = 0
    for i, (name, data) in enumerate(pages):
        entries.append((name, data))
        if i and i % step == 0 and n_large < LARGE_FILES:
            entries.append((f"large-{n_large}.txt", large))
            n_large += 1
    while n_large < LARGE_FILES:
        entries.append((f"large-{n_large}.txt", large))
        n_large += 1

    files = []
    for i, (name, data) in enumerate(entries):
        path = root / f"{i:06d}_{name}"
        path.write_bytes(data)
        files.append(path)
    manifest.write_text(json.dumps({"params": want, "files": [f.name for f in files]}))
    return Corpus(root, files, sum(len(d) for _, d in entries))


def prose_sentences(texts: list[str]) -> list[str]:
    """The sentences of ``texts`` with every digit taken out: ordinary prose.

    List items and lines with an e-mail address are left out, so the prose gives
    (almost) no records of its own; it only adds the text every extractor must scan.
    """
    sentences = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if not line or line[0] in "•-–*·" or "@" in line:
                continue
            plain = " ".join(re.sub(r"[0-9]", "", line).split())
            for sentence in re.split(r"(?<=[.!?])\s+", plain):
                if len(sentence.split()) >= 6:
                    sentences.append(sentence)
    return sentences


def build_realistic_corpus(root: Path, size_mb: float, texts: list[Path]) -> Corpus:
    """Fill ``root`` with the ``texts``, each between two stretches of digit-free prose.

    Every file is one text (its bytes untouched, so the Latin-1 devset texts stay
    Latin-1) with prose paragraphs before and after it, in the text's own encoding;
    the prose comes round-robin from the sentences of all the texts. Rounds of all
    the texts are written until the corpus holds ``size_mb`` MB. Deterministic, and
    cheap enough to build again at every run.
    """
    raw = [(p.name, p.read_bytes()) for p in texts]
    decoded = []
    for name, data in raw:
        try:
            decoded.append((name, data, "utf-8", data.decode("utf-8")))
        except UnicodeDecodeError:
            decoded.append((name, data, "cp1252", data.decode("cp1252")))
    pool = prose_sentences([text for *_, text in decoded])
    sentences = itertools.cycle(pool)

    def prose(nbytes: int, codec: str) -> bytes:
        paragraphs, paragraph, size = [], [], 0
        while size < nbytes:
            sentence = next(sentences)
            try:
                size += len(sentence.encode(codec)) + 1
            except UnicodeEncodeError:
                continue
            paragraph.append(sentence)
            if len(paragraph) == SENTENCES_PER_PARAGRAPH:
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        return ("\n\n".join(paragraphs) + "\n\n").encode(codec)

    if root.exists():
        for old in root.glob("*.txt"):
            old.unlink()
    root.mkdir(parents=True, exist_ok=True)
    files, nbytes, i = [], 0, 0
    while nbytes < size_mb * MB:
        for name, data, codec, _ in decoded:
            half = int(len(data) * PROSE_PER_TEXT_BYTE / 2)
            page = prose(half, codec) + data.rstrip(b"\n") + b"\n\n" + prose(half, codec)
            path = root / f"{i:06d}_{name}"
            path.write_bytes(page)
            files.append(path)
            nbytes += len(page)
            i += 1
    return Corpus(root, files, nbytes)


# -- timing -------------------------------------------------------------------------


@dataclass
class Timing:
    seconds: float  # best run
    count: int  # records / matches of the best run
    runs: int
    wanted: int


def best_of(
    repeat: int,
    work: Callable[[Any], int],
    prepare: Callable[[], Any] = lambda: None,
    budget: float = ROW_BUDGET_SECONDS,
) -> Timing:
    """Best wall time of up to ``repeat`` runs of ``work(prepare())``.

    ``prepare`` runs before each run and is not timed. Stops early once the runs
    took ``budget`` seconds in total (a slow extractor must not stall the run).
    """
    best = float("inf")
    count = 0
    spent = 0.0
    runs = 0
    while runs < repeat:
        arg = prepare()
        t0 = time.perf_counter()
        n = work(arg)
        dt = time.perf_counter() - t0
        runs += 1
        spent += dt
        if dt < best:
            best, count = dt, n
        if spent > budget:
            break
    return Timing(best, count, runs, repeat)


def over_files(files: list[Path], per_file: Callable[[bytes, str], int]) -> Callable[[Any], int]:
    """A run that reads every file and hands its bytes to ``per_file``; returns the total count."""

    def run(_: Any) -> int:
        n = 0
        for path in files:
            with open(path, "rb") as fh:
                data = fh.read()
            n += per_file(data, str(path))
        return n

    return run


@dataclass
class ChildRun:
    seconds: float
    user: float
    system: float
    max_rss_mib: float  # the largest single process: the CLI or one of its workers
    returncode: int
    stderr_tail: str


# Runs one command and writes its wall time and rusage as JSON to the file argv[1].
# A small process of its own, because Linux carries the RSS high-water mark of
# the process that forks over exec: a CLI started straight from this (large)
# benchmark process would report the benchmark's peak RSS, not its own.
_WRAPPER = """
import json, os, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
_, status, ru = os.wait4(proc.pid, 0)
dt = time.perf_counter() - t0
rss = ru.ru_maxrss / 1048576 if sys.platform == "darwin" else ru.ru_maxrss / 1024
with open(sys.argv[1], "w") as fh:
    json.dump({"seconds": dt, "user": ru.ru_utime, "system": ru.ru_stime, "max_rss_mib": rss,
               "returncode": os.waitstatus_to_exitcode(status)}, fh)
"""


def run_child(argv: list[str]) -> ChildRun:
    """Run ``argv`` with stdout discarded; its wall time and the rusage of this run alone.

    ``os.wait4`` (in a small wrapper process) gives the rusage of that one child,
    which covers the descendants it waited for (the --jobs workers), so the peak
    RSS is per run and includes the workers. GNU time's ``%M`` would do too, but
    is not everywhere and some versions report it 4x too high.
    """
    with tempfile.TemporaryDirectory() as tmp:
        result = os.path.join(tmp, "rusage.json")
        errpath = os.path.join(tmp, "stderr")
        with open(errpath, "wb") as err:
            subprocess.run([sys.executable, "-c", _WRAPPER, result, *argv], stderr=err, check=False)
        with open(errpath, "rb") as fh:
            tail = fh.read()[-2000:].decode("utf-8", "replace")
        try:
            with open(result) as fh:
                r = json.load(fh)
        except (OSError, ValueError):
            return ChildRun(float("nan"), 0.0, 0.0, float("nan"), -1, tail or "the wrapper failed")
    return ChildRun(r["seconds"], r["user"], r["system"], r["max_rss_mib"], r["returncode"], tail)


# -- the table -------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    mb: float | None = None
    seconds: float | None = None
    count: int | None = None
    rss_mib: float | None = None
    target: str = ""
    result: str = ""
    short: bool = False  # fewer runs than asked (the row's time budget ran out)
    section: bool = False  # a heading line


class Table:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.base_s_per_mb: float | None = None

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        return row

    def ratio(self, row: Row) -> float | None:
        if row.mb is None or row.seconds is None or not self.base_s_per_mb:
            return None
        return (row.seconds / row.mb) / self.base_s_per_mb

    def render(self) -> str:
        head = [
            "what",
            "MB",
            "seconds",
            "MB/s",
            "x baseline",
            "records",
            "RSS MiB",
            "target",
            "result",
        ]
        body: list[list[str] | str] = []
        for r in self.rows:
            if r.section:
                body.append(r.what)
                continue
            ratio = self.ratio(r)
            body.append(
                [
                    "  " + r.what,
                    f"{r.mb:.1f}" if r.mb is not None else "-",
                    "-" if r.seconds is None else f"{r.seconds:.3f}" + ("*" if r.short else ""),
                    f"{r.mb / r.seconds:.1f}" if r.mb is not None and r.seconds else "-",
                    f"{ratio:.1f}" if ratio is not None else "-",
                    str(r.count) if r.count is not None else "-",
                    f"{r.rss_mib:.0f}" if r.rss_mib is not None else "-",
                    r.target or "",
                    r.result or "",
                ]
            )
        cells = [head] + [b for b in body if isinstance(b, list)]
        widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
        right = {1, 2, 3, 4, 5, 6}

        def fmt(cols: list[str]) -> str:
            pairs = enumerate(zip(cols, widths, strict=True))
            out = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in pairs]
            return "  ".join(out).rstrip()

        lines = [fmt(head), "  ".join("-" * w for w in widths)]
        for b in body:
            lines.append(b if isinstance(b, str) else fmt(b))
        return "\n".join(lines)


def verdict(ok: bool | None, measured: str = "") -> str:
    if ok is None:
        return "SKIP" + (f" {measured}" if measured else "")
    return ("PASS" if ok else "FAIL") + (f" {measured}" if measured else "")


# -- the measurements ----------------------------------------------------------------------


def failure(e: BaseException) -> str:
    return f"ERROR {type(e).__name__}: {e}"[:70]


def in_process_rows(table: Table, corpus: Corpus, repeat: int) -> None:
    import phonenumbers

    from kommunetekst.decoding import decode_bytes
    from kommunetekst.document import Document
    from kommunetekst.jsonl import dump_lines
    from kommunetekst.pipeline import extract_bytes
    from kommunetekst.registry import extractor_names, get_extractor

    files, mb = corpus.files, corpus.mb
    base_repeat = max(repeat, 5)  # the baselines are short, so more runs are cheap

    def measure(
        what: str,
        work: Callable[[Any], int],
        prepare: Callable[[], Any] = lambda: None,
        n: int = repeat,
        count: bool = True,
        target: Callable[[Timing], tuple[str, str]] | None = None,
    ) -> Timing | None:
        """Time one row and add it; a row whose code raises shows the error instead."""
        note(f"  {what} ...")
        try:
            t = best_of(n, work, prepare)
        except Exception as e:  # work in progress in the tree must not stop the benchmark
            table.add(Row(what, mb, result=failure(e)))
            return None
        goal, result = target(t) if target else ("", "")
        n_records = t.count if count else None
        short = t.runs < t.wanted
        table.add(Row(what, mb, t.seconds, n_records, target=goal, result=result, short=short))
        return t

    title = f"in one process, {mb:.1f} MB in {len(files)} files, best of {repeat}"
    title += f" (baselines: best of {base_repeat})"
    table.add(Row(title, section=True))

    def plain(data: bytes, name: str) -> int:
        data.decode("utf-8")
        return 0

    def decode(data: bytes, name: str) -> int:
        decode_bytes(data)
        return 0

    # The baseline is the cheapest read + decode, the "read+decode" of issue 6 (~700 MB/s
    # on its reference machine). decode_bytes does more (BOM, Windows-1252, NFC,
    # invisible characters); taking it as the baseline would flatter every ratio.
    t = measure(
        "read + bytes.decode('utf-8')  (= baseline 1.0)",
        over_files(files, plain),
        n=base_repeat,
        count=False,
    )
    assert t is not None
    table.base_s_per_mb = t.seconds / mb
    measure("read + decode_bytes", over_files(files, decode), n=base_repeat, count=False)

    # The structure Document computes once and extractors share (cached properties).
    def headers(data: bytes, name: str) -> int:
        d = Document(decode_bytes(data).text, name)
        d.headers  # noqa: B018
        return 0

    def lists(data: bytes, name: str) -> int:
        d = Document(decode_bytes(data).text, name)
        d.headers, d.list_items  # noqa: B018
        return 0

    measure("+ Document: date headers", over_files(files, headers), count=False)
    measure("+ Document: ... and list items", over_files(files, lists), count=False)

    names = extractor_names()
    for name in names:

        def alone(data: bytes, doc: str, name: str = name) -> int:
            # minus 1: the document record
            return sum(1 for _ in extract_bytes(data, doc, only=name)) - 1

        measure(f"extractor {name} alone", over_files(files, alone))

    def together(data: bytes, doc: str) -> int:
        return dump_lines(extract_bytes(data, doc)).count(b"\n") - 1

    def all_target(t: Timing) -> tuple[str, str]:
        mbps = mb / t.seconds
        ratio = t.seconds / mb / (table.base_s_per_mb or 1.0)
        checks = (("MB/s", mbps < TARGET_ALL_MBPS), ("ratio", ratio > TARGET_ALL_RATIO))
        bad = [what for what, failed in checks if failed]
        return (
            f">= {TARGET_ALL_MBPS:g} MB/s, <= {TARGET_ALL_RATIO:g}x",
            verdict(not bad, f"({', '.join(bad)})" if bad else ""),
        )

    measure(
        f"all {len(names)} extractors + JSON lines", over_files(files, together), target=all_target
    )

    # Each extractor on Documents whose shared structure is already built: the
    # measure of the shared brief (>= 150 MB/s). Fresh Documents for every run,
    # built untimed, so a lazily cached property that only one extractor needs
    # is paid inside that extractor's time.
    title = f"one extractor on ready Documents (shared work excluded), best of {repeat}"
    table.add(Row(title, section=True))
    texts = [(decode_bytes(path.read_bytes()).text, str(path)) for path in files]

    def ready_documents() -> list[Document]:
        docs = [Document(text, doc) for text, doc in texts]
        for d in docs:
            d.headers, d.list_items  # noqa: B018
        return docs

    def net_target(t: Timing) -> tuple[str, str]:
        return f">= {TARGET_NET_MBPS:g} MB/s", verdict(mb / t.seconds >= TARGET_NET_MBPS)

    for name in names:
        module = get_extractor(name)

        def net(docs: list[Document], module: Any = module) -> int:
            return sum(1 for d in docs for _ in module.extract(d))

        measure(f"{name}.extract", net, ready_documents, target=net_target)
    texts.clear()  # free the decoded texts before the next rows

    table.add(Row("outside reference", section=True))

    def phones(data: bytes, name: str) -> int:
        text = decode_bytes(data).text
        return sum(1 for _ in phonenumbers.PhoneNumberMatcher(text, "NO"))

    measure("read + decode + phonenumbers.PhoneNumberMatcher", over_files(files, phones))


def format_rows(table: Table, seeds: list[Path], repeat: int) -> None:
    """One row per input format (issue 17): extract_bytes on a page, a report, a Word file.

    The three documents are made here from the seed texts (copied 3 times), the way
    municipalities publish them: an HTML page (one <p> per block, <ul> for lists, with
    a menu and a footer), a PDF (fpdf2, Helvetica 10 pt, one paragraph per block) and
    a Word file (python-docx). MB/s counts the input's bytes, so a row says what a
    folder of such files costs. Needs the formats extra and fpdf2 (the test extra).
    """
    import io

    table.add(Row(f"input formats (extract_bytes, all extractors), best of {repeat}", section=True))
    try:
        import docx
        from fpdf import FPDF

        from kommunetekst.pipeline import extract_bytes
    except ImportError as e:
        table.add(Row("formats", result=f"SKIP (pip install '.[test]': {e.name} is missing)"))
        return
    text = "\n\n".join(p.read_text("utf-8") for p in seeds) + "\n\n"
    blocks = [b.strip("\n") for b in (text * 3).split("\n\n") if b.strip()]

    def html_page() -> bytes:
        parts = [
            "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>",
            "<header><nav><a href='/'>Forside</a> <a href='/k'>Kontakt</a></nav></header><main>",
        ]
        for block in blocks:
            lines = block.splitlines()
            items = [ln.strip()[1:].strip() for ln in lines if ln.strip().startswith("•")]
            if items:
                parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            else:
                parts.append(f"<p>{'<br>'.join(lines)}</p>")
        parts.append("</main><footer>Sentralbord 67 50 40 50</footer></body></html>")
        return "".join(parts).encode()

    def pdf_report() -> bytes:
        pdf = FPDF()
        pdf.core_fonts_encoding = "windows-1252"
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        for block in blocks:
            safe = block.encode("cp1252", "replace").decode("cp1252")
            pdf.multi_cell(0, 5, safe, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        return bytes(pdf.output())

    def word_file() -> bytes:
        d = docx.Document()
        for block in blocks:
            d.add_paragraph(block.replace("\u00a0", " "))
        out = io.BytesIO()
        d.save(out)
        return out.getvalue()

    for fmt, make in (("html", html_page), ("pdf", pdf_report), ("docx", word_file)):
        note(f"  format {fmt}: making the document ...")
        data = make()
        name = f"bench.{fmt}"

        def work(_: object, data: bytes = data, name: str = name) -> int:
            return sum(1 for _ in itertools.islice(extract_bytes(data, name), None)) - 1

        note(f"  format {fmt} ...")
        try:
            t = best_of(repeat, work)
        except Exception as e:  # a missing extra or work in progress must not stop the run
            table.add(Row(f"format {fmt}", data.__len__() / MB, result=failure(e)))
            continue
        table.add(
            Row(
                f"format {fmt}: {len(data) / MB:.2f} MB of input",
                len(data) / MB,
                t.seconds,
                t.count,
                short=t.runs < t.wanted,
            )
        )


def with_bytecode_cache(folder: Path) -> None:
    """Let the CLI processes start as an installed kommunetekst does: from bytecode.

    ``pip install .`` compiles every module at install time. An editable install
    in an environment that sets PYTHONDONTWRITEBYTECODE (some sandboxes and CI
    images do) would instead compile all of kommunetekst's source at every start,
    ~50 ms here. The cache goes to ``folder``, not into the source tree, and one
    run fills it before anything is timed.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "warm-up.txt"
    text.write_text("26.06.20 Dagens smittetall\nDet er 3 nye smittede, tlf. 67 50 00 00.\n")
    subprocess.run([*cli_argv(), "extract", str(text)], stdout=subprocess.DEVNULL, check=False)


def cli_argv() -> list[str]:
    return [sys.executable, "-m", "kommunetekst"]


def startup_row(table: Table) -> None:
    script = shutil.which("kommunetekst", path=os.path.dirname(sys.executable))
    argv = [script] if script else cli_argv()
    note(f"  {' '.join(argv)} --help ...")
    runs = [run_child([*argv, "--help"]) for _ in range(STARTUP_RUNS)]
    best = min(r.seconds for r in runs)
    label = "kommunetekst" if script else "python -m kommunetekst"
    table.add(
        Row(
            f"{label} --help (best of {STARTUP_RUNS})",
            seconds=best,
            rss_mib=min(r.max_rss_mib for r in runs),
            target=f"< {TARGET_HELP_SECONDS:g} s",
            result=verdict(best < TARGET_HELP_SECONDS),
        )
    )


def cli_rows(table: Table, corpus: Corpus, repeat: int, details: list[str]) -> dict[int, ChildRun]:
    """``kommunetekst extract CORPUS --jobs 1`` and ``--jobs 2``; best of ``repeat`` each."""
    out: dict[int, ChildRun] = {}
    for jobs in (1, 2):
        argv = [*cli_argv(), "extract", str(corpus.root), "--jobs", str(jobs)]
        note(f"  CLI --jobs {jobs} on {corpus.mb:.0f} MB ...")
        runs = [run_child(argv) for _ in range(repeat)]
        best = min(runs, key=lambda r: r.seconds)
        best.max_rss_mib = max(r.max_rss_mib for r in runs)
        out[jobs] = best
        bad = [r for r in runs if r.returncode != 0]
        table.add(
            Row(
                f"CLI extract --jobs {jobs}",
                corpus.mb,
                best.seconds,
                rss_mib=best.max_rss_mib,
                result=f"ERROR exit {bad[0].returncode}" if bad else "",
            )
        )
        details.append(
            f"CLI --jobs {jobs}, {corpus.mb:.0f} MB: wall {best.seconds:.2f} s, "
            f"CPU user {best.user:.2f} s + sys {best.system:.2f} s (workers included), "
            f"peak RSS {best.max_rss_mib:.0f} MiB, exit {best.returncode}"
        )
        for r in bad:
            details.append(f"  stderr of a failed run: {r.stderr_tail.strip()[-500:]}")
    return out


# Runs phonenumbers' matcher over every file of the folder argv[1], the way the
# CLI reads it (UTF-8, else Windows-1252), and writes the number of matches to stderr.
_PHONES = """
import sys
from pathlib import Path
import phonenumbers
matches = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.name.startswith(".") or not path.is_file():
        continue
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    matches += sum(1 for _ in phonenumbers.PhoneNumberMatcher(text, "NO"))
print(matches, file=sys.stderr)
"""


@dataclass
class Versus:
    corpus: str
    mb: float
    records: int
    extract_cpu: float
    phones_cpu: float

    @property
    def ratio(self) -> float:
        return self.phones_cpu / self.extract_cpu


def count_records(corpus: Corpus) -> int:
    """The records ``extract`` gives on the corpus, document records not counted."""
    from kommunetekst.pipeline import extract_bytes

    return sum(sum(1 for _ in extract_bytes(f.read_bytes(), str(f))) - 1 for f in corpus.files)


def median_cpu(argv: list[str], runs: int) -> tuple[float, ChildRun]:
    """The median CPU time (user + sys) of ``runs`` runs of ``argv``, after one untimed run."""
    run_child(argv)  # fills the bytecode cache and the page cache
    done = [run_child(argv) for _ in range(runs)]
    cpu = sorted(r.user + r.system for r in done)[len(done) // 2]
    failed = [r for r in done if r.returncode]
    return cpu, failed[0] if failed else done[-1]


def versus_phonenumbers_rows(
    table: Table, corpora: list[tuple[str, Corpus]], runs: int, details: list[str]
) -> list[Versus]:
    """``extract --jobs 1`` against phonenumbers' matcher, child CPU time, on each corpus.

    Both run as fresh processes, so both pay their start-up and imports; the
    ratio is phonenumbers' CPU time over extract's (issue 20 wants >= 3).
    """
    title = f"extract --jobs 1 against phonenumbers' matcher: child CPU s, median of {runs}"
    table.add(Row(title, section=True))
    out = []
    for label, corpus in corpora:
        note(f"  {label}: counting records ...")
        records = count_records(corpus)
        note(f"  {label}: CLI extract --jobs 1, CPU time ...")
        argv = [*cli_argv(), "extract", str(corpus.root), "--jobs", "1"]
        extract_cpu, extract_run = median_cpu(argv, runs)
        note(f"  {label}: phonenumbers.PhoneNumberMatcher, CPU time ...")
        phones_cpu, phones_run = median_cpu([sys.executable, "-c", _PHONES, str(corpus.root)], runs)
        try:
            matches: int | None = int(phones_run.stderr_tail.strip().splitlines()[-1])
        except (ValueError, IndexError):
            matches = None
        mb = corpus.mb
        failed = "ERROR exit {}"
        table.add(
            Row(
                f"{label}: CLI extract --jobs 1 (CPU)",
                mb,
                extract_cpu,
                records,
                result=failed.format(extract_run.returncode) if extract_run.returncode else "",
            )
        )
        table.add(
            Row(
                f"{label}: phonenumbers matcher (CPU)",
                mb,
                phones_cpu,
                matches,
                result=failed.format(phones_run.returncode) if phones_run.returncode else "",
            )
        )
        for what, r in (("extract", extract_run), ("phonenumbers", phones_run)):
            if r.returncode:
                details.append(f"  stderr of a failed {what} run: {r.stderr_tail.strip()[-500:]}")
        if extract_run.returncode or phones_run.returncode:
            continue
        v = Versus(label, mb, records, extract_cpu, phones_cpu)
        out.append(v)
        table.add(
            Row(
                f"{label}: phonenumbers CPU / extract CPU",
                target=f">= {TARGET_PHONES_RATIO:g}x",
                result=verdict(v.ratio >= TARGET_PHONES_RATIO, f"{v.ratio:.2f}x"),
            )
        )
    return out


def versus_markdown(rows: list[Versus]) -> list[str]:
    """The rows against phonenumbers as a Markdown table, as the README shows them."""
    lines = [
        "| corpus | MB | records/MB | extract CPU s | phonenumbers CPU s | ratio |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for v in rows:
        lines.append(
            f"| {v.corpus} | {v.mb:.1f} | {v.records / v.mb:,.0f} | {v.extract_cpu:.2f} "
            f"| {v.phones_cpu:.2f} | {v.ratio:.2f}x |"
        )
    return lines


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def machine_parallelism(seconds: float = 0.4) -> float:
    """How much faster two processes run two equal pure-Python loops than one process.

    About 2.0 on an idle 2-core machine; less when something else is using a
    core, which then also holds back ``--jobs 2``.
    """
    import multiprocessing

    n = 200_000
    t0 = time.perf_counter()
    _spin(n)
    n = max(n, int(n * seconds / (time.perf_counter() - t0)))
    t0 = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - t0
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ctx.Pool(2) as pool:
        pool.map(_spin, [1, 1], chunksize=1)  # workers up before the clock starts
        t0 = time.perf_counter()
        pool.map(_spin, [n, n], chunksize=1)
        parallel = time.perf_counter() - t0
    return serial / parallel


def jobs_row(small: dict[int, ChildRun], corpus: Corpus, cores: int, machine: float) -> Row:
    what = f"speed-up --jobs 2 over --jobs 1 ({corpus.mb:.0f} MB)"
    target = f">= {TARGET_JOBS_SPEEDUP:g}x"
    if small[1].returncode or small[2].returncode:
        return Row(what, target=target, result="SKIP (the CLI failed)")
    speedup = small[1].seconds / small[2].seconds
    if cores < 2:
        return Row(what, target=target, result=verdict(None, f"{speedup:.2f}x (1 core)"))
    busy = f" (machine busy: {machine:.2f}x)" if machine < TARGET_JOBS_SPEEDUP else ""
    result = verdict(speedup >= TARGET_JOBS_SPEEDUP, f"{speedup:.2f}x{busy}")
    return Row(what, target=target, result=result)


# -- main ---------------------------------------------------------------------------------


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on macOS
        return os.cpu_count() or 1


def machine_info(corpora: Iterable[Corpus]) -> list[str]:
    from kommunetekst import __version__
    from kommunetekst.registry import extractor_names

    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    usable = usable_cores()

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
        if done.returncode:
            raise OSError(done.stderr)
        return done.stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        if git("status", "--porcelain", "--untracked-files=no"):
            commit += " (with uncommitted changes)"
    except OSError:
        commit = "unknown"
    command = shlex.join(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
    python = f"{platform.python_implementation()} {platform.python_version()}"
    lines = [
        f"command:   {command}  (in {os.getcwd()})",
        f"python:    {python} on {platform.platform()}",
        f"cpu:       {os.cpu_count()} cores ({usable} usable) {cpu}".rstrip(),
        f"package:   kommunetekst {__version__}, git {commit}",
        f"extractors ({len(extractor_names())}): {', '.join(extractor_names())}",
    ]
    for c in corpora:
        lines.append(f"corpus:    {c.mb:.1f} MB in {len(c.files)} files at {c.root}")
    lines.append(f"when:      {time.strftime('%Y-%m-%d %H:%M %Z')}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--size-mb", type=float, default=10.0, help="size of the main corpus [10]")
    add("--big", action="store_true", help="also a 100 MB corpus for the CLI rows and peak RSS")
    add("--repeat", type=int, help="best of N for in-process rows [3; 1 with --quick]")
    add("--cli-repeat", type=int, default=1, help="best of N for CLI rows [1]")
    add("--only-extractors", action="store_true", help="skip the CLI rows (startup, --jobs, RSS)")
    add("--quick", action="store_true", help="2 MB smoke run, one run per row")
    add("--corpus-dir", type=Path, help="build the corpora here, keep them and reuse them")
    add("--seeds", type=Path, default=REPO / "seeds", help="folder of seed texts [seeds/]")
    args = parser.parse_args(argv)

    if args.quick:
        args.size_mb = 2.0
    repeat = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    seeds = sorted(p for p in args.seeds.iterdir() if p.is_file() and not p.name.startswith("."))
    if not seeds:
        parser.error(f"no seed texts in {args.seeds}")

    temp = None
    if args.corpus_dir:
        base = args.corpus_dir
    else:
        temp = tempfile.mkdtemp(prefix="kommunetekst-bench-")
        base = Path(temp)
    t_start = time.perf_counter()
    try:
        note(f"building the {args.size_mb:g} MB corpus ...")
        corpus = build_corpus(base / f"{args.size_mb:g}mb", args.size_mb, seeds)
        note(f"building the {args.size_mb:g} MB realistic corpus ...")
        texts = seeds + sorted(p for p in DEVSET_TEXTS.iterdir() if p.suffix == ".txt")
        where = base / f"realistic-{args.size_mb:g}mb"
        realistic = build_realistic_corpus(where, args.size_mb, texts)
        big = None
        if args.big and not args.only_extractors:
            note("building the 100 MB corpus ...")
            big = build_corpus(base / "100mb", 100.0, seeds)

        table = Table()
        details: list[str] = []
        versus: list[Versus] = []
        note("in-process rows:")
        in_process_rows(table, corpus, repeat)
        format_rows(table, seeds, repeat)

        if not args.only_extractors:
            note("CLI rows:")
            with_bytecode_cache(base / "pycache")
            title = "CLI end to end (fresh process, output to /dev/null)"
            title += f", best of {args.cli_repeat}"
            table.add(Row(title, section=True))
            startup_row(table)
            pair = [("dense", corpus), ("realistic", realistic)]
            versus = versus_phonenumbers_rows(table, pair, VERSUS_RUNS, details)
            cores = usable_cores()
            note("  machine: 2 processes vs 1 ...")
            machine = [machine_parallelism()]
            small = cli_rows(table, corpus, args.cli_repeat, details)
            machine.append(machine_parallelism())
            table.add(
                Row(
                    "machine: pure-Python loop, 2 processes / 1",
                    target="(context)",
                    result=" / ".join(f"{m:.2f}x" for m in machine),
                )
            )
            table.add(jobs_row(small, corpus, cores, min(machine)))
            rss_target = f"<= {TARGET_RSS_GROWTH:g}x"
            if big is not None:
                large = cli_rows(table, big, args.cli_repeat, details)
                if not (large[1].returncode or large[2].returncode):
                    speedup = large[1].seconds / large[2].seconds
                    what = f"speed-up --jobs 2 over --jobs 1 ({big.mb:.0f} MB)"
                    table.add(Row(what, target="(context)", result=f"{speedup:.2f}x"))
                for jobs in (1, 2):
                    what = f"peak RSS {big.mb:.0f} MB / {corpus.mb:.0f} MB, --jobs {jobs}"
                    if large[jobs].returncode or small[jobs].returncode:
                        table.add(Row(what, target=rss_target, result="SKIP (the CLI failed)"))
                        continue
                    growth = large[jobs].max_rss_mib / small[jobs].max_rss_mib
                    result = verdict(growth <= TARGET_RSS_GROWTH, f"{growth:.2f}x")
                    table.add(Row(what, target=rss_target, result=result))
            else:
                what = f"peak RSS 100 MB / {corpus.mb:.0f} MB"
                table.add(Row(what, target=rss_target, result="SKIP (run with --big)"))

        print("kommunetekst extraction benchmark")
        for line in machine_info([c for c in (corpus, realistic, big) if c is not None]):
            print("  " + line)
        print()
        print(table.render())
        print()
        print("MB = 10^6 bytes of input. x baseline = seconds per MB / baseline seconds per MB.")
        print("records: records produced, document records not counted; phonenumbers: matches.")
        print("RSS MiB: peak resident set of the largest single process of a run (CLI or worker).")
        if any(r.short for r in table.rows):
            budget = f"{ROW_BUDGET_SECONDS:g}"
            print(f"*: fewer runs than asked, as that row's runs took over {budget} s in total.")
        for line in details:
            print(line)
        if versus:
            print()
            print("extract --jobs 1 against phonenumbers' matcher (child CPU time, median of 3):")
            for line in versus_markdown(versus):
                print(line)
        print(f"total benchmark time: {time.perf_counter() - t_start:.0f} s")
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
