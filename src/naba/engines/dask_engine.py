"""``naba ingest --engine dask``: the same analysis as the local engine, on a Dask cluster.

1. The client walks the inputs (:mod:`naba.engines.sources`, as the local engine does) and cuts
   them into partitions: consecutive documents of one input path, ``partition_size`` at a time.
   A partition's id is the sha1 of its documents' content hashes, so the same input gives the
   same partitions and ids on every run and every machine.
2. Each partition not yet finished in the lake is one Dask task (key ``naba-shard-<pid>``): a
   worker analyses its documents with the local engine's function and writes one Parquet shard
   with its completion marker (:mod:`naba.engines.shards`: temp dir, marker, atomic rename).
3. The client loads finished shards into the SQLite store in input order (idempotent: rows are
   keyed by content hash, and a shard once loaded is noted in the store's ``meta`` table).

Exactly once: a worker that dies mid-task leaves no shard (its temp dir is swept) and Dask
reruns the task elsewhere; a run killed at any point is resumed by running it again: finished
shards are kept, unfinished ones redone, and loading skips what the store already has.

The lake must be a path every worker and the client can reach (one machine, or a shared file
system on a cluster; see docs/cluster.md). Dask is an optional dependency (``pip install
naba[dask]``), imported only here and only when this engine runs.

Not for: the analysis (:func:`naba.pipeline.analyze`), the shard layout (:mod:`.shards`) or
the store's SQL (:mod:`naba.store`).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import NabaError
from . import shards

DEFAULT_PARTITION_SIZE = 200
META_PREFIX = "lake-shard:"


class DaskUnavailable(NabaError):
    """The dask engine needs the optional packages dask and distributed (pip install 'naba[dask]')."""

    code = "no-dask"


@dataclass
class Partition:
    """Consecutive documents of one input path. ``docs`` is dropped once the task is sent."""

    index: int
    pid: str
    source: str  # "path[#first-last]" for people reading the marker
    n_docs: int
    docs: list = field(default_factory=list, repr=False)


@dataclass
class Summary:
    partitions: int = 0
    reused: int = 0  # finished in the lake before this run
    computed: int = 0
    failed_partitions: int = 0
    docs: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    lake: str = ""
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.docs / self.seconds if self.seconds else 0.0
        s = (f"done: {self.added} added, {self.skipped} skipped as already present, "
             f"{self.failed} failed; {self.docs} documents in {self.partitions} partitions "
             f"({self.computed} computed, {self.reused} reused) in {self.seconds:.1f} s "
             f"({rate:.1f} docs/s); lake {self.lake}")
        if self.failed_partitions:
            s += f"; {self.failed_partitions} partitions FAILED (run again to retry them)"
        return s


# -- partitions ----------------------------------------------------------------------------------

def plan(paths: Iterable[str | Path], partition_size: int = DEFAULT_PARTITION_SIZE
         ) -> Iterator[Partition]:
    """Cut the inputs into partitions, lazily (a partition's documents are read when it is due)."""
    from .sources import Sources

    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    index = 0
    for path in paths:
        batch: list = []
        for doc in Sources([path]):
            batch.append(doc)
            if len(batch) == partition_size:
                yield _partition(index, path, batch)
                index += 1
                batch = []
        if batch:
            yield _partition(index, path, batch)
            index += 1


def _partition(index: int, path: str | Path, docs: list) -> Partition:
    h = hashlib.sha1(f"naba-partition/{shards.LAYOUT_VERSION}\0".encode())
    for d in docs:
        h.update(d.hash.encode("ascii"))
        h.update(b"\0")
    first, last = docs[0].source, docs[-1].source
    label = first if first == last else f"{first} .. {last}"
    return Partition(index, h.hexdigest()[:24], label or str(path), len(docs), docs)


# -- the worker side -----------------------------------------------------------------------------

def run_partition(pid: str, docs: list, lake: str, source: str, stages: tuple[str, ...]) -> dict:
    """Analyse one partition and write its shard (runs on a Dask worker). Returns the marker."""
    from .local import analyze_item

    if shards.is_finished(lake, pid):
        return shards.read_marker(lake, pid)
    rows: dict[str, list[dict]] = {t: [] for t in shards.TABLES}
    t0 = time.perf_counter()
    for doc in docs:
        out = analyze_item(doc, stages)
        if out.get("failure"):
            part = shards.failure_rows(hash=out["hash"], doc_id=out.get("doc_id"),
                                       source=out.get("source"), code=out["code"],
                                       message=out.get("message") or "")
        else:
            part = shards.record_rows(out, source_format=doc.kind)
        for table, r in part.items():
            rows[table].extend(r)
    info = {"source": source, "n_docs": len(docs), "stages": list(stages),
            "compute_s": round(time.perf_counter() - t0, 4), "worker_pid": os.getpid()}
    shards.write_shard(lake, pid, rows, info)
    return shards.read_marker(lake, pid)


# -- the client side -----------------------------------------------------------------------------

def default_lake(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name.removesuffix(".db").removesuffix(".sqlite") + ".lake")


def _client(scheduler: str | None, workers: int | None, memory_limit: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise DaskUnavailable() from e
    if scheduler:
        return Client(scheduler), None
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           memory_limit=memory_limit or "auto", dashboard_address=None)
    return Client(cluster), cluster


def loaded_shards(store) -> set[str]:
    rows = store.conn.execute("SELECT key FROM meta WHERE key LIKE ?", (META_PREFIX + "%",))
    return {k[len(META_PREFIX):] for (k,) in rows}


def load_shard(store, lake: str | Path, pid: str) -> tuple[int, int, int]:
    """Load one finished shard into the store; (added, skipped, failed). Idempotent."""
    d = shards.shard_dir(lake, pid)
    added, skipped, failed = store.load_parquet([d / "articles.parquet", d / "failures.parquet"])
    store.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                       (META_PREFIX + pid, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))
    return added, skipped, failed


def load_lake(db: str | Path, lake: str | Path, pids: Iterable[str] | None = None) -> Summary:
    """Load finished shards of a lake (all, or ``pids`` in that order) into the store."""
    from ..store.db import open_store

    s = Summary(lake=str(lake))
    t0 = time.perf_counter()
    with open_store(db) as store:
        done = loaded_shards(store)
        for pid in (sorted(shards.finished_shards(lake)) if pids is None else pids):
            s.partitions += 1
            if pid in done:
                s.reused += 1
                continue
            a, k, f = load_shard(store, lake, pid)
            s.added, s.skipped, s.failed = s.added + a, s.skipped + k, s.failed + f
    s.seconds = time.perf_counter() - t0
    return s


def ingest(paths: Iterable[str | Path], db: str | Path, *, scheduler: str | None = None,
           workers: int | None = None, lake: str | Path | None = None,
           partition_size: int | None = None, client: Any = None,
           stages: str | tuple[str, ...] | None = None, memory_limit: str | None = None,
           window: int | None = None, retries: int = 2, progress: bool = True,
           load: bool = True, cluster: bool = True) -> Summary:
    """Ingest ``paths`` into the store at ``db`` through Dask; see the module docstring.

    ``client``: an existing :class:`distributed.Client` (then ``scheduler``/``workers`` are
    ignored); ``scheduler``: the address of a running scheduler; else a LocalCluster of
    ``workers`` single-threaded processes. ``lake``: where shards go (default: next to ``db``).
    ``window``: partitions in flight at once (bounds the client's memory). ``load=False`` only
    writes the lake; ``cluster=False`` skips story clustering after loading. ``stages``,
    ``lake`` and ``partition_size`` also come from ``NABA_STAGES``, ``NABA_LAKE`` and
    ``NABA_PARTITION_SIZE`` when not given."""
    from ..store.db import open_store
    from .local import stages_from_env

    paths = [str(p) for p in paths]
    stage_names = stages_from_env(stages)
    lake = lake or os.environ.get("NABA_LAKE")
    partition_size = partition_size or int(os.environ.get("NABA_PARTITION_SIZE") or
                                            DEFAULT_PARTITION_SIZE)
    lake = Path(lake) if lake else default_lake(db)
    lake.mkdir(parents=True, exist_ok=True)
    shards.sweep_tmp(lake)
    summary = Summary(lake=str(lake))
    t0 = time.perf_counter()
    own_cluster = None
    if client is None:
        client, own_cluster = _client(scheduler, workers, memory_limit)
    try:
        from distributed import as_completed

        n_workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        window = window or 2 * n_workers + 2
        store = open_store(db) if load else None
        try:
            loaded = loaded_shards(store) if store else set()
            bar = _progress(progress)
            order: deque[Partition] = deque()  # planned, not yet loaded, in input order
            finished: set[str] = set()
            running = as_completed()
            by_key: dict[str, list[Partition]] = {}
            inflight: dict[str, tuple] = {}
            resubmits: dict[str, int] = {}

            def drain_frontier() -> None:
                while order and order[0].pid in finished:
                    part = order.popleft()
                    if store is not None and part.pid not in loaded:
                        a, k, f = load_shard(store, lake, part.pid)
                        summary.added += a
                        summary.skipped += k
                        summary.failed += f
                        loaded.add(part.pid)
                    bar.update(part.n_docs)

            def settle(fut) -> None:
                parts = by_key.pop(fut.key, [])
                args = inflight.pop(fut.key, None)
                if fut.status != "finished" and parts and shards.is_finished(lake, parts[0].pid):
                    # the worker finished the shard, then died before reporting it
                    fut.release()
                    finished.update(p.pid for p in parts)
                    drain_frontier()
                    return
                if (fut.status != "finished" and args is not None and fut.status != "error"
                        and resubmits.get(fut.key, 0) < retries + 1):
                    # lost with its worker (no exception to report): run it again
                    resubmits[fut.key] = resubmits.get(fut.key, 0) + 1
                    fut.release()
                    again = client.submit(run_partition, *args, key=fut.key, retries=retries,
                                          pure=False)
                    by_key[fut.key], inflight[fut.key] = parts, args
                    running.add(again)
                    return
                if fut.status == "finished":
                    fut.result()
                    finished.update(p.pid for p in parts)
                else:
                    summary.failed_partitions += len(parts)
                    exc = fut.exception()
                    summary.errors.append(f"{parts[0].source if parts else fut.key}: "
                                          f"{type(exc).__name__}: {exc}")
                    failed_ids = {p.pid for p in parts}
                    for p in list(order):  # not loaded; the next run redoes it
                        if p.pid in failed_ids:
                            order.remove(p)
                fut.release()
                drain_frontier()

            for part in plan(paths, partition_size):
                summary.partitions += 1
                summary.docs += part.n_docs
                order.append(part)
                if part.pid in finished or shards.is_finished(lake, part.pid):
                    if part.pid not in finished:
                        summary.reused += 1
                        finished.add(part.pid)
                    part.docs = []
                    drain_frontier()
                    continue
                key = f"naba-shard-{part.pid}"
                if key in by_key:  # the same content twice in the inputs: one task
                    by_key[key].append(part)
                    part.docs = []
                    continue
                args = (part.pid, part.docs, str(lake), part.source, stage_names)
                fut = client.submit(run_partition, *args, key=key, retries=retries, pure=False)
                part.docs = []
                by_key[key] = [part]
                inflight[key] = args  # kept until settled, to resubmit a task lost with its worker
                summary.computed += 1
                running.add(fut)
                while running.count() >= window:
                    settle(next(running))
            for fut in running:
                settle(fut)
            drain_frontier()
            bar.close()
            shards.sweep_tmp(lake)  # left by workers killed mid-write; every task is over now
            if store is not None and cluster:
                store.cluster()
                store.link_claims()  # "said before": computed where the clusters are
        finally:
            if store is not None:
                store.close()
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    summary.seconds = time.perf_counter() - t0
    return summary


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit="doc", desc="ingest (dask)", file=sys.stderr, smoothing=0.1)
