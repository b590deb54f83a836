"""A random sample of the news corpus through ``naba.analyze``: no crash allowed.

    .venv/bin/python bench/robustness.py                                  # 1,000 articles, seed 2
    .venv/bin/python bench/robustness.py --n 5000 --stages clean,segment  # more, foundation only

Reads DIR/news/articles.jsonl.gz (default ../shared/data), draws ``--n`` articles with a fixed
seed, and runs each through ``naba.analyze`` (all stages unless ``--stages``). A rejection with a
named naba error (empty text, not Arabic...) is fine and counted by its code; any other exception
is a crash and is listed with the article id. Reported: crashes, rejections by code, and the
count of each kind of removal (``removed`` reasons), teasers (``related``), repaired words,
completed abstracts, leads equal to the abstract (kept in the text), headings. Exit status 1
when anything crashed. The last line is one JSON object.

Not for: speed or quality; only crashes, rejections and what cleaning removed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from _common import DEFAULT_DATA, read_sample


def run(articles: list[dict], stages: tuple[str, ...] | None) -> dict:
    import naba
    from naba.errors import NabaError
    from naba.record import check_spans

    kw = {"stages": stages} if stages else {}
    rejected, removed, crashes = Counter(), Counter(), []
    counts = Counter()
    t0 = time.perf_counter()
    for art in articles:
        try:
            rec = naba.analyze(art, **kw)
        except NabaError as e:
            rejected[e.code] += 1
            continue
        except Exception as e:  # a crash: what this run exists to find
            crashes.append({"id": art.get("id"), "error": f"{type(e).__name__}: {e}",
                            "where": traceback.format_exc(limit=-3).strip().splitlines()[-3:]})
            continue
        counts["analyzed"] += 1
        removed.update(r["reason"] for r in rec.removed)
        counts["related"] += len(rec.related)
        counts["repaired_words"] += len(rec.meta.get("repairs", []))
        counts["abstract_completed"] += bool(rec.meta.get("abstract_completed"))
        counts["abstract_is_lead"] += bool(rec.meta.get("abstract_in_text"))
        counts["headings"] += len(rec.headings)
        counts["docs_with_removals"] += bool(rec.removed)
        bad = check_spans(rec)
        if bad:
            crashes.append({"id": art.get("id"), "error": f"span mismatch: {bad[:3]}", "where": []})
    return {
        "articles": len(articles),
        "seconds": round(time.perf_counter() - t0, 1),
        "crashes": len(crashes),
        "crash_list": crashes[:20],
        "rejected": dict(rejected.most_common()),
        "removed": dict(removed.most_common()),
        **dict(counts),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="../shared/data")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--stages", help="comma-separated stages (default: all)")
    args = ap.parse_args(argv)
    stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else None
    articles = read_sample(args.data / "news" / "articles.jsonl.gz", args.n, args.seed)
    result = run(articles, stages)
    result["seed"], result["stages"] = args.seed, list(stages) if stages else "all"
    print(f"{result['articles']} articles (seed {args.seed}, stages {result['stages']}) in {result['seconds']} s")
    print(f"crashes: {result['crashes']}")
    for c in result["crash_list"]:
        print(f"  {c['id']}: {c['error']}  {' | '.join(c['where'])}")
    print(f"rejected (named errors): {result['rejected']}")
    print(f"analyzed: {result.get('analyzed', 0)}, with removals: {result.get('docs_with_removals', 0)}")
    print("removed lines by reason:")
    for reason, n in result["removed"].items():
        print(f"  {reason:20s} {n}")
    print(f"related teasers: {result.get('related', 0)}, repaired words: {result.get('repaired_words', 0)}, "
          f"abstracts completed: {result.get('abstract_completed', 0)}, abstract = lead paragraph (kept): "
          f"{result.get('abstract_is_lead', 0)}, headings: {result.get('headings', 0)}")
    print(json.dumps(result, ensure_ascii=False))
    return 1 if result["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
