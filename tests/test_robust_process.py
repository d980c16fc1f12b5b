"""Robustness of the real process (issue 7): pipes, signals, full disks, exit statuses.

These run ``python -m kommunetekst`` in a subprocess, because CliRunner does not
go through the console-script entry point (``cli.main``), where closed pipes,
Ctrl-C and SIGTERM are handled. New situations go in as a test function here;
in-process cases belong in ``test_robustness.py``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEEDS

CMD = [sys.executable, "-m", "kommunetekst"]
SHELL_CMD = " ".join(shlex.quote(c) for c in CMD)


def kt(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CMD, *args], capture_output=True, timeout=120, **kw)  # type: ignore[call-overload]


def err_lines(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 copies of the seeds: ~650 KB of JSONL, far more than a pipe buffer holds."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(24):
        shutil.copy(seeds[i % len(seeds)], folder / f"{i:02d}.txt")
    return folder


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough text (30 x 1.3 MB) that extraction is still running when a signal comes."""
    folder = tmp_path_factory.mktemp("slow")
    text = b"".join(p.read_bytes() + b"\n" for p in sorted(SEEDS.glob("*.txt"))) * 50
    for i in range(30):
        (folder / f"{i:02d}.txt").write_bytes(text)
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_head_ends_quietly_with_status_0(corpus: Path, jobs: str) -> None:
    script = (
        f"set -o pipefail; {SHELL_CMD} extract {shlex.quote(str(corpus))} --jobs {jobs} | head -1"
    )
    proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=120)
    assert proc.stderr == b""
    assert proc.returncode == 0
    assert proc.stdout.count(b"\n") == 1 and proc.stdout.startswith(b'{"kind":"document"')


def test_full_disk_on_stdout_is_an_error_sentence(corpus: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [*CMD, "extract", str(corpus)], stdout=full, stderr=subprocess.PIPE, timeout=120
        )
    assert proc.returncode == 1
    assert err_lines(proc.stderr) == [
        "Error: cannot write to standard output (no space left on device); "
        "the output is incomplete."
    ]


def test_stdout_redirected_into_the_walked_folder_is_not_read(tmp_path: Path) -> None:
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "a.txt")
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as fh:
        proc = subprocess.run(
            [*CMD, "extract", str(tmp_path)], stdout=fh, stderr=subprocess.PIPE, timeout=120
        )
    assert proc.returncode == 0
    assert err_lines(proc.stderr) == [f"Warning: skipped {out}: it is the output file."]
    assert b'"doc":"' + str(out).encode() not in out.read_bytes()


def _interrupt(folder: Path, sig: int, jobs: str, tmp_path: Path) -> tuple[int, list[str], Path]:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc = subprocess.Popen(
        [*CMD, "extract", str(folder), "-o", str(out), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # A shell that starts jobs in the background (CI may) leaves SIGINT ignored in
        # them, and Python then never raises KeyboardInterrupt: give the child Ctrl-C back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):  # writing has begun
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "finished before the signal: make the corpus bigger"
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group, workers too
    else:
        os.kill(proc.pid, sig)
    _, stderr = proc.communicate(timeout=60)
    return proc.returncode, err_lines(stderr), out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_output_leaves_the_old_file(
    slow_corpus: Path, jobs: str, tmp_path: Path
) -> None:
    code, stderr, out = _interrupt(slow_corpus, signal.SIGINT, jobs, tmp_path)
    assert (code, stderr) == (130, ["Interrupted."])
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_sigterm_during_output_leaves_the_old_file(slow_corpus: Path, tmp_path: Path) -> None:
    code, stderr, out = _interrupt(slow_corpus, signal.SIGTERM, "2", tmp_path)
    assert (code, stderr) == (143, ["Terminated."])
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_unexpected_error_is_one_sentence_not_a_traceback(tmp_path: Path) -> None:
    code = (
        "import kommunetekst.cli.extract as e\n"
        "def boom(*a, **k): raise RuntimeError('simulated bug')\n"
        "e.iter_sources = boom\n"
        "from kommunetekst.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "extract", str(tmp_path)], capture_output=True, timeout=60
    )
    assert proc.returncode == 1
    assert err_lines(proc.stderr) == [
        "Error: unexpected RuntimeError: simulated bug. This is a bug; run again with "
        "KOMMUNETEKST_DEBUG=1 for the traceback and please report it."
    ]
    debug = subprocess.run(
        [sys.executable, "-c", code, "extract", str(tmp_path)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "KOMMUNETEKST_DEBUG": "1"},
    )
    assert b"Traceback" in debug.stderr and b"simulated bug" in debug.stderr


@pytest.mark.parametrize(
    "args", [["extract", "--year", "20", "-"], ["nosuchcommand"], ["extract", "--only", "x"]]
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    proc = kt(*args, input=b"")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"Error:" in proc.stderr


def test_help_and_version_exit_0() -> None:
    assert kt("--help").returncode == 0
    assert kt("--version").returncode == 0
    assert kt("extract", "-h").returncode == 0


def test_same_bytes_whatever_the_hash_seed_and_the_working_folder(
    corpus: Path, tmp_path: Path
) -> None:
    # Set iteration order changes with PYTHONHASHSEED: output must not depend on it.
    runs = [
        subprocess.run(
            [*CMD, "extract", str(corpus)],
            capture_output=True,
            timeout=120,
            cwd=cwd,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed, cwd in (("0", tmp_path), ("1", "/"), ("12345", tmp_path))
    ]
    assert {r.returncode for r in runs} == {0}
    assert len({r.stdout for r in runs}) == 1


# How a worker dies on 05.txt: at once, or while it sends its result, which leaves
# half a message in its pipe (a pool whose workers share one result pipe then waits
# for ever on the rest; the run must notice the death and go on).
_DEATHS = {
    "at once": "",
    "while sending": (
        "    import multiprocessing\n"
        "    conn = multiprocessing.current_process()._args[-1]  # the worker's result pipe\n"
        "    os.write(conn.fileno(), struct.pack('!i', 1 << 20) + b'x' * 100)\n"
    ),
}


@pytest.mark.parametrize("death", list(_DEATHS))
def test_a_worker_killed_mid_run_does_not_hang_the_run(corpus: Path, death: str) -> None:
    # multiprocessing.Pool waits forever for the task of a worker that died (the
    # OOM killer, a crash in C code). The document that kills its worker is
    # retried alone, named in one error sentence, and the run goes on.
    code = (
        "import os, signal, struct, kommunetekst.cli.extract as e\n"
        "real = e.process_source\n"
        "def die():\n"
        f"{_DEATHS[death]}"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "def process_source(s, *a, **k):\n"
        "    if s.name.endswith('05.txt'): die()\n"
        "    return real(s, *a, **k)\n"
        "e.process_source = process_source\n"
        "from kommunetekst.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "extract", str(corpus), "--jobs", "2"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert err_lines(proc.stderr) == [
        f"Error: {corpus / '05.txt'}: the process extracting it died "
        "(killed by the system, perhaps for lack of memory); its records are missing."
    ]
    serial = kt("extract", *(str(p) for p in sorted(corpus.iterdir()) if p.name != "05.txt"))
    assert proc.stdout == serial.stdout


@pytest.mark.parametrize("ending", ["interrupted", "finished", "closed pipe"])
def test_a_parallel_run_leaves_no_thread_or_worker_behind(corpus: Path, ending: str) -> None:
    # A thread still running at exit keeps Python from exiting (concurrent.futures'
    # manager thread, blocked for ever on the half message of a worker killed while
    # sending, did). The --jobs pool works without threads: at exit, only the main
    # thread is left, and no worker process.
    code = (
        "import atexit, multiprocessing, sys, threading, kommunetekst.cli.extract as e\n"
        "def report():\n"
        "    sys.stderr.write(f'threads={threading.active_count()} '\n"
        "                     f'workers={len(multiprocessing.active_children())}\\n')\n"
        "atexit.register(report)\n"
        "import os, signal\n"
        "real = e.process_source\n"
        "def process_source(s, *a, **k):  # runs in a worker\n"
        "    if s.name.endswith('09.txt') and END == 'interrupted':\n"
        "        os.kill(os.getppid(), signal.SIGINT)\n"
        "    return real(s, *a, **k)\n"
        f"END = {ending!r}\n"
        "e.process_source = process_source\n"
        "from kommunetekst.cli import main\n"
        "main()\n"
    )
    args = [sys.executable, "-c", code, "extract", str(corpus), "--jobs", "2"]
    if ending == "closed pipe":
        script = " ".join(shlex.quote(a) for a in args) + " | head -c 100 > /dev/null"
        proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60)
    else:
        proc = subprocess.run(args, capture_output=True, timeout=60)
    assert err_lines(proc.stderr)[-1] == "threads=1 workers=0", proc.stderr
    if ending == "interrupted":
        assert (proc.returncode, err_lines(proc.stderr)[0]) == (130, "Interrupted.")
    else:
        assert proc.returncode == 0


@pytest.mark.parametrize(
    ("redirect", "status", "stderr"),
    [
        ("<&-", 2, "Error: give a file or folder to extract, or - for stdin."),
        ("- <&-", 1, "Error: -: cannot read (standard input is closed)."),
        (
            "SEEDS >&-",
            1,
            "Error: cannot write to standard output (it is closed); nothing was written.",
        ),
        ("SEEDS 2>&-", 0, None),
    ],
    ids=["stdin closed", "- with stdin closed", "stdout closed", "stderr closed"],
)
def test_closed_standard_streams(redirect: str, status: int, stderr: str | None) -> None:
    args = redirect.replace("SEEDS", shlex.quote(str(SEEDS)))
    proc = subprocess.run(
        ["bash", "-c", f"exec {SHELL_CMD} extract {args}"], capture_output=True, timeout=120
    )
    assert proc.returncode == status
    if stderr is None:  # all the output, although stderr is gone
        assert proc.stdout.count(b'"kind":"document"') == 5
    else:
        assert err_lines(proc.stderr)[-1] == stderr


# -- issue 18: the gaps a fresh attack found ---------------------------------------------------


def _gone(group: int, seconds: float = 10) -> bool:
    """Whether every process of the process group has ended (the workers too)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_output_onto_standard_input_is_a_usage_error(tmp_path: Path) -> None:
    # `extract - -o in.txt < in.txt` used to replace its input.
    src = tmp_path / "in.txt"
    src.write_text("Det er 5 smittede.\n", "utf-8")
    with open(src, "rb") as stdin:
        proc = subprocess.run(
            [*CMD, "extract", "-", "-o", str(src)], stdin=stdin, capture_output=True, timeout=60
        )
    assert proc.returncode == 2
    assert err_lines(proc.stderr)[-1] == (
        f"Error: Invalid value for -o: {src} is also the input (standard input); "
        "write the output to another file."
    )
    assert src.read_text("utf-8") == "Det er 5 smittede.\n"


def test_a_closed_stderr_pipe_is_not_taken_for_a_closed_stdout(tmp_path: Path) -> None:
    # `extract folder 2>&1 >out.jsonl | head -c 10`: the warning for a binary file hit the
    # closed pipe, which passed for `| head` on stdout: exit 0 and no record written.
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(200):
        (folder / f"b{i:03d}.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "z.txt")
    out = tmp_path / "out.jsonl"
    script = (
        f"{SHELL_CMD} extract {shlex.quote(str(folder))} 2>&1 >{shlex.quote(str(out))} | head -c 10"
    )
    proc = subprocess.run(
        ["bash", "-c", f"{script}; exit ${{PIPESTATUS[0]}}"], capture_output=True, timeout=120
    )
    assert proc.returncode == 0
    assert out.read_bytes() == kt("extract", str(folder)).stdout != b""


@pytest.mark.parametrize(
    ("signals", "status", "sentence"),
    [
        ([signal.SIGHUP], 129, "Hung up."),
        ([signal.SIGINT, signal.SIGINT], 130, "Interrupted."),
        ([signal.SIGTERM, signal.SIGTERM], 143, "Terminated."),
    ],
    ids=["SIGHUP", "SIGINT twice", "SIGTERM twice"],
)
def test_stop_signals_end_the_workers_and_leave_the_old_file(
    slow_corpus: Path, tmp_path: Path, signals: list[int], status: int, sentence: str
) -> None:
    # Two Ctrl-C a few ms apart left workers running (and once a caller hung); SIGHUP
    # left the temporary file and two workers.
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc = subprocess.Popen(
        [*CMD, "extract", str(slow_corpus), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.5)
    for sig in signals:  # to the whole group, as a terminal sends them
        os.killpg(proc.pid, sig)
        time.sleep(0.003)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, err_lines(stderr)) == (status, [sentence])
    assert _gone(proc.pid), "a worker is still running"
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_ctrl_c_during_the_imports_is_not_lost(tmp_path: Path) -> None:
    # Ctrl-C in the first ~0.15 s crashed inside `import orjson` (an exception raised in a
    # C extension's import), printed a traceback, or was lost (the run went on).
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    code = (
        "import os, signal, kommunetekst.cli as c\n"
        "real = c._import_c_extensions\n"
        "def imports():\n"
        "    os.kill(os.getpid(), signal.SIGINT)  # arrives while the C extensions load\n"
        "    real()\n"
        "c._import_c_extensions = imports\n"
        "c.main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "extract", str(SEEDS), "-o", str(out)],
        capture_output=True,
        timeout=60,
    )
    assert (proc.returncode, err_lines(proc.stderr)) == (130, ["Interrupted."])
    assert out.read_text() == "old\n"


def test_ctrl_c_that_lands_in_a_finalizer_is_not_lost(corpus: Path, tmp_path: Path) -> None:
    # A KeyboardInterrupt raised while a __del__ runs is printed as "Exception ignored"
    # and dropped: the run went on and replaced the output.
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    code = (
        "import os, signal, kommunetekst.cli.extract as e\n"
        "class Interrupts:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        sum(range(10000))  # the handler runs in here\n"
        "real = e.process_source\n"
        "def process_source(s, *a, **k):\n"
        "    if s.name.endswith('03.txt'): Interrupts()\n"
        "    return real(s, *a, **k)\n"
        "e.process_source = process_source\n"
        "from kommunetekst.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "extract", str(corpus), "-o", str(out), "--jobs", "1"],
        capture_output=True,
        timeout=60,
    )
    assert (proc.returncode, err_lines(proc.stderr)) == (130, ["Interrupted."])
    assert out.read_text() == "old\n"


@pytest.mark.parametrize("command", ["cases", "phones --format csv", "summary --format jsonl"])
@pytest.mark.parametrize("stdout", ["/dev/full", "closed"])
def test_a_report_whose_stdout_fails_says_so(command: str, stdout: str, tmp_path: Path) -> None:
    # "unexpected OSError/TypeError/AttributeError … This is a bug", or exit 0 with nothing.
    records = tmp_path / "records.jsonl"
    records.write_bytes(kt("extract", str(SEEDS)).stdout)
    redirect = "> /dev/full" if stdout == "/dev/full" else ">&-"
    proc = subprocess.run(
        ["bash", "-c", f"exec {SHELL_CMD} {command} {shlex.quote(str(records))} {redirect}"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    reason = (
        "no space left on device); the output is incomplete."
        if stdout == "/dev/full"
        else "it is closed); nothing was written."
    )
    assert err_lines(proc.stderr) == [f"Error: cannot write to standard output ({reason}"]
