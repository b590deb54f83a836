""""Said before" (naba.store.claims): how many statements get an earlier match, what it costs,
and whether the matched pairs are the same claim.

    python bench/said_before.py link --db /tmp/said/sample.db
        Recompute every link (force) and print the time it took, how many statements were
        matchable, how many have an earlier occurrence (dated on both sides), an undated one,
        one in a different story cluster (not a copy of the same report), the largest fan-out.
        Then a rerun, which must add nothing. peak_rss_mb is this process's peak resident set
        (the whole run; ``/usr/bin/time -v`` gives the same). JSON on the last line.

    python bench/said_before.py relink --db /tmp/said/sample.db [--forget 1000]
        An incremental run alone (its own process, so peak_rss_mb is its own): link_claims()
        after dropping the claim index and links of the last --forget articles (0: a rerun with
        nothing new). The links must come back the same (links_before = links).

    python bench/said_before.py pairs --db /tmp/said/sample.db [--n 30] [--seed 1]
                                      [--exclude tune_pairs.md] > pairs.md
        N random links (not among those of the --exclude files) (later statement -> earlier statement) with outlets, dates, speakers, the
        two contents and the score, to judge by hand (precision = pairs that carry the same claim).

    python bench/said_before.py ans ../shared/data/news/ans_claims/data/stance/dev.csv
        The pair test alone on ANS headline pairs (no speakers): the share of pairs kept per
        stance (agree = a paraphrase of the same claim; disagree = contradicted; other = a
        different claim on the topic), with the LSH candidate step estimated from the MinHash
        signatures. dev.csv is for tuning; test.csv is held out.

The store must have been ingested first (``naba ingest ../shared/data/news/sample.jsonl --db
/tmp/said/sample.db --workers 1``).
Not for: building the links (:func:`naba.store.claims.link_claims`).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def link(db: str) -> None:
    from naba.store import open_store

    with open_store(db) as store:
        t0 = time.perf_counter()
        stats = store.link_claims(force=True)
        seconds = time.perf_counter() - t0
        again = store.link_claims()
        c = store.conn
        q = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        out = {
            "articles": q("SELECT count(*) FROM articles"),
            "statements": stats["statements"],
            "matchable": stats["indexed"],
            "links": stats["links"],
            "with_earlier": q("SELECT count(*) FROM (SELECT DISTINCT article_id, idx FROM claim_links"
                              " WHERE ordered=1)"),
            "with_undated_only": q(
                "SELECT count(*) FROM (SELECT article_id, idx FROM claim_links GROUP BY 1, 2"
                " HAVING max(ordered)=0)"),
            "with_any": q("SELECT count(*) FROM (SELECT article_id, idx FROM claim_links UNION"
                          " SELECT earlier_article_id, earlier_idx FROM claim_links)"),
            "with_earlier_other_story": q(
                "SELECT count(*) FROM (SELECT DISTINCT l.article_id, l.idx FROM claim_links l"
                " JOIN articles a ON a.id=l.article_id JOIN articles b ON b.id=l.earlier_article_id"
                " WHERE l.ordered=1 AND a.cluster_id IS NOT b.cluster_id)"),
            "links_same_story": q(
                "SELECT count(*) FROM claim_links l JOIN articles a ON a.id=l.article_id"
                " JOIN articles b ON b.id=l.earlier_article_id WHERE a.cluster_id = b.cluster_id"),
            "links_same_speaker": q("SELECT count(*) FROM claim_links WHERE same_speaker=1"),
            "max_earlier_per_statement": q(
                "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM claim_links GROUP BY"
                " article_id, idx)"),
            "seconds": round(seconds, 2),
            "rerun_new": again["new"], "rerun_links": again["links"],
            "rerun_seconds": again["seconds"],
            "band_rows": q("SELECT count(*) FROM claim_bands"),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
    for k, v in out.items():
        print(f"{k:28} {v}")
    print(json.dumps(out))


def relink(db: str, forget: int) -> None:
    from naba.store import open_store
    from naba.store.claims import forget_article

    with open_store(db) as store:
        c = store.conn
        before = c.execute("SELECT count(*) FROM claim_links").fetchone()[0]
        ids = [r[0] for r in c.execute("SELECT id FROM articles ORDER BY id DESC LIMIT ?",
                                       (forget,))]
        c.execute("BEGIN IMMEDIATE")
        for aid in ids:
            forget_article(c, aid)
        c.executemany("DELETE FROM claim_links WHERE article_id=? OR earlier_article_id=?",
                      [(a, a) for a in ids])
        c.execute("COMMIT")
        stats = store.link_claims()
    out = {"forgot_articles": len(ids), "new": stats["new"], "links_before": before,
           "links": stats["links"], "seconds": stats["seconds"],
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}
    for k, v in out.items():
        print(f"{k:28} {v}")
    print(json.dumps(out))


def pairs(db: str, n: int, seed: int, exclude: list[str] | None = None) -> None:
    from naba.store import open_store

    with open_store(db, readonly=True) as store:
        rows = store.conn.execute(
            "SELECT l.score, l.jaccard, l.same_speaker, l.ordered,"
            " a.id, a.outlet, a.published, s.speaker_name, s.content_text,"
            " b.id, b.outlet, b.published, t.speaker_name, t.content_text,"
            " a.cluster_id = b.cluster_id"
            " FROM claim_links l JOIN articles a ON a.id=l.article_id"
            " JOIN articles b ON b.id=l.earlier_article_id"
            " JOIN statements s ON s.article_id=l.article_id AND s.idx=l.idx"
            " JOIN statements t ON t.article_id=l.earlier_article_id AND t.idx=l.earlier_idx"
            " ORDER BY l.article_id, l.idx, l.earlier_article_id, l.earlier_idx").fetchall()
    skip = set()
    for path in exclude or ():  # pairs already read (a tuning draw): not drawn again
        ids = [int(x) for x in re.findall(r"^- (?:later|earlier) +#(\d+)", Path(path).read_text(
            encoding="utf-8"), re.M)]
        skip.update(zip(ids[0::2], ids[1::2]))
    pool = [r for r in rows if (r[4], r[9]) not in skip]
    rng = random.Random(seed)
    pick = rng.sample(pool, min(n, len(pool)))
    print(f"# {len(pick)} of {len(pool)} links (of {len(rows)}; {len(rows) - len(pool)} excluded"
          f" as read before), seed {seed}\n")
    for k, r in enumerate(pick, 1):
        print(f"## {k}. score {r[0]:.2f} (jaccard {r[1]:.2f}), same speaker {r[2]},"
              f" ordered {r[3]}, same story {bool(r[14])}")
        print(f"- later   #{r[4]} {r[6] or '----------'} {r[5]} | {r[7]}: {r[8]}")
        print(f"- earlier #{r[9]} {r[11] or '----------'} {r[10]} | {r[12]}: {r[13]}")
        print("- same claim: ?\n")


def ans(path: str) -> None:
    from naba.store.claims import (LSH_THRESHOLD, MIN_TERMS, MIN_WORDS, THRESHOLD, claim_terms,
                                   signature, similarity)

    res: dict[str, list[int]] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c = res.setdefault(row["stance"], [0, 0, 0, 0])  # pairs, matchable, candidate, kept
            c[0] += 1
            (ta, na), (tb, nb) = claim_terms(row["s1"]), claim_terms(row["s2"])
            if min(na, nb) < MIN_WORDS or min(len(ta), len(tb)) < MIN_TERMS:
                continue
            c[1] += 1
            cand = float(np.mean(signature(ta) == signature(tb))) >= LSH_THRESHOLD
            c[2] += cand
            c[3] += cand and similarity(frozenset(ta), frozenset(tb), None)[0] >= THRESHOLD
    print(f"{'stance':10} {'pairs':>6} {'matchable':>9} {'candidate':>9} {'kept':>6} {'kept/matchable':>14}")
    for st, (n, m, cand, kept) in sorted(res.items()):
        print(f"{st:10} {n:6} {m:9} {cand:9} {kept:6} {kept / max(m, 1):14.3f}")
    print(json.dumps({"threshold": THRESHOLD, **{st: {"pairs": v[0], "matchable": v[1],
                                                       "candidate": v[2], "kept": v[3]}
                                                  for st, v in res.items()}}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("link")
    a.add_argument("--db", required=True)
    r = sub.add_parser("relink")
    r.add_argument("--db", required=True)
    r.add_argument("--forget", type=int, default=0)
    b = sub.add_parser("pairs")
    b.add_argument("--db", required=True)
    b.add_argument("--n", type=int, default=30)
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--exclude", action="append", help="a pairs file read before: skip its pairs")
    c = sub.add_parser("ans")
    c.add_argument("path")
    args = ap.parse_args()
    if args.cmd == "link":
        link(args.db)
    elif args.cmd == "relink":
        relink(args.db, args.forget)
    elif args.cmd == "pairs":
        pairs(args.db, args.n, args.seed, args.exclude)
    else:
        ans(args.path)


if __name__ == "__main__":
    main()
