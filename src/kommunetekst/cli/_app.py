"""The click group of the ``kommunetekst`` command; the command modules register on it.

A command's module is imported when the command is run or listed, so ``extract``
does not load the reports, the export or their libraries.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

CONTEXT = {"help_option_names": ["-h", "--help"]}

#: Every command, by the module in ``kommunetekst.cli`` that defines it.
COMMAND_MODULES: dict[str, str] = {
    "extract": "extract",
    "extractors": "extract",
    "export": "export",
    "schema": "export",
    "cases": "reports",
    "phones": "reports",
    "percentages": "reports",
    "bullets": "reports",
    "decisions": "reports",
    "timeline": "reports",
    "summary": "reports",
    "report": "html_report",
    "text": "text",
}


class LazyGroup(click.Group):
    """A group whose commands are registered by importing their module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            importlib.import_module(f"{__package__}.{module}")  # its decorators register it
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kommunetekst")
def cli() -> None:
    """Structured, traceable records from Norwegian municipal texts.

    \b
    Example:
        kommunetekst extract seeds/ > records.jsonl
        kommunetekst extract seeds/ | kommunetekst cases --plot-ascii
    """
