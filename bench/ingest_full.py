"""Ingest a corpus into a fresh database and measure wall time, peak RSS (the whole process tree,
sampled from /proc), database size and the summary; then rerun and check that it adds nothing.

    python bench/ingest_full.py ../shared/data/news/articles.jsonl.gz --db bench.db \
        [--stages clean,segment] [--workers N] [--keep]

Prints one JSON object as its last line. Numbers on a shared machine are noisy.

Not for: resuming after a kill (ingest_kill.py) or the dask engine (bench_dask.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

NABA = str(Path(sys.executable).with_name("naba"))


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(d))
            rss[int(d)] = int(parts[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def run(cmd: list[str], env: dict) -> tuple[float, int, str]:
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.5)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    th.join()
    if proc.returncode:
        sys.exit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    summary = [line for line in err.splitlines() if line.startswith("naba ingest:")]
    return time.monotonic() - t0, peak[0], summary[-1] if summary else err[-500:]


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", required=True)
    ap.add_argument("--stages", default=None)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="do not delete an existing --db first")
    args = ap.parse_args()
    db = Path(args.db)
    if not args.keep:
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
    cmd = [NABA, "ingest", *args.paths, "--db", str(db), "--no-progress"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    env = dict(os.environ)
    if args.stages:
        cmd += ["--stages", args.stages]
    wall, peak, summary = run(cmd, env)
    print(summary, file=sys.stderr)
    wall2, _, summary2 = run(cmd, env)
    print(summary2, file=sys.stderr)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from naba.store import open_store

    with open_store(db, readonly=True) as store:
        counts = store.counts()
    print(json.dumps({"stages": args.stages or "all", "wall_s": round(wall, 1),
                      "peak_rss_mb": round(peak / 2**20), "db_mb": round(db_size(db) / 2**20, 1),
                      "summary": summary, "rerun_s": round(wall2, 1), "rerun_summary": summary2,
                      "counts": counts, "cpus": os.cpu_count(),
                      "loadavg": os.getloadavg()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
