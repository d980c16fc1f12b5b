"""The worker pool of ``extract --jobs`` (``kommunetekst.cli._pool``), on its own.

Each case runs in a fresh interpreter with a time limit, so that a pool that
hangs fails the test instead of hanging the suite. The runs through the CLI
(signals, a worker killed while sending) are in ``test_robust_process.py``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PRELUDE = """
import multiprocessing, os, signal, sys, threading, time
from kommunetekst.cli._pool import DIED, ordered_map

def square(i):
    return i * i
"""


def run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_in_task_order_with_a_slow_reader(jobs: int) -> None:
    # A reader slower than the workers lets every outstanding result arrive at once; an
    # earlier version then handed out no task and waited on an empty set of pipes for ever.
    out = run(f"""
        got = []
        for r in ordered_map(square, [(i,) for i in range(300)], {jobs}):
            got.append(r)
            if len(got) % 7 == 0:
                time.sleep(0.01)
        print(got == [i * i for i in range(300)], threading.active_count())
    """)
    assert out == "True 1"


def test_a_dead_worker_costs_only_its_task() -> None:
    out = run("""
        def work(i):
            if i in (5, 6):
                os.kill(os.getpid(), signal.SIGKILL)
            return i
        got = ["DIED" if r is DIED else r for r in ordered_map(work, [(i,) for i in range(12)], 2)]
        print(got, len(multiprocessing.active_children()))
    """)
    assert out == "[0, 1, 2, 3, 4, 'DIED', 'DIED', 7, 8, 9, 10, 11] 0"


def test_an_exception_in_a_task_is_raised_in_the_caller() -> None:
    out = run("""
        def work(i):
            if i == 4:
                raise ValueError(f"task {i}")
            return i
        got = []
        try:
            for r in ordered_map(work, [(i,) for i in range(10)], 2):
                got.append(r)
        except ValueError as e:
            print(got, e, len(multiprocessing.active_children()))
    """)
    assert out == "[0, 1, 2, 3] task 4 0"


def test_closing_early_kills_busy_workers_at_once() -> None:
    out = run("""
        def slow(i):
            time.sleep(30)
        results = ordered_map(slow, [(i,) for i in range(10)], 2)
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
        t = time.monotonic()
        try:
            next(results)  # the workers sleep: Ctrl-C comes first
        except KeyboardInterrupt:
            results.close()
        print(len(multiprocessing.active_children()), time.monotonic() - t < 5)
    """)
    assert out == "0 True"


def test_workers_stop_when_the_parent_dies() -> None:
    out = run("""
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # a parent that is killed while its workers wait for tasks
            os.close(r)
            results = ordered_map(square, [(i,) for i in range(100)], 2)
            next(results)
            os.write(w, " ".join(str(c.pid) for c in multiprocessing.active_children()).encode())
            os.close(w)
            os.kill(os.getpid(), signal.SIGKILL)
        os.close(w)
        workers = [int(p) for p in os.read(r, 100).split()]
        os.waitpid(pid, 0)
        deadline = time.monotonic() + 10
        def alive(p):
            try:
                os.kill(p, 0)
            except ProcessLookupError:
                return False
            with open(f"/proc/{p}/stat") as fh:
                return fh.read().split()[2] != "Z"
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        print(len(workers), [p for p in workers if alive(p)])
    """)
    assert out == "2 []"
