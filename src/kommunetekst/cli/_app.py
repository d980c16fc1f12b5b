"""The click group of the ``kommunetekst`` command; the command modules register on it."""

from __future__ import annotations

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
