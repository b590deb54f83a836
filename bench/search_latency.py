"""Search latency over a corpus database: 50 varied queries (plain words, diacritized and
glued-clitic forms, phrases, exclusions, metadata filters, entity / speaker / event-type
filters (empty when only the foundation stages ran), story dedup), each run through the Python API
as `naba search` runs it (20 hits with snippets, plus the total and story counts).

    python bench/search_latency.py --db full.db [--repeat 3]

Prints per-query times (ms) and, as its last line, JSON with p50/p95/max over the 50 queries
(each query's median of --repeat runs, after one warm-up pass over all of them).

Not for: result quality or the web UI's throughput (web_load.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

QUERIES: list[tuple[str, dict]] = [
    ("خامنئي", {}), ("ترامب", {}), ("السعودية", {}), ("النفط", {}), ("الحوثيين", {}),
    ("", {"entity": "ترامب"}), ("الانتخابات", {}), ("اللاجئين", {}), ("تونس", {}), ("الإرهاب", {}),
    ("ولي العهد", {}), ("الأمم المتحدة", {}), ("مجلس الأمن", {}), ("أسعار الذهب", {}),
    ("إيران", {"speaker": "ترامب"}), ("وزير الخارجية", {}), ("الرئيس الفرنسي", {}), ("إدلب", {}),
    ("", {"event_type": "ASSAULT"}), ("كوريا الشمالية", {}),
    ("خامنَئِي", {}), ("السُّعُودِيَّة", {}), ("الرِّيَاض", {}), ("إيران", {}), ("ايران", {}),
    ("وبالسعودية", {}), ("للحكومة", {}), ("والرئيس", {}), ("بالرياض", {}), ("لترامب", {}),
    ('"ولي العهد السعودي"', {}), ('"الأمم المتحدة"', {}), ('"دونالد ترامب"', {}),
    ('"البيت الأبيض"', {}), ('"الاتحاد الأوروبي"', {}),
    ("سوريا -روسيا", {}), ("اليمن -الحوثي", {}), ("قطر الحصار", {}), ("إدلب", {"event_type": "ASSAULT", "dedup": True}),
    ("الهجوم الكيماوي دوما", {}),
    ("ترامب", {"outlet": "BBC"}), ("السعودية", {"outlet": "skynews"}),
    ("النفط", {"since": "2018-05-01", "until": "2018-05-31"}),
    ("إيران", {"since": "2018-01-01", "until": "2018-03-31", "outlet": "france24"}),
    ("", {"outlet": "CNN", "order": "date"}), ("", {"since": "2018-07-01"}),
    ("ترامب", {"dedup": True}), ("السعودية", {"dedup": True}),
    ("القدس", {"order": "date"}), ("الاقتصاد", {"dedup": True, "since": "2018-04-01"}),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from naba.store import open_store

    assert len(QUERIES) == 50
    store = open_store(args.db, readonly=True)
    for q, f in QUERIES:  # warm-up: the page cache and SQLite's
        store.search(q, **f)
    times, rows = [], []
    for q, f in QUERIES:
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            res = store.search(q, **f)
            runs.append((time.perf_counter() - t) * 1000)
        ms = statistics.median(runs)
        times.append(ms)
        rows.append((ms, q, f, res.total, res.stories))
        print(f"{ms:8.1f} ms  {res.total:6d} hits {res.stories:6d} stories  {q} {f or ''}")
    times.sort()
    p = lambda x: times[min(len(times) - 1, int(round(x * (len(times) - 1))))]  # noqa: E731
    print(json.dumps({"db": args.db, "queries": len(times), "p50_ms": round(p(0.5), 1),
                      "p95_ms": round(p(0.95), 1), "max_ms": round(times[-1], 1),
                      "articles": store.counts()["articles"]}))


if __name__ == "__main__":
    main()
