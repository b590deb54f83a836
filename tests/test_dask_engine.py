"""The dask engine gives the local engine's store, on a 2-worker LocalCluster: unbroken, with a
worker killed mid-run, and with the whole run killed and run again.

Input: tests/fixtures/news_small.jsonl (48 ANT articles, a republished copy, a broken line and an
empty record; see news_small.SOURCE.txt)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from naba.engines import dask_engine, shards  # noqa: E402
from naba.errors import ModelError  # noqa: E402
from naba.pipeline import STAGES  # noqa: E402
from naba.store.db import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "tests" / "fixtures" / "news_small.jsonl"
PART = 4  # documents per partition: 13 partitions, each a few tenths of a second


@pytest.fixture(scope="module")
def stages(seed_text):
    """Every stage that can run here (a stage whose trained model is not built yet is left out on
    both sides of the comparison)."""
    import naba

    try:
        naba.analyze(seed_text, stages=STAGES)
        return STAGES
    except ModelError:  # the NER model is not trained in this checkout
        return tuple(s for s in STAGES if s != "entities")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           memory_limit="1.5GiB", dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def local_db(tmp_path_factory, stages):
    from naba.engines.local import ingest

    db = tmp_path_factory.mktemp("local") / "local.db"
    ingest([INPUT], db, workers=1, stages=stages, progress=False)
    return db


def snapshot(db) -> dict:
    """Everything an engine decides: articles (row id, hash, id, source, full record, raw),
    failures, and every annotation table, in row order."""
    with open_store(db, readonly=True) as store:
        c = store.conn
        arts = [(aid, h, doc_id, src, store.record(aid), store.raw(aid))
                for aid, h, doc_id, src in c.execute(
                    "SELECT id, hash, doc_id, source FROM articles ORDER BY id")]
        out = {"articles": arts,
               "failures": c.execute("SELECT hash, doc_id, source, code, message FROM failures"
                                     " ORDER BY hash").fetchall()}
        for t in ("mentions", "statements", "events", "times", "entities", "aliases"):
            out[t] = c.execute(f"SELECT * FROM {t}").fetchall()
    return out


def check_same(local_db, dask_db, lake) -> None:
    want, got = snapshot(local_db), snapshot(dask_db)
    assert len(got["articles"]) == len(want["articles"]) > 40
    assert [a[:4] for a in got["articles"]] == [a[:4] for a in want["articles"]]
    assert got == want
    # the lake holds each document once, and every one the store has
    assert sorted(shards.read_table(lake, "articles").hash) == sorted(a[1] for a in want["articles"])
    assert sorted(shards.read_table(lake, "failures").hash) == [f[0] for f in want["failures"]]
    assert not any((lake / shards.TMP_DIR).iterdir()) if (lake / shards.TMP_DIR).exists() else True


def test_partitions_are_deterministic():
    a = [(p.pid, p.n_docs, p.source) for p in dask_engine.plan([INPUT], PART)]
    b = [(p.pid, p.n_docs, p.source) for p in dask_engine.plan([INPUT], PART)]
    assert a == b and len(a) == 13 and sum(n for _, n, _ in a) == 51
    assert len({pid for pid, _, _ in a}) == 13
    assert a[0][2].endswith("news_small.jsonl:1 .. " + str(INPUT) + ":4")
    # other partition sizes give other ids, never the same ids for other content
    assert not {pid for pid, *_ in a} & {p.pid for p in dask_engine.plan([INPUT], 5)}


def test_dask_equals_local(tmp_path, client, local_db, stages):
    db, lake = tmp_path / "dask.db", tmp_path / "lake"
    s = dask_engine.ingest([INPUT], db, client=client, lake=lake, partition_size=PART,
                           stages=stages, progress=False)
    assert (s.partitions, s.computed, s.failed_partitions) == (13, 13, 0)
    assert (s.added, s.failed) == (49, 2)
    check_same(local_db, db, lake)
    # a second run computes and adds nothing
    again = dask_engine.ingest([INPUT], db, client=client, lake=lake, partition_size=PART,
                               stages=stages, progress=False)
    assert (again.computed, again.reused, again.added) == (0, 13, 0)
    check_same(local_db, db, lake)


def _executing(dask_worker) -> int:
    return len(dask_worker.state.executing)


def test_worker_killed_mid_run(tmp_path, client, local_db, stages):
    db, lake = tmp_path / "dask.db", tmp_path / "lake"
    result: dict = {}

    def run():
        result["s"] = dask_engine.ingest([INPUT], db, client=client, lake=lake,
                                         partition_size=PART, stages=stages, progress=False)

    th = threading.Thread(target=run)
    th.start()
    killed = None
    deadline = time.monotonic() + 30
    while killed is None and th.is_alive() and time.monotonic() < deadline:
        if shards.finished_shards(lake):  # some work is done; kill a worker while it computes
            busy = client.run(_executing)
            for addr, n in busy.items():
                if n:
                    pid = client.run(os.getpid, workers=[addr])[addr]
                    os.kill(pid, signal.SIGKILL)
                    killed = (addr, len(shards.finished_shards(lake)))
                    break
        time.sleep(0.02)
    th.join(120)
    assert killed is not None, "the run ended before a worker could be killed mid-task"
    assert killed[1] < 13
    s = result["s"]
    assert s.failed_partitions == 0 and s.partitions == 13
    check_same(local_db, db, lake)
    client.wait_for_workers(2, timeout=60)


def test_run_killed_and_rerun(tmp_path, client, local_db, stages):
    """kill -9 the whole ingest (client and its LocalCluster) after some shards, run it again."""
    db, lake = tmp_path / "dask.db", tmp_path / "lake"
    code = ("import sys; from naba.engines.dask_engine import ingest; "
            "ingest([sys.argv[1]], sys.argv[2], lake=sys.argv[3], workers=2, partition_size=%d, "
            "stages=tuple(sys.argv[4].split(',')), progress=False)" % PART)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code, str(INPUT), str(db), str(lake),
                             ",".join(stages)], start_new_session=True, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(shards.finished_shards(lake)) < 3 and proc.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and the cluster it started, at once
        proc.wait()
    finished = len(shards.finished_shards(lake))
    assert 3 <= finished < 13, f"the run was not interrupted mid-way ({finished} shards)"
    s = dask_engine.ingest([INPUT], db, client=client, lake=lake, partition_size=PART,
                           stages=stages, progress=False)
    assert s.reused >= 3 and s.reused + s.computed == 13
    check_same(local_db, db, lake)
