"""Big inputs (issue 7), marked ``slow``: a 200 MB file, a 50 MB line, 20,000 files, and
reports on half a million records.

They run the real command in a subprocess on data generated in ``tmp_path``
and check that it finishes, that nothing is lost, and (for the 200 MB file)
that memory stays within a bound measured on the development machine plus a
margin. ``.ci/run`` runs them; ``pytest -m 'not slow'`` leaves them out.
Timings on 2 cores: ~30 s, ~65 s, ~20 s. New big-input cases go here, marked slow.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import SEEDS
from kommunetekst import extract_text

pytestmark = pytest.mark.slow

CMD = [sys.executable, "-m", "kommunetekst"]
MB = 1_000_000


def seed_text() -> str:
    return "".join(p.read_text("utf-8") + "\n" for p in sorted(SEEDS.glob("*.txt")))


def run_measured(args: list[str], timeout: float = 600) -> tuple[int, bytes, int]:
    """Exit status, stderr and peak RSS in bytes of one run of the command.

    The peak is the command's own high-water mark (``VmHWM``), read from /proc while it
    runs. The ``ru_maxrss`` that ``wait4`` gives would not do: Linux carries the parent's
    high-water mark into the child across the exec, and after thousands of tests the
    pytest process is itself hundreds of MB.
    """
    proc = subprocess.Popen([*CMD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    exited = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not exited.wait(0.02):
            try:
                with open(f"/proc/{proc.pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):  # in kB
                            peak = max(peak, int(line.split()[1]) * 1024)
            except OSError:
                return

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        assert proc.stderr is not None
        stderr = proc.stderr.read()  # until the command exits
    finally:
        exited.set()
        sampler.join()
        if proc.stderr:
            proc.stderr.close()
    return proc.wait(timeout), stderr, peak


def count_kinds(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(path, "rb") as fh:
        for line in fh:
            kind = json.loads(line)["kind"]
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_a_200_mb_file(tmp_path: Path) -> None:
    # An annual report's worth of prose: the seeds once, then nine copies with
    # the digits removed, repeated to 200 MB (dense seed text alone takes ~40 s).
    seeds = seed_text()
    text = seeds + re.sub(r"\d", "", seeds) * 9
    block = text.encode()
    repeats = 200 * MB // len(block) + 1
    big = tmp_path / "stor rapport.txt"
    with open(big, "wb") as fh:
        for _ in range(repeats):
            fh.write(block)
    size = big.stat().st_size
    out = tmp_path / "out.jsonl"
    status, stderr, peak = run_measured(["extract", str(big), "-o", str(out)])
    assert (status, stderr) == (0, b"")
    with open(out, "rb") as fh:
        doc = json.loads(fh.readline())
    assert doc["kind"] == "document" and doc["chars"] == repeats * len(text)
    # Nothing lost: every block gives the records it gives on its own.
    per_block: dict[str, int] = {"document": 1}
    for r in extract_text(text):
        per_block[r["kind"]] = per_block.get(r["kind"], 0) + 1
    assert count_kinds(out) == {
        k: (v * repeats if k != "document" else 1) for k, v in per_block.items()
    }
    # Measured: 1.02 GB peak for this 200 MB file (5.1x) with seven kinds; 1.45 GB (7.3x)
    # with ten kinds and section. Text is held whole (UCS-2 once a bullet appears: 2 bytes
    # a character) with its line index, list items and the people it names.
    assert peak < 8 * size, f"peak RSS {peak / MB:.0f} MB for a {size / MB:.0f} MB file"


def test_a_50_mb_line_without_newline(tmp_path: Path) -> None:
    line = seed_text().replace("\n", " ").encode()
    path = tmp_path / "one line.txt"
    with open(path, "wb") as fh:
        for _ in range(50 * MB // len(line) + 1):
            fh.write(line)
    out = tmp_path / "out.jsonl"
    status, stderr, _ = run_measured(["extract", str(path), "-o", str(out)])
    assert (status, stderr) == (0, b"")
    n = 0
    with open(out, "rb") as fh:
        doc = json.loads(fh.readline())
        assert doc["lines"] == 1
        for raw in fh:
            rec = json.loads(raw)
            assert rec["line"] == 1
            n += 1
    assert n > 50_000


def test_20000_small_files(tmp_path: Path) -> None:
    lines = seed_text().split("\n")
    top = tmp_path / "crawl"
    for i in range(20_000):
        folder = top / f"d{i // 1000:02d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        start = (i * 7) % len(lines)
        (folder / f"f{i:05d}.txt").write_text("\n".join(lines[start : start + 12]), "utf-8")
    out = tmp_path / "out.jsonl"
    status, stderr, _ = run_measured(["extract", str(top), "-o", str(out)])
    assert (status, stderr) == (0, b"")
    docs = []
    with open(out, "rb") as fh:
        for raw in fh:
            if raw.startswith(b'{"kind":"document"'):
                docs.append(json.loads(raw)["doc"])
    assert len(docs) == 20_000
    assert docs == sorted(docs)


def test_reports_on_half_a_million_records_stay_small(tmp_path: Path) -> None:
    # The seeds' records repeated to 500,000 lines (160 MB of JSONL): a report's memory
    # follows what it shows (the seeds' five documents), not the size of its input.
    # Measured: ~33 MB peak for cases, phones and summary; reading the input whole took
    # 800-970 MB for a million records (issue 18, item 9).
    seeds = tmp_path / "seeds.jsonl"
    subprocess.run([*CMD, "extract", str(SEEDS), "-o", str(seeds)], check=True)
    lines = seeds.read_bytes().splitlines(keepends=True)
    big = tmp_path / "records.jsonl"
    with open(big, "wb") as fh:
        for _ in range(500_000 // len(lines) + 1):
            fh.writelines(lines)
    for report in ("cases", "phones", "summary"):
        status, stderr, peak = run_measured([report, str(big)])
        assert (status, stderr) == (0, b""), report
        assert peak < 150 * MB, f"{report}: peak RSS {peak / MB:.0f} MB"


# -- work per MB on a long line ----------------------------------------------------------------

# extractor -> why it is known to grow faster than linearly on one long line (none now).
QUADRATIC_ON_LONG_LINES: dict[str, str] = {}


def _long_line_seconds(name: str, size: int) -> float:
    import time

    from kommunetekst.document import Document
    from kommunetekst.registry import get_extractor

    line = seed_text().replace("\n", " ")
    doc = Document((line * (size // len(line) + 1))[:size])
    _ = doc.headers, doc.list_items  # shared work, not the extractor's
    module = get_extractor(name)
    best = float("inf")
    for _ in range(2):  # CPU time: other processes on a busy machine do not count
        t = time.process_time()
        sum(1 for _ in module.extract(doc))
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=QUADRATIC_ON_LONG_LINES[n]))
        if n in QUADRATIC_ON_LONG_LINES
        else n
        for n in __import__("kommunetekst").extractor_names()
    ],
)
def test_long_line_work_grows_linearly(name: str) -> None:
    # The one timing test: 4x the text on one line must not take 10x the time
    # (linear work measures ~4x; a scan back to the line start per match ~25x).
    small, big = _long_line_seconds(name, 4 * MB), _long_line_seconds(name, 16 * MB)
    assert big < 0.1 or big < 10 * small, f"{small:.3f} s -> {big:.3f} s"
