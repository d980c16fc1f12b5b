"""How a run ends early: Ctrl-C (SIGINT), SIGTERM and SIGHUP.

:func:`hold` installs the handlers first thing in ``main``, before the slow
imports; until :func:`release`, a signal is only noted. (An exception raised
inside the import of a C extension such as orjson can crash the interpreter,
and one raised inside a library's import can be swallowed.) From
:func:`release` on, the first signal raises :class:`Stopped` in the main
thread, so every ``finally`` block runs: the workers are killed and the
temporary output file is removed. Any later signal is ignored, so a second
Ctrl-C a few milliseconds after the first cannot cut that cleanup short.

Only ``signal`` is imported here, so that the handlers are in place as early as can be.
"""

from __future__ import annotations

import signal

TYPE_CHECKING = False  # not typing's: see the module's docstring
if TYPE_CHECKING:
    from types import FrameType

# The stop signals, with the sentence for stderr; the exit status is 128 + the signal number.
_SENTENCES = {"SIGINT": "Interrupted.", "SIGTERM": "Terminated.", "SIGHUP": "Hung up."}
STOP_SIGNALS = {getattr(signal, n): s for n, s in _SENTENCES.items() if hasattr(signal, n)}


class Stopped(BaseException):
    """A stop signal arrived: raised like Ctrl-C's KeyboardInterrupt, so cleanup runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.sentence = STOP_SIGNALS[signum]
        self.status = 128 + signum


_received: int | None = None  # the first stop signal, once one has come
_raising = False


def hold() -> None:
    """Install the handlers; until :func:`release`, a signal is noted, not raised.

    A signal the program was started with ignored (``nohup``, a background job's
    SIGINT) stays ignored.
    """
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) != signal.SIG_IGN:
            signal.signal(signum, _handle)


def release() -> None:
    """From now on a stop signal raises :class:`Stopped`; one that came while held is raised now."""
    global _raising
    _raising = True
    if _received is not None:
        raise Stopped(_received)


def check() -> None:
    """Raise :class:`Stopped` if a stop signal has come.

    The handler does not raise while a ``__del__`` method runs (Python would
    print the exception as "ignored" and go on): the main loop asks here, and
    so does the last step before the output is committed.
    """
    if _raising and _received is not None:
        raise Stopped(_received)


def _handle(signum: int, frame: FrameType | None) -> None:
    global _received
    if _received is not None:  # the run is already stopping
        return
    _received = signum
    # Any later stop signal is ignored by the system itself: Python resets the handlers to
    # the default action while it exits, and a second SIGTERM would then kill the process.
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    if _raising and not _in_finalizer(frame):
        raise Stopped(signum)


def _in_finalizer(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False
