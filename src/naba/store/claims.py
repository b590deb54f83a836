"""Said before: for each stored statement, the statements of OTHER articles that carry the same
claim, so that a fact-checker sees where (and by whom) it was said first.

A statement's claim is the set of its content words (:func:`claim_terms`): the ``content`` span
normalized (:func:`naba.arabic.normalize.normalize`), the glued proclitic stripped (the base
form the search index uses), stop words dropped (``naba/arabic/data/stopwords.txt``; negations
are kept there on purpose). Contents under ``MIN_WORDS`` words or ``MIN_TERMS`` content words are
not matched (a bare "الوضع هادئ" is said everywhere).

Candidates come from MinHash LSH over those word sets at ``LSH_THRESHOLD`` (datasketch's band
layout and MinHash, as :mod:`.clusters`; the band keys are kept in ``claim_bands`` and looked up
by index, so no in-memory LSH over the whole corpus is built); each candidate pair is then
verified on the exact sets: the Jaccard similarity, or, for a short statement repeated inside
a longer one, the containment (shared words over the smaller set, at least ``CONTAIN_MIN`` of
them and a Jaccard of at least ``CONTAIN_JACCARD``, counted at ``CONTAIN_WEIGHT``); two contents that both give numbers must share most of them (``NUMBERS_MIN``): templated
reports (prices, weather, counts) reuse the words with other figures.
The same speaker on both sides (the same corpus entity, or the same normalized name when either
lacks an entity) adds ``SPEAKER_BONUS``; a different speaker is still a match ("said before by
X"). A pair is kept when its ``score`` reaches ``THRESHOLD``. See bench/said_before.py.

Stored in ``claim_links`` (one row per pair, from the later statement to the earlier one, order
by publication date then article id; ``ordered`` = 0 when either article is undated: those are
"said elsewhere", order unknown, and undated articles sort last). ``claim_index`` keeps, per
statement, its terms and signature (NULL when too short), and ``claim_bands`` its band keys,
which makes :func:`link_claims` incremental: only statements not yet indexed are queried (against
all, by index), so a rerun with no new article adds nothing and costs a scan; a change of the
parameters, the stop words or the clitic prefixes (:func:`_stamp`) recomputes everything.

Not for: story clusters of whole articles (:mod:`.clusters`), statement extraction
(:mod:`naba.statements`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from functools import lru_cache

import numpy as np

from ..arabic.normalize import normalize
from ..arabic.resources import data_lines, stopwords
from ..arabic.tokenize import TOKEN_RE, strip_prefix
from .prepare import MINHASH_SCHEME, MINHASH_SEED, _permutations
from .schema import get_meta, set_meta, transaction

MIN_WORDS = 6          # words in the content span, below which a statement is not matched
MIN_TERMS = 4          # distinct content words (stop words out), below which likewise
LSH_THRESHOLD = 0.3    # candidate generation (estimated Jaccard of the word sets)
THRESHOLD = 0.5        # a pair is kept when its verified score reaches this
CONTAIN_MIN = 6        # containment counts only with at least this many shared words
CONTAIN_WEIGHT = 0.8   # ... and is worth this much of a Jaccard
CONTAIN_JACCARD = 0.35  # ... when the Jaccard is at least this (a long statement swallows a
                        #     short one on the same topic otherwise)
SPEAKER_BONUS = 0.1    # the same speaker on both sides
NUMBERS_MIN = 0.67     # when both give numbers, at least this share of the fewer must be shared
NUM_PERM = 64


def claim_terms(content: str) -> tuple[list[str], int]:
    """(sorted distinct content words of ``content``, number of words in it)."""
    stops = stopwords()
    terms, n_words = set(), 0
    for m in TOKEN_RE.finditer(content or ""):
        n = normalize(m.group())
        if not n[:1].isalnum():
            continue
        n_words += 1
        if n in stops:
            continue
        b = strip_prefix(n)[1]
        if b in stops or (len(b) < 2 and not b.isdigit()):
            continue
        terms.add(b)
    return sorted(terms), n_words


_PERMS = None


def signature(terms: list[str]) -> np.ndarray:
    from datasketch import MinHash

    global _PERMS
    if _PERMS is None:
        _PERMS = _permutations(NUM_PERM)
    mh = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, permutations=_PERMS, scheme=MINHASH_SCHEME)
    mh.update_batch([t.encode("utf-8") for t in terms])
    return mh.hashvalues.astype("<u4")


def similarity(a: frozenset, b: frozenset, same_speaker: int | None) -> tuple[float, float]:
    """(score, jaccard) of two term sets; score 0 when the pair does not hold. Two claims that
    both give numbers but not the same ones are different claims (another day's gold price,
    another count), however alike their wording."""
    return _score(a, _numbers(a), b, _numbers(b), same_speaker)


def _score(a: frozenset, na: frozenset, b: frozenset, nb: frozenset,
           same_speaker: int | None) -> tuple[float, float]:
    """:func:`similarity` given the numbers of each set (``_numbers``), computed once each."""
    inter = len(a & b)
    if not inter:
        return 0.0, 0.0
    if na and nb and len(na & nb) < NUMBERS_MIN * min(len(na), len(nb)):
        return 0.0, 0.0
    jac = inter / (len(a) + len(b) - inter)
    cont = inter / min(len(a), len(b)) if inter >= CONTAIN_MIN and jac >= CONTAIN_JACCARD else 0.0
    score = max(jac, CONTAIN_WEIGHT * cont) + (SPEAKER_BONUS if same_speaker == 1 else 0.0)
    return round(min(score, 1.0), 4), round(jac, 4)


def _numbers(terms: frozenset) -> frozenset:
    return frozenset(t for t in terms if t[:1].isdigit())


def _stamp() -> str:
    """What the stored terms and links depend on: the parameters, the stop words and the clitic
    prefixes (a hash of their sorted contents, so that editing one word changes it)."""
    params = (f"{MIN_WORDS}:{MIN_TERMS}:{LSH_THRESHOLD}:{THRESHOLD}:{CONTAIN_MIN}:"
              f"{CONTAIN_WEIGHT}:{CONTAIN_JACCARD}:{SPEAKER_BONUS}:{NUMBERS_MIN}:{NUM_PERM}:"
              f"{MINHASH_SEED}:{MINHASH_SCHEME}")
    words = ("\n".join(sorted(stopwords())) + "\n--\n"
             + "\n".join(sorted(data_lines("clitic_prefixes.txt"))))
    return params + ":" + hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


def _same_speaker(x: tuple, y: tuple) -> int | None:
    """x, y: (speaker_entity, speaker_norm). 1 same, 0 different, None when unknown."""
    if x[0] is not None and y[0] is not None:
        return int(x[0] == y[0])
    if x[1] and y[1]:
        return int(x[1] == y[1])
    return None


def link_claims(store, *, force: bool = False) -> dict:
    """Index the statements not indexed yet and link them to the same claim in other articles.
    Returns ``{"statements", "indexed", "new", "links", "linked", "seconds"}``.

    The new statements go ``CHUNK`` at a time: their terms and signature into ``claim_index``,
    their band keys (:func:`band_keys`) into ``claim_bands``, then their candidates are the
    statements sharing a band key, found by the (band, key) index; so memory stays flat whatever
    the corpus size. A chunk is looked up after its own rows and those of the chunks before it
    are in, so each new pair is seen once (within a chunk, from its first statement)."""
    t0 = time.perf_counter()
    conn = store.conn
    stamp = _stamp()
    done = get_meta(conn, "claims_stamp")
    with transaction(conn):
        if force or done != stamp:
            conn.execute("DELETE FROM claim_links")
            conn.execute("DELETE FROM claim_index")
            conn.execute("DELETE FROM claim_bands")
        # what a replaced or deleted article left behind
        gone = ("NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = claim_index.article_id"
                " AND s.idx = claim_index.idx)")
        orphans = conn.execute(f"SELECT article_id, idx, minhash FROM claim_index WHERE {gone}"
                               ).fetchall()
        _drop_bands(conn, [r for r in orphans if r[2] is not None])
        conn.executemany("DELETE FROM claim_index WHERE article_id=? AND idx=?",
                         [r[:2] for r in orphans])
        conn.execute("DELETE FROM claim_links WHERE article_id NOT IN (SELECT id FROM articles)"
                     " OR earlier_article_id NOT IN (SELECT id FROM articles)")
        _ensure_bands(conn)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS claim_query (band INTEGER, key INTEGER,"
                     " article_id INTEGER, idx INTEGER)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS claim_pairs (qa INTEGER, qi INTEGER,"
                     " ba INTEGER, bi INTEGER)")
        n_new, last = 0, (-1, -1)
        while True:
            rows = conn.execute(
                "SELECT s.article_id, s.idx, s.content_text, s.speaker_entity, s.speaker_norm,"
                " a.published FROM statements s LEFT JOIN articles a ON a.id = s.article_id"
                " WHERE (s.article_id, s.idx) > (?, ?) AND NOT EXISTS (SELECT 1 FROM claim_index c"
                " WHERE c.article_id = s.article_id AND c.idx = s.idx)"
                " ORDER BY s.article_id, s.idx LIMIT ?", (*last, CHUNK)).fetchall()
            if not rows:
                break
            last = rows[-1][:2]
            n_new += len(rows)
            _index_chunk(conn, rows)
        conn.execute("DROP TABLE temp.claim_query")
        conn.execute("DROP TABLE temp.claim_pairs")
        set_meta(conn, "claims_stamp", stamp)
    out = _stats(conn)
    out.update(new=n_new, seconds=round(time.perf_counter() - t0, 2))
    return out


CHUNK = 5000  # new statements indexed and looked up at a time


def _index_chunk(conn: sqlite3.Connection, rows: list) -> None:
    """Index ``rows`` (new statements: key, content, speaker entity and name, published), then
    link each matchable one to the statements that share a band key with it."""
    index_rows, new, sigs = [], {}, []
    for aid, idx, content, ent, snorm, pub in rows:
        terms, n_words = claim_terms(content or "")
        if n_words < MIN_WORDS or len(terms) < MIN_TERMS:
            index_rows.append((aid, idx, None, None))
            continue
        sig = signature(terms)
        index_rows.append((aid, idx, " ".join(terms), sig.tobytes()))
        t = frozenset(terms)
        new[(aid, idx)] = (t, _numbers(t), (ent, snorm, (pub or "")[:10]))
        sigs.append(sig)
    conn.executemany("INSERT INTO claim_index VALUES (?,?,?,?)", index_rows)
    if not new:
        return
    bands = _band_rows(list(new), np.stack(sigs))
    conn.executemany("INSERT INTO claim_bands VALUES (?,?,?,?)", bands)
    conn.execute("DELETE FROM temp.claim_query")
    conn.execute("DELETE FROM temp.claim_pairs")
    conn.executemany("INSERT INTO temp.claim_query VALUES (?,?,?,?)", bands)
    conn.execute(
        "INSERT INTO temp.claim_pairs SELECT DISTINCT q.article_id, q.idx, b.article_id, b.idx"
        " FROM temp.claim_query q JOIN claim_bands b ON b.band = q.band AND b.key = q.key"
        " WHERE b.article_id != q.article_id")
    cand: dict[tuple, tuple] = {}  # each candidate's terms, their numbers, its meta, read once
    for ba, bi, terms, ent, snorm, pub in conn.execute(
            "SELECT p.ba, p.bi, c.terms, s.speaker_entity, s.speaker_norm, a.published"
            " FROM (SELECT DISTINCT ba, bi FROM temp.claim_pairs) p"
            " JOIN claim_index c ON c.article_id = p.ba AND c.idx = p.bi"
            " JOIN statements s ON s.article_id = p.ba AND s.idx = p.bi"
            " LEFT JOIN articles a ON a.id = p.ba"):
        t = frozenset(terms.split())
        cand[(ba, bi)] = (t, _numbers(t), (ent, snorm, (pub or "")[:10]))
    out = []
    for qa, qi, ba, bi in conn.execute("SELECT qa, qi, ba, bi FROM temp.claim_pairs"):
        ki, kj = (qa, qi), (ba, bi)
        if kj in new and kj < ki:  # a pair within the chunk: seen from its first statement
            continue
        ti, ni, mi = new[ki]
        tj, nj, mj = cand[kj]
        same = _same_speaker(mi[:2], mj[:2])
        score, jac = _score(ti, ni, tj, nj, same)
        if score < THRESHOLD:
            continue
        ordered = int(bool(mi[2]) and bool(mj[2]))
        later, earlier = (ki, kj) if _when(ki, mi) > _when(kj, mj) else (kj, ki)
        out.append((*later, *earlier, score, jac, same, ordered))
    conn.executemany("INSERT OR IGNORE INTO claim_links VALUES (?,?,?,?,?,?,?,?)", out)


# -- LSH bands in the store ----------------------------------------------------------------------
KEY_VERSION = 1  # of band_keys: a change rebuilds claim_bands from claim_index


@lru_cache(maxsize=1)
def band_layout() -> tuple[int, int]:
    """(bands, rows per band): what datasketch's MinHashLSH picks for ``LSH_THRESHOLD`` and
    ``NUM_PERM`` (21 x 3 for 0.3 and 64), so the candidates are those it would give."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


_MIX1, _MIX2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """(n, bands) int64: per signature (a row of uint32), a 64-bit hash of each band's values
    (splitmix64 folded over them). Two signatures share a key where datasketch's LSH puts them
    in the same bucket (and, by a hash collision, about 2**-64 per pair of bands, elsewhere;
    every candidate is verified anyway)."""
    b, r = band_layout()
    v = np.asarray(sigs, dtype=np.uint32).reshape(len(sigs), -1)[:, :b * r]
    v = v.reshape(-1, b, r).astype(np.uint64)
    x = np.zeros(v.shape[:2], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(r):
            x ^= v[:, :, k]
            x ^= x >> np.uint64(30)
            x *= _MIX1
            x ^= x >> np.uint64(27)
            x *= _MIX2
            x ^= x >> np.uint64(31)
    return x.view(np.int64)


def _band_rows(keys: list[tuple], sigs: np.ndarray) -> list[tuple]:
    """claim_bands rows of the statements ``keys`` with signatures ``sigs``, in index order."""
    out = []
    for (aid, idx), row in zip(keys, band_keys(sigs).tolist()):
        out.extend((band, key, aid, idx) for band, key in enumerate(row))
    out.sort()
    return out


def _drop_bands(conn: sqlite3.Connection, rows: list) -> None:
    """Delete the claim_bands rows of ``rows`` (article_id, idx, minhash) of claim_index."""
    if rows:
        sigs = np.stack([np.frombuffer(m, dtype="<u4") for _, _, m in rows])
        conn.executemany("DELETE FROM claim_bands WHERE band=? AND key=? AND article_id=?"
                         " AND idx=?", _band_rows([r[:2] for r in rows], sigs))


def forget_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Drop an article's statements from claim_index and claim_bands (its links stay: the
    caller deletes them)."""
    _drop_bands(conn, conn.execute("SELECT article_id, idx, minhash FROM claim_index WHERE"
                                   " article_id=? AND minhash IS NOT NULL",
                                   (article_id,)).fetchall())
    conn.execute("DELETE FROM claim_index WHERE article_id=?", (article_id,))


def _ensure_bands(conn: sqlite3.Connection) -> None:
    """Make claim_bands hold the keys of every claim_index signature in the present layout:
    rebuilt from claim_index when the layout changed or the store was linked before the table
    existed (migration 3); recorded in meta ``claims_bands``."""
    b, r = band_layout()
    want = f"{b}x{r}:{KEY_VERSION}"
    if get_meta(conn, "claims_bands") == want:
        return
    conn.execute("DELETE FROM claim_bands")
    cur = conn.execute("SELECT article_id, idx, minhash FROM claim_index"
                       " WHERE minhash IS NOT NULL ORDER BY article_id, idx")
    while rows := cur.fetchmany(CHUNK * 5):
        sigs = np.stack([np.frombuffer(m, dtype="<u4") for _, _, m in rows])
        conn.executemany("INSERT INTO claim_bands VALUES (?,?,?,?)",
                         _band_rows([r[:2] for r in rows], sigs))
    set_meta(conn, "claims_bands", want)


def _when(key: tuple, m: tuple) -> tuple:
    return (m[2] == "", m[2], key[0], key[1])  # undated last, then date, then ingest order


def _stats(conn: sqlite3.Connection) -> dict:
    n, indexed = conn.execute(
        "SELECT (SELECT count(*) FROM statements), count(*) FROM claim_index"
        " WHERE minhash IS NOT NULL").fetchone()
    links, linked = conn.execute(
        "SELECT count(*), count(DISTINCT article_id || ':' || idx) FROM claim_links").fetchone()
    return {"statements": n, "indexed": indexed, "links": links, "linked": linked}


# -- reading ------------------------------------------------------------------------------------
def said_before(conn: sqlite3.Connection, article_id: int, *, limit: int = 20) -> dict[int, dict]:
    """For each statement (by ``idx``) of an article: ``earlier`` (the same claim in other,
    earlier articles, earliest first) and ``elsewhere`` (in articles where the order is unknown
    because either is undated). Each item: ``article_id``, ``idx``, ``outlet``, ``published``,
    ``title``, ``speaker_name``, ``speaker_entity``, ``content``, ``score``, ``same_speaker``,
    ``same_story`` (the two articles are in the same story cluster: a copy of the same report).
    Statements without any are absent. Empty when the store predates this table."""
    cols = ("a.id, o.idx, a.outlet, a.published, a.title, o.speaker_name, o.speaker_entity,"
            " o.content_text, l.score, l.same_speaker, l.ordered,"
            " (a.cluster_id IS NOT NULL AND a.cluster_id = me.cluster_id)")
    q_earlier = (
        f"SELECT l.idx, {cols} FROM claim_links l"
        " JOIN articles me ON me.id = l.article_id"
        " JOIN articles a ON a.id = l.earlier_article_id"
        " JOIN statements o ON o.article_id = l.earlier_article_id AND o.idx = l.earlier_idx"
        " WHERE l.article_id = ?")
    q_later = (  # only the unordered ones: "said after" is not shown
        f"SELECT l.earlier_idx, {cols} FROM claim_links l"
        " JOIN articles me ON me.id = l.earlier_article_id"
        " JOIN articles a ON a.id = l.article_id"
        " JOIN statements o ON o.article_id = l.article_id AND o.idx = l.idx"
        " WHERE l.earlier_article_id = ? AND l.ordered = 0")
    out: dict[int, dict] = {}
    try:
        rows = conn.execute(q_earlier, (article_id,)).fetchall()
        rows += conn.execute(q_later, (article_id,)).fetchall()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return {}
        raise
    keys = ("article_id", "idx", "outlet", "published", "title", "speaker_name",
            "speaker_entity", "content", "score", "same_speaker", "ordered", "same_story")
    for row in rows:
        item = dict(zip(keys, row[1:]))
        item["same_story"] = bool(item["same_story"])
        ordered = item.pop("ordered")
        d = out.setdefault(row[0], {"earlier": [], "elsewhere": []})
        d["earlier" if ordered else "elsewhere"].append(item)
    for d in out.values():
        d["earlier"].sort(key=lambda x: (x["published"] or "", x["article_id"]))
        d["elsewhere"].sort(key=lambda x: (-x["score"], x["article_id"]))
        d["n_earlier"], d["n_elsewhere"] = len(d["earlier"]), len(d["elsewhere"])
        d["earlier"], d["elsewhere"] = d["earlier"][:limit], d["elsewhere"][:limit]
    return out


def link_state(conn: sqlite3.Connection) -> str:
    """``"current"`` when :func:`link_claims` ran with the present parameters, ``"stale"`` when
    it ran with others (the links stand until the next run), ``"none"`` when it never ran on this
    store (a store made before "said before", or opened read-only before its migration): then an
    absent link says nothing."""
    try:
        stamp = get_meta(conn, "claims_stamp")
        conn.execute("SELECT 1 FROM claim_index LIMIT 1").fetchone()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return "none"
        raise
    if not stamp:
        return "none"
    return "current" if stamp == _stamp() else "stale"


def claims_report(store, article_id: int, *, limit: int = 10) -> dict:
    """The article and, per statement, ``earliest`` (the first earlier occurrence or None),
    ``earlier`` (up to ``limit``, earliest first), ``elsewhere`` (order unknown) and their
    totals, ``linked`` (the statement was looked up: when False, no occurrence means nothing) and
    ``matchable`` (it is long enough to be matched at all): what ``naba claims`` prints.
    ``claims_linked`` is :func:`link_state`."""
    conn = store.conn
    meta = store.article(article_id) or {}
    state = link_state(conn)
    sb = said_before(conn, article_id, limit=limit) if state != "none" else {}
    indexed: dict[int, bool] = {}
    if state != "none":
        indexed = {idx: terms is not None for idx, terms in conn.execute(
            "SELECT idx, terms FROM claim_index WHERE article_id=?", (article_id,))}
    out = []
    for idx, speaker, content in conn.execute(
            "SELECT idx, speaker_name, content_text FROM statements WHERE article_id=?"
            " ORDER BY idx", (article_id,)):
        d = sb.get(idx, {})
        earlier = d.get("earlier", [])
        out.append({"idx": idx, "speaker_name": speaker, "content": content,
                    "linked": idx in indexed, "matchable": indexed.get(idx),
                    "earliest": earlier[0] if earlier else None, "earlier": earlier,
                    "n_earlier": d.get("n_earlier", 0), "elsewhere": d.get("elsewhere", []),
                    "n_elsewhere": d.get("n_elsewhere", 0)})
    return {"article": {k: meta.get(k) for k in ("id", "doc_id", "outlet", "title", "published")},
            "claims_linked": state, "statements": out}


def _excerpt(s: str | None, n: int = 90) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[:n - 1] + "…"


def format_claims(rep: dict) -> str:
    a = rep["article"]
    lines = [f"#{a['id']} {a['published'] or '----------'} {a['outlet'] or '?'} | {a['title'] or ''}"]
    state = rep.get("claims_linked")
    if state == "none":
        lines.append("claims are not linked yet in this store: run naba claims --update")
    elif state == "stale":
        lines.append("claims were linked with other parameters: run naba claims --update")
    for st in rep["statements"]:
        lines.append(f"[{st['idx'] + 1}] {st['speaker_name'] or '(unattributed)'}: "
                     f"{_excerpt(st['content'])}")
        if not st["n_earlier"] and not st["n_elsewhere"]:
            if not st.get("linked"):
                lines.append("    not linked yet (run naba claims --update)")
            elif not st.get("matchable"):
                lines.append("    too short to be matched")
            else:
                lines.append("    not said before in this corpus")
            continue
        for label, items in (("earliest", st["earlier"][:1]), ("earlier", st["earlier"][1:]),
                             ("elsewhere, undated", st["elsewhere"])):
            for e in items:
                copy = " (same story)" if e["same_story"] else ""
                lines.append(f"    {label}: #{e['article_id']} {e['published'] or '----------'}"
                             f" {e['outlet'] or '?'} | {e['speaker_name'] or '(unattributed)'}:"
                             f" {_excerpt(e['content'], 70)} [{e['score']:.2f}]{copy}")
        for n, shown, what in ((st["n_earlier"], len(st["earlier"]), "earlier"),
                               (st["n_elsewhere"], len(st["elsewhere"]), "undated")):
            if n > shown:
                lines.append(f"    ... {n} {what} occurrences in all")
    return "\n".join(lines) + "\n"
