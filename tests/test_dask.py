"""`extract --scheduler` and kommunetekst.dask on a real Dask cluster on loopback.

One LocalCluster (2 worker processes, one thread each) serves the module. Every
output is compared byte for byte with `extract --jobs 1` run on the same inputs.
The extra is part of `.[test]`, so CI runs these; a checkout without it skips them
(but not in CI, where the module must import).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS

if not os.environ.get("CI"):
    pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[dask]'")

import dask
import distributed

from kommunetekst.cli._io import iter_sources
from kommunetekst.dask import extract_to, iter_results, list_inputs

HTML = (
    "<!DOCTYPE html><html><body><nav>Sentralbord 67 50 00 00</nav><main>"
    "<h1>Korona 12.03.2020</h1><p>Ring smittesporingen på 22 33 44 55.</p>"
    "<ul><li>Hold avstand</li><li>Vask hendene</li></ul></main></body></html>"
)
WAIT = 300  # seconds: generous, for a loaded 2-core machine; no test asserts a duration


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # a free port: never the 8787 of a cluster already running
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with every kind of input extract meets, for runs from ``tmp_path``."""
    folder = tmp_path / "corpus"
    sub = folder / "sub"
    sub.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
        shutil.copy(seed, sub / f"kopi-{seed.name}")
    (folder / "cp1252.txt").write_bytes(
        "Møte 12.03.2020\nRing 22 33 44 55 for å bestille time.\n • Bærum – Ås\n".encode("cp1252")
    )
    (folder / "side.html").write_text(HTML, "utf-8")
    (folder / "bilde.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "brutt.txt").symlink_to("finnes-ikke.txt")
    (folder / "tom.txt").write_bytes(b"")
    hidden = folder / ".skjult"
    hidden.mkdir()
    (hidden / "x.txt").write_text("22 33 44 55\n", "utf-8")
    (tmp_path / "data.bin").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def kommunetekst(
    args: list[str], cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kommunetekst", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=WAIT,
        env=env,
        check=False,
    )


def said(stderr: bytes) -> list[str]:
    """The Error:/Warning: lines of a run, in order (Dask may log other lines)."""
    lines = stderr.decode("utf-8").splitlines()
    return [line for line in lines if line.startswith(("Error: ", "Warning: "))]


def same_as_jobs_1(
    args: list[str], cwd: Path, scheduler: str
) -> subprocess.CompletedProcess[bytes]:
    """The run on the cluster, once checked to print and say what ``--jobs 1`` does."""
    serial = kommunetekst(["extract", *args, "--jobs", "1"], cwd)
    dask = kommunetekst(["extract", *args, "--scheduler", scheduler], cwd)
    assert dask.returncode == serial.returncode, dask.stderr.decode()
    assert said(dask.stderr) == said(serial.stderr)
    assert dask.stdout == serial.stdout
    return dask


def test_cli_output_is_byte_identical_to_jobs_1(
    corpus: Path, tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    # Relative paths from a folder the workers do not run in; a missing path, a
    # binary file named on the command line and a broken link are errors.
    args = ["corpus", "mangler.txt", "data.bin", "corpus/cp1252.txt"]
    result = same_as_jobs_1(args, tmp_path, cluster.scheduler_address)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    documents = [r for r in records if r["kind"] == "document"]
    assert len(documents) == 13  # 5 seeds twice, cp1252.txt (named twice, read once), html, empty
    by_doc = {d["doc"]: d for d in documents}
    assert by_doc["corpus/cp1252.txt"]["encoding"] == "windows-1252"
    assert by_doc["corpus/side.html"]["format"] == "html"
    assert any(r["kind"] == "bullet" and r["item"] == "Bærum – Ås" for r in records)
    assert not any(r["doc"].startswith("corpus/.skjult") for r in records)


def test_read_error_on_a_worker_names_the_path_as_given(
    tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("needs Linux's /proc/self/mem, which opens but cannot be read")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Ring 22 33 44 55.\n", "utf-8")
    (folder / "mem").symlink_to("/proc/self/mem")  # listed as a file; reading it fails
    result = same_as_jobs_1(["corpus"], tmp_path, cluster.scheduler_address)
    assert said(result.stderr) == ["Error: corpus/mem: cannot read (input/output error)."]


def test_stdin_and_output_file(
    corpus: Path, tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    address = cluster.scheduler_address
    text = (SEEDS.glob("*.txt").__next__()).read_bytes()
    common = ["-", "corpus", "--doc", "logg.txt", "--year", "2020", "--only", "date_header,phone"]
    serial = kommunetekst(["extract", *common, "-o", "serial.jsonl"], tmp_path, text)
    dask = kommunetekst(
        ["extract", *common, "-o", "dask.jsonl", "--scheduler", address], tmp_path, text
    )
    assert (dask.returncode, said(dask.stderr)) == (serial.returncode, said(serial.stderr))
    assert dask.stdout == b""
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
    assert b'"doc":"logg.txt"' in (tmp_path / "dask.jsonl").read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def reference(paths: list[str], cwd: Path) -> bytes:
    return kommunetekst(["extract", *paths, "--jobs", "1"], cwd).stdout


@contextlib.contextmanager
def working_folder(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def test_python_api_many_small_tasks_stream_in_input_order(
    corpus: Path, tmp_path: Path, client: distributed.Client
) -> None:
    with working_folder(tmp_path):
        inputs = list_inputs(["corpus"])
        assert [s.name for s in inputs.sources] == [
            s.name for s in iter_sources(("corpus",)).sources
        ]
        # Tasks of one document each: 13 tasks, finishing in any order on two workers.
        results = iter_results(inputs.sources, client, task_bytes=1, sizes=inputs.sizes)
        out = b"".join(bytes(data) for data, _ in results)
        buffer = io.BytesIO()
        messages = extract_to(["corpus"], buffer, client)
    want = reference(["corpus"], tmp_path)
    assert out == want
    assert buffer.getvalue() == want
    assert messages == [
        (True, "corpus/brutt.txt: cannot read (broken symbolic link)."),
        (False, "skipped corpus/bilde.dat: it is a PNG image, not text."),
    ]


def test_file_urls_are_read_with_fsspec(
    corpus: Path, tmp_path: Path, client: distributed.Client
) -> None:
    url = f"file://{corpus}"
    buffer = io.BytesIO()
    messages = extract_to([url], buffer, client)
    with working_folder(tmp_path):
        local = io.BytesIO()
        extract_to(["corpus"], local, client)
    # The same records in the same order; only the doc is the URL.
    assert buffer.getvalue() == local.getvalue().replace(
        b'"doc":"corpus/', f'"doc":"{url}/'.encode()
    )
    # The walk is the same: hidden folders left out; the broken link is no object there.
    assert (False, f"skipped {url}/bilde.dat: it is a PNG image, not text.") in messages


def test_a_url_whose_package_is_missing_is_a_usage_error(tmp_path: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("s3fs") is not None:
        pytest.skip("s3fs is installed")
    result = kommunetekst(
        ["extract", "s3://kommuner/2020/", "--scheduler", "tcp://127.0.0.1:9"], tmp_path
    )
    assert result.returncode == 2
    assert "s3://kommuner/2020/" in result.stderr.decode() and "s3fs" in result.stderr.decode()


def test_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    (tmp_path / "a.txt").write_text("Ring 22 33 44 55.\n", "utf-8")
    result = kommunetekst(
        ["extract", "a.txt", "--scheduler", "tcp://127.0.0.1:9"], tmp_path, env=env
    )
    assert result.returncode == 1
    assert said(result.stderr)[-1].startswith(
        "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    )
    assert result.stdout == b""


def test_without_the_extra_the_error_names_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['distributed'] = None; sys.argv[0] = 'kommunetekst'\n"
        "from kommunetekst.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "extract", "-", "--scheduler", "tcp://127.0.0.1:9"],
        cwd=tmp_path,
        input=b"Ring 22 33 44 55.\n",
        capture_output=True,
        timeout=WAIT,
        check=False,
    )
    assert result.returncode == 1
    assert said(result.stderr) == [
        "Error: running on a Dask cluster needs the dask extra: pip install 'kommunetekst[dask]'"
    ]


def test_jobs_and_scheduler_together_is_a_usage_error(tmp_path: Path) -> None:
    result = kommunetekst(
        ["extract", "-", "--jobs", "2", "--scheduler", "tcp://127.0.0.1:9"], tmp_path, b""
    )
    assert result.returncode == 2 and "--jobs" in result.stderr.decode()


@pytest.mark.parametrize("address", ["10.0.0.5", "udp://127.0.0.1:8786"])
def test_a_malformed_address_is_a_usage_error(address: str, tmp_path: Path) -> None:
    result = kommunetekst(["extract", "-", "--scheduler", address], tmp_path, b"")
    assert result.returncode == 2
    assert f"Invalid value for --scheduler: {address} is no scheduler address" in (
        result.stderr.decode()
    )
    assert "Traceback" not in result.stderr.decode()


def tasks_on(client: distributed.Client) -> int:
    def count(dask_scheduler: Any) -> int:
        return sum(1 for key in dask_scheduler.tasks if str(key).startswith("kommunetekst-"))

    return int(client.run_on_scheduler(count))


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"waited {WAIT} s for {what}"
        time.sleep(0.1)


def test_ctrl_c_cancels_the_work_and_leaves_no_output(
    corpus: Path, tmp_path: Path, cluster: distributed.LocalCluster, client: distributed.Client
) -> None:
    # stdin is read on the client after the tasks for the files are submitted: while
    # it waits for input, the run is surely under way, with work on the cluster.
    for i in range(40):
        shutil.copytree(corpus / "sub", corpus / f"sub{i:02d}")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kommunetekst",
            "extract",
            "-",
            "corpus",
            "-o",
            str(out),
            "--scheduler",
            cluster.scheduler_address,
        ],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: tasks_on(client) > 0, "the run's tasks on the scheduler")
        run.send_signal(signal.SIGINT)
        _, stderr = run.communicate(timeout=WAIT)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 130
    assert stderr.decode().splitlines()[-1] == "Interrupted."
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "data.bin", "out.jsonl"]
    wait_until(lambda: tasks_on(client) == 0, "the scheduler to forget the cancelled tasks")


def test_a_lost_worker_loses_no_document(
    corpus: Path, tmp_path: Path, client: distributed.Client
) -> None:
    with working_folder(tmp_path):
        inputs = list_inputs(["corpus"])
        out = bytearray()
        results = iter_results(inputs.sources, client, task_bytes=1, sizes=inputs.sizes)
        with contextlib.closing(results):
            for n, (data, _) in enumerate(results):
                out += data
                if n == 0:  # kill one worker: its nanny starts another, Dask reruns its tasks
                    pid = next(iter(client.run(os.getpid).values()))
                    os.kill(pid, signal.SIGKILL)
    assert bytes(out) == reference(["corpus"], tmp_path)
    client.wait_for_workers(2, timeout=WAIT)


@pytest.mark.slow
def test_a_document_that_kills_its_worker_is_one_error(tmp_path: Path) -> None:
    # A worker with little memory, and a scheduler that gives up on a task at the
    # first worker it kills: the task's documents are then run one at a time, and
    # only the one that kills its worker again is lost, with an error naming it.
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    wanted = reference(["."], tmp_path)
    text = b"".join(p.read_bytes() for p in sorted(SEEDS.glob("*.txt")))
    (tmp_path / "zz-stor.txt").write_bytes(text * (40_000_000 // len(text)))
    config = {"distributed.scheduler.allowed-failures": 0}
    with (
        dask.config.set(config),
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            memory_limit="200MiB",
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
        ) as small,
        distributed.Client(small, set_as_default=False) as client,
        working_folder(tmp_path),
    ):
        out = io.BytesIO()
        messages = extract_to(["."], out, client)
    assert out.getvalue() == wanted
    assert messages == [
        (
            True,
            "./zz-stor.txt: the process extracting it died (killed by the system, perhaps "
            "for lack of memory); its records are missing.",
        ),
    ]
