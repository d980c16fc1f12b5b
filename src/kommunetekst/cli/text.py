"""``kommunetekst text``: the text that the spans of a document's records point into."""

from __future__ import annotations

import click

from ._app import cli
from ._io import (
    Source,
    closed_pipe_ends_quietly,
    display_name,
    os_error_sentence,
    read_source,
    stdout_bytes,
)


@cli.command(short_help="Print the text of a file as extract reads it.")
@click.argument("file", metavar="FILE")
@click.option(
    "--doc", "doc_name", metavar="NAME", help="A name for stdin; its suffix hints at the format."
)
@click.option("--whole-page", is_flag=True, help="HTML: keep navigation, headers and footers.")
def text(file: str, doc_name: str | None, whole_page: bool) -> None:
    """Print the text of FILE as extract reads it: decoded, or converted from HTML, PDF or Word.

    Every record's span counts code points of exactly this text, so
    text[start:end] is its evidence. FILE is a file or - for stdin. Written as
    UTF-8; a PDF's pages follow each other, each starting a new block.

    \b
    Example:
        kommunetekst text rapport.pdf > rapport.txt
        kommunetekst text side.html | grep -n smitt
    """
    from ..convert import convert_bytes
    from ..errors import BinaryInputError, UnreadableInputError

    source = Source(file, True, doc=doc_name or "")
    try:
        data = read_source(source)
        converted = convert_bytes(data, source.doc if file == "-" else file, whole_page)
    except OSError as e:
        raise click.ClickException(os_error_sentence(file, e)) from e
    except BinaryInputError as e:
        raise click.ClickException(
            f"{display_name(source.doc)} {e}; name text, HTML, PDF or Word files."
        ) from e
    except UnreadableInputError as e:
        raise click.ClickException(f"{display_name(source.doc)} {e}.") from e
    if converted.warning:
        click.echo(f"Warning: {source.doc} {converted.warning}.", err=True)
    with closed_pipe_ends_quietly():
        out = stdout_bytes()
        out.write(converted.text.encode("utf-8"))
        out.flush()
