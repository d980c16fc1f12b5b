"""The ``kommunetekst`` command: a click group over the pure library.

Heavy modules (rich, phonenumbers, the extractors) are imported inside the
commands, so ``kommunetekst --help`` starts fast.
"""

from __future__ import annotations

import os
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
    """Console-script entry point: quiet on a closed pipe."""
    try:
        cli.main(prog_name="kommunetekst")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush does not
    # raise again and print "Exception ignored … BrokenPipeError".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(0)


from . import extract as _extract  # noqa: E402,F401  (registers the commands)
from . import reports as _reports  # noqa: E402,F401
