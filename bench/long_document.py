"""Time of ``naba.analyze`` on one long one-line document, per MB: catches work that grows with
the square of a document's length (a scan of all mentions per mention, of all tokens per cue).

    .venv/bin/python bench/long_document.py                          # ../shared/data/news/sample.jsonl
    .venv/bin/python bench/long_document.py --jsonl FILE --sizes 0.1 0.5 5 --keep /tmp/long
    .venv/bin/python bench/long_document.py --unpunctuated --sizes 0.02 0.04 0.08   # one long sentence

The input is built from a JSONL file of news records (``text`` fields): the lines of the articles
that the clean stage keeps as they are (no boilerplate, no inline promo, so nothing is cut from
the one-line document), whitespace folded, joined with spaces, in file order, cut to each size
(MB = 10^6 bytes of UTF-8). Each size runs in a fresh process (``naba analyze FILE``, the CLI a
user runs) with ``--timeout`` seconds at most. Per MB, a near-linear pipeline gives about the same
seconds at every size; a quadratic spot shows as seconds per MB growing with the size. The last
line is one JSON object.

Not for: throughput on many articles (bench_analyze.py) or output quality.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_DATA, ROOT


def kept_lines(path: Path, limit_bytes: int) -> list[str]:
    """Article lines the clean stage keeps unchanged, until ``limit_bytes`` of them."""
    from naba.stages import clean

    out, n = [], 0
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            text = json.loads(raw).get("text") or ""
            for line in text.split("\n"):
                line = " ".join(line.split())
                if line and clean.classify(line)[0] == "keep" and clean.cut_inline(line, []) == line:
                    out.append(line)
                    n += len(line.encode("utf-8")) + 1
                    if n >= limit_bytes:
                        return out
    return out


STOPS = str.maketrans({c: " " for c in ".،,؛;:!?؟"})


def build(lines: list[str], size: int, unpunctuated: bool = False) -> str:
    """The lines joined with spaces (repeated when too few), cut to ``size`` bytes on a character;
    ``unpunctuated``: with the sentence and clause marks made spaces (one sentence as long as the
    document: a scraped page that lost its stops)."""
    if unpunctuated:
        lines = [" ".join(line.translate(STOPS).split()) for line in lines]
    parts, n, i = [], 0, 0
    while n < size and lines:
        parts.append(lines[i % len(lines)])
        n += len(parts[-1].encode("utf-8")) + 1
        i += 1
    return " ".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def run(path: Path, timeout: float) -> dict:
    t0 = time.perf_counter()
    env_src = str(ROOT / "src")
    cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {env_src!r}); "
           "from naba.cli import main; sys.exit(main())", "analyze", str(path)]
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
        status = "ok" if p.returncode == 0 else f"exit {p.returncode}: {p.stderr.strip()[:200]}"
    except subprocess.TimeoutExpired:
        status = f"timeout after {timeout:.0f} s"
    return {"seconds": round(time.perf_counter() - t0, 2), "status": status}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jsonl", type=Path, default=DEFAULT_DATA / "news" / "sample.jsonl")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.5, 5.0], help="MB (10^6 bytes)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per size")
    ap.add_argument("--keep", type=Path, help="write the inputs here (DIR/long_SIZE.txt) and keep them")
    ap.add_argument("--unpunctuated", action="store_true", help="no sentence or clause marks: one long sentence")
    args = ap.parse_args()
    if not args.jsonl.exists():
        sys.exit(f"no {args.jsonl} (pass --jsonl FILE)")
    sizes = [int(mb * 1_000_000) for mb in args.sizes]
    lines = kept_lines(args.jsonl, max(sizes))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for mb, size in zip(args.sizes, sizes):
            path = folder / f"long_{mb:g}MB.txt"
            path.write_text(build(lines, size, args.unpunctuated), encoding="utf-8")
            r = run(path, args.timeout)
            r.update(mb=mb, s_per_mb=round(r["seconds"] / mb, 2))
            results.append(r)
            print(f"{mb:>6g} MB  {r['seconds']:>8.2f} s  {r['s_per_mb']:>7.2f} s/MB  {r['status']}", flush=True)
    print(json.dumps({"input": str(args.jsonl), "results": results}))


if __name__ == "__main__":
    main()
