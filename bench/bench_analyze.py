"""Throughput of ``naba.analyze`` on one core, and trafilatura's own extraction in the same run.

    .venv/bin/python bench/bench_analyze.py                       # ../shared/data, defaults
    .venv/bin/python bench/bench_analyze.py --data DIR --limit 2000 --all-limit 200

What is measured (one process, pinned to one CPU where the OS allows it):
1. ``analyze`` with the foundation stages (``stages=("clean", "segment")``) on the lines of
   DIR/news/sample.jsonl, each line given as the JSON string a user would pass (so JSON parsing
   and loading are in the time); goal: at least 300 articles/s;
2. ``analyze`` with all stages on the first ``--all-limit`` lines;
3. on the HTML pages of DIR/html: trafilatura's ``bare_extraction`` alone (the settings naba uses)
   and naba's ``analyze`` with the foundation stages (trafilatura + htmldate + clean + segment),
   each ``--html-repeat`` times; the ratios put both against trafilatura.

Each rate is given by CPU time of this process (steady on a shared machine) and by wall time
(what a user waits; noisy when other jobs run). The last line is one JSON object.

Not for: quality (``naba eval`` and the tests' quality gates) or throughput on many cores
(bench_dask.py, ingest_full.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from _common import DEFAULT_DATA

FOUNDATION = ("clean", "segment")
GOAL = 300.0


def pin_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    except (AttributeError, OSError):
        return "not pinned"


def timed(fn, items) -> dict:
    """Run ``fn`` on each item; count NabaError rejections; return rates by CPU and wall time."""
    from naba.errors import NabaError

    rejected: dict[str, int] = {}
    c0, w0 = time.process_time(), time.perf_counter()
    for item in items:
        try:
            fn(item)
        except NabaError as e:
            rejected[e.code] = rejected.get(e.code, 0) + 1
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    n = len(items)
    return {"n": n, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
            "per_s_cpu": round(n / cpu, 1) if cpu else None,
            "per_s_wall": round(n / wall, 1) if wall else None, "rejected": rejected}


def html_pages(html_dir: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8", errors="replace"))
            for p in sorted(html_dir.rglob("*.html"))]


def trafilatura_extract(page: str):
    import trafilatura

    return trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                       include_tables=False, favor_precision=True, deduplicate=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="../shared/data")
    ap.add_argument("--limit", type=int, default=0, help="sample.jsonl lines for the foundation run (0: all)")
    ap.add_argument("--all-limit", type=int, default=200, help="lines for the all-stages run (0: skip)")
    ap.add_argument("--html-repeat", type=int, default=5, help="passes over the HTML pages")
    args = ap.parse_args(argv)

    import naba

    pinned = pin_one_core()
    with open(args.data / "news" / "sample.jsonl", encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    if args.limit:
        lines = lines[:args.limit]
    naba.analyze(lines[0], stages=FOUNDATION)  # imports and data files loaded before the clock
    foundation = timed(lambda line: naba.analyze(line, stages=FOUNDATION), lines)

    all_stages = None
    if args.all_limit:
        subset = lines[:args.all_limit]
        try:
            naba.analyze(subset[0])
            all_stages = timed(naba.analyze, subset)
        except Exception as e:  # a stage whose model is not trained yet: report, do not fail
            all_stages = {"error": f"{type(e).__name__}: {e}"}

    pages = html_pages(args.data / "html")
    texts = [page for _, page in pages] * args.html_repeat
    for page, _ in zip(texts, pages):  # one warm pass each: the first pass compiles and imports
        trafilatura_extract(page)
        naba.analyze(page, stages=FOUNDATION)
    traf = timed(trafilatura_extract, texts)
    naba_html = timed(lambda page: naba.analyze(page, stages=FOUNDATION), texts)

    result = {
        "pinned": pinned,
        "foundation_sample": foundation,
        "all_stages_sample": all_stages,
        "trafilatura_html": traf,
        "naba_html": naba_html,
        "html_pages": len(pages),
        # naba's foundation articles/s on the news sample over trafilatura's pages/s on the HTML
        "ratio_foundation_to_trafilatura": round(foundation["per_s_cpu"] / traf["per_s_cpu"], 2),
        # naba on the same HTML pages (trafilatura + dates + clean + segment) over trafilatura alone
        "ratio_naba_html_to_trafilatura": round(naba_html["per_s_cpu"] / traf["per_s_cpu"], 2),
        "goal_per_s": GOAL,
        "goal_met": foundation["per_s_cpu"] >= GOAL,
    }
    print(f"one core ({pinned}); rates by CPU time, wall time in brackets")
    print(f"analyze clean+segment, {foundation['n']} sample.jsonl lines: {foundation['per_s_cpu']} articles/s "
          f"({foundation['per_s_wall']}); goal {GOAL:.0f}: {'met' if result['goal_met'] else 'NOT met'}; "
          f"rejected {foundation['rejected']}")
    if all_stages and "error" not in all_stages:
        print(f"analyze all stages, {all_stages['n']} lines: {all_stages['per_s_cpu']} articles/s "
              f"({all_stages['per_s_wall']})")
    elif all_stages:
        print(f"analyze all stages: {all_stages['error']}")
    print(f"trafilatura bare_extraction, {len(pages)} HTML pages x {args.html_repeat}: {traf['per_s_cpu']} pages/s "
          f"({traf['per_s_wall']})")
    print(f"naba analyze clean+segment on the same pages: {naba_html['per_s_cpu']} pages/s ({naba_html['per_s_wall']})")
    print(f"ratio naba clean+segment articles/s : trafilatura pages/s = {result['ratio_foundation_to_trafilatura']}")
    print(f"ratio naba on HTML : trafilatura alone = {result['ratio_naba_html_to_trafilatura']}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
