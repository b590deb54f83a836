"""Story clusters: near-duplicate articles (the same story across outlets or republished) grouped
with MinHash LSH (datasketch) over normalized word shingles, each cluster knowing its earliest
report.

The signatures are made in the workers (:func:`naba.store.prepare.minhash_signature`) and kept in
``article_index``; :func:`recluster` indexes them all in an LSH, keeps candidate pairs whose
estimated Jaccard similarity reaches ``threshold``, and joins them (union-find). A cluster's id
is the id of its earliest article (by publication date, then ingest order), so ids are stable
while the corpus only grows. Two dated articles more than ``MAX_DAYS`` apart are never joined
directly: recurring stories (a new rocket intercepted, the weekly gold report) reuse wording.
Texts under ``MIN_CHARS`` characters stay single. Every article gets a cluster (a singleton when it has no twin), so
``count(DISTINCT cluster_id)`` is the de-duplicated count.

Not for: search or writes of articles (see :mod:`.db`).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from .prepare import MINHASH_SCHEME, MINHASH_SEED
from .schema import get_meta, set_meta, transaction

THRESHOLD = 0.4  # estimated Jaccard of word 3-shingles; see bench/cluster_quality.py
MAX_DAYS = 2     # two dated articles further apart than this are not the same story
MIN_CHARS = 200  # shorter texts (captions, cartoons) share templates, not stories: left alone


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def similar_pairs(ids: list[int], sigs: np.ndarray, threshold: float = THRESHOLD):
    """Yield (i, j, jaccard) index pairs (i < j) of signatures at or above ``threshold``."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=sigs.shape[1])
    hashes = [LeanMinHash(seed=MINHASH_SEED, hashvalues=sigs[i], scheme=MINHASH_SCHEME)
              for i in range(len(ids))]
    with lsh.insertion_session() as session:
        for i, mh in enumerate(hashes):
            session.insert(i, mh, check_duplication=False)
    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            if j > i:
                jac = float(np.mean(sigs[i] == sigs[j]))
                if jac >= threshold:
                    yield i, j, jac


def _day(published: str) -> int | None:
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def recluster(store, *, threshold: float = THRESHOLD, max_days: int = MAX_DAYS,
              force: bool = False) -> dict:
    """Recompute story clusters for the whole store when articles changed since the last run.
    Returns ``{"articles", "clusters", "multi", "largest"}``."""
    conn = store.conn
    state = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM articles").fetchone()
    stamp = f"{state[0]}:{state[1]}:{threshold}:{max_days}"
    done = get_meta(conn, "clusters_stamp")
    if done == stamp and not force:
        return _stats(conn)
    rows = conn.execute(
        "SELECT a.id, coalesce(a.published, ''), a.outlet,"
        f" CASE WHEN a.n_chars >= {MIN_CHARS} THEN i.minhash END FROM articles a"
        " LEFT JOIN article_index i ON i.article_id = a.id ORDER BY a.id").fetchall()
    ids = [r[0] for r in rows]
    parent = list(range(len(ids)))
    with_sig = [k for k, r in enumerate(rows) if r[3]]
    if len(with_sig) > 1:
        sigs = np.stack([np.frombuffer(rows[k][3], dtype="<u4") for k in with_sig])
        days = [_day(rows[k][1]) for k in with_sig]
        for i, j, _ in similar_pairs([ids[k] for k in with_sig], sigs, threshold):
            if days[i] is not None and days[j] is not None and abs(days[i] - days[j]) > max_days:
                continue
            a, b = _find(parent, with_sig[i]), _find(parent, with_sig[j])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for k in range(len(ids)):
        groups.setdefault(_find(parent, k), []).append(k)

    def when(k: int) -> tuple:
        return (rows[k][1] == "", rows[k][1], ids[k])  # undated articles come last

    assign, clusters = [], []
    for members in groups.values():
        first = min(members, key=when)
        cid = ids[first]
        clusters.append((cid, ids[first], rows[first][1] or None, len(members),
                         len({rows[k][2] for k in members})))
        assign.extend((cid, ids[k]) for k in members)
    with transaction(conn):
        conn.execute("DELETE FROM clusters")
        conn.executemany("INSERT INTO clusters VALUES (?,?,?,?,?)", clusters)
        conn.executemany("UPDATE articles SET cluster_id=? WHERE id=? AND cluster_id IS NOT ?",
                         [(c, a, c) for c, a in assign])
        set_meta(conn, "clusters_stamp", stamp)
    return _stats(conn)


def _stats(conn) -> dict:
    n, k, multi, largest = conn.execute(
        "SELECT (SELECT count(*) FROM articles), count(*), sum(size > 1), max(size)"
        " FROM clusters").fetchone()
    return {"articles": n, "clusters": k, "multi": multi or 0, "largest": largest or 0}
