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
from dataclasses import replace

import click

from ._io import (
    Sink,
    check_output_path,
    document_progress,
    is_url,
    stat_or_none,
    stdout_file_stat,
)
from .extract import say, write_output


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
        say(is_error, message)
    failed = any(is_error for is_error, _ in inputs.messages)

    try:
        client = cluster.connect(scheduler)
    except cluster.ClusterError as e:
        raise click.ClickException(f"{e}.") from e

    def run(out: Sink) -> bool:
        failed = False
        results = cluster.iter_results(
            sources, client, year=year, only=only, write=out.write, sizes=inputs.sizes
        )
        with (
            document_progress(len(sources), "extract on the cluster") as advance,
            contextlib.closing(results),
        ):
            for data, problems in results:
                if data:
                    out.write(data)
                for is_error, message in problems:
                    say(is_error, message)
                    failed = failed or is_error
                advance()
        out.flush()
        return failed

    try:
        failed = write_output(output, run) or failed
    except cluster.ClusterError as e:
        raise click.ClickException(f"{e}.") from e
    finally:
        client.close()  # type: ignore[no-untyped-call]
    if failed:
        sys.exit(1)


def _refuse_output_as_input(paths: tuple[str, ...], output: str, out_stat: os.stat_result) -> None:
    for p in paths:
        st = stat_or_none(p) if p != "-" and not is_url(p) else None
        if st is not None and (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino):
            raise click.BadParameter(
                f"{output} is also an input; write the output to another file.", param_hint="-o"
            )
