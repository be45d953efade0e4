"""The Dask runner: the same per-article pipeline on a local or an existing Dask cluster.

The driver (this process) cuts the inputs into parts (``marsad.ingest.parts``) and sends
each worker only part descriptions; workers read their parts themselves, build the
pipeline once per process, and send back analysed articles. The driver alone writes to
the store and prints results, both in input order, a batch at a time as parts complete,
through the in-process runner's ``flush_batch``: so every runner gives the same results.

Resuming: articles already stored with the same pipeline are not analysed again (the
workers get their ids once, through a worker plugin). A part whose worker dies is tried
again by Dask; a part that keeps killing workers is cut into single articles, one that
still does runs once more alone (it may only have shared the worker with the culprit), and
one that kills its worker even then is listed in the store's failures table, while the
rest of the run goes on.
"""

from __future__ import annotations

import gc
import itertools
import json
import logging
import pickle
import signal
import threading
import time
import uuid
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from heapq import heappop, heappush
from typing import TYPE_CHECKING, Any, Protocol

import dask
from distributed import Client, KilledWorker, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.protocol import dask_deserialize, dask_serialize

from marsad.errors import ClusterError, InputError, MarsadError
from marsad.ingest.parts import Part, read_part, singletons, take_part
from marsad.ingest.records import IngestOptions
from marsad.model import Article
from marsad.pipeline import Pipeline, check_requirements, stage_specs
from marsad.runners.local import RunSummary, flush_batch, pipeline_signature

if TYPE_CHECKING:  # the store (SQLAlchemy) is not imported on workers
    from marsad.store import Store

SYNCHRONOUS = "synchronous"
LOCAL_CLUSTER = {
    # a part that kills a worker twice is cut into articles rather than retried
    "distributed.scheduler.allowed-failures": 1,
    # the workers' sampling profiler feeds a dashboard marsad does not start; it cost
    # about a sixth of their CPU time on the whole pipeline (benchmarks/throughput.py)
    "distributed.worker.profile.enabled": False,
    # Dask's default MALLOC_TRIM_THRESHOLD_=65536 also switches off glibc's adaptive mmap
    # threshold, so every large numpy array of the NER model was mapped and unmapped
    # afresh; keep one BLAS thread per worker as Dask does.
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1,
    },
    # monitors that feed the dashboard or catch a stalled event loop, at a batch job's
    # pace: an idle 2-worker cluster then spends 0.6 s of CPU a minute instead of 2
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings of the local clusters marsad starts (``--workers N``)."""
_ID_PREFIX = "ar_"
_ID_BYTES = 10


class StoredIds:
    """A compact, exact set of article ids (10 bytes each, sorted) for the workers."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        keys, others = [], set()
        for article_id in ids:
            key = self._key(article_id)
            if key is None:
                others.add(article_id)
            else:
                keys.append(key)
        keys.sort()
        self._keys = b"".join(keys)
        self._others = frozenset(others)
        self._count = len(keys)

    @staticmethod
    def _key(article_id: str) -> bytes | None:
        hexpart = article_id.removeprefix(_ID_PREFIX)
        if len(hexpart) != 2 * _ID_BYTES or len(article_id) == len(hexpart):
            return None
        try:
            return bytes.fromhex(hexpart)
        except ValueError:
            return None

    def __len__(self) -> int:
        return self._count + len(self._others)

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, str):
            return False
        key = self._key(article_id)
        if key is None:
            return article_id in self._others
        view = _Keys(self._keys)
        i = bisect_left(view, key)
        return i < len(view) and view[i] == key


class _Keys:
    """The sorted 10-byte keys as a sequence, for bisect."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data) // _ID_BYTES

    def __getitem__(self, i: int) -> bytes:
        return self._data[i * _ID_BYTES : (i + 1) * _ID_BYTES]


@dataclass(frozen=True)
class Job:
    """What every worker needs for a run, sent once per worker process."""

    name: str
    config: dict[str, Any]
    options: IngestOptions
    stored: StoredIds
    records_per_part: int
    index: bool = False  # compute the search index terms here, for the driver's store


@dataclass(frozen=True)
class Stored:
    """An article already stored with this pipeline: the driver reads it back."""

    id: str


@dataclass
class PartResult:
    items: list[Article | InputError | Stored] = field(default_factory=list)
    more: list[Part] = field(default_factory=list)
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)


@dask_serialize.register(PartResult)
def _dump_part_result(result: PartResult) -> tuple[dict, list[bytes]]:
    return {}, [pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)]


@dask_deserialize.register(PartResult)
def _load_part_result(header: dict, frames: list[bytes]) -> PartResult:
    """Unpickle a part's articles with the garbage collector paused.

    A part is thousands of small objects; the collections their allocation set off took
    twice as long as the unpickling itself in the driver (0.9 vs 0.4 ms an article).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(b"".join(frames) if len(frames) > 1 else frames[0])
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------- on the workers

_jobs: dict[str, Job] = {}
_pipeline: tuple[str, Pipeline] | None = None
_pipeline_lock = threading.Lock()


def worker_pipeline(config: dict[str, Any]) -> Pipeline:
    """The pipeline for ``config``, built once per process (rebuilt if the config changes)."""
    global _pipeline
    key = json.dumps(config, sort_keys=True, default=str)
    with _pipeline_lock:
        if _pipeline is None or _pipeline[0] != key:
            _pipeline = (key, Pipeline.from_config(config))
        return _pipeline[1]


class JobPlugin(WorkerPlugin):
    """Hands a run's job to every worker, including workers started mid-run."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def setup(self, worker: Any) -> None:
        _jobs[self.job.name] = self.job

    def teardown(self, worker: Any) -> None:
        _jobs.pop(self.job.name, None)


class LeaveCtrlCToDriver(WorkerPlugin):
    """Workers of a cluster marsad started ignore Ctrl-C: the driver stops them cleanly."""

    def setup(self, worker: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyse_part(part: Part, job_name: str) -> PartResult:
    """Read one part and analyse its articles (runs on a worker)."""
    job = _jobs.get(job_name)
    if job is None:
        raise ClusterError(f"worker has no job {job_name!r}; is marsad the same version on "
                           "the workers as here?")
    pipeline = worker_pipeline(job.config)
    if job.index:
        from marsad.store.search_text import search_terms  # SQLAlchemy only when storing
    results, more = take_part(part, job.options, job.records_per_part)
    done = PartResult(more=more)
    for result in results:
        if isinstance(result, InputError):
            done.items.append(result)
        elif result.id in job.stored:
            done.items.append(Stored(result.id))
        else:
            analysed = pipeline(result)
            done.items.append(analysed)
            if job.index:  # the driver's store would spend its time on this otherwise
                done.terms[analysed.id] = search_terms(analysed)
    return done


# ---------------------------------------------------------------- executors

Outcome = PartResult | Exception


class Executor(Protocol):
    def capacity(self) -> int: ...
    def submit(self, part: Part) -> object: ...
    def next_done(self) -> tuple[object, Outcome]: ...


class SynchronousExecutor:
    """Runs each part in this process with Dask's synchronous scheduler (tests, debugging)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._pending: deque[tuple[int, Part]] = deque()
        self._ids = itertools.count()

    def capacity(self) -> int:
        return 1

    def submit(self, part: Part) -> object:
        handle = next(self._ids)
        self._pending.append((handle, part))
        return handle

    def next_done(self) -> tuple[object, Outcome]:
        handle, part = self._pending.popleft()
        task = dask.delayed(analyse_part, pure=False)(part, self.job.name)
        try:
            return handle, task.compute(scheduler=SYNCHRONOUS)
        except Exception as exc:  # reported like a failed task on a cluster
            return handle, exc


class ClusterExecutor:
    """Parts as futures on a distributed cluster, collected as they complete."""

    def __init__(self, client: Client, job: Job) -> None:
        self.client = client
        self.job = job
        self._completed = as_completed()
        client.register_plugin(JobPlugin(job), name=f"marsad-{job.name}")

    def capacity(self) -> int:
        threads = sum(self.client.nthreads().values())
        return max(2, 2 * threads)

    def submit(self, part: Part) -> object:
        future = self.client.submit(analyse_part, part, self.job.name, pure=False)
        self._completed.add(future)
        return future

    def next_done(self) -> tuple[object, Outcome]:
        future = next(self._completed)
        try:
            return future, future.result()
        except Exception as exc:  # KilledWorker, or an error raised while reading/analysing
            return future, exc
        finally:
            future.release()

    def close(self) -> None:
        with suppress(Exception):  # the cluster may be gone already (Ctrl-C, lost scheduler)
            self._completed.clear()
            self.client.unregister_worker_plugin(f"marsad-{self.job.name}")


@contextmanager
def open_executor(job: Job, *, workers: int | None = None,
                  scheduler: str | None = None) -> Iterator[Executor]:
    """A synchronous executor, a local cluster of ``workers`` processes, or a scheduler's."""
    if workers is not None and scheduler is not None:
        raise ClusterError("use --workers N for a local cluster or --scheduler ADDRESS for an "
                           "existing one, not both")
    if scheduler == SYNCHRONOUS:
        _jobs[job.name] = job
        try:
            yield SynchronousExecutor(job)
        finally:
            _jobs.pop(job.name, None)
        return
    if scheduler is None and (workers is None or workers < 1):
        raise ClusterError("--workers must be 1 or more")
    # the scheduler logs every lost worker; the run reports what it means for the articles
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    cluster = None
    try:
        if scheduler is None:
            with dask.config.set(LOCAL_CLUSTER):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
            client.register_plugin(LeaveCtrlCToDriver(), name="marsad-leave-ctrl-c")
        else:
            client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterError(f"cannot start or reach {where} ({exc}); check the address, or "
                           "start one with `dask scheduler` and `dask worker ADDRESS`") from None
    executor = ClusterExecutor(client, job)
    try:
        yield executor
    finally:
        executor.close()
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- the driver

Key = tuple[int, ...]


def _regroup(pieces: list[Part], size: int) -> list[Part]:
    """Consecutive single-record parts merged back into parts of ``size``."""
    groups = []
    for i in range(0, len(pieces), size):
        chunk = pieces[i : i + size]
        groups.append(replace(chunk[0], stop=chunk[-1].stop, size=sum(p.size for p in chunk)))
    return groups


def _origin_of(part: Part, options: IngestOptions) -> str:
    first = next(iter(read_part(part, options)), None)
    if isinstance(first, (Article, InputError)) and first.origin:
        return first.origin
    return part.describe()


class _Driver:
    """The driver's bookkeeping: parts to run, results to emit in order and to store.

    Parts have sortable keys: part i of the plan is ``(i,)``, the parts it is cut into
    afterwards ``(i, 1)``, ``(i, 2)``, ... A finished part is emitted once no part with a
    smaller key is still queued or running, so output follows input order.
    """

    def __init__(self, parts: Iterable[Part], job: Job, signature: str, *,
                 emit: Callable[[Article], None],
                 on_input_error: Callable[[InputError], None],
                 store: Store | None, batch_size: int,
                 on_part: Callable[[int], None] | None) -> None:
        self.job = job
        self.signature = signature
        self.emit = emit
        self.on_input_error = on_input_error
        self.store = store
        self.batch_size = batch_size
        self.on_part = on_part
        self.summary = RunSummary()
        self.queue: list[tuple[Key, Part]] = [((i,), part) for i, part in enumerate(parts)]
        self.running: dict[object, tuple[Key, Part]] = {}
        self.done: dict[Key, PartResult] = {}
        self.batch: list[Article | str] = []
        self.flushing: list[Article | str] = []
        self.terms: dict[str, tuple[str, str]] = {}
        self.alone: set[Key] = set()  # single articles that were on a worker that died

    def outstanding(self) -> Key | None:
        keys = [key for key, _ in self.running.values()]
        if self.queue:
            keys.append(self.queue[0][0])
        return min(keys) if keys else None

    def fill(self, executor: Executor) -> None:
        """Submit queued parts up to the executor's capacity, holding few finished parts."""
        capacity = executor.capacity()
        while self.queue and len(self.running) < capacity:
            if any(key in self.alone for key, _ in self.running.values()):
                return  # a suspect runs by itself, so a worker it kills takes nothing else
            if self.queue[0][0] in self.alone and self.running:
                return  # wait until the suspect can run by itself
            first_running = min((key for key, _ in self.running.values()), default=None)
            if (len(self.done) >= 4 * capacity and first_running is not None
                    and first_running < self.queue[0][0]):
                return  # wait for the part that holds back the output
            key, part = heappop(self.queue)
            if part.unit == "error":
                self.finished(key, part, PartResult([InputError(part.path, part.error or
                                                                "cannot be read")]))
            else:
                self.running[executor.submit(part)] = (key, part)

    def collect(self, executor: Executor) -> None:
        handle, outcome = executor.next_done()
        key, part = self.running.pop(handle)
        if isinstance(outcome, Exception):
            self.failed(key, part, outcome)
        else:
            self.finished(key, part, outcome)
        self.emit_ready()

    def finished(self, key: Key, part: Part, result: PartResult) -> None:
        for i, more in enumerate(result.more, start=1):
            heappush(self.queue, ((*key, i), more))
        self.done[key] = result
        self.terms.update(result.terms)
        if self.on_part is not None:
            self.on_part(part.size - sum(more.size for more in result.more))

    def failed(self, key: Key, part: Part, exc: Exception) -> None:
        if isinstance(exc, MarsadError):
            raise exc  # a broken configuration or installation fails every part alike
        if isinstance(exc, ImportError):
            raise ClusterError(f"the workers cannot import what marsad needs ({exc}); install "
                               "the same marsad (and the modules of [pipeline] modules) on "
                               "every worker") from None
        pieces = singletons(part, self.job.options)
        if len(pieces) > 1:
            size = self.job.records_per_part
            for i, piece in enumerate(pieces[:size] + _regroup(pieces[size:], size)):
                heappush(self.queue, ((*key, i), piece))
            return
        if isinstance(exc, KilledWorker) and key not in self.alone:
            # it may only have shared a worker with the article that killed it: try it alone
            self.alone.add(key)
            heappush(self.queue, (key, part))
            return
        why = type(exc).__name__
        if not isinstance(exc, KilledWorker) and str(exc):
            why += f": {str(exc).splitlines()[0][:200]}"
        error = InputError(_origin_of(part, self.job.options),
                           f"analysing it failed on the workers ({why}); it is listed as "
                           "failed, run again with the same --db to retry it")
        self.finished(key, part, PartResult([error]))

    def emit_ready(self) -> None:
        """Emit finished parts in input order; store their articles a batch at a time."""
        while self.done:
            first = min(self.done)
            limit = self.outstanding()
            if limit is not None and limit < first:
                return
            for item in self.done.pop(first).items:
                if isinstance(item, InputError):
                    self.summary.fail(item)
                    self.on_input_error(item)
                    if self.store is not None:
                        self.store.record_failure(item.origin, item.reason)
                    continue
                self.batch.append(item.id if isinstance(item, Stored) else item)
                if len(self.batch) >= self.batch_size:
                    self.flush()

    def flush(self) -> None:
        self.flushing, self.batch = self.batch, []
        flush_batch(self.flushing, analyse=_analysed, emit=self.emit,
                    on_input_error=self.on_input_error, summary=self.summary,
                    store=self.store, signature=self.signature, search_terms=self.terms)
        for item in self.flushing:
            self.terms.pop(item if isinstance(item, str) else item.id, None)
        self.flushing = []

    def keep_finished(self) -> None:
        """After an interruption: store every analysed article not yet stored."""
        if self.store is None:
            return
        items = [*self.flushing, *self.batch,
                 *(item for result in self.done.values() for item in result.items)]
        articles = [item for item in items if isinstance(item, Article)]
        if articles:
            self.store.add(articles, self.signature, search_terms=self.terms)


def _analysed(article: Article) -> Article:
    return article  # the workers analysed it already


def run_dask(
    parts: Iterable[Part],
    config: dict[str, Any],
    options: IngestOptions,
    *,
    emit: Callable[[Article], None],
    on_input_error: Callable[[InputError], None],
    store: Store | None = None,
    batch_size: int = 200,
    workers: int | None = None,
    scheduler: str | None = None,
    records_per_part: int = 50,
    on_progress: Callable[[RunSummary], None] | None = None,
    on_part: Callable[[int], None] | None = None,
) -> RunSummary:
    """Analyse the parts on Dask workers; emit and store in input order as parts complete.

    ``scheduler`` is ``"synchronous"`` (in this process), a scheduler address, or None with
    ``workers`` for a local cluster. Results match ``run_local``'s on the same inputs.
    ``on_part`` hears the input bytes each finished part covered (for progress);
    ``on_progress`` gets the summary after each part.
    """
    specs = stage_specs(config)
    check_requirements(specs)
    signature = pipeline_signature(spec.name for spec in specs)
    stored = StoredIds(store.ids_with_pipeline(signature)) if store is not None else StoredIds()
    job = Job(uuid.uuid4().hex[:12], config, options, stored, max(1, records_per_part),
              index=store is not None)
    driver = _Driver(parts, job, signature, emit=emit, on_input_error=on_input_error,
                     store=store, batch_size=batch_size if store is not None else 1,
                     on_part=on_part)
    started = time.perf_counter()
    with open_executor(job, workers=workers, scheduler=scheduler) as executor:
        try:
            while driver.queue or driver.running:
                driver.fill(executor)
                if driver.running:
                    driver.collect(executor)
                else:
                    driver.emit_ready()
                if on_progress is not None:
                    driver.summary.seconds = time.perf_counter() - started
                    on_progress(driver.summary)
            driver.emit_ready()
            if driver.batch:
                driver.flush()
        except BaseException:  # Ctrl-C, a lost scheduler: keep every finished article
            driver.keep_finished()
            raise
    driver.summary.seconds = time.perf_counter() - started
    return driver.summary
