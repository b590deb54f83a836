"""Schema migration 4 on a corpus database: re-key entities on their corpus-wide ids and merge
the spelling variants (naba.store.rekey). Run it on a COPY (the migration changes the file):

    cp corpus.db /tmp/copy.db && python bench/rekey_entities.py --db /tmp/copy.db [--check 2000]

Prints the entities per type before and after, the ten biggest merges (by rows folded together
and by mentions), the migration's wall time and peak memory (max RSS of this process), whether
mention / alias / role counts were preserved, and, with --check N, for N sampled articles how
many record entities' ids equal the store key of the entity their mentions point to (kb keys and
non-naba ids aside). Last line: JSON of the numbers.

Not for: ingest speed (ingest_full.py).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from naba.store import open_store  # noqa: E402
from naba.store.keys import is_naba_id  # noqa: E402
from naba.store.rekey import new_key  # noqa: E402


def _per_type(conn) -> dict:
    return dict(conn.execute("SELECT coalesce(type, ''), count(*) FROM entities GROUP BY 1"))


def _sums(conn) -> dict:
    q = {"mentions_linked": "SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL",
         "alias_count": "SELECT sum(count) FROM aliases", "role_count": "SELECT sum(count) FROM roles",
         "speaker_linked": "SELECT count(*) FROM statements WHERE speaker_entity IS NOT NULL",
         "dangling": "SELECT (SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL AND entity_id"
                     " NOT IN (SELECT id FROM entities)) + (SELECT count(*) FROM aliases WHERE"
                     " entity_id NOT IN (SELECT id FROM entities))"}
    return {k: conn.execute(v).fetchone()[0] for k, v in q.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--check", type=int, default=0, help="articles to check after (0: none)")
    args = ap.parse_args()
    conn = sqlite3.connect(args.db)
    if conn.execute("SELECT 1 FROM schema_migrations WHERE version=4").fetchone():
        sys.exit("already migrated (schema version 4): run on a fresh copy")
    before, sums0 = _per_type(conn), _sums(conn)
    n = dict(conn.execute("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id"))
    groups: dict[str, list] = {}
    for eid, key, typ, name, attrs in conn.execute("SELECT id, key, type, name, attrs FROM entities"):
        groups.setdefault(new_key(key, typ, name, attrs), []).append((n.get(eid, 0), name))
    conn.close()
    merges = [(k, sorted(v, reverse=True)) for k, v in groups.items() if len(v) > 1]

    t0 = time.perf_counter()
    store = open_store(args.db)  # applies migration 4
    secs = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    after, sums1 = _per_type(store.conn), _sums(store.conn)

    print("entities per type (before -> after):")
    for t in sorted(set(before) | set(after)):
        print(f"  {t or '?'}: {before.get(t, 0)} -> {after.get(t, 0)}")
    for title, key in (("rows folded together", lambda m: (len(m[1]), sum(x[0] for x in m[1]))),
                       ("mentions", lambda m: (sum(x[0] for x in m[1]), len(m[1])))):
        print(f"ten biggest merges by {title}:")
        for k, rows in sorted(merges, key=key, reverse=True)[:10]:
            print(f"  {k} ({len(rows)} rows, {sum(x[0] for x in rows)} mentions): "
                  + " | ".join(f"{nm} ({c})" for c, nm in rows[:8]) + (" ..." if len(rows) > 8 else ""))
    print(f"migration: {secs:.1f} s, max RSS {rss_mb:.0f} MB")
    print("counts before:", sums0)
    print("counts after: ", sums1)

    check = {}
    if args.check:
        ids = [a for (a,) in store.conn.execute("SELECT id FROM articles")]
        random.Random(0).shuffle(ids)
        agree = total = 0
        bad = []
        for aid in ids[:args.check]:
            rec = store.record(aid)
            local = {str(e["id"]): e for e in rec.get("entities") or ()}
            seen = {}
            for (idx, eid), m in zip(store.conn.execute(
                    "SELECT idx, entity_id FROM mentions WHERE article_id=? ORDER BY idx", (aid,)),
                    rec.get("mentions") or ()):
                ent = local.get(str(m.get("entity")))
                if ent and eid is not None and is_naba_id(ent.get("id")):
                    seen[ent["id"]] = eid
            for rid, eid in seen.items():
                key = store.conn.execute("SELECT key FROM entities WHERE id=?", (eid,)).fetchone()[0]
                if key.startswith("kb:"):
                    continue
                total += 1
                agree += key == rid
                if key != rid and len(bad) < 10:
                    bad.append((rid, key, local[rid]["name"]))
        check = {"articles": min(args.check, len(ids)), "entities": total, "key_equals_id": agree}
        print(f"check: {agree}/{total} record entity ids equal their store key; e.g. differing:", bad)
    store.close()
    print(json.dumps({"before": before, "after": after, "merged_rows": sum(len(v) - 1 for _, v in merges),
                      "seconds": round(secs, 1), "max_rss_mb": round(rss_mb), "sums_before": sums0,
                      "sums_after": sums1, "check": check}, ensure_ascii=False))


if __name__ == "__main__":
    main()
