#!/usr/bin/env python3
"""``extract`` on one machine and on a Dask cluster: one corpus, --jobs 1, --jobs 2, --scheduler.

A script, not a test: it prints a table and never fails a build. Run it from the
repository root with the project's interpreter, with the dask extra installed::

    .venv/bin/python benchmarks/bench_dask.py                  # the 100 MB corpus
    .venv/bin/python benchmarks/bench_dask.py --size-mb 10     # a quicker run
    .venv/bin/python benchmarks/bench_dask.py --per-document   # adds one task per document

It builds the corpus as ``bench_extract.py`` does (the seeds copied into numbered
files), starts ``dask scheduler`` and ``dask worker --nworkers N --nthreads 1`` on
loopback, and times ``python -m kommunetekst extract CORPUS -o OUT`` with
``--jobs 1``, ``--jobs 2`` and ``--scheduler ADDRESS``. Every output must be the
same bytes; the table says so. The cluster's start is timed apart: a cluster runs
for many extracts, so it is not part of one.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import (  # a script beside this one
    MB,
    REPO,
    Corpus,
    build_corpus,
    cli_argv,
    machine_info,
    machine_parallelism,
    note,
    run_child,
    with_bytecode_cache,
)


@dataclass
class Measured:
    what: str
    seconds: float
    cpu: float | None  # the CLI's CPU seconds (its --jobs workers included, not the cluster's)
    digest: str
    ok: bool
    cluster_cpu: float | None = None  # the cluster's CPU seconds: scheduler and workers


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def cli_row(what: str, args: list[str], corpus: Corpus, out: Path) -> Measured:
    note(f"  {what} ...")
    run = run_child([*cli_argv(), "extract", str(corpus.root), "-o", str(out), *args])
    if run.returncode:
        note(run.stderr_tail)
    return Measured(what, run.seconds, run.user + run.system, digest(out), run.returncode == 0)


class Cluster:
    """``dask scheduler`` and ``dask worker`` on loopback, as a user starts them by hand."""

    def __init__(self, workers: int, folder: Path) -> None:
        dask = str(Path(sys.executable).with_name("dask"))
        info = folder / "scheduler.json"
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        t0 = time.perf_counter()
        self.scheduler = subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(info)], **quiet,
        )  # fmt: skip
        while not info.exists():
            time.sleep(0.05)
        self.worker = subprocess.Popen(
            [dask, "worker", "--scheduler-file", str(info), "--nworkers", str(workers),
             "--nthreads", "1", "--no-dashboard", "--local-directory", str(folder)], **quiet,
        )  # fmt: skip
        import distributed

        self.client = distributed.Client(scheduler_file=str(info), set_as_default=False)
        self.client.wait_for_workers(workers, timeout=300)
        self.address = self.client.scheduler.address
        self.start_seconds = time.perf_counter() - t0

    def cpu(self) -> float:
        """CPU seconds the scheduler and the worker processes have used so far."""
        workers = self.client.run(time.process_time)
        return sum(workers.values()) + self.client.run_on_scheduler(time.process_time)

    def row(self, measure: Callable[[], Measured]) -> Measured:
        """``measure()`` with the CPU time the cluster spent on it."""
        before = self.cpu()
        measured = measure()
        measured.cluster_cpu = self.cpu() - before
        return measured

    def stop(self) -> None:
        self.client.close()
        for proc in (self.worker, self.scheduler):
            proc.terminate()
            proc.wait(timeout=60)


def per_document_row(corpus: Corpus, address: str, out: Path) -> Measured:
    """The Python API with one task per document: what the grouping into tasks saves."""
    import distributed

    from kommunetekst.dask import iter_results, list_inputs

    note("  Python API, one task per document ...")
    with distributed.Client(address, set_as_default=False) as client:
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        inputs = list_inputs([str(corpus.root)])
        buffer = io.BytesIO()
        for data, _ in iter_results(inputs.sources, client, sizes=inputs.sizes, task_bytes=1):
            buffer.write(data)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    out.write_bytes(buffer.getvalue())
    return Measured("Python API, one task per document", seconds, cpu, digest(out), True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=100.0, help="corpus size (default 100)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--corpus-dir", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--per-document", action="store_true", help="add one task per document")
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        base = args.corpus_dir or Path(tmp)
        note(f"building a {args.size_mb:g} MB corpus ...")
        corpus = build_corpus(
            base / f"{args.size_mb:g}mb", args.size_mb, sorted(args.seeds.glob("*.txt"))
        )
        with_bytecode_cache(base / "pycache")
        work = Path(tmp)
        machine_before = machine_parallelism()
        rows = [
            cli_row("CLI extract --jobs 1", ["--jobs", "1"], corpus, work / "jobs1.jsonl"),
            cli_row("CLI extract --jobs 2", ["--jobs", "2"], corpus, work / "jobs2.jsonl"),
        ]
        note(f"  starting dask scheduler + dask worker --nworkers {args.workers} ...")
        cluster = Cluster(args.workers, work)
        try:
            what = f"CLI extract --scheduler ({args.workers} workers x 1 thread)"
            scheduler = ["--scheduler", cluster.address]
            out = work / "dask.jsonl"
            rows.append(cluster.row(lambda: cli_row(what, scheduler, corpus, out)))
            if args.per_document:
                out_1 = work / "per-doc.jsonl"
                rows.append(cluster.row(lambda: per_document_row(corpus, cluster.address, out_1)))
        finally:
            cluster.stop()
        machine_after = machine_parallelism()

        from kommunetekst.dask import _task_bytes

        task = _task_bytes(corpus.nbytes, args.workers)
        print("\n".join(machine_info([corpus])))
        print(f"cluster:   dask scheduler + dask worker --nworkers {args.workers} --nthreads 1 "
              f"on 127.0.0.1, ready in {cluster.start_seconds:.1f} s (not in the rows); "
              f"tasks of ~{task / MB:.1f} MB")  # fmt: skip
        print(f"machine:   two processes / one, pure-Python loop: {machine_before:.2f}x before, "
              f"{machine_after:.2f}x after (idle 2 cores: ~2.0)\n")  # fmt: skip
        serial = rows[0].seconds
        want = rows[0].digest
        head = f"{'what':<48} {'MB':>6} {'seconds':>8} {'MB/s':>6} {'x --jobs 1':>10}"
        print(f"{head} {'CLI CPU s':>9} {'cluster CPU s':>13}  output")
        print("-" * (len(head) + 44))
        for r in rows:
            cpu = f"{r.cpu:9.1f}" if r.cpu is not None else f"{'-':>9}"
            cpu += f" {r.cluster_cpu:13.1f}" if r.cluster_cpu is not None else f" {'-':>13}"
            same = "same bytes" if r.digest == want else f"DIFFERENT {r.digest}"
            if not r.ok:
                same = "ERROR (see stderr)"
            print(
                f"{r.what:<48} {corpus.mb:6.1f} {r.seconds:8.2f} {corpus.mb / r.seconds:6.1f} "
                f"{serial / r.seconds:9.2f}x {cpu}  {same}"
            )
        print(
            "\nCLI CPU s: the CPU time of the kommunetekst process and of the --jobs workers it "
            "waited for.\ncluster CPU s: the CPU time the dask scheduler and worker processes "
            "spent during the row.\nOn a busy machine wall times mislead; the CPU times show "
            "the overhead."
        )
        return 0 if all(r.ok and r.digest == want for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
