"""``extract --scheduler ADDRESS``: the command line over :mod:`kommunetekst.dask`.

The output rules are ``extract``'s: JSONL on stdout or written atomically to
``-o``, one sentence on stderr per input that is skipped or cannot be read (in
input order), exit status 1 when one could not be read, a closed pipe ends
quietly, and Ctrl-C cancels the work on the cluster and leaves ``-o`` as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from ._io import (
    AtomicOutput,
    OutputError,
    Sink,
    check_output_path,
    closed_pipe_ends_quietly,
    is_terminal,
    is_url,
    os_reason,
    output_error,
    silence_stdout,
    stat_or_none,
    stdout_bytes,
    stdout_file_stat,
)

if TYPE_CHECKING:
    from collections.abc import Callable


def extract_on_cluster(
    paths: tuple[str, ...],
    scheduler: str,
    *,
    output: str | None,
    only: str | None,
    year: int | None,
    jobs: int | None,
    doc_name: str | None,
    whole_page: bool,
) -> None:
    """Run ``extract`` with the documents spread over the Dask cluster at ``scheduler``."""
    if jobs is not None:
        raise click.BadParameter(
            "spreads the documents over this machine's cores and --scheduler over the "
            "cluster's workers; give one of them.",
            param_hint="--jobs",
        )
    try:
        from .. import dask as cluster
    except ImportError as e:
        raise click.ClickException(str(e)) from e
    try:
        cluster.check_address(scheduler)
    except cluster.AddressError as e:
        raise click.BadParameter(f"{e}.", param_hint="--scheduler") from e

    exclude: list[os.stat_result] = []
    if output:
        check_output_path(output)
        out_stat = stat_or_none(output)
        if out_stat is not None:
            _refuse_output_as_input(paths, output, out_stat)
            exclude.append(out_stat)
    else:
        stdout_stat = stdout_file_stat()
        if stdout_stat is not None:
            exclude.append(stdout_stat)
    try:
        inputs = cluster.list_inputs(paths, tuple(exclude), whole_page=whole_page)
    except cluster.URLError as e:
        raise click.BadParameter(f"{e}.", param_hint="PATH") from e
    sources = inputs.sources
    if doc_name is not None:
        if not any(s.name == "-" for s in sources):
            raise click.BadParameter(
                "names the document read from stdin; give - as a PATH.", param_hint="--doc"
            )
        sources = [replace(s, doc=doc_name) if s.name == "-" else s for s in sources]
    for is_error, message in inputs.messages:
        _say(is_error, message)
    failed = any(is_error for is_error, _ in inputs.messages)

    try:
        client = cluster.connect(scheduler)
    except cluster.ClusterError as e:
        raise click.ClickException(f"{e}.") from e

    def run(out: Sink) -> None:
        nonlocal failed
        results = cluster.iter_results(
            sources, client, year=year, only=only, write=out.write, sizes=inputs.sizes
        )
        with _progress(len(sources)) as advance, contextlib.closing(results):
            for data, problems in results:
                if data:
                    out.write(data)
                for is_error, message in problems:
                    _say(is_error, message)
                    failed = failed or is_error
                advance()
        out.flush()

    try:
        _write(output, run)
    except cluster.ClusterError as e:
        raise click.ClickException(f"{e}.") from e
    finally:
        client.close()  # type: ignore[no-untyped-call]
    if failed:
        sys.exit(1)


def _write(output: str | None, run: Callable[[Sink], None]) -> None:
    """``run`` into ``output``, replaced atomically once all is written, or into stdout."""
    if not output:
        try:
            with closed_pipe_ends_quietly():
                run(Sink(stdout_bytes(), "to standard output", "the output is incomplete"))
        except OutputError:
            silence_stdout()  # what is still buffered would fail again at exit
            raise
        return
    try:
        atomic = AtomicOutput(output)
    except OSError as e:
        folder = os.path.dirname(os.path.realpath(output))
        raise click.BadParameter(
            f"cannot create a file in {folder} ({os_reason(e)}); choose another place.",
            param_hint="-o",
        ) from e
    try:
        with atomic as fh:
            run(Sink(fh, output, "it was left as it was"))
    except OSError as e:  # flush, fsync or rename at the end
        raise output_error(output, e, "it was left as it was") from e


def _refuse_output_as_input(paths: tuple[str, ...], output: str, out_stat: os.stat_result) -> None:
    for p in paths:
        st = stat_or_none(p) if p != "-" and not is_url(p) else None
        if st is not None and (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino):
            raise click.BadParameter(
                f"{output} is also an input; write the output to another file.", param_hint="-o"
            )


def _say(is_error: bool, message: str) -> None:
    click.echo(f"{'Error' if is_error else 'Warning'}: {message}", err=True)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar of documents on stderr when it is a terminal and there are several.

    Yields the function that advances it by one document.
    """
    if total <= 1 or not is_terminal(sys.stderr):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("extract on the cluster"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda: progress.advance(task)
