"""Ingest on this machine: a process pool analyses, the parent alone writes the store.

The walk (:mod:`.sources`) streams items; those already in the store (by content hash) are
skipped before any work; the rest go to the pool in chunks, at most ``workers * 3`` chunks in
flight (bounded memory); results come back in input order and are written in batches, one
transaction each. Killed at any moment, the store holds whole batches only, and a rerun skips
them: it ends with the same rows (and the same article ids) as an unbroken run.

Each worker runs :func:`naba.pipeline.analyze` and :func:`naba.store.prepare.prepare_article`
(tokenizing for the index and MinHash happen there, not in the writer). A document that fails
becomes a failure row with its reason code; it never stops the batch.

Not for: reading inputs (:mod:`.sources`), the store's SQL (:mod:`naba.store`) or clusters of
machines (:mod:`.dask_engine`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NabaError
from ..pipeline import STAGES
from .sources import Item, Sources

CHUNK = 16          # documents per task sent to a worker
BATCH = int(os.environ.get("NABA_INGEST_BATCH", 256))  # rows per write transaction
BATCH_SECONDS = 5.0  # ...or fewer, when that long has passed since the last write


@dataclass
class IngestSummary:
    seen: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures_by_code: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        rate = self.seen / self.seconds if self.seconds else 0.0
        codes = ", ".join(f"{k} {v}" for k, v in sorted(self.failures_by_code.items()))
        return (f"naba ingest: {self.seen} documents in {self.seconds:.1f}s ({rate:.1f}/s): "
                f"{self.added} added, {self.skipped} skipped (already present), "
                f"{self.failed} failed" + (f" ({codes})" if codes else ""))

    def to_dict(self) -> dict:
        return {"seen": self.seen, "added": self.added, "skipped": self.skipped,
                "failed": self.failed, "seconds": round(self.seconds, 2),
                "failures_by_code": dict(self.failures_by_code)}


def stages_from_env(stages: str | tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The stages to run: the argument, else ``NABA_STAGES`` (comma-separated), else all.
    ``clean`` and ``segment`` are always included (the store needs sentences)."""
    spec = stages if stages is not None else os.environ.get("NABA_STAGES") or None
    if spec is None:
        return STAGES
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    names = [n.strip() for n in names if n.strip()]
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; stages are {', '.join(STAGES)}")
    want = set(names) | {"clean", "segment"}
    return tuple(s for s in STAGES if s in want)


def analyze_item(item: Item, stages: tuple[str, ...]) -> dict:
    """One item -> a prepared article row or a failure row (never raises)."""
    from ..pipeline import analyze
    from ..store.prepare import failure_row, prepare_article

    doc_id = item.meta.get("id")
    if item.kind == "unreadable":
        return failure_row(hash=item.hash, source=item.source, doc_id=None,
                           code=item.meta["code"], message=item.payload.decode("utf-8"))
    try:
        if item.kind == "json":
            try:
                obj = json.loads(item.payload)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                return failure_row(hash=item.hash, source=item.source, doc_id=None,
                                   code="invalid-json", message=f"line is not valid JSON: {e}")
            if not isinstance(obj, dict):
                return failure_row(hash=item.hash, source=item.source, doc_id=None,
                                   code="invalid-json", message="line is not a JSON object")
            doc_id = obj.get("id")
            record = analyze(obj, stages=stages)
        else:
            record = analyze(item.payload, stages=stages, **item.meta)
        return prepare_article(record.to_dict(), hash=item.hash, source=item.source,
                               raw=record.raw, stages=stages)
    except NabaError as e:
        return failure_row(hash=item.hash, source=item.source, doc_id=doc_id, code=e.code,
                           message=str(e))
    except Exception as e:  # a bug must not stop a batch: record it with its type
        return failure_row(hash=item.hash, source=item.source, doc_id=doc_id, code="internal",
                           message=f"{type(e).__name__}: {e}")


def analyze_chunk(items: list[Item], stages: tuple[str, ...]) -> list[dict]:
    return [analyze_item(it, stages) for it in items]


def _warm(stages: tuple[str, ...]) -> None:
    from ..pipeline import stage

    for name in stages:
        stage(name)


def _chunks(sources: Sources, store, summary: IngestSummary, progress) -> "iter[list[Item]]":
    """Chunks of items not yet in the store (the rest counted as skipped)."""
    buf: list[Item] = []
    seen_now: set[str] = set()

    def flush():
        present = store.present([it.hash for it in buf])
        fresh = []
        for it in buf:
            if it.hash in present or it.hash in seen_now:
                summary.skipped += 1
            else:
                seen_now.add(it.hash)
                fresh.append(it)
        if progress:
            progress(len(buf) - len(fresh))
        return fresh

    for item in sources:
        summary.seen += 1
        buf.append(item)
        if len(buf) >= CHUNK:
            fresh = flush()
            buf = []
            if fresh:
                yield fresh
    if buf:
        fresh = flush()
        if fresh:
            yield fresh


class _Progress:
    """A tqdm bar over input bytes (so the ETA is real), with documents and their rate."""

    def __init__(self, sources: Sources, summary: IngestSummary, enabled: bool):
        self.sources, self.summary, self.bar = sources, summary, None
        self.start = self.last_draw = time.monotonic()
        if enabled:
            from tqdm import tqdm

            # on a terminal the bar redraws in place; in a log (CI, nohup) a line every 30 s
            interval = 0.1 if sys.stderr.isatty() else 30.0
            self.bar = tqdm(total=sources.total_bytes, unit="B", unit_scale=True,
                            file=sys.stderr, desc="ingest", dynamic_ncols=True, smoothing=0.05,
                            mininterval=interval)

    def __call__(self, _n: int = 0) -> None:
        if self.bar is None:
            return
        s = self.summary
        done = s.added + s.skipped + s.failed
        rate = done / max(1e-9, time.monotonic() - self.start)
        self.bar.n = self.sources.done_bytes
        self.bar.set_postfix_str(f"{done} docs {rate:.1f}/s +{s.added} ={s.skipped} !{s.failed}",
                                 refresh=False)
        now = time.monotonic()
        if now - self.last_draw >= self.bar.mininterval:
            self.last_draw = now
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.n = self.sources.done_bytes
            self.bar.close()


def ingest(paths: list[str | Path], db: str | Path, *, workers: int | None = None,
           stages: str | tuple[str, ...] | None = None, progress: bool = True,
           cluster: bool = True) -> IngestSummary:
    """Analyse and store every document under ``paths`` that ``db`` does not hold yet."""
    from ..store.db import open_store

    stage_names = stages_from_env(stages)
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    summary = IngestSummary()
    t0 = time.monotonic()
    sources = Sources(list(paths))
    store = open_store(db)
    bar = _Progress(sources, summary, progress)
    pending: list[dict] = []
    last_write = time.monotonic()

    def write(force: bool = False) -> None:
        nonlocal pending, last_write
        if pending and (force or len(pending) >= BATCH
                        or time.monotonic() - last_write > BATCH_SECONDS):
            added, skipped, failed = store.write_batch(pending)
            summary.added += added
            summary.skipped += skipped
            summary.failed += failed
            for row in pending:
                if row.get("failure"):
                    summary.failures_by_code[row["code"]] = summary.failures_by_code.get(row["code"], 0) + 1
            pending = []
            last_write = time.monotonic()
            bar()

    try:
        chunks = _chunks(sources, store, summary, bar)
        if n == 1:
            _warm(stage_names)
            for chunk in chunks:
                pending.extend(analyze_chunk(chunk, stage_names))
                write()
        else:
            with ProcessPoolExecutor(max_workers=n, initializer=_warm,
                                     initargs=(stage_names,)) as pool:
                inflight: deque = deque()
                for chunk in chunks:
                    inflight.append(pool.submit(analyze_chunk, chunk, stage_names))
                    while len(inflight) >= n * 3 or (inflight and inflight[0].done()):
                        pending.extend(inflight.popleft().result())
                        write()
                while inflight:
                    pending.extend(inflight.popleft().result())
                    write()
        write(force=True)
        if cluster:
            store.cluster()
            store.link_claims()  # "said before": computed where the clusters are
    finally:
        bar.close()
        store.close()
    summary.seconds = time.monotonic() - t0
    return summary
