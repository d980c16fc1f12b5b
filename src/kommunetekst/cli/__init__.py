"""The ``kommunetekst`` command: a click group over the pure library.

This module is light on purpose: :func:`main` sets up signal handling before
anything slow is imported. The click group lives in ``_app`` and is imported on
first use (``from kommunetekst.cli import cli`` works as before); it imports a
command's module only when that command runs or is listed, and heavy modules
(rich, phonenumbers, the extractors) are imported inside the commands, so
``kommunetekst extract`` loads neither the reports nor the export.
"""

from __future__ import annotations

import errno
import os
import sys

from . import _signals

TYPE_CHECKING = False  # not typing's, which would slow the start (see _signals)
if TYPE_CHECKING:
    from typing import Any

    from ._app import cli as cli


def main() -> None:
    """Console-script entry point: every way a run can end gives one sentence, never a traceback.

    Exit status: 0 ok, also on a closed pipe (``| head``); 1 a data or runtime
    error; 2 a usage error; 130 Ctrl-C; 143 SIGTERM; 129 SIGHUP.
    ``KOMMUNETEKST_DEBUG=1`` shows the traceback of an unexpected error instead
    of the sentence.
    """
    _signals.hold()  # first: a stop signal during the imports below waits for their end
    try:
        from ._io import keep_going_without_stderr, stdout_errors_are_sentences

        keep_going_without_stderr()
        stdout_errors_are_sentences()
        _import_c_extensions()
        from ._app import cli

        _signals.release()
        rv = cli.main(prog_name="kommunetekst", standalone_mode=False)
        _signals.check()
        sys.exit(rv if isinstance(rv, int) else 0)
    except BaseException as e:  # every ending is one sentence and a status
        _end(e)


def _import_c_extensions() -> None:
    # An exception raised inside a C extension's import (Ctrl-C) can crash the
    # interpreter: import them while signals are held.
    import hashlib  # noqa: F401
    import unicodedata  # noqa: F401

    import orjson  # noqa: F401
    import regex  # noqa: F401


def _end(e: BaseException) -> None:
    """End the process for the exception that stopped the run."""
    import click

    from ._io import OutputError, silence_stdout

    if isinstance(e, SystemExit | click.exceptions.Exit):
        raise e
    if isinstance(e, OSError) and e.errno == errno.EPIPE:
        # stdout is a closed pipe (| head): a normal end. (A failing stderr never
        # raises: see keep_going_without_stderr.)
        silence_stdout()  # Python flushes stdout at exit: that flush must not fail again
        sys.exit(0)
    if isinstance(e, _signals.Stopped | KeyboardInterrupt | click.exceptions.Abort):
        # Temporary files are gone by now. What is still buffered for stdout is
        # dropped: writing it could block on a reader that has stopped reading.
        silence_stdout()
        if isinstance(e, _signals.Stopped):
            click.echo(e.sentence, err=True)
            sys.exit(e.status)
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    if isinstance(e, click.ClickException):
        if isinstance(e, OutputError):
            silence_stdout()  # what is still buffered would fail again at exit
        e.show()
        sys.exit(e.exit_code)
    if os.environ.get("KOMMUNETEKST_DEBUG") or not isinstance(e, Exception):
        raise e
    click.echo(
        f"Error: unexpected {type(e).__name__}: {e}. This is a bug; run again with "
        "KOMMUNETEKST_DEBUG=1 for the traceback and please report it.",
        err=True,
    )
    sys.exit(1)


def __getattr__(name: str) -> Any:
    if name == "cli":  # ``from kommunetekst.cli import cli``, as the tests do
        from ._app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
