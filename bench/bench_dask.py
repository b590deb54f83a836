"""Throughput of ``naba ingest --engine dask`` with 1 and 2 workers against the local engine, and
Dask's scheduling overhead per partition.

    .venv/bin/python bench/bench_dask.py --limit 1000                 # a subset (shared machine)
    .venv/bin/python bench/bench_dask.py                              # all ~42,700 articles

Every run ingests the same input into a fresh database (and, for dask, a fresh lake) and
reports documents per second over the whole ingest (walk, analysis, writing, loading; story
clustering off on both sides so the engines are compared, not the clustering). The dask
cluster (LocalCluster, single-threaded worker processes) is started before the clock and its
start-up time reported apart.

Scheduling overhead per partition is measured two ways:
- ``noop_ms``: a round trip of a task that does nothing with a partition's documents as its
  argument (submit, ship, run, result), sequentially on one worker: the cost Dask adds to each
  partition, all of it;
- ``gap_ms``: (workers x wall time - the analysis time the shards record) / partitions, for the
  real run: everything that is not analysis (shipping, writing Parquet, waiting on the client,
  idle workers at the end), spread over partitions.

The input defaults to ../shared/data/news/articles.jsonl.gz. On a busy machine the numbers are
noisy; the JSON printed last says what was run.

Not for: one-core analysis speed (bench_analyze.py) or the store's search (search_latency.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from _common import DEFAULT_DATA

DEFAULT_INPUT = DEFAULT_DATA / "news" / "articles.jsonl.gz"


def subset(src: Path, limit: int | None, out_dir: Path) -> Path:
    if not limit:
        return src
    out = out_dir / f"input-{limit}.jsonl"
    opener = gzip.open if src.name.endswith(".gz") else open
    with opener(src, "rb") as f, open(out, "wb") as g:
        for line in islice(f, limit):
            g.write(line)
    return out


def run_local(inp: Path, work: Path, workers: int, stages) -> dict:
    from naba.engines.local import ingest

    db = work / f"local-{workers}.db"
    t0 = time.perf_counter()
    s = ingest([inp], db, workers=workers, stages=stages, progress=False, cluster=False)
    wall = time.perf_counter() - t0
    return {"engine": "local", "workers": workers, "docs": s.seen, "added": s.added,
            "failed": s.failed, "wall_s": round(wall, 2), "docs_per_s": round(s.seen / wall, 2)}


def noop(docs):
    return len(docs)


def run_dask(inp: Path, work: Path, workers: int, stages, partition_size: int,
             noop_rounds: int) -> dict:
    from distributed import Client, LocalCluster

    from naba.engines import dask_engine, shards

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    startup = time.perf_counter() - t0
    try:
        # warm the workers (imports, lexicons): the local engine's pool pays this inside its run
        # too, so both include it; this only takes the first-call cost off the no-op timing
        parts = list(islice(dask_engine.plan([inp], partition_size), 1))
        payload = parts[0].docs if parts else []
        client.submit(noop, payload, pure=False).result()
        rtts = []
        for _ in range(noop_rounds):
            t = time.perf_counter()
            client.submit(noop, payload, pure=False).result()
            rtts.append(time.perf_counter() - t)
        db, lake = work / f"dask-{workers}.db", work / f"dask-{workers}.lake"
        t1 = time.perf_counter()
        s = dask_engine.ingest([inp], db, client=client, lake=lake, partition_size=partition_size,
                               stages=stages, progress=False, cluster=False)
        wall = time.perf_counter() - t1
        compute = sum(shards.read_marker(lake, pid).get("compute_s", 0.0)
                      for pid in shards.finished_shards(lake))
    finally:
        client.close()
        cluster.close()
    return {"engine": "dask", "workers": workers, "docs": s.docs, "added": s.added,
            "failed": s.failed, "partitions": s.partitions, "partition_size": partition_size,
            "wall_s": round(wall, 2), "docs_per_s": round(s.docs / wall, 2),
            "cluster_start_s": round(startup, 2),
            "analysis_s": round(compute, 2),
            "gap_ms": round(1000 * (workers * wall - compute) / max(1, s.partitions), 1),
            "noop_ms": round(1000 * statistics.median(rtts), 2) if rtts else None,
            "noop_payload_docs": len(payload)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N lines (0: all)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--stages", help="comma-separated stages (default: NABA_STAGES or all)")
    ap.add_argument("--noop-rounds", type=int, default=50)
    ap.add_argument("--skip-local", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the databases and lakes in this directory")
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"bench_dask: no input at {args.input}", file=sys.stderr)
        return 2
    from naba.engines.local import stages_from_env

    stages = stages_from_env(args.stages)
    counts = [int(x) for x in args.workers.split(",") if x.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="naba-bench-dask-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        inp = subset(args.input, args.limit, work)
        for n in counts:
            if not args.skip_local:
                results.append(run_local(inp, work, n, stages))
                print(json.dumps(results[-1]), file=sys.stderr)
            results.append(run_dask(inp, work, n, stages, args.partition_size, args.noop_rounds))
            print(json.dumps(results[-1]), file=sys.stderr)
    print(json.dumps({"input": str(args.input), "limit": args.limit or None,
                      "stages": list(stages), "cpus": os.cpu_count(),
                      "load_avg_end": [round(x, 2) for x in os.getloadavg()],
                      "results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
