"""``extract`` on a Dask cluster: the same JSONL, byte for byte, as ``extract --jobs 1``.

Needs the dask extra, ``pip install 'kommunetekst[dask]'``, on the client and on
every worker (the same kommunetekst version everywhere), and a running cluster::

    dask scheduler                                  # prints its address, tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 2        # on each machine: one process per core

The command line: ``kommunetekst extract corpus/ --scheduler tcp://HOST:8786``.
From Python::

    from distributed import Client
    from kommunetekst.dask import extract_to

    with Client("tcp://HOST:8786") as client, open("records.jsonl", "wb") as out:
        problems = extract_to(["corpus/"], out, client, year=2020)

How a run goes:

- The client lists the inputs as ``extract`` does (folders walked in sorted order,
  hidden files skipped) and also fsspec URLs (``s3://bucket/pages/``, ``gs://…``)
  where the matching fsspec package is installed.
- It groups consecutive documents into tasks of a few MB: a task costs the
  cluster a few milliseconds, so one per file would cost more than small files
  take to extract, and many tasks per worker keep every worker busy to the end.
- A worker reads each document, converts or decodes it, extracts and serialises
  it to JSONL with the very function the CLI runs for one document
  (:func:`kommunetekst.cli.extract.process_source`), and sends back JSONL bytes
  and the sentences for stderr, which are smaller to ship than record dicts.
- The client takes the results in input order, a bounded number of tasks ahead
  of the one it writes, so its memory does not grow with the corpus.

Local paths must be readable by the workers under the same name (a shared file
system); relative paths are taken from the client's working folder. A worker
that is lost is replaced by Dask and its tasks are run again; a task that keeps
killing its workers (Dask's ``KilledWorker``) is run again one document at a
time, and the document that still kills its worker becomes an error sentence,
as under ``--jobs``.
"""

from __future__ import annotations

import collections
import os
import time
import uuid
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from typing import IO, TYPE_CHECKING

try:
    import distributed
except ImportError as e:
    raise ImportError(
        "running on a Dask cluster needs the dask extra: pip install 'kommunetekst[dask]'",
        name="distributed",
    ) from e

from .cli._io import Source, display_name, is_url, iter_sources, os_error_sentence
from .errors import KommunetekstError

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem  # type: ignore[import-untyped]

__all__ = [
    "AddressError",
    "ClusterError",
    "Inputs",
    "URLError",
    "check_address",
    "connect",
    "extract_to",
    "iter_results",
    "list_inputs",
]

#: One document's outcome, as the CLI's ``process_source`` returns it:
#: ``(jsonl, ((is_error, sentence for stderr), ...))``.
Result = tuple[bytes | bytearray, tuple[tuple[bool, str], ...]]
Write = Callable[[bytes | bytearray], None]

# A task holds consecutive documents of about this many bytes: at most _TASK_BYTES
# (a few seconds of work), at least _MIN_TASK_BYTES (the ~7 ms a task costs stays
# small beside it), and otherwise enough tasks for _TASKS_PER_THREAD per worker
# thread over the run, so that a worker that finishes early finds more to do.
_TASK_BYTES = 4_000_000
_MIN_TASK_BYTES = 500_000
_TASKS_PER_THREAD = 4
_TASK_FILES = 2_000  # and at most this many documents (empty files weigh nothing)
# Tasks submitted ahead of the one being written, per worker thread: enough to keep
# the workers busy while the client writes, few enough that finished results do not
# pile up in the cluster's memory behind a slow one.
_AHEAD_PER_THREAD = 2
_RETRIES = 2  # a task that raised (not a document's problem: those are sentences)
_WORKER_WAIT = 60.0  # seconds to wait for a worker to join the scheduler
_LOOK_EVERY = 5.0  # seconds between looks at the workers while a task is pending


class ClusterError(KommunetekstError):
    """The cluster cannot be reached or cannot do the work (no workers, no kommunetekst there)."""


class AddressError(ClusterError, ValueError):
    """A scheduler address that is not one (no port, an unknown scheme)."""


class URLError(KommunetekstError, ValueError):
    """A URL whose protocol fsspec does not know, or whose fsspec package is not installed."""


@dataclass(slots=True)
class Inputs:
    """What :func:`list_inputs` found, in the order ``extract`` processes it.

    ``messages`` are ``(is_error, sentence)`` for stderr (a missing path, a folder
    that cannot be read, a skipped file); ``sizes`` are the bytes of each source
    by name, for grouping them into tasks.
    """

    sources: list[Source]
    messages: list[tuple[bool, str]]
    sizes: dict[str, int]


def list_inputs(
    paths: Iterable[str], exclude: tuple[os.stat_result, ...] = (), *, whole_page: bool = False
) -> Inputs:
    """The documents under ``paths`` (files, folders, ``-``, URLs), in ``extract``'s order.

    ``exclude`` lists local files not to read (the output file). ``whole_page``
    keeps the navigation, header and footer of HTML pages.

    Raises:
        URLError: for a URL of an unknown protocol or one whose package is missing.
    """
    paths = tuple(paths)
    found = iter_sources(tuple(p for p in paths if not is_url(p)), exclude)
    messages = list(found.messages)
    sizes = {s.name: _local_size(s.name) for s in found.sources if s.name != "-"}
    files = [s for s in found.sources if s.name != "-"]
    seen = set(sizes)
    for url in paths:
        if is_url(url):
            for source, size in _list_url(url, messages):
                if source.name not in seen:
                    seen.add(source.name)
                    files.append(source)
                    sizes[source.name] = size
    sources = [s for s in found.sources if s.name == "-"] + sorted(files, key=lambda s: s.name)
    if whole_page:
        sources = [replace(s, whole_page=True) for s in sources]
    return Inputs(sources, messages, sizes)


def check_address(address: str) -> None:
    """Raise AddressError unless ``address`` is a scheduler address Dask can connect to.

    >>> check_address("tcp://10.0.0.5:8786")
    >>> check_address("10.0.0.5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kommunetekst.dask.AddressError: 10.0.0.5 is no scheduler address (missing port number ...
    """
    try:
        distributed.comm.addressing.get_address_host_port(address)
    except ValueError as e:
        raise AddressError(
            f"{address} is no scheduler address ({e}); give the one `dask scheduler` printed, "
            "e.g. tcp://10.0.0.5:8786"
        ) from e


def connect(address: str) -> distributed.Client:
    """A client of the Dask scheduler at ``address`` (``tcp://HOST:8786``).

    Raises:
        AddressError: when ``address`` is no scheduler address (checked first: a
            client that failed on one would wait for its own closing).
        ClusterError: when the scheduler cannot be reached within Dask's connect
            timeout (``distributed.comm.timeouts.connect``, 30 s unless configured).
    """
    check_address(address)
    try:
        return distributed.Client(address, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as e:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({e}); check that `dask scheduler` "
            "runs there and that this is the address it printed"
        ) from e


def iter_results(
    sources: list[Source],
    client: distributed.Client,
    *,
    year: int | None = None,
    only: str | None = None,
    write: Write | None = None,
    sizes: Mapping[str, int] | None = None,
    task_bytes: int | None = None,
) -> Generator[Result, None, None]:
    """The result of every source, in the order of ``sources``, extracted on the cluster.

    Each is what ``extract`` makes of that document: its JSONL bytes, and a
    sentence for stderr or None. stdin (``-``) is read and extracted in this
    process, with its JSONL streamed to ``write`` when given (its result then
    carries no bytes), while the cluster starts on the files.

    ``sizes`` (from :func:`list_inputs`) saves looking the sizes up again;
    ``task_bytes`` overrides the size of a task. Close the generator
    (``contextlib.closing``) to cancel the work left on the cluster.

    Raises:
        ClusterError: no worker joined, the workers cannot run kommunetekst, or
            the scheduler cancelled the work (it was restarted or lost).
    """
    from .cli.extract import process_source

    stdin = [s for s in sources if s.name == "-"]
    files = [s for s in sources if s.name != "-"]
    known = sizes or {}
    lengths = [known[s.name] if s.name in known else _size(s.name) for s in files]
    threads = _threads(client) if files else 1
    if task_bytes is None:
        task_bytes = _task_bytes(sum(lengths), threads)
    batches = _group(files, lengths, task_bytes)
    run = _Run(client, os.getcwd(), year, only)
    ahead = max(2, threads * _AHEAD_PER_THREAD)
    pending: collections.deque[tuple[list[Source], distributed.Future[list[Result]]]]
    pending = collections.deque()
    todo = iter(batches)

    def submit_ahead() -> None:
        while len(pending) < ahead:
            batch = next(todo, None)
            if batch is None:
                return
            pending.append((batch, run.submit(batch)))

    try:
        submit_ahead()  # the workers start while stdin is read here
        for s in stdin:
            yield process_source(s, year, only, write=write)
        while pending:
            batch, future = pending[0]
            results = run.results(batch, future)
            pending.popleft()
            submit_ahead()
            yield from results
    finally:
        if pending:
            client.cancel([future for _, future in pending])  # type: ignore[no-untyped-call]


def extract_to(
    paths: Iterable[str],
    out: IO[bytes],
    client: distributed.Client | str,
    *,
    year: int | None = None,
    only: str | None = None,
    whole_page: bool = False,
) -> list[tuple[bool, str]]:
    """Extract ``paths`` on the cluster and write their JSONL to ``out``, in input order.

    ``client`` is a :class:`distributed.Client` or the scheduler's address. Returns
    the sentences ``extract`` would print on stderr, as ``(is_error, sentence)``
    in the order it prints them: first what listing the paths found, then each
    document's. The output is the bytes ``kommunetekst extract --jobs 1`` writes.
    """
    inputs = list_inputs(paths, whole_page=whole_page)
    messages = list(inputs.messages)
    own = isinstance(client, str)  # then the client is ours to close
    cluster = connect(client) if isinstance(client, str) else client

    def write(data: bytes | bytearray) -> None:
        out.write(data)

    try:
        results = iter_results(
            inputs.sources, cluster, year=year, only=only, write=write, sizes=inputs.sizes
        )
        for data, problems in results:
            if data:
                out.write(data)
            messages.extend(problems)
    finally:
        if own:
            cluster.close()  # type: ignore[no-untyped-call]
    return messages


# -- the client's side ----------------------------------------------------------------------


class _Run:
    """Submits the tasks of one run and collects their results."""

    def __init__(self, client: distributed.Client, cwd: str, year: int | None, only: str | None):
        self.client = client
        self.cwd = cwd
        self.year = year
        self.only = only
        self.prefix = f"kommunetekst-extract-{uuid.uuid4().hex[:12]}"
        self.n = 0

    def submit(self, batch: list[Source]) -> distributed.Future[list[Result]]:
        self.n += 1
        return self.client.submit(
            _extract_task,
            batch,
            self.cwd,
            self.year,
            self.only,
            key=f"{self.prefix}-{self.n}",
            pure=False,
            retries=_RETRIES,
        )

    def results(
        self, batch: list[Source], future: distributed.Future[list[Result]]
    ) -> list[Result]:
        """The results of ``batch``; its documents one at a time when the task kept killing
        its workers."""
        try:
            return self._result(future)
        except distributed.KilledWorker:
            return [self._alone(source) for source in batch]

    def _alone(self, source: Source) -> Result:
        try:
            return self._result(self.submit([source]))[0]
        except distributed.KilledWorker:
            sentence = (
                f"{source.doc}: the process extracting it died (killed by the system, perhaps "
                "for lack of memory); its records are missing."
            )
            return b"", ((True, sentence),)

    def _result(self, future: distributed.Future[list[Result]]) -> list[Result]:
        """The task's result. Raises ClusterError when the cluster cannot give it, also when
        it has had no worker for :data:`_WORKER_WAIT` seconds (Dask would wait for ever)."""
        alone_since: float | None = None
        while True:
            try:
                return future.result(timeout=_LOOK_EVERY)
            except TimeoutError:
                if self.client.nthreads():  # type: ignore[no-untyped-call]
                    alone_since = None
                elif alone_since is None:
                    alone_since = time.monotonic()
                elif time.monotonic() - alone_since > _WORKER_WAIT:
                    raise ClusterError(
                        f"the Dask scheduler has had no worker for {_WORKER_WAIT:g} s; start "
                        "some with `dask worker ADDRESS`, ADDRESS being the scheduler's"
                    ) from None
            except distributed.CancelledError as e:
                raise ClusterError(
                    f"the Dask scheduler cancelled the work ({e}); it may have been restarted "
                    "or lost"
                ) from e


def _threads(client: distributed.Client) -> int:
    """The worker threads of the cluster, once a worker has joined and every worker has
    this kommunetekst.

    A worker without kommunetekst cannot even read a task (it drops its connection to
    the scheduler), and one with another version could write other records: both are
    found out here, before any task is sent.
    """
    try:
        client.wait_for_workers(1, timeout=_WORKER_WAIT)
    except TimeoutError as e:
        raise ClusterError(
            f"no Dask worker joined the scheduler within {_WORKER_WAIT:g} s; start some "
            "with `dask worker ADDRESS`, ADDRESS being the scheduler's"
        ) from e
    try:
        ours = version("kommunetekst")
    except PackageNotFoundError:  # run from a source tree: nothing to compare with
        ours = None
    # By reference to a function of the standard library, which every worker can unpickle.
    theirs = client.run(version, "kommunetekst", on_error="return")
    for worker, found in sorted(theirs.items()):
        if isinstance(found, Exception):
            raise ClusterError(
                f"the Dask worker at {worker} cannot import kommunetekst ({found}); install "
                "kommunetekst[dask] in the environment of every worker"
            )
        if ours is not None and found != ours:
            raise ClusterError(
                f"the Dask worker at {worker} has kommunetekst {found} and this machine "
                f"{ours}; install the same version everywhere, so that the output is the same"
            )
    return max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]


def _task_bytes(total: int, threads: int) -> int:
    """How many bytes of documents one task holds, for a corpus of ``total`` bytes.

    >>> _task_bytes(1_000_000_000, 8), _task_bytes(100_000_000, 4), _task_bytes(1_000_000, 4)
    (4000000, 4000000, 500000)
    >>> _task_bytes(40_000_000, 4)
    2500000
    """
    return max(_MIN_TASK_BYTES, min(_TASK_BYTES, total // (threads * _TASKS_PER_THREAD)))


def _group(files: list[Source], sizes: list[int], task_bytes: int) -> list[list[Source]]:
    """Consecutive ``files`` in groups of about ``task_bytes`` (one bigger file is a group alone).

    >>> s = [Source(f"{i}.txt", False) for i in range(5)]
    >>> [[x.name for x in g] for g in _group(s, [3, 3, 9, 1, 1], 5)]
    [['0.txt', '1.txt'], ['2.txt'], ['3.txt', '4.txt']]
    """
    groups: list[list[Source]] = []
    group: list[Source] = []
    held = 0
    for source, size in zip(files, sizes, strict=True):
        group.append(source)
        held += size
        if held >= task_bytes or len(group) >= _TASK_FILES:
            groups.append(group)
            group, held = [], 0
    if group:
        groups.append(group)
    return groups


def _local_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # the worker will say why it cannot read it
        return 0


def _size(name: str) -> int:
    if not is_url(name):
        return _local_size(name)
    try:
        fs, path = _filesystem(name)
        return int(fs.size(path) or 0)
    except (OSError, URLError):
        return 0


def _filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError as e:  # fsspec knows the protocol; its package is missing
        raise URLError(
            f"{url}: this protocol needs a package that is not installed ({e}); install it "
            "here and on every Dask worker"
        ) from e
    except ValueError as e:  # "Protocol not known: …"
        raise URLError(f"{url}: fsspec cannot read this URL ({e})") from e
    return fs, path


def _list_url(url: str, messages: list[tuple[bool, str]]) -> list[tuple[Source, int]]:
    """The documents at ``url`` with their sizes: the object itself, or those under it,
    hidden ones (a name part starting with ``.``) left out, as a local walk does."""
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            found = fs.find(root, detail=True)
            top = root.rstrip("/") + "/"
            listed = []
            for path, info in found.items():
                below = path[len(top) :] if path.startswith(top) else path
                if info.get("type", "file") != "file" or any(
                    part.startswith(".") for part in below.split("/")
                ):
                    continue
                size = int(info.get("size") or 0)
                listed.append((Source(fs.unstrip_protocol(path), False), size))
            return listed
        if fs.exists(root):
            return [(Source(url, True), int(fs.size(root) or 0))]
    except OSError as e:
        messages.append((True, os_error_sentence(url, e)))
        return []
    messages.append((True, f"{display_name(url)}: no such file or folder."))
    return []


# -- the workers' side ----------------------------------------------------------------------


def _extract_task(
    sources: list[Source], cwd: str, year: int | None, only: str | None
) -> list[Result]:
    """Run on a worker: the CLI's processing of each source, its JSONL as bytes.

    A relative path is opened from the client's working folder ``cwd``; a
    sentence naming it says the name as the user gave it.
    """
    from .cli.extract import process_source

    results: list[Result] = []
    for source in sources:
        if is_url(source.name) or os.path.isabs(source.name):
            results.append(process_source(source, year, only))
            continue
        here = replace(source, name=os.path.join(cwd, source.name))
        data, problems = process_source(here, year, only)
        results.append(
            (data, tuple((e, _as_given(m, here.name, source.name)) for e, m in problems))
        )
    return results


def _as_given(message: str, opened: str, given: str) -> str:
    """``message`` with the path the worker opened put back as the user gave it.

    >>> _as_given("/srv/k/a.txt: cannot read (permission denied).", "/srv/k/a.txt", "a.txt")
    'a.txt: cannot read (permission denied).'
    """
    prefix = display_name(opened) + ":"
    if not message.startswith(prefix):
        return message
    return display_name(given) + message[len(prefix) - 1 :]
