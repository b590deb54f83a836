"""Load test of the web UI's article pages: uvicorn with N worker processes on 127.0.0.1, and a
bounded load generator (asyncio, HTTP/1.1 keep-alive, fixed number of connections) requesting
random article pages for a fixed time. Reports requests/s and latency percentiles.

    python bench/web_load.py --db corpus.db [--workers 2] [--connections 16] [--seconds 30]

The goal (issue 7): at least 200 article pages/s with p99 under 200 ms on 2 cores. The load
generator runs on the same machine, so it takes some of the CPU the server could use; numbers on
a shared machine are noisy.

Not for: search latency inside the library (search_latency.py) or what the pages show.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def cpu_seconds(root: int) -> float:
    """User + system CPU seconds of process ``root`` and its children (Linux /proc; 0 elsewhere)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for d in Path("/proc").glob("[0-9]*"):
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(d.name), int(fields[1])
        if pid == root or ppid == root:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def article_ids(db: str, n: int, seed: int = 7) -> list[int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    conn.close()
    random.Random(seed).shuffle(ids)
    return ids[:n]


async def fetch(reader, writer, path: str, host: str) -> tuple[int, int]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    body = await reader.readexactly(length)
    return status, len(body)


async def connection(host: str, port: int, paths: list[str], until: float, lat: list[float],
                     errors: list[str], stats: dict) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = random.randrange(len(paths))
    try:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            try:
                status, size = await fetch(reader, writer, paths[i % len(paths)], f"{host}:{port}")
            except (asyncio.IncompleteReadError, ConnectionError) as e:
                errors.append(repr(e))
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            lat.append(time.perf_counter() - t0)
            stats["bytes"] += size
            if status != 200:
                errors.append(f"HTTP {status} {paths[i % len(paths)]}")
            i += 1
    finally:
        writer.close()


async def load(host: str, port: int, paths: list[str], connections: int, seconds: float) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    stats = {"bytes": 0}
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(connection(host, port, paths, until, lat, errors, stats)
                           for _ in range(connections)))
    wall = time.perf_counter() - start
    lat.sort()

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1) if lat else float("nan")

    return {"requests": len(lat), "seconds": round(wall, 2), "rps": round(len(lat) / wall, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "max_ms": round(lat[-1] * 1000, 1) if lat else None, "errors": len(errors),
            "first_errors": errors[:3], "mean_kb": round(stats["bytes"] / max(1, len(lat)) / 1024, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--articles", type=int, default=5000, help="distinct random articles to request")
    ap.add_argument("--path", default="/article/{id}", help="URL pattern ({id}: an article id)")
    args = ap.parse_args()

    db = str(Path(args.db).resolve())
    paths = [args.path.format(id=i) for i in article_ids(db, args.articles)]
    port = free_port()
    env = dict(os.environ, NABA_DB=db)
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "naba.web.app:app_from_env",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
         "--log-level", "warning", "--no-access-log"], env=env)
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
        asyncio.run(load("127.0.0.1", port, paths, args.connections, args.warmup))
        cpu0, self0 = cpu_seconds(server.pid), time.process_time()
        res = asyncio.run(load("127.0.0.1", port, paths, args.connections, args.seconds))
        cpu1, self1 = cpu_seconds(server.pid), time.process_time()
    finally:
        server.terminate()
        server.wait(timeout=20)
    n = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute(
        "SELECT count(*) FROM articles").fetchone()[0]
    per_req = (cpu1 - cpu0) / max(1, res["requests"])
    res.update({"server_cpu_ms_per_request": round(per_req * 1000, 2),
                "loadgen_cpu_ms_per_request": round((self1 - self0) * 1000 / max(1, res["requests"]), 2),
                # what the server alone could do with all the machine's cores (no noise, no load
                # generator): a steadier number than rps on a shared machine
                "server_capacity_rps": round((os.cpu_count() or 1) / per_req, 0) if per_req else None,
                "loadavg_at_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None})
    res.update({"db_articles": n, "workers": args.workers, "connections": args.connections,
                "cpus": os.cpu_count(), "goal": "rps >= 200 and p99_ms < 200",
                "met": res["rps"] >= 200 and res["p99_ms"] < 200 and res["errors"] == 0})
    print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
