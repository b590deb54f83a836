"""Near-duplicate and story-cluster quality.

    python bench/cluster_quality.py ans ../shared/data/news/ans_claims/data/stance/dev.csv
        Recall of the near-duplicate test on ANS headline pairs: for each stance (agree =
        paraphrase, disagree = contradicted edit, other), the share of pairs whose MinHash
        estimate (the store's signatures: word 3-shingles of clitic-stripped forms) reaches the
        clustering threshold, and the same with exact Jaccard of word sets, for comparison.

    python bench/cluster_quality.py sample --db full.db [--n 50] [--seed 6] > clusters.md
        50 random multi-article clusters with each member's outlet, date, title and opening, to
        judge by eye (precision = clusters whose members all report the same story).

Not for: clustering speed (ingest_full.py) or building the clusters (:mod:`naba.store.clusters`).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def ans(path: str) -> None:
    from naba.store.clusters import THRESHOLD
    from naba.store.prepare import index_terms, minhash_signature

    by_stance: dict[str, list[tuple[float, float]]] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            sims = []
            bases = [index_terms(row[k])[1] for k in ("s1", "s2")]
            a, b = (np.frombuffer(minhash_signature(x), dtype="<u4") for x in bases)
            sa, sb = set(bases[0]), set(bases[1])
            sims = (float(np.mean(a == b)), len(sa & sb) / max(1, len(sa | sb)))
            by_stance.setdefault(row["stance"], []).append(sims)
    out = {"threshold": THRESHOLD}
    for stance, sims in sorted(by_stance.items()):
        mh = np.array([s[0] for s in sims])
        words = np.array([s[1] for s in sims])
        out[stance] = {"pairs": len(sims),
                       "minhash_3shingle_at_threshold": round(float(np.mean(mh >= THRESHOLD)), 3),
                       "mean_minhash_3shingle": round(float(mh.mean()), 3),
                       "word_jaccard_ge_0.5": round(float(np.mean(words >= 0.5)), 3),
                       "word_jaccard_ge_0.3": round(float(np.mean(words >= 0.3)), 3),
                       "mean_word_jaccard": round(float(words.mean()), 3)}
    print(json.dumps(out, ensure_ascii=False, indent=1))


def sample(db: str, n: int, seed: int) -> None:
    from naba.store import open_store

    store = open_store(db, readonly=True)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM clusters WHERE size > 1 ORDER BY id")]
    random.Random(seed).shuffle(ids)
    stats = store.conn.execute("SELECT count(*), sum(size > 1), sum(size), max(size),"
                               " sum(n_outlets > 1) FROM clusters").fetchone()
    print(f"# {len(ids)} multi-article clusters (of {stats[0]} clusters over {stats[2]} articles;"
          f" largest {stats[3]}; {stats[4]} span several outlets); {min(n, len(ids))} at random"
          f" (seed {seed})\n")
    for k, cid in enumerate(ids[:n], 1):
        size, n_out, first = store.conn.execute(
            "SELECT size, n_outlets, first_published FROM clusters WHERE id=?", (cid,)).fetchone()
        print(f"## {k}. cluster {cid}: {size} articles, {n_out} outlets, earliest {first}")
        for row in store.conn.execute(
                "SELECT a.id, a.outlet, a.published, a.title, substr(t.text, 1, 160) FROM articles a"
                " JOIN article_texts t ON t.article_id = a.id"
                " WHERE a.cluster_id=? ORDER BY a.published, a.id LIMIT 4", (cid,)):
            print(f"- #{row[0]} {row[1]} {row[2]} | {row[3]}\n  {' '.join(row[4].split())}")
        print()


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("ans")
    a.add_argument("csv")
    s = sub.add_parser("sample")
    s.add_argument("--db", required=True)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    if args.cmd == "ans":
        ans(args.csv)
    else:
        sample(args.db, args.n, args.seed)


if __name__ == "__main__":
    main()
