"""The ``kommunetekst`` command: a click group over the pure library.

Heavy modules (rich, phonenumbers, the extractors) are imported inside the
commands, so ``kommunetekst --help`` starts fast.
"""

from __future__ import annotations

import errno
import os
import signal
import sys

import click

from .. import __version__

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kommunetekst")
def cli() -> None:
    """Structured, traceable records from Norwegian municipal texts.

    \b
    Example:
        kommunetekst extract seeds/ > records.jsonl
        kommunetekst extract seeds/ | kommunetekst cases --plot-ascii
    """


def main() -> None:
    """Console-script entry point: every way a run can end gives one sentence, never a traceback.

    Exit status: 0 ok, also on a closed pipe (``| head``); 1 a data or runtime
    error; 2 a usage error; 130 Ctrl-C; 143 SIGTERM. ``KOMMUNETEKST_DEBUG=1``
    shows the traceback of an unexpected error instead of the sentence.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        _main()
    except SystemExit as e:
        if _stuck_threads():
            _exit_now(e.code)
        raise


def _main() -> None:
    try:
        rv = cli.main(prog_name="kommunetekst", standalone_mode=False)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except (click.exceptions.Abort, KeyboardInterrupt):
        # click turns Ctrl-C into Abort; temporary files are gone by now.
        _stderr("Interrupted.")
        sys.exit(130)
    except _Terminated:
        _stderr("Terminated.")
        sys.exit(143)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except OSError as e:
        if e.errno == errno.EPIPE:
            _quiet_broken_pipe()
        _unexpected(e)
    except Exception as e:  # a bug: say so in one sentence
        _unexpected(e)
    sys.exit(rv if isinstance(rv, int) else 0)


def _stuck_threads() -> bool:
    """Whether a thread other than the main one would keep the process from exiting.

    The only such thread is a process pool's manager (``--jobs``). When a run
    stops early (Ctrl-C, SIGTERM, a closed pipe, an error), its workers are
    killed, and a worker killed while sending a large result leaves the manager
    blocked for ever reading the rest; Python's exit would wait for it.
    """
    import threading

    main_thread = threading.main_thread()
    return any(t is not main_thread and not t.daemon and t.is_alive() for t in threading.enumerate())


def _exit_now(code: object) -> None:
    """Flush what was written and end the process without joining the stuck threads."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


class _Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that ``finally`` blocks remove temporary files."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def _stderr(message: str) -> None:
    try:
        click.echo(message, err=True)
    except OSError:  # stderr is gone too: nothing left to tell
        return


def _unexpected(e: BaseException) -> None:
    if os.environ.get("KOMMUNETEKST_DEBUG"):
        raise e
    _stderr(
        f"Error: unexpected {type(e).__name__}: {e}. This is a bug; run again with "
        "KOMMUNETEKST_DEBUG=1 for the traceback and please report it."
    )
    sys.exit(1)


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush does not
    # raise again and print "Exception ignored … BrokenPipeError".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(0)


from . import export as _export  # noqa: E402,F401  (registers the commands)
from . import extract as _extract  # noqa: E402,F401
from . import reports as _reports  # noqa: E402,F401
from . import text as _text  # noqa: E402,F401
