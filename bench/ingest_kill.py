"""Kill -9 an ingest twice, resume it, and check the database equals an unbroken run's.

    python bench/ingest_kill.py ../shared/data/news/articles.jsonl.gz --whole /tmp/full/clean.db \
        --db /tmp/full/broken.db [--stages clean,segment] [--at 0.3,0.6]

``--whole`` is a database made by an unbroken ``naba ingest`` of the same inputs with the same
stages (bench/ingest_full.py makes one). The broken run is killed (SIGKILL to its process group:
the writer and its workers) once it holds each fraction in ``--at`` of the whole run's articles,
then resumed to the end. Tables are compared row by row (a digest per table, timestamps left
out). Prints one JSON object as its last line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

NABA = str(Path(sys.executable).with_name("naba"))


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
    ap.add_argument("--whole", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--stages", default="clean,segment")
    ap.add_argument("--at", default="0.3,0.6")
    args = ap.parse_args()
    whole, db = Path(args.whole), Path(args.db)
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    total = count(whole)
    cmd = [NABA, "ingest", *args.paths, "--db", str(db), "--no-progress", "--stages", args.stages]
    kills = []
    t0 = time.monotonic()
    for frac in map(float, args.at.split(",")):
        proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL)
        while proc.poll() is None and count(db) < frac * total:
            time.sleep(0.2)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills.append(count(db))
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    a, b = digests(whole), digests(db)
    print(json.dumps({"killed_at_articles": kills, "whole_articles": total,
                      "equal": a == b, "tables": {t: [a.get(t), b.get(t)] for t in sorted(a)},
                      "seconds": round(time.monotonic() - t0, 1)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
