"""Kill -9 an ingest twice, resume it, and check the database equals an unbroken run's.

    python bench/ingest_kill.py ../shared/data/news/articles.jsonl.gz --db broken.db \
        [--whole whole.db] [--stages clean,segment] [--at 0.3,0.6]

First an unbroken ``naba ingest`` makes ``--whole`` (default: DB.whole); then the broken run is
killed (SIGKILL to its process group: the writer and its workers) once it holds each fraction in
``--at`` of the whole run's articles, and resumed to the end. Every run uses one snapshot of the
naba package copied at the start, so that code edited meanwhile in the working tree cannot make
the runs differ. Tables are compared row by row (a digest per table, timestamps left out).
Prints one JSON object as its last line.

Not for: speed (ingest_full.py); the timings printed only say how long the check took.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "naba"


def count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def digests(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {}
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'articles_fts%'"
        " AND name != 'schema_migrations' ORDER BY name")]
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")
                if r[1] not in ("ingested_at", "at")]
        h = hashlib.sha1()
        n = 0
        for row in conn.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY {', '.join(cols[:2])}"):
            h.update(repr(row).encode("utf-8"))
            n += 1
        out[t] = f"{n}:{h.hexdigest()[:16]}"
    ids = [r[0] for r in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH"
                                      " 'ال*' ORDER BY rowid")]
    out["articles_fts"] = f"{len(ids)}:{hashlib.sha1(repr(ids).encode()).hexdigest()[:16]}"
    conn.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--whole", help="the unbroken run's database (default: DB.whole)")
    ap.add_argument("--db", required=True)
    ap.add_argument("--stages", default="clean,segment")
    ap.add_argument("--at", default="0.3,0.6")
    args = ap.parse_args()
    db = Path(args.db)
    whole = Path(args.whole or f"{db}.whole")
    snapshot = Path(tempfile.mkdtemp(prefix="naba-snapshot-"))
    shutil.copytree(PACKAGE, snapshot / "naba", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(snapshot)}
    t0 = time.monotonic()
    for target in (db, whole):
        for p in target.parent.glob(target.name + "*"):
            if p.name in (target.name, target.name + "-wal", target.name + "-shm"):
                p.unlink()
    base = [sys.executable, "-m", "naba", "ingest", *args.paths, "--no-progress",
            "--stages", args.stages, "--db"]
    subprocess.run(base + [str(whole)], env=env, check=True, stderr=subprocess.DEVNULL)
    whole_s = time.monotonic() - t0
    total = count(whole)
    cmd = base + [str(db)]
    kills = []
    for frac in map(float, args.at.split(",")):
        proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
        while proc.poll() is None and count(db) < frac * total:
            time.sleep(0.2)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills.append(count(db))
    subprocess.run(cmd, env=env, check=True, stderr=subprocess.DEVNULL)
    shutil.rmtree(snapshot, ignore_errors=True)
    a, b = digests(whole), digests(db)
    print(json.dumps({"killed_at_articles": kills, "whole_articles": total,
                      "equal": a == b, "tables": {t: [a.get(t), b.get(t)] for t in sorted(a)},
                      "whole_run_s": round(whole_s, 1),
                      "broken_runs_s": round(time.monotonic() - t0 - whole_s, 1)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
