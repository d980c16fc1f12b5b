"""Worker processes for ``extract --jobs``: one function over many tasks, results in task order.

:func:`ordered_map` is the whole interface. What it guarantees:

- Results come back in the order of the tasks, each as soon as it and every
  task before it are done, so the output can stream.
- At most ``IN_FLIGHT`` tasks per worker are out at once, so finished results
  never pile up in memory behind a slow one.
- A worker that dies (killed for lack of memory, a crash in C code) costs only
  the task it was running: that task's result is :data:`DIED`, a new worker
  takes its place and gets the dead one's other tasks, and the run goes on.
  Each worker has a pipe of its own, so one killed halfway through sending a
  result leaves nothing behind that could block the others.
- Closing the generator (the caller stops early, Ctrl-C, SIGTERM, a closed
  pipe) kills every worker at once; a worker whose parent has died stops too.
- An exception raised by the function in a worker is raised again in the caller.

No thread is started: the parent sleeps in :func:`multiprocessing.connection.wait`
on the workers' pipes and process sentinels, so nothing polls and nothing is
left to join at exit. (``concurrent.futures`` sends every result through one
shared pipe read by a manager thread; a worker killed while sending leaves that
thread blocked for ever, and the process could not exit.)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any, Final

from ._signals import STOP_SIGNALS

#: Tasks a worker holds at a time: the next one waits in its pipe, so it never
#: idles between two tasks.
IN_FLIGHT = 2


class _Died:
    def __repr__(self) -> str:
        return "DIED"


#: The result of a task whose worker died while running it.
DIED: Final = _Died()


def ordered_map(
    fn: Callable[..., Any], tasks: Sequence[tuple[Any, ...]], jobs: int
) -> Generator[Any, None, None]:
    """``fn(*task)`` for each task, computed by ``jobs`` worker processes, in task order.

    Workers are forked (spawned on Windows, where ``fn`` must be importable).
    Tasks and results must be picklable. A task whose worker died gives :data:`DIED`.
    Close the generator (``contextlib.closing``) to stop the workers early.
    """
    workers: list[_Worker] = []
    try:
        workers = [_Worker.start(fn) for _ in range(min(jobs, len(tasks)))]
        results: dict[int, Any] = {}
        sent = done = 0
        while True:
            while done in results:
                yield _unwrap(results.pop(done))
                done += 1
            if done == len(tasks):
                return
            # Hand out tasks up to IN_FLIGHT per worker, never further ahead of the
            # oldest unfinished task than all workers together can hold.
            for w in workers:
                while len(w.pending) < IN_FLIGHT and sent < min(
                    len(tasks), done + len(workers) * IN_FLIGHT
                ):
                    w.send(sent, tasks[sent])
                    sent += 1
            # Task `done` is unfinished, so it is pending with some worker: `busy` is never empty.
            busy = [w for w in workers if w.pending]
            ready = set(wait([x for w in busy for x in (w.conn, w.process.sentinel)]))
            for i, w in enumerate(workers):
                if (w.conn in ready or w.process.sentinel in ready) and not w.receive(results):
                    workers[i] = _replace(w, fn, tasks, results)
    finally:
        for w in workers:
            w.stop()


def _unwrap(outcome: tuple[bool, Any] | _Died) -> Any:
    if isinstance(outcome, _Died):
        return outcome
    ok, value = outcome
    if not ok:
        raise value
    return value


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection  # the parent's end of this worker's pipe
    pending: deque[int] = field(
        default_factory=deque
    )  # numbers of the tasks it holds, oldest first

    @classmethod
    def start(cls, fn: Callable[..., Any]) -> _Worker:
        ctx: ForkContext | SpawnContext
        if sys.platform == "win32":
            ctx = multiprocessing.get_context("spawn")
        else:
            ctx = multiprocessing.get_context("fork")
        parent_end, child_end = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(fn, child_end), daemon=True)
        # A stop signal that came between the fork and the worker's own handlers
        # would run the parent's handler in the worker: hold them back until the
        # worker has set its own (in _serve). The parent gets them right after.
        with _signals_blocked():
            process.start()
        child_end.close()  # the worker's copy is the only one left: its death closes the pipe
        return cls(process, parent_end)

    def send(self, number: int, task: tuple[Any, ...]) -> None:
        self.pending.append(number)
        # A dead worker cannot take it; its sentinel says so and the task goes to its successor.
        with contextlib.suppress(OSError):
            self.conn.send(task)

    def receive(self, results: dict[int, Any]) -> bool:
        """Take every result waiting in the pipe; False when the worker has died."""
        try:
            while self.pending and self.conn.poll():
                results[self.pending[0]] = self.conn.recv()
                self.pending.popleft()
        except (EOFError, OSError):  # it died, perhaps halfway through sending a result
            return False
        return self.process.is_alive()

    def stop(self) -> None:
        """Kill the worker at once: it holds nothing that needs tidying up."""
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _replace(
    dead: _Worker, fn: Callable[..., Any], tasks: Sequence[tuple[Any, ...]], results: dict[int, Any]
) -> _Worker:
    """A new worker for a dead one: the task it was running died with it; the others go again."""
    dead.stop()
    if dead.pending:
        results[dead.pending.popleft()] = DIED
    new = _Worker.start(fn)
    for number in dead.pending:
        new.send(number, tasks[number])
    return new


@contextlib.contextmanager
def _signals_blocked() -> Generator[None, None, None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: spawned workers start afresh
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _serve(fn: Callable[..., Any], conn: Connection) -> None:
    """A worker's loop: a task in, its outcome out, until the parent closes the pipe or dies."""
    # Ctrl-C reaches the whole process group: the parent handles it and kills the
    # workers. SIGTERM and SIGHUP end a worker as they end any process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # the parent held them back while it forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    parent = multiprocessing.parent_process()
    watched: list[Connection | int] = [conn] if parent is None else [conn, parent.sentinel]
    try:
        while conn in wait(watched):  # otherwise the parent is gone, and so is the work
            task = conn.recv()
            try:
                outcome: tuple[bool, Any] = (True, fn(*task))
            except Exception as e:
                outcome = (False, e)
            try:
                conn.send(outcome)
            except (pickle.PicklingError, TypeError, AttributeError) as e:  # not picklable
                conn.send((False, RuntimeError(f"{outcome[1]!r} cannot be sent back: {e}")))
    except (EOFError, OSError):  # the parent closed the pipe or died
        return
